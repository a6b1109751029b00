/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import "../view/node-globals";
import { MarkdownView, Modal, Notice, TFile } from "../../obsidian-double/obsidian";
import { registerRecord } from "../../../src/plugin/record/register";
import { makeContext } from "../../helpers/harness";
import { NOW, asDouble, openNote, settle } from "../authoring/setup";
import { cliStatus } from "./status";

const NOTE = "Clients/C-1/2026-03-10 session 3.md";
const TEXT = "---\nclient: C-1\nsession: 3\n---\nShe felt ashamed. #emotion/shame\n";

async function setup(files: Record<string, string>, settings = { clinicianName: "Dana Reyes", supervisorName: "Sam Lee" }) {
	const made = await makeContext(files, { settings, now: NOW });
	const app = asDouble(made.app);
	registerRecord(made.ctx);
	Notice.messages.length = 0;
	const run = async (id: string) => {
		const cmd = app.commands.get(`attune:${id}`)!;
		const view = app.workspace.getActiveViewOfType(MarkdownView);
		if (cmd.editorCallback) cmd.editorCallback(view!.editor, view!);
		else cmd.checkCallback?.(false);
		await settle();
		await settle();
	};
	const file = () => {
		const f = app.vault.getAbstractFileByPath(NOTE);
		if (!(f instanceof TFile)) throw new Error("no note");
		return f;
	};
	const text = () => app.vault.read(file());
	return { app, run, text, file };
}

