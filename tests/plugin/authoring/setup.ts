/**
 * Shared set-up of the authoring tests: a context over a vault, the feature
 * registered, and a note open in the editor.
 */
import { type App, type Editor, MarkdownView, Modal, Notice, type SuggestModal, TFile } from "../../obsidian-double/obsidian";
import type { AttuneSettings } from "../../../src/core/settings";
import { registerAuthoring } from "../../../src/plugin/authoring/register";
import type { AttuneContext } from "../../../src/plugin/context";
import { makeContext } from "../../helpers/harness";

/** The pinned clock of these tests: Monday 16 March 2026, 09:30 local time. */
export const NOW = new Date(2026, 2, 16, 9, 30);

export interface Authoring {
	app: App;
	ctx: AttuneContext;
	saved: AttuneSettings[];
	/** Runs a command by its id (without the plugin's prefix), as the palette would. */
	run(id: string): unknown;
}

/** The app the harness built, as the double it is (with its test helpers), however the harness types it. */
export function asDouble(app: unknown): App {
	return app as App;
}

/** A vault with the authoring feature registered. Notices start empty. */
export async function authoring(files: Record<string, string>, settings: Partial<AttuneSettings> = {}): Promise<Authoring> {
	const made = await makeContext(files, { settings, now: NOW });
	const { ctx, saved } = made;
	const app = asDouble(made.app);
	registerAuthoring(ctx);
	Notice.messages.length = 0;
	// A modal left open by an earlier test must not look like this test's.
	Modal.current?.close();
	Modal.current = null;
	const run = (id: string): unknown => {
		const cmd = app.commands.get(`attune:${id}`);
		if (!cmd) throw new Error(`no command ${id}`);
		const view = app.workspace.getActiveViewOfType(MarkdownView);
		if (cmd.editorCallback) {
			if (!view) throw new Error("no editor open");
			return cmd.editorCallback(view.editor, view);
		}
		if (cmd.checkCallback) return cmd.checkCallback(false);
		return cmd.callback?.();
	};
	return { app, ctx, saved, run };
}

/** Opens a note of the vault in the editor, with the cursor where the text has `|` (removed). */
export async function openNote(app: App, path: string): Promise<Editor> {
	const file = app.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) throw new Error(`no file ${path}`);
	await app.workspace.getLeaf(false).openFile(file);
	return app.workspace.getActiveViewOfType(MarkdownView)!.editor;
}

/**
 * Puts text into the open editor with the cursor at `‸`, or a selection
 * between `«` and `»` (the markers are removed). Returns the editor.
 */
export function place(editor: Editor, marked: string): Editor {
	editor.setValue(marked.replace(/[‸«»]/g, ""));
	const plain = (idx: number) => marked.slice(0, idx).replace(/[‸«»]/g, "").length;
	const cursor = marked.indexOf("‸");
	if (cursor >= 0) editor.setCursor(editor.offsetToPos(plain(cursor)));
	else editor.setSelection(editor.offsetToPos(plain(marked.indexOf("«"))), editor.offsetToPos(plain(marked.indexOf("»"))));
	return editor;
}

/** The editor's text with the cursor marked `‸` (for before/after tables). */
export function marked(editor: Editor): string {
	const text = editor.getValue();
	const off = editor.posToOffset(editor.getCursor());
	return text.slice(0, off) + "‸" + text.slice(off);
}

/** The suggest modal open now. */
export function currentPicker<T>(): SuggestModal<T> {
	const m = Modal.current;
	if (!m) throw new Error("no picker open");
	return m as unknown as SuggestModal<T>;
}

/** The modal open now, as the class the plugin opened. */
export function currentModal<T>(): T {
	return Modal.current as unknown as T;
}

/** Lets a command's promise chain (file reads, writes) run to its end: a macrotask comes after all of it. */
export async function settle(): Promise<void> {
	await new Promise((resolve) => window.setTimeout(resolve, 0));
}
