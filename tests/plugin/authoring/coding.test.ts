/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { Modal, Notice } from "../../obsidian-double/obsidian";
import { authoring, currentPicker, marked, openNote, place, settle } from "./setup";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";

const NOTE = "Clients/C-9/2026-03-16 session 1.md";
const BASE = { [NOTE]: "---\nclient: C-9\n---\nText\n" };

/** Runs a coding command, answering each picker with a query (and which match to take). */
async function code(files: Record<string, string>, id: string, before: string, answers: [string, number?][]) {
	const a = await authoring(files);
	const editor = place(await openNote(a.app, NOTE), before);
	const done = a.run(id) as Promise<void>;
	await settle();
	for (const [query, n] of answers) {
		await currentPicker<unknown>()._choose(query, n ?? 0);
		await settle();
	}
	await done;
	return { a, editor };
}

describe("coding commands insert a tag Obsidian reads", () => {
	it.each([
		{
			name: "emotion with its process, at the cursor after a word",
			id: "code-emotion", answers: [["shame"], ["primary maladaptive"]] as [string, number?][],
			before: "She looked away‸\n", after: "She looked away #emotion/shame/primary-maladaptive‸\n",
		},
		{
			name: "emotion not classified yet",
			id: "code-emotion", answers: [["grief"], ["not classified"]] as [string, number?][],
			before: "‸", after: "#emotion/grief‸",
		},
		{
			name: "a selection: at the end of the selected passage",
			id: "code-emotion", answers: [["anger"], ["secondary"]] as [string, number?][],
			before: "«I'm fine, really» she said.", after: "I'm fine, really #emotion/anger/secondary‸ she said.",
		},
		{
			name: "a selection of whole lines ends on the last selected line",
			id: "code-resonance", answers: [["sadness"]] as [string, number?][],
			before: "«One.\nTwo.\n»Three.", after: "One.\nTwo. #resonance/sadness‸\nThree.",
		},
		{
			name: "empathy mode, by the field's words",
			id: "code-empathy-mode", answers: [["communicative"]] as [string, number?][],
			before: "Reflected‸ slowly.", after: "Reflected #empathy/attunement‸ slowly.",
		},
		{
			name: "empathic response, before a word",
			id: "code-response", answers: [["conjecture"]] as [string, number?][],
			before: "‸Guessed at hurt.", after: "#response/conjecture ‸Guessed at hurt.",
		},
		{
			name: "emotion-process move",
			id: "code-process-move", answers: [["letting go"]] as [string, number?][],
			before: "- Let the worry pass ‸", after: "- Let the worry pass #process/letting-go‸",
		},
		{
			name: "compassion asks for its direction",
			id: "code-compassion", answers: [["feeling for the person"], ["for oneself"]] as [string, number?][],
			before: "- Moved by her loneliness ‸", after: "- Moved by her loneliness #compassion/feeling/self‸",
		},
		{
			name: "compassion with its direction not said",
			id: "code-compassion", answers: [["tolerating"], ["direction not said"]] as [string, number?][],
			before: "Stayed with it‸", after: "Stayed with it #compassion/tolerating‸",
		},
		{
			name: "the therapist's own process",
			id: "code-therapist-process", answers: [["perspective"]] as [string, number?][],
			before: "Imagined her mornings‸", after: "Imagined her mornings #therapist/perspective-taking‸",
		},
		{
			name: "a relationship ingredient, found by the field's words",
			id: "code-relationship", answers: [["warmth"]] as [string, number?][],
			before: "Smiled with her‸", after: "Smiled with her #relationship/warmth‸",
		},
		{
			name: "CRLF text keeps its line endings",
			id: "code-emotion", answers: [["fear"], ["primary adaptive"]] as [string, number?][],
			before: "Line one\r\nFroze‸\r\nLine three", after: "Line one\r\nFroze #emotion/fear/primary-adaptive‸\r\nLine three",
		},
	])("$name", async ({ id, answers, before, after }) => {
		const { editor } = await code(BASE, id, before, answers);
		expect(marked(editor)).toBe(after);
	});

	it("a word of the clinician's own, typed into the emotion picker", async () => {
		const a = await authoring(BASE);
		const editor = place(await openNote(a.app, NOTE), "‸");
		const done = a.run("code-emotion") as Promise<void>;
		await settle();
		const picker = currentPicker<{ item: { value: string; typed?: boolean } }>();
		const items = await picker.getSuggestions("Tristeza");
		expect(items[items.length - 1]!.item).toMatchObject({ value: "tristeza", typed: true });
		await picker._choose("Tristeza", items.length - 1);
		await settle();
		await currentPicker<unknown>()._choose("secondary");
		await done;
		expect(editor.getValue()).toBe("#emotion/tristeza/secondary");
	});

	it("closed families offer no word outside their vocabulary", async () => {
		const a = await authoring(BASE);
		place(await openNote(a.app, NOTE), "‸");
		const done = a.run("code-empathy-mode") as Promise<void>;
		await settle();
		expect(await currentPicker<unknown>().getSuggestions("warmth")).toEqual([]);
		currentPicker<unknown>().close();
		await done;
	});

	it("offers the vocabulary first, then the vault's own words, most used first", async () => {
		const files = {
			...BASE,
			"a.md": "#emotion/awe #emotion/awe #emotion/awe #emotion/tristeza #emotion/shame",
		};
		const a = await authoring(files);
		place(await openNote(a.app, NOTE), "‸");
		const done = a.run("code-emotion") as Promise<void>;
		await settle();
		const values = (await currentPicker<{ item: { value: string } }>().getSuggestions("")).map((m) => m.item.value);
		expect(values.slice(0, 2)).toEqual(["sadness", "grief"]);
		expect(values.slice(-2)).toEqual(["awe", "tristeza"]);
		currentPicker<unknown>().close();
		await done;
	});

	it("follows renamed family words", async () => {
		const a = await authoring(BASE, { families: { ...DEFAULT_SETTINGS.families, emotion: "emocion" } });
		const editor = place(await openNote(a.app, NOTE), "‸");
		const done = a.run("code-emotion") as Promise<void>;
		await settle();
		await currentPicker<unknown>()._choose("hope");
		await settle();
		await currentPicker<unknown>()._choose("primary adaptive");
		await done;
		expect(editor.getValue()).toBe("#emocion/hope/primary-adaptive");
	});

	it("a family switched off in settings inserts nothing and says why", async () => {
		const a = await authoring(BASE, { switchedOff: ["compassion"] });
		const editor = place(await openNote(a.app, NOTE), "Text‸");
		await (a.run("code-compassion") as Promise<void>);
		expect(marked(editor)).toBe("Text‸");
		expect(Notice.messages).toEqual([`Compassion element is switched off in Attune's settings, so nothing was inserted. Switch it on under "Families" to code it.`]);
	});

	it("closing a picker inserts nothing", async () => {
		const a = await authoring(BASE);
		const editor = place(await openNote(a.app, NOTE), "Text‸");
		const done = a.run("code-emotion") as Promise<void>;
		await settle();
		await currentPicker<unknown>()._choose("shame");
		await settle();
		currentPicker<unknown>().close();
		await done;
		expect(marked(editor)).toBe("Text‸");
	});
});

