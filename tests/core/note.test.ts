import { interpretNote, type NoteFacts } from "../../src/core/note/note";
import { dateFromFileName, linkName, readProperties, readPropertyTags, toIsoDate } from "../../src/core/note/properties";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { vocabularyFrom } from "../../src/core/vocabulary/vocabulary";

const vocab = vocabularyFrom(DEFAULT_SETTINGS);
const facts = (over: Partial<NoteFacts>): NoteFacts => ({ path: "Clients/C-1/2026-01-02 session 1.md", frontmatter: null, tags: [], headings: [], callouts: [], ...over });
const tag = (t: string, line: number) => ({ tag: t, line, col: 0, offset: 0 });

describe("properties (FORMAT.md section 3)", () => {
	it("reads every known property", () => {
		const { props, problems } = readProperties({
			"note-type": "Session", client: "[[C-017]]", date: "2026-03-04", session: 5, previous: "[[2026-02-25 session 4]]",
			modality: "EFMT", clinician: "A", supervisor: "B", review: "requested", "reviewed-by": "B", "reviewed-on": "2026-03-05",
			reviews: ["[[x|alias]]", "[[Clients/y]]"], "rating-empathy": 4, "rating-presence": "5",
		}, "a.md");
		expect(problems).toEqual([]);
		expect(props).toEqual({
			noteType: "session", client: "C-017", date: "2026-03-04", session: 5, previous: "2026-02-25 session 4", modality: "EFMT",
			clinician: "A", supervisor: "B", review: "requested", reviewedBy: "B", reviewedOn: "2026-03-05", reviews: ["x", "y"],
			ratings: { "rating-empathy": 4, "rating-presence": 5 },
		});
	});
	it.each([
		["a date that is no date", { date: "next tuesday" }, "date"],
		["an impossible date", { date: "2026-02-30" }, "date"],
		["a rating out of range", { "rating-warmth": 9 }, "rating-warmth"],
		["a rating that is text", { "rating-warmth": "warm" }, "rating-warmth"],
		["a session that is not a number", { session: "five" }, "session"],
		["a client that is a map", { client: { a: 1 } }, "client"],
	])("ignores %s with bad-property", (_n, fm, key) => {
		const { problems } = readProperties(fm, "x.md");
		expect(problems).toEqual([expect.objectContaining({ key, code: "bad-property" })]);
	});
	it("dates a note from its file name when it has no date", () => {
		expect(readProperties(null, "Clients/2026-01-13 session 1.md").props.date).toBe("2026-01-13");
		expect(readProperties({ date: "2025-12-31T10:00:00" }, "2026-01-13.md").props.date).toBe("2025-12-31");
		expect(readProperties(null, "notes/undated.md").props.date).toBeUndefined();
	});
	it("never throws on a link with a stray %", () => {
		expect(linkName("[C-1](C%ZZ.md)")).toBe("C%ZZ");
		expect(readProperties({ client: "[x](50%)", previous: "[y](a%2Fb%)" }, "n.md").problems).toEqual([]);
	});
	it("reads an unquoted [[link]] (YAML's list in a list) as the link", () => {
		const { props, problems } = readProperties({ client: [["C-2"]], previous: [["2026-01-01 session 1"]], reviews: [[["a"]], [["b"]]] }, "n.md");
		expect(problems).toEqual([]);
		expect(props).toMatchObject({ client: "C-2", previous: "2026-01-01 session 1", reviews: ["a", "b"] });
	});
	it("parses dates and links", () => {
		expect(toIsoDate("2026-01-05T09:00:00Z")).toBe("2026-01-05");
		expect(toIsoDate("2026-13-01")).toBeUndefined();
		expect(dateFromFileName("x/2026-99-99 and 2026-01-02.md")).toBe("2026-01-02");
		expect(linkName("[[Clients/C-101/C-101.md|Mara]]")).toBe("C-101");
		expect(linkName("C-017")).toBe("C-017");
	});
});

describe("tags in properties", () => {
	it.each([
		["a YAML list", { tags: ["emotion/shame", "#emotion/hope/primary-adaptive"] }, ["emotion/shame", "emotion/hope/primary-adaptive"]],
		["one tag as text", { tags: "emotion/shame" }, ["emotion/shame"]],
		["any case of the key", { Tags: ["process/soothing"] }, ["process/soothing"]],
		["several tags in one string give nothing", { tags: "emotion/fear, emotion/anger" }, []],
		["space-separated string gives nothing", { tags: "emotion/fear emotion/anger" }, []],
		["the old tag key gives nothing", { tag: "emotion/fear" }, []],
		["all-digit items are no tags", { tags: [1984, "ok"] }, ["ok"]],
		["an item with a space gives nothing", { tags: ["emotion/anger secondary", "ok"] }, ["ok"]],
	])("%s", (_n, fm, expected) => {
		expect(readPropertyTags(fm).tags.map((t) => t.tag)).toEqual(expected);
	});
});

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
