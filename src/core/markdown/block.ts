/**
 * The block scanner: one pass over a note's lines that follows containers
 * (block quotes, list items), leaf blocks (paragraphs, headings, fences,
 * math, HTML, comments, tables) and callouts, and queues the inline content
 * that holds a `#` for the inline reader.
 */
import type { MarkdownScan, RawCallout, RawFrontmatter, RawHeading, RawTag } from "./types";
import {
	TAB, LF, CR, SPACE, BANG, QUOTE_D, HASH, DOLLAR, PERCENT, QUOTE_S, PAREN_O, PAREN_C, STAR, PLUS, DASH, DOT, COLON, LT,
	EQ, GT, BRACK_O, BACKSLASH, BRACK_C, CARET, UNDERSCORE, BACKTICK, PIPE, TILDE, isDigit, isSpaceOrTab, indexBefore,
	lineBreakFrom, normalizeLabel,
} from "./chars";
import { htmlBlockType } from "./html";
import { InlineReader, type TagSink } from "./inline";

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
function calloutBodyText(line: string): string {
	const text = line.trim();
	const m = /^\[![^\]]*\][+-]?/.exec(text);
	return m ? text.slice(m[0].length).trim() : text;
}


const Q_QUOTE = 0, Q_ITEM = 1;
const L_NONE = 0, L_PARA = 1, L_TABLE = 2, L_FENCE = 3, L_ICODE = 4, L_MATH = 5, L_HTML = 6, L_COMMENT = 7;

/** Block quotes and list items nest; past this depth their markers are read as text. */
const MAX_CONTAINERS = 100;

/** A callout still looking for its first line of text. */
interface PendingCallout {
	callout: RawCallout;
	depth: number;
}

/**
 * Characters that open the inline constructs able to hide a `#` after white
 * space: code, math, HTML and links. (Emphasis hides nothing; what it changes,
 * right before a `#` or inside a tag name, the reader checks where it looks.)
 */
const OPENER_CHARS = ["`", "$", "<", "["];

/**
 * Storage reused by every scan, so that a scan allocates little besides its
 * results: scans run one at a time and nothing in it outlives a scan. Each
 * array's count of entries in use is kept by the scanner.
 */
interface ScanBuffers {
	/** Where each line starts. */
	readonly lineStarts: number[];
	/** Positions of the `#` characters in inline content, in order. */
	readonly hashes: number[];
	/** Inline content queued for the inline pass, `UNIT_SIZE` numbers each. */
	readonly units: number[];
	/** The inline reader, which keeps no result. */
	readonly reader: InlineReader;
}

const SHARED_BUFFERS: ScanBuffers = { lineStarts: [], hashes: [], units: [], reader: new InlineReader() };

/**
 * A queued unit of inline content: its start and end, -1 for a plain range
 * of the text or the index in `segs` of line pieces to join, and the range of
 * `hashes` holding its `#` positions.
 */
const U_START = 0, U_END = 1, U_SEGS = 2, U_HASH_FROM = 3, U_HASH_TO = 4, UNIT_SIZE = 5;

/**
 * The open block quotes and list items, outermost first, as parallel arrays
 * (a line walks them from the outside in, matching each one's marker or
 * indentation).
 */
class ContainerStack {
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
const LONE_CR = /\r(?!\n)/;

export class Scanner implements TagSink {
	private readonly s: string;
	private readonly n: number;
	// The arrays of SHARED_BUFFERS, each with its own count of entries in use.
	private readonly lineStarts = SHARED_BUFFERS.lineStarts;
	private lineN = 0;
	private readonly tags: RawTag[] = [];
	private readonly headings: RawHeading[] = [];
	private readonly callouts: RawCallout[] = [];
	private pending: PendingCallout[] = [];
	private frontmatter: RawFrontmatter | null = null;
	private defs: Set<string> | null = null;

	// Inline content to read once the block pass is done (link definitions may
	// come after their use), `UNIT_SIZE` numbers each (see `U_START`).
	private readonly units = SHARED_BUFFERS.units;
	private unitN = 0;
	private readonly segs: number[] = [];

	private readonly containers = new ContainerStack();

	// The open leaf block.
	private leaf = L_NONE;
	private fenceChar = 0;
	private fenceLen = 0;
	private htmlType = 0;
	/** Where the open HTML block's end marker next occurs (-2: not looked for yet; -1: nowhere). */
	private htmlEndAt = -2;
	private tableLeadingPipe = false;
	private prevBlank = false;

