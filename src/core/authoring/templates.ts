/**
 * Attune's built-in note templates and the rendering of their placeholders.
 * Pure: the current time and a date formatter are passed in, so the core never
 * imports moment and tests pin the clock.
 */
import { frontmatterEnd } from "../markdown/context";
import { yamlScalar } from "../note/yaml-lite";
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

const EFMT = [
	...SESSION_PROPERTIES,
	"## Meditation or presenting experience",
	"",
	"",
	"## Emotions symbolized",
	"",
	"",
	"## Empathic responses",
	"",
	"",
	"## Therapist resonance and its regulation",
	"",
	"",
	"## Transformation and carrying forward",
	"",
	"",
	"## Compassion reflection",
	"- Recognizing the suffering:",
	"- Its universality, shared with others:",
	"- Feeling for the client, connecting with the distress:",
	"- Tolerating my own discomfort while staying open:",
	"- Motivation to act to relieve it:",
	"",
	"## Plan",
	"- ",
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
	"- Therapist resonance and its regulation:",
	"",
	"## Plan",
	"- ",
	"",
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
	"- Therapist resonance and its regulation:",
	"",
	"## Plan",
	"- ",
	"",
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
	"- Therapist resonance and its regulation:",
	"",
	"## Plan",
	"- ",
	"",
].join("\n");

const SUPERVISION = [
	"---",
	"note-type: supervision",
	"client: {{client}}",
	"date: {{date}}",
	"clinician: {{clinician}}",
	"supervisor: {{supervisor}}",
	"reviews:",
	"rating-empathy:",
	"rating-congruence:",
	"rating-warmth:",
	"rating-compassion:",
	"rating-responsiveness:",
	"rating-presence:",
	"---",
	"## Sessions reviewed",
	"",
	"",
	"## Empathy mode observed",
	"",
	"",
	"## Comments",
	"",
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
