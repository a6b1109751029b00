/**
 * `attune qdpx <vault> --out FILE.qdpx`: the notes of a scope as a REFI-QDA
 * project for NVivo, ATLAS.ti, MAXQDA and QualCoder: each note a text
 * source, each tagged passage a coded selection, with the codebook. Writes
 * only the new file named by --out, outside the vault.
 */
import * as path from "node:path";
import { indexVault, parseProperties, readNoteText, readVaultConfig, summaryOptions } from "./vault";
import { buildProject, qdpxArchive } from "../core/export/qdpx";
import { scopeNotes, summarize } from "../core/index/summary";
import { parseArgs, type RunResult, SCOPE_OPTIONS, scopeFilter, stderrText, UsageError, vaultArg } from "./args";
import { outFileArg, writeNewFile } from "./out-file";
import { ORIGIN } from "./codebook";

/**
 * A source's name: its vault path without `.md`, folders joined by " - ".
 * Unique as the path is, and without "/", since some tools (QualCoder) make
 * a file of each source named by it.
 */
export function sourceName(vaultPath: string): string {
	return vaultPath.replace(/\.md$/i, "").split("/").join(" - ");
}

export function qdpxCommand(args: string[], now: () => Date = () => new Date()): RunResult {
	const p = parseArgs(args, [...SCOPE_OPTIONS, "out"]);
	const root = vaultArg(p, "qdpx");
	const filter = scopeFilter(p, root);
	const out = p.options.get("out");
	if (out === undefined) throw new UsageError("qdpx needs --out FILE.qdpx, a new file outside the vault");
	const file = outFileArg(out, { vault: root, ending: ".qdpx" });
	const config = readVaultConfig(root);
	const index = indexVault(root, config, { countsOnly: true });
	const { warnings } = summarize(index, filter, summaryOptions(config));
	const notes: { path: string; name: string; text: string }[] = [];
	const skipped: string[] = [];
	const clientNotes: string[] = [];
	// Coding copies stay out, as in summarize (its warning names them): a copy would code its session twice.
	for (const rec of scopeNotes(index, filter).counted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
		// A client note (note-type: client) holds who the client is (names, identifiers), not coded session text.
		if (rec.props.noteType === "client") {
			clientNotes.push(rec.path);
			continue;
		}
		const read = rec.unreadable ? undefined : readNoteText(path.join(root, ...rec.path.split("/")));
		if (read === undefined || "error" in read) {
			skipped.push(rec.path);
			continue;
		}
		notes.push({ path: rec.path, name: sourceName(rec.path), text: read.text });
	}
	if (clientNotes.length > 0) warnings.push(`${clientNotes.length === 1 ? "1 client note (note-type: client) is" : `${clientNotes.length} client notes (note-type: client) are`} left out, since they hold who the client is: ${clientNotes.join(", ")}.`);
	for (const s of skipped) warnings.push(`“${s}” could not be read, so it is not in the project.`);
	// An empty project would read as "nothing was coded"; the scope is what needs a look.
	if (notes.length === 0) return { stdout: "", stderr: stderrText(p, [...config.warnings, ...warnings]) + "attune: no note is in this scope, so no project was written\n", code: 2 };
	const project = buildProject(notes, { vocab: config.vocab, parseYaml: parseProperties, name: `Attune: ${path.basename(path.resolve(root))}`, origin: ORIGIN, createdAt: now().toISOString() });
	writeNewFile(file, qdpxArchive(project));
	// The command line writes the notes as they are; only the plugin's export de-identifies them first.
	warnings.push(`The project holds the notes' text as written, not de-identified: share it only as you would share the notes themselves. For a de-identified project, use “Export for qualitative analysis (QDPX)” in Obsidian.`);
	const selections = project.sources.reduce((n, s) => n + s.selections.length, 0);
	const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
	return {
		stdout: `Wrote ${out}: ${plural(project.sources.length, "note", "notes")} as text sources, ${plural(selections, "coded passage", "coded passages")}, ${plural(project.codebook.byKey.size, "code", "codes")}.\n`,
		stderr: stderrText(p, [...config.warnings, ...warnings]),
		code: 0,
	};
}
