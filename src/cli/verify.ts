/**
 * `attune verify`: every finalized note of a scope, intact or changed since
 * finalizing or co-signing (FORMAT.md section 7). Hashes with Node's crypto;
 * the plugin gets the same digest from Web Crypto. Exits 1 when any changed.
 */
import { listNotes, readNoteRecord, readNoteText, readVaultConfig } from "./vault";
import { diagnosedIn } from "../core/index/summary";
import { type VerifyRow, STATUS_WORDS, isChanged } from "../core/record/verify";
import { oneOf, parseArgs, type RunResult, SCOPE_OPTIONS, scopeFilter, stderrText, vaultArg } from "./args";

/**
 * Verifies every finalized note of the vault at root that the filter selects,
 * or that it cannot place (properties that are not valid YAML): the notes
 * whose changes `attune summarize` lists for the same scope.
 */
export function verifyVault(root: string, filter: ReturnType<typeof scopeFilter>, config = readVaultConfig(root)): VerifyRow[] {
	const rows: VerifyRow[] = [];
	for (const n of listNotes(root, config.excluded, () => undefined)) {
		const read = readNoteText(n.file);
		if ("error" in read) continue;
		const { rec, row } = readNoteRecord(read, n.vaultPath, config.vocab);
		if (row && diagnosedIn(rec, filter)) rows.push(row);
	}
	return rows;
}

/** The rows as a table for a person, or as JSON. */
export function renderVerify(rows: VerifyRow[], format: string): string {
	const changed = rows.filter((r) => isChanged(r.status)).length;
	if (format === "json") {
		return JSON.stringify({ format: 1, notes: rows.map((r) => ({ path: r.path, status: r.status, finalizedOn: r.finalizedOn ?? null, finalizedBy: r.finalizedBy ?? null, cosignedBy: r.cosignedBy ?? null, cosignedOn: r.cosignedOn ?? null, addenda: r.addenda })), changed }, null, 2) + "\n";
	}
	const head = `Finalized notes: ${rows.length}, changed: ${changed}`;
	if (rows.length === 0) return head + "\n";
	const cells = [["Status", "Finalized", "By", "Co-signed", "Addenda", "Note"], ...rows.map((r) => [STATUS_WORDS[r.status], r.finalizedOn ?? "", r.finalizedBy ?? "", r.cosignedBy ? `${r.cosignedBy}, ${r.cosignedOn ?? ""}` : "", String(r.addenda), r.path])];
	const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => [...c[i]!].length)));
	const line = (c: string[]) => c.map((x, i) => (i === 4 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join("  ").trimEnd();
	return [head, "", line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n") + "\n";
}

export function verifyCommand(args: string[]): RunResult {
	const p = parseArgs(args, [...SCOPE_OPTIONS, "format"]);
	const format = oneOf("format", p.options.get("format"), ["table", "json"], "table");
	const root = vaultArg(p, "verify");
	const filter = scopeFilter(p, root);
	const config = readVaultConfig(root);
	const rows = verifyVault(root, filter, config);
	return { stdout: renderVerify(rows, format), stderr: stderrText(p, config.warnings), code: rows.some((r) => isChanged(r.status)) ? 1 : 0 };
}
