/**
 * Character codes and character classes shared by the Markdown readers, and
 * two small string helpers (a bounded search, link label folding). Plain
 * functions on UTF-16 code units, so that the hot loops compare numbers.
 */

export const TAB = 9, LF = 10, CR = 13, SPACE = 32, BANG = 33, QUOTE_D = 34, HASH = 35, DOLLAR = 36, PERCENT = 37;
export const QUOTE_S = 39, PAREN_O = 40, PAREN_C = 41, STAR = 42, PLUS = 43, DASH = 45, DOT = 46, SLASH = 47;
export const COLON = 58, LT = 60, EQ = 61, GT = 62, QMARK = 63, BRACK_O = 91, BACKSLASH = 92, BRACK_C = 93;
export const CARET = 94, UNDERSCORE = 95, BACKTICK = 96, PIPE = 124, TILDE = 126;

/** ASCII characters that end a tag: controls, space and punctuation other than `-`, `/` and `_`. */
const TAG_STOP_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
	const punct = (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
	TAG_STOP_ASCII[c] = c <= 32 || c === 127 || (punct && c !== DASH && c !== SLASH && c !== UNDERSCORE) ? 1 : 0;
}

/** White space as JavaScript's `\s` knows it; Obsidian opens a tag after any of it (not after U+200B). */
export function isWs(c: number): boolean {
	if (c < 128) return c === SPACE || (c >= TAB && c <= CR);
	return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
		|| c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether a character ends a tag: white space, most ASCII punctuation, and the general and supplemental punctuation blocks. */
export function isTagStop(c: number): boolean {
	if (c < 128) return TAG_STOP_ASCII[c] === 1;
	return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x206f) || (c >= 0x2e00 && c <= 0x2e7f) || c === 0x3000 || c === 0xfeff;
}

export function isAsciiPunct(c: number): boolean {
	return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

export function isAsciiAlnum(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isAsciiLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

export function isSpaceOrTab(c: number): boolean {
	return c === SPACE || c === TAB;
}

export function isLineBreak(c: number): boolean {
	return c === LF || c === CR;
}

/** Where the line starting at `p` ends: its first `\n` or `\r`, else the end of the text. */
export function lineBreakFrom(s: string, p: number): number {
	let e = p;
	while (e < s.length) {
		const c = s.charCodeAt(e);
		if (c === LF || c === CR) break;
		e++;
	}
	return e;
}

/** Where `needle` first occurs in `s[from, end)`, or -1; never looks past `end`. */
export function indexBefore(s: string, needle: string, from: number, end: number): number {
	const first = needle.charCodeAt(0), last = end - needle.length;
	for (let p = from; p <= last; p++) if (s.charCodeAt(p) === first && s.startsWith(needle, p)) return p;
	return -1;
}

/** Link labels match case-insensitively with runs of white space folded. */
export function normalizeLabel(label: string): string {
	return label.trim().replace(/\s+/g, " ").toLowerCase();
}
