/**
 * The codebook: each term of each switched-on family, with its definition in
 * the field's words (the study notes' concepts), how often it was coded in the
 * scope, and the selection that lists its passages. Students learn the
 * vocabulary from their own notes. Pure: plain data out.
 */
import type { Summary } from "../index/summary";
import { FAMILY_TABLE, type Family, PROCESS_CLASSES, PROCESS_LABELS, labelFor } from "../vocabulary/families";
import type { Vocabulary } from "../vocabulary/vocabulary";
import type { Selection } from "./queries";

/** One term of the codebook. */
export interface CodebookTerm {
	/** The tag word as written in the vault's notes, without `#` (`emotion/<emotion>/secondary`, `empathy/rapport`). */
	tag: string;
	/** The field's term. */
	label: string;
	/** Its definition, or null for a word added in settings, which Attune cannot define. */
	definition: string | null;
	/** Occurrences in the scope (for compassion, over its directions). */
	count: number;
	/** What lists its passages. */
	selection: Selection;
}

/** One family's terms, in the vocabulary's order. */
export interface CodebookFamily {
	family: Family;
	label: string;
	terms: CodebookTerm[];
}

/**
 * The codebook of the vocabulary in force, counted in a summary's scope: every
 * family switched on that has defined terms (client emotions by their four
 * classes; the closed families by their words). Open words (emotion and
 * resonance words) are any word, so they have no entry.
 */
export function codebook(summary: Summary, vocab: Vocabulary): CodebookFamily[] {
	const out: CodebookFamily[] = [];
	for (const def of FAMILY_TABLE) {
		const study = def.study;
		if (study === undefined || !vocab.on[def.key]) continue;
		const word = vocab.families[def.key];
		const terms: CodebookTerm[] = [];
		if (study.of === "classes") {
			for (const p of PROCESS_CLASSES) {
				const share = summary.processShares.find((s) => s.process === p);
				terms.push({
					tag: `${word}/<emotion>/${p}`, label: `${PROCESS_LABELS[p]} emotion`, definition: study.concepts[p]?.definition ?? null,
					count: share?.count ?? 0, selection: { kind: "class", process: p },
				});
			}
		} else {
			for (const w of vocab.words[def.key]) {
				// A qualified value (compassion by direction) is counted over its directions.
				const count = summary.rows[def.key].reduce((n, r) => n + (r.value === w ? r.count : 0), 0);
				terms.push({
					tag: `${word}/${w}`, label: labelFor(w).charAt(0).toUpperCase() + labelFor(w).slice(1), definition: study.concepts[w]?.definition ?? null,
					count, selection: { kind: "code", family: def.key, value: w, where: "codebook" },
				});
			}
		}
		out.push({ family: def.key, label: def.label, terms });
	}
	return out;
}
