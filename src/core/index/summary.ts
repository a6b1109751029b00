/**
 * Summary queries over the index, with the filters of FORMAT.md section 6.
 * The sidebar and `attune summarize` both call `summarize`: one core, one answer.
 */
import type { Diagnostic, NoteRecord } from "../note/note";
import { PROCESS_ORDER, type ProcessOrUnclassified } from "../vocabulary/families";
import { NoteIndex, type Tally } from "./index";
import { keyCount, keyOfId } from "./keys";

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

export interface EmotionRow { emotion: string; process: ProcessOrUnclassified; count: number; notes: number }

export interface ResonanceRow { emotion: string; count: number; notes: number }

export interface EmpathyRow { mode: string; count: number; notes: number }

export interface ResponseRow { kind: string; count: number; notes: number }

export interface MoveRow { move: string; count: number; notes: number }

/** A process class's share of all client emotion occurrences. */
export interface ProcessShare { process: ProcessOrUnclassified; count: number; notes: number; share: number }

/** The summary, as `summarize --format json` prints it (FORMAT.md section 6). */
export interface Summary {
	format: 1;
	/** Markdown notes summarized, after the filters. */
	notes: number;
	emotions: EmotionRow[];
	resonance: ResonanceRow[];
	empathy: EmpathyRow[];
	responses: ResponseRow[];
	processes: MoveRow[];
	/** Client emotion by process class, in the order of the classes. */
	processShares: ProcessShare[];
	supervisorComments: { open: number; resolved: number };
	diagnostics: Diagnostic[];
}

/** Normalizes a folder filter: no leading/trailing slashes. */
function normFolder(f: string): string {
	return f.replace(/\\/g, "/").replace(/^\/+|\/+$/g, "");
}

/** Whether a record passes a filter. */
export function matchesFilter(rec: NoteRecord, f: SummaryFilter): boolean {
	if (f.path !== undefined && rec.path !== f.path) return false;
	if (f.client !== undefined && (rec.props.client ?? "").toLowerCase() !== f.client.toLowerCase()) return false;
	if (f.noteType !== undefined && f.noteType !== "" && (rec.props.noteType ?? "") !== f.noteType.toLowerCase()) return false;
	if (f.folder !== undefined) {
		const folder = normFolder(f.folder);
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

/** Summarizes the notes a filter selects. The unfiltered vault is answered from running totals. */
export function summarize(index: NoteIndex, filter: SummaryFilter = {}): Summary {
	let totals: ReadonlyMap<string, Tally>;
	let notes: number;
	let comments: { open: number; resolved: number };
	const diagnostics: Diagnostic[] = [];
	if (isEmptyFilter(filter)) {
		totals = index.vaultTotals;
		notes = index.readableCount;
		comments = index.vaultComments;
		for (const r of index.diagnosed()) for (const d of r.diagnostics) diagnostics.push(d);
	} else {
		const sel = selectNotes(index, filter);
		// Counts are added in arrays indexed by key number: many notes, few keys.
		const size = keyCount();
		const count = new Float64Array(size);
		const inNotes = new Int32Array(size);
		notes = 0;
		comments = { open: 0, resolved: 0 };
		for (const r of sel) {
			for (const d of r.diagnostics) diagnostics.push(d);
			if (r.unreadable) continue;
			notes++;
			const t = NoteIndex.tallyOf(r);
			if (!t) continue;
			for (let i = 0; i < t.length; i += 2) {
				count[t[i]] += t[i + 1];
				inNotes[t[i]]++;
			}
			for (const c of r.comments) c.resolved ? comments.resolved++ : comments.open++;
		}
		const acc = new Map<string, Tally>();
		for (let id = 0; id < size; id++) if (inNotes[id] > 0) acc.set(keyOfId(id), { count: count[id], notes: inNotes[id] });
		totals = acc;
	}
	return buildSummary(totals, notes, comments, diagnostics);
}

/** Builds the summary's lists from tallies per key. */
function buildSummary(totals: ReadonlyMap<string, Tally>, notes: number, comments: { open: number; resolved: number }, diagnostics: Diagnostic[]): Summary {
	const s: Summary = {
		format: 1, notes, emotions: [], resonance: [], empathy: [], responses: [], processes: [], processShares: [],
		supervisorComments: { ...comments }, diagnostics,
	};
	const byProcess = new Map<ProcessOrUnclassified, Tally>();
	for (const [key, t] of totals) {
		const parts = key.split("\u0000");
		const value = parts[1];
		switch (parts[0]) {
			case "emotion": {
				s.emotions.push({ emotion: value, process: parts[2] as ProcessOrUnclassified, count: t.count, notes: t.notes });
				break;
			}
			case "class": byProcess.set(value as ProcessOrUnclassified, t); break;
			case "resonance": s.resonance.push({ emotion: value, count: t.count, notes: t.notes }); break;
			case "empathy": s.empathy.push({ mode: value, count: t.count, notes: t.notes }); break;
			case "response": s.responses.push({ kind: value, count: t.count, notes: t.notes }); break;
			case "process": s.processes.push({ move: value, count: t.count, notes: t.notes }); break;
		}
	}
	const byCount = <T extends { count: number }>(name: (x: T) => string) => (a: T, b: T) => b.count - a.count || name(a).localeCompare(name(b));
	s.emotions.sort((a, b) => b.count - a.count || a.emotion.localeCompare(b.emotion) || PROCESS_ORDER.indexOf(a.process) - PROCESS_ORDER.indexOf(b.process));
	s.resonance.sort(byCount((x) => x.emotion));
	s.empathy.sort(byCount((x) => x.mode));
	s.responses.sort(byCount((x) => x.kind));
	s.processes.sort(byCount((x) => x.move));
	const total = s.emotions.reduce((n, r) => n + r.count, 0);
	for (const p of PROCESS_ORDER) {
		const t = byProcess.get(p) ?? { count: 0, notes: 0 };
		s.processShares.push({ process: p, count: t.count, notes: t.notes, share: total === 0 ? 0 : t.count / total });
	}
	diagnostics.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
	return s;
}
