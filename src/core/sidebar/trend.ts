/**
 * The trend: one row per dated note in a scope, oldest first, with what was
 * coded in it. Built from the index's counts and properties only, never from
 * note bodies, so the sidebar and `attune trend` give one answer (FORMAT.md
 * section 6) and a client of a hundred sessions costs a hundred small maps.
 */
import type { NoteIndex } from "../index/index";
import { type SummaryFilter, scopeNotes } from "../index/summary";
import type { NoteRecord } from "../note/note";
import { PROCESS_ORDER, type ProcessOrUnclassified } from "../vocabulary/families";
import { splitCountKey } from "../vocabulary/tags";
import { DEFAULT_VOCABULARY } from "../vocabulary/families";
import type { Vocabulary } from "../vocabulary/vocabulary";

/** The response kind that is a procedure, not an empathic response (DOMAIN.md: islands of work). */
export const PROCEDURE = "procedure";

/** One dated note of the trend. */
export interface TrendRow {
	path: string;
	/** `YYYY-MM-DD`. */
	date: string;
	session?: number;
	/** Client emotion occurrences per class, every class present (zero included). */
	classes: Record<ProcessOrUnclassified, number>;
	/** Client emotion occurrences in all. */
	emotions: number;
	/** Empathy modes coded, every mode of the vocabulary present. */
	modes: Record<string, number>;
	/** Responses: empathic ones (every kind but `procedure`) and procedures. */
	responses: { empathic: number; procedure: number };
	/** Emotion-process moves, every move of the vocabulary present. */
	moves: Record<string, number>;
	/** The measures named in settings that the note holds as numbers, by property (others are diagnostics, never 0). */
	measures: Record<string, number>;
}

/** The trend of a scope. */
export interface Trend {
	sessions: TrendRow[];
	/** Readable notes in the scope without a date: counted by `summarize`, on no session axis. */
	undated: number;
}

const zero = (words: readonly string[]): Record<string, number> => {
	const out: Record<string, number> = {};
	for (const w of words) out[w] = 0;
	return out;
};

/** Date, then session number (unnumbered last), then path: the sidebar's order. */
export function byDateSessionPath(a: { date: string; session?: number; path: string }, b: { date: string; session?: number; path: string }): number {
	if (a.date !== b.date) return a.date < b.date ? -1 : 1;
	const sa = a.session ?? Infinity;
	const sb = b.session ?? Infinity;
	if (sa !== sb) return sa < sb ? -1 : 1;
	return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** One note's row, from its counts in the index. */
export function trendRow(rec: NoteRecord, date: string, words: Vocabulary["words"] | typeof DEFAULT_VOCABULARY): TrendRow {
	const classes = zero(PROCESS_ORDER) as Record<ProcessOrUnclassified, number>;
	const modes = zero(words.empathy);
	const moves = zero(words.process);
	const responses = { empathic: 0, procedure: 0 };
	let emotions = 0;
	for (const [key, n] of rec.counts) {
		const { family, value, process } = splitCountKey(key);
		if (family === "emotion") {
			classes[(process ?? "unclassified") as ProcessOrUnclassified] += n;
			emotions += n;
		} else if (family === "empathy") modes[value] = (modes[value] ?? 0) + n;
		else if (family === "process") moves[value] = (moves[value] ?? 0) + n;
		else if (family === "response") {
			if (value === PROCEDURE) responses.procedure += n;
			else responses.empathic += n;
		}
	}
	// The index read the measures named in settings from the properties; no body is read here.
	const row: TrendRow = { path: rec.path, date, classes, emotions, modes, responses, moves, measures: { ...rec.props.measures } };
	if (rec.props.session !== undefined) row.session = rec.props.session;
	return row;
}

/**
 * The trend of the notes a filter selects: every readable dated note, in the
 * sidebar's order; undated notes are counted, never dropped silently.
 */
export function buildTrend(index: NoteIndex, filter: SummaryFilter, options: { vocab?: Vocabulary } = {}): Trend {
	return trendOf(scopeNotes(index, filter).counted, options);
}

/** The trend of given records (already filtered to a scope). */
export function trendOf(records: Iterable<NoteRecord>, options: { vocab?: Vocabulary } = {}): Trend {
	const words = options.vocab?.words ?? DEFAULT_VOCABULARY;
	const sessions: TrendRow[] = [];
	let undated = 0;
	for (const rec of records) {
		if (rec.unreadable) continue;
		const date = rec.props.date;
		if (!date) {
			undated++;
			continue;
		}
		sessions.push(trendRow(rec, date, words));
	}
	sessions.sort(byDateSessionPath);
	return { sessions, undated };
}

/** A trend as the sidebar draws it: the rows, and one emotion's count per row when one is selected. */
export interface SessionTrend extends Trend {
	/** The selected emotion's occurrences per class, one entry per row of `sessions`, in order. */
	emotion?: { emotion: string; counts: Record<ProcessOrUnclassified, number>[] };
}

/** One emotion's occurrences in a note per class, from its counts in the index. */
export function emotionByClass(rec: NoteRecord | undefined, emotion: string): Record<ProcessOrUnclassified, number> {
	const out = zero(PROCESS_ORDER) as Record<ProcessOrUnclassified, number>;
	if (!rec) return out;
	for (const [key, n] of rec.counts) {
		const { family, value, process } = splitCountKey(key);
		if (family === "emotion" && value === emotion) out[(process ?? "unclassified") as ProcessOrUnclassified] += n;
	}
	return out;
}

/** The sidebar's trend of given records (a scope's), with the strip of `emotion` when given. */
export function sessionTrend(index: NoteIndex, records: Iterable<NoteRecord>, options: { vocab?: Vocabulary; emotion?: string } = {}): SessionTrend {
	const trend: SessionTrend = trendOf(records, options);
	const emotion = options.emotion;
	if (emotion !== undefined) trend.emotion = { emotion, counts: trend.sessions.map((r) => emotionByClass(index.get(r.path), emotion)) };
	return trend;
}
