/**
 * The tag families as one table, with the emotion classes and the words
 * people see. Adding a family is a row here, its words and its study texts.
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
