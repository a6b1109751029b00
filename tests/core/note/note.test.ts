import { parse } from "yaml";
import { interpretNote, type NoteFacts } from "../../../src/core/note/note";
import { readNote } from "../../../src/core/note/reader";
import { parseProperties } from "../../../src/cli/vault";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";

const vocab = vocabularyFrom(DEFAULT_SETTINGS);
const facts = (over: Partial<NoteFacts>): NoteFacts => ({ path: "Clients/C-1/2026-01-02 session 1.md", frontmatter: null, tags: [], headings: [], callouts: [], ...over });
const tag = (t: string, line: number) => ({ tag: t, line, col: 0, offset: 0 });

describe("interpretNote", () => {
	it("counts property tags first, then the body, with headings", () => {
		const rec = interpretNote(facts({
			frontmatter: { tags: ["emotion/hope/primary-adaptive"] },
			frontmatterYaml: "note-type: session\ntags: [emotion/hope/primary-adaptive]",
			headings: [{ heading: "Session", level: 1, line: 4 }, { heading: "Emotions", level: 2, line: 6 }, { heading: "Plan", level: 2, line: 10 }],
			tags: [tag("emotion/shame/primary-maladaptive", 7), tag("response/reflection", 8), tag("todo", 9), tag("Emotion/Shame/Primary-Maladaptive", 11)],
		}), vocab);
		expect(rec.occurrences.map((o) => [o.tag, o.line, o.inProperties, o.headings])).toEqual([
			["emotion/hope/primary-adaptive", 2, true, []],
			["emotion/shame/primary-maladaptive", 7, false, ["Session", "Emotions"]],
			["response/reflection", 8, false, ["Session", "Emotions"]],
			["Emotion/Shame/Primary-Maladaptive", 11, false, ["Session", "Plan"]],
		]);
		expect(rec.counts.get("emotion\u0000shame\u0000primary-maladaptive")).toBe(2);
		expect(rec.diagnostics).toEqual([]);
	});
	it("reports each bad tag once with its 1-based line, and keeps counting the rest", () => {
		const rec = interpretNote(facts({ tags: [tag("emotion", 2), tag("empathy/atunement", 3), tag("emotion/shame/toxic", 4), tag("empathy/rapport", 5)] }), vocab);
		expect(rec.diagnostics.map((d) => [d.line, d.code, d.tag])).toEqual([
			[3, "missing-value", "#emotion"],
			[4, "unknown-value", "#empathy/atunement"],
			[5, "unknown-process", "#emotion/shame/toxic"],
		]);
		expect(rec.occurrences.map((o) => o.value)).toEqual(["shame", "rapport"]);
	});
	it("reports a misread tags string only when it holds Attune tags", () => {
		const bad = interpretNote(facts({ frontmatter: { tags: "emotion/fear, emotion/anger" }, frontmatterYaml: "client: C-1\ntags: emotion/fear, emotion/anger" }), vocab);
		expect(bad.diagnostics).toEqual([expect.objectContaining({ code: "bad-property", line: 3, tag: "tags" })]);
		expect(bad.diagnostics[0]!.message).toContain("tags: [emotion/fear, emotion/anger]");
		const other = interpretNote(facts({ frontmatter: { tags: "project, work" } }), vocab);
		expect(other.diagnostics).toEqual([]);
	});
	it("reports a tags item with a space when it holds Attune tags", () => {
		const rec = interpretNote(facts({ frontmatter: { tags: ["emotion/anger secondary"] }, frontmatterYaml: "tags:\n  - emotion/anger secondary" }), vocab);
		expect(rec.diagnostics).toEqual([expect.objectContaining({ code: "bad-property", line: 2 })]);
		expect(rec.diagnostics[0]!.message).toContain("cannot contain a space");
	});
	it("finds a quoted property key's line", () => {
		const rec = interpretNote(facts({ frontmatter: { "rating-warmth": 9 }, frontmatterYaml: "a: 1\n\"rating-warmth\": 9" }), vocab);
		expect(rec.diagnostics[0]!.line).toBe(3);
	});
	it("keeps inline tags when properties are invalid YAML", () => {
		const rec = interpretNote(facts({ frontmatterError: "unexpected end of stream", tags: [tag("emotion/sadness/primary-adaptive", 5)] }), vocab);
		expect(rec.diagnostics[0]).toMatchObject({ code: "invalid-frontmatter", line: 1 });
		expect(rec.occurrences).toHaveLength(1);
	});
	it("points a bad property at its line", () => {
		const rec = interpretNote(facts({ frontmatter: { "rating-warmth": 9 }, frontmatterYaml: "note-type: supervision\nrating-warmth: 9" }), vocab);
		expect(rec.diagnostics).toEqual([expect.objectContaining({ code: "bad-property", line: 3, tag: "rating-warmth" })]);
	});
	it("collects supervisor comments, open and resolved", () => {
		const rec = interpretNote(facts({ callouts: [
			{ type: "supervisor", line: 3, title: "Stayed with the shame", firstText: "Stayed with the shame" },
			{ type: "note", line: 6, title: "", firstText: "x" },
			{ type: "supervisor-resolved", line: 9, title: "", firstText: "Done" },
		] }), vocab);
		expect(rec.comments).toEqual([{ line: 3, resolved: false, text: "Stayed with the shame" }, { line: 9, resolved: true, text: "Done" }]);
	});
});

