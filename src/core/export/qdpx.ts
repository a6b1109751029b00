/**
 * A REFI-QDA project (`.qdpx`) of coded notes: each note a text source, each
 * tagged passage a coded selection, with the codebook of the vocabulary.
 * Pure: the shells pass the notes' texts in and write the bytes out.
 *
 * Positions follow the standard: counted in characters (Unicode code
 * points, so an emoji is one), from 0, the end position just after the
 * selection's last character, into the source's plain text as stored in the
 * archive (UTF-8, line breaks as LF).
 */
import { passageAt } from "../markdown/passages";
import type { NoteRecord, Occurrence } from "../note/note";
import { readNote, type YamlParser } from "../note/reader";
import { type Family, familyDef } from "../vocabulary/families";
import type { Vocabulary } from "../vocabulary/vocabulary";
import { type Codebook, buildCodebook, codesXml, qualifierKey, stableGuid, valueKey } from "./codebook";
import { attrs, xmlText } from "./xml";
import { type ZipEntry, zipStored } from "./zip";

/** A note to put in the project. */
export interface QdpxNote {
	/** Vault path: where the note is, kept in the source's description. */
	path: string;
	/** The source's name, as the QDA tool lists it. */
	name: string;
	text: string;
}

/** A passage and the codes given to it. */
export interface CodedSelection {
	guid: string;
	/** Code points from the start of the source's plain text to the passage. */
	start: number;
	/** Code points from the start to just after the passage. */
	end: number;
	/** The passage, as the positions cut it out of the plain text. */
	text: string;
	/** 1-based lines of the passage in the note. */
	firstLine: number;
	lastLine: number;
	/** Keys of the codes (see `Code.key`), in the order the tags are written, once each. */
	codes: string[];
}

/** One note as a text source. */
export interface QdpxSource {
	guid: string;
	name: string;
	path: string;
	/** The text stored in the archive, which the positions count in. */
	plainText: string;
	selections: CodedSelection[];
	/** Codes of the `tags` property: they belong to the note as a whole. */
	noteCodes: string[];
	client?: string;
	date?: string;
	session?: number;
	noteType?: string;
}

/** A whole project, before it is written. */
export interface QdpxProject {
	name: string;
	origin: string;
	/** ISO date-time of the export, when the shell gives one. */
	createdAt?: string;
	codebook: Codebook;
	sources: QdpxSource[];
}

/** The namespace of a REFI-QDA project file (`project.qde`). */
export const PROJECT_NS = "urn:QDA-XML:project:1.0";

/** The text a source holds: the note without a byte-order mark, its line breaks as LF. */
export function plainText(text: string): string {
	return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/**
 * Turns UTF-16 offsets into code-point positions. Tags come in reading
 * order, so each count goes on from the last one asked for: a long
 * transcript with many tags is read once, not once per tag.
 */
function codePointCounter(s: string): (utf16: number) => number {
	let at = 0;
	let count = 0;
	return (utf16) => {
		if (utf16 < at) {
			at = 0;
			count = 0;
		}
		for (; at < utf16; at++) {
			const c = s.charCodeAt(at);
			// The second half of a surrogate pair is the same character as the first.
			if (!(c >= 0xdc00 && c <= 0xdfff && at > 0 && (s.charCodeAt(at - 1) & 0xfc00) === 0xd800)) count++;
		}
		return count;
	};
}

/** The codes an occurrence carries: its value's, and its class's or direction's. */
export function occurrenceCodes(o: Occurrence): string[] {
	const keys = [valueKey(o.family, o.value)];
	const q = familyDef(o.family).qualifier;
	if (q !== undefined) keys.push(qualifierKey(o.family, q.field, o[q.field] ?? q.none));
	return keys;
}

/** UTF-16 offsets of the start of each line. */
function lineStarts(text: string): number[] {
	const out = [0];
	for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) out.push(i + 1);
	return out;
}

