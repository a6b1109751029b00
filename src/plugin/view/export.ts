/**
 * The sidebar's export buttons, through Obsidian's own APIs: the clipboard,
 * the open note's editor, and `Vault.create` at a path nobody uses. Nothing
 * existing is ever overwritten; when an export cannot act it changes nothing
 * and says why.
 */
import { type App, type Editor, MarkdownView, Notice, normalizePath } from "obsidian";
import { localIsoDate } from "../../core/time";
import { type SummaryViewModel, exportedSummary } from "../../core/sidebar/view-model";
import { renderCsv, renderMarkdown } from "../../core/sidebar/report";
import { freePath } from "../../core/vault-paths";
import { refuseFinalized } from "../record/guard";

/** The title written above an exported summary: what it covers. */
export function exportTitle(model: SummaryViewModel): string {
	return `Attune summary: ${model.scope.label}, ${model.scope.dates.toLowerCase()}`;
}

/** Copies the summary as Markdown tables. */
export async function copySummary(model: SummaryViewModel): Promise<boolean> {
	const text = renderMarkdown(exportedSummary(model), exportTitle(model));
	try {
		await navigator.clipboard.writeText(text);
	} catch {
		new Notice("The summary could not be copied: the clipboard is not available.");
		return false;
	}
	new Notice("Copied the summary as a Markdown table.");
	return true;
}

/**
 * The Markdown view to insert into: the active one, or else the one showing
 * the note the sidebar follows (clicking in the sidebar may have moved focus).
 */
function targetView(app: App, focusPath: string | undefined): MarkdownView | null {
	const active = app.workspace.getActiveViewOfType(MarkdownView);
	if (active) return active;
	for (const leaf of app.workspace.getLeavesOfType("markdown")) {
		const v = leaf.view;
		if (v instanceof MarkdownView && v.file !== null && v.file.path === focusPath) return v;
	}
	return null;
}

/** Whether a 0-based line lies in the properties block at the top of the note (fences included). */
function insideProperties(editor: Editor, line: number): boolean {
	if (editor.getLine(0).trimEnd() !== "---") return false;
	for (let i = 1; i < editor.lineCount(); i++) {
		if (editor.getLine(i).trimEnd() === "---") return line <= i;
	}
	// No closing fence: Obsidian reads no properties, so the text is all body.
	return false;
}

/**
 * Inserts the summary at the cursor of the open note, after any selection
 * (never replacing it), on lines of its own so the tables render.
 */
export function insertSummary(app: App, model: SummaryViewModel, focusPath: string | undefined): boolean {
	const view = targetView(app, focusPath);
	if (!view) {
		new Notice("Open a note in the editor to insert the summary; nothing was changed.");
		return false;
	}
	const editor = view.editor;
	if (refuseFinalized(editor.getValue())) return false;
	const at = editor.getCursor("to");
	if (insideProperties(editor, at.line)) {
		new Notice("The insertion point is in the note's properties; click in the text below them to insert the summary. Nothing was changed.");
		return false;
	}
	const before = editor.getLine(at.line).slice(0, at.ch);
	const after = editor.getLine(at.line).slice(at.ch);
	// A table only renders after a blank line, and must not run into the text after it.
	const lead = before.trim() === "" ? (at.line > 0 && editor.getLine(at.line - 1).trim() !== "" ? "\n" : "") : "\n\n";
	const tail = after.trim() === "" ? "" : "\n";
	const text = lead + renderMarkdown(exportedSummary(model), exportTitle(model)) + tail;
	// Keep the note's own line endings.
	editor.replaceRange(editor.getValue().includes("\r\n") ? text.replace(/\n/g, "\r\n") : text, at);
	new Notice(`Inserted the summary into “${view.file?.basename ?? "the note"}”.`);
	return true;
}


/**
 * Saves the summary as a new CSV file where new notes go (Obsidian's "Default
 * location for new notes", seen from the note the sidebar follows).
 */
export async function saveSummaryCsv(app: App, model: SummaryViewModel, focusPath: string | undefined, now: Date): Promise<string | null> {
	const parent = app.fileManager.getNewFileParent(focusPath ?? "");
	const dir = parent.path === "" || parent.path === "/" ? "" : `${parent.path}/`;
	const path = freePath(normalizePath(`${dir}Attune summary ${localIsoDate(now)}.csv`), (p) => app.vault.getAbstractFileByPath(p) !== null);
	try {
		await app.vault.create(path, renderCsv(model.summary));
	} catch (e) {
		new Notice(`The summary was not saved: ${e instanceof Error ? e.message : String(e)}`);
		return null;
	}
	new Notice(`Saved the summary as “${path}”.`);
	return path;
}
