/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * The plugin's saved data (data.json, which sync services copy around) holds
 * settings only: never a client code, a name or note text, whatever the
 * user did. The whole plugin runs on the example vault; every command is run,
 * and the export is driven to the end with a date choice that saves a setting.
 */
import { type App, type ButtonComponent, type DropdownComponent, MarkdownView, Modal, type Plugin } from "../obsidian-double/obsidian";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { ExportPreviewModal } from "../../src/plugin/export/preview-modal";
import { ExportScopeModal } from "../../src/plugin/export/scope-modal";
import { exampleVaultFiles, loadPlugin } from "../helpers/harness";

const files = exampleVaultFiles();

/** Sentences of the notes, long enough that finding one in data.json means note text was saved. */
const noteLines = Object.values(files).flatMap((t) => t.split(/\r?\n/)).map((l) => l.trim()).filter((l) => l.length >= 24 && !l.startsWith("---"));

async function settle(): Promise<void> {
	for (let i = 0; i < 5; i++) await new Promise((r) => window.setTimeout(r, 0));
}

it("saves settings only, with no client code, name or note text, after every command has run", async () => {
	const loaded = await loadPlugin(files);
	const app: App = loaded.app;
	const plugin = loaded.plugin as unknown as Plugin;
	const file = app.vault.getFileByPath("Clients/C-101/2026-01-20 session 2.md")!;
	await app.workspace.getLeaf(true).openFile(file);

	// Every command a user can run from the palette, with the session note open.
	for (const [id, cmd] of app.commands) {
		if (id === "attune:export-deidentified") continue;
		const view = app.workspace.getActiveViewOfType(MarkdownView);
		try {
			if (cmd.callback) await cmd.callback();
			else if (cmd.checkCallback) cmd.checkCallback(false);
			else if (cmd.editorCallback && view) await cmd.editorCallback(view.editor, view);
			else if (cmd.editorCheckCallback && view) cmd.editorCheckCallback(false, view.editor, view);
		} catch {
			// A command that cannot run here is not what this test is about; what it saved is.
		}
		Modal.current?.close();
		await settle();
		await app.workspace.getLeaf(true).openFile(file);
	}

	// The sidebar's folder scope on a client's folder: the view keeps it, settings do not.
	const sidebar = app.workspace.getLeavesOfType("attune-summary")[0]?.view;
	if (!sidebar) throw new Error("the sidebar did not open");
	await sidebar.setState({ scope: "folder", folder: "Clients/C-101", range: "all" }, {});
	await settle();
	expect(JSON.stringify(sidebar.getState())).toContain("Clients/C-101");

	// The export, to the end: a date choice is saved as a setting, then copies are written.
	await app.commands.get("attune:export-deidentified")!.callback!();
	const form = Modal.current;
	if (!(form instanceof ExportScopeModal)) throw new Error("the export form did not open");
	await (form.controls.kind as unknown as DropdownComponent)._input("client");
	await (form.controls.dates as unknown as DropdownComponent)._input("session");
	await (form.controls.preview as unknown as ButtonComponent)._click();
	const preview = Modal.current;
	if (!(preview instanceof ExportPreviewModal)) throw new Error("the preview did not open");
	await (preview.controls.export as unknown as ButtonComponent)._click();
	expect(app.vault.writes.some((w) => w.op === "create" && w.path.startsWith("Supervision exports/"))).toBe(true);

	const data = plugin._savedData();
	expect(data).not.toBeNull();
	expect((data as { exportDates?: string }).exportDates).toBe("session");
	const allowed = new Set(Object.keys(DEFAULT_SETTINGS));
	expect(Object.keys(data as object).filter((k) => !allowed.has(k))).toEqual([]);
	const json = JSON.stringify(data);
	for (const id of ["C-101", "C-102", "C-103", "Mara", "Quill", "Client 101"]) expect(json.toLowerCase()).not.toContain(id.toLowerCase());
	for (const line of noteLines) expect(json).not.toContain(line);
});
