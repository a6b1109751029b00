/**
 * The block scanner's state and the parts of its pass that look at one line
 * without deciding what block it continues: the cursor along a line, the
 * leaf block detectors, and headings, tables and callouts. `block.ts` holds
 * the pass itself (`Scanner`, which extends `BlockState`): each line through
 * the open containers and leaf blocks, and the inline pass afterwards. The
 * two are one class in two files, whose methods call each other through
 * `this` as before, so that V8 compiles the pass as it did in one file: an
 * earlier split that moved parts into other objects and plain functions
 * made the scan 40% slower.
 */
import type { RawCallout, RawFrontmatter, RawHeading, RawTag } from "./types";
import {
	TAB, SPACE, BANG, QUOTE_D, HASH, DOLLAR, PERCENT, QUOTE_S, PAREN_O, PAREN_C, STAR, PLUS, DASH, DOT, COLON, LT,
	GT, BRACK_O, BACKSLASH, BRACK_C, CARET, UNDERSCORE, BACKTICK, PIPE, isDigit, isSpaceOrTab, indexBefore,
	normalizeLabel,
} from "./chars";
import { InlineReader } from "./inline";

/** Kinds of hidden block a line may sit in, as `HiddenRegions.lineKinds` gives them. */
export const H_NONE = 0, H_CODE = 1, H_MATH = 2, H_COMMENT = 3, H_HTML = 4;

/**
 * Where no tag is read, recorded by a scan only when asked (the editing
 * commands ask; indexing never does): the hidden block each line sits in,
 * and the hidden inline spans (code, HTML comments, links), in note offsets.
 */
export class HiddenRegions {
	/** Per body line (0-based), `H_CODE`, `H_MATH`, `H_COMMENT` or `H_HTML`; `H_NONE` or absent when none. */
	readonly lineKinds: number[] = [];
	/** Inline spans, three numbers each: the kind (`SPAN_CODE` ... of inline.ts), start, end (exclusive). */
	readonly spans: number[] = [];
	/** Where each line starts, for turning a line and column into an offset. */
	lineStarts: number[] = [];
}

/**
 * A callout body line as text: a nested callout's marker line counts by its
 * title, so an untitled callout wrapping others still finds its first words.
 */
export function calloutBodyText(line: string): string {
	const text = line.trim();
	const m = /^\[![^\]]*\][+-]?/.exec(text);
	return m ? text.slice(m[0].length).trim() : text;
}


export const Q_QUOTE = 0, Q_ITEM = 1;
export const L_NONE = 0, L_PARA = 1, L_TABLE = 2, L_FENCE = 3, L_ICODE = 4, L_MATH = 5, L_HTML = 6, L_COMMENT = 7;

/** Block quotes and list items nest; past this depth their markers are read as text. */
export const MAX_CONTAINERS = 100;

/** A callout still looking for its first line of text. */
export interface PendingCallout {
	callout: RawCallout;
	depth: number;
}

/**
 * Characters that open the inline constructs able to hide a `#` after white
 * space: code, math, HTML and links. (Emphasis hides nothing; what it changes,
 * right before a `#` or inside a tag name, the reader checks where it looks.)
 */
export const OPENER_CHARS = ["`", "$", "<", "["];

/**
 * Storage reused by every scan, so that a scan allocates little besides its
 * results: scans run one at a time and nothing in it outlives a scan. Each
 * array's count of entries in use is kept by the scanner.
 */
export interface ScanBuffers {
	/** Where each line starts. */
	readonly lineStarts: number[];
	/** Positions of the `#` characters in inline content, in order. */
	readonly hashes: number[];
	/** Inline content queued for the inline pass, `UNIT_SIZE` numbers each. */
	readonly units: number[];
	/** The inline reader, which keeps no result. */
	readonly reader: InlineReader;
}

export const SHARED_BUFFERS: ScanBuffers = { lineStarts: [], hashes: [], units: [], reader: new InlineReader() };

/**
 * A queued unit of inline content: its start and end, -1 for a plain range
 * of the text or the index in `segs` of line pieces to join, and the range of
 * `hashes` holding its `#` positions.
 */
export const U_START = 0, U_END = 1, U_SEGS = 2, U_HASH_FROM = 3, U_HASH_TO = 4, UNIT_SIZE = 5;

/**
 * The open block quotes and list items, outermost first, as parallel arrays
 * (a line walks them from the outside in, matching each one's marker or
 * indentation).
 */
