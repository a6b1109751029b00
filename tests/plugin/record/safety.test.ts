/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 *
 * The record commands touch nothing but the note they were run on: every
 * file of the vault (notes and config files) is compared before and after
 * each command. Verify changes nothing at all; a refused command changes
 * nothing; properties that are not valid YAML refuse every write.
 */
import "../view/node-globals";
import { MarkdownView, Modal, Notice, TFile } from "../../obsidian-double/obsidian";
import { registerRecord } from "../../../src/plugin/record/register";
import { makeContext } from "../../helpers/harness";
import { changedPaths, vaultSnapshot } from "../../helpers/snapshot";
import { NOW, asDouble, openNote, settle } from "../authoring/setup";
import { cliStatus, finalizedText } from "./status";

const TARGET = "Clients/C-1/2026-03-10 session 3.md";
const DRAFT = "---\nnote-type: session\nclient: C-1\nsession: 3\n---\nShe felt ashamed. #emotion/shame/primary-maladaptive\n";
const FILES: Record<string, string> = {
	[TARGET]: DRAFT,
	"Clients/C-1/2026-03-03 session 2.md": finalizedText("---\nclient: C-1\nsession: 2\n---\nCalm. #emotion/calm\n"),
	"Clients/C-1/2026-03-17 session 4.md": "---\nclient: C-1\nsession: 4\n---\nNot finalized. #emotion/anger/secondary\n",
	"Clients/C-2/2026-03-11 session 1.md": finalizedText("---\nclient: C-2\nsession: 1\n---\nAfraid.\n").replace("Afraid.", "Changed outside Attune."),
	"Supervision/2026-03-12 supervision C-1.md": "---\nnote-type: supervision\nclient: C-1\n---\n> [!supervisor] Slow down\n> Here.\n",
	"Clients/C-1/notes.canvas": "{\"nodes\":[]}",
};
const BROKEN = "---\nclient: C-1\nsession: [3\n---\nShe felt ashamed.\n";

async function setup(files: Record<string, string> = FILES, settings = { clinicianName: "Dana Reyes", supervisorName: "Sam Lee" }) {
	const made = await makeContext(files, { settings, now: NOW });
	const app = asDouble(made.app);
	registerRecord(made.ctx);
	// data.json and another plugin's settings live in the config folder: no record command may touch them.
	await made.ctx.saveSettings(made.ctx.settings());
	app.vault.adapter._seed(".obsidian/app.json", "{\"userIgnoreFilters\":[]}");
	Notice.messages.length = 0;
	Modal.current?.close();
	Modal.current = null;
	const fileAt = (p: string) => {
		const f = app.vault.getAbstractFileByPath(p);
		if (!(f instanceof TFile)) throw new Error(`no note ${p}`);
		return f;
	};
	/** Runs a command on the note open in the editor, as the palette would, and returns what it changed in the vault. */
	const run = async (id: string, p = TARGET) => {
		const editor = await openNote(app, p);
		editor.setValue(await app.vault.read(fileAt(p)));
		const before = vaultSnapshot(app);
		const cmd = app.commands.get(`attune:${id}`)!;
		const view = app.workspace.getActiveViewOfType(MarkdownView)!;
		if (cmd.editorCallback) cmd.editorCallback(view.editor, view);
		else if (cmd.checkCallback) cmd.checkCallback(false);
		else cmd.callback?.();
		await settle();
		await settle();
		return { changed: changedPaths(before, vaultSnapshot(app)), editor };
	};
	return { app, run, text: (p = TARGET) => app.vault.read(fileAt(p)), fileAt };
}

