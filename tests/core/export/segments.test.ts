import { parse } from "yaml";
import { segmentRows, segmentsCsv, segmentsJson } from "../../../src/core/export/segments";
import { readNote } from "../../../src/core/note/reader";
import { vocab } from "../../helpers/notes";
import { readCsv } from "../../helpers/csv";

const rowsOf = (path: string, text: string) => segmentRows(readNote(path, text, vocab, (y) => parse(y) as unknown), text, vocab);

const NOTE = [
	"---",
	"client: \"[[C-7]]\"",
	"date: 2026-04-02",
	"session: 4",
	"tags: [emotion/grief]",
	"---",
	"## Session",
	"### Chair work",
	"She said \"I can't, I won't\",",
	"and went quiet. #emotion/fear/primary-maladaptive",
	"",
	"- I reflected it #response/reflection",
	"- =SUM(A1) she joked #emotion/amusement",
	"",
	"Self-kindness after.",
	"",
	"#compassion/feeling/self",
	"",
].join("\n");

describe("segment rows: one per counted tag occurrence, with its passage", () => {
	const rows = rowsOf("Clients/C-7/2026-04-02 session 4.md", NOTE);

	it("gives the note's client, date and session, the tag's family, value, class or direction, line and headings", () => {
		expect(rows.map((r) => [r.family, r.value, r.class, r.direction, r.line, r.headings.join(" > ")])).toEqual([
			["emotion", "grief", "unclassified", null, 5, ""],
			["emotion", "fear", "primary-maladaptive", null, 10, "Session > Chair work"],
			["response", "reflection", null, null, 12, "Session > Chair work"],
			["emotion", "amusement", "unclassified", null, 13, "Session > Chair work"],
			["compassion", "feeling", null, "self", 17, "Session > Chair work"],
		]);
		for (const r of rows) expect([r.path, r.client, r.date, r.session]).toEqual(["Clients/C-7/2026-04-02 session 4.md", "C-7", "2026-04-02", 4]);
	});

	it("cuts out the passage that carries the tag: the whole paragraph, a list item without its marker, and for a tag on its own line the paragraph it follows", () => {
		expect(rows.map((r) => r.text)).toEqual([
			"",
			"She said \"I can't, I won't\",\nand went quiet. #emotion/fear/primary-maladaptive",
			"I reflected it #response/reflection",
			"=SUM(A1) she joked #emotion/amusement",
			"Self-kindness after.",
		]);
		expect(rows[0]!.inProperties).toBe(true);
	});

	it("has no rows for a note without Attune tags", () => {
		expect(rowsOf("a.md", "Just text #other/tag\n")).toEqual([]);
	});

	it("writes CSV that a CSV reader reads back cell for cell: commas, quotes and line breaks quoted, formulas defused", () => {
		const csv = segmentsCsv(rows);
		expect(csv.endsWith("\r\n")).toBe(true);
		const back = readCsv(csv);
		expect(back[0]).toEqual(["path", "client", "date", "session", "family", "value", "class", "direction", "tag", "line", "headings", "text"]);
		expect(back).toHaveLength(rows.length + 1);
		expect(back[2]![11]).toBe("She said \"I can't, I won't\",\nand went quiet. #emotion/fear/primary-maladaptive");
		expect(back[2]![10]).toBe("Session > Chair work");
		// A passage beginning with = would run as a formula in a spreadsheet: it is written as text.
		expect(back[4]![11]).toBe("'=SUM(A1) she joked #emotion/amusement");
		expect(back[5]!.slice(4, 8)).toEqual(["compassion", "feeling", "", "self"]);
	});

	it("writes the JSON document's rows with every field, nulls where a field does not apply", () => {
		const doc = segmentsJson(rows, { scope: { client: "C-7" }, codingCopies: 0, warnings: [] }) as { format: number; scope: unknown; segments: Record<string, unknown>[] };
		expect(Object.keys(doc)).toEqual(["format", "scope", "segments", "codingCopies", "warnings"]);
		expect(doc.scope).toEqual({ client: "C-7" });
		expect(Object.keys(doc.segments[0]!)).toEqual(["path", "client", "date", "session", "family", "value", "class", "direction", "tag", "line", "inProperties", "headings", "text"]);
		expect(doc.segments[2]).toMatchObject({ family: "response", class: null, direction: null, tag: "response/reflection", line: 12, inProperties: false });
	});
});
