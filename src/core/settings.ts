/**
 * The settings model: what Attune saves, its defaults, and the migration that
 * turns any saved data into current settings. Pure data: no Obsidian, no Node.
 */
import { FAMILIES, type Family, isFamily, perFamily } from "./vocabulary/families";
import { DEFAULT_MEASURES, invalidTagWordReason, normalizeWord, vocabularyFrom } from "./vocabulary/vocabulary";
import { durationMinutes } from "./note/properties";

/** Which summary scope the sidebar shows. */
export type ViewScope = "note" | "client" | "folder" | "vault";

/** The sidebar's date range choice. */
export type ViewRange = "all" | "30" | "90" | "365" | "custom";

/** How a de-identified export treats dates. */
export type ExportDates = "month" | "session" | "keep";

/** Everything Attune saves. Only settings: never note text or client codes. */
export interface AttuneSettings {
	/** The settings file's version, for migrations. */
	settingsVersion: number;
	/** The word used for each family in tags (`#emotion/...`); renameable. */
	families: Record<Family, string>;
	/** Words added by the user to each family's vocabulary (never to the four process classes). */
	extraWords: Record<Family, string[]>;
	/**
	 * Families switched off (their keys, as in the families table): not offered
	 * in pickers, not shown in the sidebar, and their tags are ordinary tags.
	 */
	switchedOff: Family[];
	/** Folder of new session notes (`{{client}}` allowed). */
	sessionFolder: string;
	/** File-name pattern of session notes: moment tokens in `{{date:...}}`, plus `{{client}}`, `{{session}}`. */
	sessionFileName: string;
	/** Folder of new supervision notes. */
	supervisionFolder: string;
	/** File-name pattern of supervision notes. */
	supervisionFileName: string;
	/** Folder of study notes created for the vocabulary. */
	studyFolder: string;
	/** Vault paths of Markdown files replacing the built-in templates; empty keeps the built-in one. */
	templatePaths: Record<string, string>;
	/** The template offered first in the new-session form. */
	defaultTemplate: string;
	/** Modality filled into new session notes. */
	defaultModality: string;
	/** Minutes the new-session form offers as the session's `duration`. */
	defaultSessionDuration: number;
	/** Minutes the new-supervision form (and a supervision note made from a session note) writes as `duration`. */
	defaultSupervisionDuration: number;
	/** The clinician's name, written into new notes. */
	clinicianName: string;
	/** The supervisor's name, written into comments and reviews. */
	supervisorName: string;
	/** The sidebar's last scope, restored on restart. */
	viewScope: ViewScope;
	/**
	 * Folder for the folder scope. Kept empty by the sidebar (the folder lives in
	 * the view's state) so that saved data never holds a client's folder name.
	 */
	viewFolder: string;
	/** Date range of the sidebar. */
	viewRange: ViewRange;
	/** Custom range start, `YYYY-MM-DD` or empty. */
	viewFrom: string;
	/** Custom range end, `YYYY-MM-DD` or empty. */
	viewTo: string;
	/** Note type filter of the sidebar; empty for all. */
	viewNoteType: string;
	/** Folder that receives de-identified exports. */
	exportFolder: string;
	/** Properties kept in an export; all others are dropped. */
	exportAllowedProperties: string[];
	/** How an export treats dates. */
	exportDates: ExportDates;
	/**
	 * Numeric properties drawn per session under "Across sessions" and carried
	 * by `attune trend` as measures (a questionnaire's total, such as `phq-9`,
	 * never its items). Read in any case; a value that is not a number is a diagnostic.
	 */
	measures: string[];
	/** Finalized notes open read-only in the editor, but for their addenda, with a banner saying who finalized them. */
	readOnlyFinalized: boolean;
}

/** The current settings version. */
export const SETTINGS_VERSION = 1;

/** What ships. Frozen, so nobody mutates the defaults by accident. */
export const DEFAULT_SETTINGS: Readonly<AttuneSettings> = Object.freeze({
	settingsVersion: SETTINGS_VERSION,
	families: Object.freeze(perFamily((f) => f.word)),
	extraWords: Object.freeze(perFamily((): string[] => [])),
	switchedOff: Object.freeze([]) as unknown as Family[],
	sessionFolder: "Clients/{{client}}",
	sessionFileName: "{{date:YYYY-MM-DD}} session {{session}}",
	supervisionFolder: "Supervision",
	supervisionFileName: "{{date:YYYY-MM-DD}} supervision {{client}}",
	studyFolder: "Study",
	templatePaths: Object.freeze({}) as Record<string, string>,
	defaultTemplate: "efmt",
	defaultModality: "",
	// The usual "therapy hour" and supervision hour.
	defaultSessionDuration: 50,
	defaultSupervisionDuration: 60,
	clinicianName: "",
	supervisorName: "",
	viewScope: "client",
	viewFolder: "",
	viewRange: "all",
	viewFrom: "",
	viewTo: "",
	viewNoteType: "",
	exportFolder: "Supervision exports",
	exportAllowedProperties: Object.freeze([
		"note-type", "session", "modality",
		"rating-empathy", "rating-congruence", "rating-warmth", "rating-compassion", "rating-responsiveness", "rating-presence",
	]) as string[],
	exportDates: "month",
	measures: Object.freeze([...DEFAULT_MEASURES]) as string[],
	readOnlyFinalized: true,
});

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stringList(v: unknown): string[] | undefined {
	if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
	if (typeof v === "string") return v.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
	return undefined;
}

