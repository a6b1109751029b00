import { insertedTagIsRead, selectionTagPosition, tagInsertion } from "../../../src/core/authoring/tag-insertion";

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

describe("insertedTagIsRead: the note read again as Obsidian reads it", () => {
	const tag = "#emotion/shame";
	const read = (text: string, line: number, ch: number) => insertedTagIsRead(text, line, ch, tagInsertion(text.split(/\r?\n/)[line]!, ch, tag), tag);
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
