/**
 * Where a tag can go and how it is spaced. Pure: the plugin applies the
 * result through the editor.
 */
import type { BlockedContext } from "../markdown/context";
import { eolOf, splitLines } from "../markdown/lines";
import { scanMarkdown } from "../markdown/scan";

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
