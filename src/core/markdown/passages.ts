/**
 * Passages: the block of lines around a tagged line, shown as an excerpt in
 * the summary view and the command line's output (`passageAt`, read only when
 * shown); and the coding passages of a body (`codingBlocks`), the units that
 * `attune agree` compares and the "same passage" of FORMAT.md section 2, by
 * which a move is counted with the emotion classes beside it.
 */
import { GT, HASH, SPACE, BACKTICK, TILDE, isWs } from "./chars";
import { TextLines } from "./text-lines";
import type { RawTag } from "./types";

/** The passage a line sits in: its block, bounded by blank lines, headings and fences. */
export interface Passage {
	/** 0-based first line. */
	start: number;
	/** 0-based last line (inclusive). */
	end: number;
	text: string;
}

/** Passages are capped so that a wall of text shows as a readable excerpt. */
const MAX_PASSAGE_LINES = 12;

/**
 * The passage around a 0-based line: the paragraph, list item or callout
 * holding it. Computed only when a passage is shown, never while indexing.
 */
export function passageAt(text: string, line: number): Passage {
	const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
	if (line < 0 || line >= lines.length) return { start: line, end: line, text: "" };
	const isBreak = (l: string) => /^\s*(>\s*)*$/.test(l) || /^\s{0,3}(#{1,6}\s|```|~~~|---\s*$)/.test(l);
	const isItemStart = (l: string) => /^\s*([-*+]|\d+[.)])\s/.test(l) || /^\s*>\s*\[!/.test(l);
	let start = line;
	while (start > 0 && !isBreak(lines[start - 1]!) && !isItemStart(lines[start]!) && line - start < MAX_PASSAGE_LINES) start--;
	let end = line;
	while (end + 1 < lines.length && !isBreak(lines[end + 1]!) && !isItemStart(lines[end + 1]!) && end - start < MAX_PASSAGE_LINES) end++;
	return { start, end, text: lines.slice(start, end + 1).join("\n").trim() };
}

const BLANK = /^\s*(>\s*)*$/;
const LIST_ITEM = /^\s*(>\s*)*([-*+]|\d{1,9}[.)])(\s|$)/;
const TABLE_ROW = /^\s*(>\s*)*\|/;
const TABLE_DELIMITER = /^\s*(>\s*)*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const SUPERVISOR = /^\s*>\s*\[!supervisor(-resolved)?\]/i;

/** Characters a line of markup may start with (after white space), by code: anything else starts plain text. */
const MARKUP_START = new Uint8Array(128);
for (const c of "># `~|-*+_:0123456789") MARKUP_START[c.charCodeAt(0)] = 1;

/**
 * What a line is, told by its first characters where they settle it: nearly
 * every line of a body is answered here, by character codes, without cutting
 * it out of the text or trying a pattern. `L_OTHER` lines (quotes, list
 * items, tables, rules) are left to the patterns above.
 */
const L_BLANK = 0, L_PLAIN = 1, L_HEADING = 2, L_FENCE = 3, L_OTHER = 4;

/** The open fence's character and length, set by `lineKind` when it answers `L_FENCE`. */
let fenceChar = 0, fenceLength = 0;

/**
 * The kind of the line `s[a, e)`, white space being what `\s` reads. A line
 * of white space alone is `L_BLANK`. A heading is up to three spaces, one to
 * six `#`, then white space or the end; a fence, up to three spaces and three
 * or more backticks or `~`. A line whose first other character starts no
 * markup, or one starting with `#`, a backtick or `~` that is neither, is
 * `L_PLAIN`: no block rule matches it.
 */
