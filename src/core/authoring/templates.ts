/**
 * Attune's built-in note templates and the rendering of their placeholders.
 * Pure: the current time and a date formatter are passed in, so the core never
 * imports moment and tests pin the clock.
 */
import { frontmatterEnd } from "../markdown/context";
import { yamlScalar } from "../note/yaml-lite";
import { RATING_KEYS, type RatingKey } from "../note/properties";
import type { DateFormatter } from "../time";

/** The built-in templates, by the key settings use (`templatePaths[key]`, `defaultTemplate`). */
export type TemplateKey = "efmt" | "soap" | "dap" | "birp" | "supervision";

/** A built-in template: what it is called, the kind of note it makes, and its text. */
export interface BuiltInTemplate {
	key: TemplateKey;
	/** Shown in the new-note form and the settings tab. */
	label: string;
	/** The `note-type` of notes made from it. */
	noteType: "session" | "supervision";
	/** Markdown with placeholders. */
	body: string;
}

/** Every template key, in the order the settings tab lists them. */
export const TEMPLATE_KEYS: readonly TemplateKey[] = Object.freeze(["efmt", "soap", "dap", "birp", "supervision"]);

/** Keys of the templates that make session notes, for the new-session form. */
export const SESSION_TEMPLATE_KEYS: readonly TemplateKey[] = Object.freeze(["efmt", "soap", "dap", "birp"]);

const SESSION_PROPERTIES = [
	"---",
	"note-type: session",
	"client: {{client}}",
	"date: {{date}}",
	"session: {{session}}",
	"previous: {{previous}}",
	"modality: {{modality}}",
	"clinician: {{clinician}}",
	"---",
];

/**
 * The heading of the clinician's own material (resonance, presence,
 * hypotheses). Many services release progress notes (SOAP, DAP, BIRP) to
 * clients or insurers and keep this material apart, as psychotherapy notes;
 * it comes last, under its own heading, so it can be left out as one piece.
 */
export const PROCESS_NOTES_HEADING = "Process notes (kept apart from the progress note)";

/** The line every session template keeps for risk to self or others and safeguarding. */
export const RISK_LINE = "- Risk and safety:";

/** The process notes of the progress-note templates: the clinician's resonance and hypotheses. */
const PROGRESS_PROCESS_NOTES = [
	`## ${PROCESS_NOTES_HEADING}`,
	"- Therapist resonance and its regulation:",
	"- Hypotheses and questions for supervision:",
	"",
];

const EFMT = [
	...SESSION_PROPERTIES,
	"## Meditation or presenting experience",
	"",
	"",
	"## Markers and tasks",
	"- Marker:",
	"- Task (two-chair, empty-chair, focusing, unfolding):",
	"",
	"## Emotions symbolized",
	"",
	"",
	"## Unmet need",
	"",
	"",
	"## Empathic responses",
	"",
	"",
	"## Transformation and carrying forward",
	"",
	"",
	"## Plan",
	RISK_LINE,
	"- ",
	"",
	`## ${PROCESS_NOTES_HEADING}`,
	"### Therapist resonance and its regulation",
	"",
	"",
	"### Therapeutic presence",
	"",
	"",
	// The five elements of compassion (Strauss et al., 2016), one line each.
	"### Compassion reflection",
	"- Recognizing the suffering:",
	"- Its universality, shared with others:",
	"- Feeling for the client, connecting with the distress:",
	"- Tolerating my own discomfort while staying open:",
	"- Motivation to act to relieve it:",
	"",
].join("\n");

const SOAP = [
	...SESSION_PROPERTIES,
	"## Subjective",
	"",
	"",
	"## Objective",
	"- Presentation and affect:",
	"- Emotions shown in session:",
	"",
	"## Assessment",
	"- Empathic responses and what followed:",
	"- Emotion-process moves:",
	RISK_LINE,
	"",
	"## Plan",
	"- ",
	"",
	...PROGRESS_PROCESS_NOTES,
].join("\n");

const DAP = [
	...SESSION_PROPERTIES,
	"## Data",
	"",
	"- Emotions shown in session:",
	"- Empathic responses:",
	"",
	"## Assessment",
	"- Emotion processes and shifts:",
	RISK_LINE,
	"",
	"## Plan",
	"- ",
	"",
	...PROGRESS_PROCESS_NOTES,
].join("\n");

