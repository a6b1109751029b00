/**
 * The redactor's unit of work: one line cut into pieces. A piece that a rule
 * has replaced (or a tag that must not change) is final, and later rules only
 * see the rest, so no replacement is ever replaced again and no line is ever
 * joined or split.
 */
import type { Outcome } from "./rule";

/** A stretch of one line: `done` pieces are final and no later rule looks at them. */
export interface Piece {
	text: string;
	done: boolean;
}

/** One rule as the engine runs it. */
export interface PieceRule {
	re: RegExp;
	notAfter?: RegExp;
	apply: (m: RegExpExecArray) => Outcome;
}

/**
 * Runs one rule over the pieces not yet final. `counted` hears of each
 * counted replacement: what was found, and what replaced it.
 */
export function applyRule(pieces: readonly Piece[], rule: PieceRule, counted: (from: string, to: string) => void): Piece[] {
	const out: Piece[] = [];
	let before = "";
	for (const p of pieces) {
		if (p.done) {
			out.push(p);
			before = p.text.slice(-1);
			continue;
		}
		const re = new RegExp(rule.re.source, rule.re.flags);
		let at = 0;
		let m: RegExpExecArray | null;
		while ((m = re.exec(p.text))) {
			if (m[0] === "") {
				re.lastIndex++;
				continue;
			}
			if (rule.notAfter && rule.notAfter.test(m.index > 0 ? p.text[m.index - 1]! : before)) {
				re.lastIndex = m.index + 1;
				continue;
			}
			const r = rule.apply(m);
			if (!r) continue;
			if (m.index > at) out.push({ text: p.text.slice(at, m.index), done: false });
			out.push({ text: r.keep ? m[0] : r.text, done: true });
			if (r.count) counted(m[0], r.text);
			at = m.index + m[0].length;
		}
		if (at < p.text.length) out.push({ text: p.text.slice(at), done: false });
		before = p.text.slice(-1);
	}
	return out;
}
