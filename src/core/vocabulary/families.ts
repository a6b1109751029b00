/**
 * The tag families as one table, with the emotion classes and the words
 * people see. Everything else that differs between families is read from
 * this table.
 */

import { CONCEPTS, type Concept } from "./concepts";

/** One tag family: everything Attune knows about it, in one row. */
export interface FamilyDef {
	/** The internal name, used in settings and code; never shown. */
	readonly key: string;
	/** The tag word shipped (`#emotion/...`); renameable in settings. */
	readonly word: string;
	/** What people call the family, for headings, pickers and settings. */
	readonly label: string;
	/** Open: any word is a value. Closed: only the vocabulary's words count. */
	readonly open: boolean;
	/** Segments after the family word: 2 when a value may carry an emotion class (`shame/secondary`). */
	readonly segments: 1 | 2;
	/** The words shipped: offered first (open) or the only valid ones (closed). */
	readonly words: readonly string[];
	/** The field's term for each value, where it differs from the word. */
	readonly labels: Readonly<Record<string, string>>;
	/** A family whose words pickers offer too (resonance is felt in emotion words). */
	readonly offers?: string;
	/** A value for messages that show how to write the tag. Default: the first word. */
	readonly example?: string;
	/** What the settings tab calls the shipped words ("Words added to ..."). */
	readonly shippedWords: string;
	/** In summaries: the JSON list and row field (FORMAT.md section 6), the table's title and first column. */
	readonly summary: { readonly list: string; readonly field: string; readonly title: string; readonly column: string };
	/** The coding command. Ids are public: users bind hotkeys to them. */
	readonly command: { readonly id: string; readonly name: string };
	/**
	 * Whether the family's codes are what a client emotion is read as following
	 * (the responses-and-emotions table), and how the code is named there.
	 */
	readonly antecedent?: "value" | "value and family";
	/**
	 * The study notes: what one is called ("empathy mode"), and the concepts by
	 * word. A note per value of the vocabulary in force, or, with `of: "classes"`,
	 * a note per emotion class.
	 */
	readonly study?: { readonly kind: string; readonly concepts: Readonly<Record<string, Concept>>; readonly of?: "values" | "classes" };
}

/**
 * The tag families, in the order Attune shows them. Adding a family is a row
 * here, its concepts in concepts.ts, and a test.
 */
