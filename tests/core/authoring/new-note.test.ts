import { parse as parseYaml } from "yaml";
import { expandPathPattern, fillProperties, firstSectionPosition } from "../../../src/core/authoring/new-note";

describe("fillProperties", () => {
	it.each([
		{
			name: "adds a properties block to a note without one",
			before: "# Body\n",
			props: [["note-type", "session"], ["client", "C-1"], ["session", 3]] as const,
			after: "---\nnote-type: session\nclient: C-1\nsession: 3\n---\n# Body\n",
		},
		{
			name: "fills empty keys and adds missing ones, keeping written values",
			before: "---\nnote-type: progress\nclient:\nmood: ok\n---\nBody",
			props: [["note-type", "session"], ["client", "C-1"], ["previous", "[[a b]]"]] as const,
			after: '---\nnote-type: progress\nclient: C-1\nmood: ok\nprevious: "[[a b]]"\n---\nBody',
		},
		{
			name: "writes lists, and skips empty values",
			before: "---\nreviews:\n---\n",
			props: [["reviews", ["[[s1]]", "[[s2]]"]], ["modality", ""], ["previous", undefined]] as const,
			after: '---\nreviews:\n  - "[[s1]]"\n  - "[[s2]]"\n---\n',
		},
		{
			name: "keeps CRLF",
			before: "---\r\nclient:\r\n---\r\nBody",
			props: [["client", "C-1"], ["date", "2026-03-16"]] as const,
			after: "---\r\nclient: C-1\r\ndate: 2026-03-16\r\n---\r\nBody",
		},
		{
			name: "a key with a list below it is not empty",
			before: "---\nreviews:\n  - \"[[x]]\"\n---\n",
			props: [["reviews", ["[[y]]"]]] as const,
			after: "---\nreviews:\n  - \"[[x]]\"\n---\n",
		},
	])("$name", ({ before, props, after }) => {
		const out = fillProperties(before, props);
		expect(out).toBe(after);
		expect(() => parseYaml(out.split(/\r?\n---/)[0]!.replace(/^---\r?\n/, "")) as unknown).not.toThrow();
	});
});

describe("firstSectionPosition", () => {
	it.each([
		{ name: "the line below the first heading", text: "---\na: 1\n---\n## One\n\n## Two\n", want: { line: 4, ch: 0 } },
		{ name: "the end of a prompt line", text: "## Plan\n- \n", want: { line: 1, ch: 2 } },
		{ name: "no heading: the body's first line", text: "---\na: 1\n---\nBody", want: { line: 3, ch: 4 } },
		{ name: "a heading on the last line", text: "# T", want: { line: 0, ch: 3 } },
	])("$name", ({ text, want }) => {
		expect(firstSectionPosition(text)).toEqual(want);
	});
});

describe("expandPathPattern", () => {
	const fmt = (d: Date, f: string) => f.replace("YYYY", String(d.getFullYear())).replace("MM", String(d.getMonth() + 1).padStart(2, "0")).replace("DD", String(d.getDate()).padStart(2, "0"));
	const date = new Date(2026, 2, 16, 9, 30);
	it.each([
		{ pattern: "Clients/{{client}}", want: "Clients/C-101" },
		{ pattern: "{{date:YYYY-MM-DD}} session {{session}}", want: "2026-03-16 session 7" },
		{ pattern: "{{date}} {{client}}", want: "2026-03-16 C-101" },
		{ pattern: "{{date:YYYY/MM}}/{{client}}", want: "2026/03/C-101" },
		{ pattern: "Keep {{unknown}}", want: "Keep {{unknown}}" },
	])("$pattern", ({ pattern, want }) => {
		expect(expandPathPattern(pattern, { client: "C-101", session: 7, date }, fmt)).toBe(want);
	});
	it("makes a client code safe for a file name", () => {
		expect(expandPathPattern("Clients/{{client}}", { client: "A/B:C#1", date }, fmt)).toBe("Clients/A-B-C-1");
	});
	it("drops empty segments and trailing dots", () => {
		expect(expandPathPattern("Clients/{{client}}/", { client: "", date }, fmt)).toBe("Clients");
		expect(expandPathPattern("{{client}}.", { client: "x", date }, fmt)).toBe("x");
	});
});
