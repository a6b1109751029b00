/**
 * The rules a plugin meets to be listed among Obsidian's community plugins,
 * as checks that return problems (empty when a thing passes). Sources, read
 * in December 2026:
 * - obsidianmd/obsidian-releases, `.github/workflows/validate-plugin-entry.yml`:
 *   the bot that checks a submission (id, name, author, description length,
 *   entry keys, authorUrl and fundingUrl, version format, release assets);
 * - docs.obsidian.md, "Submission requirements for plugins": fundingUrl only
 *   for real financial support, descriptions of at most 250 characters ending
 *   with a period, no "This is a plugin";
 * - docs.obsidian.md, "Plugin guidelines" and the reviewers' checklist: no
 *   default hotkeys, no plugin name or id in commands, sentence case in the
 *   UI, no core styling overridden, isDesktopOnly when Node or Electron is used;
 * - docs.obsidian.md, "Manifest": the required keys and their types.
 * Like the bundle checker, each check is tried on bad samples before it judges
 * Attune (listing.test.ts).
 */

export type Json = Record<string, unknown>;

const REQUIRED: Record<string, "string" | "boolean"> = { id: "string", name: "string", version: "string", minAppVersion: "string", description: "string", author: "string", isDesktopOnly: "boolean" };
const OPTIONAL = ["authorUrl", "fundingUrl"];

/** Problems with manifest.json's keys and its id, name, description, version and author. */
export function manifestProblems(m: Json): string[] {
	const out: string[] = [];
	for (const [key, type] of Object.entries(REQUIRED)) {
		if (!(key in m)) out.push(`${key} is missing`);
		else if (typeof m[key] !== type) out.push(`${key} must be a ${type}`);
	}
	for (const key of Object.keys(m)) if (!(key in REQUIRED) && !OPTIONAL.includes(key)) out.push(`${key} is not a manifest key`);
	const text = (key: string) => (typeof m[key] === "string" ? m[key] : "");
	const id = text("id");
	if (!/^[a-z0-9_-]+$/.test(id)) out.push("id may hold only lowercase letters, digits, - and _");
	if (/obsidian/i.test(id)) out.push("id must not contain obsidian");
	if (/plugin$/i.test(id)) out.push("id must not end with plugin");
	const name = text("name");
	if (/obsidian/i.test(name)) out.push("name must not contain Obsidian");
	if (/plugin$/i.test(name.trim())) out.push("name must not end with Plugin");
	const description = text("description");
	if (description.length > 250) out.push(`description has ${description.length} characters; at most 250`);
	if (!description.endsWith(".")) out.push("description must end with a period");
	if (/obsidian/i.test(description)) out.push("description must not mention Obsidian");
	if (/^(this|a|an) (is an? )?(obsidian )?plugin\b/i.test(description)) out.push('description must not begin "This plugin" or "This is a plugin"');
	if (/[\p{Extended_Pictographic}]/u.test(description)) out.push("description must not hold emoji");
	for (const key of ["version", "minAppVersion"]) if (!/^\d+\.\d+\.\d+$/.test(text(key))) out.push(`${key} must be x.y.z, numbers and dots only`);
	const author = text("author");
	if (author.trim() === "") out.push("author is empty");
	if (/^[\w.+-]+@[\w-]+\.[\w.-]+$/.test(author)) out.push("author must not be an email address");
	return out;
}

/** Addresses that fill a field without being anyone's: Obsidian's own pages, the manifest docs' examples, example domains. */
function placeholderUrl(url: string): boolean {
	return /^https?:\/\/([\w-]+\.)*obsidian\.md(\/|$)/i.test(url) || /^https?:\/\/(www\.)?(buymeacoffee\.com|patreon\.com|ko-fi\.com|github\.com\/sponsors)\/?$/i.test(url) || /^https?:\/\/([\w-]+\.)*example\.(com|org|net)(\/|$)/i.test(url) || /[<>]|OWNER|your-?name|username/i.test(url);
}

/** authorUrl, when given, is a real https address of the author's, neither Obsidian's site nor the plugin's own repository. */
export function authorUrlProblems(m: Json, repo?: string): string[] {
	if (!("authorUrl" in m)) return [];
	const url = m.authorUrl;
	if (typeof url !== "string" || !/^https:\/\/\S+$/.test(url)) return ["authorUrl must be an https address"];
	if (placeholderUrl(url)) return [`authorUrl ${url} is a placeholder or Obsidian's site`];
	if (repo && url.toLowerCase().includes(`github.com/${repo.toLowerCase()}`)) return ["authorUrl must point to the author, not to the plugin's repository"];
	return [];
}

/** fundingUrl only where people can really give: absent, or https addresses that are no placeholder. */
export function fundingUrlProblems(m: Json): string[] {
	if (!("fundingUrl" in m)) return [];
	const f = m.fundingUrl;
	const urls = typeof f === "string" ? [f] : f && typeof f === "object" && !Array.isArray(f) ? Object.values(f as Json) : null;
	if (!urls || urls.length === 0) return ["fundingUrl must be an address or a map of names to addresses; leave it out when donations are not accepted"];
	return urls.flatMap((u) => (typeof u !== "string" || !/^https:\/\/\S+$/.test(u) ? [`fundingUrl ${String(u)} is not an https address`] : placeholderUrl(u) ? [`fundingUrl ${u} is a placeholder; leave fundingUrl out when donations are not accepted`] : []));
}

