/**
 * Attune's vocabularies and the settings model. Pure data: no Obsidian, no Node.
 */

/** The five tag families, by their internal names. */
export type Family = "emotion" | "resonance" | "empathy" | "response" | "process";

/** Every family, in the order Attune shows them. */
export const FAMILIES: readonly Family[] = Object.freeze(["emotion", "resonance", "empathy", "response", "process"]);

/** Emotion-focused therapy's four classes of emotion (FORMAT.md: exactly these four). */
export const PROCESS_CLASSES = Object.freeze(["primary-adaptive", "primary-maladaptive", "secondary", "instrumental"] as const);
/** One of the four classes. */
export type ProcessClass = (typeof PROCESS_CLASSES)[number];
/** A class, or `unclassified` for an emotion tagged without one. */
export type ProcessOrUnclassified = ProcessClass | "unclassified";

/** The order in which classes are listed: adaptive first, unclassified last. */
export const PROCESS_ORDER: readonly ProcessOrUnclassified[] = Object.freeze([...PROCESS_CLASSES, "unclassified"]);

/** The field's own words for each class, as DOMAIN.md names them. */
export const PROCESS_LABELS: Readonly<Record<ProcessOrUnclassified, string>> = Object.freeze({
	"primary-adaptive": "Primary adaptive",
	"primary-maladaptive": "Primary maladaptive",
	secondary: "Secondary",
	instrumental: "Instrumental",
	unclassified: "Not classified yet",
});

/** Default closed vocabularies and the emotion words offered first. */
export const DEFAULT_VOCABULARY = Object.freeze({
	/** Offered first by pickers; any other emotion word is valid. */
	emotion: Object.freeze([
		"sadness", "grief", "hurt", "loneliness", "anger", "fear", "anxiety", "shame", "guilt", "disgust",
		"contempt", "joy", "interest", "surprise", "pride", "relief", "love", "compassion", "hope",
		"hopelessness", "helplessness", "emptiness", "envy", "jealousy", "frustration", "calm",
	]),
	/** Therapist resonance is open; the emotion words are offered. */
	resonance: Object.freeze([] as string[]),
	/** Elliott, Bohart, Watson & Murphy's three modes. */
	empathy: Object.freeze(["rapport", "attunement", "person"]),
	/** Ways of expressing empathy. */
	response: Object.freeze(["reflection", "question", "conjecture", "interpretation", "validation", "nonverbal", "procedure"]),
	/** Emotion-process moves. */
	process: Object.freeze(["symbolizing", "deepening", "accepting", "decentering", "letting-go", "soothing", "transforming", "carrying-forward"]),
});

/** Families whose values must come from the vocabulary. */
export const CLOSED_FAMILIES: ReadonlySet<Family> = new Set<Family>(["empathy", "response", "process"]);

/** Words people see for each value of the closed vocabularies. */
export const VALUE_LABELS: Readonly<Record<string, string>> = Object.freeze({
	rapport: "Empathic rapport",
	attunement: "Communicative attunement",
	person: "Person empathy",
	reflection: "Empathic reflection",
	question: "Empathic question",
	conjecture: "Empathic conjecture",
	interpretation: "Experience-near interpretation",
	validation: "Validation",
	nonverbal: "Nonverbal attunement",
	procedure: "Responsive use of a procedure",
	symbolizing: "Symbolizing",
	deepening: "Deepening",
	accepting: "Accepting",
	decentering: "Decentering",
	"letting-go": "Letting go",
	soothing: "Soothing",
	transforming: "Transforming",
	"carrying-forward": "Carrying forward",
});

/** Human names of the families, for headings and pickers. */
export const FAMILY_LABELS: Readonly<Record<Family, string>> = Object.freeze({
	emotion: "Client emotion",
	resonance: "Therapist resonance",
	empathy: "Empathy mode",
	response: "Empathic response",
	process: "Emotion-process move",
});

