/**
 * The shape of a redaction rule: a named pattern with what it replaces, in
 * the manner of obsidian-linter's rules, and the examples that show it (and
 * that the tests run, so that an example can never drift from the code).
 */
import type { DateWriter } from "./dates";
import type { Pseudonyms } from "./pseudonyms";
import type { Category, Form } from "./types";
import type { Vocabulary } from "../vocabulary/vocabulary";

/**
 * What a rule does with one match: replace it (and count it or not), keep it
 * as written but final (a date the user chose to keep), or leave it to later rules.
 */
export type Outcome = { text: string; count: boolean; keep?: boolean } | null;

/** A match kept as written, and shielded from later rules (a kept date is no phone number). */
export const KEEP: Outcome = { text: "", count: false, keep: true };

/** What a rule may consult besides the match: this export's vocabulary, pseudonyms and date choice. */
export interface RuleContext {
	vocab: Vocabulary;
	pseudonyms: Pseudonyms;
	dates: DateWriter;
}

/** One example of a rule: a line before, and the same line after the rule alone ran on it. */
export interface RuleExample {
	before: string;
	after: string;
}

/**
 * A replacement rule. Patterns use no lookbehind, which iOS before 16.4 cannot
 * compile: `notAfter` says which character may not come right before a match
 * (the letter before a name, the digit before a number), checked by hand.
 */
export interface RedactionRule {
	/** A short, unique name, for tests and for reports of what was missed. */
	readonly name: string;
	readonly category: Category;
	/** What the rule finds, in a sentence. */
	readonly description: string;
	/** Run by the tests with the example export of `tests/core/export/rules.test.ts`. */
	readonly examples: readonly RuleExample[];
	/** A match right after one of these characters is no match; the search goes on one character later. */
	readonly notAfter?: RegExp;
	/** The pattern (global); a function when it depends on the export, null when there is nothing to find. */
	readonly pattern: RegExp | ((ctx: RuleContext) => RegExp | null);
	readonly apply: (m: RegExpExecArray, form: Form, ctx: RuleContext) => Outcome;
}

/** A rule made ready for one export: its pattern resolved. */
export interface CompiledRule {
	readonly rule: RedactionRule;
	readonly re: RegExp;
}

/** The rules ready for one export, in order; rules with nothing to find are left out. */
export function compileRules(rules: readonly RedactionRule[], ctx: RuleContext): CompiledRule[] {
	const out: CompiledRule[] = [];
	for (const rule of rules) {
		const re = typeof rule.pattern === "function" ? rule.pattern(ctx) : rule.pattern;
		if (re !== null) out.push({ rule, re });
	}
	return out;
}
