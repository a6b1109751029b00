import { parse as parseYaml } from "yaml";
import { readProperties } from "../../../src/core/note/properties";
import { BUILT_IN_TEMPLATES, PROCESS_NOTES_HEADING, RATING_SCALES, RISK_LINE, SESSION_TEMPLATE_KEYS, TEMPLATE_KEYS, type TemplateValues, renderTemplate } from "../../../src/core/authoring/templates";
import { RATING_KEYS } from "../../../src/core/note/properties";
import { dateAt } from "../../../src/core/time";
import { now } from "../../helpers/clock";
import { exampleVaultFiles } from "../../helpers/harness";
// The plugin passes Obsidian's moment; the test double exports the same package.
import { moment } from "../../obsidian-double/obsidian";

const format = (d: Date, f: string): string => moment(d).format(f);

const full: TemplateValues = {
	title: "2026-03-16 session 7",
	client: "C-101",
	session: 7,
	previous: "[[2026-02-24 session 6]]",
	modality: "EFMT",
	clinician: "Dr. Ada Lindqvist (example)",
	supervisor: "Dr. Tomas Verhoeven (example)",
};

function properties(text: string): Record<string, unknown> {
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
	if (!m) throw new Error("no properties");
	return parseYaml(m[1]!) as Record<string, unknown>;
}

/** A template's headings of one level, in order. */
function headings(body: string, level: "## " | "### "): string[] {
	return body.split("\n").filter((l) => l.startsWith(level)).map((l) => l.slice(level.length));
}

