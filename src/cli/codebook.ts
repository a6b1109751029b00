/**
 * `attune codebook --format qdc`: the vocabulary as a REFI-QDA codebook, for
 * NVivo, ATLAS.ti, MAXQDA and QualCoder. With a vault, that vault's
 * vocabulary (its renamed families, added words, families switched off).
 */
import { readVaultConfig } from "./vault";
import { buildCodebook, codebookQdc } from "../core/export/codebook";
import { vocabularyFrom } from "../core/vocabulary/vocabulary";
import { DEFAULT_SETTINGS } from "../core/settings";
import { oneOf, parseArgs, type RunResult, stderrText, UsageError, vaultArg } from "./args";
import { outFileArg, writeNewFile } from "./out-file";
import { version } from "../../package.json";

/** What the codebook says made it. */
export const ORIGIN = `Attune ${version}`;

export function codebookCommand(args: string[]): RunResult {
	const p = parseArgs(args, ["format", "out"]);
	oneOf("format", p.options.get("format"), ["qdc"], "qdc");
	if (p.positional.length > 1) throw new UsageError(`codebook takes at most one vault folder, not ${p.positional.length} arguments`);
	const root = p.positional.length === 1 ? vaultArg(p, "codebook") : undefined;
	const config = root === undefined ? undefined : readVaultConfig(root);
	const vocab = config?.vocab ?? vocabularyFrom(DEFAULT_SETTINGS);
	const out = p.options.get("out");
	const file = out === undefined ? undefined : outFileArg(out, { vault: root, ending: ".qdc" });
	const xml = codebookQdc(buildCodebook(vocab), ORIGIN);
	const stderr = stderrText(p, config?.warnings ?? []);
	if (file === undefined) return { stdout: xml, stderr, code: 0 };
	writeNewFile(file, xml);
	return { stdout: `Wrote the codebook to ${out}\n`, stderr, code: 0 };
}
