/**
 * Reads one note's Markdown the way Obsidian's metadata cache does: the
 * properties block, inline tags, headings and callouts.
 *
 * Obsidian's parser is not plain CommonMark, and the differences decide
 * whether a tag counts, so the rules below follow what Obsidian 1.13 reports
 * (see `/shared/conformance`), not a Markdown specification:
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
 */
import type { MarkdownScan, RawCallout, RawFrontmatter, RawHeading, RawTag } from "./types";

// ---------------------------------------------------------------------------
// Character classes

const TAB = 9, LF = 10, CR = 13, SPACE = 32, BANG = 33, QUOTE_D = 34, HASH = 35, DOLLAR = 36, PERCENT = 37;
const QUOTE_S = 39, PAREN_O = 40, PAREN_C = 41, STAR = 42, PLUS = 43, DASH = 45, DOT = 46, SLASH = 47;
const COLON = 58, LT = 60, EQ = 61, GT = 62, QMARK = 63, BRACK_O = 91, BACKSLASH = 92, BRACK_C = 93;
const CARET = 94, UNDERSCORE = 95, BACKTICK = 96, PIPE = 124, TILDE = 126;

/** ASCII characters that end a tag: controls, space and punctuation other than `-`, `/` and `_`. */
const TAG_STOP_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
	const punct = (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
	TAG_STOP_ASCII[c] = c <= 32 || c === 127 || (punct && c !== DASH && c !== SLASH && c !== UNDERSCORE) ? 1 : 0;
}

/** White space as JavaScript's `\s` knows it; Obsidian opens a tag after any of it (not after U+200B). */
function isWs(c: number): boolean {
	if (c < 128) return c === SPACE || (c >= TAB && c <= CR);
	return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
		|| c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether a character ends a tag: white space, most ASCII punctuation, and the general and supplemental punctuation blocks. */
function isTagStop(c: number): boolean {
	if (c < 128) return TAG_STOP_ASCII[c] === 1;
	return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x206f) || (c >= 0x2e00 && c <= 0x2e7f) || c === 0x3000 || c === 0xfeff;
}