/** A readable label for a vocabulary value: the field's term when known, else the word itself. */
export function labelFor(value: string): string {
	return VALUE_LABELS[value] ?? value.replace(/-/g, " ");
}

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
}

/** The current settings version. */
export const SETTINGS_VERSION = 1;

/** What ships. Frozen, so nobody mutates the defaults by accident. */
export const DEFAULT_SETTINGS: Readonly<AttuneSettings> = Object.freeze({
	settingsVersion: SETTINGS_VERSION,
	families: Object.freeze({ emotion: "emotion", resonance: "resonance", empathy: "empathy", response: "response", process: "process" }),
	extraWords: Object.freeze({ emotion: [], resonance: [], empathy: [], response: [], process: [] }),
	sessionFolder: "Clients/{{client}}",
	sessionFileName: "{{date:YYYY-MM-DD}} session {{session}}",
	supervisionFolder: "Supervision",
	supervisionFileName: "{{date:YYYY-MM-DD}} supervision {{client}}",
	studyFolder: "Study",
	templatePaths: Object.freeze({}) as Record<string, string>,
	defaultTemplate: "efmt",
	defaultModality: "",
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
		if (key === "families" || key === "extraWords") continue;
		if (Array.isArray(def)) out[key] = stringList(val) ?? [...def];
		else if (isRecord(def)) out[key] = isRecord(val) ? { ...def, ...(val as object) } : { ...def };
		else out[key] = typeof val === typeof def ? val : def;
	}
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

/** The vocabulary in force: the defaults plus the user's words, lowercase, de-duplicated. */
export interface Vocabulary {
	/** Family word (lowercase) for each family. */
	families: Record<Family, string>;
	/** Reverse lookup: lowercase family word to family. */
	byWord: Map<string, Family>;
	/** Known words of each family (for closed families: the only valid ones). */
	words: Record<Family, string[]>;
	/** Fast membership for closed families. */
	sets: Record<Family, Set<string>>;
}

/** Builds the vocabulary in force from settings. */
export function vocabularyFrom(settings: Pick<AttuneSettings, "families" | "extraWords">): Vocabulary {
	const families = {} as Record<Family, string>;
	const byWord = new Map<string, Family>();
	const words = {} as Record<Family, string[]>;
	const sets = {} as Record<Family, Set<string>>;
	for (const f of FAMILIES) {
		const w = (settings.families[f] ?? f).toLowerCase();
		families[f] = w;
		byWord.set(w, f);
		const all = [...DEFAULT_VOCABULARY[f], ...(settings.extraWords[f] ?? []).map((x) => normalizeWord(x))].filter((x) => x !== "");
		words[f] = [...new Set(all)];
		sets[f] = new Set(words[f]);
	}
	return { families, byWord, words, sets };
}

/** Lowercases a word and joins its parts with `-`, as tag values are written. */
export function normalizeWord(word: string): string {
	return word.trim().toLowerCase().replace(/^#/, "").replace(/\s+/g, "-");
}

/**
 * Why a word is not valid tag text, or null when it is. Used by the settings tab
 * to refuse family words and vocabulary words Obsidian would not read as a tag.
 */
export function invalidTagWordReason(word: string, allowSlash = false): string | null {
	const w = word.trim();
	if (w === "") return "It is empty.";
	if (/\s/.test(w)) return "Tags cannot contain spaces; join words with a hyphen, as in letting-go.";
	if (!allowSlash && w.includes("/")) return "Use a single word here, without “/”.";
	if (/^[0-9]+$/.test(w)) return "A tag needs at least one character that is not a digit.";
	// Obsidian ends a tag at any punctuation other than _ - / (FORMAT.md section 1).
	const bad = w.match(/[^\p{L}\p{N}\p{M}_\-/\p{Extended_Pictographic}]/u);
	if (bad) return `“${bad[0]}” cannot be part of a tag; use letters, digits, “-” or “_”.`;
	return null;
}