/** One note's source: each passage holding a tag, once, with every code its tags give. */
function sourceOf(note: QdpxNote, rec: NoteRecord): QdpxSource {
	const text = plainText(note.text);
	const starts = lineStarts(text);
	const position = codePointCounter(text);
	const guid = stableGuid(`attune:source:${note.path}`);
	const byRange = new Map<string, CodedSelection>();
	const noteCodes: string[] = [];
	for (const o of rec.occurrences) {
		const codes = occurrenceCodes(o);
		if (o.inProperties) {
			for (const c of codes) if (!noteCodes.includes(c)) noteCodes.push(c);
			continue;
		}
		const p = passageAt(text, o.line);
		if (p.text === "") continue;
		const from = starts[p.start]!;
		const raw = text.slice(from, p.end + 1 < starts.length ? starts[p.end + 1]! - 1 : text.length);
		const s16 = from + raw.length - raw.trimStart().length;
		const e16 = s16 + p.text.length;
		const key = `${s16}:${e16}`;
		let sel = byRange.get(key);
		if (sel === undefined) {
			const start = position(s16);
			const end = position(e16);
			sel = { guid: stableGuid(`attune:selection:${note.path}:${start}:${end}`), start, end, text: text.slice(s16, e16), firstLine: p.start + 1, lastLine: p.end + 1, codes: [] };
			byRange.set(key, sel);
		}
		for (const c of codes) if (!sel.codes.includes(c)) sel.codes.push(c);
	}
	const selections = [...byRange.values()].sort((a, b) => a.start - b.start || a.end - b.end);
	const { client, date, session, noteType } = rec.props;
	return { guid, name: note.name, path: note.path, plainText: text, selections, noteCodes, client, date, session, noteType };
}

/**
 * Reads each note and builds the project: one source per note (a note
 * without tags is a source without selections), and the codebook of the
 * vocabulary with any word the notes use beyond it.
 */
export function buildProject(notes: readonly QdpxNote[], options: { vocab: Vocabulary; parseYaml: YamlParser; name: string; origin: string; createdAt?: string }): QdpxProject {
	const sources: QdpxSource[] = [];
	const used = new Map<Family, Set<string>>();
	for (const n of notes) {
		const rec = readNote(n.path, n.text, options.vocab, options.parseYaml);
		for (const o of rec.occurrences) {
			let set = used.get(o.family);
			if (set === undefined) used.set(o.family, (set = new Set()));
			set.add(o.value);
		}
		sources.push(sourceOf(n, rec));
	}
	return { name: options.name, origin: options.origin, createdAt: options.createdAt, codebook: buildCodebook(options.vocab, used), sources };
}

/** The variables a source can carry: name, REFI type, and its value in a source. */
const VARIABLES = [
	{ key: "date", name: "Date", type: "Date", element: "DateValue", value: (s: QdpxSource) => s.date },
	{ key: "session", name: "Session", type: "Integer", element: "IntegerValue", value: (s: QdpxSource) => (s.session === undefined ? undefined : String(s.session)) },
	{ key: "note-type", name: "Note type", type: "Text", element: "TextValue", value: (s: QdpxSource) => s.noteType },
] as const;

const variableGuid = (key: string) => stableGuid(`attune:variable:${key}`);

/**
 * The one user of the project: Attune, which made every coding from the
 * notes' tags (no person's name goes in). Made when asked for, not when the
 * module loads, so that loading it needs nothing of its environment.
 */
let userGuidMade: string | undefined;
const userGuid = () => (userGuidMade ??= stableGuid("attune:user"));

/** Who made an element and when: some importers expect both on sources, selections and codings. */
const made = (p: QdpxProject) => ({ creatingUser: userGuid(), creationDateTime: p.createdAt });

function codingXml(p: QdpxProject, guid: string, codeGuid: string, indent: string): string {
	return `${indent}<Coding${attrs({ guid, ...made(p) })}>\n${indent}\t<CodeRef${attrs({ targetGUID: codeGuid })}/>\n${indent}</Coding>`;
}

