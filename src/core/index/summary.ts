/**
 * Summary queries over the index, with the filters of FORMAT.md section 6.
 * The sidebar and `attune summarize` both call `summarize`: one core, one answer.
 */
import { type Diagnostic, type NoteRecord, isCodingCopy } from "../note/note";
import { inFolder, normalizeFolder } from "../vault-paths";
import { DEFAULT_VOCABULARY, FAMILIES, FAMILY_TABLE, type Family, PROCESS_ORDER, type ProcessOrUnclassified, familyDef, isFamily, perFamily } from "../vocabulary/families";
import { CLASS_KEY, MODALITY_KEY, MODE_MODALITY_KEY, MOVE_CLASS_KEY, editDistance, splitCountKey } from "../vocabulary/tags";
import type { Vocabulary } from "../vocabulary/vocabulary";
import type { NoteIndex, Tally } from "./index";

/** Which notes a summary covers. Every field is optional; all given must hold. */
export interface SummaryFilter {
	/** Client code (case-insensitive; a link counts by its target's name). */
	client?: string;
	/** Inclusive `YYYY-MM-DD`; undated notes are dropped when set. */
	from?: string;
	/** Inclusive `YYYY-MM-DD`; undated notes are dropped when set. */
	to?: string;
	/** Vault folder, `/`-separated; notes in it and below it. */
	folder?: string;
	/** `note-type` property value. */
	noteType?: string;
	/** A single note's path. */
	path?: string;
}

/** One counted value of one family: the same shape for every family. */
export interface SummaryRow {
	family: Family;
	/** The tag value, lowercase. */
	value: string;
	/** For client emotions, the class. */
	process?: ProcessOrUnclassified;
	/** For compassion, the direction: `self`, `other` or `unspecified`. */
	direction?: string;
	/** Occurrences. */
	count: number;
	/** Notes holding it. */
	notes: number;
}

/** A process class's share of all client emotion occurrences. */
export interface ProcessShare { process: ProcessOrUnclassified; count: number; notes: number; share: number }

/** What a filter's notes hold: the counts of every family, and what needs attention. */
export interface Summary {
	/** Markdown notes summarized, after the filters. */
	notes: number;
	/** Each family's values, most used first. */
	rows: Record<Family, SummaryRow[]>;
	/** Client emotion by process class, in the order of the classes. */
	processShares: ProcessShare[];
	supervisorComments: { open: number; resolved: number };
	/**
	 * For each class (unclassified included), each move's occurrences that share
	 * a passage with a client emotion of that class (FORMAT.md section 2), every
	 * move of the vocabulary in force, zero included. Empty when emotions or
	 * moves are switched off.
	 */
	movesByClass: Partial<Record<ProcessOrUnclassified, Record<string, number>>>;
	/**
	 * For each `modality` of the scope's notes, and for notes without one
	 * (`modality: null`, always listed), the notes and each empathy mode's
	 * occurrences, zero included. Empty when empathy modes are switched off.
	 */
	modesByModality: ModalityModes[];
	diagnostics: Diagnostic[];
	/**
	 * What a reader of this summary must know about its scope, in sentences: notes
	 * that might belong to it but could not be placed, or that nothing matched.
	 */
	warnings: string[];
	/**
	 * Coding copies (notes with `coding-of`) in the scope that were left out,
	 * so that no session counts twice (version 1.10). A warning names them.
	 */
	codingCopies: number;
}

/** The empathy modes of the notes of one modality. */
export interface ModalityModes {
	/** The `modality` property as written, or null for notes without one. */
	modality: string | null;
	/** Notes of the scope with this modality. */
	notes: number;
	/** Occurrences of each empathy mode, zero included. */
	modes: Record<string, number>;
}

/** Whether a record passes a filter. */
export function matchesFilter(rec: NoteRecord, f: SummaryFilter): boolean {
	if (f.path !== undefined && rec.path !== f.path) return false;
	if (f.client !== undefined && (rec.props.client ?? "").toLowerCase() !== f.client.toLowerCase()) return false;
	if (f.noteType !== undefined && f.noteType !== "" && (rec.props.noteType ?? "") !== f.noteType.toLowerCase()) return false;
	if (f.folder !== undefined) {
		const folder = normalizeFolder(f.folder);
		if (folder !== "" && rec.folder !== folder && !rec.folder.startsWith(folder + "/")) return false;
	}
	if (f.from !== undefined || f.to !== undefined) {
		const d = rec.props.date;
		if (!d) return false;
		if (f.from !== undefined && d < f.from) return false;
		if (f.to !== undefined && d > f.to) return false;
	}
	return true;
}

