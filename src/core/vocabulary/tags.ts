/**
 * The tag grammar of FORMAT.md section 1: parse a tag into an Attune value,
 * with the diagnostics a clinician needs, and format values back into tags.
 */
import { detach } from "../detach";
import { SUMMARY_KEYS } from "../note/packed";
import { type Family, PROCESS_CLASSES, type ProcessOrUnclassified, familyDef, labelFor } from "./families";
import type { Vocabulary } from "./vocabulary";

/** Codes of FORMAT.md section 5. */
export type DiagnosticCode =
	| "missing-value"
	| "unknown-value"
	| "unknown-process"
	| "extra-segments"
	| "bad-property"
	| "invalid-frontmatter"
	| "unreadable-file"
	/** Format 1.15: a finalized note whose content no longer matches its record (section 7). */
	| "record-changed";

/** A problem found in a note, before the note's path and line are attached. */
export interface TagProblem {
	code: DiagnosticCode;
	message: string;
}

/** What one tag records, when it is Attune's. */
export interface ParsedTag {
	family: Family;
	/** The value, lowercase; empty when the tag records nothing. */
	value: string;
	/** For client emotions: the class, or `unclassified`. */
	process?: ProcessOrUnclassified;
	/** For compassion: the direction (`self`, `other`), or `unspecified`. */
	direction?: string;
	/** Whether the tag is counted in summaries. */
	counted: boolean;
	/** At most one problem per tag: the one a clinician should fix first. */
	problem?: TagProblem;
	/** The summary key this tag counts under (see `countKey`), when counted. */
	key?: string;
	/** For emotions, the key of its process class (notes per class are counted too). */
	classKey?: string;
	/**
	 * The tag text as first read. Records keep this shared copy rather than their
	 * own slice, which would keep the whole note's text alive in memory.
	 */
	written?: string;
	/** `key`'s number in `SUMMARY_KEYS` (note/packed.ts), set with it. */
	keyId?: number;
	/** `classKey`'s number, set with it. */
	classKeyId?: number;
	/** The tag's occurrence kind (note/packed.ts), numbered when first kept. */
	kind?: number;
}

/** The key under which a value is counted in summaries: family, value and, for emotions, process. */
export function countKey(family: string, value: string, process?: string): string {
	return process ? `${family}\u0000${value}\u0000${process}` : `${family}\u0000${value}`;
}

/** The pseudo-family of the keys that count notes per emotion class (`countKey(CLASS_KEY, "secondary")`). */
export const CLASS_KEY = "class";

/**
 * The pseudo-family of the keys that count moves by the classes of the
 * emotions in their passage: `countKey(MOVE_CLASS_KEY, "transforming", "primary-maladaptive")`.
 */
export const MOVE_CLASS_KEY = "move-by-class";

/** The pseudo-family of the keys that count notes by their `modality` (`""` for none): `countKey(MODALITY_KEY, "EFMT")`. */
export const MODALITY_KEY = "modality";

/** The pseudo-family of the keys that count empathy modes by the note's modality: `countKey(MODE_MODALITY_KEY, "EFMT", "attunement")`. */
export const MODE_MODALITY_KEY = "mode-by-modality";

/** The parts of a summary key. */
export function splitCountKey(key: string): { family: string; value: string; process?: string } {
	const [family, value, process] = key.split("\u0000");
	// Keys are made by countKey: a family and a value, then perhaps a process.
	if (family === undefined || value === undefined) throw new Error(`“${key}” is not a summary key`);
	return process === undefined ? { family, value } : { family, value, process };
}

/** Tags repeat across a vault; each vocabulary remembers how it read each one. */
const memo = new WeakMap<Vocabulary, Map<string, ParsedTag | null>>();

/** The vocabulary read last and its memo: a note's tags all use one, so most calls skip the `WeakMap`. */
let lastVocab: Vocabulary | null = null;
let lastMemo: Map<string, ParsedTag | null> | undefined;

/** Bound on remembered tags per vocabulary, so a pathological vault cannot grow it without limit. */
const MEMO_LIMIT = 50_000;

/**
 * Reads a tag (as written, with or without `#`). Returns null when the tag is
 * not Attune's (`#todo`, `#client/c-017`): those are neither counted nor diagnosed.
 * The result is shared between calls: do not modify it.
 */
export function parseTag(tag: string, vocab: Vocabulary): ParsedTag | null {
	let m = vocab === lastVocab ? lastMemo : memo.get(vocab);
	if (!m) memo.set(vocab, (m = new Map<string, ParsedTag | null>()));
	lastVocab = vocab;
	lastMemo = m;
	const hit = m.get(tag);
	if (hit !== undefined) return hit;
	const parsed = parseTagUncached(tag, vocab);
	if (parsed?.counted) {
		// A fresh string: a slice would pin the note it came from.
		parsed.written = detach(tag);
		parsed.key = countKey(parsed.family, parsed.value, parsed.process ?? parsed.direction);
		parsed.keyId = SUMMARY_KEYS.id(parsed.key);
		if (parsed.process) {
			parsed.classKey = countKey(CLASS_KEY, parsed.process);
			parsed.classKeyId = SUMMARY_KEYS.id(parsed.classKey);
		}
	}
	if (m.size >= MEMO_LIMIT) m.clear();
	m.set(tag, parsed);
	return parsed;
}

