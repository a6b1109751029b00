/**
 * HTML as CommonMark and Obsidian read it: which line opens an HTML block
 * (and of which type), and where an open or closing tag ends, shared by the
 * block and inline readers.
 */
import {
	TAB, LF, CR, SPACE, BANG, QUOTE_D, QUOTE_S, DASH, DOT, SLASH, COLON, LT, EQ, GT, QMARK, UNDERSCORE, BACKTICK,
	isAsciiAlnum, isAsciiLetter, isSpaceOrTab, indexBefore,
} from "./chars";

/** Tag names that open a CommonMark HTML block of type 6. */
const BLOCK_TAGS = new Set(("address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt "
	+ "fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu "
	+ "menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul").split(" "));
const RAW_TAGS = ["script", "pre", "style", "textarea"];

/** Skips white space (line breaks included, as an HTML tag may span lines). */
export function skipHtmlWs(s: string, p: number, end: number): number {
	while (p < end) {
		const c = s.charCodeAt(p);
		if (c !== SPACE && c !== TAB && c !== LF && c !== CR) break;
		p++;
	}
	return p;
}

/**
 * The end (exclusive) of a CommonMark open or closing tag starting at `p`
 * (which holds `<`), or -1. Attribute names, quoting and the ban on a value
 * glued to the next attribute are what decide whether `<a b #x>` hides `#x`.
 */
export function htmlTagEnd(s: string, p: number, end: number): number {
	let q = p + 1;
	const closing = s.charCodeAt(q) === SLASH;
	if (closing) q++;
	if (!isAsciiLetter(s.charCodeAt(q))) return -1;
	q++;
	while (q < end) {
		const c = s.charCodeAt(q);
		if (!isAsciiAlnum(c) && c !== DASH) break;
		q++;
	}
	if (closing) {
		q = skipHtmlWs(s, q, end);
		return q < end && s.charCodeAt(q) === GT ? q + 1 : -1;
	}
	for (;;) {
		const ws = skipHtmlWs(s, q, end);
		if (ws >= end) return -1;
		const c = s.charCodeAt(ws);
		if (c === GT) return ws + 1;
		if (c === SLASH) return ws + 1 < end && s.charCodeAt(ws + 1) === GT ? ws + 2 : -1;
		// An attribute needs white space before it.
		if (ws === q) return -1;
		if (!(isAsciiLetter(c) || c === UNDERSCORE || c === COLON)) return -1;
		q = ws + 1;
		while (q < end) {
			const d = s.charCodeAt(q);
			if (!(isAsciiAlnum(d) || d === UNDERSCORE || d === DOT || d === COLON || d === DASH)) break;
			q++;
		}
		const eq = skipHtmlWs(s, q, end);
		if (eq < end && s.charCodeAt(eq) === EQ) {
			let v = skipHtmlWs(s, eq + 1, end);
			if (v >= end) return -1;
			const vc = s.charCodeAt(v);
			if (vc === QUOTE_D || vc === QUOTE_S) {
				const close = indexBefore(s, vc === QUOTE_D ? '"' : "'", v + 1, end);
				if (close < 0) return -1;
				q = close + 1;
			} else {
				const start = v;
				while (v < end) {
					const d = s.charCodeAt(v);
					if (d <= SPACE || d === QUOTE_D || d === QUOTE_S || d === EQ || d === LT || d === GT || d === BACKTICK) break;
					v++;
				}
				if (v === start) return -1;
				q = v;
			}
		}
	}
}

/**
 * The CommonMark HTML block type (1-7) of a line whose `<` is at `p` and
 * which ends at `end`, or 0; type 7 cannot interrupt a paragraph.
 */
export function htmlBlockType(s: string, p: number, end: number, interrupting: boolean): number {
	const c1 = s.charCodeAt(p + 1);
	if (c1 === BANG) {
		if (s.startsWith("<!--", p)) return 2;
		if (s.startsWith("<![CDATA[", p)) return 5;
		if (isAsciiLetter(s.charCodeAt(p + 2))) return 4;
		return 0;
	}
	if (c1 === QMARK) return 3;
	const closing = c1 === SLASH;
	let q = closing ? p + 2 : p + 1;
	const nameStart = q;
	if (!isAsciiLetter(s.charCodeAt(q))) return 0;
	while (q < end && (isAsciiAlnum(s.charCodeAt(q)) || s.charCodeAt(q) === DASH)) q++;
	const name = s.slice(nameStart, q).toLowerCase();
	const after = q < end ? s.charCodeAt(q) : -1;
	if (!closing && RAW_TAGS.includes(name) && (after === -1 || after === GT || isSpaceOrTab(after))) return 1;
	if (BLOCK_TAGS.has(name) && (after === -1 || after === GT || isSpaceOrTab(after) || (after === SLASH && s.charCodeAt(q + 1) === GT))) return 6;
	if (interrupting || RAW_TAGS.includes(name)) return 0;
	const tagEnd = htmlTagEnd(s, p, end);
	if (tagEnd < 0) return 0;
	for (let r = tagEnd; r < end; r++) if (!isSpaceOrTab(s.charCodeAt(r))) return 0;
	return 7;
}
