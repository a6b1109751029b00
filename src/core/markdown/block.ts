/**
 * The block scanner: one pass over a note's lines that follows containers
 * (block quotes, list items; see containers.ts), leaf blocks (paragraphs,
 * headings, fences, math, HTML, comments, tables; detected by detect.ts) and
 * callouts, and queues the inline content that holds a `#` for the inline
 * pass (inline-pass.ts). The cursor it moves along a line is cursor.ts.
 */
import type { MarkdownScan, RawFrontmatter, RawHeading, RawTag } from "./types";
import { SPACE, HASH, DOLLAR, PERCENT, STAR, PLUS, DASH, COLON, LT, EQ, GT, BRACK_O, BACKSLASH, UNDERSCORE, BACKTICK, PIPE, TILDE, isDigit, isSpaceOrTab, indexBefore, normalizeLabel } from "./chars";
import { htmlBlockType } from "./html";
import { LineCursor } from "./cursor";
import { atxLevel, fenceAt, thematicBreak, listMarkerWidth, mathOpens, linkDefinitionLabel } from "./detect";
import { Callouts, ContainerStack, MAX_CONTAINERS, Q_ITEM, Q_QUOTE } from "./containers";
import { InlinePass } from "./inline-pass";

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


const L_NONE = 0, L_PARA = 1, L_TABLE = 2, L_FENCE = 3, L_ICODE = 4, L_MATH = 5, L_HTML = 6, L_COMMENT = 7;

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
	/** The inline pass, with its queue of inline content. */
	readonly inline: InlinePass;
}

const SHARED_BUFFERS: ScanBuffers = { lineStarts: [], hashes: [], inline: new InlinePass() };

/** A CR that ends a line on its own (old Mac files, or text pasted from one). */
const LONE_CR = /\r(?!\n)/;

export class Scanner extends LineCursor {
	// The arrays of SHARED_BUFFERS, each with its own count of entries in use.
	private readonly lineStarts = SHARED_BUFFERS.lineStarts;
	private lineN = 0;
	private readonly tags: RawTag[] = [];
	private readonly headings: RawHeading[] = [];
	private readonly callouts = new Callouts();
	private frontmatter: RawFrontmatter | null = null;
	private defs: Set<string> | null = null;

	// Inline content to read once the block pass is done (link definitions may
	// come after their use).
	private readonly inline = SHARED_BUFFERS.inline;

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
	private lineNo = 0;


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
		super(text);
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
		this.inline.begin(s);
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
		this.inline.read(this.hashes, this.lineStarts, this.lineN, this.defs, this.hidden, this.tags);
		if (this.hidden !== null) this.hidden.lineStarts = this.lineStarts.slice(0, this.lineN);
		return { frontmatter: this.frontmatter, tags: this.tags, headings: this.headings, callouts: this.callouts.list, lineCount: this.lineN };
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

	// -- searches remembered across lines ---------------------------------------

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
		if (this.callouts.waiting && !blank) this.callouts.text(this.s, this.lineEnd, matched, this.containers.markEnd);
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
				if (this.callouts.waiting) this.callouts.lazyText(this.s, this.pos, this.lineEnd);
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
				return atxLevel(this.s, p, this.lineEnd) > 0;
			case BACKTICK:
			case TILDE:
				return fenceAt(this.s, p, this.lineEnd) > 0;
			case STAR:
			case DASH:
			case PLUS:
			case UNDERSCORE:
				if (c !== PLUS && thematicBreak(this.s, p, this.lineEnd)) return true;
				if (c === UNDERSCORE) return false;
				break;
			case LT:
				return htmlBlockType(this.s, p, this.lineEnd, interrupting) > 0;
			case DOLLAR:
				return mathOpens(this.s, p, this.lineEnd) && !(interrupting && this.leaf === L_PARA && this.paraDollarsOdd());
			case PERCENT:
				return this.commentOpens(p);
			default:
				if (!isDigit(c)) return false;
		}
		const w = listMarkerWidth(this.s, p, this.lineEnd);
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
				if (this.indent() <= 3) this.callouts.start(this.s, this.indPos, this.lineEnd, this.lineNo, this.containers.depth - 1);
				continue;
			}
			if ((c === DASH || c === STAR || c === PLUS || isDigit(c)) && this.containers.depth < MAX_CONTAINERS && !thematicBreak(this.s, p, this.lineEnd)) {
				const w = listMarkerWidth(this.s, p, this.lineEnd);
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
				const level = atxLevel(this.s, p, this.lineEnd);
				if (level > 0) {
					this.atxHeading(p, level);
					return;
				}
				break;
			}
			case BACKTICK:
			case TILDE: {
				const len = fenceAt(this.s, p, this.lineEnd);
				if (len > 0) {
					this.fenceChar = c;
					this.fenceLen = len;
					this.setLeaf(L_FENCE);
					return;
				}
				break;
			}
			case DOLLAR:
				if (mathOpens(this.s, p, this.lineEnd)) {
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
				if (thematicBreak(this.s, p, this.lineEnd)) return;
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
		this.callouts.closeTo(depth);
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

	// -- leaf block ends and stateful starts -------------------------------------

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

	/** A link reference definition `[label]: destination "title"` on one line at `p`; records the label. */
	private linkDefinition(p: number): boolean {
		const label = linkDefinitionLabel(this.s, p, this.lineEnd);
		if (label === null) return false;
		if (!this.defs) this.defs = new Set();
		this.defs.add(normalizeLabel(label));
		return true;
	}

	// -- headings and tables ---------------------------------------------------

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
		if ((this.lineHashes(cs) && this.hashes[from]! < ce) || this.hidden !== null) this.inline.queue(cs, ce, from, this.hashN);
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
				if (k > first || this.hidden !== null) this.inline.queue(cell, p, first, k);
				cell = p + 1;
			}
		}
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

	private flushText(): void {
		if (this.accStart < 0) return;
		if (this.accHash || this.hidden !== null) {
			if (this.accRaw) {
				this.inline.queue(this.accStart, this.accEnd, this.accHashFrom, this.hashN);
			} else {
				this.inline.queueJoined(this.accStart, this.accEnd, this.accSegs, this.accSegN);
			}
		}
		this.accStart = -1;
		this.accHash = false;
		this.accSegN = 0;
	}

}
