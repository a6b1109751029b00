/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { type Editor, type EditorSuggest, type Plugin, TFile } from "../../obsidian-double/obsidian";
import type { TagSuggestion } from "../../../src/plugin/authoring/tag-suggest";
import { authoring, marked, openNote, place } from "./setup";

const NOTE = "n.md";

/** Types text (ending at `‸`) and returns what the suggestion offers, plus a way to pick one. */
async function typing(before: string, files: Record<string, string> = {}, settings = {}) {
	const a = await authoring({ [NOTE]: "", ...files }, settings);
	const editor: Editor = place(await openNote(a.app, NOTE), before);
	const suggest = (a.ctx.plugin as unknown as Plugin)._editorSuggests[0] as EditorSuggest<TagSuggestion>;
	const file = a.app.vault.getAbstractFileByPath(NOTE);
	if (!(file instanceof TFile)) throw new Error("no note");
	const trigger = suggest.onTrigger(editor.getCursor(), editor, file);
	suggest.context = trigger ? { ...trigger, editor, file } : null;
	const items = suggest.context ? await suggest.getSuggestions(suggest.context) : [];
	return { editor, trigger, values: items.map((i) => i.value), pick: (value: string) => suggest.selectSuggestion(items.find((i) => i.value === value)!, {} as KeyboardEvent) };
}

describe("tag suggestions while typing", () => {
	it("#emotion/ offers the emotions, vocabulary first, then the vault's own", async () => {
		const t = await typing("She felt #emotion/‸", { "a.md": "#emotion/awe #emotion/awe" });
		expect(t.values.slice(0, 3)).toEqual(["sadness", "grief", "hurt"]);
		expect(t.values[t.values.length - 1]).toBe("awe");
		t.pick("grief");
		expect(marked(t.editor)).toBe("She felt #emotion/grief‸");
	});

	it("filters by what is typed, prefix matches first", async () => {
		const t = await typing("#emotion/sh‸");
		expect(t.values[0]).toBe("shame");
		t.pick("shame");
		expect(marked(t.editor)).toBe("#emotion/shame‸");
	});

	it("after the next / it offers the four emotion processes", async () => {
		const t = await typing("#Emotion/shame/pri‸ more");
		expect(t.values).toEqual(["primary-adaptive", "primary-maladaptive"]);
		t.pick("primary-maladaptive");
		expect(marked(t.editor)).toBe("#Emotion/shame/primary-maladaptive‸ more");
	});

	it("the closed families offer their vocabularies", async () => {
		expect((await typing("x #empathy/‸")).values).toEqual(["rapport", "attunement", "person"]);
		expect((await typing("#process/let‸")).values).toEqual(["letting-go"]);
		expect((await typing("#response/‸")).values).toHaveLength(7);
	});

	it("the new families offer their words, and compassion its two directions after the next /", async () => {
		expect((await typing("#therapist/‸")).values).toEqual(["perspective-taking", "regulating", "empathic-distress"]);
		expect((await typing("#relationship/rep‸")).values).toEqual(["repair"]);
		const t = await typing("#compassion/feeling/‸");
		expect(t.values).toEqual(["self", "other"]);
		t.pick("other");
		expect(marked(t.editor)).toBe("#compassion/feeling/other‸");
		expect((await typing("#therapist/regulating/‸")).trigger).toBeNull();
	});

	it("a family switched off offers nothing", async () => {
		expect((await typing("#compassion/‸", {}, { switchedOff: ["compassion"] })).trigger).toBeNull();
	});

	it("renamed family words are followed", async () => {
		const t = await typing("#emocion/‸", {}, { families: { emotion: "emocion", resonance: "resonance", empathy: "empathy", response: "response", process: "process" } });
		expect(t.values[0]).toBe("sadness");
		expect((await typing("#emotion/‸", {}, { families: { emotion: "emocion", resonance: "resonance", empathy: "empathy", response: "response", process: "process" } })).trigger).toBeNull();
	});

	it.each([
		{ name: "other tags", before: "#todo/‸" },
		{ name: "glued to a word", before: "word#emotion/‸" },
		{ name: "a second segment outside emotions", before: "#empathy/rapport/‸" },
		{ name: "inside inline code", before: "`#emotion/‸`" },
		{ name: "inside a code block", before: "```\n#emotion/‸\n```" },
		{ name: "in the properties", before: "---\ntags: #emotion/‸\n---" },
	])("stays quiet: $name", async ({ before }) => {
		expect((await typing(before)).trigger).toBeNull();
	});
});
