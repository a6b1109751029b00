import * as fs from "node:fs";
import * as path from "node:path";
import { NoteIndex } from "../../../src/core/index/index";
import { type SummaryFilter, summarize, summaryJson } from "../../../src/core/index/summary";
import { unreadableRecord } from "../../../src/core/note/note";
import { indexOf, note } from "../../helpers/notes";

describe("summarize filters (FORMAT.md section 6)", () => {
	const idx = new NoteIndex();
	idx.set(note("Clients/C-1/a.md", ["emotion/shame/primary-maladaptive"], { client: "C-1", date: "2026-01-01", "note-type": "session" }));
	idx.set(note("Clients/C-1/b.md", ["emotion/sadness/primary-adaptive"], { client: "[[C-1]]", date: "2026-02-01", "note-type": "session" }));
	idx.set(note("Clients/C-2/c.md", ["emotion/fear/secondary"], { client: "C-2", date: "2026-03-01", "note-type": "session" }));
	idx.set(note("Study/d.md", ["emotion/fear/secondary"], { "note-type": "study" }));
	idx.set(note("Supervision/e.md", [], { "note-type": "supervision", date: "2026-02-02" }, [{ type: "supervisor", line: 3, title: "", firstText: "x" }, { type: "supervisor-resolved", line: 5, title: "", firstText: "y" }]));
	it.each([
		["client (case-insensitive)", { client: "c-1" }, 2],
		["from, inclusive, drops undated", { from: "2026-02-01" }, 3],
		["to, inclusive", { to: "2026-01-01" }, 1],
		["range", { from: "2026-01-02", to: "2026-02-28" }, 2],
		["folder and below", { folder: "Clients" }, 3],
		["folder with slashes", { folder: "/Clients/C-2/" }, 1],
		["note type", { noteType: "study" }, 1],
		["a single note", { path: "Study/d.md" }, 1],
		["nothing matches", { client: "C-9" }, 0],
	])("%s", (_n, filter, notes) => {
		expect(summarize(idx, filter).notes).toBe(notes);
	});
	it("sorts by count, then name, and gives process shares", () => {
		const s = summaryJson(summarize(idx));
		expect(s.emotions.map((r) => `${r.emotion}/${r.process}:${r.count}`)).toEqual(["fear/secondary:2", "sadness/primary-adaptive:1", "shame/primary-maladaptive:1"]);
		expect(s.processShares.find((p) => p.process === "secondary")).toEqual({ process: "secondary", count: 2, notes: 2, share: 0.5 });
		expect(s.supervisorComments).toEqual({ open: 1, resolved: 1 });
	});
});

describe("summarize: which notes a filter keeps", () => {
	const idx = new NoteIndex();
	// Each note holds one emotion of its own, so a summary's emotions name the notes it kept.
	idx.set(note("Clients/C-1/a.md", ["emotion/anger"], { client: "C-1", date: "2026-02-01", "note-type": "session" }));
	idx.set(note("Clients/C-1/old/b.md", ["emotion/bliss"], { client: "[[C-1]]", date: "2026-02-28", "note-type": "Session" }));
	idx.set(note("Clients/C-10/c.md", ["emotion/calm"], { client: "C-10", date: "2026-03-01", "note-type": "session" }));
	idx.set(note("Supervision/d.md", ["emotion/dread"], { client: "C-1", date: "2026-02-15", "note-type": "supervision" }));
	idx.set(note("Clients/C-1/e.md", ["emotion/envy"], { client: "C-1" }));
	const kept = (filter: SummaryFilter) => summaryJson(summarize(idx, filter)).emotions.map((r) => r.emotion).sort();
	it.each([
		["a client in any case, written plain or as a link, and no other client", { client: "c-1" }, ["anger", "bliss", "dread", "envy"]],
		["from and to both inclusive", { from: "2026-02-01", to: "2026-02-28" }, ["anger", "bliss", "dread"]],
		["a date bound drops undated notes", { to: "2026-12-31" }, ["anger", "bliss", "calm", "dread"]],
		["a folder and its sub-folders, not a folder whose name begins the same", { folder: "Clients/C-1" }, ["anger", "bliss", "envy"]],
		["a folder written with backslashes and slashes at the ends", { folder: "\\Clients\\C-1\\" }, ["anger", "bliss", "envy"]],
		["a note type in any case", { noteType: "SESSION" }, ["anger", "bliss", "calm"]],
		["one note by its path", { path: "Clients/C-10/c.md" }, ["calm"]],
		["every field given must hold", { path: "Clients/C-10/c.md", client: "C-1" }, []],
		["a path that is no note", { path: "Clients/C-1" }, []],
	] as [string, SummaryFilter, string[]][])("%s", (_n, filter, emotions) => {
		expect(kept(filter)).toEqual(emotions);
		expect(summarize(idx, filter).notes).toBe(emotions.length);
	});
});

