/**
 * What every `attune` command shares: its errors, its result, and how it reads
 * its arguments. Each command lives in a file of its own and uses these.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type SummaryFilter } from "../core/index/summary";
import { toIsoDate } from "../core/note/properties";
import { normalizeFolder } from "../core/vault-paths";

/** Bad usage: exit 2 with one line on stderr. */
export class UsageError extends Error {}

export const isHelp = (a: string) => a === "--help" || a === "-h";

export interface Parsed {
	positional: string[];
	options: Map<string, string>;
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

export function dateOption(name: string, value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`--${name} must be a date written YYYY-MM-DD, not “${value}”`);
	// Written right but not on the calendar (2026-02-30): say so, rather than "must be YYYY-MM-DD".
	if (!toIsoDate(value)) throw new UsageError(`--${name} ${value}: that date does not exist`);
	return value;
}

export function vaultArg(p: Parsed, command: string): string {
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
		folder: p.options.get("folder"),
		noteType: p.options.get("note-type"),
	};
	if (filter.from && filter.to && filter.from > filter.to) throw new UsageError(`--from ${filter.from} is after --to ${filter.to}`);
	if (filter.folder !== undefined) filter.folder = vaultFolder(root, filter.folder);
	return filter;
}
