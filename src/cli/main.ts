/**
 * `attune`: the command line. A thin shell over the core that reads a vault
 * folder as the plugin reads it inside Obsidian, and writes nothing into it.
 */
import * as path from "node:path";
import { findVaultRoot, parseProperties, readNoteText, readVaultConfig, recordFromText, summaryOptions } from "./vault";
import { passageAt } from "../core/markdown/passages";
import { factsFromText } from "../core/note/reader";
import { propertyLine } from "../core/note/note";
import { renderCsv, renderMarkdown, renderTable } from "../core/sidebar/report";
import { summarize, summaryJson } from "../core/index/summary";
import { readPropertyTags } from "../core/note/properties";
import { indexCounts } from "./parallel-read";
import { isHelp, jobsOption, noteFileArg, oneOf, parseArgs, type RunResult, SCOPE_OPTIONS, scopeFilter, stderrText, UsageError, vaultArg, warningsText } from "./args";
// Bundled into dist/cli.js at build time, so the program runs without package.json beside it.
import { trendCommand } from "./trend";
import { agreeCommand } from "./agree";
import { verifyCommand } from "./verify";
import { segmentsCommand } from "./segments";
import { hoursCommand } from "./hours";
import { codebookCommand } from "./codebook";
import { qdpxCommand } from "./qdpx";
import { renderInspectTable } from "./inspect-table";
import { version } from "../../package.json";

/** Each command's usage line and what its options mean. */
const COMMAND_USAGE: Record<string, string> = {
	summarize: `attune summarize <vault> [--client C] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--folder F] [--note-type T] [--format table|json|csv|markdown] [--jobs N]`,
	inspect: `attune inspect <note.md> [--format json|table]`,
	lint: `attune lint <vault> [--format text|json] [--jobs N]`,
	agree: `attune agree <note-a.md> <note-b.md> [--format table|json]`,
	trend: `attune trend <vault> [--client C] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--folder F] [--note-type T] [--format table|json|csv|markdown]`,
	segments: `attune segments <vault> [--client C] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--folder F] [--note-type T] [--format csv|json]`,
	verify: `attune verify <vault> [--client C] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--folder F] [--note-type T] [--format table|json]`,
	hours: `attune hours <vault> [--client C] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--folder F] [--note-type T] [--format table|json|csv]`,
	codebook: `attune codebook [<vault>] [--format qdc] [--out FILE.qdc]`,
	qdpx: `attune qdpx <vault> --out FILE.qdpx [--client C] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--folder F] [--note-type T]`,
};

const USAGE = `Usage:
${Object.values(COMMAND_USAGE).map((u) => "  " + u).join("\n")}
  attune --help | attune <command> --help
  attune --version`;

export { UsageError, type RunResult } from "./args";

/** Runs the command line with the given arguments (without `node` and the script). */
export function run(argv: string[]): RunResult {
	try {
		return runOrThrow(argv);
	} catch (e) {
		if (e instanceof UsageError) return { stdout: "", stderr: `attune: ${e.message}\n`, code: 2 };
		throw e;
	}
}

function runOrThrow(argv: string[]): RunResult {
	const [command, ...rest] = argv;
	// A bare `attune` is a mistake: the usage goes to stderr with exit 2; asked for, it goes to stdout.
	if (command === undefined) return { stdout: "", stderr: USAGE + "\n", code: 2 };
	if (isHelp(command) || command === "help") return { stdout: USAGE + "\n", stderr: "", code: 0 };
	if (command === "--version" || command === "-V") return { stdout: `attune ${version}\n`, stderr: "", code: 0 };
	const commandUsage = COMMAND_USAGE[command];
	if (commandUsage !== undefined && rest.some(isHelp)) return { stdout: `Usage:\n  ${commandUsage}\n`, stderr: "", code: 0 };
	switch (command) {
		case "summarize": return summarizeCommand(rest);
		case "inspect": return inspectCommand(rest);
		case "lint": return lintCommand(rest);
		case "trend": return trendCommand(rest);
		case "agree": return agreeCommand(rest);
		case "segments": return segmentsCommand(rest);
		case "verify": return verifyCommand(rest);
		case "hours": return hoursCommand(rest);
		case "codebook": return codebookCommand(rest);
		case "qdpx": return qdpxCommand(rest);
		default: throw new UsageError(`unknown command “${command}” (commands: ${Object.keys(COMMAND_USAGE).join(", ")}; see attune --help)`);
	}
}