export class ContainerStack {
	/** `Q_QUOTE` or `Q_ITEM`. */
	readonly kind: number[] = [];
	/** A list item's content indentation, in columns (0 for a quote). */
	readonly width: number[] = [];
	/** Where the container's marker ended on the latest line that matched it (for callout text). */
	readonly markEnd: number[] = [];

	get depth(): number {
		return this.kind.length;
	}

	push(kind: number, width: number, markEnd: number): void {
		this.kind.push(kind);
		this.width.push(width);
		this.markEnd.push(markEnd);
	}

	/** Closes the containers deeper than `depth`. */
	truncate(depth: number): void {
		this.kind.length = depth;
		this.width.length = depth;
		this.markEnd.length = depth;
	}
}

/** A CR that ends a line on its own (old Mac files, or text pasted from one). */
export const LONE_CR = /\r(?!\n)/;

/**
 * What a scan knows at each point of the note, and the methods that read
 * one line without deciding what it continues; `Scanner` adds the pass.
 */
export abstract class BlockState {
	/** Closes the open leaf block (the pass's, in `Scanner`). */
	protected abstract closeLeaf(): void;
	/** Queues a unit of inline content for the inline pass (in `Scanner`). */
	protected abstract pushUnit(start: number, end: number, segs: number, hashFrom: number, hashTo: number): void;

	protected readonly s: string;
	protected readonly n: number;
	// The arrays of SHARED_BUFFERS, each with its own count of entries in use.
	protected readonly lineStarts = SHARED_BUFFERS.lineStarts;
	protected lineN = 0;
	protected readonly tags: RawTag[] = [];
	protected readonly headings: RawHeading[] = [];
	protected readonly callouts: RawCallout[] = [];
	protected pending: PendingCallout[] = [];
	protected frontmatter: RawFrontmatter | null = null;
	protected defs: Set<string> | null = null;

	// Inline content to read once the block pass is done (link definitions may
	// come after their use), `UNIT_SIZE` numbers each (see `U_START`).
	protected readonly units = SHARED_BUFFERS.units;
	protected unitN = 0;
	protected readonly segs: number[] = [];

	protected readonly containers = new ContainerStack();

	// The open leaf block.
	protected leaf = L_NONE;
	protected fenceChar = 0;
	protected fenceLen = 0;
	protected htmlType = 0;
	/** Where the open HTML block's end marker next occurs (-2: not looked for yet; -1: nowhere). */
	protected htmlEndAt = -2;
	protected tableLeadingPipe = false;
	protected prevBlank = false;

	// Text gathered for a paragraph or comment: pieces of lines.
	protected accStart = -1;
	protected accEnd = 0;
	protected accLines = 0;
	protected accRaw = true;
	protected accHash = false;
	protected accHashFrom = 0;
	protected accFirstLine = 0;
	protected readonly accSegs: number[] = [];
	protected accSegN = 0;

	// The current line and the cursor in it. Columns count tabs to the next
	// multiple of four from `origin` (reset after a quote marker); `extra` is
	// what is left of a tab that a container's indentation only partly used.
	protected lineNo = 0;
	protected lineStart = 0;
	protected lineEnd = 0;
	protected pos = 0;
	protected col = 0;
	protected extra = 0;
	protected origin = 0;
	protected indPos = 0;
	protected indCol = 0;

	// The next `#` and `%%` in the text, searched natively and remembered, so
	// that lines without them cost nothing and no text is searched twice.
	protected nextHash = -1;
	protected nextPercents = -2;
	/** Positions of the `#` characters in inline content, in order. */
	protected readonly hashes = SHARED_BUFFERS.hashes;
	protected hashN = 0;

	/** When set, the scan also records where no tag is read (inline content is then read in full). */
	protected readonly hidden: HiddenRegions | null;
	/** The leaf kind that took the current line when it hides tags (fence, math, HTML, indented code), for `hidden`. */
	protected lineHidden = L_NONE;

	constructor(text: string, hidden: HiddenRegions | null = null) {
		this.s = text;
		this.n = text.length;
		this.hidden = hidden;
	}

	// -- the cursor ------------------------------------------------------------

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

	protected skipIndent(): void {
		this.indent();
		this.pos = this.indPos;
		this.col = this.indCol;
		this.extra = 0;
	}

	/** Whether the rest of the line is blank: spaces only (a tab makes it not blank, as in Obsidian). */
	protected restBlank(): boolean {
		const s = this.s;
		for (let p = this.pos; p < this.lineEnd; p++) if (s.charCodeAt(p) !== SPACE) return false;
		return true;
	}