describe("interpretNote: a note's name and folder", () => {
	it.each<[string, string, string]>([
		["Clients/C-1/2026-01-02 session 1.md", "2026-01-02 session 1", "Clients/C-1"],
		["Upper.MD", "Upper", ""],
		["a/Mixed.mD", "Mixed", "a"],
		["a/b.md.md", "b.md", "a"],
		["a/no extension", "no extension", "a"],
		["a/.md", "", "a"],
		["a/md", "md", "a"],
	])("%s", (path, name, folder) => {
		const rec = interpretNote(facts({ path }), vocab);
		expect([rec.name, rec.folder]).toEqual([name, folder]);
	});
});

describe("interpretNote: one note after another", () => {
	// Reading reuses its working storage from note to note: nothing of one note may reach the next.
	const seen = (text: string) => {
		const rec = readNote("Clients/C-1/a.md", text, vocab, parse);
		return { occurrences: rec.occurrences, counts: [...rec.counts], diagnostics: rec.diagnostics.map((d) => [d.line, d.code]) };
	};
	const big = ["---", "modality: EFMT", "---", "# Session", ""];
	for (let i = 0; i < 150; i++) big.push(`She spoke #emotion/shame/primary-maladaptive and #empathy/attunement then #process/soothing ${i} #emotion/fear/x${i}`, "");
	const small = ["---", "note-type: session", "---", "## Plan", "", "#emotion/sadness/primary-adaptive", "", "We slowed down #process/transforming", ""].join("\n");

	it("gives a small note the same record after a large one as alone", () => {
		const alone = seen(small);
		expect(seen(big.join("\n")).occurrences).toHaveLength(600);
		expect(seen(small)).toEqual(alone);
		// The emotion on a line of its own belongs to the heading's passage before it; the move to its own.
		expect(alone.occurrences.map((o) => [o.value, o.passage])).toEqual([["sadness", 3], ["transforming", 7]]);
	});

	it("keeps every occurrence, count and diagnostic of a note with hundreds of tags", () => {
		const rec = seen(big.join("\n"));
		expect(rec.occurrences.filter((o) => o.family === "emotion")).toHaveLength(300);
		expect(rec.counts).toEqual(expect.arrayContaining([["emotion\u0000shame\u0000primary-maladaptive", 150], ["process\u0000soothing", 150], ["move-by-class\u0000soothing\u0000primary-maladaptive", 150]]));
		expect(rec.diagnostics).toHaveLength(150);
	});
});

describe("interpretNote: properties repeated from note to note", () => {
	it("keeps each note's own values when most repeat and many are new", () => {
		// Repeated values (a modality, a clinician, a folder) are kept once for all notes; more distinct values
		// than the bound (20,000: here a client, a clinician and a folder new in each note) empty the table,
		// and no note may then read another's.
		const records = Array.from({ length: 8000 }, (_, i) =>
			readNote(`Clients/C-${i}/n${i}.md`, `---\nclient: "[[C-${i}]]"\nmodality: ${i % 2 ? "EFT" : "EFMT"}\nclinician: Clinician ${i}\ndate: 2026-01-${String(1 + (i % 28)).padStart(2, "0")}\n---\n#emotion/fear\n`, vocab, parseProperties));
		records.forEach((rec, i) => {
			expect(rec.props.client).toBe(`C-${i}`);
			expect(rec.props.modality).toBe(i % 2 ? "EFT" : "EFMT");
			expect(rec.props.clinician).toBe(`Clinician ${i}`);
			expect(rec.props.date).toBe(`2026-01-${String(1 + (i % 28)).padStart(2, "0")}`);
			expect(rec.folder).toBe(`Clients/C-${i}`);
		});
	});
});
