/**
 * The tag families as one table, with the emotion classes and the words
 * people see. Everything else that differs between families is read from
 * this table.
 */

import { CONCEPTS, type Concept } from "./concepts";

/**
 * The second segment some families take after the value: a client emotion's
 * class (`#emotion/shame/secondary`), compassion's direction
 * (`#compassion/feeling/self`). Always a closed list.
 */
export interface QualifierDef {
	/** Where the segment is kept: the field of occurrences, summary rows and JSON rows. */
	readonly field: "process" | "direction";
	/** What the segment is called in messages and placeholders ("class", "direction"). */
	readonly name: string;
	/** The column of the summary tables. */
	readonly column: string;
	/** The only words the segment may hold, in the order shown. */
	readonly words: readonly string[];
	/** What a tag without the segment counts as. */
	readonly none: string;
	/** The field's words for each segment value and for `none`. */
	readonly labels: Readonly<Record<string, string>>;
	/** The diagnostic for a segment outside `words`; the value still counts, as `none`. */
	readonly unknownCode: "unknown-process" | "unknown-value";
	/** What the settings tab says under the family's added words. */
	readonly fixed: string;
}

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
	/** Segments after the family word: 2 when a value may carry a qualifier (`shame/secondary`, `feeling/self`). */
	readonly segments: 1 | 2;
	/** The second segment, for families of 2 segments. */
	readonly qualifier?: QualifierDef;
	/**
	 * The clinician's own material (resonance, the therapist's processes): kept
	 * apart from the client's emotions in the sidebar, never mixed with them.
	 */
	readonly clinicians?: boolean;
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

/** Compassion's two directions (Strauss et al., 2016: for oneself and for others). */
export const COMPASSION_DIRECTIONS = Object.freeze(["self", "other"] as const);

/** What a compassion tag without a direction counts as. */
export const NO_DIRECTION = "unspecified";

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
		qualifier: {
			field: "process", name: "class", column: "Process", words: PROCESS_CLASSES, none: "unclassified", labels: PROCESS_LABELS,
			unknownCode: "unknown-process", fixed: "The four emotion processes cannot change.",
		},
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
		clinicians: true,
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
		// The last four (version 1.3) are the moves the field names beside the first eight (DOMAIN.md).
		words: ["symbolizing", "deepening", "accepting", "decentering", "letting-go", "soothing", "transforming", "carrying-forward", "approaching", "acknowledging", "making-sense", "discerning"],
		labels: {
			symbolizing: "Symbolizing",
			deepening: "Deepening",
			accepting: "Accepting",
			decentering: "Decentering",
			"letting-go": "Letting go",
			soothing: "Soothing",
			transforming: "Transforming",
			"carrying-forward": "Carrying forward",
			approaching: "Approaching",
			acknowledging: "Acknowledging",
			"making-sense": "Making sense",
			discerning: "Discerning",
		},
		shippedWords: "its defined values",
		summary: { list: "processes", field: "move", title: "Emotion-process moves", column: "Move" },
		command: { id: "code-process-move", name: "Code emotion-process move" },
		study: { kind: "emotion-process move", concepts: CONCEPTS.process },
	},
	{
		// The three processes of empathy (DOMAIN.md) beside resonance: the clinician's own.
		key: "therapist",
		word: "therapist",
		label: "Therapist's process",
		open: false,
		segments: 1,
		words: ["perspective-taking", "regulating", "empathic-distress"],
		labels: { "perspective-taking": "Perspective-taking", regulating: "Regulating own resonance", "empathic-distress": "Empathic distress" },
		clinicians: true,
		shippedWords: "its defined values",
		summary: { list: "therapist", field: "process", title: "Therapist's processes", column: "Process" },
		command: { id: "code-therapist-process", name: "Code therapist's process" },
		study: { kind: "therapist's process", concepts: CONCEPTS.therapist },
	},
	{
		// The relationship's ingredients (Elliott et al.; Geller & Greenberg), with rupture and repair.
		key: "relationship",
		word: "relationship",
		label: "Relationship ingredient",
		open: false,
		segments: 1,
		words: ["congruence", "warmth", "compassion", "responsiveness", "presence", "rupture", "repair"],
		labels: {
			congruence: "Congruence",
			warmth: "Positive regard and warmth",
			compassion: "Compassion",
			responsiveness: "Responsiveness",
			presence: "Therapeutic presence",
			rupture: "Rupture",
			repair: "Repair",
		},
		shippedWords: "its defined values",
		summary: { list: "relationship", field: "ingredient", title: "Relationship", column: "Ingredient" },
		command: { id: "code-relationship", name: "Code relationship ingredient" },
		study: { kind: "relationship ingredient", concepts: CONCEPTS.relationship },
	},
	{
		// Strauss et al.'s (2016) five elements, for oneself or for another.
		key: "compassion",
		word: "compassion",
		label: "Compassion element",
		open: false,
		segments: 2,
		words: ["recognizing", "universality", "feeling", "tolerating", "acting"],
		labels: {
			recognizing: "Recognizing suffering",
			universality: "Understanding its universality",
			feeling: "Feeling for the person",
			tolerating: "Tolerating uncomfortable feelings",
			acting: "Motivation to act",
		},
		qualifier: {
			field: "direction", name: "direction", column: "Direction", words: COMPASSION_DIRECTIONS, none: NO_DIRECTION,
			labels: { self: "For oneself", other: "For another", [NO_DIRECTION]: "Direction not said" },
			unknownCode: "unknown-value", fixed: "The two directions, self and other, cannot change.",
		},
		shippedWords: "its defined values",
		summary: { list: "compassion", field: "element", title: "Compassion", column: "Element" },
		command: { id: "code-compassion", name: "Code compassion element" },
		study: { kind: "element of compassion", concepts: CONCEPTS.compassion },
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
