/**
 * `attune verify`: every finalized note of a scope, intact or changed since
 * finalizing or co-signing (FORMAT.md section 7). Hashes with Node's crypto;
 * the plugin gets the same digest from Web Crypto. Exits 1 when any changed.
 */
import { createHash } from "node:crypto";
import { listNotes, parseProperties, readNoteText, readVaultConfig, recordFromText } from "./vault";
import { factsFromText } from "../core/note/reader";
import { matchesFilter } from "../core/index/summary";
import { contentHashBytes } from "../core/record/content-hash";
import { type VerifyRow, STATUS_WORDS, addendaCount, isChanged, isFinalized, recordFields, verifyStatus } from "../core/record/verify";
import { oneOf, parseArgs, type RunResult, SCOPE_OPTIONS, scopeFilter, stderrText, vaultArg } from "./args";

/** Verifies every finalized note of the vault at root that the filter selects. */
export function verifyVault(root: string, filter: ReturnType<typeof scopeFilter>, config = readVaultConfig(root)): VerifyRow[] {
	const rows: VerifyRow[] = [];
	for (const n of listNotes(root, config.excluded, () => undefined)) {
		const read = readNoteText(n.file);
		if ("error" in read) continue;
		const rec = recordFromText(read, n.vaultPath, config.vocab);
		if (!matchesFilter(rec, filter)) continue;
		const facts = factsFromText(n.vaultPath, read.text, parseProperties);
		const fields = recordFields(facts.frontmatter);
		if (facts.frontmatterError !== undefined && /^\s*(?:finalized-on|content-sha256)\s*:/im.test(facts.frontmatterYaml ?? "")) {
			// Properties that no longer parse cannot be verified: that is a change, never silence.
			rows.push({ path: n.vaultPath, status: "no-hash", addenda: addendaCount(read.text) });
			continue;
		}
		if (!isFinalized(fields)) continue;
		const current = createHash("sha256").update(contentHashBytes(read.text, facts.frontmatter)).digest("hex");
		rows.push({
			path: n.vaultPath,
			status: verifyStatus(fields, current),
			finalizedOn: fields.finalizedOn,
			finalizedBy: fields.finalizedBy,
			cosignedBy: fields.cosignedBy,
			cosignedOn: fields.cosignedOn,
			addenda: addendaCount(read.text),
		});
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
