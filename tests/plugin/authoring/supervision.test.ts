/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { Notice } from "../../obsidian-double/obsidian";
import { parse as parseYaml } from "yaml";
import { authoring, marked, openNote, place, settle } from "./setup";

const NOTE = "Clients/C-1/2026-03-10 session 3.md";

describe("add-supervisor-comment", () => {
	it.each([
		{
			name: "below the current paragraph, with the supervisor's name and today's date",
			before: "## Emotions symbolized\nShe said she was fine‸ and\nlooked away.\n\n## Plan",
			after: "## Emotions symbolized\nShe said she was fine and\nlooked away.\n\n> [!supervisor] Dr. T, 2026-03-16\n> ‸\n\n## Plan",
		},
		{
			name: "below a selection",
			before: "«One.\nTwo.»\nThree.",
			after: "One.\nTwo.\nThree.\n\n> [!supervisor] Dr. T, 2026-03-16\n> ‸",
		},
		{
			name: "CRLF kept",
			before: "Text‸\r\n\r\nMore",
			after: "Text\r\n\r\n> [!supervisor] Dr. T, 2026-03-16\r\n> ‸\r\n\r\nMore",
		},
	])("$name", async ({ before, after }) => {
		const a = await authoring({ [NOTE]: "x" }, { supervisorName: "Dr. T" });
		const editor = place(await openNote(a.app, NOTE), before);
		a.run("add-supervisor-comment");
		expect(marked(editor)).toBe(after);
	});

	it("refuses inside the properties or a code block", async () => {
		const a = await authoring({ [NOTE]: "x" }, { supervisorName: "Dr. T" });
		for (const before of ["---\nclient: C‸-1\n---\nText", "```\nco‸de\n```\n"]) {
			const editor = place(await openNote(a.app, NOTE), before);
			a.run("add-supervisor-comment");
			expect(marked(editor)).toBe(before);
		}
		expect(Notice.messages).toHaveLength(2);
	});
});

describe("resolve-supervisor-comment", () => {
	it.each([
		{
			name: "the comment at the cursor, keeping everything else",
			before: "> [!supervisor] Slow down\n> Consider a conj‸ecture.\n\n> [!supervisor] Other\n> Keep.",
			after: "> [!supervisor-resolved] Slow down\n> Consider a conj‸ecture.\n\n> [!supervisor] Other\n> Keep.",
		},
		{
			name: "CRLF kept",
			before: "Text\r\n\r\n> [!supervisor]‸ Note\r\n> Body\r\n",
			after: "Text\r\n\r\n> [!supervisor-resolved]‸ Note\r\n> Body\r\n",
		},
	])("$name", async ({ before, after }) => {
		const a = await authoring({ [NOTE]: "x" });
		const editor = place(await openNote(a.app, NOTE), before);
		a.run("resolve-supervisor-comment");
		expect(marked(editor).replace("‸", "")).toBe(after.replace("‸", ""));
	});

	it.each([
		{ before: "Plain ‸text", message: /no supervisor comment here/ },
		{ before: "> [!supervisor-resolved] Done\n> bo‸dy", message: /already resolved/ },
	])("says why when there is nothing to resolve", async ({ before, message }) => {
		const a = await authoring({ [NOTE]: "x" });
		const editor = place(await openNote(a.app, NOTE), before);
		a.run("resolve-supervisor-comment");
		expect(marked(editor)).toBe(before);
		expect(Notice.messages).toEqual([expect.stringMatching(message)]);
	});
});

/** The properties block of a text, parsed. */
function fm(text: string): Record<string, unknown> {
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
	return m ? (parseYaml(m[1]!) as Record<string, unknown>) : {};
}
/** The text after the properties block. */
function body(text: string): string {
	return text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, "");
}

describe("request-review and mark-reviewed, through processFrontMatter", () => {
	const withProps = [
		"---",
		"note-type: session",
		"client: \"[[C-1]]\"",
		"previous: \"[[2026-03-03 session 2]]\"",
		"tags:",
		"  - emotion/shame/primary-maladaptive",
		"odd: |",
		"  kept as written",
		"rating-warmth: 4",
		"---",
		"## Notes",
		"Body #emotion/hope stays.",
		"",
	].join("\n");

	it.each([
		{ name: "a note with properties", text: withProps },
		{ name: "a note without properties", text: "## Notes\nJust text.\n" },
		{ name: "a CRLF note", text: withProps.replace(/\n/g, "\r\n") },
	])("$name: sets only the review properties", async ({ text }) => {
		const a = await authoring({ [NOTE]: text }, { supervisorName: "Dr. T" });
		await openNote(a.app, NOTE);
		a.run("request-review");
		await settle();
		const requested = a.app.vault.text(NOTE);
		expect(fm(requested)).toEqual({ ...fm(text), review: "requested" });
		expect(body(requested)).toBe(body(text));
		a.run("mark-reviewed");
		await settle();
		const reviewed = a.app.vault.text(NOTE);
		expect(fm(reviewed)).toEqual({ ...fm(text), review: "reviewed", "reviewed-by": "Dr. T", "reviewed-on": "2026-03-16" });
		expect(body(reviewed)).toBe(body(text));
		if (text.includes("\r\n")) expect(reviewed.replace(/\r\n/g, "")).not.toContain("\n");
		expect(a.app.vault.writes.map((w) => w.op)).toEqual(["process", "process"]);
		expect(Notice.messages).toEqual(["Supervision review requested.", "Marked as reviewed by Dr. T on 2026-03-16."]);
	});

	it.each([
		{ name: "invalid YAML", text: "---\nclient: [C-1\nsession: 2\n---\nBody\n" },
		{ name: "a list instead of named properties", text: "---\n- a\n- b\n---\nBody\n" },
		{ name: "CRLF invalid YAML", text: "---\r\nclient: \"C-1\r\n---\r\nBody\r\n" },
	])("$name: refused with a notice, nothing written", async ({ text }) => {
		const a = await authoring({ [NOTE]: text }, { supervisorName: "Dr. T" });
		await openNote(a.app, NOTE);
		a.run("request-review");
		await settle();
		a.run("mark-reviewed");
		await settle();
		expect(a.app.vault.writes).toEqual([]);
		expect(a.app.vault.text(NOTE)).toBe(text);
		expect(Notice.messages).toHaveLength(2);
		expect(Notice.messages.every((m) => /not valid YAML.*Nothing was changed/.test(m))).toBe(true);
	});

	it("mark-reviewed without a supervisor's name: refused, nothing written", async () => {
		const a = await authoring({ [NOTE]: withProps });
		await openNote(a.app, NOTE);
		a.run("mark-reviewed");
		await settle();
		expect(a.app.vault.writes).toEqual([]);
		expect(Notice.messages[0]).toMatch(/supervisor's name/);
	});

	it("not offered without an open note", async () => {
		const a = await authoring({ [NOTE]: withProps });
		const cmd = a.app.commands.get("attune:request-review")!;
		expect(cmd.checkCallback!(true)).toBe(false);
	});
});