function isEmptyFilter(f: SummaryFilter): boolean {
	return Object.values(f).every((v) => v === undefined || v === "");
}

/** Whether a filter asks about properties (client, dates, note type), which an unreadable note cannot answer. */
function asksProperties(f: SummaryFilter): boolean {
	return (f.client !== undefined && f.client !== "") || f.from !== undefined || f.to !== undefined || (f.noteType !== undefined && f.noteType !== "");
}

/** Whether a record passes the parts of a filter that need no properties: its path and folder. */
function inPlace(rec: NoteRecord, f: SummaryFilter): boolean {
	return matchesFilter(rec, { path: f.path, folder: f.folder });
}

/**
 * Whether a note could not be placed by a filter that asks about properties,
 * yet sits where the filter looks: unreadable, or with properties that are
 * not valid YAML. A summary lists such a note's diagnostics in the scope.
 */
function unplaceable(rec: NoteRecord, f: SummaryFilter): boolean {
	return asksProperties(f) && (rec.unreadable === true || rec.propertiesError !== undefined) && inPlace(rec, f);
}

/**
 * Whether a summary of the filter lists this note's diagnostics: the filter
 * selects it, or it could not be placed and might belong (see `summarize`).
 * What "Needs attention" and `attune verify` show of a scope: a scope never hides a note.
 */
export function diagnosedIn(rec: NoteRecord, f: SummaryFilter): boolean {
	return matchesFilter(rec, f) || unplaceable(rec, f);
}

/** How a summary is worded for its reader. */
export interface SummaryOptions {
	/** The folder a client's session notes go to (from the settings' pattern), to say which unplaced notes sit there. */
	clientFolder?: (client: string) => string | undefined;
	/**
	 * The vocabulary in force: every word of a closed family then has a row,
	 * zero included, since 0 is information for a supervisor ("person empathy
	 * never coded"). The JSON document leaves zero rows out, as format 1 did.
	 */
	vocab?: Vocabulary;
	/**
	 * The vault's excluded files (Settings, Files and links), as a test on a
	 * vault path: a folder scope inside them matches nothing, and the warning
	 * says why rather than "no note matches".
	 */
	excluded?: (path: string) => boolean;
	/** Attune's export folder, never counted: a folder scope inside it says so. */
	exportFolder?: string;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * Notes a filter by properties cannot place: unreadable files, and notes whose
 * properties are not valid YAML. They might belong to the scope, so their
 * diagnostics are listed in it, worded for it, with a warning that says so.
 */
function unplaced(index: NoteIndex, filter: SummaryFilter, selected: ReadonlySet<string>, options: SummaryOptions, diagnostics: Diagnostic[], warnings: string[]): void {
	if (!asksProperties(filter)) return;
	const badYaml: NoteRecord[] = [];
	const unreadable: NoteRecord[] = [];
	for (const r of index.diagnosed()) {
		if (selected.has(r.path) || !unplaceable(r, filter)) continue;
		if (r.unreadable) unreadable.push(r);
		else badYaml.push(r);
		for (const d of r.diagnostics) {
			diagnostics.push(d.code !== "invalid-frontmatter" ? d : {
				...d,
				message: `The properties at the top of this note are not valid YAML (${r.propertiesError ?? "unknown error"}), so its client, date and note type are unknown and it could not be placed in this scope. Fix them and it will be counted.`,
			});
		}
	}
	if (badYaml.length > 0) {
		const paths = badYaml.map((r) => r.path).sort();
		let line = `${badYaml.length} ${plural(badYaml.length, "note", "notes")} could not be placed in this scope because ${plural(badYaml.length, "its", "their")} properties are not valid YAML: ${paths.join(", ")}. Fix them and ${plural(badYaml.length, "it", "they")} will be counted.`;
		const folder = filter.client !== undefined ? options.clientFolder?.(filter.client) : undefined;
		if (folder !== undefined && folder !== "") {
			const there = paths.filter((p) => p.startsWith(`${folder}/`));
			if (there.length === paths.length) line += ` ${plural(there.length, "It sits", "They sit")} in ${filter.client}'s session folder (${folder}).`;
			else if (there.length > 0) line += ` In ${filter.client}'s session folder (${folder}): ${there.join(", ")}.`;
		}
		warnings.push(line);
	}
	if (unreadable.length > 0) {
		const paths = unreadable.map((r) => r.path).sort();
		warnings.push(`${unreadable.length} ${plural(unreadable.length, "note", "notes")} could not be read, so whether ${plural(unreadable.length, "it belongs", "they belong")} in this scope is unknown: ${paths.join(", ")}.`);
	}
}

/** Says that nothing matched, and for a client code, which known codes are near it. */
function nothingMatched(index: NoteIndex, filter: SummaryFilter, options: SummaryOptions, warnings: string[]): void {
	const parts: string[] = [];
	const asFolder = filter.folder !== undefined && filter.folder !== "" ? filter.folder.replace(/\/?$/, "/") : undefined;
	if (asFolder !== undefined && options.exportFolder !== undefined && inFolder(asFolder, options.exportFolder)) {
		parts.push(`The folder “${filter.folder}” is in Attune's export folder (“${options.exportFolder}”), whose de-identified copies are never counted: they would count each note twice.`);
	} else if (asFolder !== undefined && options.excluded?.(asFolder)) {
		parts.push(`The folder “${filter.folder}” is in the vault's excluded files (Settings, Files and links, Excluded files), so its notes are not read. Remove it from there to count them.`);
	}
	if (filter.client !== undefined) {
		const asLink = /^\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\]$/.exec(filter.client.trim());
		const codes = index.clients().map((c) => c.client);
		const wanted = (asLink?.[1] ?? filter.client).trim();
		const near = nearestCodes(wanted, codes);
		parts.push(`No note has the client “${filter.client}”.`);
		if (asLink) parts.push(`Write the client code without the link brackets: ${wanted}.`);
		else if (near.length > 0) parts.push(`Known client codes near it: ${near.join(", ")}.`);
		else if (codes.length > 0) parts.push(`Known client codes: ${codes.slice(0, 5).join(", ")}${codes.length > 5 ? ", ..." : ""}.`);
	}
	if (parts.length === 0) parts.push("No note matches this scope.");
	if (filter.from !== undefined || filter.to !== undefined) parts.push(`The dates asked for: ${filter.from ?? "any"} to ${filter.to ?? "any"}.`);
	warnings.push(parts.join(" "));
}

