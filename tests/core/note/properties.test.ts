import { dateFromFileName, linkName, readProperties, readPropertyTags, toIsoDate } from "../../../src/core/note/properties";

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