/** The lines under a `##` heading, up to the next `##` heading. */
function section(body: string, heading: string): string {
	const from = body.indexOf(`\n## ${heading}\n`);
	if (from < 0) throw new Error(`no section ${heading}`);
	return body.slice(from + heading.length + 5).split(/\n## /)[0]!;
}

/** A session template's progress note (after the properties) and its process notes. */
function split(body: string): { progress: string; process: string } {
	const at = body.indexOf(`## ${PROCESS_NOTES_HEADING}`);
	if (at < 0) throw new Error("no process notes");
	return { progress: body.slice(body.indexOf("\n---\n") + 5, at), process: body.slice(at) };
}

describe("built-in templates, expanded with a pinned clock", () => {
	it.each(TEMPLATE_KEYS.map((k) => [k]))("%s", (key) => {
		const text = renderTemplate(BUILT_IN_TEMPLATES[key].body, full, now, format);
		expect(text).toMatchSnapshot();
		expect(text).not.toMatch(/\{\{|\}\}/);
		const fm = properties(text);
		expect(fm["note-type"]).toBe(BUILT_IN_TEMPLATES[key].noteType);
	});

	it.each(["efmt", "soap", "dap", "birp"] as const)("%s: the properties of FORMAT.md section 3, read back as Attune reads them", (key) => {
		const text = renderTemplate(BUILT_IN_TEMPLATES[key].body, full, now, format);
		const { props, problems } = readProperties(properties(text), "x.md");
		expect(problems).toEqual([]);
		expect(props).toEqual({
			noteType: "session", client: "C-101", date: "2026-03-16", session: 7, previous: "2026-02-24 session 6",
			modality: "EFMT", clinician: "Dr. Ada Lindqvist (example)",
		});
	});

	it("supervision: client, date, names, and the six ratings as properties", () => {
		const fm = properties(renderTemplate(BUILT_IN_TEMPLATES.supervision.body, full, now, format));
		expect(fm).toMatchObject({ client: "C-101", date: "2026-03-16", clinician: "Dr. Ada Lindqvist (example)", supervisor: "Dr. Tomas Verhoeven (example)" });
		for (const k of ["rating-empathy", "rating-congruence", "rating-warmth", "rating-compassion", "rating-responsiveness", "rating-presence"]) expect(k in fm).toBe(true);
		expect(readProperties(fm, "x.md").problems).toEqual([]);
	});

	it.each(TEMPLATE_KEYS.map((k) => [k]))("%s: without values, still valid properties and no stray text", (key) => {
		const text = renderTemplate(BUILT_IN_TEMPLATES[key].body, { title: "Untitled" }, now, format);
		expect(() => properties(text)).not.toThrow();
		expect(readProperties(properties(text), "x.md").problems).toEqual([]);
		expect(text).not.toContain("undefined");
	});

	it("the session note for emotion-focused and mindfulness work has the sections a clinician expects", () => {
		const body = BUILT_IN_TEMPLATES.efmt.body;
		expect(headings(body, "## ")).toEqual([
			"Meditation or presenting experience", "Markers and tasks", "Emotions symbolized", "Unmet need", "Empathic responses",
			"Transformation and carrying forward", "Plan", PROCESS_NOTES_HEADING,
		]);
		// The tasks of emotion-focused work, named where the marker is written.
		const tasks = section(body, "Markers and tasks");
		for (const t of ["Marker:", "two-chair", "empty-chair", "focusing", "unfolding"]) expect(tasks).toContain(t);
		// Presence and the five elements of compassion (Strauss et al., 2016) are the clinician's own, in the process notes.
		const own = body.slice(body.indexOf(`## ${PROCESS_NOTES_HEADING}`));
		expect(headings(own, "### ")).toEqual(["Therapist resonance and its regulation", "Therapeutic presence", "Compassion reflection"]);
		const reflection = own.slice(own.indexOf("### Compassion reflection")).split("\n").slice(1, 6);
		expect(reflection).toHaveLength(5);
		expect(reflection.every((l) => l.startsWith("- "))).toBe(true);
	});

	it.each(SESSION_TEMPLATE_KEYS.map((k) => [k]))("%s: a risk and safety line in the progress note", (key) => {
		const { progress } = split(BUILT_IN_TEMPLATES[key].body);
		expect(progress.split("\n").filter((l) => l === RISK_LINE)).toHaveLength(1);
	});

	it.each(SESSION_TEMPLATE_KEYS.map((k) => [k]))("%s: the clinician's resonance only in the process notes, the last section", (key) => {
		const { progress, process } = split(BUILT_IN_TEMPLATES[key].body);
		expect(process).toMatch(/Therapist resonance and its regulation/);
		expect(progress).not.toMatch(/resonance|presence|compassion|hypothes/i);
		// Last, so that the progress note is everything above it.
		expect(process.split("\n").filter((l) => /^## /.test(l))).toEqual([`## ${PROCESS_NOTES_HEADING}`]);
	});

	it("supervision: what 1 to 5 means for each rating, a reason for each, and room for the supervisee's side", () => {
		const body = BUILT_IN_TEMPLATES.supervision.body;
		const ratings = section(body, "Ratings");
		for (const k of RATING_KEYS) {
			const heading = `### ${RATING_SCALES[k].label} (${k})`;
			expect(ratings).toContain(`${heading}\n`);
			const lines = ratings.slice(ratings.indexOf(heading)).split("\n");
			// Each of the five points, in order, with its own words.
			expect(lines[1]!.split(" · ").map((p) => p.split(" ")[0])).toEqual(["1", "2", "3", "4", "5"]);
			expect(lines[1]).toContain(RATING_SCALES[k].anchors[4]);
			expect(lines[2]).toBe("- Reason:");
		}
		expect(new Set(RATING_KEYS.map((k) => RATING_SCALES[k].anchors.join())).size).toBe(RATING_KEYS.length);
		expect(headings(body, "## ")).toEqual(expect.arrayContaining(["The supervisee's resonance and self-care", "Agreed actions"]));
		expect(section(body, "The supervisee's resonance and self-care")).toMatch(/Self-care/);
	});

	it.each(TEMPLATE_KEYS.map((k) => [k]))("%s: no tags, code or comments, so Attune's tags typed into it count and nothing is counted before", (key) => {
		const body = BUILT_IN_TEMPLATES[key].body;
		expect(body).not.toMatch(/(^|\s)#[^\s#]/m);
		expect(body).not.toMatch(/```|~~~|<!--|%%|^ {4}/m);
	});
});

describe("placeholders", () => {
	it.each([
		{ name: "title", t: "# {{title}}", want: "# 2026-03-16 session 7" },
		{ name: "date defaults to YYYY-MM-DD", t: "{{date}}", want: "2026-03-16" },
		{ name: "date with a format", t: "{{date:dddd D MMMM YYYY}}", want: "Monday 16 March 2026" },
		{ name: "time defaults to HH:mm", t: "{{time}}", want: "09:30" },
		{ name: "time with a format", t: "{{time:h A}}", want: "9 AM" },
		{ name: "client, session, previous", t: "{{client}} #{{session}} after {{previous}}", want: "C-101 #7 after [[2026-02-24 session 6]]" },
		{ name: "modality, clinician, supervisor", t: "{{modality}} / {{clinician}} / {{supervisor}}", want: "EFMT / Dr. Ada Lindqvist (example) / Dr. Tomas Verhoeven (example)" },
		{ name: "unknown placeholders are kept", t: "{{weather}}", want: "{{weather}}" },
	])("$name", ({ t, want }) => {
		expect(renderTemplate(t, full, now, format)).toBe(want);
	});

	it("{{date}} is the note's date, {{time}} the time of writing", () => {
		const date = dateAt("2026-03-13", now)!;
		expect(renderTemplate("{{date}} {{time}}", { ...full, date }, now, format)).toBe("2026-03-13 09:30");
	});

	it("leaves Templater's commands exactly as written, placeholders inside them included", () => {
		const t = '<% tp.date.now("YYYY-MM-DD") %> {{client}} <%* tR += "{{client}}" %>\n<%- tp.file.title -%>';
		expect(renderTemplate(t, full, now, format)).toBe('<% tp.date.now("YYYY-MM-DD") %> C-101 <%* tR += "{{client}}" %>\n<%- tp.file.title -%>');
	});

	it("writes whole-value placeholders in properties as YAML, quoting when needed", () => {
		const t = "---\nclinician: {{clinician}}\nprevious: {{previous}}\nclient: {{client}}\nlist:\n  - {{supervisor}}\nnote: said {{client}}\n---\n{{clinician}}";
		const values = { ...full, clinician: "Ada: the \"first\"" };
		const out = renderTemplate(t, values, now, format);
		expect(properties(out)).toEqual({
			clinician: 'Ada: the "first"', previous: "[[2026-02-24 session 6]]", client: "C-101", list: ["Dr. Tomas Verhoeven (example)"], note: "said C-101",
		});
		// In the body, the value stays plain text.
		expect(out.endsWith('\nAda: the "first"')).toBe(true);
	});

	it("keeps a user template's CRLF line endings", () => {
		const t = "---\r\nclient: {{client}}\r\nsession: {{session}}\r\n---\r\n## Notes\r\n{{date}}\r\n";
		expect(renderTemplate(t, full, now, format)).toBe("---\r\nclient: C-101\r\nsession: 7\r\n---\r\n## Notes\r\n2026-03-16\r\n");
	});
});

describe("the example vault is written in the built-in templates", () => {
	// The Archive folder is excluded in the vault's settings: an old system's notes, not Attune's.
	const notes = Object.entries(exampleVaultFiles()).filter(([p]) => !p.startsWith("Archive/"));
	const kind = (text: string) => /^note-type: (session|supervision)$/m.exec(text)?.[1];
	const written = notes.filter(([, t]) => kind(t) !== undefined);
	const templateHeadings = (type: string) => new Set(TEMPLATE_KEYS.filter((k) => BUILT_IN_TEMPLATES[k].noteType === type).flatMap((k) => [...headings(BUILT_IN_TEMPLATES[k].body, "## "), ...headings(BUILT_IN_TEMPLATES[k].body, "### ")]));

	it("has session and supervision notes to check", () => {
		expect(written.filter(([, t]) => kind(t) === "session").length).toBeGreaterThanOrEqual(15);
		expect(written.filter(([, t]) => kind(t) === "supervision")).toHaveLength(2);
	});

	it.each(written.map(([p, t]) => [p, t]))("%s: only the template's headings", (_p, text) => {
		const known = templateHeadings(kind(text)!);
		for (const h of [...headings(text, "## "), ...headings(text, "### ")]) expect(known).toContain(h);
	});

	it.each(written.filter(([, t]) => kind(t) === "session").map(([p, t]) => [p, t]))("%s: a risk and safety line, and resonance only in the process notes", (_p, text) => {
		expect(text).toMatch(/^- Risk and safety: \S/m);
		const at = text.indexOf(`## ${PROCESS_NOTES_HEADING}`);
		const progress = at < 0 ? text : text.slice(0, at);
		expect(progress).not.toMatch(/#(resonance|therapist)\//);
	});
});
