/**
 * `attune agree <note-a> <note-b>`: how far two codings of one session agree,
 * code by code and family by family (Cohen's κ, pooled κ, percent agreement),
 * and where they differ. It compares the coders, never the client.
 */
import * as path from "node:path";
import { findVaultRoot, readNoteText, readVaultConfig } from "./vault";
import { agreementJson, compareCodings, type Agreement } from "../core/training/agree";
import { LANDIS_KOCH, landisKochLabel } from "../core/training/kappa";
import { formatKappa, formatPercent } from "../core/training/compare";
import { noteFileArg, oneOf, parseArgs, type RunResult, UsageError, warningsText } from "./args";

/** A note file's text, or a usage error that says why it cannot be compared. */
function noteText(file: string): string {
	const read = readNoteText(noteFileArg(file));
	if ("error" in read) throw new UsageError(`note “${file}” could not be read: ${read.error}`);
	return read.text;
}


/** The report for a person at a terminal. */
function agreementTable(r: Agreement, a: string, b: string): string {
	const out: string[] = [
		`Coder A: ${a}`,
		`Coder B: ${b}`,
		`Units matched: ${r.units.matched} (only in A: ${r.units.onlyA}, only in B: ${r.units.onlyB}, left out)`,
		"",
	];
	for (const [family, f] of Object.entries(r.families)) {
		out.push(`${family}: pooled κ ${formatKappa(f.kappa)}${f.kappa === null ? "" : ` (${landisKochLabel(f.kappa)})`}, agreement ${formatPercent(f.agreement)}`);
		const codes = Object.entries(f.codes);
		if (codes.length === 0) out.push("  no code given by either coder");
		for (const [code, t] of codes) out.push(`  ${code}: κ ${formatKappa(t.kappa)}  both ${t.both}, A only ${t.aOnly}, B only ${t.bOnly}, neither ${t.neither}`);
	}
	out.push("", r.disagreements.length === 0 ? "No disagreements in the matched units." : "Where the coders differ:");
	for (const d of r.disagreements) out.push(`  A line ${d.lineA}, B line ${d.lineB}: ${d.family}/${d.code} given by ${d.coder.toUpperCase()} only: ${d.text}`);
	out.push("", `Verbal labels: ${LANDIS_KOCH}`);
	return out.join("\n") + "\n";
}

export function agreeCommand(args: string[]): RunResult {
	const p = parseArgs(args, ["format"]);
	const format = oneOf("format", p.options.get("format"), ["table", "json"], "table");
	if (p.positional.length !== 2) throw new UsageError("agree takes two note files: the two codings of one session");
	const [a, b] = p.positional as [string, string];
	const textA = noteText(a);
	const textB = noteText(b);
	// The vocabulary in force is the vault's: its added words and renamed families.
	const root = findVaultRoot(a) ?? path.dirname(path.resolve(a));
	const config = readVaultConfig(root);
	const r = compareCodings(textA, textB, config.vocab);
	const stdout = format === "json" ? JSON.stringify(agreementJson(r), null, 2) + "\n" : agreementTable(r, a, b);
	return { stdout, stderr: warningsText(config.warnings), code: 0 };
}
