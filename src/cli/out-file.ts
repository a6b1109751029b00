/**
 * The one file a writing command may create: named by `--out`, new, and
 * outside the vault it reads, since `attune` never writes into a vault.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./args";
import { findVaultRootOfFolder } from "./vault";

/** The real path of a file that may not exist yet: its folder resolved, its name kept. */
function realTarget(file: string): string {
	const dir = path.dirname(path.resolve(file));
	let real: string;
	try {
		real = fs.realpathSync(dir);
	} catch {
		throw new UsageError(`the folder of --out “${file}” does not exist`);
	}
	return path.join(real, path.basename(file));
}

/**
 * Checks `--out`: a file that does not exist yet, in a folder that does,
 * outside the vault (when one is read), ending with `ending` (when given).
 * Returns the path to write.
 */
export function outFileArg(out: string, options: { vault?: string; ending?: string }): string {
	if (options.ending !== undefined && !out.toLowerCase().endsWith(options.ending)) throw new UsageError(`--out “${out}” must end with ${options.ending}, so that other programs recognize it`);
	if (fs.existsSync(out) || isLink(out)) throw new UsageError(`--out “${out}” already exists; attune never writes over a file, so name a new one`);
	const target = realTarget(out);
	if (options.vault !== undefined) {
		const rel = path.relative(fs.realpathSync(options.vault), target);
		if (rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel))) throw new UsageError(`--out “${out}” is inside the vault; attune writes nothing into a vault, so name a file outside it`);
	}
	// Any vault, not only the one read: `codebook` reads none, and a project dropped into another vault would be counted there.
	const other = findVaultRootOfFolder(path.dirname(target));
	if (other !== undefined) throw new UsageError(`--out “${out}” is inside the vault at “${other}”; attune writes nothing into a vault, so name a file outside it`);
	return target;
}

function isLink(p: string): boolean {
	try {
		return fs.lstatSync(p).isSymbolicLink();
	} catch {
		return false;
	}
}

/** Creates the file with its contents; never replaces one that appeared since it was checked. */
export function writeNewFile(file: string, data: string | Uint8Array): void {
	try {
		fs.writeFileSync(file, data, { flag: "wx" });
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		if (code === "EEXIST") throw new UsageError(`“${file}” appeared while attune was working; nothing was written over it`);
		throw new UsageError(`“${file}” could not be written (${code ?? String(e)})`);
	}
}
