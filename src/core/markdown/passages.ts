/**
 * Passages: the block of lines around a tagged line, shown as an excerpt in
 * the summary view and the command line's output (`passageAt`, read only when
 * shown); and the coding passages of a body (`codingBlocks`), the units that
 * `attune agree` compares and the "same passage" of FORMAT.md section 2, by
 * which a move is counted with the emotion classes beside it.
 */
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
const HEADING = /^ {0,3}#{1,6}(\s|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^\s*(>\s*)*([-*+]|\d{1,9}[.)])(\s|$)/;
const TABLE_ROW = /^\s*(>\s*)*\|/;
const TABLE_DELIMITER = /^\s*(>\s*)*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const SUPERVISOR = /^\s*>\s*\[!supervisor(-resolved)?\]/i;
const QUOTED = /^\s*>/;

/** Characters a line of markup may start with (after white space), by code: anything else starts plain text. */
const MARKUP_START = new Uint8Array(128);
for (const c of "># `~|-*+_:0123456789") MARKUP_START[c.charCodeAt(0)] = 1;

/**
 * Whether a line is plain text, which none of the block rules below can match:
 * it skips their tests. Its first character that is not white space (as `\s`
 * reads it) is not one markup may start with. Called for nearly every line of
 * a body, so it walks the codes rather than matching a pattern.
 */
function plain(line: string): boolean {
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c === 32 || (c >= 9 && c <= 13)) continue;
		if (c < 128) return MARKUP_START[c] === 0;
		if (/\s/.test(line[i]!)) continue;
		return true;
	}
	return false;
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

/** Whether a block holds nothing but Attune tags. A block's lines are not blank, so a line without a tag has text: most blocks are answered without stripping. */
function isBare(lines: readonly string[], start: number, end: number, tags: ReadonlyMap<number, readonly RawTag[]>): boolean {
	for (let i = start; i <= end; i++) {
		const onLine = tags.get(i);
		if (!onLine || !bareLine(lines[i]!, onLine)) return false;
	}
	return true;
}

/**
 * Whether a line holds nothing but the given tags and white space: the same
 * answer as testing `stripLine`'s result for text, without building it
 * (this runs for every tagged line of every note read).
 */
export function bareLine(line: string, tags: readonly RawTag[]): boolean {
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c === 32 || c === 9 || (c >= 10 && c <= 13)) continue;
		if (c > 127 && /\s/.test(line[i]!)) continue;
		const t = tags.find((x) => i >= x.col && i < x.col + 1 + x.tag.length);
		if (t === undefined) return false;
		// Past the tag: the loop's step lands on the character after it.
		i = t.col + t.tag.length;
	}
	return true;
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
	const blocks: CodingBlock[] = [];
	let done = false;
	const push = (start: number, end: number, supervisor: boolean) => {
		const b: CodingBlock = { start, end, supervisor, bare: isBare(lines, start, end, attuneTags), owner: -1 };
		blocks.push(b);
		// Past `until`, the first block with text owns any tags alone above it; nothing after it is asked for.
		if (start > until && !b.bare && !supervisor) done = true;
	};
	let i = bodyStart;
	while (i < lines.length && !done) {
		const l = lines[i]!;
		// Most lines are plain text, which starts no other block: only a paragraph's or a list item's line.
		if (!plain(l)) {
			if (BLANK.test(l) || RULE.test(l) || (TABLE_DELIMITER.test(l) && i > bodyStart && TABLE_ROW.test(lines[i - 1]!))) {
				i++;
				continue;
			}
			const fence = FENCE.exec(l);
			if (fence) {
				// A fenced block is one block, blank lines and all, up to its closing fence.
				const marker = fence[1]!;
				const close = new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`);
				let j = i + 1;
				while (j < lines.length && !close.test(lines[j]!)) j++;
				push(i, Math.min(j, lines.length - 1), false);
				i = j + 1;
				continue;
			}
			if (SUPERVISOR.test(l)) {
				let j = i;
				while (j + 1 < lines.length && QUOTED.test(lines[j + 1]!)) j++;
				push(i, j, true);
				i = j + 1;
				continue;
			}
			if (HEADING.test(l) || TABLE_ROW.test(l)) {
				push(i, i, false);
				i++;
				continue;
			}
		}
		// A paragraph or a list item: up to a blank line or the start of anything else.
		let j = i;
		while (j + 1 < lines.length) {
			const n = lines[j + 1]!;
			if (!plain(n) && (BLANK.test(n) || HEADING.test(n) || FENCE.test(n) || TABLE_ROW.test(n) || LIST_ITEM.test(n) || SUPERVISOR.test(n) || RULE.test(n))) break;
			j++;
		}
		push(i, j, false);
		i = j + 1;
	}
	let prev = -1;
	const orphans: CodingBlock[] = [];
	blocks.forEach((b, k) => {
		if (b.bare && !b.supervisor) {
			if (prev >= 0) b.owner = prev;
			else orphans.push(b);
			return;
		}
		b.owner = k;
		if (!b.supervisor) {
			for (const o of orphans.splice(0)) o.owner = k;
			prev = k;
		}
	});
	return blocks;
}
