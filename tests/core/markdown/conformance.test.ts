/**
 * The scanner against real Obsidian: the tags Obsidian 1.13.7 reported for
 * the sample inputs, and the `CachedMetadata` it built for real notes. Both
 * live in `tests/fixtures/conformance` (copied from the shared folder, with
 * their sources and licences in its README).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { scanMarkdown } from "../../../src/core/markdown/scan";

const CONFORMANCE = path.resolve(__dirname, "../../fixtures/conformance");

/** The data is the authority: a missing folder is a broken checkout, not a reason to pass. */
function readJson<T>(file: string): T {
	const full = path.join(CONFORMANCE, file);
	if (!fs.existsSync(full)) throw new Error(`Conformance data not found at ${full}: tests/fixtures/conformance is part of the repository.`);
	return JSON.parse(fs.readFileSync(full, "utf8")) as T;
}

interface SampleCase {
	id: string;
	markdown: string;
	obsidian_tags: string[];
}

/** Obsidian lists each tag once, in order of first occurrence; the scanner lists every occurrence. */
function uniqueTags(markdown: string): string[] {
	const seen: string[] = [];
	for (const t of scanMarkdown(markdown).tags) if (!seen.includes(t.tag)) seen.push(t.tag);
	return seen;
}

describe("the tags Obsidian 1.13.7 reports (obsidian-tags.sample.json)", () => {
	const cases = readJson<SampleCase[]>("obsidian-tags.sample.json");

	it("holds the 90 sampled cases", () => {
		expect(cases).toHaveLength(90);
	});

	it.each(cases.map((c) => [c.id, c.markdown, c.obsidian_tags] as const))("%s", (_id, markdown, expected) => {
		expect(uniqueTags(markdown)).toEqual(expected);
	});
});

interface Pos {
	line: number;
	col: number;
	offset: number;
}
interface CacheDump {
	fileContents: string;
	cachedMetadata?: {
		tags?: { tag: string; position: { start: Pos } }[];
		headings?: { heading: string; level: number; position: { start: Pos } }[];
		sections?: { type: string; position: { start: Pos; end: Pos } }[];
		frontmatter?: Record<string, unknown>;
		frontmatterPosition?: { start: Pos; end: Pos };
	};
}

describe("the metadata cache Obsidian built for real notes (obsidian-cache/)", () => {
	const dir = path.join(CONFORMANCE, "obsidian-cache");
	if (!fs.existsSync(dir)) throw new Error(`Conformance data not found at ${dir}: tests/fixtures/conformance is part of the repository.`);
	// resolvedLinks.json and unresolvedLinks.json are vault-wide link maps, not note caches.
	const dumps = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()
		.map((f) => [f, readJson<CacheDump>(path.join("obsidian-cache", f))] as const)
		.filter(([, d]) => d.cachedMetadata !== undefined);

	it("holds the note caches", () => {
		expect(dumps.length).toBe(89);
	});

	const table = dumps.map(([f, d]) => [f, d] as const);

	it.each(table)("%s: tags with their positions", (_f, d) => {
		const expected = (d.cachedMetadata?.tags ?? []).map((t) => ({
			tag: t.tag.slice(1),
			line: t.position.start.line,
			col: t.position.start.col,
			offset: t.position.start.offset,
		}));
		expect(scanMarkdown(d.fileContents).tags).toEqual(expected);
	});

	it.each(table)("%s: headings", (_f, d) => {
		const expected = (d.cachedMetadata?.headings ?? []).map((h) => ({ heading: h.heading, level: h.level, line: h.position.start.line }));
		expect(scanMarkdown(d.fileContents).headings).toEqual(expected);
	});

	it.each(table)("%s: callouts start where Obsidian's callout sections do", (_f, d) => {
		const lines = d.fileContents.split("\n");
		// Obsidian makes a section of a top-level callout only; nested ones sit inside it.
		const topLevel = scanMarkdown(d.fileContents).callouts.filter((c) => /^\s{0,3}>\s*\[!/.test(lines[c.line]!));
		const expected = (d.cachedMetadata?.sections ?? []).filter((s) => s.type === "callout").map((s) => s.position.start.line);
		expect(topLevel.map((c) => c.line)).toEqual(expected);
	});

	it.each(table)("%s: the properties block", (_f, d) => {
		const cache = d.cachedMetadata ?? {};
		const yamlSection = (cache.sections ?? []).find((s) => s.type === "yaml");
		const fm = scanMarkdown(d.fileContents).frontmatter;
		if (!yamlSection) {
			expect(fm).toBeNull();
			return;
		}
		expect(fm).not.toBeNull();
		// Properties open on line 0, as the format says; the scanner does not record it.
		expect([0, fm?.endLine]).toEqual([yamlSection.position.start.line, yamlSection.position.end.line]);
		if (cache.frontmatterPosition) expect(fm?.endLine).toBe(cache.frontmatterPosition.end.line);
		// The text handed on is exactly the YAML Obsidian parsed.
		if (cache.frontmatter) expect(parseYaml(fm?.yaml ?? "", { schema: "core" })).toEqual(cache.frontmatter);
	});
});
