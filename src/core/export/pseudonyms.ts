/**
 * Pseudonyms: each client of an export becomes `Client A`, `Client B`...,
 * matched by code and by the names recorded in the client note.
 */
import type { ClientIdentity } from "./types";

/** Words never taken alone from a recorded name: titles, particles and words such as "Client". */
const NAME_STOPWORDS = new Set([
	"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir", "the", "and", "of", "van", "de", "der", "den", "het", "von", "zu", "la", "le",
	"du", "da", "di", "del", "client", "patient", "jr", "sr",
]);

/**
 * First names that are also everyday words: matched only when written with a
 * capital, so that "she felt some hope" keeps its hope while "Hope" goes.
 */
const COMMON_WORD_NAMES = new Set([
	"hope", "joy", "grace", "faith", "will", "may", "june", "april", "rose", "dawn", "summer", "autumn", "bill", "mark", "art",
	"frank", "pat", "sue", "rich", "amber", "ruby", "ivy", "lily", "honey", "sunny", "holly", "destiny", "trust", "chance",
]);

/** The letters of the n-th pseudonym: A..Z, then AA, AB, ... */
function letters(n: number): string {
	let s = "";
	let i = n;
	do {
		s = String.fromCharCode(65 + (i % 26)) + s;
		i = Math.floor(i / 26) - 1;
	} while (i >= 0);
	return s;
}

/** Key under which a matched name or code is looked up: case, spaces and separators ignored. */
function identityKey(s: string): string {
	// Straight and curly apostrophes are one (phones type the curly one).
	return s.toLowerCase().replace(/[\s\-_.]+/g, "").replace(/’/g, "'");
}

export function escapeRe(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A name or code as a pattern: separators between its parts may be written differently. */
function flexible(s: string): string {
	return s.trim().split(/[\s\-_.]+/).filter((p) => p !== "").map((p) => escapeRe(p).replace(/['’]/g, "['’]")).join("[-_. \\t]{0,2}");
}

/**
 * The per-export mapping from clients to pseudonyms. The clients being
 * exported come first (`Client A`); any other known client gets the next
 * letter when first met. Letters follow the order of the export, never the
 * codes, so the output cannot be turned back into a code.
 */
export class Pseudonyms {
	private readonly byKey = new Map<string, number>();
	private readonly assigned = new Map<number, string>();
	/** Recorded identifiers that are no names (a plate, a serial, a reference): they become `[identifier]`, not a pseudonym. */
	private readonly notNames = new Set<string>();
	private next = 0;
	/** Codes, full names and names safe to match in any case; null when there is nothing to match. */
	readonly anyCase: RegExp | null;
	/** Names that are also everyday words, matched only as written with a capital. */
	readonly capitalized: RegExp | null;

	constructor(identities: readonly ClientIdentity[], primary: readonly string[]) {
		const anyCase: string[] = [];
		const capitalized: string[] = [];
		identities.forEach((id, i) => {
			const add = (s: string, list: string[]) => {
				const key = identityKey(s);
				if (key === "" || this.byKey.has(key)) return;
				this.byKey.set(key, i);
				list.push(s.trim());
			};
			add(id.code, anyCase);
			for (const name of id.names) {
				if (typeof name !== "string" || name.trim() === "") continue;
				if (/\p{N}/u.test(name) && !/\s/.test(name.trim()) && isOtherIdentifier(name.trim())) {
					// One token with a digit, as "Check these before sharing" adds them: a number, a plate or a serial.
					add(name, anyCase);
					this.notNames.add(identityKey(name));
					continue;
				}
				const parts = name.trim().split(/\s+/);
				// A whole name is matched as written; a single word only when it can be a name on its own.
				if (parts.length > 1 || isNameWord(parts[0]!)) add(name, COMMON_WORD_NAMES.has(name.trim().toLowerCase()) ? capitalized : anyCase);
				if (parts.length > 1) {
					for (const p of parts) {
						const w = p.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
						if (!isNameWord(w)) continue;
						add(w, COMMON_WORD_NAMES.has(w.toLowerCase()) ? capitalized : anyCase);
					}
				}
			}
		});
		for (const code of primary) {
			const i = this.byKey.get(identityKey(code));
			if (i !== undefined) this.labelOf(i);
		}
		this.anyCase = alternation(anyCase, "giu");
		// "Hope" and "HOPE" are the name; "hope" is the word.
		this.capitalized = alternation(capitalized.flatMap((w) => [w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()]), "gu");
	}

	/** The pseudonym for a matched name or code, or null when it is no known client's. */
	forMatch(text: string): string | null {
		if (this.notNames.has(identityKey(text))) return IDENTIFIER;
		const i = this.byKey.get(identityKey(text));
		return i === undefined ? null : this.labelOf(i);
	}

	private labelOf(i: number): string {
		let label = this.assigned.get(i);
		if (!label) {
			label = `Client ${letters(this.next++)}`;
			this.assigned.set(i, label);
		}
		return label;
	}
}

/** What a recorded identifier that is no name becomes. */
export const IDENTIFIER = "[identifier]";

/** A recorded identifier that is no name: three characters or more (`4471`, `AB12`, `5CD1234XYZ`, `1,250`). */
function isOtherIdentifier(w: string): boolean {
	return /^[\p{L}\p{N}][\p{L}\p{N}.,/-]*[\p{L}\p{N}]$/u.test(w) && w.length >= 3;
}

/** A word that can stand for a person on its own: two letters or more, no digits, not a title or particle. */
function isNameWord(w: string): boolean {
	return /^\p{L}[\p{L}'’-]+$/u.test(w) && !NAME_STOPWORDS.has(w.toLowerCase());
}

/** One pattern matching any of the strings, longest first so that "Mara Quill" wins over "Mara". */
function alternation(strings: string[], flags: string): RegExp | null {
	if (strings.length === 0) return null;
	const sorted = [...strings].sort((a, b) => b.length - a.length);
	return new RegExp(`(?:${sorted.map(flexible).join("|")})(?![\\p{L}\\p{N}])`, flags);
}

/** A name or code starts only where no letter or digit comes before it. */
export const NAME_BOUNDARY = /[\p{L}\p{N}]/u;

/** A pseudonym as tag text: `Client A` becomes `client-a`. */
export function tagSafe(label: string): string {
	if (label === IDENTIFIER) return "identifier";
	return label.toLowerCase().replace(/\s+/g, "-");
}