function isAsciiPunct(c: number): boolean {
	return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

function isAsciiAlnum(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAsciiLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

function isSpaceOrTab(c: number): boolean {
	return c === SPACE || c === TAB;
}

function isLineBreak(c: number): boolean {
	return c === LF || c === CR;
}

/** Where `needle` first occurs in `s[from, end)`, or -1; never looks past `end`. */
function indexBefore(s: string, needle: string, from: number, end: number): number {
	const first = needle.charCodeAt(0), last = end - needle.length;
	for (let p = from; p <= last; p++) if (s.charCodeAt(p) === first && s.startsWith(needle, p)) return p;
	return -1;
}

/** Link labels match case-insensitively with runs of white space folded. */
function normalizeLabel(label: string): string {
	return label.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * A callout body line as text: a nested callout's marker line counts by its
 * title, so an untitled callout wrapping others still finds its first words.
 */
function calloutBodyText(line: string): string {
	const text = line.trim();
	const m = /^\[![^\]]*\][+-]?/.exec(text);
	return m ? text.slice(m[0].length).trim() : text;
}

/** Tag names that open a CommonMark HTML block of type 6. */
const BLOCK_TAGS = new Set(("address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt "
	+ "fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu "
	+ "menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul").split(" "));
const RAW_TAGS = ["script", "pre", "style", "textarea"];

// ---------------------------------------------------------------------------
// Raw HTML, shared by the block and inline readers

/** Skips white space (line breaks included, as an HTML tag may span lines). */
function skipHtmlWs(s: string, p: number, end: number): number {
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
function htmlTagEnd(s: string, p: number, end: number): number {
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

// ---------------------------------------------------------------------------
// Inline reader

/**
 * The end of the tag whose `#` is at `p`: its name runs to white space or
 * punctuation other than `-`, `/` and `_`, and must not be all ASCII digits
 * (`#1984` is no tag). Returns -1 when there is no tag.
 */
function tagEndAt(s: string, p: number, end: number): number {
	let j = p + 1, named = false;
	while (j < end) {
		const d = s.charCodeAt(j);
		if (isTagStop(d)) break;
		if (!named && !isDigit(d)) named = true;
		j++;
	}
	return named ? j : -1;
}

/**
 * The start of a tag name up to its end or its first `_`: what `isTagStop`
 * ends, and `_`, which the fast path leaves to the full reader since it may
 * close emphasis.
 */
// eslint-disable-next-line no-control-regex -- control characters end a tag, as they do in Obsidian
const TAG_NAME_PLAIN = /[^\s\x00-\x20!-,.:-@[-`{-~\x7f\u00a0\u1680\u2000-\u206f\u2e00-\u2e7f\u3000\ufeff]*/y;

/**
 * As `tagEndAt`, with a native search for the name's end, for content whose
 * end a tag cannot cross. Returns -2 when the name holds an `_`.
 */
function tagEndFast(s: string, p: number, end: number): number {
	TAG_NAME_PLAIN.lastIndex = p + 1;
	TAG_NAME_PLAIN.test(s);
	const j = Math.min(TAG_NAME_PLAIN.lastIndex, end);
	if (j < end && s.charCodeAt(j) === UNDERSCORE) return -2;
	for (let k = p + 1; k < j; k++) if (!isDigit(s.charCodeAt(k))) return j;
	return -1;
}

/** Memo slots for closer searches whose answer does not depend on the opener. */
const M_EM_STAR = 0, M_EM_UND = 1, M_STRONG_STAR = 2, M_STRONG_UND = 3, M_TILDE = 4, M_EQ = 5, M_PCT = 6;
const M_DOLLAR = 7, M_DOLLAR2 = 8, M_DASH2 = 9, M_WIKI_END = 10, M_EOL = 11, M_PI_END = 12, M_CDATA_END = 13, M_GT = 14;
const M_SLOTS = 15;

/** Emphasis and links nest; past this depth, openers are read as text. */
const MAX_DEPTH = 64;

/** Receives each tag found: the position of its `#` and its end, in the string being read. */
interface TagSink {
	onTag(start: number, end: number): void;
	/** How many tags have been received, to roll back to. */
	mark(): number;
	/** Forgets the tags received since `mark` returned `count`. */
	rollback(count: number): void;
}

/**
 * Characters that may start a construct, and bare URLs (whose `_` and `#`
 * are not markup). The inline reader jumps from one to the next; text in
 * between only matters through its last character.
 */
const INLINE_SPECIAL = /[#\\`$<[!*_~=%]|[hH][tT][tT][pP][sS]?:\/\/|[wW][wW][wW]\./g;

/**
 * Finds tags in inline content: a paragraph, heading or table cell, given as
 * a range of a string.
 */
class InlineReader {
	private s = "";
	private top = 0;
	private topEnd = 0;
	private defs: Set<string> | null = null;
	private sink: TagSink | null = null;
	private readonly memoFrom = new Int32Array(M_SLOTS);
	private readonly memoAt = new Int32Array(M_SLOTS);
	private lastCloseBracket = -2;
	private readonly runsPos: number[] = [];
	private readonly runsLen: number[] = [];
	private runsReady = false;
	private runIdx = 0;
	/** Whether the full reader's caches were reset for this content (most content never needs them). */
	private fresh = false;

	/**
	 * Reads `s[start, end)` as one block's inline content. When `plain`, the
	 * text holds no character that opens a construct able to hide a `#`, and
	 * tags are found from the positions of its `#`s, `hashes[hashFrom, hashTo)`,
	 * unless some emphasis around them needs the full reader after all.
	 */
	read(s: string, start: number, end: number, plain: boolean, hashes: readonly number[], hashFrom: number, hashTo: number,
		defs: Set<string> | null, sink: TagSink): void {
		this.s = s;
		this.top = start;
		this.topEnd = end;
		this.defs = defs;
		this.sink = sink;
		this.fresh = false;
		if (!plain) {
			this.parse(start, end, 0, true);
			return;
		}
		const mark = sink.mark();
		let tagEnd = -1;
		for (let k = hashFrom; k < hashTo; k++) {
			const h = hashes[k];
			if (h >= end) break;
			let can = h === start || h === tagEnd;
			if (!can) {
				const prev = s.charCodeAt(h - 1);
				can = isWs(prev);
				// Right after emphasis, `~~`, `==`, `%%` or an escape a tag may start: leave it to the full reader.
				if (!can && (prev === STAR || prev === UNDERSCORE || prev === TILDE || prev === EQ || prev === PERCENT
					|| (isAsciiPunct(prev) && s.charCodeAt(h - 2) === BACKSLASH))) {
					sink.rollback(mark);
					this.parse(start, end, 0, true);
					return;
				}
			}
			if (can) {
				const j = tagEndFast(s, h, end);
				if (j === -2) {
					// An `_` in the name may close emphasis opened before it: leave it to the full reader.
					sink.rollback(mark);
					this.parse(start, end, 0, true);
					return;
				}
				if (j > 0) {
					sink.onTag(h, j);
					tagEnd = j;
				}
			}
		}
	}

	/**
	 * The main loop, from one construct-opening character to the next. A `#`
	 * opens a tag at the start, after white space, and right after a
	 * construct (`tokenEnd`); never right after text.
	 */
	private parse(start: number, end: number, depth: number, canTagAtStart: boolean): void {
		if (!this.fresh) {
			this.memoFrom.fill(-1);
			this.lastCloseBracket = -2;
			this.runsReady = false;
			this.runIdx = 0;
			this.fresh = true;
		}
		const s = this.s;
		const re = INLINE_SPECIAL;
		let i = start;
		let tokenEnd = canTagAtStart ? start : -1;
		while (i < end) {
			re.lastIndex = i;
			const m = re.exec(s);
			if (m === null || m.index >= end) return;
			const p = m.index;
			const canTag = p === tokenEnd || (p > start && isWs(s.charCodeAt(p - 1)));
			const c = s.charCodeAt(p);
			let next = -1;
			switch (c) {
				case HASH: {
					if (canTag) {
						const j = tagEndAt(s, p, end);
						if (j > 0) {
							this.sink?.onTag(p, j);
							next = j;
						}
					}
					break;
				}
				case BACKSLASH:
					// An escape is a construct of its own: `\]#tag` is a tag, `\#tag` is not.
					if (p + 1 < end && isAsciiPunct(s.charCodeAt(p + 1))) next = p + 2;
					break;
				case BACKTICK:
					next = this.codeSpan(p, end);
					if (next < 0) {
						// The whole run is text.
						let j = p;
						while (j < end && s.charCodeAt(j) === BACKTICK) j++;
						i = j;
						continue;
					}
					break;
				case DOLLAR:
					next = this.math(p, end);
					break;
				case LT:
					next = this.html(p, end);
					break;
				case BRACK_O:
					next = depth < MAX_DEPTH ? this.bracket(p, end, depth) : -1;
					break;
				case BANG:
					next = this.image(p, end);
					break;
				case STAR:
				case UNDERSCORE:
					next = depth < MAX_DEPTH ? this.emphasis(p, end, c, depth) : -1;
					break;
				case TILDE:
				case EQ:
					next = depth < MAX_DEPTH ? this.pair(p, end, c, depth) : -1;
					break;
				case PERCENT:
					next = depth < MAX_DEPTH ? this.comment(p, end, depth) : -1;
					break;
				default:
					// A bare URL, recognised only where a word may start.
					if (canTag) {
						const u = this.url(p, end);
						if (u > 0) {
							i = u;
							continue;
						}
					}
					break;
			}
			if (next > 0) {
				i = next;
				tokenEnd = next;
			} else {
				i = p + 1;
			}
		}
	}

	// -- memoized closer searches ------------------------------------------

	/** Whether `s[p]` is escaped by an odd run of backslashes. */
	private escaped(p: number): boolean {
		let k = 0;
		while (p - 1 - k >= this.top && this.s.charCodeAt(p - 1 - k) === BACKSLASH) k++;
		return (k & 1) === 1;
	}

	/** Whether `p` is a closer of the given kind; each kind depends on local characters only. */
	private isCloser(slot: number, p: number): boolean {
		const s = this.s;
		const c = s.charCodeAt(p);
		switch (slot) {
			case M_EM_STAR:
			case M_EM_UND: {
				const m = slot === M_EM_STAR ? STAR : UNDERSCORE;
				if (c !== m || s.charCodeAt(p - 1) === m) return false;
				const after = p + 1 < this.topEnd ? s.charCodeAt(p + 1) : -1;
				if (after === m) return false;
				// An underscore between two ASCII letters or digits is intraword: it never closes.
				if (m === UNDERSCORE && isAsciiAlnum(after)) return false;
				return !this.escaped(p);
			}
			case M_STRONG_STAR:
			case M_STRONG_UND: {
				const m = slot === M_STRONG_STAR ? STAR : UNDERSCORE;
				if (c !== m || s.charCodeAt(p + 1) !== m || s.charCodeAt(p - 1) === m) return false;
				if (m === UNDERSCORE && p + 2 < this.topEnd && isAsciiAlnum(s.charCodeAt(p + 2))) return false;
				return !this.escaped(p);
			}
			case M_TILDE:
				return c === TILDE && s.charCodeAt(p + 1) === TILDE;
			case M_EQ:
				return c === EQ && s.charCodeAt(p + 1) === EQ;
			case M_PCT:
				return c === PERCENT && s.charCodeAt(p + 1) === PERCENT;
			case M_DOLLAR: {
				// Obsidian's inline math: no closer after a space or tab, nor before a digit.
				if (c !== DOLLAR) return false;
				const before = s.charCodeAt(p - 1);
				if (before === SPACE || before === TAB) return false;
				if (p + 1 < this.topEnd && isDigit(s.charCodeAt(p + 1))) return false;
				return !this.escaped(p);
			}
			case M_DOLLAR2:
				return c === DOLLAR && s.charCodeAt(p + 1) === DOLLAR && !this.escaped(p);
			case M_DASH2:
				return c === DASH && s.charCodeAt(p + 1) === DASH;
			case M_WIKI_END:
				return c === BRACK_C && s.charCodeAt(p + 1) === BRACK_C;
			case M_PI_END:
				return c === QMARK && s.charCodeAt(p + 1) === GT;
			case M_CDATA_END:
				return c === BRACK_C && s.startsWith("]]>", p);
			case M_GT:
				return c === GT;
			default:
				return c === LF || c === CR;
		}
	}

	/** The first closer of a kind at or after `from`, before `end`, or -1. */
	private find(slot: number, from: number, end: number): number {
		const memoFrom = this.memoFrom[slot];
		let at: number;
		if (memoFrom >= 0 && memoFrom <= from && (this.memoAt[slot] < 0 || this.memoAt[slot] >= from)) {
			at = this.memoAt[slot];
		} else {
			at = -1;
			for (let p = from; p < this.topEnd; p++) {
				if (this.isCloser(slot, p)) {
					at = p;
					break;
				}
			}
			this.memoFrom[slot] = from;
			this.memoAt[slot] = at;
		}
		return at >= 0 && at < end ? at : -1;
	}

	private hasNonWs(start: number, end: number): boolean {
		for (let p = start; p < end; p++) if (!isWs(this.s.charCodeAt(p))) return true;
		return false;
	}

	// -- constructs: each returns the index after it, or -1 when `s[i]` is text

	/**
	 * A code span. Obsidian may open one on the tail of a longer backtick run
	 * (`` ``b #x` `` hides `#x`), but closes it only on a run of exactly the
	 * opener's length.
	 */
	private codeSpan(i: number, end: number): number {
		const s = this.s;
		if (!this.runsReady) {
			this.runsPos.length = 0;
			this.runsLen.length = 0;
			for (let p = this.top; p < this.topEnd; p++) {
				if (s.charCodeAt(p) !== BACKTICK) continue;
				let q = p + 1;
				while (q < this.topEnd && s.charCodeAt(q) === BACKTICK) q++;
				this.runsPos.push(p);
				this.runsLen.push(q - p);
				p = q - 1;
			}
			this.runsReady = true;
		}
		let n = 0;
		while (i + n < end && s.charCodeAt(i + n) === BACKTICK) n++;
		const runEnd = i + n;
		while (this.runIdx < this.runsPos.length && this.runsPos[this.runIdx] < runEnd) this.runIdx++;
		let bestK = 0, bestAt = -1;
		for (let r = this.runIdx; r < this.runsPos.length; r++) {
			const pos = this.runsPos[r];
			if (pos >= end) break;
			const len = this.runsLen[r];
			if (pos + len > end) break;
			if (len <= n && len > bestK) {
				bestK = len;
				bestAt = pos;
				if (len === n) break;
			}
		}
		return bestK > 0 ? bestAt + bestK : -1;
	}

	/** Inline math, `$...$` by Obsidian's rules or `$$...$$`. */
	private math(i: number, end: number): number {
		const s = this.s;
		if (i + 1 < end && s.charCodeAt(i + 1) === DOLLAR) {
			const close = this.find(M_DOLLAR2, i + 2, end);
			// Unclosed `$$`: the first `$` is text and the second may still open `$...$`.
			return close >= 0 ? close + 2 : -1;
		}
		if (i + 1 >= end) return -1;
		const after = s.charCodeAt(i + 1);
		if (after === SPACE || after === TAB) return -1;
		const close = this.find(M_DOLLAR, i + 1, end);
		return close >= 0 ? close + 1 : -1;
	}

	/** Comments, processing instructions, declarations, CDATA, autolinks and HTML tags. */
	private html(i: number, end: number): number {
		const s = this.s;
		const c1 = s.charCodeAt(i + 1);
		if (c1 === BANG) {
			if (s.startsWith("<!--", i)) {
				// CommonMark 0.30 comments: not `<!-->` or `<!--->`, and no `--` inside.
				const k = i + 4;
				if (s.charCodeAt(k) === GT || (s.charCodeAt(k) === DASH && s.charCodeAt(k + 1) === GT)) return -1;
				const dd = this.find(M_DASH2, k, end);
				return dd >= 0 && dd + 2 < end && s.charCodeAt(dd + 2) === GT ? dd + 3 : -1;
			}
			if (s.startsWith("<![CDATA[", i)) return this.after(M_CDATA_END, i + 9, end, 3);
			if (isAsciiLetter(s.charCodeAt(i + 2))) return this.after(M_GT, i + 2, end, 1);
			return -1;
		}
		if (c1 === QMARK) return this.after(M_PI_END, i + 2, end, 2);
		if (isAsciiLetter(c1)) {
			const auto = this.autolink(i, end);
			if (auto > 0) return auto;
		}
		return htmlTagEnd(s, i, end);
	}

	/** The index after the first closer of a kind (`len` characters long) that ends before `end`, or -1. */
	private after(slot: number, from: number, end: number, len: number): number {
		const at = this.find(slot, from, end);
		return at >= 0 && at + len <= end ? at + len : -1;
	}

	/** `<scheme:...>` or `<user@host>`. */
	private autolink(i: number, end: number): number {
		const s = this.s;
		let p = i + 1;
		while (p < end && (isAsciiAlnum(s.charCodeAt(p)) || s.charCodeAt(p) === PLUS || s.charCodeAt(p) === DOT || s.charCodeAt(p) === DASH)) p++;
		const schemeLen = p - i - 1;
		if (p < end && s.charCodeAt(p) === COLON && schemeLen >= 2 && schemeLen <= 32) {
			for (p++; p < end; p++) {
				const c = s.charCodeAt(p);
				if (c === GT) return p + 1;
				if (c <= SPACE || c === LT) return -1;
			}
			return -1;
		}
		let at = false;
		for (p = i + 1; p < end; p++) {
			const c = s.charCodeAt(p);
			if (c === GT) return at ? p + 1 : -1;
			if (c === 64) at = true;
			else if (c <= SPACE || c === LT || c === BACKSLASH) return -1;
		}
		return -1;
	}

	/** The `]` matching the `[` at `i`, skipping escapes; `nested` tells whether brackets were nested inside. */
	private matchBracket(i: number, end: number): { close: number; nested: boolean } | null {
		const s = this.s;
		if (this.lastCloseBracket === -2) this.lastCloseBracket = s.lastIndexOf("]", this.topEnd - 1);
		if (this.lastCloseBracket <= i) return null;
		let depth = 0, nested = false;
		for (let p = i + 1; p < end; p++) {
			const c = s.charCodeAt(p);
			if (c === BACKSLASH) {
				p++;
			} else if (c === BRACK_O) {
				depth++;
				nested = true;
			} else if (c === BRACK_C) {
				if (depth === 0) return { close: p, nested };
				depth--;
			}
		}
		return null;
	}

	/** After `]`: `(destination "title")`; returns the index after `)`, or -1. */
	private inlineDestination(p: number, end: number): number {
		const s = this.s;
		let q = skipHtmlWs(s, p + 1, end);
		if (q < end && s.charCodeAt(q) === LT) {
			for (q++; q < end; q++) {
				const c = s.charCodeAt(q);
				if (c === GT) break;
				if (c === LT || isLineBreak(c)) return -1;
				if (c === BACKSLASH) q++;
			}
			if (q >= end) return -1;
			q++;
		} else {
			let depth = 0;
			for (; q < end; q++) {
				const c = s.charCodeAt(q);
				if (c === BACKSLASH) {
					q++;
					continue;
				}
				if (c <= SPACE) break;
				if (c === PAREN_O) depth++;
				else if (c === PAREN_C) {
					if (depth === 0) break;
					depth--;
				}
			}
		}
		q = skipHtmlWs(s, q, end);
		if (q < end) {
			const c = s.charCodeAt(q);
			if (c === QUOTE_D || c === QUOTE_S || c === PAREN_O) {
				const closeCh = c === PAREN_O ? PAREN_C : c;
				for (q++; q < end; q++) {
					const d = s.charCodeAt(q);
					if (d === BACKSLASH) q++;
					else if (d === closeCh) break;
				}
				if (q >= end) return -1;
				q = skipHtmlWs(s, q + 1, end);
			}
		}
		return q < end && s.charCodeAt(q) === PAREN_C ? q + 1 : -1;
	}

	private defined(start: number, end: number): boolean {
		return this.defs !== null && this.defs.has(normalizeLabel(this.s.slice(start, end)));
	}

	/**
	 * After `[text]`: a following `[label]` that names a definition, or `text`
	 * itself naming one. Returns the index after the reference, or -1.
	 */
	private reference(open: number, close: number, end: number): number {
		if (this.defs === null) return -1;
		const s = this.s;
		if (close + 1 < end && s.charCodeAt(close + 1) === BRACK_O) {
			const lc = indexBefore(s, "]", close + 2, end);
			if (lc >= 0) {
				const inner = s.slice(close + 2, lc);
				if (inner.indexOf("[") < 0) {
					if (lc === close + 2) return this.defined(open + 1, close) ? lc + 1 : -1;
					if (this.defined(close + 2, lc)) return lc + 1;
				}
			}
		}
		return this.defined(open + 1, close) ? close + 1 : -1;
	}

	/**
	 * `[[wikilink]]`, `[^footnote]`, `[text](link)`, `[text][ref]`, or a
	 * bracketed span. Obsidian treats a plain `[...]` holding no other bracket
	 * as markup: `[#tag]` and `[x]#tag` are tags, `[#x [y] z]` is not.
	 */
	private bracket(i: number, end: number, depth: number): number {
		const s = this.s;
		const c1 = s.charCodeAt(i + 1);
		if (c1 === BRACK_O) return this.wikiEnd(i + 2, end);
		if (c1 === CARET) {
			for (let p = i + 2; p < end; p++) {
				const c = s.charCodeAt(p);
				if (c === BRACK_C) return p > i + 2 ? p + 1 : -1;
				if (c === BRACK_O || isLineBreak(c)) return -1;
			}
			return -1;
		}
		const m = this.matchBracket(i, end);
		if (!m) return -1;
		const close = m.close;
		if (close + 1 < end && s.charCodeAt(close + 1) === PAREN_O) {
			const after = this.inlineDestination(close + 1, end);
			if (after > 0) {
				this.parse(i + 1, close, depth + 1, true);
				return after;
			}
		}
		const ref = this.reference(i, close, end);
		if (ref > 0) {
			this.parse(i + 1, close, depth + 1, true);
			return ref;
		}
		if (m.nested || close === i + 1) return -1;
		this.parse(i + 1, close, depth + 1, true);
		return close + 1;
	}

	/** The index after the `]]` closing a wikilink whose text starts at `from`, on the same line. */
	private wikiEnd(from: number, end: number): number {
		const close = this.find(M_WIKI_END, from, end);
		if (close < 0) return -1;
		const eol = this.find(M_EOL, from, end);
		return eol >= 0 && eol < close ? -1 : close + 2;
	}

	/** `![[embed]]`, or an image whose alt text is hidden. */
	private image(i: number, end: number): number {
		const s = this.s;
		if (s.charCodeAt(i + 1) !== BRACK_O) return -1;
		if (s.charCodeAt(i + 2) === BRACK_O) return this.wikiEnd(i + 3, end);
		const m = this.matchBracket(i + 1, end);
		if (!m) return -1;
		if (m.close + 1 < end && s.charCodeAt(m.close + 1) === PAREN_O) {
			const after = this.inlineDestination(m.close + 1, end);
			if (after > 0) return after;
		}
		return this.reference(i + 1, m.close, end);
	}

	/**
	 * Emphasis with `*` or `_`. The opener takes the first valid closer after
	 * it: a lone `*`/`_` (for `_`, not followed by an ASCII letter or digit),
	 * or a `**`/`__` pair for a double opener. If what lies between is only
	 * white space, the opener is text. A `_` may open inside a word
	 * (`snake_case_#tag` is a tag), and a failed double opener leaves its
	 * first character as text so the second may open alone.
	 */
	private emphasis(i: number, end: number, ch: number, depth: number): number {
		const s = this.s;
		let n = 1;
		while (i + n < end && s.charCodeAt(i + n) === ch) n++;
		if (n === 2) {
			const close = this.find(ch === STAR ? M_STRONG_STAR : M_STRONG_UND, i + 2, end);
			if (close >= 0 && this.hasNonWs(i + 2, close)) {
				this.parse(i + 2, close, depth + 1, true);
				return close + 2;
			}
			return -1;
		}
		if (n > 2) return -1;
		const close = this.find(ch === STAR ? M_EM_STAR : M_EM_UND, i + 1, end);
		if (close >= 0 && this.hasNonWs(i + 1, close)) {
			this.parse(i + 1, close, depth + 1, true);
			return close + 1;
		}
		return -1;
	}

	/** `~~strikethrough~~` and `==highlight==`; a single `~` or `=` is text. */
	private pair(i: number, end: number, ch: number, depth: number): number {
		const s = this.s;
		if (s.charCodeAt(i + 1) !== ch || (i + 2 < end && s.charCodeAt(i + 2) === ch)) return -1;
		const close = this.find(ch === TILDE ? M_TILDE : M_EQ, i + 2, end);
		if (close < 0 || !this.hasNonWs(i + 2, close)) return -1;
		this.parse(i + 2, close, depth + 1, true);
		return close + 2;
	}

	/** `%%comment%%`: its tags count, so its text is read like any other. */
	private comment(i: number, end: number, depth: number): number {
		if (this.s.charCodeAt(i + 1) !== PERCENT) return -1;
		const close = this.find(M_PCT, i + 2, end);
		if (close < 0) return i + 2;
		this.parse(i + 2, close, depth + 1, true);
		return close + 2;
	}

	/** A bare `http://`, `https://` or `www.` URL; returns its end, or -1. */
	private url(i: number, end: number): number {
		const s = this.s;
		let p: number;
		if (s.startsWith("http", i) || s.startsWith("HTTP", i)) {
			p = i + 4;
			if (s.charCodeAt(p) === 115 || s.charCodeAt(p) === 83) p++;
			if (!s.startsWith("://", p)) return -1;
			p += 3;
		} else if (s.startsWith("www.", i) || s.startsWith("WWW.", i)) {
			p = i + 4;
		} else {
			return -1;
		}
		const bodyStart = p;
		while (p < end) {
			const c = s.charCodeAt(p);
			if (c === LT || isWs(c)) break;
			p++;
		}
		// Trailing punctuation belongs to the sentence, not the URL.
		while (p > bodyStart) {
			const c = s.charCodeAt(p - 1);
			if (c === QMARK || c === BANG || c === DOT || c === 44 || c === COLON || c === STAR || c === UNDERSCORE || c === TILDE
				|| c === QUOTE_D || c === QUOTE_S || c === PAREN_C || c === 59) p--;
			else break;
		}
		return p > bodyStart ? p : -1;
	}
}

// ---------------------------------------------------------------------------
// Block reader

const Q_QUOTE = 0, Q_ITEM = 1;
const L_NONE = 0, L_PARA = 1, L_TABLE = 2, L_FENCE = 3, L_ICODE = 4, L_MATH = 5, L_HTML = 6, L_COMMENT = 7;

/** Block quotes and list items nest; past this depth their markers are read as text. */
const MAX_CONTAINERS = 100;

/** A callout still looking for its first line of text. */
interface PendingCallout {
	callout: RawCallout;
	depth: number;
}

/**
 * Characters that open the inline constructs able to hide a `#` after white
 * space: code, math, HTML and links. (Emphasis hides nothing; what it changes,
 * right before a `#` or inside a tag name, the reader checks where it looks.)
 */
const OPENER_CHARS = ["`", "$", "<", "["];

/** Scratch storage shared by all scans: line starts, `#` positions, inline content queued. */
const SCRATCH_LINES: number[] = [];
const SCRATCH_HASHES: number[] = [];
const SCRATCH_UNITS: number[] = [];

/** A CR that ends a line on its own (old Mac files, or text pasted from one). */
const LONE_CR = /\r(?!\n)/;

/** One reader serves every scan: scans run one at a time and the reader keeps no result. */
const READER = new InlineReader();

class Scanner implements TagSink {
	private readonly s: string;
	private readonly n: number;
	// Scratch arrays are shared by all scans (they run one at a time, and
	// nothing in them outlives a scan), so a scan allocates little besides
	// its results; each has its own count of entries in use.
	private readonly lineStarts = SCRATCH_LINES;
	private lineN = 0;
	private readonly tags: RawTag[] = [];
	private readonly headings: RawHeading[] = [];
	private readonly callouts: RawCallout[] = [];
	private pending: PendingCallout[] = [];
	private frontmatter: RawFrontmatter | null = null;
	private defs: Set<string> | null = null;

	// Inline content to read once the block pass is done (link definitions may
	// come after their use). Five numbers each: start, end, -1 for a plain
	// range of the text or the index in `segs` of line pieces to join, and the
	// range of `hashes` holding its `#` positions.
	private readonly units = SCRATCH_UNITS;
	private unitN = 0;
	private readonly segs: number[] = [];

	// Open containers.
	private readonly cKind: number[] = [];
	private readonly cWidth: number[] = [];
	private readonly cMarkEnd: number[] = [];

	// The open leaf block.
	private leaf = L_NONE;
	private fenceChar = 0;
	private fenceLen = 0;
	private htmlType = 0;
	/** Where the open HTML block's end marker next occurs (-2: not looked for yet; -1: nowhere). */
	private htmlEndAt = -2;
	private tableLeadingPipe = false;
	private prevBlank = false;

	// Text gathered for a paragraph or comment: pieces of lines.
	private accStart = -1;
	private accEnd = 0;
	private accLines = 0;
	private accRaw = true;
	private accHash = false;
	private accHashFrom = 0;
	private accFirstLine = 0;
	private readonly accSegs: number[] = [];
	private accSegN = 0;

	// The current line and the cursor in it. Columns count tabs to the next
	// multiple of four from `origin` (reset after a quote marker); `extra` is
	// what is left of a tab that a container's indentation only partly used.
	private lineNo = 0;
	private lineStart = 0;
	private lineEnd = 0;
	private pos = 0;
	private col = 0;
	private extra = 0;
	private origin = 0;
	private indPos = 0;
	private indCol = 0;

	// The next `#` and `%%` in the text, searched natively and remembered, so
	// that lines without them cost nothing and no text is searched twice.
	private nextHash = -1;
	private nextPercents = -2;
	/** Positions of the `#` characters in inline content, in order. */
	private readonly hashes = SCRATCH_HASHES;
	private hashN = 0;

	constructor(text: string) {
		this.s = text;
		this.n = text.length;
	}

	run(): MarkdownScan {
		const s = this.s;
		// Only a CR without LF after it needs the slower search for line ends; CRLF does not.
		this.loneCR = s.indexOf("\r") >= 0 && LONE_CR.test(s);
		let p = this.readFrontmatter();
		this.nextHash = p < 0 ? -1 : s.indexOf("#", p);
		while (p >= 0) {
			const e = this.eol(p);
			const next = this.nextStart;
			this.lineNo = this.lineN;
			this.lineStarts[this.lineN++] = p;
			this.line(p, e);
			p = next;
		}
		this.closeContainersTo(0);
		this.closeLeaf();
		this.readUnits();
		return { frontmatter: this.frontmatter, tags: this.tags, headings: this.headings, callouts: this.callouts, lineCount: this.lineN };
	}

	/** Whether line breaks may be a lone CR, which needs a slower search for line ends. */
	private loneCR = false;
	/** Where the line after the one `eol` measured starts; -1 after the last line. */
	private nextStart = -1;

	/** The end of the line starting at `p`, before its line break; sets `nextStart`. */
	private eol(p: number): number {
		const s = this.s;
		let e: number;
		if (this.loneCR) {
			e = p;
			while (e < this.n) {
				const c = s.charCodeAt(e);
				if (c === LF || c === CR) break;
				e++;
			}
			this.nextStart = e >= this.n ? -1 : s.charCodeAt(e) === CR && s.charCodeAt(e + 1) === LF ? e + 2 : e + 1;
			return e;
		}
		e = s.indexOf("\n", p);
		if (e < 0) {
			this.nextStart = -1;
			e = this.n;
		} else {
			this.nextStart = e + 1;
		}
		return e > p && s.charCodeAt(e - 1) === CR ? e - 1 : e;
	}

	/**
	 * The properties block: `---` alone on the first line, up to the next line
	 * that is `---` (trailing white space allowed). Returns where the body
	 * starts (-1 when nothing follows the block).
	 */
	private readFrontmatter(): number {
		const s = this.s;
		if (!s.startsWith("---")) return 0;
		const open = this.eol(0);
		if (open !== 3 || this.nextStart < 0) return 0;
		this.lineStarts[this.lineN++] = 0;
		let p = this.nextStart;
		const yamlStart = p;
		let prevEnd = 3;
		while (p >= 0) {
			const e = this.eol(p);
			const next = this.nextStart;
			this.lineStarts[this.lineN++] = p;
			let t = e;
			while (t > p && isSpaceOrTab(s.charCodeAt(t - 1))) t--;
			if (t - p === 3 && s.startsWith("---", p)) {
				const yaml = p > yamlStart ? s.slice(yamlStart, prevEnd) : "";
				this.frontmatter = { yaml, startLine: 0, endLine: this.lineN - 1 };
				return next;
			}
			prevEnd = e;
			p = next;
		}
		this.lineN = 0;
		return 0;
	}

	// -- the cursor ------------------------------------------------------------

	/** Columns of indentation at the cursor; sets `indPos`/`indCol` to the first non-blank. */
	private indent(): number {
		const s = this.s;
		let w = this.extra, c = this.col, p = this.pos;
		while (p < this.lineEnd) {
			const ch = s.charCodeAt(p);
			if (ch === SPACE) {
				w++;
				c++;
			} else if (ch === TAB) {
				const t = 4 - ((c - this.origin) & 3);
				w += t;
				c += t;
			} else {
				break;
			}
			p++;
		}
		this.indPos = p;
		this.indCol = c;
		return w;
	}

	/** Consumes `n` columns of indentation, splitting a tab if need be. */
	private consumeCols(n: number): void {
		const s = this.s;
		while (n > 0) {
			if (this.extra > 0) {
				const t = Math.min(this.extra, n);
				this.extra -= t;
				n -= t;
				continue;
			}
			if (this.pos >= this.lineEnd) return;
			const ch = s.charCodeAt(this.pos);
			if (ch === SPACE) {
				this.pos++;
				this.col++;
				n--;
			} else if (ch === TAB) {
				const t = 4 - ((this.col - this.origin) & 3);
				this.pos++;
				this.col += t;
				if (t > n) {
					this.extra = t - n;
					n = 0;
				} else {
					n -= t;
				}
			} else {
				return;
			}
		}
	}

	private skipIndent(): void {
		this.indent();
		this.pos = this.indPos;
		this.col = this.indCol;
		this.extra = 0;
	}

	/** Whether the rest of the line is blank: spaces only (a tab makes it not blank, as in Obsidian). */
	private restBlank(): boolean {
		const s = this.s;
		for (let p = this.pos; p < this.lineEnd; p++) if (s.charCodeAt(p) !== SPACE) return false;
		return true;
	}

	/**
	 * Records every `#` of the rest of the line (from `from`) in `hashes`, so
	 * that the inline pass never searches the text again; true if any.
	 */
	private lineHashes(from: number): boolean {
		const s = this.s;
		let h = this.nextHash;
		if (h >= 0 && h < from) h = s.indexOf("#", from);
		const before = this.hashN;
		while (h >= 0 && h < this.lineEnd) {
			this.hashes[this.hashN++] = h;
			h = s.indexOf("#", h + 1);
		}
		this.nextHash = h;
		return this.hashN > before;
	}

	/** The next `%%` at or after `from`, or a number past every line (so `< lineEnd` tests fail). */
	private nextDoublePercent(from: number): number {
		if (this.nextPercents === -2 || (this.nextPercents >= 0 && this.nextPercents < from)) this.nextPercents = this.s.indexOf("%%", from);
		return this.nextPercents >= 0 ? this.nextPercents : this.n + 1;
	}

	/**
	 * Whether the open paragraph holds an odd number of `$$`: a `$$` line then
	 * closes its inline math rather than opening a math block. Counted only
	 * when such a line comes, which is rare.
	 */
	private paraDollarsOdd(): boolean {
		let k = 0;
		for (let i = 0; i < this.accSegN; i += 2) {
			const end = this.accSegs[i + 1];
			let at = indexBefore(this.s, "$$", this.accSegs[i], end);
			while (at >= 0) {
				k++;
				at = indexBefore(this.s, "$$", at + 2, end);
			}
		}
		return (k & 1) === 1;
	}

	// -- one line --------------------------------------------------------------

	private line(start: number, end: number): void {
		this.lineStart = start;
		this.lineEnd = end;
		this.pos = start;
		this.col = 0;
		this.extra = 0;
		this.origin = 0;
		const nc = this.cKind.length;
		let matched = 0;
		for (; matched < nc; matched++) {
			if (this.cKind[matched] === Q_QUOTE) {
				if (!this.quoteMarker()) break;
				this.cMarkEnd[matched] = this.pos;
			} else {
				if (this.restBlank()) continue;
				if (this.indent() < this.cWidth[matched]) break;
				this.consumeCols(this.cWidth[matched]);
			}
		}
		const blank = this.restBlank();
		if (matched < nc) {
			if (!blank && !this.prevBlank && this.lazy(matched)) {
				this.prevBlank = false;
				return;
			}
			this.closeContainersTo(matched);
		}
		if (this.pending.length > 0 && !blank) this.calloutText(matched);
		if (blank) {
			this.blankLine();
			this.prevBlank = true;
			return;
		}
		this.prevBlank = false;
		if (this.leaf !== L_NONE && this.continueLeaf()) return;
		this.openBlocks();
	}

	/** Consumes a block quote marker (up to three spaces, `>`, one optional space). */
	private quoteMarker(): boolean {
		if (this.indent() > 3 || this.s.charCodeAt(this.indPos) !== GT) return false;
		this.pos = this.indPos + 1;
		this.col = this.indCol + 1;
		this.extra = 0;
		// Obsidian takes a space after `>` but leaves a tab as indentation.
		if (this.s.charCodeAt(this.pos) === SPACE && this.pos < this.lineEnd) {
			this.pos++;
			this.col++;
		}
		this.origin = this.col;
		return true;
	}

	/**
	 * A line that left some containers unmatched: a lazy paragraph line, or
	 * (Obsidian) a line swallowed by a fenced, math, HTML or comment block.
	 */
	private lazy(matched: number): boolean {
		const ind = this.indent();
		if (ind < 4 && this.startsBlock(false)) return false;
		switch (this.leaf) {
			case L_PARA: {
				if (ind >= 4) {
					for (let d = matched; d < this.cKind.length; d++) if (this.cKind[d] === Q_QUOTE) return false;
				}
				this.addText();
				if (this.pending.length > 0) this.calloutLazyText();
				return true;
			}
			case L_HTML:
				if (this.htmlEnds(this.pos)) this.closeLeaf();
				return true;
			case L_COMMENT:
				this.addText();
				if (this.commentCloses()) this.closeLeaf();
				return true;
			case L_FENCE:
			case L_MATH:
				return true;
			default:
				return false;
		}
	}

	private blankLine(): void {
		switch (this.leaf) {
			case L_PARA:
			case L_TABLE:
				this.closeLeaf();
				break;
			case L_HTML:
				if (this.htmlType >= 6) this.closeLeaf();
				break;
			case L_COMMENT:
				this.flushText();
				break;
			default:
				break;
		}
	}

	/** Continues the open leaf with this line; false when the line must open new blocks instead. */
	private continueLeaf(): boolean {
		const s = this.s;
		switch (this.leaf) {
			case L_FENCE: {
				const ind = this.indent();
				if (ind < 4) {
					let p = this.indPos, k = 0;
					while (p < this.lineEnd && s.charCodeAt(p) === this.fenceChar) {
						p++;
						k++;
					}
					if (k >= this.fenceLen) {
						while (p < this.lineEnd && isSpaceOrTab(s.charCodeAt(p))) p++;
						if (p === this.lineEnd) this.closeLeaf();
					}
				}
				return true;
			}
			case L_MATH: {
				let e = this.lineEnd;
				while (e > this.pos && isSpaceOrTab(s.charCodeAt(e - 1))) e--;
				if (e - 2 >= this.pos && s.charCodeAt(e - 1) === DOLLAR && s.charCodeAt(e - 2) === DOLLAR) this.closeLeaf();
				return true;
			}
			case L_HTML:
				if (this.htmlEnds(this.pos)) this.closeLeaf();
				return true;
			case L_COMMENT:
				this.addText();
				if (this.commentCloses()) this.closeLeaf();
				return true;
			case L_ICODE:
				if (this.indent() >= 4) return true;
				this.closeLeaf();
				return false;
			case L_PARA:
				return this.continuePara();
			case L_TABLE:
				return this.continueTable();
			default:
				return false;
		}
	}

	private continuePara(): boolean {
		const s = this.s;
		const ind = this.indent();
		if (ind < 4) {
			const p = this.indPos;
			const c = s.charCodeAt(p);
			if (c === EQ || c === DASH) {
				let q = p;
				while (q < this.lineEnd && s.charCodeAt(q) === c) q++;
				let r = q;
				while (r < this.lineEnd && isSpaceOrTab(s.charCodeAt(r))) r++;
				if (r === this.lineEnd) {
					this.setextHeading(c === EQ ? 1 : 2);
					return true;
				}
			}
			if (this.accLines === 1 && (c === PIPE || c === DASH || c === COLON) && this.tableStart()) return true;
			if (this.startsBlock(true)) {
				this.closeLeaf();
				return false;
			}
		}
		this.addText();
		return true;
	}

	private continueTable(): boolean {
		const s = this.s;
		if (this.indent() < 4 && this.startsBlock(false)) {
			this.closeLeaf();
			return false;
		}
		// Rows keep the header's choice of a leading pipe, at the very start of the line.
		const lead = this.extra === 0 && s.charCodeAt(this.pos) === PIPE;
		let ok = lead === this.tableLeadingPipe;
		if (ok && !lead) {
			ok = indexBefore(s, "|", this.pos, this.lineEnd) >= 0;
		}
		if (!ok) {
			this.closeLeaf();
			return false;
		}
		const from = this.hashN;
		if (this.lineHashes(this.pos)) this.addRow(this.pos, this.lineEnd, from);
		return true;
	}

	/**
	 * Whether the line at the cursor (indented less than four columns) starts
	 * a block. With `interrupting`, only blocks that may interrupt a paragraph
	 * count (CommonMark's list and HTML rules; `$$` not while a `$$` of the
	 * paragraph is still open); without, any block start counts.
	 */
	private startsBlock(interrupting: boolean): boolean {
		const s = this.s;
		const p = this.indPos, end = this.lineEnd;
		if (p >= end) return false;
		const c = s.charCodeAt(p);
		switch (c) {
			case GT:
				return true;
			case HASH:
				return this.atxLevel(p) > 0;
			case BACKTICK:
			case TILDE:
				return this.fenceAt(p) > 0;
			case STAR:
			case DASH:
			case PLUS:
			case UNDERSCORE:
				if (c !== PLUS && this.thematicBreak(p)) return true;
				if (c === UNDERSCORE) return false;
				break;
			case LT:
				return this.htmlStart(p, interrupting) > 0;
			case DOLLAR:
				return this.mathOpens(p) && !(interrupting && this.leaf === L_PARA && this.paraDollarsOdd());
			case PERCENT:
				return this.commentOpens(p);
			default:
				if (!isDigit(c)) return false;
		}
		const w = this.listMarkerWidth(p);
		if (w === 0) return false;
		if (!interrupting) return true;
		// Interrupting a paragraph: a non-empty item, and an ordered one only from 1.
		let q = p + w;
		while (q < end && isSpaceOrTab(s.charCodeAt(q))) q++;
		if (q >= end) return false;
		return !isDigit(c) || (w === 2 && c === 49);
	}

	// -- block starts ----------------------------------------------------------

	private openBlocks(): void {
		const s = this.s;
		for (;;) {
			const ind = this.indent();
			if (ind >= 4) {
				this.setLeaf(L_ICODE);
				return;
			}
			if (this.indPos >= this.lineEnd) return;
			const p = this.indPos;
			const c = s.charCodeAt(p);
			if (c === GT && this.cKind.length < MAX_CONTAINERS) {
				this.closeLeaf();
				this.quoteMarker();
				this.pushContainer(Q_QUOTE, 0);
				this.calloutStart();
				continue;
			}
			if ((c === DASH || c === STAR || c === PLUS || isDigit(c)) && this.cKind.length < MAX_CONTAINERS && !this.thematicBreak(p)) {
				const w = this.listMarkerWidth(p);
				if (w > 0) {
					this.openItem(ind, w);
					if (this.restBlank()) return;
					continue;
				}
			}
			this.openLeaf(p, c);
			return;
		}
	}

	private openItem(ind: number, markerLen: number): void {
		const s = this.s;
		this.closeLeaf();
		const markerPos = this.indPos, markerCol = this.indCol;
		const afterPos = markerPos + markerLen;
		let q = afterPos, c = markerCol + markerLen, spaces = 0;
		while (q < this.lineEnd) {
			const ch = s.charCodeAt(q);
			if (ch === SPACE) {
				spaces++;
				c++;
			} else if (ch === TAB) {
				const t = 4 - ((c - this.origin) & 3);
				spaces += t;
				c += t;
			} else {
				break;
			}
			q++;
		}
		let width: number;
		if (q >= this.lineEnd || spaces >= 5) {
			// An empty item, or one whose text is indented code: content one column after the marker.
			width = ind + markerLen + 1;
			this.pos = afterPos;
			this.col = markerCol + markerLen;
			this.extra = 0;
			if (q < this.lineEnd) this.consumeCols(1);
			else this.pos = this.lineEnd;
		} else {
			width = ind + markerLen + spaces;
			this.pos = q;
			this.col = c;
			this.extra = 0;
		}
		this.pushContainer(Q_ITEM, width);
	}

	private openLeaf(p: number, c: number): void {
		switch (c) {
			case HASH: {
				const level = this.atxLevel(p);
				if (level > 0) {
					this.atxHeading(p, level);
					return;
				}
				break;
			}
			case BACKTICK:
			case TILDE: {
				const len = this.fenceAt(p);
				if (len > 0) {
					this.fenceChar = c;
					this.fenceLen = len;
					this.setLeaf(L_FENCE);
					return;
				}
				break;
			}
			case DOLLAR:
				if (this.mathOpens(p)) {
					this.setLeaf(L_MATH);
					return;
				}
				break;
			case PERCENT:
				if (this.commentOpens(p)) {
					this.setLeaf(L_COMMENT);
					this.addText();
					return;
				}
				break;
			case LT: {
				const type = this.htmlStart(p, false);
				if (type > 0) {
					this.htmlType = type;
					this.htmlEndAt = -2;
					this.setLeaf(L_HTML);
					if (this.htmlEnds(p + 1)) this.closeLeaf();
					return;
				}
				break;
			}
			case STAR:
			case DASH:
			case UNDERSCORE:
				if (this.thematicBreak(p)) return;
				break;
			case BRACK_O:
				if (this.linkDefinition(p)) return;
				break;
			default:
				break;
		}
		this.setLeaf(L_PARA);
		this.addText();
	}

	private setLeaf(kind: number): void {
		this.leaf = kind;
	}

	private pushContainer(kind: number, width: number): void {
		this.cKind.push(kind);
		this.cWidth.push(width);
		this.cMarkEnd.push(this.pos);
	}

	private closeContainersTo(depth: number): void {
		if (this.cKind.length <= depth) return;
		this.closeLeaf();
		this.cKind.length = depth;
		this.cWidth.length = depth;
		this.cMarkEnd.length = depth;
		if (this.pending.length > 0) this.pending = this.pending.filter((x) => x.depth < depth);
	}

	private closeLeaf(): void {
		if (this.leaf === L_PARA || this.leaf === L_COMMENT) this.flushText();
		this.leaf = L_NONE;
	}

	// -- leaf detectors (they look, they do not consume) ------------------------

	/** The level of an ATX heading at `p`, or 0. */
	private atxLevel(p: number): number {
		const s = this.s;
		let k = 0;
		while (p + k < this.lineEnd && s.charCodeAt(p + k) === HASH) k++;
		if (k === 0 || k > 6) return 0;
		return p + k === this.lineEnd || isSpaceOrTab(s.charCodeAt(p + k)) ? k : 0;
	}

	/** The length of an opening code fence at `p`, or 0. */
	private fenceAt(p: number): number {
		const s = this.s;
		const c = s.charCodeAt(p);
		let k = 0;
		while (p + k < this.lineEnd && s.charCodeAt(p + k) === c) k++;
		if (k < 3) return 0;
		if (c === BACKTICK) {
			if (indexBefore(s, "`", p + k, this.lineEnd) >= 0) return 0;
		}
		return k;
	}

	private thematicBreak(p: number): boolean {
		const s = this.s;
		const c = s.charCodeAt(p);
		if (c !== STAR && c !== DASH && c !== UNDERSCORE) return false;
		let k = 0;
		for (let q = p; q < this.lineEnd; q++) {
			const d = s.charCodeAt(q);
			if (d === c) k++;
			else if (!isSpaceOrTab(d)) return false;
		}
		return k >= 3;
	}

	/** The width of a list marker at `p` (`-`, `+`, `*`, or 1-9 digits and `.`/`)`) followed by a space, tab or the line end; or 0. */
	private listMarkerWidth(p: number): number {
		const s = this.s;
		const c = s.charCodeAt(p);
		let q = p;
		if (c === DASH || c === STAR || c === PLUS) {
			q = p + 1;
		} else {
			while (q < this.lineEnd && isDigit(s.charCodeAt(q)) && q - p < 10) q++;
			if (q === p || q - p > 9) return 0;
			const d = s.charCodeAt(q);
			if (d !== DOT && d !== PAREN_C) return 0;
			q++;
		}
		if (q < this.lineEnd && !isSpaceOrTab(s.charCodeAt(q))) return 0;
		return q - p;
	}

	/** A `$$` line opens a math block unless it closes on the same line. */
	private mathOpens(p: number): boolean {
		if (this.s.charCodeAt(p + 1) !== DOLLAR || p + 1 >= this.lineEnd) return false;
		return indexBefore(this.s, "$$", p + 2, this.lineEnd) < 0;
	}

	/** Whether this line closes the open comment block. */
	private commentCloses(): boolean {
		return this.nextDoublePercent(this.pos) + 1 < this.lineEnd;
	}

	/** A `%%` line opens a comment block unless it closes on the same line. */
	private commentOpens(p: number): boolean {
		if (this.s.charCodeAt(p + 1) !== PERCENT || p + 1 >= this.lineEnd) return false;
		return this.nextDoublePercent(p + 2) + 1 >= this.lineEnd;
	}

	/** The CommonMark HTML block type (1-7) starting at `p`, or 0; type 7 cannot interrupt a paragraph. */
	private htmlStart(p: number, interrupting: boolean): number {
		const s = this.s;
		const end = this.lineEnd;
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

	/** Whether the open HTML block's end condition holds on this line, from `from`. */
	private htmlEnds(from: number): boolean {
		const s = this.s;
		const end = this.lineEnd;
		const has = (needle: string): boolean => {
			// An unclosed block would otherwise search the rest of the note on every line.
			if (this.htmlEndAt === -2 || (this.htmlEndAt >= 0 && this.htmlEndAt < from)) this.htmlEndAt = s.indexOf(needle, from);
			return this.htmlEndAt >= 0 && this.htmlEndAt + needle.length <= end;
		};
		switch (this.htmlType) {
			case 1: {
				const l = s.slice(from, end).toLowerCase();
				return l.includes("</script>") || l.includes("</pre>") || l.includes("</style>") || l.includes("</textarea>");
			}
			case 2:
				return has("-->");
			case 3:
				return has("?>");
			case 4:
				return has(">");
			case 5:
				return has("]]>");
			default:
				return false;
		}
	}

	/** A link reference definition `[label]: destination "title"` on one line; records the label. */
	private linkDefinition(p: number): boolean {
		const s = this.s;
		const end = this.lineEnd;
		if (s.charCodeAt(p + 1) === CARET) return false;
		let q = p + 1;
		for (; q < end; q++) {
			const c = s.charCodeAt(q);
			if (c === BACKSLASH) q++;
			else if (c === BRACK_O) return false;
			else if (c === BRACK_C) break;
		}
		if (q >= end || s.charCodeAt(q + 1) !== COLON) return false;
		const label = s.slice(p + 1, q);
		if (label.trim() === "") return false;
		let r = q + 2;
		while (r < end && isSpaceOrTab(s.charCodeAt(r))) r++;
		if (r >= end) return false;
		if (s.charCodeAt(r) === LT) {
			const gt = indexBefore(s, ">", r, end);
			if (gt < 0) return false;
			r = gt + 1;
		} else {
			while (r < end && s.charCodeAt(r) > SPACE) r++;
		}
		const afterDest = r;
		while (r < end && isSpaceOrTab(s.charCodeAt(r))) r++;
		if (r < end) {
			const c = s.charCodeAt(r);
			if (r === afterDest || (c !== QUOTE_D && c !== QUOTE_S && c !== PAREN_O)) return false;
			const closeCh = c === PAREN_O ? PAREN_C : c;
			let t = r + 1;
			while (t < end && s.charCodeAt(t) !== closeCh) t += s.charCodeAt(t) === BACKSLASH ? 2 : 1;
			if (t >= end) return false;
			for (t++; t < end; t++) if (!isSpaceOrTab(s.charCodeAt(t))) return false;
		}
		if (!this.defs) this.defs = new Set();
		this.defs.add(normalizeLabel(label));
		return true;
	}

	// -- headings, tables, callouts --------------------------------------------

	private atxHeading(p: number, level: number): void {
		const s = this.s;
		let cs = p + level;
		while (cs < this.lineEnd && isSpaceOrTab(s.charCodeAt(cs))) cs++;
		let ce = this.lineEnd;
		while (ce > cs && isSpaceOrTab(s.charCodeAt(ce - 1))) ce--;
		// A closing run of `#` (after white space, or alone) is not part of the text.
		let h = ce;
		while (h > cs && s.charCodeAt(h - 1) === HASH) h--;
		if (h < ce && (h === cs || isSpaceOrTab(s.charCodeAt(h - 1)))) {
			ce = h;
			while (ce > cs && isSpaceOrTab(s.charCodeAt(ce - 1))) ce--;
		}
		this.closeLeaf();
		if (this.cKind.length === 0) this.headings.push({ heading: s.slice(cs, ce), level, line: this.lineNo });
		const from = this.hashN;
		if (this.lineHashes(cs) && this.hashes[from] < ce) this.pushUnit(cs, ce, -1, from, this.hashN);
	}

	private setextHeading(level: number): void {
		if (this.cKind.length === 0) {
			const text = this.accText().trim();
			this.headings.push({ heading: text, level, line: this.accFirstLine });
		}
		this.closeLeaf();
	}

	/** The text gathered so far, for a setext heading. */
	private accText(): string {
		if (this.accRaw) return this.s.slice(this.accStart, this.accEnd);
		const parts: string[] = [];
		for (let k = 0; k < this.accSegN; k += 2) parts.push(this.s.slice(this.accSegs[k], this.accSegs[k + 1]));
		return parts.join("\n");
	}

	/**
	 * Turns a one-line paragraph into a table header when this line is a
	 * delimiter row. Obsidian wants the header to hold a pipe besides a leading
	 * one, and the delimiter row to agree with it on a leading pipe.
	 */
	private tableStart(): boolean {
		const s = this.s;
		const hs = this.accStart, he = this.accEnd;
		const headLead = s.charCodeAt(hs) === PIPE;
		let pipes = 0;
		for (let q = headLead ? hs + 1 : hs; q < he; q++) {
			const c = s.charCodeAt(q);
			if (c === BACKSLASH) q++;
			else if (c === PIPE) pipes++;
		}
		if (pipes === 0) return false;
		let p = this.pos;
		const end = this.lineEnd;
		const lead = this.extra === 0 && s.charCodeAt(p) === PIPE;
		if (lead !== headLead) return false;
		if (lead) p++;
		let bars = lead ? 1 : 0, cells = 0;
		for (;;) {
			while (p < end && isSpaceOrTab(s.charCodeAt(p))) p++;
			if (p >= end) break;
			if (s.charCodeAt(p) === COLON) p++;
			const dashes = p;
			while (p < end && s.charCodeAt(p) === DASH) p++;
			if (p === dashes) return false;
			if (p < end && s.charCodeAt(p) === COLON) p++;
			while (p < end && isSpaceOrTab(s.charCodeAt(p))) p++;
			cells++;
			if (p >= end) break;
			if (s.charCodeAt(p) !== PIPE) return false;
			bars++;
			p++;
		}
		if (bars === 0 || cells === 0) return false;
		const headHash = this.accHash, headHashes = this.accHashFrom;
		this.accStart = -1;
		this.accSegN = 0;
		this.accHash = false;
		this.leaf = L_TABLE;
		this.tableLeadingPipe = lead;
		if (headHash) this.addRow(hs, he, headHashes);
		return true;
	}

	/** Queues the cells of a table row that hold a `#` (the row's `#`s are recorded from `hashes[from]` on). */
	private addRow(start: number, end: number, from: number): void {
		const s = this.s;
		let p = start;
		while (p < end && isSpaceOrTab(s.charCodeAt(p))) p++;
		if (p < end && s.charCodeAt(p) === PIPE) p++;
		let cell = p, k = from;
		for (; p <= end; p++) {
			const c = p < end ? s.charCodeAt(p) : PIPE;
			if (c === BACKSLASH) {
				p++;
			} else if (c === PIPE) {
				const first = k;
				while (k < this.hashN && this.hashes[k] < p) k++;
				if (k > first) this.pushUnit(cell, p, -1, first, k);
				cell = p + 1;
			}
		}
	}

	/** A new block quote: a callout when its first line starts with `[!type]`. */
	private calloutStart(): void {
		const s = this.s;
		const ind = this.indent();
		if (ind > 3) return;
		const p = this.indPos;
		if (s.charCodeAt(p) !== BRACK_O || s.charCodeAt(p + 1) !== BANG) return;
		const close = indexBefore(s, "]", p + 2, this.lineEnd);
		if (close < 0 || close === p + 2) return;
		const type = s.slice(p + 2, close).trim().toLowerCase();
		if (type === "" || type.includes("[")) return;
		let t = close + 1;
		if (t < this.lineEnd && (s.charCodeAt(t) === PLUS || s.charCodeAt(t) === DASH)) t++;
		const title = s.slice(t, this.lineEnd).trim();
		const callout: RawCallout = { type, line: this.lineNo, title, firstText: title };
		this.callouts.push(callout);
		if (title === "") this.pending.push({ callout, depth: this.cKind.length - 1 });
	}

	/** Gives waiting callouts this line's text, when their quote continues on it. */
	private calloutText(matched: number): void {
		const s = this.s;
		const keep: PendingCallout[] = [];
		for (const w of this.pending) {
			if (w.depth >= matched) {
				keep.push(w);
				continue;
			}
			let p = this.cMarkEnd[w.depth];
			while (p < this.lineEnd) {
				const c = s.charCodeAt(p);
				if (c !== GT && !isSpaceOrTab(c)) break;
				p++;
			}
			const text = calloutBodyText(s.slice(p, this.lineEnd));
			if (text === "") keep.push(w);
			else w.callout.firstText = text;
		}
		this.pending = keep;
	}

	private calloutLazyText(): void {
		const text = this.s.slice(this.pos, this.lineEnd).trim();
		if (text === "") return;
		for (const w of this.pending) w.callout.firstText = text;
		this.pending = [];
	}

	// -- gathering inline text -------------------------------------------------

	/** Adds the rest of the line to the open paragraph or comment. */
	private addText(): void {
		const s = this.s;
		const start = this.pos, end = this.lineEnd;
		if (this.accStart < 0) {
			this.accStart = start;
			this.accLines = 0;
			this.accRaw = true;
			this.accHash = false;
			this.accFirstLine = this.lineNo;
			this.accHashFrom = this.hashN;
			this.accSegN = 0;
		} else if (this.accRaw) {
			// The text can be read in place while every line's prefix is white space.
			for (let q = this.lineStart; q < start; q++) {
				if (!isSpaceOrTab(s.charCodeAt(q))) {
					this.accRaw = false;
					break;
				}
			}
		}
		this.accSegs[this.accSegN++] = start;
		this.accSegs[this.accSegN++] = end;
		this.accEnd = end;
		this.accLines++;
		if (this.lineHashes(start)) this.accHash = true;
	}

	private pushUnit(start: number, end: number, segs: number, hashFrom: number, hashTo: number): void {
		const u = this.units, k = this.unitN;
		u[k] = start;
		u[k + 1] = end;
		u[k + 2] = segs;
		u[k + 3] = hashFrom;
		u[k + 4] = hashTo;
		this.unitN = k + 5;
	}

	private flushText(): void {
		if (this.accStart < 0) return;
		if (this.accHash) {
			if (this.accRaw) {
				this.pushUnit(this.accStart, this.accEnd, -1, this.accHashFrom, this.hashN);
			} else {
				const at = this.segs.length;
				this.segs.push(this.accSegN / 2);
				for (let k = 0; k < this.accSegN; k++) this.segs.push(this.accSegs[k]);
				this.pushUnit(this.accStart, this.accEnd, at, 0, 0);
			}
		}
		this.accStart = -1;
		this.accHash = false;
		this.accSegN = 0;
	}

	// -- the inline pass -------------------------------------------------------

	/** The text being read by the inline reader, and its pieces when joined. */
	private unitText = "";
	private unitSegs = -1;

	/** Next position of each character that opens an inline construct, found by native search. */
	private readonly openers = [-2, -2, -2, -2];

	/** Whether `[start, end)` holds no character that may open a construct hiding a `#` (code, math, HTML, a link). */
	private plain(start: number, end: number): boolean {
		const s = this.s;
		for (let k = 0; k < OPENER_CHARS.length; k++) {
			let at = this.openers[k];
			if (at === -2 || (at >= 0 && at < start)) {
				at = s.indexOf(OPENER_CHARS[k], start);
				this.openers[k] = at;
			}
			if (at >= 0 && at < end) return false;
		}
		return true;
	}

	private readUnits(): void {
		if (this.unitN === 0) return;
		const reader = READER;
		this.lineCursor = 0;
		for (let u = 0; u < this.unitN; u += 5) {
			const start = this.units[u], end = this.units[u + 1];
			this.unitSegs = this.units[u + 2];
			if (this.unitSegs < 0) {
				this.unitText = this.s;
				reader.read(this.s, start, end, this.plain(start, end), this.hashes, this.units[u + 3], this.units[u + 4], this.defs, this);
			} else {
				const count = this.segs[this.unitSegs];
				const parts: string[] = [];
				for (let k = 0; k < count; k++) parts.push(this.s.slice(this.segs[this.unitSegs + 1 + 2 * k], this.segs[this.unitSegs + 2 + 2 * k]));
				this.unitText = parts.join("\n");
				reader.read(this.unitText, 0, this.unitText.length, false, this.hashes, 0, 0, this.defs, this);
			}
		}
		this.unitText = "";
	}

	mark(): number {
		return this.tags.length;
	}

	rollback(count: number): void {
		this.tags.length = count;
	}

	/** Records a tag found by the inline reader. */
	onTag(start: number, end: number): void {
		let offset = start;
		if (this.unitSegs >= 0) {
			// Map a position in the joined text back to the note.
			const at = this.unitSegs, count = this.segs[at];
			let base = 0;
			for (let k = 0; k < count; k++) {
				const a = this.segs[at + 1 + 2 * k], b = this.segs[at + 2 + 2 * k];
				if (start <= base + (b - a)) {
					offset = a + (start - base);
					break;
				}
				base += b - a + 1;
			}
		}
		const line = this.lineOf(offset);
		this.tags.push({ tag: this.unitText.slice(start + 1, end), line, col: offset - this.lineStarts[line], offset });
	}

	/** Tags arrive in reading order, so their lines are found by walking forward. */
	private lineCursor = 0;

	private lineOf(offset: number): number {
		const ls = this.lineStarts;
		let c = this.lineCursor;
		if (ls[c] <= offset) {
			while (c + 1 < this.lineN && ls[c + 1] <= offset) c++;
			this.lineCursor = c;
			return c;
		}
		let lo = 0, hi = this.lineN - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (ls[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}
}

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