function sourceXml(s: QdpxSource, p: QdpxProject): string {
	const t = "\t\t\t";
	const guidOf = (key: string) => p.codebook.byKey.get(key)!.guid;
	const lines = [`\t\t<TextSource${attrs({ guid: s.guid, name: s.name, plainTextPath: `internal://${s.guid}.txt`, ...made(p) })}>`, `${t}<Description>${xmlText(s.path)}</Description>`];
	for (const sel of s.selections) {
		lines.push(`${t}<PlainTextSelection${attrs({ guid: sel.guid, name: sel.lastLine > sel.firstLine ? `lines ${sel.firstLine}–${sel.lastLine}` : `line ${sel.firstLine}`, startPosition: sel.start, endPosition: sel.end, ...made(p) })}>`);
		for (const c of sel.codes) lines.push(codingXml(p, stableGuid(`attune:coding:${sel.guid}:${c}`), guidOf(c), t + "\t"));
		lines.push(`${t}</PlainTextSelection>`);
	}
	for (const c of s.noteCodes) lines.push(codingXml(p, stableGuid(`attune:coding:${s.guid}:${c}`), guidOf(c), t));
	for (const v of VARIABLES) {
		const value = v.value(s);
		if (value === undefined) continue;
		lines.push(`${t}<VariableValue>`, `${t}\t<VariableRef${attrs({ targetGUID: variableGuid(v.key) })}/>`, `${t}\t<${v.element}>${xmlText(value)}</${v.element}>`, `${t}</VariableValue>`);
	}
	lines.push("\t\t</TextSource>");
	return lines.join("\n");
}

/** The project file, `project.qde`. */
export function projectQde(p: QdpxProject): string {
	const out = [
		`<?xml version="1.0" encoding="utf-8"?>`,
		`<Project${attrs({ xmlns: PROJECT_NS, name: p.name, origin: p.origin, creatingUserGUID: userGuid(), creationDateTime: p.createdAt })}>`,
		"\t<Users>",
		`\t\t<User${attrs({ guid: userGuid(), name: "Attune" })}/>`,
		"\t</Users>",
		"\t<CodeBook>",
		"\t\t<Codes>",
		codesXml(p.codebook.codes, "\t\t\t"),
		"\t\t</Codes>",
		"\t</CodeBook>",
	];
	const used = VARIABLES.filter((v) => p.sources.some((s) => v.value(s) !== undefined));
	if (used.length > 0) {
		out.push("\t<Variables>");
		for (const v of used) out.push(`\t\t<Variable${attrs({ guid: variableGuid(v.key), name: v.name, typeOfVariable: v.type })}/>`);
		out.push("\t</Variables>");
	}
	// A case per client, holding that client's notes: how QDA tools compare people.
	const cases = new Map<string, { name: string; sources: string[] }>();
	for (const s of p.sources) {
		if (s.client === undefined) continue;
		const k = s.client.toLowerCase();
		const c = cases.get(k) ?? { name: s.client, sources: [] };
		c.sources.push(s.guid);
		cases.set(k, c);
	}
	if (cases.size > 0) {
		out.push("\t<Cases>");
		for (const [k, c] of cases) {
			out.push(`\t\t<Case${attrs({ guid: stableGuid(`attune:case:${k}`), name: c.name })}>`);
			for (const g of c.sources) out.push(`\t\t\t<SourceRef${attrs({ targetGUID: g })}/>`);
			out.push("\t\t</Case>");
		}
		out.push("\t</Cases>");
	}
	if (p.sources.length > 0) out.push("\t<Sources>", ...p.sources.map((s) => sourceXml(s, p)), "\t</Sources>");
	out.push("</Project>", "");
	return out.join("\n");
}

/** The files of the archive: `project.qde`, and each source's text under `sources/`. */
export function qdpxEntries(p: QdpxProject): ZipEntry[] {
	const enc = new TextEncoder();
	return [{ name: "project.qde", data: enc.encode(projectQde(p)) }, ...p.sources.map((s) => ({ name: `sources/${s.guid}.txt`, data: enc.encode(s.plainText) }))];
}

/** The `.qdpx` file's bytes. */
export function qdpxArchive(p: QdpxProject): Uint8Array {
	return zipStored(qdpxEntries(p));
}
