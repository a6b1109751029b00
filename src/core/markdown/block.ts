/**
 * The block scanner: one pass over a note's lines that follows containers
 * (block quotes, list items), leaf blocks (paragraphs, headings, fences,
 * math, HTML, comments, tables) and callouts, and queues the inline content
 * that holds a `#` for the inline reader. Its state, the cursor along a
 * line, the leaf detectors and the reading of headings, tables and callouts
 * are in `block-state.ts`.
 */
import type { MarkdownScan, RawFrontmatter } from "./types";
import {
	LF, CR, SPACE, HASH, DOLLAR, PERCENT, STAR, PLUS, DASH, COLON, LT, EQ, GT, BRACK_O, UNDERSCORE, BACKTICK, PIPE, TILDE,
	isDigit, isSpaceOrTab, indexBefore, lineBreakFrom,
} from "./chars";
import { htmlBlockType } from "./html";
import type { TagSink } from "./inline";
import {
	BlockState, H_NONE, H_CODE, H_MATH, H_COMMENT, H_HTML, Q_QUOTE, Q_ITEM, L_NONE, L_PARA, L_TABLE, L_FENCE, L_ICODE, L_MATH, L_HTML, L_COMMENT,
	MAX_CONTAINERS, OPENER_CHARS, SHARED_BUFFERS, U_START, U_END, U_SEGS, U_HASH_FROM, U_HASH_TO, UNIT_SIZE, LONE_CR,
} from "./block-state";

export class Scanner extends BlockState implements TagSink {
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

	protected closeLeaf(): void {
		if (this.leaf === L_PARA || this.leaf === L_COMMENT) this.flushText();
		this.leaf = L_NONE;
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

	protected pushUnit(start: number, end: number, segs: number, hashFrom: number, hashTo: number): void {
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
