import { resolveSupervisorComment, supervisorCommentHeading, supervisorCommentInsertion } from "../../../src/core/authoring/supervisor-comments";

/** Applies an insertion the way the editor does: at a line and column. */
function applyAt(text: string, at: { line: number; ch: number }, insert: string): string {
	const eol = text.includes("\r\n") ? "\r\n" : "\n";
	const lines = text.split(/\r?\n/);
	let offset = 0;
	for (let i = 0; i < at.line; i++) offset += lines[i]!.length + eol.length;
	offset += at.ch;
	return text.slice(0, offset) + insert + text.slice(offset);
}

describe("supervisorCommentInsertion: a callout below the line, never joining a paragraph", () => {
	const heading = supervisorCommentHeading("Dr. T", "2026-03-16");
	it.each([
		{
			name: "after a paragraph followed by a blank line",
			before: "Para one.\n\nPara two.",
			line: 0,
			after: "Para one.\n\n> [!supervisor] Dr. T, 2026-03-16\n> \n\nPara two.",
			cursor: { line: 3, ch: 2 },
		},
		{
			name: "at the end of a hard-wrapped paragraph, not inside it",
			before: "Line a\nline b\n## Next",
			line: 0,
			after: "Line a\nline b\n\n> [!supervisor] Dr. T, 2026-03-16\n> \n\n## Next",
			cursor: { line: 4, ch: 2 },
		},
		{
			name: "at the end of the note",
			before: "Only line",
			line: 0,
			after: "Only line\n\n> [!supervisor] Dr. T, 2026-03-16\n> ",
			cursor: { line: 3, ch: 2 },
		},
		{
			name: "on an empty line after text",
			before: "Text\n\nMore",
			line: 1,
			after: "Text\n\n> [!supervisor] Dr. T, 2026-03-16\n> \n\nMore",
			cursor: { line: 3, ch: 2 },
		},
		{
			name: "on an empty first line",
			before: "\nText",
			line: 0,
			after: "> [!supervisor] Dr. T, 2026-03-16\n> \n\nText",
			cursor: { line: 1, ch: 2 },
		},
		{
			name: "list items: after the item, not the whole list",
			before: "- one\n- two",
			line: 0,
			after: "- one\n\n> [!supervisor] Dr. T, 2026-03-16\n> \n\n- two",
			cursor: { line: 3, ch: 2 },
		},
		{
			name: "below another callout: after its last line",
			before: "> [!note] A\n> body\nText",
			line: 0,
			after: "> [!note] A\n> body\n\n> [!supervisor] Dr. T, 2026-03-16\n> \n\nText",
			cursor: { line: 4, ch: 2 },
		},
		{
			name: "on a table's header row: after the whole table",
			before: "| S | O |\n|---|---|\n| a | b |\n| c | d |\n\nAfter.",
			line: 0,
			after: "| S | O |\n|---|---|\n| a | b |\n| c | d |\n\n> [!supervisor] Dr. T, 2026-03-16\n> \n\nAfter.",
			cursor: { line: 6, ch: 2 },
		},
		{
			name: "on a table's body row: the rows below stay in the table",
			before: "| S | O |\n|---|---|\n| a | b |\n| c | d |",
			line: 2,
			after: "| S | O |\n|---|---|\n| a | b |\n| c | d |\n\n> [!supervisor] Dr. T, 2026-03-16\n> ",
			cursor: { line: 6, ch: 2 },
		},
		{
			name: "CRLF line endings are kept",
			before: "Para one.\r\n\r\nPara two.",
			line: 0,
			after: "Para one.\r\n\r\n> [!supervisor] Dr. T, 2026-03-16\r\n> \r\n\r\nPara two.",
			cursor: { line: 3, ch: 2 },
		},
	])("$name", ({ before, line, after, cursor }) => {
		const ins = supervisorCommentInsertion(before, line, heading);
		expect(applyAt(before, ins.at, ins.text)).toBe(after);
		expect(ins.cursor).toEqual(cursor);
		expect(after.split(/\r?\n/)[cursor.line]!.slice(0, cursor.ch)).toBe("> ");
	});
	it("without a supervisor's name the heading is the date", () => {
		expect(supervisorCommentHeading("  ", "2026-03-16")).toBe("2026-03-16");
	});
});

describe("resolveSupervisorComment", () => {
	const note = [
		"Intro", // 0
		"", // 1
		"> [!supervisor] Slow down", // 2
		"> Consider a conjecture.", // 3
		"", // 4
		"> [!supervisor-resolved] Done", // 5
		"> body", // 6
		"", // 7
		"> [!note] Other", // 8
		"> text", // 9
		"> [!SUPERVISOR]- Folded", // 10
	].join("\n");
	const apply = (text: string, line: number) => {
		const r = resolveSupervisorComment(text, line);
		return r.kind === "resolve" ? applyAt(text, r.at, r.insert) : r.kind;
	};
	it.each([
		{ name: "on the callout's first line", line: 2, want: "> [!supervisor-resolved] Slow down" },
		{ name: "on its body", line: 3, want: "> [!supervisor-resolved] Slow down" },
		{ name: "on the blank line just below it", line: 4, want: "> [!supervisor-resolved] Slow down" },
		{ name: "keeps the written case and fold sign", line: 10, want: "> [!SUPERVISOR-resolved]- Folded" },
	])("$name", ({ line, want }) => {
		const out = apply(note, line);
		expect(typeof out === "string" && out.split("\n").includes(want)).toBe(true);
		// Only that one line changed.
		const changed = out.split("\n").filter((l, i) => l !== note.split("\n")[i]);
		expect(changed).toEqual([want]);
	});
	it.each([
		{ name: "already resolved", line: 6, want: "already-resolved" },
		{ name: "another kind of callout", line: 9, want: "none" },
		{ name: "ordinary text", line: 0, want: "none" },
	])("$name", ({ line, want }) => {
		expect(resolveSupervisorComment(note, line).kind).toBe(want);
	});
	it("works on CRLF text without touching line endings", () => {
		const crlf = note.replace(/\n/g, "\r\n");
		const out = apply(crlf, 3);
		expect(out).toBe(crlf.replace("> [!supervisor] Slow down", "> [!supervisor-resolved] Slow down"));
	});
});
