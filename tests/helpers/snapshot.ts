/**
 * Every file the `obsidian` double holds, notes and config files alike, as
 * path to text: taken before and after a command, it shows exactly what the
 * command changed.
 */
import type { App } from "../obsidian-double/obsidian";

/** Path to text of every note and every file under the adapter (prefixed `adapter:`). */
export function vaultSnapshot(app: App): Map<string, string> {
	const out = new Map<string, string>();
	for (const f of app.vault.getFiles()) out.set(f.path, app.vault.text(f.path));
	for (const p of app.vault.adapter._paths()) out.set(`adapter:${p}`, app.vault.adapter._text(p)!);
	return out;
}

/** The paths whose text differs between two snapshots, or that one of them lacks, sorted. */
export function changedPaths(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
	const paths = new Set([...before.keys(), ...after.keys()]);
	return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}
