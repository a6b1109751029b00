/**
 * The sidebar's questions beyond the summary's counts: which passages sit
 * behind a row, how the mix of emotion processes moves across a client's
 * sessions and within one session, which response came just before each
 * emotion, what waits for supervision, and what needs attention.
 *
 * Pure: takes the index and `now`, returns plain data. The counts always come
 * from `summarize`, so the sidebar and `attune summarize` give one answer.
 */
import type { NoteIndex } from "./index";
import type { Diagnostic, NoteRecord, Occurrence } from "./note";
import { RATING_KEYS, type RatingKey, toIsoDate } from "./properties";
import { type Summary, type SummaryFilter, matchesFilter, selectNotes, summarize } from "./summary";
import { PROCESS_ORDER, type ProcessOrUnclassified, type ViewRange, type ViewScope, labelFor } from "./vocabulary";

/** What the sidebar shows: the settings' `view*` fields, as one value. */
export interface ScopeChoice {
	scope: ViewScope;
	/** Folder for the folder scope; empty follows the open note's folder. */
	folder: string;
	range: ViewRange;
	/** Custom range start, `YYYY-MM-DD` or empty. */
	from: string;
	/** Custom range end, `YYYY-MM-DD` or empty. */
	to: string;
	/** `note-type` to keep; empty for all. */
	noteType: string;
}

/** A scope made concrete: the filter `summarize` takes, and words for people. */
export interface ResolvedScope {
	filter: SummaryFilter;
	/** What the scope covers, e.g. "Client C-101" or "Whole vault". */
	label: string;
	/** The dates covered, e.g. "2026-02-15 to 2026-03-16", or "All dates". */
	dates: string;
	/** The client of the client scope. */
	client?: string;
	/** The note of the note scope. */
	path?: string;
	/** The folder of the folder scope (`""` is the whole vault). */
	folder?: string;
	/** Why nothing can be shown (no open note, a note without a client). */
	problem?: string;
}

/**
 * A path no note has: the filter of a scope that cannot be shown (no open
 * note), so that it selects nothing rather than reading as "no filter".
 */
const NO_NOTE = "\u0000no note";

/** Days covered by each relative range. */
const RANGE_DAYS: Readonly<Record<string, number>> = Object.freeze({ "30": 30, "90": 90, "365": 365 });

/**
 * `YYYY-MM-DD` of a moment in local time: a clinician's "today" is the day on
 * their wall calendar, not in UTC.
 */