const ROWS = [
	{
		key: "emotion",
		word: "emotion",
		label: "Client emotion",
		open: true,
		segments: 2,
		words: [
			"sadness", "grief", "hurt", "loneliness", "anger", "fear", "anxiety", "shame", "guilt", "disgust",
			"contempt", "joy", "interest", "surprise", "pride", "relief", "love", "compassion", "hope",
			"hopelessness", "helplessness", "emptiness", "envy", "jealousy", "frustration", "calm",
		],
		labels: {},
		example: "shame",
		shippedWords: "the usual emotions",
		summary: { list: "emotions", field: "emotion", title: "Client emotions", column: "Emotion" },
		command: { id: "code-emotion", name: "Code client emotion" },
		study: { kind: "emotion process", concepts: CONCEPTS.class, of: "classes" },
	},
	{
		key: "resonance",
		word: "resonance",
		label: "Therapist resonance",
		open: true,
		segments: 1,
		words: [],
		labels: {},
		offers: "emotion",
		example: "sadness",
		shippedWords: "the emotion words",
		summary: { list: "resonance", field: "emotion", title: "Therapist resonance", column: "Emotion" },
		command: { id: "code-resonance", name: "Code therapist resonance" },
	},
	{
		// Elliott, Bohart, Watson & Murphy's three modes.
		key: "empathy",
		word: "empathy",
		label: "Empathy mode",
		open: false,
		segments: 1,
		words: ["rapport", "attunement", "person"],
		labels: { rapport: "Empathic rapport", attunement: "Communicative attunement", person: "Person empathy" },
		shippedWords: "its defined values",
		summary: { list: "empathy", field: "mode", title: "Empathy modes", column: "Mode" },
		command: { id: "code-empathy-mode", name: "Code empathy mode" },
		antecedent: "value and family",
		study: { kind: "empathy mode", concepts: CONCEPTS.empathy },
	},
	{
		key: "response",
		word: "response",
		label: "Empathic response",
		open: false,
		segments: 1,
		words: ["reflection", "question", "conjecture", "interpretation", "validation", "nonverbal", "procedure"],
		labels: {
			reflection: "Empathic reflection",
			question: "Empathic question",
			conjecture: "Empathic conjecture",
			interpretation: "Experience-near interpretation",
			validation: "Validation",
			nonverbal: "Nonverbal attunement",
			procedure: "Responsive use of a procedure",
		},
		shippedWords: "its defined values",
		summary: { list: "responses", field: "kind", title: "Empathic responses", column: "Response" },
		command: { id: "code-response", name: "Code empathic response" },
		antecedent: "value",
		study: { kind: "empathic response", concepts: CONCEPTS.response },
	},
	{
		key: "process",
		word: "process",
		label: "Emotion-process move",
		open: false,
		segments: 1,
		words: ["symbolizing", "deepening", "accepting", "decentering", "letting-go", "soothing", "transforming", "carrying-forward"],
		labels: {
			symbolizing: "Symbolizing",
			deepening: "Deepening",
			accepting: "Accepting",
			decentering: "Decentering",
			"letting-go": "Letting go",
			soothing: "Soothing",
			transforming: "Transforming",
			"carrying-forward": "Carrying forward",
		},
		shippedWords: "its defined values",
		summary: { list: "processes", field: "move", title: "Emotion-process moves", column: "Move" },
		command: { id: "code-process-move", name: "Code emotion-process move" },
		study: { kind: "emotion-process move", concepts: CONCEPTS.process },
	},
] as const satisfies readonly FamilyDef[];

/** A tag family, by its internal name: one of the rows' keys. */
export type Family = (typeof ROWS)[number]["key"];

/** The families table, in the order Attune shows the families. */
export const FAMILY_TABLE: readonly (FamilyDef & { readonly key: Family })[] = Object.freeze(ROWS);

/** Every family, in the order Attune shows them. */
export const FAMILIES: readonly Family[] = Object.freeze(FAMILY_TABLE.map((f) => f.key));

const BY_KEY: ReadonlyMap<string, FamilyDef> = new Map(FAMILY_TABLE.map((f) => [f.key, f]));

/** A family's row. */
export function familyDef(family: Family): FamilyDef {
	return BY_KEY.get(family) as FamilyDef;
}

/** Whether a name is a family's internal name. */
export function isFamily(name: string): name is Family {
	return BY_KEY.has(name);
}

/** A value for each family, built from its row: `perFamily((f) => f.word)`. */
export function perFamily<T>(value: (def: FamilyDef, family: Family) => T): Record<Family, T> {
	const out = {} as Record<Family, T>;
	for (const f of FAMILY_TABLE) out[f.key] = value(f, f.key);
	return out;
}

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

/** The words shipped with each family. */
export const DEFAULT_VOCABULARY: Readonly<Record<Family, readonly string[]>> = Object.freeze(perFamily((f) => f.words));

/** Families whose values must come from the vocabulary. */
export const CLOSED_FAMILIES: ReadonlySet<Family> = new Set<Family>(FAMILIES.filter((f) => !familyDef(f).open));

/** Words people see for each value of the closed vocabularies. */
export const VALUE_LABELS: Readonly<Record<string, string>> = Object.freeze(Object.assign({}, ...FAMILY_TABLE.map((f) => f.labels)) as Record<string, string>);

/** Human names of the families, for headings and pickers. */
export const FAMILY_LABELS: Readonly<Record<Family, string>> = Object.freeze(perFamily((f) => f.label));

/** A readable label for a vocabulary value: the field's term when known, else the word itself. */
export function labelFor(value: string): string {
	return VALUE_LABELS[value] ?? value.replace(/-/g, " ");
}