describe("coding commands refuse where Obsidian reads no tag", () => {
	it.each([
		{ name: "properties", before: "---\nclient: C‸-9\n---\nText" },
		{ name: "a code block", before: "```\ncode‸\n```" },
		{ name: "inline code", before: "Use `co‸de` here" },
		{ name: "a math block", before: "$$\nx‸\n$$" },
		{ name: "a wiki link", before: "See [[Some ‸note]]" },
		{ name: "a CRLF code block", before: "Text\r\n```\r\ncode‸\r\n```" },
		// Found by the scanner, as Obsidian reads it, before any picker opens.
		{ name: "an indented code block", before: "Para\n\n    co‸de" },
	])("$name: a notice, no picker, nothing changed", async ({ before }) => {
		const a = await authoring(BASE);
		const editor = place(await openNote(a.app, NOTE), before);
		const done = a.run("code-emotion") as Promise<void>;
		await settle();
		await done;
		expect(Modal.current).toBeNull();
		expect(marked(editor)).toBe(before);
		expect(Notice.messages).toHaveLength(1);
		expect(Notice.messages[0]).toMatch(/Obsidian does not read a tag/);
		expect(a.app.vault.writes).toEqual([]);
	});
});

it("an HTML block, which only the reading after the pickers finds: a notice, nothing changed", async () => {
	const before = "<div>\nco‸de\n</div>";
	const { a, editor } = await code(BASE, "code-emotion", before, [["shame"], ["secondary"]]);
	expect(marked(editor).replace("‸", "")).toBe(before.replace("‸", ""));
	expect(Notice.messages).toEqual([expect.stringMatching(/would not read #emotion\/shame\/secondary as a tag here/)]);
	expect(a.app.vault.writes).toEqual([]);
});