/** Up to three codes closest to a typed one (case ignored). */
function nearestCodes(wanted: string, codes: readonly string[]): string[] {
	const w = wanted.toLowerCase();
	return codes
		.map((c) => ({ c, d: editDistance(w, c.toLowerCase()) }))
		.filter((x) => x.d <= Math.max(2, Math.floor(w.length / 2)))
		.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
		.slice(0, 3)
		.map((x) => x.c);
}

/** The records a filter selects, using the client map when it can. */
export function selectNotes(index: NoteIndex, filter: SummaryFilter): NoteRecord[] {
	if (filter.path !== undefined) {
		const r = index.get(filter.path);
		return r && matchesFilter(r, filter) ? [r] : [];
	}
	const pool = filter.client !== undefined ? index.ofClient(filter.client) : index.all();
	const out: NoteRecord[] = [];
	for (const r of pool) if (matchesFilter(r, filter)) out.push(r);
	return out;
}

/**
 * The notes a summary of a scope counts, and the coding copies it leaves out:
 * a copy (`coding-of`) is a second coding of a session that its original
 * already counts. A scope of one note (`path`) counts that note, copy or not,
 * since it was asked for by name.
 */
export function scopeNotes(index: NoteIndex, filter: SummaryFilter): { counted: NoteRecord[]; codingCopies: NoteRecord[] } {
	const counted: NoteRecord[] = [];
	const codingCopies: NoteRecord[] = [];
	for (const r of selectNotes(index, filter)) (filter.path === undefined && isCodingCopy(r) ? codingCopies : counted).push(r);
	return { counted, codingCopies };
}

/** The sentence that says which coding copies a summary left out, never silently. */
function copiesLeftOut(copies: readonly NoteRecord[], warnings: string[]): void {
	if (copies.length === 0) return;
	const paths = copies.map((r) => r.path).sort();
	warnings.push(`${copies.length} coding ${plural(copies.length, "copy", "copies")} (${plural(copies.length, "a note", "notes")} with coding-of, a second coder's coding of a session) ${plural(copies.length, "is", "are")} left out of this summary, so that no session counts twice: ${paths.join(", ")}. To compare a copy with its original, use "Compare coding" or attune agree.`);
}

