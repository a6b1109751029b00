/**
 * Sharing with a supervisor safely: the "Export de-identified copy" command.
 * Three steps, each able to stop without writing anything: choose what to
 * export, preview what will be replaced, then write new notes into a new
 * folder. Source notes are only read.
 */
import { MarkdownView, Notice, type TFile } from "obsidian";
import type { ExportDates } from "../../core/settings";
import type { AttuneContext } from "../context";
import { type ExportScope, type ExportTarget, type PreparedExport, prepareExport } from "./prepare";
import { ExportPreviewModal } from "./preview-modal";
import { ExportScopeModal } from "./scope-modal";
import { addIdentifier } from "./identifiers";
import { writeExport } from "./write";
import { writeQdpxExport } from "./write-qdpx";
import { writePassagesExport } from "./write-passages";

/** The commands' names, which are also the export form's titles. */
const COMMAND_NAMES: Readonly<Record<ExportTarget, string>> = Object.freeze({
	notes: "Export de-identified copy",
	qdpx: "Export for qualitative analysis (QDPX)",
	passages: "Export coded passages",
});

/** Writes a previewed export and says where it went. */
export async function confirmExport(ctx: AttuneContext, prepared: PreparedExport): Promise<void> {
	const notes = (n: number) => `${n} de-identified ${n === 1 ? "note" : "notes"}`;
	let first: TFile | undefined;
	if (prepared.target === "qdpx") {
		const result = await writeQdpxExport(ctx, prepared);
		if ("error" in result) return void new Notice(result.error);
		const s = result.selections;
		new Notice(`Exported a project of ${notes(result.files.length)}, with ${s} coded ${s === 1 ? "passage" : "passages"}, to “${result.project.path}”. The notes it holds are beside it: read the report at the top of each before sharing the project.`);
		first = result.files[0];
	} else if (prepared.target === "passages") {
		const result = await writePassagesExport(ctx, prepared);
		if ("error" in result) return void new Notice(result.error);
		const r = result.rows;
		new Notice(`Exported ${notes(result.files.length)} and ${r} coded ${r === 1 ? "passage" : "passages"} to “${result.csv.path}”. The notes are beside it: read the report at the top of each before sharing.`);
		first = result.files[0];
	} else {
		const result = await writeExport(ctx, prepared);
		if ("error" in result) return void new Notice(result.error);
		new Notice(`Exported ${notes(result.files.length)} to “${result.folder}”. Read the report at the top of each before sharing.`);
		first = result.files[0];
	}
	if (first) await ctx.app.workspace.getLeaf(true).openFile(first);
}

/** Plans an export for a scope and opens the preview; a Notice says why when there is nothing to export. */
export async function previewExport(ctx: AttuneContext, scope: ExportScope, dates: ExportDates, target: ExportTarget = "notes"): Promise<ExportPreviewModal | null> {
	const prepared = await prepareExport(ctx, scope, dates, target);
	if ("error" in prepared) {
		new Notice(prepared.error);
		return null;
	}
	const problems = prepared.plan.problems;
	if (problems.length > 0) {
		// Refused before the preview: an export is all or nothing.
		const first = problems[0]!;
		new Notice(`Nothing was exported: “${first.path}” cannot be exported, because ${first.message}${problems.length > 1 ? ` (${problems.length - 1} more ${problems.length === 2 ? "note has" : "notes have"} problems too.)` : ""}`);
		return null;
	}
	const client = prepared.client;
	const modal = new ExportPreviewModal(ctx.app, prepared, (p) => confirmExport(ctx, p), {
		addIdentifier: (word) => (client ? addIdentifier(ctx, client, word) : Promise.resolve({ ok: false, message: "This note has no client, so there is no client note to add to." })),
		previewAgain: async () => {
			await previewExport(ctx, scope, dates, target);
		},
	});
	modal.open();
	return modal;
}

/** Opens the export form, starting from the active note and its client. */
export function openExport(ctx: AttuneContext, target: ExportTarget = "notes"): ExportScopeModal {
	const file = ctx.app.workspace.getActiveViewOfType(MarkdownView)?.file ?? ctx.app.workspace.getActiveFile();
	const note = file && file.extension === "md" ? file : null;
	const client = note ? ctx.index.get(note.path)?.props.client ?? null : null;
	const modal = new ExportScopeModal(ctx.app, ctx, { notePath: note?.path ?? null, client }, async (scope, dates) => {
		await previewExport(ctx, scope, dates, target);
	}, COMMAND_NAMES[target]);
	modal.open();
	return modal;
}

/** Registers the export commands. No default hotkey: users choose their own. */
export function registerExport(ctx: AttuneContext): void {
	ctx.plugin.addCommand({ id: "export-deidentified", name: COMMAND_NAMES.notes, callback: () => void openExport(ctx) });
	ctx.plugin.addCommand({ id: "export-qdpx", name: COMMAND_NAMES.qdpx, callback: () => void openExport(ctx, "qdpx") });
	ctx.plugin.addCommand({ id: "export-passages", name: COMMAND_NAMES.passages, callback: () => void openExport(ctx, "passages") });
}