export function localIsoDate(d: Date): string {
	const p = (n: number) => String(n).padStart(2, "0");
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The inclusive dates a range covers relative to `now`; undefined ends are open. */
export function rangeDates(choice: Pick<ScopeChoice, "range" | "from" | "to">, now: Date): { from?: string; to?: string } {
	const days = RANGE_DAYS[choice.range];
	if (days !== undefined) {
		// "Last 30 days" is today and the 29 days before it.
		const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
		return { from: localIsoDate(start), to: localIsoDate(now) };
	}
	if (choice.range === "custom") {
		const from = /^\d{4}-\d{2}-\d{2}$/.test(choice.from) ? toIsoDate(choice.from) : undefined;
		const to = /^\d{4}-\d{2}-\d{2}$/.test(choice.to) ? toIsoDate(choice.to) : undefined;
		return { from, to };
	}
	return {};
}

/**
 * Turns the sidebar's choice into a filter. `activePath` is the note the
 * clinician has open: the note scope shows it, the client scope shows its
 * client, the folder scope falls back to its folder.
 */
export function resolveScope(choice: ScopeChoice, index: NoteIndex, activePath: string | undefined, now: Date): ResolvedScope {
	const { from, to } = rangeDates(choice, now);
	const filter: SummaryFilter = {};
	if (from !== undefined) filter.from = from;
	if (to !== undefined) filter.to = to;
	if (choice.noteType.trim() !== "") filter.noteType = choice.noteType.trim().toLowerCase();
	const dates = from && to ? `${from} to ${to}` : from ? `From ${from}` : to ? `Until ${to}` : "All dates";
	const active = activePath !== undefined ? index.get(activePath) : undefined;
	switch (choice.scope) {
		case "note": {
			if (!active) return { filter: { ...filter, path: NO_NOTE }, label: "This note", dates, problem: "Open a note to see what was tagged in it." };
			return { filter: { ...filter, path: active.path }, label: active.name, dates, path: active.path };
		}
		case "client": {
			const client = active?.props.client;
			if (!client) {
				const problem = active
					? `“${active.name}” names no client. Open a session note with a client property, or choose another scope.`
					: "Open a session note to see its client's emotions across sessions.";
				return { filter: { ...filter, path: NO_NOTE }, label: "This client", dates, problem };
			}
			return { filter: { ...filter, client }, label: `Client ${client}`, dates, client };
		}
		case "folder": {
			const folder = choice.folder.replace(/\\/g, "/").replace(/^\/+|\/+$/g, "") || active?.folder || "";
			if (folder !== "") filter.folder = folder;
			return { filter, label: folder === "" ? "Whole vault" : `Folder ${folder}`, dates, folder };
		}
		default:
			return { filter, label: "Whole vault", dates };
	}
}

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
	headings: string[];
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
	return family === "empathy" ? `${label} (empathy mode)` : label;
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
		if (o.family === "response" || o.family === "empathy") last = antecedentKey(o);
		else if (o.family === "emotion") out.push({ occurrence: o, antecedent: last });
	}
	return out;
}

/** What the sidebar lists passages for. */
export type Selection =
	| { kind: "emotion"; emotion: string; process: ProcessOrUnclassified }
	| { kind: "antecedent"; antecedent: AntecedentKey; process: ProcessOrUnclassified }
	| { kind: "resonance"; emotion: string };

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

function zeroCounts(): ProcessCounts {
	return { "primary-adaptive": 0, "primary-maladaptive": 0, secondary: 0, instrumental: 0, unclassified: 0 };
}

/** One dated session note on the across-sessions chart. */
export interface SessionPoint {
	path: string;
	name: string;
	date: string;
	session?: number;
	/** Client emotion occurrences per process class. */
	counts: ProcessCounts;
	total: number;
}

/** Whether a note is a session note: `note-type: session`, or no type at all. */
export function isSessionNote(rec: NoteRecord): boolean {
	return rec.props.noteType === undefined || rec.props.noteType === "session";
}

/**
 * One point per dated session note, oldest first. Several sessions on one date
 * stay separate points, ordered by session number, then path.
 */
