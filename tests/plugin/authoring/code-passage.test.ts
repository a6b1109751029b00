/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { MarkdownView, Menu, Modal, Notice } from "../../obsidian-double/obsidian";
import { FINALIZED_NOTICE } from "../../../src/plugin/record/commands";
import { type Authoring, authoring, currentPicker, marked, openNote, place, settle } from "./setup";
import { FAMILY_TABLE } from "../../../src/core/vocabulary/families";
import { type AttuneSettings, DEFAULT_SETTINGS } from "../../../src/core/settings";

const NOTE = "Clients/C-9/2026-03-16 session 1.md";
const BASE = { [NOTE]: "---\nclient: C-9\n---\nText\n" };

interface Item { item: { family: string; value: string; label: string; typed?: boolean } }

/** Runs "Code passage…" from the palette on `before`, and leaves its picker open. */
async function openPassagePicker(before: string, settings: Partial<AttuneSettings> = {}, files: Record<string, string> = BASE): Promise<{ a: Authoring; done: Promise<void> }> {
	const a = await authoring(files, settings);
	place(await openNote(a.app, NOTE), before);
	const done = a.run("code-passage") as Promise<void>;
	await settle();
	return { a, done };
}

/** What the picker lists for a query, as family/value. */
async function listed(query: string): Promise<string[]> {
	return (await currentPicker<Item>().getSuggestions(query)).map((m) => `${m.item.family}/${m.item.value}${m.item.typed ? " (typed)" : ""}`);
}

/** Answers the open pickers in turn, then waits for the command to end. */
async function answer(done: Promise<void>, answers: [string, number?][]): Promise<void> {
	for (const [query, n] of answers) {
		await currentPicker<unknown>()._choose(query, n ?? 0);
		await settle();
	}
	await done;
}

