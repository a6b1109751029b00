/**
 * A copy of a string that does not keep the text it was cut from alive.
 * V8 represents a slice of 13 or more characters as a view into its parent:
 * a heading name or a client code kept in the index would hold the whole
 * note's text in memory (at 50,000 notes, about 130 MB of texts no one reads
 * again). Concatenating and slicing forces a fresh, flat string.
 */
export function detach(s: string): string {
	return (" " + s).slice(1);
}
