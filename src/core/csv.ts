/**
 * CSV as spreadsheets and qualitative-analysis tools read it (RFC 4180):
 * CRLF between rows; a cell with a comma, a quote or a line break quoted,
 * its quotes doubled. One owner for every CSV Attune writes.
 */

/** One cell. A leading = + - @ would run as a formula in a spreadsheet, so it is written as text. */
export function csvCell(s: string): string {
	const v = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
	return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A table of cells as CSV text, header row first, ending with a line break. */
export function csvText(rows: readonly (readonly string[])[]): string {
	return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
