/**
 * The vocabulary in force (defaults plus the user's words) and the rules for
 * what may be a tag word.
 */
import { DEFAULT_VOCABULARY, FAMILIES, type Family } from "./families";
import { RATING_KEYS } from "../note/properties";

/** The vocabulary in force: the defaults plus the user's words, lowercase, de-duplicated. */
export interface Vocabulary {
	/** Family word (lowercase) for each family. */
	families: Record<Family, string>;
	/** Reverse lookup: lowercase family word to family. */
	byWord: Map<string, Family>;
	/** Known words of each family (for closed families: the only valid ones). */
	words: Record<Family, string[]>;
	/** Fast membership for closed families. */
	sets: Record<Family, Set<string>>;
	/**
	 * Whether each family is switched on. A family switched off in settings is
	 * not in `byWord`: its tags are ordinary Obsidian tags, neither counted nor diagnosed.
	 */
	on: Record<Family, boolean>;
	/**
	 * The numeric properties read as measures (settings' `measures`), lowercase,
	 * each once, in the settings' order. Not tag words, but read with them: a
	 * change re-reads the vault, so the index holds exactly these.
	 */
	measures: readonly string[];
}

/** Builds the vocabulary in force from settings. */
export function vocabularyFrom(settings: { families: Readonly<Record<Family, string>>; extraWords: Readonly<Record<Family, readonly string[]>>; switchedOff?: readonly string[]; measures?: readonly string[] }): Vocabulary {
	const families = {} as Record<Family, string>;
	const byWord = new Map<string, Family>();
	const words = {} as Record<Family, string[]>;
	const sets = {} as Record<Family, Set<string>>;
	const on = {} as Record<Family, boolean>;
	const off = new Set(settings.switchedOff ?? []);
	for (const f of FAMILIES) {
		const w = (settings.families[f] ?? f).toLowerCase();
		families[f] = w;
		on[f] = !off.has(f);
		// A word two families share reads as the earlier family's, so an older family always reads as before.
		if (on[f] && !byWord.has(w)) byWord.set(w, f);
		const all = [...DEFAULT_VOCABULARY[f], ...(settings.extraWords[f] ?? []).map((x) => normalizeWord(x))].filter((x) => x !== "");
		words[f] = [...new Set(all)];
		sets[f] = new Set(words[f]);
	}
	return { families, byWord, words, sets, on, measures: measureNames(settings.measures ?? DEFAULT_MEASURES) };
}

/** The measures when settings name none: the six supervisor ratings. */
export const DEFAULT_MEASURES: readonly string[] = RATING_KEYS;

/** Property names as measures: trimmed, lowercase (properties are found in any case), each once, empty ones dropped. */
export function measureNames(names: readonly string[]): string[] {
	return [...new Set(names.map((n) => n.trim().toLowerCase()).filter((n) => n !== ""))];
}

/** Lowercases a word and joins its parts with `-`, as tag values are written. */
export function normalizeWord(word: string): string {
	return word.trim().toLowerCase().replace(/^#/, "").replace(/\s+/g, "-");
}

/**
 * Why a word is not valid tag text, or null when it is. Used by the settings tab
 * to refuse family words and vocabulary words Obsidian would not read as a tag.
 */
export function invalidTagWordReason(word: string, allowSlash = false): string | null {
	const w = word.trim();
	if (w === "") return "It is empty.";
	if (/\s/.test(w)) return "Tags cannot contain spaces; join words with a hyphen, as in letting-go.";
	if (!allowSlash && w.includes("/")) return "Use a single word here, without “/”.";
	if (/^[0-9]+$/.test(w)) return "A tag needs at least one character that is not a digit.";
	// Obsidian ends a tag at any punctuation other than _ - / (FORMAT.md section 1).
	const bad = w.match(/[^\p{L}\p{N}\p{M}_\-/\p{Extended_Pictographic}]/u);
	if (bad) return `“${bad[0]}” cannot be part of a tag; use letters, digits, “-” or “_”.`;
	return null;
}

/** Reads a comma-separated list of vocabulary words, or says which word cannot be a tag and why. */
export function parseWordList(text: string): { words: string[] } | { error: string } {
	const words = text.split(",").map((w) => w.trim()).filter((w) => w !== "");
	for (const w of words) {
		const reason = invalidTagWordReason(w);
		if (reason !== null) return { error: `“${w}”: ${reason}` };
	}
	return { words: [...new Set(words)] };
}

/** Why a family word cannot be used (invalid as a tag, or taken by another family), or null. */
export function familyWordProblem(word: string, family: Family, families: Readonly<Record<Family, string>>): string | null {
	const reason = invalidTagWordReason(word);
	if (reason !== null) return reason;
	const w = word.trim().toLowerCase();
	for (const [f, other] of Object.entries(families) as [Family, string][]) {
		if (f !== family && other.trim().toLowerCase() === w) return `“${w}” is already the word for another family; each family needs its own.`;
	}
	return null;
}