/** Summarizes the notes a filter selects. The unfiltered vault is answered from running totals. */
export function summarize(index: NoteIndex, filter: SummaryFilter = {}, options: SummaryOptions = {}): Summary {
	let totals: ReadonlyMap<string, Tally>;
	let notes: number;
	let comments: { open: number; resolved: number };
	const diagnostics: Diagnostic[] = [];
	const warnings: string[] = [];
	let copies: NoteRecord[];
	if (isEmptyFilter(filter)) {
		totals = index.vaultTotals;
		notes = index.readableCount;
		comments = index.vaultComments;
		for (const r of index.diagnosed()) for (const d of r.diagnostics) diagnostics.push(d);
		copies = [...index.codingCopies()];
	} else {
		const scoped = scopeNotes(index, filter);
		const sel = scoped.counted;
		copies = scoped.codingCopies;
		// A copy is left out of the counts, not out of sight: its problems are still listed.
		for (const r of copies) for (const d of r.diagnostics) diagnostics.push(d);
		// Counts are added in arrays indexed by key number: many notes, few keys.
		const size = index.keyCount;
		const count = new Float64Array(size);
		const inNotes = new Int32Array(size);
		notes = 0;
		comments = { open: 0, resolved: 0 };
		for (const r of sel) {
			for (const d of r.diagnostics) diagnostics.push(d);
			if (r.unreadable) continue;
			notes++;
			const t = index.tallyOf(r.path);
			if (!t) continue;
			for (let i = 0; i < t.length; i += 2) {
				const id = t[i]!;
				count[id]! += t[i + 1]!;
				inNotes[id]!++;
			}
			for (const c of r.comments) c.resolved ? comments.resolved++ : comments.open++;
		}
		const acc = new Map<string, Tally>();
		for (let id = 0; id < size; id++) if (inNotes[id]! > 0) acc.set(index.keyOf(id), { count: count[id]!, notes: inNotes[id]! });
		totals = acc;
		if (sel.length === 0 && copies.length === 0 && filter.path === undefined) nothingMatched(index, filter, options, warnings);
		unplaced(index, filter, new Set([...sel, ...copies].map((r) => r.path)), options, diagnostics, warnings);
	}
	copiesLeftOut(copies, warnings);
	const s = buildSummary(totals, notes, comments, diagnostics, warnings, copies.length, options.vocab);
	if (options.vocab) addZeroRows(s, options.vocab);
	return s;
}

/** A zero row for every closed family's word that nothing in the scope used, after the used ones. */
function addZeroRows(s: Summary, vocab: Vocabulary): void {
	for (const def of FAMILY_TABLE) {
		// A family switched off is no family of this vault: no rows, not even zero.
		if (def.open || !vocab.on[def.key]) continue;
		const rows = s.rows[def.key];
		const seen = new Set(rows.map((r) => r.value));
		for (const w of vocab.words[def.key]) if (!seen.has(w)) rows.push({ family: def.key, value: w, count: 0, notes: 0 });
	}
}

/** Builds the summary's rows from tallies per key. */
function buildSummary(totals: ReadonlyMap<string, Tally>, notes: number, comments: { open: number; resolved: number }, diagnostics: Diagnostic[], warnings: string[], codingCopies: number, vocab?: Vocabulary): Summary {
	const rows = perFamily((): SummaryRow[] => []);
	const byProcess = new Map<string, Tally>();
	const words = vocab?.words ?? DEFAULT_VOCABULARY;
	const on = (f: Family) => vocab?.on[f] ?? true;
	const movesByClass: Summary["movesByClass"] = {};
	if (on("emotion") && on("process")) for (const p of PROCESS_ORDER) movesByClass[p] = zeroes(words.process);
	const modalities = new Map<string, ModalityModes>();
	const modality = (m: string) => {
		let row = modalities.get(m);
		if (!row) modalities.set(m, (row = { modality: m === "" ? null : m, notes: 0, modes: zeroes(words.empathy) }));
		return row;
	};
	if (on("empathy")) modality("");
	for (const [key, t] of totals) {
		const { family, value, process } = splitCountKey(key);
		if (family === CLASS_KEY) byProcess.set(value, t);
		else if (isFamily(family)) rows[family].push(summaryRow(family, value, process, t));
		else if (family === MOVE_CLASS_KEY) {
			const byMove = movesByClass[process as ProcessOrUnclassified];
			if (byMove) byMove[value] = (byMove[value] ?? 0) + t.count;
		} else if (!on("empathy")) continue;
		else if (family === MODALITY_KEY) modality(value).notes += t.count;
		else if (family === MODE_MODALITY_KEY && process !== undefined) {
			const modes = modality(value).modes;
			modes[process] = (modes[process] ?? 0) + t.count;
		}
	}
	// By name, as a reader looks one up; notes without a modality last.
	const modesByModality = [...modalities.values()].sort((a, b) => Number(a.modality === null) - Number(b.modality === null) || (a.modality ?? "").localeCompare(b.modality ?? ""));
	for (const f of FAMILIES) rows[f].sort(byCountThenValue);
	const total = rows.emotion.reduce((n, r) => n + r.count, 0);
	const processShares: ProcessShare[] = PROCESS_ORDER.map((p) => {
		const t = byProcess.get(p) ?? { count: 0, notes: 0 };
		return { process: p, count: t.count, notes: t.notes, share: total === 0 ? 0 : t.count / total };
	});
	diagnostics.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
	return { notes, rows, processShares, supervisorComments: { ...comments }, movesByClass, modesByModality, diagnostics, warnings, codingCopies };
}

