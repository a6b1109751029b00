/**
 * Pure text transforms behind Attune's writing commands: where a tag can go
 * and how it is spaced, supervisor comment callouts, properties of new notes,
 * file names, and the study notes for the vocabulary. No Obsidian, no Node:
 * the plugin applies the results through the editor or `Vault.process`.
 */
import { readsBackAsText } from "./yaml-lite";
import { scanMarkdown } from "./markdown/scan";
import { type Family, type Vocabulary, invalidTagWordReason, labelFor, normalizeWord } from "./vocabulary";

/** Why a position cannot take a tag, in words for a notice; null when it can. */
export type BlockedContext = "properties" | "code block" | "math block" | "inline code" | "comment" | "link";

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const QUOTE_PREFIX = /^( {0,3}> ?)+/;
const FRONTMATTER_FENCE = /^---\s*$/;

/** Splits text into lines, whatever its line endings. */
export function splitLines(text: string): string[] {
	return text.split(/\r\n|\r|\n/);
}

/** The line ending a text uses: CRLF when it has any, else LF. */
export function eolOf(text: string): string {
	return text.includes("\r\n") ? "\r\n" : "\n";
}

/** The 0-based line of the closing fence of the properties block, or -1 when there is none. */
export function frontmatterEnd(lines: readonly string[]): number {
	if (lines.length === 0 || !FRONTMATTER_FENCE.test(lines[0].replace(/^\uFEFF/, ""))) return -1;
	for (let i = 1; i < lines.length; i++) if (FRONTMATTER_FENCE.test(lines[i])) return i;
	return -1;
}

/**
 * Which block-level context line `line` sits in: properties, a fenced code
 * block or a math block (where Obsidian reads no tags), or none. Fences inside
 * callouts and block quotes count, as Obsidian renders them as code too.
 */
export function blockContextAt(lines: readonly string[], line: number): BlockedContext | null {
	const fmEnd = frontmatterEnd(lines);
	if (fmEnd >= 0 && line <= fmEnd) return "properties";
	let fence: { char: string; len: number } | null = null;
	let math = false;
	let comment = false;
	for (let i = fmEnd + 1; i <= line && i < lines.length; i++) {
		const l = lines[i].replace(QUOTE_PREFIX, "");
		if (fence) {
			const m = FENCE.exec(l);
			if (i === line) return "code block";
			if (m && m[1][0] === fence.char && m[1].length >= fence.len && m[2].trim() === "") fence = null;
			continue;
		}
		if (math) {
			if (i === line) return "math block";
			if (l.includes("$$")) math = false;
			continue;
		}
		if (comment) {
			if (l.includes("-->")) comment = false;
			else if (i === line) return "comment";
			continue;
		}
		const f = FENCE.exec(l);
		if (f && !(f[1][0] === "`" && f[2].includes("`"))) {
			if (i === line) return "code block";
			fence = { char: f[1][0], len: f[1].length };
			continue;
		}
		const t = l.trim();
		if (t.startsWith("$$") && !(t.length > 2 && t.slice(2).includes("$$"))) {
			if (i === line) return "math block";
			math = true;
			continue;
		}
		const open = l.lastIndexOf("<!--");
		if (open >= 0 && l.indexOf("-->", open + 4) < 0 && i < line) comment = true;
	}
	return null;
}

/**
 * Which inline context column `ch` of a line sits in: inline code, an HTML
 * comment or a wiki link (where a tag is not read), or none. A position
 * right before an opening or after a closing marker is outside.
 */