function parseTagUncached(tag: string, vocab: Vocabulary): ParsedTag | null {
	const lower = (tag.charCodeAt(0) === 35 /* # */ ? tag.slice(1) : tag).toLowerCase();
	const slash = lower.indexOf("/");
	const head = slash < 0 ? lower : lower.slice(0, slash);
	const family = vocab.byWord.get(head);
	if (family === undefined) return null;
	const written = `#${vocab.families[family]}`;
	const segments = slash < 0 ? [] : lower.slice(slash + 1).split("/");
	const value = segments[0] ?? "";
	if (value === "") {
		return {
			family, value: "", counted: false,
			problem: { code: "missing-value", message: `${written} names no value, so it records nothing. Write ${example(family, vocab)}.` },
		};
	}
	const def = familyDef(family);
	const maxSegments = def.segments;
	if (!def.open && !vocab.sets[family].has(value)) {
		const near = nearest(value, vocab.words[family]);
		const hint = near ? ` Did you mean ${written}/${near} (${labelFor(near).toLowerCase()})?` : ` Known values: ${vocab.words[family].join(", ")}.`;
		return { family, value, counted: false, problem: { code: "unknown-value", message: `“${value}” is not a known ${family} value, so this tag is not counted.${hint}` } };
	}
	const q = def.qualifier;
	let qualifier: string | undefined = q?.none;
	let problem: TagProblem | undefined;
	if (q && segments.length >= 2) {
		const p = segments[1]!;
		if (q.words.includes(p)) qualifier = p;
		else {
			const near = nearest(p, q.words);
			problem = {
				code: q.unknownCode,
				message: q.field === "process"
					? `“${p}” is not one of the four emotion processes (${PROCESS_CLASSES.join(", ")}); counted as ${value}, not classified.${near ? ` Did you mean ${near}?` : ""}`
					: `“${p}” is not a ${q.name} (${q.words.join(", ")}); counted as ${written}/${value}, ${(q.labels[q.none] ?? q.none).toLowerCase()}.${near ? ` Did you mean ${written}/${value}/${near}?` : ""}`,
			};
		}
	}
	if (!problem && segments.length > maxSegments) {
		const kept = segments.slice(0, maxSegments).join("/");
		problem = {
			code: "extra-segments",
			message: `“/${segments.slice(maxSegments).join("/")}” is more than ${/^[aeiou]/.test(family) ? "an" : "a"} ${family} tag holds; counted as ${written}/${kept}.`,
		};
	}
	const out: ParsedTag = { family, value, counted: true, problem };
	if (q && qualifier !== undefined) {
		if (q.field === "process") out.process = qualifier as ProcessOrUnclassified;
		else out.direction = qualifier;
	}
	return out;
}

/**
 * How to write a tag of a family, for the missing-value message: a placeholder
 * rather than a real word, so that a note about sadness is never told to write
 * shame; closed families list their words.
 */
function example(family: Family, vocab: Vocabulary): string {
	const def = familyDef(family);
	const w = `#${vocab.families[family]}/<${def.summary.column.toLowerCase()}>`;
	const q = def.qualifier;
	const one = def.open ? w : `${w}, one of ${vocab.words[family].join(", ")}`;
	if (q?.field === "process") return `${w}, or ${w}/<class> with its class (${PROCESS_CLASSES.join(", ")})`;
	if (q) return `${one}; or ${w}/<${q.name}> with its ${q.name} (${q.words.join(", ")})`;
	return one;
}

/**
 * Formats an Attune tag (with `#`) from its parts, as the commands insert it.
 * `qualifier` is the second segment (a class, a direction); its "none" is left out.
 */
export function formatTag(vocab: Vocabulary, family: Family, value: string, qualifier?: string): string {
	const v = value.trim().toLowerCase().replace(/\s+/g, "-");
	const q = familyDef(family).qualifier;
	const p = q && qualifier && qualifier !== q.none ? `/${qualifier}` : "";
	return `#${vocab.families[family]}/${v}${p}`;
}

/** The closest word within a small edit distance, for "did you mean". */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestD = Infinity;
	const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
	for (const c of candidates) {
		const d = editDistance(word, c);
		if (d < bestD) {
			bestD = d;
			best = c;
		}
	}
	if (best !== undefined && (bestD <= limit || best.startsWith(word) || word.startsWith(best))) return best;
	return undefined;
}

/** Levenshtein distance. Vocabulary words are short, so the quadratic table is fine. */
export function editDistance(a: string, b: string): number {
	if (a === b) return 0;
	const prev = new Array<number>(b.length + 1);
	for (let j = 0; j <= b.length; j++) prev[j] = j;
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0]!;
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = prev[j]!;
			prev[j] = Math.min(tmp + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = tmp;
		}
	}
	return prev[b.length]!;
}