describe("each record command changes only its note", () => {
	it("finalize: only the note, and only by its record fields", async () => {
		const s = await setup();
		expect((await s.run("finalize-note")).changed).toEqual([TARGET]);
		const after = await s.text();
		expect(after.replace(/finalized-on: .*\nfinalized-by: .*\ncontent-sha256: .*\n/, "")).toBe(DRAFT);
		expect(cliStatus(after)).toBe("intact");
	});

	it("co-sign: only the note, and only by its co-signature fields", async () => {
		const s = await setup();
		await s.run("finalize-note");
		const finalized = await s.text();
		expect((await s.run("cosign-note")).changed).toEqual([TARGET]);
		expect((await s.text()).replace(/cosigned-by: .*\ncosigned-on: .*\ncosigned-sha256: .*\n/, "")).toBe(finalized);
	});

	it("add addendum: no file at all (it writes into the open editor, which Obsidian saves), and the editor gains only the addendum", async () => {
		const s = await setup();
		await s.run("finalize-note");
		const finalized = await s.text();
		const { changed, editor } = await s.run("add-addendum");
		expect(changed).toEqual([]);
		expect(editor.getValue()).toBe(`${finalized}\n## Addenda\n\n> [!addendum] Dana Reyes, 2026-03-16T09:30\n> `);
	});

	it("verify: nothing, however many notes are finalized or changed", async () => {
		const s = await setup();
		await s.run("finalize-note");
		const { changed } = await s.run("verify-finalized-notes");
		expect(changed).toEqual([]);
		expect(Modal.current?.titleEl.textContent ?? "").toBe("Finalized notes");
	});
});

describe("a refused command changes nothing", () => {
	it.each<[string, string[], Partial<{ clinicianName: string; supervisorName: string }>, RegExp]>([
		["finalize without the clinician's name", ["finalize-note"], { clinicianName: "" }, /set your name/],
		["finalize a note already finalized", ["finalize-note", "finalize-note"], {}, /already finalized/],
		["co-sign a note that is not finalized", ["cosign-note"], {}, /not finalized/],
		["co-sign without the supervisor's name", ["finalize-note", "cosign-note"], { supervisorName: "" }, /supervisor's name/],
		["add an addendum without a name", ["add-addendum"], { clinicianName: "", supervisorName: "" }, /names who wrote it/],
	])("%s", async (_what, ids, names, notice) => {
		const s = await setup(FILES, { clinicianName: "Dana Reyes", supervisorName: "Sam Lee", ...names });
		for (const id of ids.slice(0, -1)) await s.run(id);
		const { changed, editor } = await s.run(ids.at(-1)!);
		expect(changed).toEqual([]);
		expect(editor.getValue()).toBe(await s.text());
		expect(Notice.messages.at(-1)).toMatch(notice);
	});

	it("co-sign a note changed after finalizing", async () => {
		const s = await setup();
		const { changed } = await s.run("cosign-note", "Clients/C-2/2026-03-11 session 1.md");
		expect(changed).toEqual([]);
		expect(Notice.messages.at(-1)).toMatch(/changed after it was finalized/);
	});
});

describe("properties that are not valid YAML refuse every write", () => {
	it.each(["finalize-note", "cosign-note", "add-addendum"])("%s changes nothing and says why", async (id) => {
		const s = await setup({ ...FILES, [TARGET]: BROKEN });
		const { changed, editor } = await s.run(id);
		expect(changed).toEqual([]);
		expect(editor.getValue()).toBe(BROKEN);
		expect(Notice.messages.at(-1)).toMatch(/not valid YAML.*Nothing was changed/);
	});

	it("a finalized note whose properties broke: co-sign and addendum refuse, verify reports it and changes nothing", async () => {
		const broken = finalizedText(DRAFT).replace("session: 3", "session: [3");
		const s = await setup({ ...FILES, [TARGET]: broken });
		for (const id of ["cosign-note", "add-addendum", "verify-finalized-notes"]) expect((await s.run(id)).changed).toEqual([]);
		const rows = [...(Modal.current?.contentEl.querySelectorAll("li") ?? [])].map((li) => li.textContent);
		expect(rows).toContain(`${TARGET} No content hash`);
		expect(await s.text()).toBe(broken);
	});
});