function lineKind(s: string, a: number, e: number): number {
	let p = a;
	while (p < e && isWs(s.charCodeAt(p))) p++;
	if (p === e) return L_BLANK;
	const c = s.charCodeAt(p);
	if (c >= 128 || MARKUP_START[c] === 0) return L_PLAIN;
	if (c !== HASH && c !== BACKTICK && c !== TILDE) return L_OTHER;
	// Headings and fences allow up to three spaces before them, and nothing else.
	if (p - a > 3) return L_PLAIN;
	for (let k = a; k < p; k++) if (s.charCodeAt(k) !== SPACE) return L_PLAIN;
	let q = p;
	while (q < e && s.charCodeAt(q) === c) q++;
	if (c === HASH) return q - p <= 6 && (q === e || isWs(s.charCodeAt(q))) ? L_HEADING : L_PLAIN;
	if (q - p < 3) return L_PLAIN;
	fenceChar = c;
	fenceLength = q - p;
	return L_FENCE;
}

/** Whether `s[a, e)` closes a fence of `length` characters `c`: up to three spaces, at least as many, then white space alone. */
function closesFence(s: string, a: number, e: number, c: number, length: number): boolean {
	let p = a;
	while (p < e && p - a < 3 && s.charCodeAt(p) === SPACE) p++;
	const from = p;
	while (p < e && s.charCodeAt(p) === c) p++;
	if (p - from < length) return false;
	while (p < e && isWs(s.charCodeAt(p))) p++;
	return p === e;
}

/** Whether the first character of `s[a, e)` that is not white space is `>`: a quoted line. */
function quoted(s: string, a: number, e: number): boolean {
	let p = a;
	while (p < e && isWs(s.charCodeAt(p))) p++;
	return p < e && s.charCodeAt(p) === GT;
}

/** One block of a body: a paragraph, a list item, a heading line, a table row, a fenced block or a supervisor callout. */
export interface CodingBlock {
	/** 0-based first and last line (inclusive). */
	start: number;
	end: number;
	/** A supervisor callout (`[!supervisor]`, `[!supervisor-resolved]`). */
	supervisor: boolean;
	/** True for a block of Attune tags alone (its text without them is white space). */
	bare: boolean;
	/**
	 * The block whose passage this block's tags belong to (an index into the
	 * list): itself; for a block of tags alone, the block before it, or at the
	 * top of the body the first block after it with text; -1 when there is none.
	 */
	owner: number;
}

/** Removes the given tags from one line, with the white space before each, as the blind copy does. */
export function stripLine(line: string, tags: readonly RawTag[]): string {
	let out = line;
	// From the right, so that earlier columns stay valid.
	for (const t of [...tags].sort((a, b) => b.col - a.col)) {
		let from = t.col;
		const to = t.col + 1 + t.tag.length;
		while (from > 0 && (out[from - 1] === " " || out[from - 1] === "\t") && /\S/.test(out.slice(0, from - 1))) from--;
		out = out.slice(0, from) + out.slice(to);
	}
	return out;
}

/** A block's text without its Attune tags, white space collapsed: what `attune agree` matches blocks by. */
export function blockKey(lines: readonly string[], block: Pick<CodingBlock, "start" | "end">, tags: ReadonlyMap<number, readonly RawTag[]>): string {
	const parts: string[] = [];
	for (let i = block.start; i <= block.end; i++) parts.push(stripLine(lines[i]!, tags.get(i) ?? []));
	return parts.join(" ").replace(/\s+/g, " ").trim();
}

/**
 * Whether a line holds nothing but the given tags and white space: the same
 * answer as testing `stripLine`'s result for text, without building it
 * (this runs for every tagged line of every note read).
 */
export function bareLine(line: string, tags: readonly RawTag[]): boolean {
	return bareRange(line, 0, line.length, tags, 0, tags.length);
}

/** `bareLine` for the line `s[a, e)` and the tags `tags[from, to)`, whose columns count from `a`. */
function bareRange(s: string, a: number, e: number, tags: readonly RawTag[], from: number, to: number): boolean {
	for (let i = a; i < e; i++) {
		if (isWs(s.charCodeAt(i))) continue;
		const col = i - a;
		let k = from;
		while (k < to && !(col >= tags[k]!.col && col < tags[k]!.col + 1 + tags[k]!.tag.length)) k++;
		if (k === to) return false;
		// Past the tag: the loop's step lands on the character after it.
		i = a + tags[k]!.col + tags[k]!.tag.length;
	}
	return true;
}

