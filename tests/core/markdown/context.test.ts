import { blockContextAt, blockedContextAt, frontmatterEnd } from "../../../src/core/markdown/context";
import { scanMarkdown } from "../../../src/core/markdown/scan";

// Carried over from tests/core/editing.test.ts (the copy of these rules in
// editing.ts): the scanner's answers must be the same.
describe("blockedContextAt: where a tag would not be read", () => {
	const note = [
		"---", // 0
		"client: C-1", // 1
		"---", // 2
		"Text with `code` and <!-- note --> and [[Link]].", // 3
		"```", // 4
		"fenced", // 5
		"```", // 6
		"$$", // 7
		"x^2", // 8
		"$$", // 9
		"> ~~~", // 10
		"> quoted code", // 11
		"> ~~~", // 12
		"after", // 13
	].join("\n");
	it.each([
		{ name: "properties", line: 1, ch: 3, want: "properties" },
		{ name: "the closing properties fence", line: 2, ch: 0, want: "properties" },
		{ name: "plain text", line: 3, ch: 4, want: null },
		{ name: "inside inline code", line: 3, ch: 12, want: "inline code" },
		{ name: "just before the opening backtick", line: 3, ch: 10, want: null },
		{ name: "just after the closing backtick", line: 3, ch: 16, want: null },
		{ name: "inside an HTML comment", line: 3, ch: 26, want: "comment" },
		{ name: "inside a wiki link", line: 3, ch: 43, want: "link" },
		{ name: "a fence line", line: 4, ch: 0, want: "code block" },
		{ name: "inside a fence", line: 5, ch: 2, want: "code block" },
		{ name: "inside a math block", line: 8, ch: 1, want: "math block" },
		{ name: "inside a fence in a block quote", line: 11, ch: 4, want: "code block" },
		{ name: "after every block", line: 13, ch: 2, want: null },
	])("$name", ({ line, ch, want }) => {
		expect(blockedContextAt(note, line, ch)).toBe(want);
	});
	it("reads CRLF text the same way", () => {
		expect(blockedContextAt(note.replace(/\n/g, "\r\n"), 5, 2)).toBe("code block");
		expect(blockedContextAt(note.replace(/\n/g, "\r\n"), 13, 2)).toBeNull();
	});
	it("a lone --- further down is a rule, not properties", () => {
		expect(blockedContextAt("Text\n---\nMore", 2, 1)).toBeNull();
	});
	it("longer inline code spans need closing runs of the same length", () => {
		expect(blockedContextAt("a ``x ` y`` b", 0, 6)).toBe("inline code");
		expect(blockedContextAt("a ``x ` y`` b", 0, 12)).toBeNull();
	});
});

/** Whether the scanner reads a tag `#zz` put at a line and column (with a space either side). */
function tagReadAt(text: string, line: number, ch: number): boolean {
	const lines = text.split("\n");
	lines[line] = lines[line]!.slice(0, ch) + " #zz " + lines[line]!.slice(ch);
	return scanMarkdown(lines.join("\n")).tags.some((t) => t.tag === "zz" && t.line === line);
}

// Where the scanner, which mirrors Obsidian's metadata cache, knows better
// than the regular expressions it replaces. Each answer agrees with whether
// the scanner reads a tag put there.
describe("blockedContextAt: what the scanner knows", () => {
	it.each([
		{ name: "an indented code block", text: "Para.\n\n    #x code\n\nafter", line: 2, ch: 6, want: "code block" },
		{ name: "a fence inside a list item", text: "- item\n\n    ```\n    code\n    ```\n", line: 3, ch: 6, want: "code block" },
		{ name: "a tab-indented fence in a list item", text: "- item\n\t```\n\tcode\n\t```\n", line: 2, ch: 3, want: "code block" },
		{ name: "the closing line of an HTML comment block", text: "<!--\nhidden\n-->\nafter", line: 2, ch: 3, want: "comment" },
		{ name: "inside an HTML comment block", text: "<!--\nhidden\n-->\nafter", line: 1, ch: 2, want: "comment" },
		{ name: "a comment across a paragraph's lines", text: "Text <!-- one\ntwo --> end", line: 1, ch: 1, want: "comment" },
		{ name: "`<!--` in inline code opens no comment", text: "Say `<!--` here\nnext line", line: 1, ch: 2, want: null },
		{ name: "a fence inside a comment is no fence", text: "<!--\n```\n-->\nafter", line: 3, ch: 2, want: null },
		{ name: "an embed", text: "See ![[Note]] here", line: 0, ch: 8, want: "link" },
		{ name: "a link's text, which Obsidian reads", text: "See [some text](https://x.org/a) here", line: 0, ch: 9, want: null },
		{ name: "inline code in a block quote", text: "> Quoted `code here` ok", line: 0, ch: 13, want: "inline code" },
		{ name: "a math block in a callout", text: "> [!note]\n> $$\n> x\n> $$\nafter", line: 2, ch: 3, want: "math block" },
	])("$name", ({ text, line, ch, want }) => {
		expect(blockedContextAt(text, line, ch)).toBe(want);
		expect(tagReadAt(text, line, ch)).toBe(want === null);
	});
	it("a link's destination is a link: a tag put there would break it", () => {
		expect(blockedContextAt("See [text](https://x.org/a) here", 0, 16)).toBe("link");
		expect(blockedContextAt("See [text](https://x.org/a) here", 0, 10)).toBeNull();
		expect(blockedContextAt("See [text](https://x.org/a) here", 0, 27)).toBeNull();
	});
	it("a column past the line's end stays on its line", () => {
		expect(blockedContextAt("a `b`\n`c`", 0, 99)).toBeNull();
	});
	it("a line past the end is open text", () => {
		expect(blockedContextAt("text", 5, 0)).toBeNull();
	});
});

describe("blockContextAt and frontmatterEnd", () => {
	it("find the properties block as the scanner does", () => {
		expect(frontmatterEnd(["---", "a: 1", "---", "text"])).toBe(2);
		expect(frontmatterEnd(["\uFEFF---", "a: 1", "--- ", "text"])).toBe(2);
		expect(frontmatterEnd(["text", "---"])).toBe(-1);
		expect(frontmatterEnd(["---", "a: 1"])).toBe(-1);
	});
	it("tell a line's block whatever the column", () => {
		const lines = ["---", "a: 1", "---", "```", "code", "```", "text `x`"];
		expect(blockContextAt(lines, 1)).toBe("properties");
		expect(blockContextAt(lines, 4)).toBe("code block");
		expect(blockContextAt(lines, 6)).toBeNull();
	});
});
