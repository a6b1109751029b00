/**
 * The residue: what the patterns left in a copy that could still identify a
 * client, for the clinician to check before sharing. Patterns cannot know an
 * unlisted name, a town or a plate, but they can point at what looks like one:
 * a capitalized word inside a sentence, a number of four digits or more, a
 * token of letters and digits mixed. Computed on the redacted text, so what it
 * lists is exactly what the copy still says.
 */
import type { Vocabulary } from "../vocabulary/vocabulary";
import { MONTH_WORD_LIST } from "./dates";

/** Why an item is listed. */
export type ResidueKind = "capitalized" | "number" | "mixed";

/** Words people see for each kind. */
export const RESIDUE_LABELS: Readonly<Record<ResidueKind, string>> = Object.freeze({
	capitalized: "Capitalized word",
	number: "Number of four digits or more",
	mixed: "Letters and digits",
});

/** One thing left in a copy that could identify the client. */
export interface ResidueItem {
	kind: ResidueKind;
	/** The word, number or token as the copy holds it. */
	text: string;
	/** The stretch of the copy around its first occurrence in the note. */
	context: string;
	/** The source note's vault path. */
	note: string;
	/** How often the note holds it. */
	count: number;
}

/** A residue hit in one stretch of text, before it is tied to a note. */
export interface ResidueHit {
	kind: ResidueKind;
	text: string;
	context: string;
}

/**
 * Capitalized words that are not names: the pronoun, titles, days, and the
 * field's acronyms and capitalized terms (lowercase here; compared in lower case).
 */
const KNOWN_WORDS: ReadonlySet<string> = new Set([
	"i", "mr", "mrs", "ms", "mx", "dr", "prof", "ok", "okay", "tv", "uk", "us", "usa", "eu",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
	"christmas", "easter", "ramadan", "covid", "zoom", "teams", "skype", "whatsapp",
	"client", "therapist", "supervisor", "session", "supervision", "note", "notes", "attune", "obsidian",
	// Approaches and their acronyms.
	"eft", "efmt", "efft", "eft-c", "efct", "cbt", "dbt", "act", "emdr", "ifs", "mbct", "mbsr", "cft", "sfbt", "ipt", "pct", "pce", "ta", "psychodynamic",
	"gestalt", "rogers", "rogerian", "greenberg", "johnson", "elliott", "watson", "gendlin", "bowlby", "winnicott", "freud", "jung", "beck", "linehan", "gottman",
	// Measures, diagnoses and services.
	"phq", "gad", "core", "pcl", "oq", "ors", "srs", "wsas", "bdi", "bai", "hads", "dass", "audit", "epds", "pswq", "ies", "caps", "des", "scl", "ace", "iip", "cgi", "gaf",
	"dsm", "icd", "ptsd", "cptsd", "ocd", "adhd", "add", "asd", "bpd", "eupd", "gp", "ae", "er", "icu", "nhs", "iapt", "camhs", "cmht", "ssri", "snri", "mri",
]);

/** Measures written with their item count (`PHQ-9`, `GAD-7`, `CORE-10`, `K10`): no identifier. */
const MEASURE = /^(?:PHQ|GAD|CORE|PCL|OQ|ORS|SRS|WSAS|BDI|BAI|HADS|DASS|AUDIT|EPDS|PSWQ|IES|CAPS|DES|SCL|ACE|IIP|CGI|GAF|DSM|ICD|K)-?\d{1,3}(?:-?[A-Z]{1,2})?$/i;
/** Ordinals and amounts with a unit (`5th`, `3e`, `50mg`, `90min`, `2x`, `10am`): no identifier. */
const ORDINAL_OR_UNIT = /^\d+(?:[.,]\d+)?(?:st|nd|rd|th|e|de|ste|mg|mcg|ml|g|kg|lb|lbs|km|m|cm|mm|mi|min|mins|h|hr|hrs|s|sec|secs|am|pm|x|d|wk|wks|mo|yr|yrs|y|yo|k|bpm)$/i;

