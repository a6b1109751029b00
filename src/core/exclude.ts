/**
 * Obsidian's "Excluded files" (`userIgnoreFilters` in `.obsidian/app.json`):
 * each entry is a path prefix (a folder such as `Archive/`, or a file), or a
 * regular expression written between slashes.
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

/** Whether a vault path lies in a folder (or below it); an empty folder holds nothing. */
export function inFolder(path: string, folder: string): boolean {
	const f = folder.replace(/\\/g, "/").replace(/^\/+|\/+$/g, "");
	return f !== "" && path.startsWith(f + "/");
}
