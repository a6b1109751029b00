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
	it("finds a property whatever the case of its key, the first such key winning", () => {
		const { props, problems } = readProperties({ Client: "[[C-9]]", DATE: "2026-01-02", "Rating-Warmth": 6, session: 3, SESSION: 4 }, "a.md");
		expect(props).toEqual({ client: "C-9", date: "2026-01-02", session: 3 });
		// A problem names the key as the note writes it.
		expect(problems).toEqual([expect.objectContaining({ key: "Rating-Warmth", code: "bad-property" })]);
		expect(readProperties({ Modality: "EFT", modality: "CBT" }, "a.md").props.modality).toBe("CBT");
		expect(readProperties({ Modality: "EFT", Note: 1 }, "a.md").props.modality).toBe("EFT");
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

describe("reading properties as they are written", () => {
	const props = (fm: Record<string, unknown>, path = "notes/x.md") => readProperties(fm, path);
	const problemKeys = (fm: Record<string, unknown>, path?: string) => props(fm, path).problems.map((p) => p.key);

	it.each([
		["a quoted link", "[[C-101]]", "C-101"],
		["an embed", "![[C-101]]", "C-101"],
		["a link to a heading", "[[C-101#Intake]]", "C-101"],
		["a Markdown link", "[Mara](Clients/C-101.md)", "C-101"],
		["plain text with spaces around", "  C-101 ", "C-101"],
		["a number", 101, "101"],
	])("client as %s counts by the target's name", (_n, client, want) => {
		expect(props({ client })).toEqual({ props: { client: want }, problems: [] });
	});
	it("refuses two clients in one note, and takes a client left blank (client:) as none", () => {
		expect(problemKeys({ client: ["C-1", "C-2"] })).toEqual(["client"]);
		expect(props({ client: null })).toEqual({ props: {}, problems: [] });
	});

	it.each([
		["a date", "2026-03-04"],
		["a date and time", "2026-03-04 09:30"],
		["an ISO date-time with an offset", "2026-03-04T09:30:00+01:00"],
		["a date the YAML parser made a Date", new Date("2026-03-04T00:00:00Z")],
	])("accepts %s", (_n, date) => {
		expect(props({ date })).toEqual({ props: { date: "2026-03-04" }, problems: [] });
	});
	it.each([
		["written without leading zeros", "2026-3-4"],
		["written day first", "04/03/2026"],
		["given as a number", 20260304],
	])("refuses a date %s, and dates the note from its file name", (_n, date) => {
		const r = props({ date }, "Clients/2026-01-13 session 1.md");
		expect(r.problems).toEqual([expect.objectContaining({ key: "date", code: "bad-property" })]);
		expect(r.props.date).toBe("2026-01-13");
	});
	it("takes an empty date as none, without a problem", () => {
		expect(props({ date: "" }, "Clients/2026-01-13.md")).toEqual({ props: { date: "2026-01-13" }, problems: [] });
	});

	it.each([[5, 5], ["5", 5], [" 12 ", 12], [0, 0]])("reads session %j as %j", (session, want) => {
		expect(props({ session })).toEqual({ props: { session: want }, problems: [] });
	});
	it.each([-1, 2.5, "5th", true])("refuses session %j", (session) => {
		expect(problemKeys({ session })).toEqual(["session"]);
	});

	it.each([[50, 50], ["50", 50], [" 45 ", 45], [52.5, 52.5], [0, 0], [1440, 1440]])("reads duration %j as %j minutes", (duration, want) => {
		expect(props({ duration })).toEqual({ props: { duration: want }, problems: [] });
	});
	it.each([["50 min", "50 min"], ["1:30", "1:30"], [-5, "-5"], [1441, "1441"], [true, "true"], [[50], "[50]"]])("refuses duration %j, keeping it as written for Hours", (duration, written) => {
		const r = props({ Duration: duration });
		expect(r.props).toEqual({ durationWritten: written });
		expect(r.problems.map((p) => [p.key, p.code])).toEqual([["Duration", "bad-property"]]);
		expect(r.problems[0]!.message).toContain("minutes");
	});
	it.each([null, ""])("takes duration %j as none, without a problem", (duration) => {
		expect(props({ duration })).toEqual({ props: {}, problems: [] });
	});

	it("keeps ratings from 1 to 5, written as numbers or text", () => {
		expect(props({ "rating-empathy": 1, "rating-warmth": 5, "rating-presence": "3", "rating-congruence": 4.5 }).props.ratings).toEqual({
			"rating-empathy": 1, "rating-warmth": 5, "rating-presence": 3, "rating-congruence": 4.5,
		});
	});
	it("refuses each rating outside 1 to 5, naming it, and keeps the good ones", () => {
		const r = props({ "rating-empathy": 0, "rating-warmth": 6, "rating-compassion": "", "rating-presence": 2 });
		expect(r.problems.map((p) => [p.key, p.code])).toEqual([["rating-empathy", "bad-property"], ["rating-warmth", "bad-property"]]);
		expect(r.problems[1]!.message).toContain("1 to 5");
		expect(r.props.ratings).toEqual({ "rating-presence": 2 });
	});

	it("lowercases the note type and the review state, and finds keys in any case", () => {
		expect(props({ "Note-Type": "Supervision", Review: "Requested", Client: "C-7" }).props).toEqual({ noteType: "supervision", review: "requested", client: "C-7" });
	});
	it("refuses a note type that is a list", () => {
		expect(problemKeys({ "note-type": ["session", "study"] })).toEqual(["note-type"]);
	});
});

describe("tags in properties that Obsidian does not read, kept to be reported", () => {
	it.each([
		["several tags in one text", { tags: "#emotion/fear, emotion/anger" }, [{ key: "tags", words: ["emotion/fear", "emotion/anger"], kind: "string" }]],
		["a list item with a space", { Tags: ["ok", "emotion/anger secondary"] }, [{ key: "Tags", words: ["emotion/anger", "secondary"], kind: "item" }]],
		["the old tag key, as text", { tag: "emotion/fear emotion/joy" }, [{ key: "tag", words: ["emotion/fear", "emotion/joy"], kind: "old-key" }]],
		["the old tag key, as a list", { tag: ["#emotion/fear", 3] }, [{ key: "tag", words: ["emotion/fear"], kind: "old-key" }]],
		["nothing when every tag is read", { tags: ["emotion/fear", "emotion/joy"] }, []],
	])("%s", (_n, fm, misread) => {
		expect(readPropertyTags(fm).misread).toEqual(misread);
	});
});
