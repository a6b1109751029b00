/**
 * `attune`: the command line. A thin shell over the core that reads a vault
 * folder as the plugin reads it inside Obsidian, and writes nothing into it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { indexVault, parseProperties, readNoteText, readVaultConfig, recordFromText } from "./vault";
import { passageAt } from "../core/markdown/passages";
import { factsFromText } from "../core/note/reader";
import { propertyLine } from "../core/note/note";
import { renderCsv, renderMarkdown, renderTable } from "../core/sidebar/report";
import { type SummaryFilter, summarize, summaryJson } from "../core/index/summary";
import { readPropertyTags, toIsoDate } from "../core/note/properties";
import { normalizeFolder } from "../core/vault-paths";
import { clientSessionFolder } from "../core/authoring/new-note";
// Bundled into dist/cli.js at build time, so the program runs without package.json beside it.
import { version } from "../../package.json";

/** Bad usage: exit 2 with one line on stderr. */
export class UsageError extends Error {}

/** Each command's usage line and what its options mean. */
const COMMAND_USAGE: Record<string, string> = {
	summarize: `attune summarize <vault> [--client C] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--folder F] [--note-type T] [--format table|json|csv|markdown]`,
	inspect: `attune inspect <note.md> [--format json]`,
	lint: `attune lint <vault> [--format text|json]`,
};

const USAGE = `Usage:
${Object.values(COMMAND_USAGE).map((u) => "  " + u).join("\n")}
  attune --help | attune <command> --help
  attune --version`;

const isHelp = (a: string) => a === "--help" || a === "-h";

interface Parsed {
	positional: string[];
	options: Map<string, string>;
}

function parseArgs(args: string[], allowed: readonly string[]): Parsed {
	const positional: string[] = [];
	const options = new Map<string, string>();
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (a.startsWith("--")) {
			const eq = a.indexOf("=");
			const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
			if (!allowed.includes(name)) throw new UsageError(`unknown option --${name} (options here: ${allowed.map((o) => "--" + o).join(", ")})`);
			const value = eq < 0 ? args[++i] : a.slice(eq + 1);
			if (value === undefined || (eq < 0 && value.startsWith("--")) || value.trim() === "") throw new UsageError(`--${name} needs a value`);
			if (options.has(name)) throw new UsageError(`--${name} is given twice; give it once`);
			options.set(name, value);
		} else if (a.startsWith("-") && a.length > 1) {
			throw new UsageError(`unknown option ${a}`);
		} else positional.push(a);
	}
	return { positional, options };
}

function oneOf(name: string, value: string | undefined, choices: readonly string[], dflt: string): string {
	if (value === undefined) return dflt;
	if (!choices.includes(value)) throw new UsageError(`--${name} must be one of ${choices.join(", ")}, not “${value}”`);
	return value;
}

function dateOption(name: string, value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !toIsoDate(value)) throw new UsageError(`--${name} must be a date written YYYY-MM-DD, not “${value}”`);
	return value;
}

function vaultArg(p: Parsed, command: string): string {
	if (p.positional.length !== 1) throw new UsageError(`${command} takes one vault folder${p.positional.length > 1 ? `, not ${p.positional.length} arguments` : ""}`);
	const root = p.positional[0]!;
	let st: fs.Stats;
	try {
		st = fs.statSync(root);
	} catch {
		throw new UsageError(`vault folder “${root}” does not exist`);
	}
	if (!st.isDirectory()) throw new UsageError(`“${root}” is a file, not a vault folder`);
	return root;
}

/** The output of one run: what to print and the exit status. */
export interface RunResult {
	stdout: string;
	stderr: string;
	code: number;
}

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
		default: throw new UsageError(`unknown command “${command}” (commands: summarize, inspect, lint; see attune --help)`);
	}
}

function warningsText(w: string[]): string {
	return w.map((x) => `attune: warning: ${x}\n`).join("");
}

