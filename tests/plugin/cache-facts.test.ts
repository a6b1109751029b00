/**
 * The plugin reads Obsidian's metadata cache; the command line reads text.
 * For every note whose cache was captured in a real Obsidian, both readings
 * must give the same Attune record: one core, one answer.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import type { CachedMetadata } from "obsidian";
import { interpretNote } from "../../src/core/note/note";
import { factsFromText } from "../../src/core/note/reader";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { vocabularyFrom } from "../../src/core/vocabulary/vocabulary";
import { factsFromCache, textNeeded } from "../../src/plugin/cache-facts";
import { buildCache } from "../obsidian-double/obsidian";

const DIR = path.join(__dirname, "../fixtures/conformance/obsidian-cache");
const vocab = vocabularyFrom({ ...DEFAULT_SETTINGS, families: { ...DEFAULT_SETTINGS.families, emotion: "task" } });
const yaml = (y: string) => parse(y, { schema: "core" }) as unknown;

interface Captured { filePath: string; fileContents: string; cachedMetadata: CachedMetadata }
// resolvedLinks.json and unresolvedLinks.json are vault-wide link maps, not notes.
const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".json"))
	.map((f) => [f, JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")) as Captured] as const)
	.filter(([, c]) => typeof c.fileContents === "string");

describe("the cache adapter agrees with the text reader on real Obsidian caches", () => {
	it("has the captured notes", () => {
		expect(files.length).toBe(89);
	});
	it.each(files)("%s", (_f, c) => {
		const cache = c.cachedMetadata;
		const text = textNeeded(cache) ? c.fileContents : null;
		const fromCache = interpretNote(factsFromCache(c.filePath, cache, text, yaml), vocab);
		const fromText = interpretNote(factsFromText(c.filePath, c.fileContents, yaml), vocab);
		expect(fromCache.occurrences).toEqual(fromText.occurrences);
		expect(fromCache.comments).toEqual(fromText.comments);
		expect(fromCache.props).toEqual(fromText.props);
		expect(fromCache.diagnostics).toEqual(fromText.diagnostics);
	});
});

describe("the test double builds caches shaped like Obsidian's", () => {
	it.each(files)("%s", (_f, c) => {
		const built = buildCache(c.fileContents);
		const real = c.cachedMetadata;
		expect((built.tags ?? []).map((t) => [t.tag, t.position.start])).toEqual((real.tags ?? []).map((t) => [t.tag, t.position.start]));
		expect((built.headings ?? []).map((h) => [h.heading, h.level, h.position.start.line])).toEqual((real.headings ?? []).map((h) => [h.heading, h.level, h.position.start.line]));
		expect(built.frontmatter ?? null).toEqual(real.frontmatter ?? null);
		const callouts = (s?: { type: string; position: { start: { line: number } } }[]) => (s ?? []).filter((x) => x.type === "callout").map((x) => x.position.start.line);
		expect(callouts(built.sections)).toEqual(callouts(real.sections));
	});
});
