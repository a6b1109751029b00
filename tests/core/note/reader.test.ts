import { parse } from "yaml";
import { factsFromText, readNote } from "../../../src/core/note/reader";
import { read, vocab } from "../../helpers/notes";

const yaml = (y: string) => parse(y) as unknown;

describe("factsFromText and readNote: properties", () => {
	it("reports invalid YAML as invalid-frontmatter with the parser's first line, and still counts the text's tags", () => {
		const text = "---\nclient: [C-1\ndate: 2026-03-16\n---\nShe froze #emotion/fear/primary-adaptive\n";
		const facts = factsFromText("a.md", text, yaml);
		expect(facts.frontmatter).toBeNull();
		expect(facts.frontmatterError).toBe("Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:");
		const rec = readNote("a.md", text, vocab, yaml);
		expect(rec.diagnostics).toEqual([{ path: "a.md", line: 1, tag: "properties", code: "invalid-frontmatter", message: expect.stringContaining(`(${facts.frontmatterError})`) as string }]);
		expect(rec.occurrences.map((o) => o.tag)).toEqual(["emotion/fear/primary-adaptive"]);
	});
	it("cuts a long parser message to one readable line", () => {
		const long = () => { throw new Error(`${"x".repeat(200)}\nsecond line`); };
		const error = factsFromText("a.md", "---\na: 1\n---\n", long).frontmatterError!;
		expect(error).toHaveLength(160);
		expect(error.endsWith("...")).toBe(true);
	});
	it.each([
		["a list", "- client: C-1\n- date: 2026-03-16"],
		["a single value", "just a sentence"],
	])("refuses properties that are %s, saying why in words", (_n, block) => {
		const rec = read("a.md", `---\n${block}\n---\nText\n`);
		expect(rec.diagnostics.map((d) => d.code)).toEqual(["invalid-frontmatter"]);
		expect(rec.diagnostics[0]!.message).toContain("(they are not a list of named properties)");
		expect(rec.props).toEqual({});
	});
	it.each([
		["empty", "---\n---\n#emotion/joy"],
		["blank lines only", "---\n\n  \n---\n#emotion/joy"],
		["a comment only", "---\n# nothing yet\n---\n#emotion/joy"],
	])("takes a properties block that is %s as no properties, without a diagnostic", (_n, text) => {
		const facts = factsFromText("a.md", text, yaml);
		expect(facts.frontmatter).toBeNull();
		expect(facts.frontmatterError).toBeUndefined();
		expect(read("a.md", text).diagnostics).toEqual([]);
	});
	it("hands on the properties and their text, so a bad property points at its line", () => {
		const rec = read("a.md", "---\nclient: C-1\nrating-warmth: 9\n---\n");
		expect(rec.props.client).toBe("C-1");
		expect(rec.diagnostics).toEqual([expect.objectContaining({ code: "bad-property", line: 3, tag: "rating-warmth" })]);
	});
});

describe("factsFromText and readNote: the body", () => {
	const text = "---\nnote-type: session\ntags: [emotion/hope]\n---\n## Emotions\nAngry #emotion/anger/secondary, then #response/reflection\n\n`#emotion/not-a-tag` and\n> [!supervisor] Slow down #emotion/shame\n";
	it("reads the body's tags in reading order, each with its 0-based line, leaving code out", () => {
		expect(factsFromText("a.md", text, yaml).tags.map((t) => [t.tag, t.line])).toEqual([
			["emotion/anger/secondary", 5], ["response/reflection", 5], ["emotion/shame", 8],
		]);
	});
	it("counts property tags first, then the body's, with headings and callouts", () => {
		const rec = read("Clients/C-1/a.md", text);
		expect(rec.occurrences.map((o) => [o.tag, o.line, o.inProperties])).toEqual([
			["emotion/hope", 2, true], ["emotion/anger/secondary", 5, false], ["response/reflection", 5, false], ["emotion/shame", 8, false],
		]);
		expect(rec.occurrences[1]!.headings).toEqual(["Emotions"]);
		expect(rec.comments).toEqual([{ line: 8, resolved: false, text: "Slow down #emotion/shame" }]);
		expect(rec).toMatchObject({ path: "Clients/C-1/a.md", name: "a", folder: "Clients/C-1", props: { noteType: "session" } });
	});
	it("reads CRLF text as the same note", () => {
		const crlf = read("Clients/C-1/a.md", text.replace(/\n/g, "\r\n"));
		expect(crlf).toEqual(read("Clients/C-1/a.md", text));
	});
});
