/**
 * The headless reader: one note's Markdown in, its Attune record out, reading
 * it the way Obsidian's metadata cache does. The YAML parser is passed in, so
 * the core stays free of any particular library.
 */
import { scanMarkdown } from "../markdown/scan";
import type { MarkdownScan } from "../markdown/types";
import { type InterpretOptions, type NoteFacts, type NoteRecord, interpretNote } from "./note";
import type { Vocabulary } from "../vocabulary/vocabulary";

/** Parses YAML text; throws with a readable message when it is not valid YAML. */
export type YamlParser = (yaml: string) => unknown;

/** Reads one note's text into the facts a shell reports. */
export function factsFromText(path: string, text: string, parseYaml: YamlParser, scan: MarkdownScan = scanMarkdown(text)): NoteFacts {
	const facts: NoteFacts = { path, frontmatter: null, tags: scan.tags, headings: scan.headings, callouts: scan.callouts, text, bodyStart: scan.frontmatter ? scan.frontmatter.endLine + 1 : 0 };
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
export function readNote(path: string, text: string, vocab: Vocabulary, parseYaml: YamlParser, opts: InterpretOptions = {}): NoteRecord {
	return interpretNote(factsFromText(path, text, parseYaml), vocab, opts);
}

function firstLine(s: string): string {
	const l = s.split("\n")[0]!.trim();
	return l.length > 160 ? l.slice(0, 157) + "..." : l;
}
