/**
 * `create-study-notes`: a concept note per value of the closed vocabularies,
 * for students. Existing notes are left exactly as they are.
 */
import { Notice, normalizePath } from "obsidian";
import { studyNotes } from "../../core/authoring/study-notes";
import type { AttuneContext } from "../context";
import { ensureFolder } from "./create-note";

/** How many study notes were created and how many already existed. */
export interface StudyNotesResult {
	created: number;
	skipped: number;
}

/** Creates the study notes that do not exist yet in the study folder, and says how many. */
export async function createStudyNotes(ctx: AttuneContext): Promise<StudyNotesResult | null> {
	const vault = ctx.app.vault;
	const folder = normalizePath(ctx.settings().studyFolder.trim() || "/");
	const prefix = folder === "/" ? "" : `${folder}/`;
	const folderError = prefix === "" ? null : await ensureFolder(ctx, folder);
	if (folderError) {
		new Notice(`${folderError} No study notes were created.`);
		return null;
	}
	let created = 0;
	let skipped = 0;
	for (const note of studyNotes(ctx.vocab())) {
		const path = normalizePath(`${prefix}${note.name}.md`);
		if (vault.getAbstractFileByPath(path)) {
			skipped++;
			continue;
		}
		try {
			await vault.create(path, note.text);
			created++;
		} catch {
			// A name differing only in case exists on a case-insensitive disk: it is left alone too.
			skipped++;
		}
	}
	const where = prefix === "" ? "the vault's root" : `“${folder}”`;
	new Notice(`Created ${created} study ${created === 1 ? "note" : "notes"} in ${where}; ${skipped} already existed and ${skipped === 1 ? "was" : "were"} left alone.`);
	return { created, skipped };
}
