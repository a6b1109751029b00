/**
 * Hours for a licensure log: direct client hours (session notes) and
 * supervision hours (supervision notes, per supervisor), per month and in
 * total, for a scope. Read from the index alone (each note's `duration`,
 * `supervisor`, `date` and type), so no note is read again. A duration that
 * is missing or is no number of minutes is counted as unknown and listed by
 * path, never guessed. The sidebar's "Hours" and `attune hours` both call
 * `buildHours`: one core, one answer.
 */
import type { NoteIndex } from "../index/index";
import { type SummaryFilter, scopeNotes } from "../index/summary";
import type { NoteRecord } from "../note/note";

/** Which hours a note counts toward. */
export type HoursKind = "session" | "supervision";

/** Minutes summed over notes, and how many notes gave them. */
export interface Minutes {
	minutes: number;
	notes: number;
}

/** Supervision minutes under one supervisor; `null` for notes that name none. */
export interface SupervisorMinutes extends Minutes {
	supervisor: string | null;
}

/** One calendar month of the notes' dates, `YYYY-MM`. */
export interface MonthHours {
	month: string;
	direct: Minutes;
	supervision: Minutes;
	/** Every supervisor of the scope, in the order of `Hours.supervisors`, zero included. */
	supervisors: SupervisorMinutes[];
	/** Notes of this month whose duration is unknown: the month's numbers leave them out. */
	unknown: number;
}

/**
 * Why a note's duration is unknown: no `duration` (`missing`), one that is
 * no number of minutes (`invalid`), or properties that could not be read at
 * all, so that neither its type nor its duration is known (`unreadable`).
 */
export type UnknownReason = "missing" | "invalid" | "unreadable";

/** A note of the scope whose minutes are not counted. */
export interface UnknownDuration {
	path: string;
	/** File name without `.md`. */
	name: string;
	/** `null` when the properties could not be read. */
	kind: HoursKind | null;
	date?: string;
	reason: UnknownReason;
	/** For `invalid`: the value as written. */
	written?: string;
}

/** The hours of a scope. Every number is minutes; `hoursOf` turns them into hours. */
export interface Hours {
	/** Session notes: direct client contact. */
	direct: Minutes;
	supervision: Minutes;
	/** Supervision per supervisor, by name (case ignored), the unnamed last. */
	supervisors: SupervisorMinutes[];
	/** Every month from the first dated note of the scope to the last, zero included. */
	months: MonthHours[];
	/** Notes with a duration but no date: in the totals, in no month. */
	undated: { direct: Minutes; supervision: Minutes };
	/** Notes whose duration is unknown, by path. */
	unknown: UnknownDuration[];
}

/** What a supervisor without a name is called where a name is shown. */
export const UNNAMED_SUPERVISOR = "Supervisor not named";

/** Why a note's duration is unknown, in words a clinician can act on. */
export function unknownReasonText(u: Pick<UnknownDuration, "reason" | "written">): string {
	if (u.reason === "missing") return "No duration";
	if (u.reason === "invalid") return `Duration “${u.written ?? ""}” is no number of minutes`;
	return "Its properties could not be read";
}

/** Minutes as hours, to two decimals (50 minutes is 0.83 hours). */
export function hoursOf(minutes: number): number {
	return Math.round((minutes / 60) * 100) / 100;
}

/**
 * Which hours a note counts toward: a supervision note's, or a session
 * note's. A note without `note-type` is a session note, as everywhere in
 * Attune, when it looks like one here: it names a client or a duration.
 * Other notes (study, client overview, a vault's README) count toward none.
 */
export function hoursKind(rec: NoteRecord): HoursKind | undefined {
	const t = rec.props.noteType;
	if (t === "supervision" || t === "session") return t;
	if (t !== undefined) return undefined;
	const p = rec.props;
	return p.client !== undefined || p.duration !== undefined || p.durationWritten !== undefined ? "session" : undefined;
}

const zero = (): Minutes => ({ minutes: 0, notes: 0 });

function add(m: Minutes, minutes: number): void {
	m.minutes += minutes;
	m.notes++;
}

/**
 * The longest span of months drawn with its empty months: ten years. A date
 * typed far off (9026 for 2026) would otherwise make thousands of empty rows;
 * beyond it only the months that hold notes are rows.
 */
