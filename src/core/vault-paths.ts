/**
 * Vault paths: folders, Obsidian's excluded files, hidden folders, safe file
 * names and the first free path for a new note. One owner for each rule.
 */

/** A compiled list of exclusion filters. */
export type ExcludeMatcher = (path: string) => boolean;

/** Compiles `userIgnoreFilters`; entries that are not text or not valid patterns are skipped. */
export function compileExcludes(filters: unknown): ExcludeMatcher {
	const list = Array.isArray(filters) ? filters.filter((f): f is string => typeof f === "string" && f.trim() !== "") : [];
	const tests: ((p: string) => boolean)[] = [];
	for (const raw of list) {
		const f = raw.trim();
		if (f.length > 2 && f.startsWith("/") && f.endsWith("/")) {
			try {
				const re = new RegExp(f.slice(1, -1));
				tests.push((p) => re.test(p));
			} catch {
				// An invalid pattern excludes nothing, as in Obsidian.
			}
		} else {
			const prefix = f.replace(/^\/+/, "");
			tests.push((p) => p.startsWith(prefix));
		}
	}
	return (path) => tests.some((t) => t(path));
}

/** Whether a vault path lies in a dot-folder (`.obsidian/`, `.trash/`, ...) or is a dot-file. */
export function inHiddenFolder(path: string): boolean {
	return path.startsWith(".") || path.includes("/.");
}

/** A folder as a vault path: `/`-separated, no leading or trailing slash; `""` is the vault's root. */
export function normalizeFolder(folder: string): string {
	return folder.replace(/\\/g, "/").replace(/^\/+|\/+$/g, "");
}

/** Whether a vault path lies in a folder (or below it); the root, `""`, holds nothing here. */
export function inFolder(path: string, folder: string): boolean {
	const f = normalizeFolder(folder);
	return f !== "" && path.startsWith(f + "/");
}

/** Characters that no file name may hold on some platform, or that break links (`#^[]|`). */
const UNSAFE_IN_NAME = /[\\/:*?"<>|#^[\]]/g;

/** A value made safe to stand in a file or folder name. */
export function safeNamePart(value: string): string {
	return value.replace(UNSAFE_IN_NAME, "-").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
}

/**
 * The first free path for a new file or folder: the path itself, else
 * `name (2).md`, `name (3).md`, ... (a folder: `name (2)`). Never overwrites:
 * `exists` is asked for each candidate.
 */
export function freePath(path: string, exists: (p: string) => boolean): string {
	if (!exists(path)) return path;
	// The extension of the last segment, if it has one: a short run of letters and
	// digits after a dot that does not start the name ("Dr. Smith" has none).
	// (No lookbehind: iOS before 16.4 cannot compile it.)
	const found = /\.[A-Za-z0-9]{1,5}$/.exec(path);
	const dot = found && found.index > 0 && path[found.index - 1] !== "/" ? found.index : path.length;
	const stem = path.slice(0, dot);
	const ext = path.slice(dot);
	for (let n = 2; ; n++) {
		const candidate = `${stem} (${n})${ext}`;
		if (!exists(candidate)) return candidate;
	}
}