/** A token: letters, marks and digits, joined by inner apostrophes, hyphens, or (between digits) points and commas. */
// No lookbehind: iOS before 16.4 cannot compile it.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+|[.,]\p{N}+)*/gu;

/** Characters that may stand between a sentence's end (or a line's start) and its first word: spaces, list and quote marks, emphasis. */
const LEAD = /[\s*_`#>+\-–—[\]()"'“”‘’„«»]/u;

/** How many characters of the copy each side of a hit the preview shows. */
const CONTEXT_CHARS = 32;

/**
 * Whether the word at `at` starts a sentence: nothing but list marks,
 * emphasis and quotes since the start of the text, a callout's `[!type]`, or
 * a full stop, question or exclamation mark.
 */
function sentenceStart(masked: string, at: number): boolean {
	let i = at - 1;
	while (i >= 0 && LEAD.test(masked[i]!)) {
		// A callout's type (`> [!supervisor] Stayed with`) opens a line of its own.
		if (masked[i] === "]") {
			const m = /\[![\w-]+$/.exec(masked.slice(0, i));
			if (m) i = m.index;
		}
		i--;
	}
	// "1. Peter": a numbered list item starts a sentence too, as does "Peter." before it.
	return i < 0 || ".!?…".includes(masked[i]!);
}

/** The copy's text around a hit, cut at spaces, with an ellipsis where it was cut. */
function contextOf(shown: string, at: number, length: number): string {
	let from = Math.max(0, at - CONTEXT_CHARS);
	let to = Math.min(shown.length, at + length + CONTEXT_CHARS);
	if (from > 0) {
		const sp = shown.indexOf(" ", from);
		if (sp >= 0 && sp < at) from = sp + 1;
	}
	if (to < shown.length) {
		const sp = shown.lastIndexOf(" ", to);
		if (sp > at + length) to = sp;
	}
	return `${from > 0 ? "…" : ""}${shown.slice(from, to).trim()}${to < shown.length ? "…" : ""}`;
}

/** Finds what the patterns could not decide, in text whose replaced stretches are known. */
export class ResidueFinder {
	private readonly known: Set<string>;

	constructor(vocab: Vocabulary) {
		this.known = new Set(KNOWN_WORDS);
		for (const w of MONTH_WORD_LIST) this.known.add(w);
		for (const list of Object.values(vocab.words)) {
			for (const w of list) {
				this.known.add(w);
				for (const part of w.split(/[-/]/)) this.known.add(part);
			}
		}
		for (const w of vocab.byWord.keys()) this.known.add(w);
	}

	/**
	 * The hits in one stretch of a copy. `masked` is the same text with every
	 * replaced or final stretch (a placeholder, a pseudonym, a tag, a link to a
	 * copy) overwritten, character for character, by a mark that is no word.
	 */
	find(shown: string, masked: string): ResidueHit[] {
		const out: ResidueHit[] = [];
		const re = new RegExp(TOKEN.source, TOKEN.flags);
		let m: RegExpExecArray | null;
		while ((m = re.exec(masked))) {
			const kind = this.kindOf(m[0], masked, m.index);
			if (kind) out.push({ kind, text: m[0], context: contextOf(shown, m.index, m[0].length) });
		}
		return out;
	}

	private kindOf(token: string, masked: string, at: number): ResidueKind | null {
		const letters = /\p{L}/u.test(token);
		const digits = (token.match(/\p{N}/gu) ?? []).length;
		if (letters && digits > 0) return MEASURE.test(token) || ORDINAL_OR_UNIT.test(token) ? null : "mixed";
		if (!letters) return digits >= 4 ? "number" : null;
		if (!/^\p{Lu}/u.test(token)) return null;
		const word = token.toLowerCase().replace(/['’]s$/, "");
		const head = word.split(/['’]/)[0]!;
		if (this.known.has(word) || this.known.has(head) || word.split("-").every((p) => this.known.has(p))) return null;
		return sentenceStart(masked, at) ? null : "capitalized";
	}
}

/** The mark that overwrites a replaced stretch: no letter, digit, space or sentence end. */
export const MASK = "\u00b7";