function summarizeCommand(args: string[]): RunResult {
	const p = parseArgs(args, [...SCOPE_OPTIONS, "format", "jobs"]);
	const format = oneOf("format", p.options.get("format"), ["table", "json", "csv", "markdown"], "table");
	const jobs = jobsOption(p.options.get("jobs"));
	const root = vaultArg(p, "summarize");
	const filter = scopeFilter(p, root);
	const config = readVaultConfig(root);
	const { index, warnings } = indexCounts(root, config, jobs);
	const s = summarize(index, filter, summaryOptions(config));
	const stdout = format === "json" ? JSON.stringify(summaryJson(s), null, 2) + "\n" : format === "csv" ? renderCsv(s) : format === "markdown" ? renderMarkdown(s) : renderTable(s);
	return { stdout, stderr: stderrText(p, [...config.warnings, ...warnings]), code: 0 };
}

function inspectCommand(args: string[]): RunResult {
	const p = parseArgs(args, ["format"]);
	const format = oneOf("format", p.options.get("format"), ["json", "table"], "json");
	if (p.positional.length !== 1) throw new UsageError("inspect takes one note file");
	const file = noteFileArg(p.positional[0]!);
	const root = findVaultRoot(file);
	const config = root ? readVaultConfig(root) : readVaultConfig(path.dirname(file));
	const vaultPath = root ? path.relative(root, path.resolve(file)).split(path.sep).join("/") : path.basename(file);
	const read = readNoteText(file);
	const rec = recordFromText(read, vaultPath, config.vocab);
	if (format === "table") return { stdout: renderInspectTable(rec), stderr: warningsText(config.warnings), code: 0 };
	let properties: Record<string, unknown> | null = null;
	let tags: { tag: string; line: number; property?: boolean; passage?: string }[] = [];
	let headings: { heading: string; level: number; line: number }[] = [];
	if (!("error" in read)) {
		const text = read.text;
		const facts = factsFromText(vaultPath, text, parseProperties);
		properties = facts.frontmatter;
		tags = [
			...readPropertyTags(facts.frontmatter).tags.map((t) => ({ tag: t.tag, line: propertyLine(facts.frontmatterYaml, "tags", t.tag.toLowerCase()) + 1, property: true })),
			...facts.tags.map((t) => ({ tag: t.tag, line: t.line + 1, passage: passageAt(text, t.line).text })),
		];
		headings = facts.headings.map((h) => ({ heading: h.heading, level: h.level, line: h.line + 1 }));
	}
	const out = {
		format: 1,
		path: vaultPath,
		properties,
		read: { ...rec.props },
		tags,
		headings,
		attune: rec.occurrences.map((o) => ({ family: o.family, value: o.value, ...(o.process ? { process: o.process } : {}), ...(o.direction ? { direction: o.direction } : {}), line: o.line + 1, headings: o.headings })),
		supervisorComments: rec.comments.map((c) => ({ line: c.line + 1, resolved: c.resolved, text: c.text })),
		diagnostics: rec.diagnostics,
	};
	return { stdout: JSON.stringify(out, null, 2) + "\n", stderr: warningsText(config.warnings), code: 0 };
}

function lintCommand(args: string[]): RunResult {
	const p = parseArgs(args, ["format", "jobs"]);
	const format = oneOf("format", p.options.get("format"), ["text", "json"], "text");
	const jobs = jobsOption(p.options.get("jobs"));
	const root = vaultArg(p, "lint");
	const config = readVaultConfig(root);
	// A folder inside a vault lints that folder only.
	const read = indexCounts(root, config, jobs);
	const { diagnostics } = summarize(read.index, { folder: p.inVaultFolder });
	const stdout = format === "json"
		? JSON.stringify({ format: 1, diagnostics }, null, 2) + "\n"
		: diagnostics.map((d) => `${d.path}:${d.line}: ${d.code} ${d.tag}: ${d.message}\n`).join("") + (diagnostics.length === 0 ? "No problems found.\n" : `${diagnostics.length} problem${diagnostics.length === 1 ? "" : "s"} found.\n`);
	return { stdout, stderr: stderrText(p, [...config.warnings, ...read.warnings]), code: diagnostics.length > 0 ? 1 : 0 };
}

/* istanbul ignore next: the process entry point */
if (require.main === module) {
	const r = run(process.argv.slice(2));
	if (r.stdout) process.stdout.write(r.stdout);
	if (r.stderr) process.stderr.write(r.stderr);
	process.exitCode = r.code;
}
