/**
 * Writes a planned export: new folders and new notes only, with
 * `Vault.createFolder` and `Vault.create`. Nothing existing is touched: the
 * export goes into a folder that did not exist when it was planned, and
 * stops, saying why, if that is no longer so.
 */
import { TFile, normalizePath } from "obsidian";
import type { AttuneContext } from "../context";
import type { PreparedExport } from "./prepare";

/** What was written. */
export interface WriteResult {
	folder: string;
	files: TFile[];
}

/** Creates each missing folder of a path, outermost first. */
async function ensureFolder(ctx: AttuneContext, folder: string): Promise<string | null> {
	const parts = normalizePath(folder).split("/").filter((p) => p !== "");
	for (let i = 1; i <= parts.length; i++) {
		const path = parts.slice(0, i).join("/");
		const existing = ctx.app.vault.getAbstractFileByPath(path);
		if (existing instanceof TFile) return `“${path}” is a file, so the export folder cannot be made there. Choose another folder in Attune's settings.`;
		if (!existing) await ctx.app.vault.createFolder(path);
	}
	return null;
}

/** Writes every copy of a prepared export. Returns a sentence saying why when it could not. */
export async function writeExport(ctx: AttuneContext, prepared: PreparedExport): Promise<WriteResult | { error: string }> {
	const { vault } = ctx.app;
	const { plan, folder } = prepared;
	if (plan.problems.length > 0) return { error: "Some notes cannot be exported safely, so nothing was written." };
	if (plan.notes.length === 0) return { error: "There is nothing to export." };
	if (!prepared.reviewShown) return { error: "Nothing was written: the list of what to check before sharing has not been shown yet. Preview the export first." };
	if (vault.getAbstractFileByPath(folder) !== null) {
		return { error: `“${folder}” appeared while the preview was open, and an export never writes into an existing folder. Run the export again.` };
	}
	for (const n of plan.notes) {
		if (vault.getAbstractFileByPath(n.path) !== null) return { error: `“${n.path}” already exists, so nothing was written.` };
	}
	const folderProblem = await ensureFolder(ctx, folder);
	if (folderProblem) return { error: folderProblem };
	const files: TFile[] = [];
	for (const n of plan.notes) files.push(await vault.create(n.path, n.text));
	return { folder, files };
}

