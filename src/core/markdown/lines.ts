/**
 * Lines of a note's text: splitting them, whatever their endings, and the
 * ending a text uses.
 */

/**
 * Splits text into lines, whatever its line endings. Most notes have no `\r`:
 * splitting those on `\n` alone gives the same lines, several times faster
 * than the pattern.
 */
export function splitLines(text: string): string[] {
	return text.indexOf("\r") < 0 ? text.split("\n") : text.split(/\r\n|\r|\n/);
}

/** The line ending a text uses: CRLF when it has any, else LF. */
export function eolOf(text: string): string {
	return text.includes("\r\n") ? "\r\n" : "\n";
}