export function inlineContextAt(lineText: string, ch: number): BlockedContext | null {
	let i = 0;
	while (i < lineText.length) {
		if (lineText[i] === "`") {
			let n = 1;
			while (lineText[i + n] === "`") n++;
			const run = "`".repeat(n);
			let j = lineText.indexOf(run, i + n);
			// A closing run must be exactly as long as the opening one.
			while (j >= 0 && lineText[j + n] === "`") {
				let k = j;
				while (lineText[k] === "`") k++;
				j = lineText.indexOf(run, k);
			}
			if (j < 0) {
				i += n;
				continue;
			}
			if (ch > i && ch < j + n) return "inline code";
			i = j + n;
			continue;
		}
		if (lineText.startsWith("<!--", i)) {
			const j = lineText.indexOf("-->", i + 4);
			const end = j < 0 ? lineText.length : j + 3;
			if (ch > i && ch < end) return "comment";
			i = end;
			continue;
		}
		if (lineText.startsWith("[[", i)) {
			const j = lineText.indexOf("]]", i + 2);
			if (j >= 0) {
				if (ch > i && ch < j + 2) return "link";
				i = j + 2;
				continue;
			}
		}
		i++;
	}
	return null;
}

/** Where in a note a position is, when no tag can be inserted there; null when one can. */
export function blockedContextAt(text: string, line: number, ch: number): BlockedContext | null {
	const lines = splitLines(text);
	return blockContextAt(lines, line) ?? inlineContextAt(lines[line] ?? "", ch);
}

/** A sentence for a notice explaining why nothing was inserted. */
export function blockedMessage(context: BlockedContext, what = "a tag"): string {
	switch (context) {
		case "properties": return `The cursor is in the note's properties, where Obsidian does not read ${what} as text. Place it in the body of the note.`;
		case "code block": return `The cursor is inside a code block, where Obsidian does not read ${what}. Place it in ordinary text.`;
		case "math block": return `The cursor is inside a math block, where Obsidian does not read ${what}. Place it in ordinary text.`;
		case "inline code": return `The cursor is inside inline code, where Obsidian does not read ${what}. Place it outside the backticks.`;
		case "comment": return `The cursor is inside an HTML comment, where Obsidian does not read ${what}. Place it outside the comment.`;
		case "link": return `The cursor is inside a link, where Obsidian does not read ${what}. Place it outside the brackets.`;
	}
}