describe("summarize: what a summary holds", () => {
	const idx = new NoteIndex();
	idx.set(note("b.md", ["emotion/shame/secondary", "emotion", "response/reflection"], { date: "2026-01-02" }, [{ type: "supervisor", line: 9, title: "", firstText: "Slow down" }]));
	idx.set(note("a.md", ["empathy/atunement", "emotion/shame/primary-maladaptive", "emotion/shame/secondary", "response/validation", "response/question", "response/question"], { "rating-warmth": 9 }));
	idx.set(note("c.md", ["emotion/hope/primary-adaptive", "emotion/shame/primary-maladaptive", "empathy/rapport", "process/soothing", "resonance/sadness"], null, [{ type: "supervisor-resolved", line: 2, title: "", firstText: "Done" }]));
	idx.set(unreadableRecord("0-locked.md", "permission denied"));
	idx.set(note("gone.md", ["emotion/fear/instrumental"]));
	idx.remove("gone.md");

	it("answers the same from running totals (no filter) as from a fresh count of the same notes", () => {
		// The vault's root written as a slash: a filter, so counted afresh, that every note passes.
		expect(summarize(idx, { folder: "/" })).toEqual(summarize(idx));
	});
	it("gives every process class a share, zeros included, adding up to the emotions counted", () => {
		const s = summaryJson(summarize(idx));
		expect(s.processShares.map((p) => [p.process, p.count])).toEqual([
			["primary-adaptive", 1], ["primary-maladaptive", 2], ["secondary", 2], ["instrumental", 0], ["unclassified", 0],
		]);
		const emotions = s.emotions.reduce((n, r) => n + r.count, 0);
		expect(s.processShares.reduce((n, p) => n + p.count, 0)).toBe(emotions);
		expect(s.processShares.reduce((n, p) => n + p.share, 0)).toBeCloseTo(1);
	});
	it("gives shares of zero, not NaN, when no emotion is counted", () => {
		const s = summarize(idx, { path: "0-locked.md" });
		expect(s.processShares.map((p) => p.share)).toEqual([0, 0, 0, 0, 0]);
	});
	it("sorts each family's rows by count, then by value, then an emotion's classes in their order", () => {
		const s = summaryJson(summarize(idx));
		expect(s.responses.map((r) => `${r.kind}:${r.count}`)).toEqual(["question:2", "reflection:1", "validation:1"]);
		expect(s.emotions.map((r) => `${r.emotion}/${r.process}:${r.count}`)).toEqual(["shame/primary-maladaptive:2", "shame/secondary:2", "hope/primary-adaptive:1"]);
	});
	it("lists diagnostics by path, then by line, whichever order the notes came in", () => {
		for (const s of [summarize(idx), summarize(idx, { folder: "/" })]) {
			expect(s.diagnostics.map((d) => `${d.path}:${d.line} ${d.code}`)).toEqual([
				"0-locked.md:1 unreadable-file", "a.md:1 bad-property", "a.md:6 unknown-value", "b.md:7 missing-value",
			]);
		}
	});
	it("counts an unreadable note as no note but lists its diagnostic, with a filter too", () => {
		const s = summarize(idx, { path: "0-locked.md" });
		expect(s.notes).toBe(0);
		expect(s.diagnostics).toEqual([expect.objectContaining({ path: "0-locked.md", code: "unreadable-file" })]);
		expect(summarize(idx).notes).toBe(3);
	});
	it("counts supervisor comments, open and resolved, of the notes kept", () => {
		expect(summarize(idx).supervisorComments).toEqual({ open: 1, resolved: 1 });
		expect(summarize(idx, { path: "c.md" }).supervisorComments).toEqual({ open: 0, resolved: 1 });
	});
});

