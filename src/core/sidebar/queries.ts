/**
 * The sidebar's questions beyond the summary's counts: which passages sit
 * behind a row, how the mix of emotion processes moves across a client's
 * sessions and within one session, which response came just before each
 * emotion, what waits for supervision. Pure: records in, plain data out.
 */
import type { NoteRecord, Occurrence } from "../note/note";
import type { RatingKey } from "../note/properties";
import { type Family, type ProcessOrUnclassified, familyDef, isFamily, labelFor } from "../vocabulary/families";

/** One tagged place in a note: what a passage link opens. */
export interface OccurrenceRef {
	path: string;
	/** File name without `.md`. */
	name: string;
	/** The note's date, if it has one. */
	date?: string;
	/** 0-based line. */
	line: number;
	/** The tag as written, without `#`. */
	tag: string;
	/** Headings above the tag, outermost first. */
	headings: readonly string[];
	/** True for a tag in the `tags` property. */
	inProperties: boolean;
}

function refOf(rec: NoteRecord, o: Occurrence): OccurrenceRef {
	return { path: rec.path, name: rec.name, date: rec.props.date, line: o.line, tag: o.tag, headings: o.headings, inProperties: o.inProperties };
}

/** Oldest first, undated last, then by path and line: the order a reader meets them. */
function byDatePathLine(a: OccurrenceRef, b: OccurrenceRef): number {
	const da = a.date ?? "\uffff";
	const db = b.date ?? "\uffff";
	if (da !== db) return da < db ? -1 : 1;
	if (a.path !== b.path) return a.path < b.path ? -1 : 1;
	return a.line - b.line;
}

/** Which response or empathy mode came just before an emotion; `none` when nothing did. */
export type AntecedentKey = string;

/** The key of emotions with no response or empathy mode before them in their note. */
export const NO_ANTECEDENT: AntecedentKey = "none";

/** The key for a response or empathy occurrence, e.g. `response/conjecture`. */
export function antecedentKey(o: Pick<Occurrence, "family" | "value">): AntecedentKey {
	return `${o.family}/${o.value}`;
}

/** Words for an antecedent key: "Empathic conjecture (response)". */
export function antecedentLabel(key: AntecedentKey): string {
	if (key === NO_ANTECEDENT) return "None coded before";
	const slash = key.indexOf("/");
	const family = key.slice(0, slash);
	const label = labelFor(key.slice(slash + 1));
	return isFamily(family) && familyDef(family).antecedent === "value and family" ? `${label} (${familyDef(family).label.toLowerCase()})` : label;
}

/**
 * For each client emotion occurrence of a note, the empathic response or
 * empathy mode coded last before it in the same note. Tags in the properties
 * belong to the note as a whole, so nothing comes before them.
 */
export function emotionAntecedents(rec: NoteRecord): { occurrence: Occurrence; antecedent: AntecedentKey }[] {
	const out: { occurrence: Occurrence; antecedent: AntecedentKey }[] = [];
	let last: AntecedentKey = NO_ANTECEDENT;
	for (const o of rec.occurrences) {
		if (o.inProperties) {
			if (o.family === "emotion") out.push({ occurrence: o, antecedent: NO_ANTECEDENT });
			continue;
		}
		if (familyDef(o.family).antecedent !== undefined) last = antecedentKey(o);
		else if (o.family === "emotion") out.push({ occurrence: o, antecedent: last });
	}
	return out;
}

/** What the sidebar lists passages for. */
export type Selection =
	| { kind: "emotion"; emotion: string; process: ProcessOrUnclassified }
	| { kind: "antecedent"; antecedent: AntecedentKey; process: ProcessOrUnclassified }
	| { kind: "resonance"; emotion: string }
	/** One value of a family (with compassion's direction, when given); `where` names the section that lists it. */
	| { kind: "code"; family: Family; value: string; direction?: string; where: string }
	/** Every client emotion of one class, whatever its word (the codebook's class terms). */
	| { kind: "class"; process: ProcessOrUnclassified }
	/** The moves of one word that share a passage with a client emotion of one class. */
	| { kind: "move-class"; move: string; process: ProcessOrUnclassified };

