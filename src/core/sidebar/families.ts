/**
 * The sidebar's sections of the families beyond the client's emotions: the
 * therapist's side over time, the relationship's ingredients beside the
 * supervisor's ratings, compassion by direction. Counts come from the
 * summary (or, over time, from each note's counts in the index), so the
 * sidebar and `attune summarize` give one answer. Pure: plain data out.
 */
import type { Summary } from "../index/summary";
import type { NoteRecord } from "../note/note";
import { RATING_KEYS, type RatingKey } from "../note/properties";
import { familyDef, labelFor } from "../vocabulary/families";
import { splitCountKey } from "../vocabulary/tags";
import type { RatingSeries } from "./queries";

/** One note's therapist-side codes: resonance in all, and each of the therapist's processes. */
export interface ClinicianPoint {
	path: string;
	name: string;
	date?: string;
	/** Resonance occurrences, all emotion words together. */
	resonance: number;
	/** Occurrences of each therapist's process, zero included. */
	processes: Record<string, number>;
}

/** One clinician's notes that hold therapist-side codes, oldest first, undated last. */
export interface ClinicianSeries {
	/** "Clinician Dr. Ada Lindqvist", or "No clinician named". */
	label: string;
	points: ClinicianPoint[];
}

/**
 * The therapist's side per clinician over time: one point per note holding
 * resonance or a therapist's process, from each note's counts. The client's
 * emotions are never part of it.
 */
export function therapistOverTime(records: Iterable<NoteRecord>, processWords: readonly string[]): ClinicianSeries[] {
	const groups = new Map<string, ClinicianSeries>();
	for (const rec of records) {
		if (rec.unreadable) continue;
		let resonance = 0;
		let any = false;
		const processes: Record<string, number> = {};
		for (const w of processWords) processes[w] = 0;
		for (const [key, n] of rec.counts) {
			const { family, value } = splitCountKey(key);
			if (family === "resonance") resonance += n;
			else if (family === "therapist") processes[value] = (processes[value] ?? 0) + n;
			else continue;
			any = true;
		}
		if (!any) continue;
		const label = rec.props.clinician ? `Clinician ${rec.props.clinician}` : "No clinician named";
		let g = groups.get(label);
		if (!g) groups.set(label, (g = { label, points: [] }));
		g.points.push({ path: rec.path, name: rec.name, date: rec.props.date, resonance, processes });
	}
	for (const g of groups.values()) g.points.sort((a, b) => (a.date ?? "\uffff").localeCompare(b.date ?? "\uffff") || a.path.localeCompare(b.path));
	// Named clinicians by name; the notes without one last.
	return [...groups.values()].sort((a, b) => Number(a.label === "No clinician named") - Number(b.label === "No clinician named") || a.label.localeCompare(b.label));
}

/** One ingredient of the relationship: how often it was coded, and the supervisor's ratings of it in the scope. */
export interface IngredientRow {
	ingredient: string;
	label: string;
	count: number;
	notes: number;
	/** The rating property of this ingredient, when the supervisor rates it. */
	ratingKey?: RatingKey;
	/** The ratings of it in the scope: how many, and their mean. Absent when there are none. */
	rating?: { n: number; mean: number };
}

/**
 * The relationship's ingredients as the summary counts them (every word,
 * zero included when the vocabulary was given), each beside the mean of the
 * supervisor's ratings of it in the same scope.
 */
export function relationshipRows(summary: Summary, ratings: readonly RatingSeries[]): IngredientRow[] {
	return summary.rows.relationship.map((r) => {
		const row: IngredientRow = { ingredient: r.value, label: labelFor(r.value), count: r.count, notes: r.notes };
		const key = `rating-${r.value}`;
		if (!(RATING_KEYS as readonly string[]).includes(key)) return row;
		row.ratingKey = key as RatingKey;
		let n = 0;
		let sum = 0;
		for (const s of ratings) for (const p of s.points) {
			const v = p.ratings[row.ratingKey];
			if (v === undefined) continue;
			n++;
			sum += v;
		}
		if (n > 0) row.rating = { n, mean: sum / n };
		return row;
	});
}

/** One element of compassion, by direction. */
export interface CompassionRow {
	element: string;
	label: string;
	/** Occurrences for each direction and for none said (`unspecified`), zero included. */
	byDirection: Record<string, number>;
	total: number;
}

/** The directions of compassion, then the tag without one: the columns of the compassion table. */
export function compassionColumns(): { direction: string; label: string }[] {
	const q = familyDef("compassion").qualifier!;
	return [...q.words, q.none].map((d) => ({ direction: d, label: q.labels[d] ?? d }));
}

/** The five elements (every word of the vocabulary in force) by direction, in the vocabulary's order. */
export function compassionRows(summary: Summary, words: readonly string[]): CompassionRow[] {
	const columns = compassionColumns();
	const rows = new Map<string, CompassionRow>();
	const rowOf = (element: string) => {
		let row = rows.get(element);
		if (!row) {
			const byDirection: Record<string, number> = {};
			for (const c of columns) byDirection[c.direction] = 0;
			rows.set(element, (row = { element, label: labelFor(element), byDirection, total: 0 }));
		}
		return row;
	};
	for (const w of words) rowOf(w);
	for (const r of summary.rows.compassion) {
		const row = rowOf(r.value);
		if (r.direction === undefined) continue;
		row.byDirection[r.direction] = (row.byDirection[r.direction] ?? 0) + r.count;
		row.total += r.count;
	}
	return [...rows.values()];
}
