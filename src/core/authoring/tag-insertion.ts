/**
 * Where a tag can go and how it is spaced. Pure: the plugin applies the
 * result through the editor.
 */
import { eolOf, frontmatterEnd, splitLines } from "../markdown/lines";
import { scanMarkdown } from "../markdown/scan";

/** Why a position cannot take a tag, in words for a notice; null when it can. */
export type BlockedContext = "properties" | "code block" | "math block" | "inline code" | "comment" | "link";

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

const QUOTE_PREFIX = /^( {0,3}> ?)+/;

/**
 * Which block-level context line `line` sits in: properties, a fenced code
 * block or a math block (where Obsidian reads no tags), or none. Fences inside
 * callouts and block quotes count, as Obsidian renders them as code too.
 */
export function blockContextAt(lines: readonly string[], line: number): BlockedContext | null {
	const fmEnd = frontmatterEnd(lines);
	if (fmEnd >= 0 && line <= fmEnd) return "properties";
	let fence: { char: string; len: number } | null = null;
	let math = false;
	let comment = false;
	for (let i = fmEnd + 1; i <= line && i < lines.length; i++) {
		const l = lines[i].replace(QUOTE_PREFIX, "");
		if (fence) {
			const m = FENCE.exec(l);
			if (i === line) return "code block";
			if (m && m[1][0] === fence.char && m[1].length >= fence.len && m[2].trim() === "") fence = null;
			continue;
		}
		if (math) {
			if (i === line) return "math block";
			if (l.includes("$$")) math = false;
			continue;
		}
		if (comment) {
			if (l.includes("-->")) comment = false;
			else if (i === line) return "comment";
			continue;
		}
		const f = FENCE.exec(l);
		if (f && !(f[1][0] === "`" && f[2].includes("`"))) {
			if (i === line) return "code block";
			fence = { char: f[1][0], len: f[1].length };
			continue;
		}
		const t = l.trim();
		if (t.startsWith("$$") && !(t.length > 2 && t.slice(2).includes("$$"))) {
			if (i === line) return "math block";
			math = true;
			continue;
		}
		const open = l.lastIndexOf("<!--");
		if (open >= 0 && l.indexOf("-->", open + 4) < 0 && i < line) comment = true;
	}
	return null;
}

/**
 * Which inline context column `ch` of a line sits in: inline code, an HTML
 * comment or a wiki link (where a tag is not read), or none. A position
 * right before an opening or after a closing marker is outside.
 */
export function inlineContextAt(lineText: string, ch: number): BlockedContext | null {
	let i = 0;
	while (i < lineText.length) {
		if (lineText[i] === "`") {
			let n = 1;
			while (lineText[i + n] === "`") n++;
			const run = "`".repeat(n);
			let j = lineText.indexOf(run, i + n);
			// A closing run must be exactly as long as the opening one.
			while (j >= 0 && lineText[j + n] === "`") {
				let k = j;
				while (lineText[k] === "`") k++;
				j = lineText.indexOf(run, k);
			}
			if (j < 0) {
				i += n;
				continue;
			}
			if (ch > i && ch < j + n) return "inline code";
			i = j + n;
			continue;
		}
		if (lineText.startsWith("<!--", i)) {
			const j = lineText.indexOf("-->", i + 4);
			const end = j < 0 ? lineText.length : j + 3;
			if (ch > i && ch < end) return "comment";
			i = end;
			continue;
		}
		if (lineText.startsWith("[[", i)) {
			const j = lineText.indexOf("]]", i + 2);
			if (j >= 0) {
				if (ch > i && ch < j + 2) return "link";
				i = j + 2;
				continue;
			}
		}
		i++;
	}
	return null;
}

/** Where in a note a position is, when no tag can be inserted there; null when one can. */
export function blockedContextAt(text: string, line: number, ch: number): BlockedContext | null {
	const lines = splitLines(text);
	return blockContextAt(lines, line) ?? inlineContextAt(lines[line] ?? "", ch);
}

/** A sentence for a notice explaining why nothing was inserted. */
export function blockedMessage(context: BlockedContext, what = "a tag"): string {
	switch (context) {
		case "properties": return `The cursor is in the note's properties, where Obsidian does not read ${what} as text. Place it in the body of the note.`;
		case "code block": return `The cursor is inside a code block, where Obsidian does not read ${what}. Place it in ordinary text.`;
		case "math block": return `The cursor is inside a math block, where Obsidian does not read ${what}. Place it in ordinary text.`;
		case "inline code": return `The cursor is inside inline code, where Obsidian does not read ${what}. Place it outside the backticks.`;
		case "comment": return `The cursor is inside an HTML comment, where Obsidian does not read ${what}. Place it outside the comment.`;
		case "link": return `The cursor is inside a link, where Obsidian does not read ${what}. Place it outside the brackets.`;
	}
}

/** Characters that would continue a tag if a tag were glued to them. */
const TAG_CONTINUES = /^[\p{L}\p{N}\p{M}_\-/#\p{Extended_Pictographic}]/u;

/** What to insert at a column so that the tag stands alone, and where the cursor goes after it. */
export interface TagInsertion {
	/** The text to insert (the tag, with a space before and/or after when needed). */
	text: string;
	/** Column of the cursor after insertion, on the same line. */
	cursorCh: number;
}

/**
 * Spaces a tag for insertion at column `ch` of a line: Obsidian reads `#` as
 * a tag only at the start of a line or after white space, and the tag runs
 * until white space or punctuation, so a word right after it would join it.
 */
export function tagInsertion(lineText: string, ch: number, tag: string): TagInsertion {
	const before = lineText.slice(0, ch);
	const after = lineText.slice(ch);
	const lead = before.length > 0 && !/\s$/.test(before) ? " " : "";
	const trail = TAG_CONTINUES.test(after) ? " " : "";
	const text = lead + tag + trail;
	return { text, cursorCh: ch + text.length };
}

/**
 * Whether Obsidian would read the tag inserted at a line and column: the
 * note is read again as the metadata cache reads it, so that contexts the
 * quick checks do not name (an indented code block, an HTML block) are
 * caught before anything changes.
 */
export function insertedTagIsRead(text: string, line: number, ch: number, ins: TagInsertion, tag: string): boolean {
	const lines = splitLines(text);
	const eol = eolOf(text);
	const current = lines[line] ?? "";
	lines[line] = current.slice(0, ch) + ins.text + current.slice(ch);
	const col = ch + ins.text.indexOf(tag);
	const want = tag.replace(/^#/, "").toLowerCase();
	return scanMarkdown(lines.join(eol)).tags.some((t) => t.line === line && t.col === col && t.tag.toLowerCase() === want);
}

/** A position in a note, 0-based, as Obsidian's editor gives it. */
export interface TextPosition {
	line: number;
	ch: number;
}

/**
 * Where a tag for a selection goes: at the end of the selected passage. A
 * selection that ends at the start of a line (a whole line selected) ends on
 * the line before.
 */
export function selectionTagPosition(lines: readonly string[], from: TextPosition, to: TextPosition): TextPosition {
	if (to.ch === 0 && to.line > from.line) {
		const line = to.line - 1;
		return { line, ch: (lines[line] ?? "").length };
	}
	return { ...to };
}