/** Whether two selections are the same row or cell. */
export function sameSelection(a: Selection | undefined, b: Selection | undefined): boolean {
	return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** The passages behind a selected row or cell, oldest first. */
export function passagesOf(records: Iterable<NoteRecord>, sel: Selection): OccurrenceRef[] {
	const out: OccurrenceRef[] = [];
	for (const rec of records) {
		if (rec.unreadable) continue;
		if (sel.kind === "antecedent") {
			for (const a of emotionAntecedents(rec)) {
				if (a.antecedent === sel.antecedent && a.occurrence.process === sel.process) out.push(refOf(rec, a.occurrence));
			}
			continue;
		}
		if (sel.kind === "move-class") {
			const passages = new Set<number>();
			for (const o of rec.occurrences) if (o.family === "emotion" && o.passage !== undefined && (o.process ?? "unclassified") === sel.process) passages.add(o.passage);
			for (const o of rec.occurrences) if (o.family === "process" && o.value === sel.move && o.passage !== undefined && passages.has(o.passage)) out.push(refOf(rec, o));
			continue;
		}
		if (sel.kind === "class") {
			for (const o of rec.occurrences) if (o.family === "emotion" && (o.process ?? "unclassified") === sel.process) out.push(refOf(rec, o));
			continue;
		}
		if (sel.kind === "code") {
			for (const o of rec.occurrences) {
				if (o.family === sel.family && o.value === sel.value && (sel.direction === undefined || o.direction === sel.direction)) out.push(refOf(rec, o));
			}
			continue;
		}
		for (const o of rec.occurrences) {
			if (sel.kind === "emotion" ? o.family === "emotion" && o.value === sel.emotion && o.process === sel.process : o.family === "resonance" && o.value === sel.emotion) {
				out.push(refOf(rec, o));
			}
		}
	}
	return out.sort(byDatePathLine);
}

/** Occurrences per process class, every class present. */
export type ProcessCounts = Record<ProcessOrUnclassified, number>;

export function zeroCounts(): ProcessCounts {
	return { "primary-adaptive": 0, "primary-maladaptive": 0, secondary: 0, instrumental: 0, unclassified: 0 };
}

/** One client emotion in a session's reading order. */
export interface SequenceStep extends OccurrenceRef {
	emotion: string;
	process: ProcessOrUnclassified;
	/** The response or empathy mode coded just before it. */
	antecedent: AntecedentKey;
}

/** The client emotions of one note in reading order (property tags first, as the note lists them). */
export function withinSession(rec: NoteRecord): SequenceStep[] {
	return emotionAntecedents(rec).map(({ occurrence: o, antecedent }) => ({
		...refOf(rec, o), emotion: o.value, process: o.process ?? "unclassified", antecedent,
	}));
}

/** One row of the responses-and-emotions table. */
export interface AntecedentRow {
	antecedent: AntecedentKey;
	label: string;
	/** Emotion occurrences per process class that followed it. */
	counts: ProcessCounts;
	total: number;
}

/** Response kind (or empathy mode) by process class of the emotion that followed. Rows by total, `none` last. */
export function antecedentTable(records: Iterable<NoteRecord>): AntecedentRow[] {
	function* counts(): Iterable<[AntecedentKey, ProcessOrUnclassified, number]> {
		for (const rec of records) {
			if (rec.unreadable) continue;
			for (const { occurrence, antecedent } of emotionAntecedents(rec)) yield [antecedent, occurrence.process ?? "unclassified", 1];
		}
	}
	return antecedentRows(counts());
}

/** The responses-and-emotions table from counts of (antecedent, class): rows by total, `none` last. */
export function antecedentRows(counts: Iterable<[AntecedentKey, ProcessOrUnclassified, number]>): AntecedentRow[] {
	const rows = new Map<AntecedentKey, AntecedentRow>();
	for (const [antecedent, process, n] of counts) {
		let row = rows.get(antecedent);
		if (!row) rows.set(antecedent, (row = { antecedent, label: antecedentLabel(antecedent), counts: zeroCounts(), total: 0 }));
		row.counts[process] += n;
		row.total += n;
	}
	return [...rows.values()].sort((a, b) => Number(a.antecedent === NO_ANTECEDENT) - Number(b.antecedent === NO_ANTECEDENT) || b.total - a.total || a.label.localeCompare(b.label));
}

/** Notes by date, oldest first and undated last, then by path: the order in which they waited. */
function oldestNoteFirst(a: { date?: string; path: string }, b: { date?: string; path: string }): number {
	return (a.date ?? "\uffff").localeCompare(b.date ?? "\uffff") || a.path.localeCompare(b.path);
}

/** A note whose `review` is `requested`. */
export interface ReviewItem {
	path: string;
	name: string;
	date?: string;
	client?: string;
	clinician?: string;
}

/** Notes waiting for review, oldest first (they have waited longest). */
export function reviewQueue(records: Iterable<NoteRecord>): ReviewItem[] {
	const out: ReviewItem[] = [];
	for (const rec of records) {
		if (rec.unreadable || rec.props.review !== "requested") continue;
		out.push({ path: rec.path, name: rec.name, date: rec.props.date, client: rec.props.client, clinician: rec.props.clinician });
	}
	return out.sort(oldestNoteFirst);
}

/** An open supervisor comment. */
export interface CommentRef {
	path: string;
	name: string;
	date?: string;
	/** 0-based line of the callout. */
	line: number;
	/** Its first line of text. */
	text: string;
}

/** Open (unresolved) supervisor comments, oldest note first, in reading order. */
export function openComments(records: Iterable<NoteRecord>): CommentRef[] {
	const out: CommentRef[] = [];
	for (const rec of records) {
		if (rec.unreadable) continue;
		for (const c of rec.comments) {
			if (!c.resolved) out.push({ path: rec.path, name: rec.name, date: rec.props.date, line: c.line, text: c.text });
		}
	}
	return out.sort((a, b) => oldestNoteFirst(a, b) || a.line - b.line);
}

/** The ratings of one note. */
export interface RatingPoint {
	path: string;
	name: string;
	date?: string;
	ratings: Partial<Record<RatingKey, number>>;
}

/** Ratings over time for one client or clinician. */
export interface RatingSeries {
	/** Whose ratings: "Client C-101" or "Clinician Dr. Ada Lindqvist". */
	label: string;
	points: RatingPoint[];
}

/**
 * The six ratings over time. In a client's scope: that client's. Otherwise
 * one series per clinician, since ratings describe a clinician's work.
 */
export function ratingsOverTime(records: Iterable<NoteRecord>, client?: string): RatingSeries[] {
	const groups = new Map<string, RatingSeries>();
	for (const rec of records) {
		const r = rec.props.ratings;
		if (rec.unreadable || !r || Object.keys(r).length === 0) continue;
		const label = client !== undefined ? `Client ${client}` : rec.props.clinician ? `Clinician ${rec.props.clinician}` : "No clinician named";
		let g = groups.get(label);
		if (!g) groups.set(label, (g = { label, points: [] }));
		g.points.push({ path: rec.path, name: rec.name, date: rec.props.date, ratings: { ...r } });
	}
	for (const g of groups.values()) g.points.sort(oldestNoteFirst);
	return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** Short column names for the six ratings. */
export const RATING_LABELS: Readonly<Record<RatingKey, string>> = Object.freeze({
	"rating-empathy": "Empathy",
	"rating-congruence": "Congruence",
	"rating-warmth": "Warmth",
	"rating-compassion": "Compassion",
	"rating-responsiveness": "Responsiveness",
	"rating-presence": "Presence",
});