	// Text gathered for a paragraph or comment: pieces of lines.
	private accStart = -1;
	private accEnd = 0;
	private accLines = 0;
	private accRaw = true;
	private accHash = false;
	private accHashFrom = 0;
	private accFirstLine = 0;
	private readonly accSegs: number[] = [];
	private accSegN = 0;

	// The current line and the cursor in it. Columns count tabs to the next
	// multiple of four from `origin` (reset after a quote marker); `extra` is
	// what is left of a tab that a container's indentation only partly used.
	private lineNo = 0;
	private lineStart = 0;
	private lineEnd = 0;
	private pos = 0;
	private col = 0;
	private extra = 0;
	private origin = 0;
	private indPos = 0;
	private indCol = 0;

	// The next `#` and `%%` in the text, searched natively and remembered, so
	// that lines without them cost nothing and no text is searched twice.
	private nextHash = -1;
	private nextPercents = -2;
	/** Positions of the `#` characters in inline content, in order. */
	private readonly hashes = SHARED_BUFFERS.hashes;
	private hashN = 0;

	/** When set, the scan also records where no tag is read (inline content is then read in full). */
	private readonly hidden: HiddenRegions | null;
	/** The leaf kind that took the current line when it hides tags (fence, math, HTML, indented code), for `hidden`. */
	private lineHidden = L_NONE;

	constructor(text: string, hidden: HiddenRegions | null = null) {
		this.s = text;
		this.n = text.length;
		this.hidden = hidden;
	}

	/** Reads the properties block only. */
	frontmatterOnly(): RawFrontmatter | null {
		this.readFrontmatter();
		return this.frontmatter;
	}

	run(): MarkdownScan {
		const s = this.s;
		// Only a CR without LF after it needs the slower search for line ends; CRLF does not.
		this.loneCR = s.indexOf("\r") >= 0 && LONE_CR.test(s);
		let p = this.readFrontmatter();
		this.nextHash = p < 0 ? -1 : s.indexOf("#", p);
		while (p >= 0) {
			const e = this.eol(p);
			const next = this.nextStart;
			this.lineNo = this.lineN;
			this.lineStarts[this.lineN++] = p;
			this.line(p, e);
			if (this.hidden !== null) this.recordLine();
			p = next;
		}
		this.closeContainersTo(0);
		this.closeLeaf();
		this.readUnits();
		if (this.hidden !== null) this.hidden.lineStarts = this.lineStarts.slice(0, this.lineN);
		return { frontmatter: this.frontmatter, tags: this.tags, headings: this.headings, callouts: this.callouts, lineCount: this.lineN };
	}

	/** Whether line breaks may be a lone CR, which needs a slower search for line ends. */
	private loneCR = false;
	/** Where the line after the one `eol` measured starts; -1 after the last line. */
	private nextStart = -1;