const BIRP = [
	...SESSION_PROPERTIES,
	"## Behavior",
	"",
	"- Emotions shown in session:",
	"",
	"## Intervention",
	"- Empathic responses:",
	"- Emotion-process moves:",
	"",
	"## Response",
	"- Shifts in emotion:",
	RISK_LINE,
	"",
	"## Plan",
	"- ",
	"",
	...PROGRESS_PROCESS_NOTES,
].join("\n");

/**
 * What 1 to 5 means for each of the supervisor's ratings, so that two
 * supervisors, or one supervisor over a year, give the same number for the
 * same work. Anchored on the field's definitions (Elliott et al.; Geller &
 * Greenberg; Strauss et al.).
 */
export const RATING_SCALES: Readonly<Record<RatingKey, { readonly label: string; readonly anchors: readonly [string, string, string, string, string] }>> = Object.freeze({
	"rating-empathy": {
		label: "Empathy",
		anchors: [
			"missed or misread the client's experience",
			"caught the content but not the feeling",
			"caught the main feeling and conveyed it at times",
			"accurate and conveyed, in the empathy mode the work called for",
			"accurate and conveyed, and the client was helped to feel understood",
		],
	},
	"rating-congruence": {
		label: "Congruence",
		anchors: [
			"what was shown did not match what was felt",
			"guarded; own experience mostly hidden",
			"genuine but cautious",
			"genuine, and transparent where it helped the client",
			"fully genuine; own experience used for the client's good",
		],
	},
	"rating-warmth": {
		label: "Positive regard and warmth",
		anchors: [
			"cold, critical or judging",
			"polite but distant",
			"accepting, with warmth at times",
			"warm and non-judging throughout",
			"warm acceptance of the whole person, held in the hardest moments too",
		],
	},
	"rating-compassion": {
		label: "Compassion",
		anchors: [
			"the client's suffering was not noticed, or was turned away from",
			"suffering noticed but not felt",
			"felt for the client, and responded to the suffering at times",
			"felt for the client, stayed open and was moved to help",
			"all five elements present: recognizing, universality, feeling, tolerating, acting",
		],
	},
	"rating-responsiveness": {
		label: "Responsiveness",
		anchors: [
			"followed a plan regardless of the client",
			"adjusted rarely or late",
			"adjusted to clear signals",
			"adjusted moment by moment to the client's state and feedback",
			"finely attuned: pace and task shifted with the client",
		],
	},
	"rating-presence": {
		label: "Therapeutic presence",
		anchors: [
			"distracted or absent",
			"often pulled away by own thoughts or plans",
			"present most of the time",
			"grounded, open and with the client",
			"fully in the moment, with and for the client, throughout",
		],
	},
});

/** The ratings section: each rating's scale and a line for the reason behind the number. */
const RATINGS_SECTION = [
	"## Ratings",
	"Each rating is a property, from 1 to 5. Give the reason for each.",
	"Empathy is rated in the mode the work called for: empathic rapport, communicative attunement and person empathy can each be the accurate one.",
	"Empathic distress the supervisee felt is not rated down here: it is material for supervision, never a mark against the clinician. Note it under the supervisee's resonance and self-care.",
	"",
	...RATING_KEYS.flatMap((k) => {
		const { label, anchors } = RATING_SCALES[k];
		return [`### ${label} (${k})`, anchors.map((a, i) => `${i + 1} ${a}`).join(" · "), "- Reason:", ""];
	}),
];

const SUPERVISION = [
	"---",
	"note-type: supervision",
	"client: {{client}}",
	"date: {{date}}",
	"clinician: {{clinician}}",
	"supervisor: {{supervisor}}",
	"reviews:",
	...RATING_KEYS.map((k) => `${k}:`),
	"---",
	"## Sessions reviewed",
	"",
	"",
	"## Empathy mode observed",
	"",
	"",
	...RATINGS_SECTION,
	"## Comments",
	"",
	"",
	"## The supervisee's resonance and self-care",
	"- What moved or unsettled the supervisee, and how it was held:",
	"- Self-care and support:",
	"",
	"## Agreed actions",
	"- ",
	"",
	"## Learning goals",
	"- ",
	"",
].join("\n");

