/**
 * The sidebar's scope: the choice a clinician makes (note, client, folder or
 * vault, and a date range), made concrete as the filter `summarize` takes.
 */
import type { NoteIndex } from "../index/index";
import type { SummaryFilter } from "../index/summary";
import { toIsoDate } from "../note/properties";
import type { ViewRange, ViewScope } from "../settings";
import { localIsoDate } from "../time";
import { normalizeFolder } from "../vault-paths";

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
			const folder = normalizeFolder(choice.folder) || active?.folder || "";
			if (folder !== "") filter.folder = folder;
			return { filter, label: folder === "" ? "Whole vault" : `Folder ${folder}`, dates, folder };
		}
		default:
			return { filter, label: "Whole vault", dates };
	}
}

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
