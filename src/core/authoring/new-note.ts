/**
 * New notes: their properties, where the cursor goes, and their folder and
 * file name from the patterns in settings.
 */
import { frontmatterEnd } from "../markdown/context";
import { eolOf, splitLines } from "../markdown/lines";
import { yamlScalar } from "../note/yaml-lite";
import type { DateFormatter } from "../time";
import { safeNamePart } from "../vault-paths";
import type { TextPosition } from "./tag-insertion";

/** A property value for a new note: text, a number, or a list of text. */
export type PropertyValue = string | number | readonly string[];

/** One top-level key of a properties block and the lines its value spans. */
interface KeySpan {
	key: string;
	/** 0-based line of `key:`. */
	line: number;
	/** Last line of the value (indented lines below the key). */
	end: number;
	/** True when the key has no value at all. */
	empty: boolean;
}

function keySpans(lines: readonly string[], fmEnd: number): KeySpan[] {
	const spans: KeySpan[] = [];
	for (let i = 1; i < fmEnd; i++) {
		const m = /^([^\s#:][^:]*):(.*)$/.exec(lines[i]!);
		if (!m) continue;
		let end = i;
		while (end + 1 < fmEnd && /^(\s|-\s|-$)/.test(lines[end + 1]!)) end++;
		const rest = m[2]!.trim();
		spans.push({ key: m[1]!.trim().toLowerCase(), line: i, end, empty: (rest === "" || rest === '""' || rest === "''") && end === i });
	}
	return spans;
}

function yamlLines(key: string, value: PropertyValue): string[] {
	if (typeof value === "string" || typeof value === "number") return [`${key}: ${yamlScalar(value)}`.trimEnd()];
	if (value.length === 0) return [`${key}: []`];
	return [`${key}:`, ...value.map((v) => `  - ${yamlScalar(v)}`)];
}

/**
 * Fills properties of a note about to be created: each key the text lacks,
 * or holds with no value, gets its value; a value already written (by a
 * user's template) is kept. Adds a properties block when there is none.
 * Empty values given here are skipped. Line endings follow the text.
 */
export function fillProperties(text: string, props: readonly (readonly [string, PropertyValue | undefined])[]): string {
	const eol = eolOf(text);
	const wanted = props.filter((p): p is readonly [string, PropertyValue] => p[1] !== undefined && p[1] !== "" && !(Array.isArray(p[1]) && p[1].length === 0));
	const lines = splitLines(text);
	const fmEnd = frontmatterEnd(lines);
	if (fmEnd < 0) {
		if (wanted.length === 0) return text;
		const block = ["---", ...wanted.flatMap(([k, v]) => yamlLines(k, v)), "---"];
		return block.join(eol) + eol + text;
	}
	const spans = keySpans(lines, fmEnd);
	const out = [...lines];
	const appended: string[] = [];
	// Replace from the bottom up so that earlier line numbers stay valid.
	const replacements: { line: number; end: number; with: string[] }[] = [];
	for (const [key, value] of wanted) {
		const span = spans.find((s) => s.key === key.toLowerCase());
		if (!span) appended.push(...yamlLines(key, value));
		else if (span.empty) {
			const keyLine = lines[span.line]!;
			replacements.push({ line: span.line, end: span.end, with: yamlLines(keyLine.slice(0, keyLine.indexOf(":")), value) });
		}
	}
	out.splice(fmEnd, 0, ...appended);
	for (const r of replacements.sort((a, b) => b.line - a.line)) out.splice(r.line, r.end - r.line + 1, ...r.with);
	return out.join(eol);
}

/**
 * Where the cursor goes in a new note: the first section, on the line below
 * the first heading of the body (at the end of that line, when it already
 * holds a prompt such as `- `). Without headings, the first line of the body.
 */
export function firstSectionPosition(text: string): TextPosition {
	const lines = splitLines(text);
	const start = frontmatterEnd(lines) + 1;
	for (let i = start; i < lines.length; i++) {
		const heading = lines[i]!;
		if (/^\s{0,3}#{1,6}\s/.test(heading)) {
			const below = i + 1;
			if (below >= lines.length) return { line: i, ch: heading.length };
			return { line: below, ch: lines[below]!.length };
		}
	}
	const line = Math.min(start, lines.length - 1);
	return { line, ch: (lines[line] ?? "").length };
}

/** Values the file-name pattern can use. */
export interface PathValues {
	client: string;
	session?: number | string;
	/** The note's date. */
	date: Date;
}

/**
 * Expands a folder or file-name pattern: `{{date}}`, `{{date:FORMAT}}` (moment
 * tokens; a `/` in the format makes folders, as in periodic notes),
 * `{{client}}` and `{{session}}`. Client and session values are made safe
 * for file names; unknown placeholders are left as written. Segments are
 * trimmed and empty ones dropped.
 */
export function expandPathPattern(pattern: string, values: PathValues, format: DateFormatter): string {
	const out = pattern.replace(/\{\{\s*(date|client|session)(?::([^}]*))?\s*\}\}/gi, (_m, name: string, fmt: string | undefined) => {
		switch (name.toLowerCase()) {
			case "date": return format(values.date, fmt && fmt.trim() !== "" ? fmt.trim() : "YYYY-MM-DD");
			case "client": return safeNamePart(values.client);
			default: return values.session === undefined ? "" : safeNamePart(String(values.session));
		}
	});
	return out.split("/").map((s) => s.trim().replace(/[. ]+$/, "")).filter((s) => s !== "").join("/");
}

/**
 * The folder a client's session notes go to, from the settings' folder
 * pattern, when it depends on nothing but the client (`Clients/{{client}}`);
 * undefined when it needs a date or a session.
 */
export function clientSessionFolder(pattern: string, client: string): string | undefined {
	const placeholders = pattern.match(/\{\{[^}]*\}\}/g) ?? [];
	if (placeholders.some((p) => !/^\{\{\s*client\s*\}\}$/i.test(p))) return undefined;
	return pattern.replace(/\{\{\s*client\s*\}\}/gi, safeNamePart(client)).split("/").map((x) => x.trim()).filter((x) => x !== "").join("/");
}