describe("summaryJson: the document of FORMAT.md section 6", () => {
	const format = fs.readFileSync(path.join(__dirname, "../../../docs/FORMAT.md"), "utf8");
	const section = format.slice(format.indexOf("## 6."));
	const documented = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(section)![1]!) as Record<string, unknown>;
	const idx = new NoteIndex();
	idx.set(note("a.md", ["emotion/shame/primary-maladaptive", "resonance/sadness", "empathy/attunement", "response/reflection", "process/soothing", "therapist/regulating", "relationship/presence", "compassion/feeling/other", "emotion"], null, [{ type: "supervisor", line: 1, title: "", firstText: "x" }]));
	const doc = summaryJson(summarize(idx)) as Record<string, unknown>;

	it("has the documented keys in the documented order, added fields after the lists", () => {
		expect(Object.keys(doc)).toEqual(["format", "notes", "emotions", "resonance", "empathy", "responses", "processes", "therapist", "relationship", "compassion", "processShares", "supervisorComments", "movesByClass", "modesByModality", "diagnostics", "warnings", "codingCopies"]);
		expect(Object.keys(doc).filter((k) => k in documented)).toEqual(Object.keys(documented));
	});
	it("writes each row and diagnostic with the documented field names, in order", () => {
		for (const [key, value] of Object.entries(documented)) {
			if (Array.isArray(value)) {
				const got = doc[key] as Record<string, unknown>[];
				expect(got.length).toBeGreaterThan(0);
				for (const row of got) expect(Object.keys(row)).toEqual(Object.keys(value[0] as object));
			} else if (typeof value === "object" && value !== null) expect(Object.keys(doc[key] as object)).toEqual(Object.keys(value));
			else expect(typeof doc[key]).toBe(typeof value);
		}
		expect(doc.format).toBe(1);
		expect(doc.processShares).toEqual(expect.arrayContaining([{ process: "primary-maladaptive", count: 1, notes: 1, share: 1 }]));
	});
});

describe("a scope never hides a note (FORMAT.md 1.1, section 6)", () => {
	const idx = indexOf({
		"Clients/C-1/s1.md": "---\nclient: C-1\ndate: 2026-01-05\nnote-type: session\n---\n#emotion/shame/primary-maladaptive\n",
		"Clients/C-1/s2.md": "---\nclient: C-1\ndate: \"2026-01-12\nnote-type: session\n---\n#emotion/sadness/primary-adaptive\n",
		"Clients/C-2/s1.md": "---\nclient: C-2\ndate: 2026-01-06\n---\n#emotion/fear\n",
	});
	idx.set(unreadableRecord("Clients/C-1/s3.md", "permission denied"));
	const clientFolder = (c: string) => `Clients/${c}`;

	it.each([
		["a client", { client: "C-1" }],
		["a date range", { from: "2026-01-01", to: "2026-01-31" }],
		["a note type", { noteType: "session" }],
	] as [string, SummaryFilter][])("lists the note with invalid properties, and the unreadable one, in %s's summary", (_n, filter) => {
		const s = summarize(idx, filter, { clientFolder });
		const bad = s.diagnostics.find((d) => d.path === "Clients/C-1/s2.md" && d.code === "invalid-frontmatter");
		expect(bad?.message).toMatch(/could not be placed in this scope\. Fix them and it will be counted\.$/);
		expect(bad?.message).not.toContain("still count");
		expect(s.diagnostics.some((d) => d.path === "Clients/C-1/s3.md" && d.code === "unreadable-file")).toBe(true);
		expect(s.warnings[0]).toMatch(/^1 note could not be placed in this scope because its properties are not valid YAML: Clients\/C-1\/s2\.md\./);
		expect(s.warnings[1]).toMatch(/^1 note could not be read, so whether it belongs in this scope is unknown: Clients\/C-1\/s3\.md\.$/);
	});
	it("says which unplaced notes sit in the client's session folder", () => {
		expect(summarize(idx, { client: "C-1" }, { clientFolder }).warnings[0]).toContain("It sits in C-1's session folder (Clients/C-1).");
		expect(summarize(idx, { client: "C-2" }, { clientFolder }).warnings[0]).not.toContain("session folder");
	});
	it("places them by path in a folder scope, where their tags count and the usual message is true", () => {
		const s = summarize(idx, { folder: "Clients/C-1" });
		expect(s.notes).toBe(2);
		expect(s.warnings).toEqual([]);
		expect(s.diagnostics.find((d) => d.code === "invalid-frontmatter")?.message).toContain("the tags in the text still count");
		expect(summaryJson(s).emotions.map((e) => e.emotion).sort()).toEqual(["sadness", "shame"]);
	});
	it("leaves out notes of other folders when the scope also names a folder", () => {
		const s = summarize(idx, { folder: "Clients/C-2", client: "C-2" });
		expect(s.notes).toBe(1);
		expect(s.warnings).toEqual([]);
	});
	it("says when nothing matches, with the nearest client codes, and never on the whole vault", () => {
		expect(summarize(idx, { client: "C-3" }).warnings[0]).toBe("No note has the client “C-3”. Known client codes near it: C-1, C-2.");
		expect(summarize(idx, { client: "[[C-1]]" }).warnings[0]).toBe("No note has the client “[[C-1]]”. Write the client code without the link brackets: C-1.");
		expect(summarize(idx, { from: "2020-01-01", to: "2020-12-31" }).warnings[0]).toBe("No note matches this scope. The dates asked for: 2020-01-01 to 2020-12-31.");
		expect(summarize(idx).warnings).toEqual([]);
		expect(summaryJson(summarize(idx, { client: "C-3" })).warnings).toHaveLength(3);
	});
});
