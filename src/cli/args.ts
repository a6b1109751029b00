/**
 * What every `attune` command shares: its errors, its result, and how it reads
 * its arguments. Each command lives in a file of its own and uses these.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type SummaryFilter } from "../core/index/summary";
import { toIsoDate } from "../core/note/properties";
import { normalizeFolder } from "../core/vault-paths";
import { findVaultRootOfFolder } from "./vault";

/** Bad usage: exit 2 with one line on stderr. */
export class UsageError extends Error {}

export const isHelp = (a: string) => a === "--help" || a === "-h";

export interface Parsed {
	positional: string[];
	options: Map<string, string>;
	/** Set by `vaultArg` when the folder given lies inside a vault: that folder, relative to the vault root. */
	inVaultFolder?: string;
	/** Lines for stderr that are neither errors nor warnings, such as "no vault found". */
	notes?: string[];
}

export function parseArgs(args: string[], allowed: readonly string[]): Parsed {
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

export function oneOf(name: string, value: string | undefined, choices: readonly string[], dflt: string): string {
	if (value === undefined) return dflt;
	// `--format JSON` means json: people type option values in any case.
	const chosen = choices.find((c) => c.toLowerCase() === value.toLowerCase());
	if (chosen === undefined) throw new UsageError(`--${name} must be one of ${choices.join(", ")}, not “${value}”`);
	return chosen;
}

/** `--jobs N`: how many threads read the notes, a whole number from 1 (1: one thread, no workers). */
export function jobsOption(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`--jobs must be a whole number of threads, 1 or more, not “${value}”`);
	return Number(value);
}

export function dateOption(name: string, value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`--${name} must be a date written YYYY-MM-DD, not “${value}”`);
	// Written right but not on the calendar (2026-02-30): say so, rather than "must be YYYY-MM-DD".
	if (!toIsoDate(value)) throw new UsageError(`--${name} ${value}: that date does not exist`);
	return value;
}

/** Checks a note-file argument: it exists, is a file, and is a `.md` note; otherwise a usage error saying which. */
export function noteFileArg(file: string): string {
	let st: fs.Stats;
	try {
		st = fs.statSync(file);
	} catch {
		throw new UsageError(`note “${file}” does not exist`);
	}
	if (!st.isFile()) throw new UsageError(`“${file}” is not a file`);
	if (!file.toLowerCase().endsWith(".md")) throw new UsageError(`“${file}” is not a Markdown note (.md); Attune reads only .md notes`);
	return file;
}

/**
 * The vault a command reads. A folder inside a vault (a `.obsidian` folder in
 * it or above it) reads the whole vault from its root, with its settings and
 * excluded files, and scopes to that folder as `--folder` would; a folder in
 * no vault is read as the vault, with default settings, and a note says so.
 */
export function vaultArg(p: Parsed, command: string): string {
	if (p.positional.length !== 1) throw new UsageError(`${command} takes one vault folder${p.positional.length > 1 ? `, not ${p.positional.length} arguments` : ""}`);
	const given = p.positional[0]!;
	let st: fs.Stats;
	try {
		st = fs.statSync(given);
	} catch {
		throw new UsageError(`vault folder “${given}” does not exist`);
	}
	if (!st.isDirectory()) throw new UsageError(`“${given}” is a file, not a vault folder`);
	const root = findVaultRootOfFolder(given);
	if (root === undefined) {
		(p.notes ??= []).push(`no .obsidian folder in or above “${given}”, so it is read as a vault with default settings.`);
		return given;
	}
	const folder = path.relative(root, path.resolve(given)).split(path.sep).join("/");
	if (folder === "") return given;
	// Two scopes for one folder would leave the reader guessing which one counted.
	if (p.options.has("folder")) throw new UsageError(`“${given}” is a folder inside the vault at “${root}”, which already scopes to ${folder}; give either that folder or --folder, not both`);
	p.inVaultFolder = folder;
	return root;
}

/** What goes on stderr besides errors: the notes `vaultArg` left, then the warnings. */
export function stderrText(p: Parsed, warnings: string[]): string {
	return (p.notes ?? []).map((x) => `attune: note: ${x}\n`).join("") + warningsText(warnings);
}

/** The output of one run: what to print and the exit status. */
export interface RunResult {
	stdout: string;
	stderr: string;
	code: number;
}

export function warningsText(w: string[]): string {
	return w.map((x) => `attune: warning: ${x}\n`).join("");
}

/** A folder option as a vault path: `./` and slashes trimmed; it must be a folder of the vault. */
export function vaultFolder(root: string, folder: string): string {
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


/** The options every scoped command takes, as in `summarize`. */
export const SCOPE_OPTIONS = ["client", "from", "to", "folder", "note-type"] as const;

/** Reads `--client`, `--from`, `--to`, `--folder` and `--note-type` into a filter for the vault at root. */
export function scopeFilter(p: Parsed, root: string): SummaryFilter {
	const filter: SummaryFilter = {
		client: p.options.get("client"),
		from: dateOption("from", p.options.get("from")),
		to: dateOption("to", p.options.get("to")),
		folder: p.options.get("folder") ?? p.inVaultFolder,
		noteType: p.options.get("note-type"),
	};
	if (filter.from && filter.to && filter.from > filter.to) throw new UsageError(`--from ${filter.from} is after --to ${filter.to}`);
	if (filter.folder !== undefined && p.inVaultFolder === undefined) filter.folder = vaultFolder(root, filter.folder);
	return filter;
}

/** The filters given, as the `scope` object of a command's JSON (FORMAT.md section 6): only those set. */
export function scopeJson(filter: SummaryFilter): Record<string, string> {
	const scope: Record<string, string> = {};
	if (filter.client !== undefined) scope.client = filter.client;
	if (filter.from !== undefined) scope.from = filter.from;
	if (filter.to !== undefined) scope.to = filter.to;
	if (filter.folder !== undefined) scope.folder = filter.folder;
	if (filter.noteType !== undefined) scope.noteType = filter.noteType;
	return scope;
}