	/**
	 * Records every `#` of the rest of the line (from `from`) in `hashes`, so
	 * that the inline pass never searches the text again; true if any.
	 */
	protected lineHashes(from: number): boolean {
		const s = this.s;
		let h = this.nextHash;
		if (h >= 0 && h < from) h = s.indexOf("#", from);
		const before = this.hashN;
		while (h >= 0 && h < this.lineEnd) {
			this.hashes[this.hashN++] = h;
			h = s.indexOf("#", h + 1);
		}
		this.nextHash = h;
		return this.hashN > before;
	}

	/** The next `%%` at or after `from`, or a number past every line (so `< lineEnd` tests fail). */
	protected nextDoublePercent(from: number): number {
		if (this.nextPercents === -2 || (this.nextPercents >= 0 && this.nextPercents < from)) this.nextPercents = this.s.indexOf("%%", from);
		return this.nextPercents >= 0 ? this.nextPercents : this.n + 1;
	}

	/**
	 * Whether the open paragraph holds an odd number of `$$`: a `$$` line then
	 * closes its inline math rather than opening a math block. Counted only
	 * when such a line comes, which is rare.
	 */
	protected paraDollarsOdd(): boolean {
		let k = 0;
		for (let i = 0; i < this.accSegN; i += 2) {
			const end = this.accSegs[i + 1]!;
			let at = indexBefore(this.s, "$$", this.accSegs[i]!, end);
			while (at >= 0) {
				k++;
				at = indexBefore(this.s, "$$", at + 2, end);
			}
		}
		return (k & 1) === 1;
	}

	// -- leaf detectors (they look, they do not consume) ------------------------

	/** The level of an ATX heading at `p`, or 0. */
	protected atxLevel(p: number): number {
		const s = this.s;
		let k = 0;
		while (p + k < this.lineEnd && s.charCodeAt(p + k) === HASH) k++;
		if (k === 0 || k > 6) return 0;
		return p + k === this.lineEnd || isSpaceOrTab(s.charCodeAt(p + k)) ? k : 0;
	}

	/** The length of an opening code fence at `p`, or 0. */
	protected fenceAt(p: number): number {
		const s = this.s;
		const c = s.charCodeAt(p);
		let k = 0;
		while (p + k < this.lineEnd && s.charCodeAt(p + k) === c) k++;
		if (k < 3) return 0;
		if (c === BACKTICK) {
			if (indexBefore(s, "`", p + k, this.lineEnd) >= 0) return 0;
		}
		return k;
	}

	protected thematicBreak(p: number): boolean {
		const s = this.s;
		const c = s.charCodeAt(p);
		if (c !== STAR && c !== DASH && c !== UNDERSCORE) return false;
		let k = 0;
		for (let q = p; q < this.lineEnd; q++) {
			const d = s.charCodeAt(q);
			if (d === c) k++;
			else if (!isSpaceOrTab(d)) return false;
		}
		return k >= 3;
	}

	/** The width of a list marker at `p` (`-`, `+`, `*`, or 1-9 digits and `.`/`)`) followed by a space, tab or the line end; or 0. */
	protected listMarkerWidth(p: number): number {
		const s = this.s;
		const c = s.charCodeAt(p);
		let q = p;
		if (c === DASH || c === STAR || c === PLUS) {
			q = p + 1;
		} else {
			while (q < this.lineEnd && isDigit(s.charCodeAt(q)) && q - p < 10) q++;
			if (q === p || q - p > 9) return 0;
			const d = s.charCodeAt(q);
			if (d !== DOT && d !== PAREN_C) return 0;
			q++;
		}
		if (q < this.lineEnd && !isSpaceOrTab(s.charCodeAt(q))) return 0;
		return q - p;
	}

	/** A `$$` line opens a math block unless it closes on the same line. */
	protected mathOpens(p: number): boolean {
		if (this.s.charCodeAt(p + 1) !== DOLLAR || p + 1 >= this.lineEnd) return false;
		return indexBefore(this.s, "$$", p + 2, this.lineEnd) < 0;
	}

	/** Whether this line closes the open comment block. */
	protected commentCloses(): boolean {
		return this.nextDoublePercent(this.pos) + 1 < this.lineEnd;
	}

	/** A `%%` line opens a comment block unless it closes on the same line. */
	protected commentOpens(p: number): boolean {
		if (this.s.charCodeAt(p + 1) !== PERCENT || p + 1 >= this.lineEnd) return false;
		return this.nextDoublePercent(p + 2) + 1 >= this.lineEnd;
	}