/** A body's Attune tags by line, as the block reader asks about them. */
export interface TagsByLine {
	/** Whether line `line`, the text `s[a, e)`, holds Attune tags and nothing else but white space. */
	onlyTags(line: number, s: string, a: number, e: number): boolean;
}

/** `TagsByLine` from a map of each line's tags. */
class TagMap implements TagsByLine {
	constructor(private readonly map: ReadonlyMap<number, readonly RawTag[]>) {}

	onlyTags(line: number, s: string, a: number, e: number): boolean {
		const onLine = this.map.get(line);
		return onLine !== undefined && bareRange(s, a, e, onLine, 0, onLine.length);
	}
}

/**
 * One note's Attune tags, gathered for the block reader and reused from note
 * to note (reading never nests): kept in line order, so that nothing is
 * allocated per tag or per line. The block reader asks about lines in
 * order: each answer starts where the last one ended.
 */
export class LineTags implements TagsByLine {
	private readonly tags: RawTag[] = [];
	private n = 0;
	private inOrder = true;
	/** The first tag on or after the line last asked about, and that line. */
	private at = 0;
	private atLine = -1;

	/** Forgets the last note's. */
	reset(): this {
		this.n = this.at = 0;
		this.atLine = -1;
		this.inOrder = true;
		return this;
	}

	add(t: RawTag): void {
		if (this.n > 0 && t.line < this.tags[this.n - 1]!.line) this.inOrder = false;
		this.tags[this.n++] = t;
	}

	onlyTags(line: number, s: string, a: number, e: number): boolean {
		if (!this.inOrder) this.sort();
		let from = line >= this.atLine ? this.at : 0;
		while (from < this.n && this.tags[from]!.line < line) from++;
		this.at = from;
		this.atLine = line;
		let to = from;
		while (to < this.n && this.tags[to]!.line === line) to++;
		return from < to && bareRange(s, a, e, this.tags, from, to);
	}

	/** Puts the tags in line order, those of a line in the order given (rare: tags come in reading order). */
	private sort(): void {
		const sorted = this.tags.slice(0, this.n).sort((x, y) => x.line - y.line);
		for (let k = 0; k < this.n; k++) this.tags[k] = sorted[k]!;
		this.inOrder = true;
		this.at = 0;
		this.atLine = -1;
	}
}

/** The blocks of a body as `readBlocks` finds them, as parallel lists (see `CodingBlock`); reused. */
export class BlockList {
	count = 0;
	start = new Int32Array(32);
	end = new Int32Array(32);
	owner = new Int32Array(32);
	/** 1 for a supervisor callout. */
	supervisor = new Uint8Array(32);
	/** 1 for a block of Attune tags alone. */
	bare = new Uint8Array(32);

	/** Forgets the last body's. */
	reset(): this {
		this.count = 0;
		return this;
	}

	push(start: number, end: number, supervisor: boolean, bare: boolean): void {
		if (this.count === this.start.length) this.grow();
		const k = this.count++;
		this.start[k] = start;
		this.end[k] = end;
		this.owner[k] = -1;
		this.supervisor[k] = supervisor ? 1 : 0;
		this.bare[k] = bare ? 1 : 0;
	}

	private grow(): void {
		const size = this.start.length * 2;
		const widen = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
		this.start = widen(this.start, new Int32Array(size));
		this.end = widen(this.end, new Int32Array(size));
		this.owner = widen(this.owner, new Int32Array(size));
		this.supervisor = widen(this.supervisor, new Uint8Array(size));
		this.bare = widen(this.bare, new Uint8Array(size));
	}
}

/**
 * Reads a body into its blocks, from line `bodyStart` (after the properties).
 * `attuneTags` are the Attune tags by line, which a block's key leaves out. A
 * block holding nothing but tags is no passage of its own: its `owner` is the
 * block before it (not a supervisor callout), or at the top of the body the
 * one after it, so that a coder who puts tags on a line of their own is read
 * as coding the passage they follow.
 */