/** The built-in templates. */
export const BUILT_IN_TEMPLATES: Readonly<Record<TemplateKey, BuiltInTemplate>> = Object.freeze({
	efmt: { key: "efmt", label: "Emotion-focused and mindfulness session", noteType: "session", body: EFMT },
	soap: { key: "soap", label: "SOAP progress note", noteType: "session", body: SOAP },
	dap: { key: "dap", label: "DAP progress note", noteType: "session", body: DAP },
	birp: { key: "birp", label: "BIRP progress note", noteType: "session", body: BIRP },
	supervision: { key: "supervision", label: "Supervision note", noteType: "supervision", body: SUPERVISION },
});

/** Whether a string names a built-in template. */
export function isTemplateKey(key: string): key is TemplateKey {
	return (TEMPLATE_KEYS as readonly string[]).includes(key);
}

/** What the placeholders stand for. Missing values render as nothing. */
export interface TemplateValues {
	/** The new note's name, without `.md`. */
	title: string;
	/** The note's date (the session's); `{{date}}` formats it. Defaults to `now`. */
	date?: Date;
	client?: string;
	session?: number;
	/** A link to the client's previous session note, such as `[[2026-02-24 session 6]]`. */
	previous?: string;
	modality?: string;
	clinician?: string;
	supervisor?: string;
}

const PLACEHOLDER = /\{\{(title|date|time|client|session|previous|modality|clinician|supervisor)(?::([^}]*))?\}\}/g;

/**
 * Expands a template's placeholders, as the core Templates plugin does for
 * `{{title}}`, `{{date}}`, `{{time}}` and `{{date:FORMAT}}` / `{{time:FORMAT}}`
 * (moment tokens), plus Attune's `{{client}}`, `{{session}}`, `{{previous}}`,
 * `{{modality}}`, `{{clinician}}` and `{{supervisor}}`. `{{date}}` is the
 * note's date; `{{time}}` is the time of writing. Templater's `<% ... %>` is
 * left exactly as written, for Templater to run. In the properties block, a
 * placeholder that is a property's whole value is written as YAML (quoted
 * when it must be), so a link or a name with a colon never breaks them.
 */
export function renderTemplate(template: string, values: TemplateValues, now: Date, format: DateFormatter): string {
	const date = values.date ?? now;
	const value = (name: string, fmt: string | undefined): string => {
		const f = fmt?.trim();
		switch (name) {
			case "title": return values.title;
			case "date": return format(date, f ? f : "YYYY-MM-DD");
			case "time": return format(now, f ? f : "HH:mm");
			case "client": return values.client ?? "";
			case "session": return values.session === undefined ? "" : String(values.session);
			case "previous": return values.previous ?? "";
			case "modality": return values.modality ?? "";
			case "clinician": return values.clinician ?? "";
			default: return values.supervisor ?? "";
		}
	};
	// Templater's commands are set aside first, so nothing inside them is touched.
	const kept: string[] = [];
	const text = template.replace(/<%[\s\S]*?%>/g, (m) => `\uE000${kept.push(m) - 1}\uE001`);
	const lines = text.split("\n");
	const fmEnd = frontmatterEnd(lines);
	const whole = /^(\s*(?:-\s+|[^\s#:][^:]*:\s*))\{\{(title|date|time|client|session|previous|modality|clinician|supervisor)(?::([^}]*))?\}\}(\s*\r?)$/;
	for (let i = 1; i < fmEnd; i++) {
		const m = whole.exec(lines[i]!);
		if (!m) continue;
		const v = value(m[2]!, m[3]);
		const numeric = m[2] === "session" && /^\d+$/.test(v);
		lines[i] = `${m[1]}${numeric ? v : yamlScalar(v)}`.trimEnd() + (m[4]!.endsWith("\r") ? "\r" : "");
	}
	return lines
		.join("\n")
		.replace(PLACEHOLDER, (_m, name: string, fmt: string | undefined) => value(name, fmt))
		// Only the markers put there above are replaced; the same characters already in the template stay as written.
		.replace(/\uE000(\d+)\uE001/g, (m, i: string) => kept[+i] ?? m);
}