/** Each word, counted zero. */
function zeroes(words: readonly string[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const w of words) out[w] = 0;
	return out;
}

/** A summary row from its key's parts: the key's third part is the family's qualifier (a class, a direction). */
function summaryRow(family: Family, value: string, qualifier: string | undefined, t: Tally): SummaryRow {
	const row: SummaryRow = { family, value, count: t.count, notes: t.notes };
	const q = familyDef(family).qualifier;
	if (q && qualifier !== undefined) {
		if (q.field === "process") row.process = qualifier as ProcessOrUnclassified;
		else row.direction = qualifier;
	}
	return row;
}

/** A row's qualifier, when its family has one. */
export function qualifierOf(r: SummaryRow): string | undefined {
	return r.process ?? r.direction;
}

/** Where a qualifier sorts: in the order of its words, its "none" last. */
function qualifierRank(r: SummaryRow): number {
	const q = familyDef(r.family).qualifier;
	const v = qualifierOf(r);
	if (!q || v === undefined) return 0;
	const i = q.words.indexOf(v);
	return i < 0 ? q.words.length : i;
}

/** Most used first, then by value, then (for emotions) in the order of the classes, (for compassion) of the directions. */
export function byCountThenValue(a: SummaryRow, b: SummaryRow): number {
	return b.count - a.count || a.value.localeCompare(b.value) || qualifierRank(a) - qualifierRank(b);
}

/** A row of the JSON document: counts, and the value under the family's field name. */
interface JsonCounts { count: number; notes: number }

/**
 * The summary as `attune summarize --format json` prints it (FORMAT.md
 * section 6). Each family's list sits under its name in the families table,
 * each row's value under the family's field; the five lists of format 1.0
 * are typed here for the readers that know them.
 */
export interface SummaryJson {
	format: 1;
	notes: number;
	emotions: (JsonCounts & { emotion: string; process: ProcessOrUnclassified })[];
	resonance: (JsonCounts & { emotion: string })[];
	empathy: (JsonCounts & { mode: string })[];
	responses: (JsonCounts & { kind: string })[];
	processes: (JsonCounts & { move: string })[];
	processShares: ProcessShare[];
	supervisorComments: { open: number; resolved: number };
	diagnostics: Diagnostic[];
	/** Format 1.1: sentences about the scope (notes it could not place, or that nothing matched). */
	warnings: string[];
	/** Format 1.9: each class's moves that share a passage with an emotion of that class. */
	movesByClass: Summary["movesByClass"];
	/** Format 1.9: empathy modes by the notes' `modality`. */
	modesByModality: ModalityModes[];
	/** Format 1.10: coding copies in the scope, left out of every count (a warning names them). */
	codingCopies: number;
	/** Lists of families added later, by their names in the families table. */
	[list: string]: unknown;
}

/** The JSON document of a summary, keys in the order FORMAT.md section 6 lists them. */
export function summaryJson(s: Summary): SummaryJson {
	const out: Record<string, unknown> = { format: 1, notes: s.notes };
	for (const def of FAMILY_TABLE) {
		const q = def.qualifier;
		out[def.summary.list] = s.rows[def.key].filter((r) => r.count > 0).map((r) => (q === undefined
			? { [def.summary.field]: r.value, count: r.count, notes: r.notes }
			: { [def.summary.field]: r.value, [q.field]: qualifierOf(r) ?? q.none, count: r.count, notes: r.notes }));
	}
	out.processShares = s.processShares;
	out.supervisorComments = s.supervisorComments;
	out.movesByClass = s.movesByClass;
	out.modesByModality = s.modesByModality;
	out.diagnostics = s.diagnostics;
	out.warnings = s.warnings;
	out.codingCopies = s.codingCopies;
	return out as SummaryJson;
}