/** Characters that would continue a tag if a tag were glued to them. */
const TAG_CONTINUES = /^[\p{L}\p{N}\p{M}_\-/#\p{Extended_Pictographic}]/u;

/** What to insert at a column so that the tag stands alone, and where the cursor goes after it. */
export interface TagInsertion {
	/** The text to insert (the tag, with a space before and/or after when needed). */
	text: string;
	/** Column of the cursor after insertion, on the same line. */
	cursorCh: number;
}

/**
 * Spaces a tag for insertion at column `ch` of a line: Obsidian reads `#` as
 * a tag only at the start of a line or after white space, and the tag runs
 * until white space or punctuation, so a word right after it would join it.
 */
export function tagInsertion(lineText: string, ch: number, tag: string): TagInsertion {
	const before = lineText.slice(0, ch);
	const after = lineText.slice(ch);
	const lead = before.length > 0 && !/\s$/.test(before) ? " " : "";
	const trail = TAG_CONTINUES.test(after) ? " " : "";
	const text = lead + tag + trail;
	return { text, cursorCh: ch + text.length };
}

/**
 * Whether Obsidian would read the tag inserted at a line and column: the
 * note is read again as the metadata cache reads it, so that contexts the
 * quick checks do not name (an indented code block, an HTML block) are
 * caught before anything changes.
 */
export function insertedTagIsRead(text: string, line: number, ch: number, ins: TagInsertion, tag: string): boolean {
	const lines = splitLines(text);
	const eol = eolOf(text);
	const current = lines[line] ?? "";
	lines[line] = current.slice(0, ch) + ins.text + current.slice(ch);
	const col = ch + ins.text.indexOf(tag);
	const want = tag.replace(/^#/, "").toLowerCase();
	return scanMarkdown(lines.join(eol)).tags.some((t) => t.line === line && t.col === col && t.tag.toLowerCase() === want);
}

/** A position in a note, 0-based, as Obsidian's editor gives it. */
export interface TextPosition {
	line: number;
	ch: number;
}

/**
 * Where a tag for a selection goes: at the end of the selected passage. A
 * selection that ends at the start of a line (a whole line selected) ends on
 * the line before.
 */
export function selectionTagPosition(lines: readonly string[], from: TextPosition, to: TextPosition): TextPosition {
	if (to.ch === 0 && to.line > from.line) {
		const line = to.line - 1;
		return { line, ch: (lines[line] ?? "").length };
	}
	return { ...to };
}

/** A line that starts a new block, so a paragraph above it has ended. */
function startsBlock(line: string): boolean {
	return /^\s{0,3}(#{1,6}(\s|$)|```|~~~|>|[-*+]\s|\d+[.)]\s|\$\$|---\s*$|\|)/.test(line);
}

/** An edit that inserts text at a position and places the cursor. */
export interface Insertion {
	/** Where the text goes. */
	at: TextPosition;
	text: string;
	/** Where the cursor goes afterwards. */
	cursor: TextPosition;
}

/**
 * A supervisor comment callout below the line or selection that ends on
 * `line`: after the end of its paragraph (so a hard-wrapped paragraph is
 * never split), with a blank line before it and, when text follows, after
 * it, so that neither joins the other. The cursor is left on the comment's
 * first body line, ready to type.
 */
export function supervisorCommentInsertion(text: string, line: number, heading: string): Insertion {
	const lines = splitLines(text);
	const eol = eolOf(text);
	const isBlank = (l: string | undefined) => l === undefined || l.trim() === "";
	let end = Math.min(Math.max(line, 0), lines.length - 1);
	const inQuote = /^\s{0,3}>/.test(lines[end]);
	const isRow = (l: string | undefined) => l !== undefined && /^\s{0,3}\|/.test(l);
	if (isRow(lines[end])) {
		// A table row: the comment goes after the whole table, never between its rows.
		while (end + 1 < lines.length && !isBlank(lines[end + 1]) && (isRow(lines[end + 1]) || /^\s{0,3}[-:| ]+$/.test(lines[end + 1]))) end++;
	} else if (!isBlank(lines[end])) {
		while (end + 1 < lines.length && !isBlank(lines[end + 1])) {
			const next = lines[end + 1];
			if (inQuote ? !/^\s{0,3}>/.test(next) : startsBlock(next)) break;
			end++;
		}
	}
	const current = lines[end];
	const title = `> [!supervisor] ${heading}`.trimEnd();
	// A blank line after the callout, when text follows, so it is not read as part of the comment.
	const after = end + 1 < lines.length && !isBlank(lines[end + 1]) ? eol : "";
	if (current === "" && (end === 0 || isBlank(lines[end - 1]))) {
		// Already on an empty line with room above: the callout starts right here.
		return { at: { line: end, ch: 0 }, text: `${title}${eol}> ${after}`, cursor: { line: end + 1, ch: 2 } };
	}
	if (isBlank(current)) {
		return { at: { line: end, ch: current.length }, text: `${eol}${title}${eol}> ${after}`, cursor: { line: end + 2, ch: 2 } };
	}
	return { at: { line: end, ch: current.length }, text: `${eol}${eol}${title}${eol}> ${after}`, cursor: { line: end + 3, ch: 2 } };
}

/** The heading of a supervisor comment: the supervisor's name and the date. */
export function supervisorCommentHeading(name: string, isoDate: string): string {
	const n = name.trim();
	return n === "" ? isoDate : `${n}, ${isoDate}`;
}

/** What resolving the comment at the cursor does, or why it cannot. */
export type ResolveResult =
	| { kind: "resolve"; at: TextPosition; insert: string }
	| { kind: "already-resolved"; line: number }
	| { kind: "none" };

const CALLOUT_MARKER = /^((?:\s{0,3}>\s?)+)\[!([^\]\s]+)\]/;

/**
 * Finds the supervisor comment holding line `line` (or ending just above a
 * blank line at the cursor) and says how to resolve it: `-resolved` is
 * inserted after the type, keeping everything else as written.
 */
export function resolveSupervisorComment(text: string, line: number): ResolveResult {
	const lines = splitLines(text);
	const isQuote = (l: string | undefined) => l !== undefined && /^\s{0,3}>/.test(l);
	let i = line;
	if (!isQuote(lines[i]) && (lines[i] ?? "").trim() === "" && isQuote(lines[i - 1])) i--;
	if (!isQuote(lines[i])) return { kind: "none" };
	for (; i >= 0 && isQuote(lines[i]); i--) {
		const m = CALLOUT_MARKER.exec(lines[i]);
		if (!m) continue;
		const type = m[2].toLowerCase();
		if (type === "supervisor") return { kind: "resolve", at: { line: i, ch: m[1].length + 2 + m[2].length }, insert: "-resolved" };
		if (type === "supervisor-resolved") return { kind: "already-resolved", line: i };
		return { kind: "none" };
	}
	return { kind: "none" };
}

/** A property value for a new note: text, a number, or a list of text. */
export type PropertyValue = string | number | readonly string[];

const RESERVED_PLAIN = /^(true|false|yes|no|on|off|null|~)$/i;

/**
 * A value as YAML: plain when it reads back as the same text (or number, or
 * date), double-quoted otherwise (links, names with punctuation), so that a
 * clinician's name with a colon never breaks the properties.
 */
export function yamlScalar(value: string | number): string {
	if (typeof value === "number") return String(value);
	if (value === "") return "";
	// Codes such as 017 or 1e3 would read back as numbers: those are quoted.
	if (/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u.test(value) && !/\s$/.test(value) && !RESERVED_PLAIN.test(value) && readsBackAsText(value)) return value;
	return JSON.stringify(value);
}

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
		const m = /^([^\s#:][^:]*):(.*)$/.exec(lines[i]);
		if (!m) continue;
		let end = i;
		while (end + 1 < fmEnd && /^(\s|-\s|-$)/.test(lines[end + 1])) end++;
		const rest = m[2].trim();
		spans.push({ key: m[1].trim().toLowerCase(), line: i, end, empty: (rest === "" || rest === '""' || rest === "''") && end === i });
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
		else if (span.empty) replacements.push({ line: span.line, end: span.end, with: yamlLines(lines[span.line].slice(0, lines[span.line].indexOf(":")), value) });
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
		if (/^\s{0,3}#{1,6}\s/.test(lines[i])) {
			const below = i + 1;
			if (below >= lines.length) return { line: i, ch: lines[i].length };
			return { line: below, ch: lines[below].length };
		}
	}
	const line = Math.min(start, lines.length - 1);
	return { line, ch: (lines[line] ?? "").length };
}

/** Formats a date with a moment-style format; passed in so that the core never imports moment. */
export type DateFormatter = (date: Date, format: string) => string;

/** Values the file-name pattern can use. */
export interface PathValues {
	client: string;
	session?: number | string;
	/** The note's date. */
	date: Date;
}

/** Characters that no file name may hold on some platform, or that break links (`#^[]|`). */
const UNSAFE_IN_NAME = /[\\/:*?"<>|#^[\]]/g;

/** A value made safe to stand in a file or folder name. */
export function safeNamePart(value: string): string {
	return value.replace(UNSAFE_IN_NAME, "-").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
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
 * The first free path for a new note: the path itself, else `name (2).md`,
 * `name (3).md`, ... Never overwrites: `exists` is asked for each candidate.
 */
export function freePath(path: string, exists: (p: string) => boolean): string {
	if (!exists(path)) return path;
	const dot = path.toLowerCase().endsWith(".md") ? path.length - 3 : path.length;
	const stem = path.slice(0, dot);
	const ext = path.slice(dot);
	for (let n = 2; ; n++) {
		const candidate = `${stem} (${n})${ext}`;
		if (!exists(candidate)) return candidate;
	}
}

/** One word a coding picker offers. */
export interface WordChoice {
	/** The tag value, lowercase. */
	value: string;
	/** What the picker shows. */
	label: string;
	/** Times the vault already uses it, when it does. */
	uses?: number;
	/** True when it comes from the vocabulary. */
	known: boolean;
}

/**
 * The words a coding picker offers for a family: the vocabulary first, in
 * its order, then the words the vault already uses, most used first.
 * Therapist resonance is open and has no vocabulary of its own, so the
 * emotion words are offered for it. Closed families offer only their
 * vocabulary: other words would not be counted.
 */
export function wordChoices(vocab: Vocabulary, family: Family, used: readonly { value: string; count: number }[]): WordChoice[] {
	const base = family === "resonance" ? [...vocab.words.resonance, ...vocab.words.emotion] : vocab.words[family];
	const counts = new Map<string, number>();
	for (const u of used) counts.set(u.value, (counts.get(u.value) ?? 0) + u.count);
	const seen = new Set<string>();
	const out: WordChoice[] = [];
	const closed = family === "empathy" || family === "response" || family === "process";
	for (const w of base) {
		if (seen.has(w)) continue;
		seen.add(w);
		out.push({ value: w, label: closed ? labelFor(w) : w, uses: counts.get(w), known: true });
	}
	if (!closed) {
		const extra = [...counts].filter(([w]) => !seen.has(w)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
		for (const [w, n] of extra) out.push({ value: w, label: w, uses: n, known: false });
	}
	return out;
}

/** A word typed into a picker of an open family, made a tag value; or why it cannot be one. */
export function typedWord(input: string): { value: string } | { error: string } {
	const value = normalizeWord(input);
	const reason = invalidTagWordReason(value);
	return reason === null ? { value } : { error: reason };
}

/** References of the study notes, as DOMAIN.md cites them. */
export const STUDY_REFERENCES = Object.freeze({
	elliott: "Elliott, R., Bohart, A. C., Watson, J. C., & Murphy, D. (2018). Therapist empathy and client outcome: An updated meta-analysis. *Psychotherapy, 55*(4), 399–410.",
	greenberg: "Greenberg, L. S. (2015). *Emotion-focused therapy: Coaching clients to work through their feelings* (2nd ed.). American Psychological Association.",
	geller: "Geller, S. M., & Greenberg, L. S. (2012). *Therapeutic presence: A mindful approach to effective therapy*. American Psychological Association.",
	strauss: "Strauss, C., Lever Taylor, B., Gu, J., Kuyken, W., Baer, R., Jones, F., & Cavanagh, K. (2016). What is compassion and how can we measure it? A review of definitions and measures. *Clinical Psychology Review, 47*, 15–27.",
	segal: "Segal, Z. V., Williams, J. M. G., & Teasdale, J. D. (2013). *Mindfulness-based cognitive therapy for depression* (2nd ed.). Guilford Press.",
});
type ReferenceKey = keyof typeof STUDY_REFERENCES;

/** A concept of the vocabulary: its definition in the field's words and where it comes from. */
interface Concept {
	definition: string;
	references: ReferenceKey[];
}

/** The default vocabulary's concepts, by family and value. */
const CONCEPTS: Readonly<Record<"empathy" | "response" | "process" | "class", Readonly<Record<string, Concept>>>> = Object.freeze({
	empathy: {
		rapport: { definition: "The therapist holds a benevolent, compassionate attitude toward the client and shows understanding of their experience, often to set the context for treatment. Emphasized by cognitive-behavioural therapies.", references: ["elliott"] },
		attunement: { definition: "The therapist stays attuned, moment by moment, to the client's unfolding experience and communicates that understanding, mostly through reflections and conjectures. Emphasized by humanistic and person-centred therapies, emotion-focused therapy and emotion-focused mindfulness therapy.", references: ["elliott"] },
		person: { definition: "The therapist builds an experience-near understanding of how the client's history has led them to feel, think and act as they do. Emphasized by psychodynamic therapies.", references: ["elliott"] },
	},
	class: {
		"primary-adaptive": { definition: "A first, direct emotional response that fits the situation and guides action, such as sadness at a loss or anger at a violation. The typical response is to symbolize it, make sense of it and carry it forward.", references: ["greenberg"] },
		"primary-maladaptive": { definition: "A first response that no longer fits the present situation, learned from past hurt, such as core shame or fear of abandonment. The typical response is to access it, then transform it with an adaptive emotion.", references: ["greenberg"] },
		secondary: { definition: "A reaction to another emotion or to a thought, which covers it, such as anger masking hurt or hopelessness over fear. The typical response is to explore it to reach the primary emotion beneath.", references: ["greenberg"] },
		instrumental: { definition: "An emotion expressed for its effect on others, such as crocodile tears or anger to dominate. The typical response is to notice and name its function.", references: ["greenberg"] },
	},
	response: {
		reflection: { definition: "The therapist puts into words what the client is experiencing, from within the client's frame of reference, so that the client can hear it and check it against their experience.", references: ["elliott"] },
		question: { definition: "An exploratory question asked from within the client's experience, inviting them to explore it and put it into words, rather than to gather facts.", references: ["elliott"] },
		conjecture: { definition: "A tentative guess at what the client may be feeling at the edge of awareness, offered for the client to correct or take further.", references: ["elliott"] },
		interpretation: { definition: "An experience-near interpretation: an understanding that links what the client feels now with what they have lived, offered close to their own experience and in words they can recognize.", references: ["elliott"] },
		validation: { definition: "The therapist conveys that the client's experience makes sense and is understandable, given who they are and what they have lived.", references: ["elliott"] },
		nonverbal: { definition: "Empathy expressed without words: tone, pace, facial expression and posture that receive and match the client's experience.", references: ["elliott"] },
		procedure: { definition: "The responsive use of another therapeutic procedure (a chair task, a meditation, a thought record) chosen and paced in response to what the client is experiencing in the moment.", references: ["elliott"] },
	},
	process: {
		symbolizing: { definition: "Putting an emotional experience into words or images, so that it can be known and reflected on. Emotion-focused mindfulness therapy stays attuned to emotion, in meditation and in session, in order to symbolize it.", references: ["greenberg"] },
		deepening: { definition: "Staying with an emotion and helping it unfold more fully, toward the primary emotion and the need within it.", references: ["greenberg"] },
		accepting: { definition: "Allowing an emotion, especially a secondary one such as worry or rumination, to be present without struggling against it. Emphasized by mindfulness-based interventions such as MBCT.", references: ["segal"] },
		decentering: { definition: "Stepping back from thoughts and feelings so that they are seen as passing events in the mind rather than as facts or as the self. Emphasized by mindfulness-based interventions such as MBCT.", references: ["segal"] },
		"letting-go": { definition: "Releasing the hold of a secondary emotion or a thought, once noticed and accepted, rather than following it or pushing it away. Emphasized by mindfulness-based interventions such as MBCT.", references: ["segal"] },
		soothing: { definition: "Calming distress within a relationship that soothes (the co-regulation of affect), or through the client's own compassion for themselves. It underlies both emotion-focused and mindfulness-based work.", references: ["geller", "strauss"] },
		transforming: { definition: "Changing a primary maladaptive emotion by accessing an adaptive emotion alongside it, such as the sadness or anger of an unmet need: changing emotion with emotion.", references: ["greenberg"] },
		"carrying-forward": { definition: "Letting an adaptive emotion, and the need and action it points to, move the client on into new meaning and action in their life.", references: ["greenberg"] },
	},
});

/** One study note to create: its file name (without folder and `.md`) and its text. */
export interface StudyNote {
	name: string;
	text: string;
}

/** A value's label as a note title: the field's term, with a capital. */
function title(value: string): string {
	const l = labelFor(value);
	return l.charAt(0).toUpperCase() + l.slice(1);
}

function escapeRegex(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function studyNote(heading: string, kind: string, tagShown: string, query: string, concept: Concept | undefined): StudyNote {
	const definition = concept?.definition ?? "A word added to the vocabulary in Attune's settings. Write its definition here, in your own words and with its source.";
	const refs = concept ? concept.references.map((r) => `- ${STUDY_REFERENCES[r]}`) : ["- "];
	const lines = [
		"---",
		"note-type: study",
		`topic: ${yamlScalar(kind)}`,
		"---",
		`# ${heading}`,
		"",
		`${kind.charAt(0).toUpperCase()}${kind.slice(1)}, tagged \`${tagShown}\`.`,
		"",
		definition,
		"",
		"## Reference",
		...refs,
		"",
		"## Passages tagged with it",
		"```query",
		query,
		"```",
		"",
		"## My notes",
		"",
	];
	return { name: safeNamePart(heading), text: lines.join("\n") };
}

/**
 * The study notes for the vocabulary in force: one concept note per empathy
 * mode, emotion process, empathic response and emotion-process move, each
 * with its definition, its reference, and an embedded search listing the
 * passages tagged with it. Tags are shown in inline code, so the study notes
 * themselves never add to the counts.
 */
export function studyNotes(vocab: Vocabulary): StudyNote[] {
	const out: StudyNote[] = [];
	const fam = vocab.families;
	for (const w of vocab.words.empathy) {
		const tag = `#${fam.empathy}/${w}`;
		out.push(studyNote(title(w), "empathy mode", tag, `tag:${tag}`, CONCEPTS.empathy[w]));
	}
	for (const p of ["primary-adaptive", "primary-maladaptive", "secondary", "instrumental"]) {
		const shown = `#${fam.emotion}/<emotion>/${p}`;
		// No tag search matches a tag's last segment, so a regular expression finds the class under any emotion.
		// `<` and `>` are excluded so that the note's own "#emotion/<emotion>/..." is not listed.
		const query = `/#${escapeRegex(fam.emotion)}\\/[^\\s#\\/<>]+\\/${escapeRegex(p)}(?![\\w\\/-])/`;
		out.push(studyNote(`${title(p)} emotion`, "emotion process", shown, query, CONCEPTS.class[p]));
	}
	for (const w of vocab.words.response) {
		const tag = `#${fam.response}/${w}`;
		out.push(studyNote(title(w), "empathic response", tag, `tag:${tag}`, CONCEPTS.response[w]));
	}
	for (const w of vocab.words.process) {
		const tag = `#${fam.process}/${w}`;
		out.push(studyNote(title(w), "emotion-process move", tag, `tag:${tag}`, CONCEPTS.process[w]));
	}
	return out;
}

/** Reads a comma-separated list of vocabulary words, or says which word cannot be a tag and why. */
export function parseWordList(text: string): { words: string[] } | { error: string } {
	const words = text.split(",").map((w) => w.trim()).filter((w) => w !== "");
	for (const w of words) {
		const reason = invalidTagWordReason(w);
		if (reason !== null) return { error: `“${w}”: ${reason}` };
	}
	return { words: [...new Set(words)] };
}

/** Why a family word cannot be used (invalid as a tag, or taken by another family), or null. */
export function familyWordProblem(word: string, family: Family, families: Readonly<Record<Family, string>>): string | null {
	const reason = invalidTagWordReason(word);
	if (reason !== null) return reason;
	const w = word.trim().toLowerCase();
	for (const [f, other] of Object.entries(families) as [Family, string][]) {
		if (f !== family && other.trim().toLowerCase() === w) return `“${w}” is already the word for another family; each family needs its own.`;
	}
	return null;
}
