/**
 * "Make a blind coding copy": a new note beside the open one, with every
 * Attune tag removed and all other text kept, so that a second coder codes
 * the session without seeing the first coding (compare them with
 * `attune agree`). It never overwrites anything.
 */
import { Notice, type TFile, parseYaml, stringifyYaml } from "obsidian";
import type { AttuneContext } from "../context";
import { blindCopyText } from "../../core/training/blind";
import { freePath } from "../../core/vault-paths";

/** Makes the copy and opens it; returns its path, or null when it changed nothing (and said why). */
export async function makeBlindCopy(ctx: AttuneContext, file: TFile): Promise<string | null> {
	const coder = ctx.settings().clinicianName.trim();
	if (coder === "") {
		new Notice("Enter your name as the clinician's name in the settings first: the copy records who coded it. Nothing was created.");
		return null;
	}
	const text = await ctx.app.vault.cachedRead(file);
	const original = `[[${ctx.app.metadataCache.fileToLinktext(file, file.path, true)}]]`;
	const made = blindCopyText(text, ctx.vocab(), { parse: parseYaml, stringify: stringifyYaml }, { original, coder });
	if ("error" in made) {
		new Notice(`${made.error} Nothing was created.`);
		return null;
	}
	const stem = file.path.replace(/\.md$/i, "");
	const path = freePath(`${stem} (blind copy).md`, (p) => ctx.app.vault.getAbstractFileByPath(p) !== null);
	const copy = await ctx.app.vault.create(path, made.text);
	await ctx.app.workspace.getLeaf(false).openFile(copy);
	new Notice(`Blind coding copy created: ${copy.basename}. Code it without looking at the original, then compare the two with attune agree.`);
	return path;
}
