/**
 * "Export coded passages": the de-identified copies, and beside them one CSV
 * of their coded passages (one row per Attune tag, the columns of
 * `attune segments`), for a spreadsheet or a qualitative-analysis tool. The
 * rows are read from the copies' text, so the CSV holds what the copies hold.
 */
import { type TFile, normalizePath, parseYaml } from "obsidian";
import { segmentRows, segmentsCsv } from "../../core/export/segments";
import { readNote } from "../../core/note/reader";
import type { AttuneContext } from "../context";
import type { PreparedExport } from "./prepare";
import { type WriteResult, writeExport } from "./write";

/** The CSV's file name inside the export's folder. */
export const PASSAGES_FILE = "Attune coded passages.csv";

/** What was written: the copies and the CSV. */
export interface PassagesWriteResult extends WriteResult {
	csv: TFile;
	/** Rows in the CSV: one per Attune tag in the copies. */
	rows: number;
}

/** Writes the copies, then the CSV of their coded passages beside them; `Vault.create` refuses an existing path. */
export async function writePassagesExport(ctx: AttuneContext, prepared: PreparedExport): Promise<PassagesWriteResult | { error: string }> {
	const vocab = ctx.vocab();
	const yaml = (y: string) => parseYaml(y) as unknown;
	const rows = prepared.plan.notes.flatMap((n) => segmentRows(readNote(n.path, n.text, vocab, yaml), n.text, vocab));
	const written = await writeExport(ctx, prepared);
	if ("error" in written) return written;
	const path = normalizePath(`${written.folder}/${PASSAGES_FILE}`);
	let csv: TFile;
	try {
		csv = await ctx.app.vault.create(path, segmentsCsv(rows));
	} catch (e) {
		return { error: `The de-identified copies were written to “${written.folder}”, but the coded passages could not be (${e instanceof Error ? e.message : String(e)}). Nothing was overwritten; run the export again to write a new folder.` };
	}
	return { ...written, csv, rows: rows.length };
}
