/**
 * "Export for qualitative analysis (QDPX)": the de-identified copies, and a
 * REFI-QDA project of them beside them in the same new folder, for NVivo,
 * ATLAS.ti, MAXQDA or QualCoder. The project is built from the copies' text,
 * so it holds exactly what the copies hold, report included; the copies are
 * there to be read before the project is shared.
 */
import { type TFile, normalizePath, parseYaml } from "obsidian";
import { buildProject, qdpxArchive } from "../../core/export/qdpx";
import { localIsoDate } from "../../core/time";
import type { AttuneContext } from "../context";
import type { PreparedExport } from "./prepare";
import { type WriteResult, writeExport } from "./write";

/** The project's file name inside the export's folder. */
export const QDPX_FILE = "Attune project.qdpx";

/** What was written: the copies and the project. */
export interface QdpxWriteResult extends WriteResult {
	project: TFile;
	/** Coded passages in the project. */
	selections: number;
}

/** Writes the copies, then the project beside them, with `Vault.createBinary`, which refuses an existing path. */
export async function writeQdpxExport(ctx: AttuneContext, prepared: PreparedExport): Promise<QdpxWriteResult | { error: string }> {
	const notes = prepared.plan.notes.map((n) => ({ path: n.path, name: n.name, text: n.text }));
	const project = buildProject(notes, {
		vocab: ctx.vocab(),
		parseYaml: (y) => parseYaml(y) as unknown,
		name: `Attune export ${localIsoDate(ctx.now())}`,
		origin: `Attune ${ctx.plugin.manifest.version}`,
		createdAt: ctx.now().toISOString(),
	});
	const bytes = qdpxArchive(project);
	const written = await writeExport(ctx, prepared);
	if ("error" in written) return written;
	const path = normalizePath(`${written.folder}/${QDPX_FILE}`);
	// The folder is new, so the name is free; createBinary would refuse it otherwise.
	let file: TFile;
	try {
		file = await ctx.app.vault.createBinary(path, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	} catch (e) {
		// The copies are written and stay: say so, rather than leave a folder without its project unexplained.
		return { error: `The de-identified copies were written to “${written.folder}”, but the project could not be (${e instanceof Error ? e.message : String(e)}). Nothing was overwritten; run the export again to write a new folder.` };
	}
	return { ...written, project: file, selections: project.sources.reduce((n, s) => n + s.selections.length, 0) };
}