	/** Whether the open HTML block's end condition holds on this line, from `from`. */
	protected htmlEnds(from: number): boolean {
		const s = this.s;
		const end = this.lineEnd;
		const has = (needle: string): boolean => {
			// An unclosed block would otherwise search the rest of the note on every line.
			if (this.htmlEndAt === -2 || (this.htmlEndAt >= 0 && this.htmlEndAt < from)) this.htmlEndAt = s.indexOf(needle, from);
			return this.htmlEndAt >= 0 && this.htmlEndAt + needle.length <= end;
		};
		switch (this.htmlType) {
			case 1: {
				const l = s.slice(from, end).toLowerCase();
				return l.includes("</script>") || l.includes("</pre>") || l.includes("</style>") || l.includes("</textarea>");
			}
			case 2:
				return has("-->");
			case 3:
				return has("?>");
			case 4:
				return has(">");
			case 5:
				return has("]]>");
			default:
				return false;
		}
	}

	/** A link reference definition `[label]: destination "title"` on one line; records the label. */
	protected linkDefinition(p: number): boolean {
		const s = this.s;
		const end = this.lineEnd;
		if (s.charCodeAt(p + 1) === CARET) return false;
		let q = p + 1;
		for (; q < end; q++) {
			const c = s.charCodeAt(q);
			if (c === BACKSLASH) q++;
			else if (c === BRACK_O) return false;
			else if (c === BRACK_C) break;
		}
		if (q >= end || s.charCodeAt(q + 1) !== COLON) return false;
		const label = s.slice(p + 1, q);
		if (label.trim() === "") return false;
		let r = q + 2;
		while (r < end && isSpaceOrTab(s.charCodeAt(r))) r++;
		if (r >= end) return false;
		if (s.charCodeAt(r) === LT) {
			const gt = indexBefore(s, ">", r, end);
			if (gt < 0) return false;
			r = gt + 1;
		} else {
			while (r < end && s.charCodeAt(r) > SPACE) r++;
		}
		const afterDest = r;
		while (r < end && isSpaceOrTab(s.charCodeAt(r))) r++;
		if (r < end) {
			const c = s.charCodeAt(r);
			if (r === afterDest || (c !== QUOTE_D && c !== QUOTE_S && c !== PAREN_O)) return false;
			const closeCh = c === PAREN_O ? PAREN_C : c;
			let t = r + 1;
			while (t < end && s.charCodeAt(t) !== closeCh) t += s.charCodeAt(t) === BACKSLASH ? 2 : 1;
			if (t >= end) return false;
			for (t++; t < end; t++) if (!isSpaceOrTab(s.charCodeAt(t))) return false;
		}
		if (!this.defs) this.defs = new Set();
		this.defs.add(normalizeLabel(label));
		return true;
	}

	// -- headings, tables, callouts --------------------------------------------

	protected atxHeading(p: number, level: number): void {
		const s = this.s;
		let cs = p + level;
		while (cs < this.lineEnd && isSpaceOrTab(s.charCodeAt(cs))) cs++;
		let ce = this.lineEnd;
		while (ce > cs && isSpaceOrTab(s.charCodeAt(ce - 1))) ce--;
		// A closing run of `#` (after white space, or alone) is not part of the text.
		let h = ce;
		while (h > cs && s.charCodeAt(h - 1) === HASH) h--;
		if (h < ce && (h === cs || isSpaceOrTab(s.charCodeAt(h - 1)))) {
			ce = h;
			while (ce > cs && isSpaceOrTab(s.charCodeAt(ce - 1))) ce--;
		}
		this.closeLeaf();
		if (this.containers.depth === 0) this.headings.push({ heading: s.slice(cs, ce), level, line: this.lineNo });
		const from = this.hashN;
		if ((this.lineHashes(cs) && this.hashes[from]! < ce) || this.hidden !== null) this.pushUnit(cs, ce, -1, from, this.hashN);
	}

	protected setextHeading(level: number): void {
		if (this.containers.depth === 0) {
			const text = this.accText().trim();
			this.headings.push({ heading: text, level, line: this.accFirstLine });
		}
		this.closeLeaf();
	}

	/** The text gathered so far, for a setext heading. */
	protected accText(): string {
		if (this.accRaw) return this.s.slice(this.accStart, this.accEnd);
		const parts: string[] = [];
		for (let k = 0; k < this.accSegN; k += 2) parts.push(this.s.slice(this.accSegs[k], this.accSegs[k + 1]));
		return parts.join("\n");
	}