/**
 * Turns whatever was saved (any older version, hand-edited, or nothing) into
 * current settings. Never throws and never drops a value the user saved that
 * still has a meaning; unknown keys are kept, so a newer version's settings
 * survive a downgrade.
 */
export function migrateSettings(raw: unknown): AttuneSettings {
	const saved: Record<string, unknown> = isRecord(raw) ? { ...raw } : {};
	// Version 0 (pre-release) kept the family words flat as `emotionWord` etc.
	for (const f of FAMILIES) {
		const old = saved[`${f}Word`];
		if (typeof old === "string") {
			const fam = isRecord(saved.families) ? saved.families : {};
			if (typeof fam[f] !== "string") saved.families = { ...fam, [f]: old };
			delete saved[`${f}Word`];
		}
	}
	// Version 0 called the session template path `templatePath`.
	if (typeof saved.templatePath === "string") {
		const paths = isRecord(saved.templatePaths) ? saved.templatePaths : {};
		if (typeof paths.session !== "string") saved.templatePaths = { ...paths, session: saved.templatePath };
		delete saved.templatePath;
	}
	const d = DEFAULT_SETTINGS;
	const out: Record<string, unknown> = { ...saved };
	for (const key of Object.keys(d) as (keyof AttuneSettings)[]) {
		const def = d[key];
		const val = saved[key];
		if (key === "families" || key === "extraWords" || key === "switchedOff") continue;
		if (Array.isArray(def)) out[key] = stringList(val) ?? [...def];
		else if (isRecord(def)) out[key] = isRecord(val) ? { ...def, ...(val as object) } : { ...def };
		else out[key] = typeof val === typeof def ? val : def;
	}
	// A duration saved as text ("50") still means 50; one that is no duration (-5, "long") gets the default.
	for (const key of ["defaultSessionDuration", "defaultSupervisionDuration"] as const) out[key] = durationMinutes(saved[key]) ?? d[key];
	// No measure named (an emptied list, or only blanks) means the six ratings, as the settings tab says.
	const named = (out.measures as string[]).filter((m) => m.trim() !== "");
	out.measures = named.length > 0 ? named : [...d.measures];
	const fam = isRecord(saved.families) ? saved.families : {};
	const extra = isRecord(saved.extraWords) ? saved.extraWords : {};
	const families = {} as Record<Family, string>;
	const extraWords = {} as Record<Family, string[]>;
	const used = new Set<string>();
	for (const f of FAMILIES) {
		const w = fam[f];
		// A word that is no valid tag, or that another family already uses, would
		// silently count nothing or count under the wrong family: keep the default.
		const ok = typeof w === "string" && invalidTagWordReason(w) === null && !used.has(w.trim().toLowerCase());
		families[f] = ok ? w.trim() : d.families[f];
		used.add(families[f].toLowerCase());
		extraWords[f] = (stringList(extra[f]) ?? []).filter((x) => invalidTagWordReason(normalizeWord(x)) === null);
	}
	out.families = families;
	out.extraWords = extraWords;
	// Only names of families this version knows; in the table's order, each once.
	const off = new Set((stringList(saved.switchedOff) ?? []).filter(isFamily));
	out.switchedOff = FAMILIES.filter((f) => off.has(f));
	out.settingsVersion = SETTINGS_VERSION;
	return out as unknown as AttuneSettings;
}

/** What `migrateSettings` had to set aside in saved settings, in words a person can act on. */
export function settingsProblems(raw: unknown): string[] {
	if (!isRecord(raw)) return [];
	const out: string[] = [];
	const fam = isRecord(raw.families) ? raw.families : {};
	const used = new Set<string>();
	for (const f of FAMILIES) {
		const w = fam[f];
		if (w === undefined) {
			used.add(f);
			continue;
		}
		const reason = typeof w === "string" ? invalidTagWordReason(w) : "It is not text.";
		const shown = typeof w === "string" ? w : JSON.stringify(w);
		if (reason) out.push(`the ${f} family word “${shown}” is not valid tag text (${reason}); “${f}” is used.`);
		else if (used.has((w as string).trim().toLowerCase())) out.push(`the ${f} family word “${shown}” is already used by another family; “${f}” is used.`);
		used.add(reason ? f : (w as string).trim().toLowerCase());
	}
	const extra = isRecord(raw.extraWords) ? raw.extraWords : {};
	for (const f of FAMILIES) {
		for (const x of stringList(extra[f]) ?? []) {
			const reason = invalidTagWordReason(normalizeWord(x));
			if (reason) out.push(`the added ${f} word “${x}” is not valid tag text (${reason}); it is ignored.`);
		}
	}
	return out;
}

/**
 * Whether a change of settings changes what is counted, so that the vault
 * must be read again: other tag words or vocabulary, a family switched on or off, other measures, or another export folder
 * (whose notes are left out). Nothing before: the first settings of a session.
 */
export function changeRereadsVault(before: AttuneSettings | undefined, after: AttuneSettings): boolean {
	if (before === undefined) return false;
	const a = vocabularyFrom(before);
	const b = vocabularyFrom(after);
	return JSON.stringify([a.families, a.words, a.on, a.measures]) !== JSON.stringify([b.families, b.words, b.on, b.measures]) || before.exportFolder !== after.exportFolder;
}