function summarizeCommand(args: string[]): RunResult {
	const p = parseArgs(args, ["client", "from", "to", "folder", "note-type", "format"]);
	const format = oneOf("format", p.options.get("format"), ["table", "json", "csv", "markdown"], "table");
	const filter: SummaryFilter = {
		client: p.options.get("client"),
		from: dateOption("from", p.options.get("from")),
		to: dateOption("to", p.options.get("to")),
		folder: p.options.get("folder"),
		noteType: p.options.get("note-type"),
	};
	if (filter.from && filter.to && filter.from > filter.to) throw new UsageError(`--from ${filter.from} is after --to ${filter.to}`);
	const root = vaultArg(p, "summarize");
	if (filter.folder !== undefined) filter.folder = vaultFolder(root, filter.folder);
	const config = readVaultConfig(root);
	const s = summarize(indexVault(root, config, { countsOnly: true }), filter, { clientFolder: (c) => clientSessionFolder(config.settings.sessionFolder, c), vocab: config.vocab });
	const stdout = format === "json" ? JSON.stringify(summaryJson(s), null, 2) + "\n" : format === "csv" ? renderCsv(s) : format === "markdown" ? renderMarkdown(s) : renderTable(s);
	return { stdout, stderr: warningsText(config.warnings), code: 0 };
}

/** A folder option as a vault path: `./` and slashes trimmed; it must be a folder of the vault. */
function vaultFolder(root: string, folder: string): string {
	const rel = normalizeFolder(folder.replace(/\\/g, "/").replace(/^(\.\/)+/, ""));
	if (rel === "" || rel === ".") return "";
	let st: fs.Stats | undefined;
	try {
		st = fs.statSync(path.join(root, rel));
	} catch {
		st = undefined;
	}
	if (!st?.isDirectory()) throw new UsageError(`--folder “${folder}” is not a folder of the vault (give it relative to the vault, such as Clients/C-101)`);
	return rel;
}

/** Finds the vault holding a note: the nearest folder above it with a `.obsidian` folder. */
function findVaultRoot(file: string): string | undefined {
	let dir = path.dirname(path.resolve(file));
	for (;;) {
		if (fs.existsSync(path.join(dir, ".obsidian"))) return dir;
		const up = path.dirname(dir);
		if (up === dir) return undefined;
		dir = up;
	}
}

function inspectCommand(args: string[]): RunResult {
	const p = parseArgs(args, ["format"]);
	oneOf("format", p.options.get("format"), ["json"], "json");
	if (p.positional.length !== 1) throw new UsageError("inspect takes one note file");
	const file = p.positional[0]!;
	let st: fs.Stats;
	try {
		st = fs.statSync(file);
	} catch {
		throw new UsageError(`note “${file}” does not exist`);
	}
	if (!st.isFile()) throw new UsageError(`“${file}” is not a file`);
	const root = findVaultRoot(file);
	const config = root ? readVaultConfig(root) : readVaultConfig(path.dirname(file));
	const vaultPath = root ? path.relative(root, path.resolve(file)).split(path.sep).join("/") : path.basename(file);
	const read = readNoteText(file);
	const rec = recordFromText(read, vaultPath, config.vocab);
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
		attune: rec.occurrences.map((o) => ({ family: o.family, value: o.value, ...(o.process ? { process: o.process } : {}), line: o.line + 1, headings: o.headings })),
		supervisorComments: rec.comments.map((c) => ({ line: c.line + 1, resolved: c.resolved, text: c.text })),
		diagnostics: rec.diagnostics,
	};
	return { stdout: JSON.stringify(out, null, 2) + "\n", stderr: warningsText(config.warnings), code: 0 };
}

function lintCommand(args: string[]): RunResult {
	const p = parseArgs(args, ["format"]);
	const format = oneOf("format", p.options.get("format"), ["text", "json"], "text");
	const root = vaultArg(p, "lint");
	const config = readVaultConfig(root);
	const { diagnostics } = summarize(indexVault(root, config, { countsOnly: true }), {});
	const stdout = format === "json"
		? JSON.stringify({ format: 1, diagnostics }, null, 2) + "\n"
		: diagnostics.map((d) => `${d.path}:${d.line}: ${d.code} ${d.tag}: ${d.message}\n`).join("") + (diagnostics.length === 0 ? "No problems found.\n" : `${diagnostics.length} problem${diagnostics.length === 1 ? "" : "s"} found.\n`);
	return { stdout, stderr: warningsText(config.warnings), code: diagnostics.length > 0 ? 1 : 0 };
}

/* istanbul ignore next: the process entry point */
if (require.main === module) {
	const r = run(process.argv.slice(2));
	if (r.stdout) process.stdout.write(r.stdout);
	if (r.stderr) process.stderr.write(r.stderr);
	process.exitCode = r.code;
}
