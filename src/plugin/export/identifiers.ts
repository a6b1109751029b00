/**
 * Adding a word from "Check these before sharing" to the client note's
 * `identifiers`, so the next preview replaces it. One property of one note is
 * changed, through `FileManager.processFrontMatter`; a client note whose
 * properties cannot be read is left as it is, and the reason is returned.
 */
import { TFile, parseYaml } from "obsidian";
import { scanMarkdown } from "../../core/markdown/scan";
import type { AttuneContext } from "../context";

/** The client note of a code: the note named by it (`Clients/C-101/C-101.md`). */
export function clientNoteFile(ctx: AttuneContext, code: string): TFile | null {
	const file = ctx.app.metadataCache.getFirstLinkpathDest(code, "");
	return file instanceof TFile && file.basename.toLowerCase() === code.toLowerCase() ? file : null;
}

/** The identifiers a client note records, or why they cannot be changed safely. */
function recorded(text: string, path: string): { ids: string[] } | { problem: string } {
	const fm = scanMarkdown(text.replace(/^\uFEFF/, "")).frontmatter;
	if (!fm || fm.yaml.trim() === "") return { ids: [] };
	let data: unknown;
	try {
		data = parseYaml(fm.yaml) as unknown;
	} catch {
		return { problem: `The properties of “${path}” are not valid YAML, so nothing was added. Fix them first.` };
	}
	if (data === null || data === undefined) return { ids: [] };
	if (typeof data !== "object" || Array.isArray(data)) return { problem: `The properties of “${path}” are not a list of named properties, so nothing was added. Fix them first.` };
	const ids = (data as Record<string, unknown>).identifiers;
	const isText = (x: unknown) => typeof x === "string";
	if (ids !== undefined && ids !== null && !isText(ids) && !(Array.isArray(ids) && ids.every(isText))) {
		return { problem: `The identifiers property of “${path}” is not a list of names, so nothing was added. Fix it first.` };
	}
	return { ids: Array.isArray(ids) ? ids : typeof ids === "string" ? [ids] : [] };
}

/**
 * Adds `word` to the `identifiers` of the client note of `code`. Returns a
 * sentence for the Notice: what was done, or why nothing was.
 */
export async function addIdentifier(ctx: AttuneContext, code: string, word: string): Promise<{ ok: boolean; message: string }> {
	const file = clientNoteFile(ctx, code);
	if (!file) return { ok: false, message: `No client note named “${code}” was found, so “${word}” was not added. Create it, with an identifiers property, and preview again.` };
	const found = recorded(await ctx.app.vault.read(file), file.path);
	if ("problem" in found) return { ok: false, message: found.problem };
	if (found.ids.some((x) => x.toLowerCase() === word.toLowerCase())) return { ok: true, message: `“${word}” is already among the identifiers of “${file.path}”. Preview again to replace it.` };
	try {
		await ctx.app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
			const had = fm.identifiers;
			const list = Array.isArray(had) ? (had as unknown[]).filter((x): x is string => typeof x === "string") : typeof had === "string" && had.trim() !== "" ? [had] : [];
			fm.identifiers = [...list, word];
		});
	} catch {
		return { ok: false, message: `The properties of “${file.path}” could not be changed, so “${word}” was not added.` };
	}
	return { ok: true, message: `“${word}” was added to the identifiers of “${file.path}”. Preview again to replace it.` };
}