export function codingBlocks(lines: readonly string[], bodyStart: number, attuneTags: ReadonlyMap<number, readonly RawTag[]>, until = Infinity): CodingBlock[] {
	const list = readBlocks(TextLines.ofLines(lines), bodyStart, new TagMap(attuneTags), until, new BlockList());
	const blocks: CodingBlock[] = [];
	for (let k = 0; k < list.count; k++) {
		blocks.push({ start: list.start[k]!, end: list.end[k]!, supervisor: list.supervisor[k] === 1, bare: list.bare[k] === 1, owner: list.owner[k]! });
	}
	return blocks;
}

/**
 * `codingBlocks`, into a reused list: for counting moves by class, which
 * needs the blocks only as far as `until`, its last tagged line, and keeps none.
 */
export function readBlocks(L: TextLines, bodyStart: number, attuneTags: TagsByLine, until: number, blocks: BlockList): BlockList {
	const s = L.source;
	blocks.reset();
	let i = bodyStart;
	while (L.has(i)) {
		const a = L.start(i), e = L.end(i);
		const kind = lineKind(s, a, e);
		let end = i;
		let supervisor = false;
		if (kind === L_BLANK) {
			i++;
			continue;
		}
		if (kind === L_FENCE) {
			// A fenced block is one block, blank lines and all, up to its closing fence.
			const c = fenceChar, length = fenceLength;
			let j = i + 1;
			while (L.has(j) && !closesFence(s, L.start(j), L.end(j), c, length)) j++;
			end = L.has(j) ? j : j - 1;
		} else if (kind === L_OTHER) {
			const l = L.line(i);
			if (BLANK.test(l) || RULE.test(l) || (TABLE_DELIMITER.test(l) && i > bodyStart && TABLE_ROW.test(L.line(i - 1)))) {
				i++;
				continue;
			}
			if (SUPERVISOR.test(l)) {
				supervisor = true;
				while (L.has(end + 1) && quoted(s, L.start(end + 1), L.end(end + 1))) end++;
			} else if (!TABLE_ROW.test(l)) {
				end = paragraphEnd(L, i);
			}
		} else if (kind === L_PLAIN) {
			end = paragraphEnd(L, i);
		}
		// A block's lines are not blank, so a line without a tag has text: most blocks are answered at their first line.
		let bare = true;
		for (let k = i; k <= end && bare; k++) bare = attuneTags.onlyTags(k, s, L.start(k), L.end(k));
		blocks.push(i, end, supervisor, bare);
		// Past `until`, the first block with text owns any tags alone above it; nothing after it is asked for.
		if (i > until && !bare && !supervisor) break;
		i = end + 1;
	}
	let prev = -1;
	for (let k = 0; k < blocks.count; k++) {
		if (blocks.bare[k] === 1 && blocks.supervisor[k] === 0) {
			if (prev >= 0) blocks.owner[k] = prev;
			continue;
		}
		blocks.owner[k] = k;
		if (blocks.supervisor[k] === 1) continue;
		// The first block with text owns the blocks of tags alone above it.
		if (prev < 0) for (let m = 0; m < k; m++) if (blocks.bare[m] === 1 && blocks.supervisor[m] === 0) blocks.owner[m] = k;
		prev = k;
	}
	return blocks;
}

/** The last line of the paragraph or list item starting at line `i`: up to a blank line or the start of anything else. */
function paragraphEnd(L: TextLines, i: number): number {
	const s = L.source;
	let j = i;
	while (L.has(j + 1)) {
		const a = L.start(j + 1), e = L.end(j + 1);
		const kind = lineKind(s, a, e);
		if (kind === L_BLANK || kind === L_HEADING || kind === L_FENCE) break;
		if (kind === L_OTHER) {
			const n = L.line(j + 1);
			if (BLANK.test(n) || TABLE_ROW.test(n) || LIST_ITEM.test(n) || SUPERVISOR.test(n) || RULE.test(n)) break;
		}
		j++;
	}
	return j;
}
