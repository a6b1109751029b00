/**
 * The headless reader: one note's Markdown in, its Attune record out, reading
 * it the way Obsidian's metadata cache does. The YAML parser is passed in, so
 * the core stays free of any particular library.
 */
import { scanMarkdown } from "../markdown/scan";
import { type NoteFacts, type NoteRecord, interpretNote } from "./note";
import type { Vocabulary } from "../vocabulary/vocabulary";

/** Parses YAML text; throws with a readable message when it is not valid YAML. */
export type YamlParser = (yaml: string) => unknown;

/** Reads one note's text into the facts a shell reports. */
export function factsFromText(path: string, text: string, parseYaml: YamlParser): NoteFacts {
	const scan = scanMarkdown(text);
	const facts: NoteFacts = { path, frontmatter: null, tags: scan.tags, headings: scan.headings, callouts: scan.callouts };
	if (scan.frontmatter) {
		facts.frontmatterYaml = scan.frontmatter.yaml;
		try {
			const data = scan.frontmatter.yaml.trim() === "" ? null : parseYaml(scan.frontmatter.yaml);
			if (data === null || data === undefined) facts.frontmatter = null;
			else if (typeof data === "object" && !Array.isArray(data)) facts.frontmatter = data as Record<string, unknown>;
			else facts.frontmatterError = "they are not a list of named properties";
		} catch (e) {
			facts.frontmatterError = firstLine(e instanceof Error ? e.message : String(e));
		}
	}
	return facts;
}

/** Reads one note's text into its record. */
export function readNote(path: string, text: string, vocab: Vocabulary, parseYaml: YamlParser): NoteRecord {
	return interpretNote(factsFromText(path, text, parseYaml), vocab);
}

function firstLine(s: string): string {
	const l = s.split("\n")[0].trim();
	return l.length > 160 ? l.slice(0, 157) + "..." : l;
}

/** The passage a line sits in: its block, bounded by blank lines, headings and fences. */
export interface Passage {
	/** 0-based first line. */
	start: number;
	/** 0-based last line (inclusive). */
	end: number;
	text: string;
}

/** Passages are capped so that a wall of text shows as a readable excerpt. */
const MAX_PASSAGE_LINES = 12;

/**
 * The passage around a 0-based line: the paragraph, list item or callout
 * holding it. Computed only when a passage is shown, never while indexing.
 */
export function passageAt(text: string, line: number): Passage {
	const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
	if (line < 0 || line >= lines.length) return { start: line, end: line, text: "" };
	const isBreak = (l: string) => /^\s*(>\s*)*$/.test(l) || /^\s{0,3}(#{1,6}\s|```|~~~|---\s*$)/.test(l);
	const isItemStart = (l: string) => /^\s*([-*+]|\d+[.)])\s/.test(l) || /^\s*>\s*\[!/.test(l);
	let start = line;
	while (start > 0 && !isBreak(lines[start - 1]) && !isItemStart(lines[start]) && line - start < MAX_PASSAGE_LINES) start--;
	let end = line;
	while (end + 1 < lines.length && !isBreak(lines[end + 1]) && !isItemStart(lines[end + 1]) && end - start < MAX_PASSAGE_LINES) end++;
	return { start, end, text: lines.slice(start, end + 1).join("\n").trim() };
}
