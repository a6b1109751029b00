/**
 * The vocabulary as a REFI-QDA codebook, the interchange standard of NVivo,
 * ATLAS.ti, MAXQDA and QualCoder: each family a parent code, each value a
 * child code with its definition (the study notes' text), and a family's
 * second segment (the emotion classes, compassion's direction) as codes of
 * their own. Read from the families table; GUIDs are stable across exports.
 */
import { sha256Hex } from "../record/sha256";
import { STUDY_REFERENCES } from "../vocabulary/concepts";
import { FAMILY_TABLE, type Family, type FamilyDef, labelFor } from "../vocabulary/families";
import type { Vocabulary } from "../vocabulary/vocabulary";
import { attrs, xmlText } from "./xml";

/** One code of the codebook, with its children. */
export interface Code {
	/** Stable key: `emotion` for a family, `emotion/shame` for a value, `emotion.process/secondary` for a class. */
	key: string;
	/** A GUID derived from the key, so that a re-export gives every code the same GUID. */
	guid: string;
	name: string;
	/** False for the family codes: a family word without a value is not a code (`missing-value`). */
	codable: boolean;
	description: string;
	children: Code[];
}

/** The codebook: the family codes, in the order Attune shows the families. */
export interface Codebook {
	codes: Code[];
	/** Every code by key, children included. */
	byKey: ReadonlyMap<string, Code>;
}

/** The namespace of a REFI-QDA codebook file (`.qdc`). */
export const CODEBOOK_NS = "urn:QDA-XML:codebook:1.0";

/**
 * A GUID made from a name: the first 128 bits of its SHA-256, shaped as an
 * RFC 9562 version 8 (custom) UUID. The same name always gives the same GUID.
 */
export function stableGuid(name: string): string {
	const hex = sha256Hex(new TextEncoder().encode(name)).slice(0, 32).split("");
	hex[12] = "8";
	hex[16] = "89ab"[parseInt(hex[16]!, 16) & 3]!;
	const h = hex.join("");
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The key of a value's code. */
export function valueKey(family: Family, value: string): string {
	return `${family}/${value}`;
}

/** The key of a qualifier's code: `emotion.process/secondary`, `compassion.direction/self`. */
export function qualifierKey(family: Family, field: string, word: string): string {
	return `${family}.${field}/${word}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A reference as plain text: QDA tools show descriptions as written, so Markdown's `*` would show. */
const plainReference = (r: keyof typeof STUDY_REFERENCES) => STUDY_REFERENCES[r].replace(/\*/g, "");

function code(key: string, name: string, codable: boolean, description: string, children: Code[] = []): Code {
	return { key, guid: stableGuid(`attune:code:${key}`), name, codable, description, children };
}

/** The words a family's codes are made of: its vocabulary, the words it offers (resonance is felt in emotion words), then the words used. */
function familyWords(def: FamilyDef & { key: Family }, vocab: Vocabulary, used: ReadonlySet<string>): string[] {
	const words = [...vocab.words[def.key]];
	if (def.open && def.offers !== undefined) words.push(...vocab.words[def.offers as Family]);
	words.push(...used);
	return [...new Set(words)];
}

function describe(first: string, definition: string | undefined, references: readonly (keyof typeof STUDY_REFERENCES)[]): string {
	const parts = [first];
	if (definition !== undefined) parts.push(definition);
	if (references.length > 0) parts.push(`Reference: ${references.map(plainReference).join(" ")}`);
	return parts.join("\n\n");
}

/**
 * The codebook of the vocabulary in force. `used` adds, for each family,
 * words that notes use beyond the vocabulary (an open family's new words),
 * so that every coded passage of a project has its code.
 */
export function buildCodebook(vocab: Vocabulary, used: ReadonlyMap<Family, ReadonlySet<string>> = new Map()): Codebook {
	const codes: Code[] = [];
	for (const def of FAMILY_TABLE) {
		if (!vocab.on[def.key]) continue;
		const word = vocab.families[def.key];
		const concepts = def.study && def.study.of !== "classes" ? def.study.concepts : {};
		const children = familyWords(def, vocab, used.get(def.key) ?? new Set()).map((w) => {
			const c = concepts[w];
			return code(valueKey(def.key, w), capital(labelFor(w)), true, describe(`Tagged #${word}/${w}.`, c?.definition, c?.references ?? []));
		});
		const kind = def.open ? "any word is a value" : "only these values";
		codes.push(code(def.key, def.label, false, `${def.label}: tags #${word}/<value> (${kind}). Its values are the codes below.`, children));
		const q = def.qualifier;
		if (q === undefined) continue;
		const classes = def.study?.of === "classes" ? def.study.concepts : {};
		const qChildren = [...q.words, q.none].map((w) => {
			const c = classes[w];
			const slot = `#${word}/<${def.summary.field}>`;
			const first = w === q.none ? `Tagged ${slot} without a ${q.name}.` : `Tagged ${slot}/${w}.`;
			return code(qualifierKey(def.key, q.field, w), q.labels[w] ?? capital(labelFor(w)), true, describe(first, c?.definition, c?.references ?? []));
		});
		codes.push(code(`${def.key}.${q.field}`, `${def.label}: ${q.name}`, false, `The ${q.name} of each ${def.label.toLowerCase()} tag (#${word}/<value>/<${q.name}>), as a code of its own.`, qChildren));
	}
	const byKey = new Map<string, Code>();
	const walk = (c: Code) => {
		byKey.set(c.key, c);
		c.children.forEach(walk);
	};
	codes.forEach(walk);
	return { codes, byKey };
}

/** The `<Code>` elements of a codebook, indented, for a codebook file or a project's `<CodeBook>`. */
export function codesXml(codes: readonly Code[], indent: string): string {
	return codes
		.map((c) => {
			const open = `${indent}<Code${attrs({ guid: c.guid, name: c.name, isCodable: c.codable })}>`;
			const inner = [`${indent}\t<Description>${xmlText(c.description)}</Description>`];
			if (c.children.length > 0) inner.push(codesXml(c.children, indent + "\t"));
			return [open, ...inner, `${indent}</Code>`].join("\n");
		})
		.join("\n");
}

/** The codebook as a REFI-QDA codebook file (`.qdc`). */
export function codebookQdc(book: Codebook, origin: string): string {
	return [
		`<?xml version="1.0" encoding="utf-8"?>`,
		`<CodeBook${attrs({ xmlns: CODEBOOK_NS, origin })}>`,
		"\t<Codes>",
		codesXml(book.codes, "\t\t"),
		"\t</Codes>",
		"</CodeBook>",
		"",
	].join("\n");
}
