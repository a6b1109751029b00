/**
 * Lines of a note's text: splitting, line endings, and the properties block's
 * closing fence.
 */

const FRONTMATTER_FENCE = /^---\s*$/;

/** Splits text into lines, whatever its line endings. */
export function splitLines(text: string): string[] {
	return text.split(/\r\n|\r|\n/);
}

/** The line ending a text uses: CRLF when it has any, else LF. */
export function eolOf(text: string): string {
	return text.includes("\r\n") ? "\r\n" : "\n";
}

/** The 0-based line of the closing fence of the properties block, or -1 when there is none. */
export function frontmatterEnd(lines: readonly string[]): number {
	if (lines.length === 0 || !FRONTMATTER_FENCE.test(lines[0].replace(/^\uFEFF/, ""))) return -1;
	for (let i = 1; i < lines.length; i++) if (FRONTMATTER_FENCE.test(lines[i])) return i;
	return -1;
}