/** The entry added to community-plugins.json: the bot's keys only, agreeing with the manifest, and no branch. */
export function entryProblems(entry: Json, m: Json): string[] {
	const out: string[] = [];
	for (const key of Object.keys(entry)) if (!["id", "name", "description", "author", "repo"].includes(key)) out.push(`the entry must not have ${key}`);
	for (const key of ["id", "name", "description", "author"]) if (entry[key] !== m[key]) out.push(`the entry's ${key} is not the manifest's`);
	if (typeof entry.repo !== "string" || !/^[\w.-]+\/[\w.-]+$/.test(entry.repo)) out.push("the entry's repo must be owner/name");
	return out;
}

/** isDesktopOnly must say whether the bundle needs Node or Electron: `requires` are the modules main.js requires. */
export function desktopOnlyProblems(m: Json, requires: string[]): string[] {
	const desktop = requires.filter((r) => r !== "obsidian" && !/^@codemirror\/|^@lezer\//.test(r));
	if (m.isDesktopOnly === false && desktop.length > 0) return [`isDesktopOnly is false but main.js requires ${desktop.join(", ")}, which mobile does not have`];
	if (m.isDesktopOnly === true && desktop.length === 0) return ["isDesktopOnly is true but main.js needs nothing from the desktop: mobile users would be turned away for nothing"];
	return [];
}

/** The plugin's commands, as registered (`id` without Obsidian's `<plugin id>:` prefix). */
export interface CommandInfo { id: string; name: string; hotkeys?: unknown[] }

/** No default hotkeys; no plugin id in ids, no plugin name in names, no "command" in either. */
export function commandProblems(commands: CommandInfo[], m: Json): string[] {
	const id = String(m.id).toLowerCase();
	const name = String(m.name).toLowerCase();
	return commands.flatMap((c) => [
		...(c.hotkeys && c.hotkeys.length > 0 ? [`${c.id} sets a default hotkey`] : []),
		...(c.id.toLowerCase().includes(id) ? [`${c.id} repeats the plugin id (Obsidian prefixes it)`] : []),
		...(c.name.toLowerCase().includes(name) ? [`"${c.name}" repeats the plugin name (Obsidian prefixes it)`] : []),
		...(/command/i.test(c.id) || /command/i.test(c.name) ? [`${c.id} says "command"`] : []),
	]);
}

/** Words that keep their capital inside a sentence: names of things, not of ideas. */
const PROPER = new Set(["Attune", "Obsidian", "Markdown", "Moment", "Dataview", "BRAT", "GitHub", "I"]);

/**
 * Sentence case: the first word of each sentence capitalized, the rest lower
 * case but for names (PROPER) and acronyms (SOAP, CBT). Placeholders such as
 * `{{client}}` and tags such as `#emotion/…` are not words.
 */
export function sentenceCaseProblems(text: string): string[] {
	// A placeholder or tag stands in a sentence like a word, but its case is its own.
	const words = text.replace(/\{\{[^}]*\}\}|#[^\s]+/g, "\u0000").split(/\s+/).filter((w) => w === "\u0000" || /\p{L}/u.test(w));
	const out: string[] = [];
	let sentenceStart = true;
	for (const raw of words) {
		if (raw === "\u0000") {
			sentenceStart = false;
			continue;
		}
		const w = raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
		const bare = w.replace(/'s$/, "");
		if (sentenceStart) {
			if (/^\p{Ll}/u.test(w)) out.push(`"${text}": a sentence begins with "${w}" in lower case`);
		} else if (/^\p{Lu}\p{Ll}/u.test(w) && !PROPER.has(bare)) out.push(`"${text}": "${w}" is capitalized inside a sentence`);
		sentenceStart = /[.!?:]$/.test(raw);
	}
	return out;
}

/**
 * CSS that styles only Attune: every rule names an `attune-` class, except
 * rules that only define Attune's own custom properties (`--attune-…`).
 */
export function cssProblems(css: string): string[] {
	const out: string[] = [];
	const plain = css.replace(/\/\*[\s\S]*?\*\//g, "");
	for (const m of plain.matchAll(/([^{}@;]+)\{([^{}]*)\}/g)) {
		const body = m[2]!;
		for (const selector of m[1]!.split(",").map((s) => s.trim())) {
			if (/^(from|to|\d+(\.\d+)?%)$/.test(selector) || selector.includes(".attune-")) continue;
			const declarations = body.split(";").map((d) => d.trim()).filter((d) => d !== "");
			if (declarations.every((d) => d.startsWith("--attune-"))) continue;
			out.push(`${selector} styles more than Attune`);
		}
	}
	return out;
}
