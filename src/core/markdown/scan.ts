/**
 * Reads one note's Markdown the way Obsidian's metadata cache does: the
 * properties block, inline tags, headings and callouts.
 *
 * Obsidian's parser is not plain CommonMark, and the differences decide
 * whether a tag counts, so the rules below follow what Obsidian 1.13 reports
 * (see the captures in `tests/fixtures/conformance`), not a Markdown specification:
 *
 * - Block structure is CommonMark's (fences, indented code, HTML blocks,
 *   block quotes, list items, tables), except that a blank line is a line of
 *   spaces only (a line holding a tab is not blank), a block quote's marker
 *   takes one following space but never a tab, an unquoted line indented four
 *   columns never continues a quoted paragraph, and fenced code, math and HTML
 *   blocks inside a quote or list item swallow unindented lines that start
 *   nothing new. `$$` lines open math blocks; `%%` lines open comments, whose
 *   tags still count.
 * - Inline constructs are read left to right, each taking the first closer
 *   after its opener in the raw text (an emphasis closer may sit inside a code
 *   span that comes later, as in Obsidian). A `#` opens a tag at the start of
 *   a block, cell or span, after white space, or right after a construct such
 *   as emphasis, a link, an escape or an HTML tag; never right after plain text.
 *
 * The scan is one pass over the lines with cheap checks first; inline parsing
 * runs only on the paragraphs, headings and table cells that hold a `#`.
 * Nothing here imports Node or Obsidian: it runs on mobile too.
 *
 * This file is the entry. The work is split by concern: `chars.ts`
 * (character codes and classes), `html.ts` (HTML block and tag rules),
 * `inline.ts` (the inline reader), `block.ts` (the block scanner) and
 * `block-state.ts` (its state, its cursor along a line and its detectors).
 */
import { Scanner } from "./block";
import type { MarkdownScan } from "./types";

/**
 * Scans one note's Markdown: the properties block, every inline tag (in
 * reading order, each occurrence), top-level headings and callouts, as
 * Obsidian's metadata cache would report them. Lines and columns are 0-based;
 * a leading byte-order mark is ignored and not counted in offsets; `\r\n`,
 * `\r` and `\n` all end a line.
 */
export function scanMarkdown(text: string): MarkdownScan {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	return new Scanner(body).run();
}
