/**
 * `attune segments <vault>`: every coded passage of a scope, one row per
 * Attune tag occurrence, for qualitative-analysis tools and spreadsheets
 * (FORMAT.md section 6). Coding copies are left out, as in `summarize`.
 */
import * as path from "node:path";
import { indexVault, readNoteText, readVaultConfig } from "./vault";
import { type SegmentRow, segmentRows, segmentsCsv, segmentsJson } from "../core/export/segments";
import { scopeNotes, summarize } from "../core/index/summary";
import { clientSessionFolder } from "../core/authoring/new-note";
import { oneOf, parseArgs, type RunResult, SCOPE_OPTIONS, scopeFilter, scopeJson, stderrText, vaultArg, warningsText } from "./args";

export function segmentsCommand(args: string[]): RunResult {
	const p = parseArgs(args, [...SCOPE_OPTIONS, "format"]);
	const format = oneOf("format", p.options.get("format"), ["csv", "json"], "csv");
	const root = vaultArg(p, "segments");
	const filter = scopeFilter(p, root);
	const config = readVaultConfig(root);
	const index = indexVault(root, config);
	const { counted } = scopeNotes(index, filter);
	const rows: SegmentRow[] = [];
	for (const rec of [...counted].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
		if (rec.unreadable || rec.occurrences.length === 0) continue;
		const read = readNoteText(path.join(root, ...rec.path.split("/")));
		if ("error" in read) continue;
		rows.push(...segmentRows(rec, read.text, config.vocab));
	}
	// The scope's warnings are summarize's: notes it could not place, coding copies left out, or that nothing matched.
	const s = summarize(index, filter, { clientFolder: (c) => clientSessionFolder(config.settings.sessionFolder, c) });
	if (format === "json") return { stdout: JSON.stringify(segmentsJson(rows, { scope: scopeJson(filter), codingCopies: s.codingCopies, warnings: s.warnings }), null, 2) + "\n", stderr: stderrText(p, config.warnings), code: 0 };
	// CSV holds rows only: what a reader must know about the scope goes to stderr.
	return { stdout: segmentsCsv(rows), stderr: stderrText(p, config.warnings) + warningsText(s.warnings), code: 0 };
}