	/** The end of the line starting at `p`, before its line break; sets `nextStart`. */
	private eol(p: number): number {
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

	/**
	 * The properties block: `---` alone on the first line, up to the next line
	 * that is `---` (trailing white space allowed). Returns where the body
	 * starts (-1 when nothing follows the block).
	 */
	private readFrontmatter(): number {
		const s = this.s;
		if (!s.startsWith("---")) return 0;
		const open = this.eol(0);
		if (open !== 3 || this.nextStart < 0) return 0;
		this.lineStarts[this.lineN++] = 0;
		let p = this.nextStart;
		const yamlStart = p;
		let prevEnd = 3;
		while (p >= 0) {
			const e = this.eol(p);
			const next = this.nextStart;
			this.lineStarts[this.lineN++] = p;
			let t = e;
			while (t > p && isSpaceOrTab(s.charCodeAt(t - 1))) t--;
			if (t - p === 3 && s.startsWith("---", p)) {
				const yaml = p > yamlStart ? s.slice(yamlStart, prevEnd) : "";
				this.frontmatter = { yaml, endLine: this.lineN - 1 };
				return next;
			}
			prevEnd = e;
			p = next;
		}
		this.lineN = 0;
		return 0;
	}

	// -- the cursor ------------------------------------------------------------

	/** Columns of indentation at the cursor; sets `indPos`/`indCol` to the first non-blank. */
	private indent(): number {
		return this.extra + this.walkBlank(this.pos, this.col);
	}

	/**
	 * Walks the spaces and tabs from `p`, at column `c`: sets `indPos`/`indCol`
	 * to the first non-blank and returns the columns walked.
	 */
	private walkBlank(p: number, c: number): number {
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
	private consumeCols(n: number): void {
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

	private skipIndent(): void {
		this.indent();
		this.pos = this.indPos;
		this.col = this.indCol;
		this.extra = 0;
	}

	/** Whether the rest of the line is blank: spaces only (a tab makes it not blank, as in Obsidian). */
	private restBlank(): boolean {
		const s = this.s;
		for (let p = this.pos; p < this.lineEnd; p++) if (s.charCodeAt(p) !== SPACE) return false;
		return true;
	}

	/**
	 * Records every `#` of the rest of the line (from `from`) in `hashes`, so
	 * that the inline pass never searches the text again; true if any.
	 */
	private lineHashes(from: number): boolean {
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
	private nextDoublePercent(from: number): number {
		if (this.nextPercents === -2 || (this.nextPercents >= 0 && this.nextPercents < from)) this.nextPercents = this.s.indexOf("%%", from);
		return this.nextPercents >= 0 ? this.nextPercents : this.n + 1;
	}

	/**
	 * Whether the open paragraph holds an odd number of `$$`: a `$$` line then
	 * closes its inline math rather than opening a math block. Counted only
	 * when such a line comes, which is rare.
	 */
	private paraDollarsOdd(): boolean {
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

	// -- one line --------------------------------------------------------------

	private line(start: number, end: number): void {
		this.lineStart = start;
		this.lineEnd = end;
		this.pos = start;
		this.col = 0;
		this.extra = 0;
		this.origin = 0;
		const open = this.containers;
		const nc = open.depth;
		let matched = 0;
		for (; matched < nc; matched++) {
			if (open.kind[matched] === Q_QUOTE) {
				if (!this.quoteMarker()) break;
				open.markEnd[matched] = this.pos;
			} else {
				if (this.restBlank()) continue;
				if (this.indent() < open.width[matched]!) break;
				this.consumeCols(open.width[matched]!);
			}
		}
		const blank = this.restBlank();
		if (matched < nc) {
			if (!blank && !this.prevBlank && this.lazy(matched)) {
				this.prevBlank = false;
				return;
			}
			this.closeContainersTo(matched);
		}
		if (this.pending.length > 0 && !blank) this.calloutText(matched);
		if (blank) {
			this.blankLine();
			this.prevBlank = true;
			return;
		}
		this.prevBlank = false;
		if (this.leaf !== L_NONE && this.continueLeaf()) return;
		this.openBlocks();
	}

	/** Consumes a block quote marker (up to three spaces, `>`, one optional space). */
	private quoteMarker(): boolean {
		if (this.indent() > 3 || this.s.charCodeAt(this.indPos) !== GT) return false;
		this.pos = this.indPos + 1;
		this.col = this.indCol + 1;
		this.extra = 0;
		// Obsidian takes a space after `>` but leaves a tab as indentation.
		if (this.s.charCodeAt(this.pos) === SPACE && this.pos < this.lineEnd) {
			this.pos++;
			this.col++;
		}
		this.origin = this.col;
		return true;
	}

	/**
	 * A line that left some containers unmatched: a lazy paragraph line, or
	 * (Obsidian) a line swallowed by a fenced, math, HTML or comment block.
	 */
	private lazy(matched: number): boolean {
		const ind = this.indent();
		if (ind < 4 && this.startsBlock(false)) return false;
		switch (this.leaf) {
			case L_PARA: {
				if (ind >= 4) {
					for (let d = matched; d < this.containers.depth; d++) if (this.containers.kind[d] === Q_QUOTE) return false;
				}
				this.addText();
				if (this.pending.length > 0) this.calloutLazyText();
				return true;
			}
			case L_HTML: return this.htmlLine();
			case L_COMMENT: return this.commentLine();
			case L_FENCE:
			case L_MATH:
				this.lineHidden = this.leaf;
				return true;
			default:
				return false;
		}
	}

	private blankLine(): void {
		switch (this.leaf) {
			case L_PARA:
			case L_TABLE:
				this.closeLeaf();
				break;
			case L_HTML:
				if (this.htmlType >= 6) this.closeLeaf();
				else this.lineHidden = L_HTML;
				break;
			case L_COMMENT:
				this.flushText();
				break;
			case L_FENCE:
			case L_MATH:
				this.lineHidden = this.leaf;
				break;
			default:
				break;
		}
	}

	/** Continues the open leaf with this line; false when the line must open new blocks instead. */
	private continueLeaf(): boolean {
		const s = this.s;
		switch (this.leaf) {
			case L_FENCE: {
				this.lineHidden = L_FENCE;
				const ind = this.indent();
				if (ind < 4) {
					let p = this.indPos, k = 0;
					while (p < this.lineEnd && s.charCodeAt(p) === this.fenceChar) {
						p++;
						k++;
					}
					if (k >= this.fenceLen) {
						while (p < this.lineEnd && isSpaceOrTab(s.charCodeAt(p))) p++;
						if (p === this.lineEnd) this.closeLeaf();
					}
				}
				return true;
			}
			case L_MATH: {
				this.lineHidden = L_MATH;
				let e = this.lineEnd;
				while (e > this.pos && isSpaceOrTab(s.charCodeAt(e - 1))) e--;
				if (e - 2 >= this.pos && s.charCodeAt(e - 1) === DOLLAR && s.charCodeAt(e - 2) === DOLLAR) this.closeLeaf();
				return true;
			}
			case L_HTML: return this.htmlLine();
			case L_COMMENT: return this.commentLine();
			case L_ICODE:
				if (this.indent() >= 4) {
					this.lineHidden = L_ICODE;
					return true;
				}
				this.closeLeaf();
				return false;
			case L_PARA:
				return this.continuePara();
			case L_TABLE:
				return this.continueTable();
			default:
				return false;
		}
	}

	private continuePara(): boolean {
		const s = this.s;
		const ind = this.indent();
		if (ind < 4) {
			const p = this.indPos;
			const c = s.charCodeAt(p);
			if (c === EQ || c === DASH) {
				let q = p;
				while (q < this.lineEnd && s.charCodeAt(q) === c) q++;
				let r = q;
				while (r < this.lineEnd && isSpaceOrTab(s.charCodeAt(r))) r++;
				if (r === this.lineEnd) {
					this.setextHeading(c === EQ ? 1 : 2);
					return true;
				}
			}
			if (this.accLines === 1 && (c === PIPE || c === DASH || c === COLON) && this.tableStart()) return true;
			if (this.startsBlock(true)) {
				this.closeLeaf();
				return false;
			}
		}
		this.addText();
		return true;
	}

	private continueTable(): boolean {
		const s = this.s;
		if (this.indent() < 4 && this.startsBlock(false)) {
			this.closeLeaf();
			return false;
		}
		// Rows keep the header's choice of a leading pipe, at the very start of the line.
		const lead = this.extra === 0 && s.charCodeAt(this.pos) === PIPE;
		let ok = lead === this.tableLeadingPipe;
		if (ok && !lead) {
			ok = indexBefore(s, "|", this.pos, this.lineEnd) >= 0;
		}
		if (!ok) {
			this.closeLeaf();
			return false;
		}
		const from = this.hashN;
		if (this.lineHashes(this.pos) || this.hidden !== null) this.addRow(this.pos, this.lineEnd, from);
		return true;
	}

	/**
	 * Whether the line at the cursor (indented less than four columns) starts
	 * a block. With `interrupting`, only blocks that may interrupt a paragraph
	 * count (CommonMark's list and HTML rules; `$$` not while a `$$` of the
	 * paragraph is still open); without, any block start counts.
	 */
	private startsBlock(interrupting: boolean): boolean {
		const s = this.s;
		const p = this.indPos, end = this.lineEnd;
		if (p >= end) return false;
		const c = s.charCodeAt(p);
		switch (c) {
			case GT:
				return true;
			case HASH:
				return this.atxLevel(p) > 0;
			case BACKTICK:
			case TILDE:
				return this.fenceAt(p) > 0;
			case STAR:
			case DASH:
			case PLUS:
			case UNDERSCORE:
				if (c !== PLUS && this.thematicBreak(p)) return true;
				if (c === UNDERSCORE) return false;
				break;
			case LT:
				return htmlBlockType(this.s, p, this.lineEnd, interrupting) > 0;
			case DOLLAR:
				return this.mathOpens(p) && !(interrupting && this.leaf === L_PARA && this.paraDollarsOdd());
			case PERCENT:
				return this.commentOpens(p);
			default:
				if (!isDigit(c)) return false;
		}
		const w = this.listMarkerWidth(p);
		if (w === 0) return false;
		if (!interrupting) return true;
		// Interrupting a paragraph: a non-empty item, and an ordered one only from 1.
		let q = p + w;
		while (q < end && isSpaceOrTab(s.charCodeAt(q))) q++;
		if (q >= end) return false;
		return !isDigit(c) || (w === 2 && c === 49);
	}

	// -- block starts ----------------------------------------------------------

	private openBlocks(): void {
		const s = this.s;
		for (;;) {
			const ind = this.indent();
			if (ind >= 4) {
				this.setLeaf(L_ICODE);
				return;
			}
			if (this.indPos >= this.lineEnd) return;
			const p = this.indPos;
			const c = s.charCodeAt(p);
			if (c === GT && this.containers.depth < MAX_CONTAINERS) {
				this.closeLeaf();
				this.quoteMarker();
				this.pushContainer(Q_QUOTE, 0);
				this.calloutStart();
				continue;
			}
			if ((c === DASH || c === STAR || c === PLUS || isDigit(c)) && this.containers.depth < MAX_CONTAINERS && !this.thematicBreak(p)) {
				const w = this.listMarkerWidth(p);
				if (w > 0) {
					this.openItem(ind, w);
					if (this.restBlank()) return;
					continue;
				}
			}
			this.openLeaf(p, c);
			return;
		}
	}

	private openItem(ind: number, markerLen: number): void {
		this.closeLeaf();
		const markerPos = this.indPos, markerCol = this.indCol;
		const afterPos = markerPos + markerLen;
		const spaces = this.walkBlank(afterPos, markerCol + markerLen);
		const q = this.indPos, c = this.indCol;
		let width: number;
		if (q >= this.lineEnd || spaces >= 5) {
			// An empty item, or one whose text is indented code: content one column after the marker.
			width = ind + markerLen + 1;
			this.pos = afterPos;
			this.col = markerCol + markerLen;
			this.extra = 0;
			if (q < this.lineEnd) this.consumeCols(1);
			else this.pos = this.lineEnd;
		} else {
			width = ind + markerLen + spaces;
			this.pos = q;
			this.col = c;
			this.extra = 0;
		}
		this.pushContainer(Q_ITEM, width);
	}

	private openLeaf(p: number, c: number): void {
		switch (c) {
			case HASH: {
				const level = this.atxLevel(p);
				if (level > 0) {
					this.atxHeading(p, level);
					return;
				}
				break;
			}
			case BACKTICK:
			case TILDE: {
				const len = this.fenceAt(p);
				if (len > 0) {
					this.fenceChar = c;
					this.fenceLen = len;
					this.setLeaf(L_FENCE);
					return;
				}
				break;
			}
			case DOLLAR:
				if (this.mathOpens(p)) {
					this.setLeaf(L_MATH);
					return;
				}
				break;
			case PERCENT:
				if (this.commentOpens(p)) {
					this.setLeaf(L_COMMENT);
					this.addText();
					return;
				}
				break;
			case LT: {
				const type = htmlBlockType(this.s, p, this.lineEnd, false);
				if (type > 0) {
					this.htmlType = type;
					this.htmlEndAt = -2;
					this.setLeaf(L_HTML);
					if (this.htmlEnds(p + 1)) this.closeLeaf();
					return;
				}
				break;
			}
			case STAR:
			case DASH:
			case UNDERSCORE:
				if (this.thematicBreak(p)) return;
				break;
			case BRACK_O:
				if (this.linkDefinition(p)) return;
				break;
			default:
				break;
		}
		this.setLeaf(L_PARA);
		this.addText();
	}

	private setLeaf(kind: number): void {
		this.leaf = kind;
		this.lineHidden = kind;
	}

	/** Records the hidden block the line just read sits in, for `hidden`. */
	private recordLine(): void {
		const h = this.hidden;
		if (h === null) return;
		let kind = H_NONE;
		switch (this.lineHidden) {
			case L_FENCE:
			case L_ICODE:
				kind = H_CODE;
				break;
			case L_MATH:
				kind = H_MATH;
				break;
			case L_HTML:
				kind = this.htmlType === 2 ? H_COMMENT : H_HTML;
				break;
			default:
				break;
		}
		h.lineKinds[this.lineNo] = kind;
		this.lineHidden = L_NONE;
	}

	private pushContainer(kind: number, width: number): void {
		this.containers.push(kind, width, this.pos);
	}

	private closeContainersTo(depth: number): void {
		if (this.containers.depth <= depth) return;
		this.closeLeaf();
		this.containers.truncate(depth);
		if (this.pending.length > 0) this.pending = this.pending.filter((x) => x.depth < depth);
	}

	/** A line inside an HTML block: hidden, and the block may end on it. */
	private htmlLine(): true {
		this.lineHidden = L_HTML;
		if (this.htmlEnds(this.pos)) this.closeLeaf();
		return true;
	}

	/** A line inside an HTML comment block: its text is kept, and the comment may close on it. */
	private commentLine(): true {
		this.addText();
		if (this.commentCloses()) this.closeLeaf();
		return true;
	}

	private closeLeaf(): void {
		if (this.leaf === L_PARA || this.leaf === L_COMMENT) this.flushText();
		this.leaf = L_NONE;
	}

	// -- leaf detectors (they look, they do not consume) ------------------------

	/** The level of an ATX heading at `p`, or 0. */
	private atxLevel(p: number): number {
		const s = this.s;
		let k = 0;
		while (p + k < this.lineEnd && s.charCodeAt(p + k) === HASH) k++;
		if (k === 0 || k > 6) return 0;
		return p + k === this.lineEnd || isSpaceOrTab(s.charCodeAt(p + k)) ? k : 0;
	}

	/** The length of an opening code fence at `p`, or 0. */
	private fenceAt(p: number): number {
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

	private thematicBreak(p: number): boolean {
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
	private listMarkerWidth(p: number): number {
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
	private mathOpens(p: number): boolean {
		if (this.s.charCodeAt(p + 1) !== DOLLAR || p + 1 >= this.lineEnd) return false;
		return indexBefore(this.s, "$$", p + 2, this.lineEnd) < 0;
	}

	/** Whether this line closes the open comment block. */
	private commentCloses(): boolean {
		return this.nextDoublePercent(this.pos) + 1 < this.lineEnd;
	}

	/** A `%%` line opens a comment block unless it closes on the same line. */
	private commentOpens(p: number): boolean {
		if (this.s.charCodeAt(p + 1) !== PERCENT || p + 1 >= this.lineEnd) return false;
		return this.nextDoublePercent(p + 2) + 1 >= this.lineEnd;
	}

	/** Whether the open HTML block's end condition holds on this line, from `from`. */
	private htmlEnds(from: number): boolean {
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
	private linkDefinition(p: number): boolean {
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

	private atxHeading(p: number, level: number): void {
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

	private setextHeading(level: number): void {
		if (this.containers.depth === 0) {
			const text = this.accText().trim();
			this.headings.push({ heading: text, level, line: this.accFirstLine });
		}
		this.closeLeaf();
	}

	/** The text gathered so far, for a setext heading. */
	private accText(): string {
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
	private tableStart(): boolean {
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
	private addRow(start: number, end: number, from: number): void {
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
	private calloutStart(): void {
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
	private calloutText(matched: number): void {
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

	private calloutLazyText(): void {
		const text = this.s.slice(this.pos, this.lineEnd).trim();
		if (text === "") return;
		for (const w of this.pending) w.callout.firstText = text;
		this.pending = [];
	}

	// -- gathering inline text -------------------------------------------------

	/** Adds the rest of the line to the open paragraph or comment. */
	private addText(): void {
		const s = this.s;
		const start = this.pos, end = this.lineEnd;
		if (this.accStart < 0) {
			this.accStart = start;
			this.accLines = 0;
			this.accRaw = true;
			this.accHash = false;
			this.accFirstLine = this.lineNo;
			this.accHashFrom = this.hashN;
			this.accSegN = 0;
		} else if (this.accRaw) {
			// The text can be read in place while every line's prefix is white space.
			for (let q = this.lineStart; q < start; q++) {
				if (!isSpaceOrTab(s.charCodeAt(q))) {
					this.accRaw = false;
					break;
				}
			}
		}
		this.accSegs[this.accSegN++] = start;
		this.accSegs[this.accSegN++] = end;
		this.accEnd = end;
		this.accLines++;
		if (this.lineHashes(start)) this.accHash = true;
	}

	private pushUnit(start: number, end: number, segs: number, hashFrom: number, hashTo: number): void {
		const u = this.units, k = this.unitN;
		u[k + U_START] = start;
		u[k + U_END] = end;
		u[k + U_SEGS] = segs;
		u[k + U_HASH_FROM] = hashFrom;
		u[k + U_HASH_TO] = hashTo;
		this.unitN = k + UNIT_SIZE;
	}

	private flushText(): void {
		if (this.accStart < 0) return;
		if (this.accHash || this.hidden !== null) {
			if (this.accRaw) {
				this.pushUnit(this.accStart, this.accEnd, -1, this.accHashFrom, this.hashN);
			} else {
				const at = this.segs.length;
				this.segs.push(this.accSegN / 2);
				for (let k = 0; k < this.accSegN; k++) this.segs.push(this.accSegs[k]!);
				this.pushUnit(this.accStart, this.accEnd, at, 0, 0);
			}
		}
		this.accStart = -1;
		this.accHash = false;
		this.accSegN = 0;
	}

	// -- the inline pass -------------------------------------------------------

	/** The text being read by the inline reader, and its pieces when joined. */
	private unitText = "";
	private unitSegs = -1;

	/** Next position of each character that opens an inline construct, found by native search. */
	private readonly openers = [-2, -2, -2, -2];

	/** Whether `[start, end)` holds no character that may open a construct hiding a `#` (code, math, HTML, a link). */
	private plain(start: number, end: number): boolean {
		const s = this.s;
		for (let k = 0; k < OPENER_CHARS.length; k++) {
			let at = this.openers[k]!;
			if (at === -2 || (at >= 0 && at < start)) {
				at = s.indexOf(OPENER_CHARS[k]!, start);
				this.openers[k] = at;
			}
			if (at >= 0 && at < end) return false;
		}
		return true;
	}

	private readUnits(): void {
		if (this.unitN === 0) return;
		const reader = SHARED_BUFFERS.reader;
		reader.recordSpans = this.hidden !== null;
		this.lineCursor = 0;
		for (let u = 0; u < this.unitN; u += UNIT_SIZE) {
			const start = this.units[u + U_START]!, end = this.units[u + U_END]!;
			this.unitSegs = this.units[u + U_SEGS]!;
			if (this.unitSegs < 0) {
				this.unitText = this.s;
				reader.read(this.s, start, end, this.hidden === null && this.plain(start, end), this.hashes, this.units[u + U_HASH_FROM]!, this.units[u + U_HASH_TO]!, this.defs, this);
			} else {
				const count = this.segs[this.unitSegs]!;
				const parts: string[] = [];
				for (let k = 0; k < count; k++) parts.push(this.s.slice(this.segs[this.unitSegs + 1 + 2 * k], this.segs[this.unitSegs + 2 + 2 * k]));
				this.unitText = parts.join("\n");
				reader.read(this.unitText, 0, this.unitText.length, false, this.hashes, 0, 0, this.defs, this);
			}
		}
		this.unitText = "";
	}

	mark(): number {
		return this.tags.length;
	}

	rollback(count: number): void {
		this.tags.length = count;
	}

	/** Records a tag found by the inline reader. */
	onTag(start: number, end: number): void {
		const offset = this.unitSegs >= 0 ? this.noteOffset(start) : start;
		const line = this.lineOf(offset);
		this.tags.push({ tag: this.unitText.slice(start + 1, end), line, col: offset - this.lineStarts[line]!, offset });
	}

	/** Records a hidden inline span found by the inline reader (only when `hidden` is set). */
	onSpan(kind: number, start: number, end: number): void {
		if (this.hidden === null) return;
		const joined = this.unitSegs >= 0;
		this.hidden.spans.push(kind, joined ? this.noteOffset(start) : start, joined ? this.noteOffset(end) : end);
	}

	/** Maps a position in the joined text of the current unit back to the note. */
	private noteOffset(pos: number): number {
		const at = this.unitSegs, count = this.segs[at]!;
		let base = 0;
		for (let k = 0; k < count; k++) {
			const a = this.segs[at + 1 + 2 * k]!, b = this.segs[at + 2 + 2 * k]!;
			if (pos <= base + (b - a)) return a + (pos - base);
			base += b - a + 1;
		}
		return pos;
	}

	/** Tags arrive in reading order, so their lines are found by walking forward. */
	private lineCursor = 0;

	private lineOf(offset: number): number {
		const ls = this.lineStarts;
		let c = this.lineCursor;
		if (ls[c]! <= offset) {
			while (c + 1 < this.lineN && ls[c + 1]! <= offset) c++;
			this.lineCursor = c;
			return c;
		}
		let lo = 0, hi = this.lineN - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (ls[mid]! <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}
}