export const MAX_MONTH_SPAN = 120;

/** The months of the table: every month from the first to the last (sorted `YYYY-MM`s), or, over a longer span, the months given. */
function monthRows(sorted: readonly string[]): string[] {
	const first = sorted[0]!;
	const last = sorted[sorted.length - 1]!;
	const span = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7)) + 1;
	return span <= MAX_MONTH_SPAN ? monthsBetween(first, last) : [...new Set(sorted)];
}

/** The months from `first` to `last` (`YYYY-MM`), inclusive. */
function monthsBetween(first: string, last: string): string[] {
	const out: string[] = [];
	let y = Number(first.slice(0, 4));
	let m = Number(first.slice(5, 7));
	for (let key = first; key <= last; key = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`) {
		out.push(key);
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	return out;
}

/** The hours of the notes a filter selects (the filter `summarize` takes). */
export function buildHours(index: NoteIndex, filter: SummaryFilter): Hours {
	// By path, so that a supervisor's spelling (the first note's) is the same however the index was filled.
	// A coding copy is a second coding of a session already counted: its hours would count twice (summarize's warning names it).
	const records = scopeNotes(index, filter).counted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const hours: Hours = { direct: zero(), supervision: zero(), supervisors: [], months: [], undated: { direct: zero(), supervision: zero() }, unknown: [] };
	const names = new Map<string, string | null>();
	const counted: { rec: NoteRecord; kind: HoursKind; minutes: number; supervisor?: string }[] = [];
	for (const rec of records) {
		const date = rec.props.date;
		if (rec.unreadable || rec.propertiesError !== undefined) {
			hours.unknown.push({ path: rec.path, name: rec.name, kind: null, ...(date ? { date } : {}), reason: "unreadable" });
			continue;
		}
		const kind = hoursKind(rec);
		if (kind === undefined) continue;
		const minutes = rec.props.duration;
		if (minutes === undefined) {
			const written = rec.props.durationWritten;
			hours.unknown.push({ path: rec.path, name: rec.name, kind, ...(date ? { date } : {}), reason: written === undefined ? "missing" : "invalid", ...(written === undefined ? {} : { written }) });
			continue;
		}
		const c: (typeof counted)[number] = { rec, kind, minutes };
		if (kind === "supervision") {
			const name = rec.props.supervisor?.trim() || undefined;
			const key = name?.toLowerCase() ?? "";
			if (!names.has(key)) names.set(key, name ?? null);
			c.supervisor = key;
		}
		counted.push(c);
	}
	const keys = [...names.keys()].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a < b ? -1 : a > b ? 1 : 0));
	const perSupervisor = () => new Map(keys.map((k): [string, SupervisorMinutes] => [k, { supervisor: names.get(k) ?? null, minutes: 0, notes: 0 }]));
	const totalBySupervisor = perSupervisor();

	const dated = [...counted.map((c) => c.rec.props.date), ...hours.unknown.map((u) => u.date)].filter((d): d is string => d !== undefined).map((d) => d.slice(0, 7)).sort();
	const months = new Map<string, { row: MonthHours; bySupervisor: Map<string, SupervisorMinutes> }>();
	if (dated.length > 0) {
		for (const month of monthRows(dated)) {
			const bySupervisor = perSupervisor();
			months.set(month, { row: { month, direct: zero(), supervision: zero(), supervisors: [...bySupervisor.values()], unknown: 0 }, bySupervisor });
		}
	}
	for (const c of counted) {
		const month = c.rec.props.date ? months.get(c.rec.props.date.slice(0, 7)) : undefined;
		if (c.kind === "session") {
			add(hours.direct, c.minutes);
			add(month ? month.row.direct : hours.undated.direct, c.minutes);
			continue;
		}
		add(hours.supervision, c.minutes);
		add(totalBySupervisor.get(c.supervisor!)!, c.minutes);
		add(month ? month.row.supervision : hours.undated.supervision, c.minutes);
		if (month) add(month.bySupervisor.get(c.supervisor!)!, c.minutes);
	}
	for (const u of hours.unknown) {
		const month = u.date ? months.get(u.date.slice(0, 7)) : undefined;
		if (month) month.row.unknown++;
	}
	hours.supervisors = [...totalBySupervisor.values()];
	hours.months = [...months.values()].map((m) => m.row);
	return hours;
}
