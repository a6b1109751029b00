/**
 * Lines of a note's text: splitting them, whatever their endings, and the
 * ending a text uses.
 */

/** Splits text into lines, whatever its line endings. */
export function splitLines(text: string): string[] {
	return text.split(/\r\n|\r|\n/);
}

/** The line ending a text uses: CRLF when it has any, else LF. */
export function eolOf(text: string): string {
	return text.includes("\r\n") ? "\r\n" : "\n";
}
