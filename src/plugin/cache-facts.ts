/**
 * The Obsidian adapter of the core's port: turns Obsidian's `CachedMetadata`
 * into `NoteFacts`. Obsidian's cache is the authority on tags and headings;
 * the note's text is read only where the cache cannot answer: a callout's
 * type, properties that failed to parse, and the line of a property.
 */
import type { CachedMetadata } from "obsidian";
import { scanMarkdown } from "../core/markdown/scan";
import type { RawTag } from "../core/markdown/types";
import type { NoteFacts } from "../core/note/note";
import type { YamlParser } from "../core/note/reader";

/**
 * Whether this note's text must be read, judging by its cache alone. (The
 * indexer also reads it when a property tag or problem needs its line.)
 */
export function textNeeded(cache: CachedMetadata | null): boolean {
	if (!cache) return true;
	const sections = cache.sections ?? [];
	// Callout types are not in the cache; a blockquote may hold a nested callout.
	if (sections.some((s) => s.type === "callout" || s.type === "blockquote")) return true;
	// A properties block that yielded no properties: invalid YAML, or empty.
	return sections[0]?.type === "yaml" && cache.frontmatter === undefined;
}

/**
 * Builds the facts of one note from Obsidian's cache, and from its text when
 * `textNeeded` said so (pass null otherwise).
 */
export function factsFromCache(path: string, cache: CachedMetadata | null, text: string | null, parseYaml: YamlParser): NoteFacts {
	const scan = text !== null ? scanMarkdown(text) : null;
	const facts: NoteFacts = {
		path,
		// The cache's own object: the core only reads it, and keeps none of it (its strings are detached).
		frontmatter: cache?.frontmatter ?? null,
		tags: bodyTagsOf(cache),
		headings: (cache?.headings ?? []).map((h) => ({ heading: h.heading, level: h.level, line: h.position.start.line })),
		callouts: scan ? scan.callouts : [],
	};
	if (text !== null && scan) {
		facts.text = text;
		facts.bodyStart = scan.frontmatter ? scan.frontmatter.endLine + 1 : 0;
	}
	if (!cache && scan) {
		// No cache yet (a brand-new file): fall back to reading the text entirely.
		facts.tags = scan.tags;
		facts.headings = scan.headings;
	}
	if (scan?.frontmatter) {
		facts.frontmatterYaml = scan.frontmatter.yaml;
		if (!facts.frontmatter && scan.frontmatter.yaml.trim() !== "") {
			try {
				const data = parseYaml(scan.frontmatter.yaml);
				if (data && typeof data === "object" && !Array.isArray(data)) facts.frontmatter = data as Record<string, unknown>;
				else if (data !== null && data !== undefined) facts.frontmatterError = "they are not a list of named properties";
			} catch (e) {
				facts.frontmatterError = (e instanceof Error ? e.message : String(e)).split("\n")[0];
			}
		}
	}
	return facts;
}

/** The inline tags of a note's body, from its cache, as the core reads them (without `#`). */
export function bodyTagsOf(cache: CachedMetadata | null): RawTag[] {
	return (cache?.tags ?? []).map((t) => ({
		tag: t.tag.startsWith("#") ? t.tag.slice(1) : t.tag,
		line: t.position.start.line,
		col: t.position.start.col,
		offset: t.position.start.offset,
	}));
}

/** The 0-based line where a note's body starts, after its properties block, from the cache. */
export function bodyStartOf(cache: CachedMetadata | null): number {
	const end = cache?.frontmatterPosition?.end.line ?? (cache?.sections?.[0]?.type === "yaml" ? cache.sections[0].position.end.line : undefined);
	return end === undefined ? 0 : end + 1;
}
