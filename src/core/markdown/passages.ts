/**
 * Passages: the block of lines around a tagged line, shown as an excerpt in
 * the summary view and the command line's output. Read with simple line
 * rules, only when a passage is shown, never while indexing.
 */

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
