/**
 * The blind coding copy: a note's text with every Attune tag removed and all
 * other text kept, with `coding-of` (a link to the original) and `coder` in
 * its properties, so that a second coder codes it without seeing the first
 * coding. Pure: the shell passes in its YAML parser and writer, and writes
 * the result as a new file.
 */
import { eolOf } from "../markdown/lines";
import { parseTag } from "../vocabulary/tags";
import type { Vocabulary } from "../vocabulary/vocabulary";
import { readUnits, stripLine } from "./units";

/** How the shell reads and writes YAML (Obsidian's `parseYaml`/`stringifyYaml`, or the `yaml` package). */
export interface YamlCodec {
	parse(yaml: string): unknown;
	stringify(value: unknown): string;
}

/** The property that links a coding copy to its original. */
export const CODING_OF = "coding-of";
/** The property that names who coded a copy. */
export const CODER = "coder";

/** Whether a `tags` property item is an Attune tag (any family, counted or not). */
function isAttuneTag(item: unknown, vocab: Vocabulary): boolean {
	return (typeof item === "string" || typeof item === "number") && parseTag(String(item).trim().replace(/^#/, ""), vocab) !== null;
}

/**
 * The text of a blind copy of `text`, or why none can be made safely (the
 * properties are not valid YAML: their tags could not be removed).
 * `original` is the link text of the original note (`[[name]]`).
 */
export function blindCopyText(text: string, vocab: Vocabulary, yaml: YamlCodec, opts: { original: string; coder: string }): { text: string } | { error: string } {
	const eol = eolOf(text);
	const reading = readUnits(text, vocab);
	const { lines, bodyStart } = reading;
	const bodyLines: string[] = [];
	for (let i = bodyStart; i < lines.length; i++) {
		const tags = reading.attuneTags.get(i);
		if (!tags) {
			bodyLines.push(lines[i]!);
			continue;
		}
		const stripped = stripLine(lines[i]!, tags);
		// A line that held only tags goes, so that a paragraph is not split in two.
		if (stripped.trim() !== "" && !/^\s*(>\s*)+$/.test(stripped)) bodyLines.push(stripped.trimEnd());
	}

	let props: Record<string, unknown> = {};
	if (bodyStart > 0) {
		const raw = lines.slice(1, bodyStart - 1).join("\n");
		let parsed: unknown;
		try {
			parsed = raw.trim() === "" ? {} : yaml.parse(raw);
		} catch {
			return { error: "The properties at the top of this note are not valid YAML, so their tags could not be removed. Fix the properties, then make the copy." };
		}
		if (parsed !== null && parsed !== undefined && (typeof parsed !== "object" || Array.isArray(parsed))) {
			return { error: "The properties at the top of this note are not a list of named properties, so their tags could not be removed. Fix the properties, then make the copy." };
		}
		props = { ...(parsed as Record<string, unknown> | null) };
	}
	for (const k of Object.keys(props)) {
		if (k.toLowerCase() !== "tags") continue;
		const v = props[k];
		if (Array.isArray(v)) {
			const kept = v.filter((x) => !isAttuneTag(x, vocab));
			if (kept.length > 0) props[k] = kept;
			else delete props[k];
		} else if (isAttuneTag(v, vocab)) delete props[k];
	}
	props[CODING_OF] = opts.original;
	props[CODER] = opts.coder;
	const yamlText = yaml.stringify(props).replace(/\r?\n$/, "").split(/\r?\n/);
	return { text: ["---", ...yamlText, "---", ...bodyLines].join(eol) };
}
