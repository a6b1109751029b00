/**
 * The words a coding picker offers, and a typed word made a tag value.
 */
import { FAMILIES, type Family, familyDef, isFamily, labelFor } from "../vocabulary/families";
import { type Vocabulary, invalidTagWordReason, normalizeWord } from "../vocabulary/vocabulary";

/** One word a coding picker offers. */
export interface WordChoice {
	/** The tag value, lowercase. */
	value: string;
	/** What the picker shows. */
	label: string;
	/** Times the vault already uses it, when it does. */
	uses?: number;
	/** True when it comes from the vocabulary. */
	known: boolean;
}

/**
 * The words a coding picker offers for a family: the vocabulary first, in
 * its order, then the words the vault already uses, most used first.
 * Therapist resonance is open and has no vocabulary of its own, so the
 * emotion words are offered for it. Closed families offer only their
 * vocabulary: other words would not be counted.
 */
export function wordChoices(vocab: Vocabulary, family: Family, used: readonly { value: string; count: number }[]): WordChoice[] {
	const def = familyDef(family);
	const base = def.offers !== undefined && isFamily(def.offers) ? [...vocab.words[family], ...vocab.words[def.offers]] : vocab.words[family];
	const counts = new Map<string, number>();
	for (const u of used) counts.set(u.value, (counts.get(u.value) ?? 0) + u.count);
	const seen = new Set<string>();
	const out: WordChoice[] = [];
	const closed = !def.open;
	for (const w of base) {
		if (seen.has(w)) continue;
		seen.add(w);
		out.push({ value: w, label: closed ? labelFor(w) : w, uses: counts.get(w), known: true });
	}
	if (!closed) {
		const extra = [...counts].filter(([w]) => !seen.has(w)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
		for (const [w, n] of extra) out.push({ value: w, label: w, uses: n, known: false });
	}
	return out;
}

/** One value the "Code passage…" picker offers: a word choice of one family. */
export interface PassageChoice extends WordChoice {
	/** The family the value belongs to. */
	family: Family;
}

/**
 * Every value of every family switched on, for the one "Code passage…"
 * picker: each family's word choices, in the families table's order. A
 * family switched off offers nothing: its tags are ordinary Obsidian tags.
 */
export function passageChoices(vocab: Vocabulary, used: (family: Family) => readonly { value: string; count: number }[]): PassageChoice[] {
	return FAMILIES.filter((f) => vocab.on[f]).flatMap((family) => wordChoices(vocab, family, used(family)).map((c) => ({ ...c, family })));
}

/** A word typed into a picker of an open family, made a tag value; or why it cannot be one. */
export function typedWord(input: string): { value: string } | { error: string } {
	const value = normalizeWord(input);
	const reason = invalidTagWordReason(value);
	return reason === null ? { value } : { error: reason };
}
