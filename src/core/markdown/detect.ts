/**
 * Leaf block detectors: each looks at a line of `s` from `p` (its first
 * non-blank character) to `end` (the line's end, before its break) and says
 * what block it would open. They look; they consume nothing and keep no state.
 */
import {
	SPACE, QUOTE_D, HASH, DOLLAR, QUOTE_S, PAREN_O, PAREN_C, STAR, PLUS, DASH, DOT, COLON, LT, BRACK_O, BACKSLASH,
	BRACK_C, CARET, UNDERSCORE, BACKTICK, isDigit, isSpaceOrTab, indexBefore,
} from "./chars";

/** The level of an ATX heading at `p`, or 0. */
export function atxLevel(s: string, p: number, end: number): number {
	let k = 0;
	while (p + k < end && s.charCodeAt(p + k) === HASH) k++;
	if (k === 0 || k > 6) return 0;
	return p + k === end || isSpaceOrTab(s.charCodeAt(p + k)) ? k : 0;
}

/** The length of an opening code fence at `p`, or 0. */
export function fenceAt(s: string, p: number, end: number): number {
	const c = s.charCodeAt(p);
	let k = 0;
	while (p + k < end && s.charCodeAt(p + k) === c) k++;
	if (k < 3) return 0;
	if (c === BACKTICK) {
		if (indexBefore(s, "`", p + k, end) >= 0) return 0;
	}
	return k;
}

export function thematicBreak(s: string, p: number, end: number): boolean {
	const c = s.charCodeAt(p);
	if (c !== STAR && c !== DASH && c !== UNDERSCORE) return false;
	let k = 0;
	for (let q = p; q < end; q++) {
		const d = s.charCodeAt(q);
		if (d === c) k++;
		else if (!isSpaceOrTab(d)) return false;
	}
	return k >= 3;
}

/** The width of a list marker at `p` (`-`, `+`, `*`, or 1-9 digits and `.`/`)`) followed by a space, tab or the line end; or 0. */
export function listMarkerWidth(s: string, p: number, end: number): number {
	const c = s.charCodeAt(p);
	let q = p;
	if (c === DASH || c === STAR || c === PLUS) {
		q = p + 1;
	} else {
		while (q < end && isDigit(s.charCodeAt(q)) && q - p < 10) q++;
		if (q === p || q - p > 9) return 0;
		const d = s.charCodeAt(q);
		if (d !== DOT && d !== PAREN_C) return 0;
		q++;
	}
	if (q < end && !isSpaceOrTab(s.charCodeAt(q))) return 0;
	return q - p;
}

/** A `$$` line opens a math block unless it closes on the same line. */
export function mathOpens(s: string, p: number, end: number): boolean {
	if (s.charCodeAt(p + 1) !== DOLLAR || p + 1 >= end) return false;
	return indexBefore(s, "$$", p + 2, end) < 0;
}

/** A link reference definition `[label]: destination "title"` on one line at `p`: its label as written, or null. */
export function linkDefinitionLabel(s: string, p: number, end: number): string | null {
	if (s.charCodeAt(p + 1) === CARET) return null;
	let q = p + 1;
	for (; q < end; q++) {
		const c = s.charCodeAt(q);
		if (c === BACKSLASH) q++;
		else if (c === BRACK_O) return null;
		else if (c === BRACK_C) break;
	}
	if (q >= end || s.charCodeAt(q + 1) !== COLON) return null;
	const label = s.slice(p + 1, q);
	if (label.trim() === "") return null;
	let r = q + 2;
	while (r < end && isSpaceOrTab(s.charCodeAt(r))) r++;
	if (r >= end) return null;
	if (s.charCodeAt(r) === LT) {
		const gt = indexBefore(s, ">", r, end);
		if (gt < 0) return null;
		r = gt + 1;
	} else {
		while (r < end && s.charCodeAt(r) > SPACE) r++;
	}
	const afterDest = r;
	while (r < end && isSpaceOrTab(s.charCodeAt(r))) r++;
	if (r < end) {
		const c = s.charCodeAt(r);
		if (r === afterDest || (c !== QUOTE_D && c !== QUOTE_S && c !== PAREN_O)) return null;
		const closeCh = c === PAREN_O ? PAREN_C : c;
		let t = r + 1;
		while (t < end && s.charCodeAt(t) !== closeCh) t += s.charCodeAt(t) === BACKSLASH ? 2 : 1;
		if (t >= end) return null;
		for (t++; t < end; t++) if (!isSpaceOrTab(s.charCodeAt(t))) return null;
	}
	return label;
}