export function sessionSeries(records: Iterable<NoteRecord>): SessionPoint[] {
	const out: SessionPoint[] = [];
	for (const rec of records) {
		if (rec.unreadable || !rec.props.date || !isSessionNote(rec)) continue;
		const counts = zeroCounts();
		let total = 0;
		for (const o of rec.occurrences) {
			if (o.family !== "emotion" || !o.process) continue;
			counts[o.process]++;
			total++;
		}
		out.push({ path: rec.path, name: rec.name, date: rec.props.date, session: rec.props.session, counts, total });
	}
	return out.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : (a.session ?? Infinity) - (b.session ?? Infinity) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
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
	const rows = new Map<AntecedentKey, AntecedentRow>();
	for (const rec of records) {
		if (rec.unreadable) continue;
		for (const { occurrence, antecedent } of emotionAntecedents(rec)) {
			let row = rows.get(antecedent);
			if (!row) rows.set(antecedent, (row = { antecedent, label: antecedentLabel(antecedent), counts: zeroCounts(), total: 0 }));
			row.counts[occurrence.process ?? "unclassified"]++;
			row.total++;
		}
	}
	return [...rows.values()].sort((a, b) => Number(a.antecedent === NO_ANTECEDENT) - Number(b.antecedent === NO_ANTECEDENT) || b.total - a.total || a.label.localeCompare(b.label));
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
	return out.sort((a, b) => (a.date ?? "\uffff").localeCompare(b.date ?? "\uffff") || a.path.localeCompare(b.path));
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
	return out.sort((a, b) => (a.date ?? "\uffff").localeCompare(b.date ?? "\uffff") || a.path.localeCompare(b.path) || a.line - b.line);
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
	for (const g of groups.values()) g.points.sort((a, b) => (a.date ?? "\uffff").localeCompare(b.date ?? "\uffff") || a.path.localeCompare(b.path));
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
export { RATING_KEYS };

/** What is derived from one note once, and reused until the note changes. */
interface NoteInsight {
	antecedents: Map<string, number>;
	review: boolean;
	openComments: number;
	ratings: boolean;
	noteType?: string;
	folder: string;
}

function insightOf(rec: NoteRecord): NoteInsight {
	const antecedents = new Map<string, number>();
	if (!rec.unreadable) {
		for (const { occurrence, antecedent } of emotionAntecedents(rec)) {
			const k = `${antecedent}\u0000${occurrence.process ?? "unclassified"}`;
			antecedents.set(k, (antecedents.get(k) ?? 0) + 1);
		}
	}
	return {
		antecedents,
		review: !rec.unreadable && rec.props.review === "requested",
		openComments: rec.unreadable ? 0 : rec.comments.filter((c) => !c.resolved).length,
		ratings: !rec.unreadable && rec.props.ratings !== undefined && Object.keys(rec.props.ratings).length > 0,
		noteType: rec.props.noteType,
		folder: rec.folder,
	};
}

/**
 * Keeps the sidebar's whole-vault answers current as the index changes, one
 * note at a time, so that a change costs in proportion to the note, not the
 * vault. Narrower scopes are computed from their few notes on demand.
 */
export class VaultInsights {
	private readonly perNote = new Map<string, NoteInsight>();
	private readonly antecedents = new Map<string, number>();
	private readonly reviewPaths = new Set<string>();
	private readonly commentPaths = new Set<string>();
	private readonly ratingPaths = new Set<string>();
	private readonly types = new Map<string, number>();
	private readonly folderCounts = new Map<string, number>();
	private readonly stop: () => void;

	constructor(private readonly index: NoteIndex) {
		for (const rec of index.all()) this.add(rec.path, insightOf(rec));
		this.stop = index.onChange((path) => this.update(path));
	}

	/** Stops following the index. */
	dispose(): void {
		this.stop();
	}

	private update(path: string): void {
		if (path === "") {
			// The index was cleared: everything is re-read and arrives again.
			this.perNote.clear();
			this.antecedents.clear();
			this.reviewPaths.clear();
			this.commentPaths.clear();
			this.ratingPaths.clear();
			this.types.clear();
			this.folderCounts.clear();
			for (const rec of this.index.all()) this.add(rec.path, insightOf(rec));
			return;
		}
		const old = this.perNote.get(path);
		if (old) this.remove(path, old);
		const rec = this.index.get(path);
		if (rec) this.add(path, insightOf(rec));
		// `NoteIndex.rename` announces only the new path; a note more here than
		// in the index is the old path of a rename. Rare, so a sweep is fine.
		if (this.perNote.size > this.index.size) {
			for (const [p, n] of this.perNote) if (!this.index.get(p)) this.remove(p, n);
		}
	}

	private add(path: string, n: NoteInsight): void {
		this.perNote.set(path, n);
		for (const [k, c] of n.antecedents) this.antecedents.set(k, (this.antecedents.get(k) ?? 0) + c);
		if (n.review) this.reviewPaths.add(path);
		if (n.openComments > 0) this.commentPaths.add(path);
		if (n.ratings) this.ratingPaths.add(path);
		if (n.noteType) this.types.set(n.noteType, (this.types.get(n.noteType) ?? 0) + 1);
		for (const f of ancestors(n.folder)) this.folderCounts.set(f, (this.folderCounts.get(f) ?? 0) + 1);
	}

	private remove(path: string, n: NoteInsight): void {
		this.perNote.delete(path);
		for (const [k, c] of n.antecedents) {
			const left = (this.antecedents.get(k) ?? 0) - c;
			if (left > 0) this.antecedents.set(k, left);
			else this.antecedents.delete(k);
		}
		this.reviewPaths.delete(path);
		this.commentPaths.delete(path);
		this.ratingPaths.delete(path);
		if (n.noteType) decrement(this.types, n.noteType);
		for (const f of ancestors(n.folder)) decrement(this.folderCounts, f);
	}

	/** Note types in use, most used first. */
	noteTypes(): string[] {
		return [...this.types.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
	}

	/** Folders holding notes, alphabetically. */
	folders(): string[] {
		return [...this.folderCounts.keys()].sort((a, b) => a.localeCompare(b));
	}

	/** The whole vault's responses-and-emotions table, from running totals. */
	vaultAntecedentTable(): AntecedentRow[] {
		const rows = new Map<AntecedentKey, AntecedentRow>();
		for (const [k, c] of this.antecedents) {
			const [antecedent, process] = k.split("\u0000") as [string, ProcessOrUnclassified];
			let row = rows.get(antecedent);
			if (!row) rows.set(antecedent, (row = { antecedent, label: antecedentLabel(antecedent), counts: zeroCounts(), total: 0 }));
			row.counts[process] += c;
			row.total += c;
		}
		return [...rows.values()].sort((a, b) => Number(a.antecedent === NO_ANTECEDENT) - Number(b.antecedent === NO_ANTECEDENT) || b.total - a.total || a.label.localeCompare(b.label));
	}

	/** Records of the notes in one of the running sets. */
	recordsOf(which: "review" | "comments" | "ratings"): NoteRecord[] {
		const set = which === "review" ? this.reviewPaths : which === "comments" ? this.commentPaths : this.ratingPaths;
		const out: NoteRecord[] = [];
		for (const p of set) {
			const r = this.index.get(p);
			if (r) out.push(r);
		}
		return out;
	}
}

function ancestors(folder: string): string[] {
	if (folder === "") return [];
	const parts = folder.split("/");
	return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}

function decrement(m: Map<string, number>, k: string): void {
	const left = (m.get(k) ?? 0) - 1;
	if (left > 0) m.set(k, left);
	else m.delete(k);
}

/** Everything the sidebar renders, as plain data. */
export interface SummaryViewModel {
	choice: ScopeChoice;
	scope: ResolvedScope;
	/** The same object `attune summarize` prints for this filter. */
	summary: Summary;
	/** Total client emotion occurrences. */
	emotionTotal: number;
	/** Choices for the scope bar. */
	options: { folders: string[]; noteTypes: string[] };
	/** Client scope: one point per dated session note. */
	series?: SessionPoint[];
	/** Note scope: the emotions in reading order. */
	sequence?: SequenceStep[];
	antecedents: AntecedentRow[];
	review: ReviewItem[];
	comments: CommentRef[];
	ratings: RatingSeries[];
	diagnostics: Diagnostic[];
	/** The selected row or cell, and the passages behind it. */
	selection?: Selection;
	passages: OccurrenceRef[];
	/** True when the scope holds no Attune tag at all: show what to do first. */
	empty: boolean;
}

/**
 * Builds the sidebar's model. Counts come from `summarize` on the same
 * filter the command line uses; the unfiltered vault is answered from running
 * totals (`VaultInsights`), everything narrower from its own notes.
 */
export function buildViewModel(
	index: NoteIndex,
	insights: VaultInsights,
	choice: ScopeChoice,
	activePath: string | undefined,
	now: Date,
	selection?: Selection,
): SummaryViewModel {
	const scope = resolveScope(choice, index, activePath, now);
	const summary = summarize(index, scope.filter);
	const wholeVault = Object.values(scope.filter).every((v) => v === undefined || v === "");
	let records: NoteRecord[] | undefined;
	const selected = () => (records ??= selectNotes(index, scope.filter));
	const emotionTotal = summary.emotions.reduce((n, r) => n + r.count, 0);
	const model: SummaryViewModel = {
		choice,
		scope,
		summary,
		emotionTotal,
		options: { folders: insights.folders(), noteTypes: insights.noteTypes() },
		antecedents: wholeVault ? insights.vaultAntecedentTable() : antecedentTable(selected()),
		review: reviewQueue(wholeVault ? insights.recordsOf("review") : selected()),
		comments: openComments(wholeVault ? insights.recordsOf("comments") : selected()),
		ratings: ratingsOverTime(wholeVault ? insights.recordsOf("ratings") : selected(), scope.client),
		diagnostics: summary.diagnostics,
		passages: [],
		empty: emotionTotal + summary.resonance.length + summary.empathy.length + summary.responses.length + summary.processes.length === 0,
	};
	if (scope.client !== undefined) model.series = sessionSeries(selected());
	if (scope.path !== undefined) {
		const rec = index.get(scope.path);
		model.sequence = rec && matchesFilter(rec, scope.filter) ? withinSession(rec) : [];
	}
	if (selection) {
		model.selection = selection;
		model.passages = passagesOf(wholeVault ? index.all() : selected(), selection);
	}
	return model;
}

/** The process classes in display order, for tables and charts. */
export { PROCESS_ORDER };

const SCOPES: readonly ViewScope[] = ["note", "client", "folder", "vault"];
const RANGES: readonly ViewRange[] = ["all", "30", "90", "365", "custom"];

/** The sidebar's choice as saved in settings. */
export function choiceFromSettings(s: { viewScope: ViewScope; viewFolder: string; viewRange: ViewRange; viewFrom: string; viewTo: string; viewNoteType: string }): ScopeChoice {
	return { scope: s.viewScope, folder: s.viewFolder, range: s.viewRange, from: s.viewFrom, to: s.viewTo, noteType: s.viewNoteType };
}

/**
 * Settings holding a choice (the other settings kept as they are). The folder
 * is not saved in settings: with the default pattern it is often a client's
 * folder (`Clients/C-101`), and the plugin's saved data must hold no client
 * code. It lives in the view's own state, restored with the workspace.
 */
export function settingsWithChoice<S extends object>(s: S, c: ScopeChoice): S & { viewScope: ViewScope; viewFolder: string; viewRange: ViewRange; viewFrom: string; viewTo: string; viewNoteType: string } {
	return { ...s, viewScope: c.scope, viewFolder: "", viewRange: c.range, viewFrom: c.from, viewTo: c.to, viewNoteType: c.noteType };
}

/**
 * Reads a choice from saved view state (Obsidian's workspace file, which
 * a person or another version may have edited): each valid field is taken,
 * anything else keeps the fallback's value.
 */
export function choiceFromState(raw: unknown, fallback: ScopeChoice): ScopeChoice {
	if (typeof raw !== "object" || raw === null) return { ...fallback };
	const r = raw as Record<string, unknown>;
	const text = (v: unknown, d: string) => (typeof v === "string" ? v : d);
	return {
		scope: SCOPES.includes(r.scope as ViewScope) ? (r.scope as ViewScope) : fallback.scope,
		folder: text(r.folder, fallback.folder),
		range: RANGES.includes(r.range as ViewRange) ? (r.range as ViewRange) : fallback.range,
		from: text(r.from, fallback.from),
		to: text(r.to, fallback.to),
		noteType: text(r.noteType, fallback.noteType),
	};
}