	/**
	 * Turns a one-line paragraph into a table header when this line is a
	 * delimiter row. Obsidian wants the header to hold a pipe besides a leading
	 * one, and the delimiter row to agree with it on a leading pipe.
	 */
	protected tableStart(): boolean {
		const s = this.s;
		const hs = this.accStart, he = this.accEnd;
		const headLead = s.charCodeAt(hs) === PIPE;
		let pipes = 0;
		for (let q = headLead ? hs + 1 : hs; q < he; q++) {
			const c = s.charCodeAt(q);
			if (c === BACKSLASH) q++;
			else if (c === PIPE) pipes++;
		}
		if (pipes === 0) return false;
		let p = this.pos;
		const end = this.lineEnd;
		const lead = this.extra === 0 && s.charCodeAt(p) === PIPE;
		if (lead !== headLead) return false;
		if (lead) p++;
		let bars = lead ? 1 : 0, cells = 0;
		for (;;) {
			while (p < end && isSpaceOrTab(s.charCodeAt(p))) p++;
			if (p >= end) break;
			if (s.charCodeAt(p) === COLON) p++;
			const dashes = p;
			while (p < end && s.charCodeAt(p) === DASH) p++;
			if (p === dashes) return false;
			if (p < end && s.charCodeAt(p) === COLON) p++;
			while (p < end && isSpaceOrTab(s.charCodeAt(p))) p++;
			cells++;
			if (p >= end) break;
			if (s.charCodeAt(p) !== PIPE) return false;
			bars++;
			p++;
		}
		if (bars === 0 || cells === 0) return false;
		const headHash = this.accHash, headHashes = this.accHashFrom;
		this.accStart = -1;
		this.accSegN = 0;
		this.accHash = false;
		this.leaf = L_TABLE;
		this.tableLeadingPipe = lead;
		if (headHash || this.hidden !== null) this.addRow(hs, he, headHashes);
		return true;
	}

	/** Queues the cells of a table row that hold a `#` (the row's `#`s are recorded from `hashes[from]` on). */
	protected addRow(start: number, end: number, from: number): void {
		const s = this.s;
		let p = start;
		while (p < end && isSpaceOrTab(s.charCodeAt(p))) p++;
		if (p < end && s.charCodeAt(p) === PIPE) p++;
		let cell = p, k = from;
		for (; p <= end; p++) {
			const c = p < end ? s.charCodeAt(p) : PIPE;
			if (c === BACKSLASH) {
				p++;
			} else if (c === PIPE) {
				const first = k;
				while (k < this.hashN && this.hashes[k]! < p) k++;
				if (k > first || this.hidden !== null) this.pushUnit(cell, p, -1, first, k);
				cell = p + 1;
			}
		}
	}

	/** A new block quote: a callout when its first line starts with `[!type]`. */
	protected calloutStart(): void {
		const s = this.s;
		const ind = this.indent();
		if (ind > 3) return;
		const p = this.indPos;
		if (s.charCodeAt(p) !== BRACK_O || s.charCodeAt(p + 1) !== BANG) return;
		const close = indexBefore(s, "]", p + 2, this.lineEnd);
		if (close < 0 || close === p + 2) return;
		const type = s.slice(p + 2, close).trim().toLowerCase();
		if (type === "" || type.includes("[")) return;
		let t = close + 1;
		if (t < this.lineEnd && (s.charCodeAt(t) === PLUS || s.charCodeAt(t) === DASH)) t++;
		const title = s.slice(t, this.lineEnd).trim();
		const callout: RawCallout = { type, line: this.lineNo, title, firstText: title };
		this.callouts.push(callout);
		if (title === "") this.pending.push({ callout, depth: this.containers.depth - 1 });
	}

	/** Gives waiting callouts this line's text, when their quote continues on it. */
	protected calloutText(matched: number): void {
		const s = this.s;
		const keep: PendingCallout[] = [];
		for (const w of this.pending) {
			if (w.depth >= matched) {
				keep.push(w);
				continue;
			}
			let p = this.containers.markEnd[w.depth]!;
			while (p < this.lineEnd) {
				const c = s.charCodeAt(p);
				if (c !== GT && !isSpaceOrTab(c)) break;
				p++;
			}
			const text = calloutBodyText(s.slice(p, this.lineEnd));
			if (text === "") keep.push(w);
			else w.callout.firstText = text;
		}
		this.pending = keep;
	}

	protected calloutLazyText(): void {
		const text = this.s.slice(this.pos, this.lineEnd).trim();
		if (text === "") return;
		for (const w of this.pending) w.callout.firstText = text;
		this.pending = [];
	}

}
