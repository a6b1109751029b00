/**
 * What the built plugin must never contain: a network API, HTML built from
 * strings, or a module other than those Obsidian provides and Attune uses
 * (Node's built-ins do not exist on mobile). Works on the bundle's text, so
 * it sees exactly what ships.
 */

/**
 * The modules main.js may require: Obsidian's API, and the CodeMirror
 * packages Obsidian ships on desktop and mobile (the read-only editor of
 * finalized notes), kept external so that the plugin uses Obsidian's own copy.
 */
export const PROVIDED_MODULES: readonly string[] = Object.freeze(["obsidian", "@codemirror/state", "@codemirror/view"]);

/** Names whose mere presence in main.js means a way out of the vault, or HTML parsed from text. */
export const FORBIDDEN: readonly { name: string; why: string }[] = Object.freeze([
	{ name: "fetch", why: "a network request" },
	{ name: "XMLHttpRequest", why: "a network request" },
	{ name: "WebSocket", why: "a network connection" },
	{ name: "EventSource", why: "a network connection" },
	{ name: "sendBeacon", why: "a network request (navigator.sendBeacon)" },
	{ name: "requestUrl", why: "a network request (Obsidian's requestUrl)" },
	{ name: "innerHTML", why: "HTML built from a string" },
	{ name: "outerHTML", why: "HTML built from a string" },
	{ name: "insertAdjacentHTML", why: "HTML built from a string" },
]);

/** One line of a problem report: what was found, where, and why it is not allowed. */
function at(source: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i++) if (source.charCodeAt(i) === 10) line++;
	return line;
}

/** Every problem in a bundle's text; empty when it is clean. */
export function bundleProblems(source: string): string[] {
	const problems: string[] = [];
	for (const { name, why } of FORBIDDEN) {
		// As an identifier or property, not as part of a longer word ("prefetch" is fine).
		const re = new RegExp(`(?<![\\w$])${name}(?![\\w$])`, "g");
		let m: RegExpExecArray | null;
		while ((m = re.exec(source))) problems.push(`line ${at(source, m.index)}: ${name} (${why})`);
	}
	// Obsidian's `request` is its other network helper; in a CommonJS bundle it is reached through the module object.
	for (const m of source.matchAll(/\bimport_obsidian\d*\.request(?![\w$])/g)) problems.push(`line ${at(source, m.index ?? 0)}: Obsidian's request (a network request)`);
	for (const m of source.matchAll(/(?<![\w$.])require\s*\(\s*(?:(["'`])([^"'`]*)\1)?/g)) {
		const mod = m[2];
		if (mod === undefined || !PROVIDED_MODULES.includes(mod)) problems.push(`line ${at(source, m.index ?? 0)}: require(${mod === undefined ? "…" : JSON.stringify(mod)}) (only ${PROVIDED_MODULES.map((x) => JSON.stringify(x)).join(", ")} may be required; Node's modules do not exist on mobile)`);
	}
	for (const m of source.matchAll(/(?<![\w$.])(?:__require|import)\s*\(/g)) problems.push(`line ${at(source, m.index ?? 0)}: ${m[0].replace(/\s*\($/, "")}() (a module loaded at run time)`);
	return problems;
}
