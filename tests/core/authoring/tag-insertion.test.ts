import { blockedContextAt, insertedTagIsRead, selectionTagPosition, tagInsertion } from "../../../src/core/authoring/tag-insertion";

describe("tagInsertion: spaced so that Obsidian reads a tag", () => {
	const tag = "#emotion/shame/primary-maladaptive";
	it.each([
		{ name: "empty line", line: "", ch: 0, after: `${tag}` },
		{ name: "after a space", line: "She froze ", ch: 10, after: `She froze ${tag}` },
		{ name: "glued after a word: a space before", line: "She froze", ch: 9, after: `She froze ${tag}` },
		{ name: "before a word: a space after", line: "froze", ch: 0, after: `${tag} froze` },
		{ name: "inside a word: both", line: "frozen", ch: 3, after: `fro ${tag} zen` },
		{ name: "before punctuation: none after", line: "She froze.", ch: 9, after: `She froze ${tag}.` },
		{ name: "before a space: none after", line: "a b", ch: 1, after: `a ${tag} b` },
		{ name: "before a hyphen, which would join the tag", line: "x-y", ch: 1, after: `x ${tag} -y` },
		{ name: "before another tag", line: "#todo", ch: 0, after: `${tag} #todo` },
		{ name: "after a digit", line: "1", ch: 1, after: `1 ${tag}` },
	])("$name", ({ line, ch, after }) => {
		const ins = tagInsertion(line, ch, tag);
		expect(line.slice(0, ch) + ins.text + line.slice(ch)).toBe(after);
		// The cursor lands right after what was inserted.
		expect(ins.cursorCh).toBe(ch + ins.text.length);
	});
});

describe("selectionTagPosition: the end of the selected passage", () => {
	const lines = ["First line.", "Second line.", ""];
	it("ends where the selection ends", () => {
		expect(selectionTagPosition(lines, { line: 0, ch: 0 }, { line: 1, ch: 6 })).toEqual({ line: 1, ch: 6 });
	});
	it("a selection of whole lines ends on the last selected line, not the next", () => {
		expect(selectionTagPosition(lines, { line: 0, ch: 0 }, { line: 2, ch: 0 })).toEqual({ line: 1, ch: 12 });
	});
});

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

describe("insertedTagIsRead: the note read again as Obsidian reads it", () => {
	const tag = "#emotion/shame";
	const read = (text: string, line: number, ch: number) => insertedTagIsRead(text, line, ch, tagInsertion(text.split(/\r?\n/)[line], ch, tag), tag);
	it.each([
		{ name: "ordinary text", text: "Para\nShe froze", line: 1, ch: 9, want: true },
		{ name: "a heading", text: "## Emotions", line: 0, ch: 11, want: true },
		{ name: "a list item", text: "- froze", line: 0, ch: 7, want: true },
		{ name: "a callout", text: "> [!supervisor] X\n> body", line: 1, ch: 6, want: true },
		{ name: "CRLF", text: "a\r\nb\r\nc", line: 1, ch: 1, want: true },
		{ name: "an indented code block", text: "Para\n\n    code", line: 2, ch: 8, want: false },
		{ name: "inside an HTML block", text: "<div>\nx\n</div>", line: 1, ch: 1, want: false },
	])("$name", ({ text, line, ch, want }) => {
		expect(read(text, line, ch)).toBe(want);
	});
});
