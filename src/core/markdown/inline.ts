/**
 * The inline reader: finds the tags in one block's inline content
 * (paragraph, heading or table cell), reading code spans, math, HTML, links,
 * emphasis and comments the way Obsidian does to tell which `#` starts a tag.
 */
import {
	TAB, LF, CR, SPACE, BANG, QUOTE_D, HASH, DOLLAR, PERCENT, QUOTE_S, PAREN_O, PAREN_C, STAR, PLUS, DASH, DOT, COLON, LT,
	EQ, GT, QMARK, BRACK_O, BACKSLASH, BRACK_C, CARET, UNDERSCORE, BACKTICK, TILDE, isWs, isTagStop, isAsciiPunct,
	isAsciiAlnum, isAsciiLetter, isDigit, isLineBreak, indexBefore, normalizeLabel,
} from "./chars";
import { htmlTagEnd, skipHtmlWs } from "./html";

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
export interface TagSink {
	onTag(start: number, end: number): void;
	/** How many tags have been received, to roll back to. */
	mark(): number;
	/** Forgets the tags received since `mark` returned `count`. */
	rollback(count: number): void;
	/** Receives a span where no tag is read (`SPAN_CODE` ...), when the reader's `recordSpans` is set. */
	onSpan(kind: number, start: number, end: number): void;
}

/** Kinds of span where no tag is read: a code span, an HTML comment, a link or embed (`[[...]]`, `![...]`, a link's `(...)`). */
export const SPAN_CODE = 1, SPAN_COMMENT = 2, SPAN_LINK = 3;

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
export class InlineReader {
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
	/** Whether to report code spans, HTML comments and links to the sink's `onSpan` (the editing commands' question, not indexing's). */
	recordSpans = false;

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
			const h = hashes[k]!;
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
					if (this.recordSpans) this.sink?.onSpan(SPAN_CODE, p, next);
					break;
				case DOLLAR:
					next = this.math(p, end);
					break;
				case LT:
					next = this.html(p, end);
					// Only a comment starts `<!-` and ends well.
					if (this.recordSpans && next > 0 && s.charCodeAt(p + 2) === DASH) this.sink?.onSpan(SPAN_COMMENT, p, next);
					break;
				case BRACK_O:
					next = depth < MAX_DEPTH ? this.bracket(p, end, depth) : -1;
					if (this.recordSpans && next > 0 && s.charCodeAt(p + 1) === BRACK_O) this.sink?.onSpan(SPAN_LINK, p, next);
					break;
				case BANG:
					next = this.image(p, end);
					if (this.recordSpans && next > 0) this.sink?.onSpan(SPAN_LINK, p, next);
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
		const memoFrom = this.memoFrom[slot]!;
		let at: number;
		if (memoFrom >= 0 && memoFrom <= from && (this.memoAt[slot]! < 0 || this.memoAt[slot]! >= from)) {
			at = this.memoAt[slot]!;
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
		while (this.runIdx < this.runsPos.length && this.runsPos[this.runIdx]! < runEnd) this.runIdx++;
		let bestK = 0, bestAt = -1;
		for (let r = this.runIdx; r < this.runsPos.length; r++) {
			const pos = this.runsPos[r]!;
			if (pos >= end) break;
			const len = this.runsLen[r]!;
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
				if (this.recordSpans) this.sink?.onSpan(SPAN_LINK, close + 1, after);
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
