/**
 * The cursor of the block scanner: the note's text, where the current line
 * starts and ends, and a position in it that counts columns as CommonMark
 * does (a tab reaches the next multiple of four from `origin`, which a block
 * quote marker resets). The scanner builds on it; nothing here reads blocks.
 */
import { TAB, LF, CR, SPACE, lineBreakFrom } from "./chars";

export abstract class LineCursor {
	protected readonly s: string;
	protected readonly n: number;

	// The current line and the cursor in it. Columns count tabs to the next
	// multiple of four from `origin` (reset after a quote marker); `extra` is
	// what is left of a tab that a container's indentation only partly used.
	protected lineStart = 0;
	protected lineEnd = 0;
	protected pos = 0;
	protected col = 0;
	protected extra = 0;
	protected origin = 0;
	protected indPos = 0;
	protected indCol = 0;

	constructor(text: string) {
		this.s = text;
		this.n = text.length;
	}

	/** Whether line breaks may be a lone CR, which needs a slower search for line ends. */
	protected loneCR = false;
	/** Where the line after the one `eol` measured starts; -1 after the last line. */
	protected nextStart = -1;

	/** The end of the line starting at `p`, before its line break; sets `nextStart`. */
	protected eol(p: number): number {
		const s = this.s;
		let e: number;
		if (this.loneCR) {
			e = lineBreakFrom(s, p);
			this.nextStart = e >= this.n ? -1 : s.charCodeAt(e) === CR && s.charCodeAt(e + 1) === LF ? e + 2 : e + 1;
			return e;
		}
		e = s.indexOf("\n", p);
		if (e < 0) {
			this.nextStart = -1;
			e = this.n;
		} else {
			this.nextStart = e + 1;
		}
		return e > p && s.charCodeAt(e - 1) === CR ? e - 1 : e;
	}

	/** Columns of indentation at the cursor; sets `indPos`/`indCol` to the first non-blank. */
	protected indent(): number {
		return this.extra + this.walkBlank(this.pos, this.col);
	}

	/**
	 * Walks the spaces and tabs from `p`, at column `c`: sets `indPos`/`indCol`
	 * to the first non-blank and returns the columns walked.
	 */
	protected walkBlank(p: number, c: number): number {
		const s = this.s;
		const from = c;
		while (p < this.lineEnd) {
			const ch = s.charCodeAt(p);
			if (ch === SPACE) c++;
			else if (ch === TAB) c += 4 - ((c - this.origin) & 3);
			else break;
			p++;
		}
		this.indPos = p;
		this.indCol = c;
		return c - from;
	}

	/** Consumes `n` columns of indentation, splitting a tab if need be. */
	protected consumeCols(n: number): void {
		const s = this.s;
		while (n > 0) {
			if (this.extra > 0) {
				const t = Math.min(this.extra, n);
				this.extra -= t;
				n -= t;
				continue;
			}
			if (this.pos >= this.lineEnd) return;
			const ch = s.charCodeAt(this.pos);
			if (ch === SPACE) {
				this.pos++;
				this.col++;
				n--;
			} else if (ch === TAB) {
				const t = 4 - ((this.col - this.origin) & 3);
				this.pos++;
				this.col += t;
				if (t > n) {
					this.extra = t - n;
					n = 0;
				} else {
					n -= t;
				}
			} else {
				return;
			}
		}
	}

	/** Whether the rest of the line is blank: spaces only (a tab makes it not blank, as in Obsidian). */
	protected restBlank(): boolean {
		const s = this.s;
		for (let p = this.pos; p < this.lineEnd; p++) if (s.charCodeAt(p) !== SPACE) return false;
		return true;
	}
}