describe("finalize, co-sign, addendum", () => {
	it("finalizes with name, time and a hash the command line verifies", async () => {
		const s = await setup({ [NOTE]: TEXT });
		await openNote(s.app, NOTE);
		await s.run("finalize-note");
		const after = (await s.text());
		expect(after).toContain("finalized-on: 2026-03-16T09:30");
		expect(after).toContain("finalized-by: Dana Reyes");
		expect(after).toMatch(/content-sha256: [0-9a-f]{64}/);
		expect(after.endsWith("She felt ashamed. #emotion/shame\n")).toBe(true);
		expect(cliStatus(after)).toBe("intact");
		expect(Notice.messages.at(-1)).toMatch(/Finalized/);
	});

	it("refuses without the clinician's name, changing nothing", async () => {
		const s = await setup({ [NOTE]: TEXT }, { clinicianName: "", supervisorName: "" });
		await openNote(s.app, NOTE);
		await s.run("finalize-note");
		expect((await s.text())).toBe(TEXT);
		expect(Notice.messages[0]).toMatch(/set your name/);
	});

	it("asks first when a supervisor comment is open, and a cancel changes nothing", async () => {
		const withComment = TEXT + "\n> [!supervisor] Slow down\n> Here.\n";
		const s = await setup({ [NOTE]: withComment });
		await openNote(s.app, NOTE);
		const cmd = s.app.commands.get("attune:finalize-note")!;
		cmd.checkCallback?.(false);
		await settle();
		expect(Modal.current).not.toBeNull();
		Modal.current!.close();
		await settle();
		expect((await s.text())).toBe(withComment);
	});

	it("co-signs an intact note, and refuses one changed after finalizing", async () => {
		const s = await setup({ [NOTE]: TEXT });
		await openNote(s.app, NOTE);
		await s.run("cosign-note");
		expect((await s.text())).toBe(TEXT);
		expect(Notice.messages.at(-1)).toMatch(/not finalized/);
		await s.run("finalize-note");
		await s.run("cosign-note");
		expect((await s.text())).toContain("cosigned-by: Sam Lee");
		expect(cliStatus((await s.text()))).toBe("intact");
		// An edit outside Attune: both the command line and co-signing see it.
		await s.app.vault.process(s.file(), (t) => t.replace("ashamed", "afraid"));
		expect(cliStatus((await s.text()))).toBe("changed-after-cosigning");
	});

	it("checks the note after writing its record fields: a change made meanwhile is said at once, for finalize and co-sign", async () => {
		const s = await setup({ [NOTE]: TEXT });
		await openNote(s.app, NOTE);
		const write = s.app.fileManager.processFrontMatter.bind(s.app.fileManager);
		// Another plugin, or sync, changes the text just as the properties are written.
		const meanwhile = (from: string, to: string) => jest.spyOn(s.app.fileManager, "processFrontMatter").mockImplementationOnce(async (file, fn) => {
			await write(file, fn);
			await s.app.vault.process(file, (t) => t.replace(from, to));
		});
		meanwhile("ashamed", "afraid");
		await s.run("finalize-note");
		expect(Notice.messages.at(-1)).toBe("“2026-03-10 session 3” was finalized, but it no longer matches its hash (it changed while it was being finalized). Run “Verify finalized notes”.");
		expect(cliStatus(await s.text())).toBe("changed");

		await s.app.vault.process(s.file(), (t) => t.replace("afraid", "ashamed"));
		expect(cliStatus(await s.text())).toBe("intact");
		meanwhile("ashamed", "angry");
		await s.run("cosign-note");
		expect(await s.text()).toContain("cosigned-by: Sam Lee");
		expect(Notice.messages.at(-1)).toBe("“2026-03-10 session 3” was co-signed, but it no longer matches its hash (it changed while it was being co-signed). Run “Verify finalized notes”.");
		expect(cliStatus(await s.text())).toBe("changed-after-cosigning");
	});

	it("adds an addendum at the end, under one Addenda heading, and the note stays intact", async () => {
		const s = await setup({ [NOTE]: TEXT });
		const editor = await openNote(s.app, NOTE);
		await s.run("finalize-note");
		editor.setValue(await s.text());
		await s.run("add-addendum");
		await s.run("add-addendum");
		const text = editor.getValue();
		expect(text).toMatch(/#emotion\/shame\n\n## Addenda\n\n> \[!addendum\] Dana Reyes, 2026-03-16T09:30\n> \n\n> \[!addendum\] Dana Reyes, 2026-03-16T09:30\n> $/);
		expect(editor.posToOffset(editor.getCursor())).toBe(text.length);
		expect(cliStatus(text + "A correction. #emotion/anger")).toBe("intact");
	});
});

describe("a finalized note refuses Attune's other changes", () => {
	const FINAL = "---\nclient: C-1\nfinalized-on: 2026-03-10T17:00\nfinalized-by: Dana Reyes\ncontent-sha256: 00\nreview: requested\n---\nText. \n";
	it.each(["add-supervisor-comment", "resolve-supervisor-comment", "mark-reviewed", "request-review", "code-emotion"])("%s changes nothing and points to Add addendum", async (id) => {
		const { authoring } = await import("../authoring/setup");
		const a = await authoring({ [NOTE]: FINAL }, { supervisorName: "Sam Lee" });
		const editor = await openNote(a.app, NOTE);
		editor.setValue(FINAL);
		editor.setCursor({ line: 7, ch: 5 });
		if (!a.app.commands.get(`attune:${id}`)) throw new Error(`no command ${id}`);
		a.run(id);
		await settle();
		await settle();
		expect(editor.getValue()).toBe(FINAL);
		const file = a.app.vault.getAbstractFileByPath(NOTE);
		if (!(file instanceof TFile)) throw new Error("no note");
		expect(await a.app.vault.read(file)).toBe(FINAL);
		expect(Notice.messages.at(-1)).toMatch(/finalized.*Add addendum/);
	});
});

describe("verify finalized notes", () => {
	it("gives the command line's statuses: intact after an addendum, changed after an outside edit", async () => {
		const { verifyNotes } = await import("../../../src/plugin/record/verify");
		const other = "Clients/C-1/2026-03-11 session 4.md";
		const made = await makeContext({ [NOTE]: TEXT, [other]: TEXT }, { settings: { clinicianName: "Dana Reyes" }, now: NOW });
		const app = asDouble(made.app);
		registerRecord(made.ctx);
		for (const p of [NOTE, other]) {
			await openNote(app, p);
			app.commands.get("attune:finalize-note")!.checkCallback?.(false);
			await settle();
			await settle();
		}
		const f = (p: string) => {
			const x = app.vault.getAbstractFileByPath(p);
			if (!(x instanceof TFile)) throw new Error("no note");
			return x;
		};
		await app.vault.process(f(NOTE), (t) => t + "\n## Addenda\n\n> [!addendum] Dana Reyes, 2026-03-17T10:00\n> Fix.\n");
		await app.vault.process(f(other), (t) => t.replace("ashamed", "calm"));
		const rows = await verifyNotes(made.ctx);
		expect(rows.map((r) => [r.path, r.status, r.addenda])).toEqual([[NOTE, "intact", 1], [other, "changed", 0]]);
		for (const p of [NOTE, other]) expect(cliStatus(await app.vault.read(f(p)))).toBe(rows.find((r) => r.path === p)!.status);
	});
});