describe("Code passage…", () => {
	it("is one command, named in sentence case, with no default hotkey", async () => {
		const a = await authoring(BASE);
		const cmd = a.app.commands.get("attune:code-passage");
		expect(cmd?.name).toBe("Code passage…");
		expect(cmd?.hotkeys).toBeUndefined();
	});

	it("lists every value of every family in one list", async () => {
		const { done } = await openPassagePicker("‸");
		const all = await listed("");
		for (const f of FAMILY_TABLE) {
			for (const w of f.words) expect(all).toContain(`${f.key}/${w}`);
		}
		// Resonance is felt in emotion words, so they are offered for it too.
		expect(all).toContain("resonance/shame");
		currentPicker<unknown>().close();
		await done;
	});

	it.each([
		{ query: "shame", first: "emotion/shame" },
		{ query: "warmth", first: "relationship/warmth" },
		{ query: "perspective", first: "therapist/perspective-taking" },
		{ query: "presence", first: "relationship/presence" },
		{ query: "communicative", first: "empathy/attunement" },
		{ query: "making sense", first: "process/making-sense" },
	])("typing “$query” finds $first first", async ({ query, first }) => {
		const { done } = await openPassagePicker("‸");
		expect((await listed(query))[0]).toBe(first);
		currentPicker<unknown>().close();
		await done;
	});

	it.each([
		{ name: "a client emotion asks for its class", answers: [["shame"], ["primary maladaptive"]] as [string, number?][], after: "She looked away #emotion/shame/primary-maladaptive‸" },
		{ name: "compassion asks for its direction", answers: [["feeling for the person"], ["for another"]] as [string, number?][], after: "She looked away #compassion/feeling/other‸" },
		{ name: "a closed family with one segment goes in at once", answers: [["warmth"]] as [string, number?][], after: "She looked away #relationship/warmth‸" },
		{ name: "the therapist's own process", answers: [["perspective"]] as [string, number?][], after: "She looked away #therapist/perspective-taking‸" },
		{ name: "resonance, by its family's name", answers: [["sadness resonance"]] as [string, number?][], after: "She looked away #resonance/sadness‸" },
	])("picking inserts the tag: $name", async ({ answers, after }) => {
		const { a, done } = await openPassagePicker("She looked away‸");
		await answer(done, answers);
		expect(marked(a.app.workspace.getActiveViewOfType(MarkdownView)!.editor)).toBe(after);
	});

	it("a word of the clinician's own is offered, last, for each open family", async () => {
		const { a, done } = await openPassagePicker("‸");
		const found = await listed("Tristeza");
		expect(found.slice(-2)).toEqual(["emotion/tristeza (typed)", "resonance/tristeza (typed)"]);
		await answer(done, [["Tristeza", found.length - 2], ["secondary"]]);
		expect(a.app.workspace.getActiveViewOfType(MarkdownView)!.editor.getValue()).toBe("#emotion/tristeza/secondary");
	});

	it("a word that another family has is still offered as the clinician's own for the open families", async () => {
		const { done } = await openPassagePicker("‸");
		const found = await listed("presence");
		expect(found[0]).toBe("relationship/presence");
		expect(found.slice(-2)).toEqual(["emotion/presence (typed)", "resonance/presence (typed)"]);
		// A word the open family already has is not offered twice.
		expect((await listed("shame")).filter((x) => x === "emotion/shame (typed)")).toEqual([]);
		currentPicker<unknown>().close();
		await done;
	});

	it("a family switched off is absent from the list", async () => {
		const { done } = await openPassagePicker("‸", { switchedOff: ["relationship", "therapist"] });
		const all = await listed("");
		expect(all.some((x) => x.startsWith("relationship/") || x.startsWith("therapist/"))).toBe(false);
		expect(all).toContain("compassion/feeling");
		expect((await listed("presence")).filter((x) => !x.endsWith("(typed)") && x.endsWith("/presence"))).toEqual([]);
		currentPicker<unknown>().close();
		await done;
	});

	it("follows renamed family words", async () => {
		const { a, done } = await openPassagePicker("‸", { families: { ...DEFAULT_SETTINGS.families, relationship: "alliance" } });
		await answer(done, [["congruence"]]);
		expect(a.app.workspace.getActiveViewOfType(MarkdownView)!.editor.getValue()).toBe("#alliance/congruence");
	});

	it.each([
		{
			name: "a finalized note: the record guard's notice",
			before: "---\nclient: C-9\nfinalized-on: 2026-03-10T17:00\nfinalized-by: Dana Reyes\ncontent-sha256: 00\n---\nText‸\n",
			notice: FINALIZED_NOTICE,
		},
		{ name: "where Obsidian reads no tag: why not", before: "```\ncode‸\n```", notice: /inside a code block/ },
	])("$name, no picker, nothing changed", async ({ before, notice }) => {
		const a = await authoring(BASE);
		const editor = place(await openNote(a.app, NOTE), before);
		await (a.run("code-passage") as Promise<void>);
		expect(Modal.current).toBeNull();
		expect(marked(editor)).toBe(before);
		expect(Notice.messages).toEqual([typeof notice === "string" ? notice : expect.stringMatching(notice)]);
		expect(a.app.vault.writes).toEqual([]);
	});

	it("every family switched off: says so, no picker", async () => {
		const a = await authoring(BASE, { switchedOff: FAMILY_TABLE.map((f) => f.key) });
		place(await openNote(a.app, NOTE), "‸");
		await (a.run("code-passage") as Promise<void>);
		expect(Modal.current).toBeNull();
		expect(Notice.messages).toEqual([expect.stringMatching(/Every tag family is switched off/)]);
	});

	it("closing the picker inserts nothing", async () => {
		const { a, done } = await openPassagePicker("Text‸");
		currentPicker<unknown>().close();
		await done;
		expect(marked(a.app.workspace.getActiveViewOfType(MarkdownView)!.editor)).toBe("Text‸");
	});
});

describe("the editor's context menu", () => {
	it("offers “Code passage…”, which codes where the menu was opened", async () => {
		const a = await authoring(BASE);
		const editor = place(await openNote(a.app, NOTE), "Smiled with her‸");
		const menu = new Menu();
		a.app.workspace.trigger("editor-menu", menu, editor, a.app.workspace.getActiveViewOfType(MarkdownView));
		const item = menu._item("Code passage…");
		expect(item).toBeDefined();
		expect(item!._icon).toBe("tag");
		const done = item!._click() as Promise<void> | undefined;
		await settle();
		await currentPicker<unknown>()._choose("warmth");
		await settle();
		await done;
		expect(marked(editor)).toBe("Smiled with her #relationship/warmth‸");
	});
});
