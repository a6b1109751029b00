/**
 * Coding units: the blocks of a note's body that two coders' codes are
 * compared on, and the passages that exports cut out. A unit is a paragraph
 * (lines up to a blank line), each list item, each heading line and each
 * table row. The properties are no unit; supervisor callouts are marked, so
 * that agreement leaves them out. Pure: no Obsidian, no Node.
 */
import { scanMarkdown } from "../markdown/scan";
import type { RawTag } from "../markdown/types";
import type { Family, ProcessOrUnclassified } from "../vocabulary/families";
import { parseTag } from "../vocabulary/tags";
import type { Vocabulary } from "../vocabulary/vocabulary";

/** One counted Attune tag inside a unit. */
export interface UnitCode {
	family: Family;
	value: string;
	/** For families whose values carry a class (client emotions). */
	process?: ProcessOrUnclassified;
	/** For compassion: the direction (`self`, `other`, `unspecified`). */
	direction?: string;
	/** 0-based line of the tag. */
	line: number;
	/** The tag as written, without `#`. */
	tag: string;
}

/** One block of the body. */
export interface Unit {
	/** 0-based first and last line (inclusive). */
	start: number;
	end: number;
	/** The block as written, lines joined with `\n`, trimmed. */
	text: string;
	/** What units are matched by: the text with every Attune tag removed and white space collapsed. */
	key: string;
	/** The counted Attune tags in the block, in reading order. */
	codes: UnitCode[];
	/** A supervisor callout (`[!supervisor]`, `[!supervisor-resolved]`): no coding unit. */
	supervisor: boolean;
}

/** A note read into units, with what exports need to place them. */
export interface UnitReading {
	/** The note's lines (BOM removed; any line ending). */
	lines: string[];
	/** 0-based line where the body starts (after the properties block). */
	bodyStart: number;
	units: Unit[];
	/** Every Attune tag of the body, counted or not, by line, for removing them. */
	attuneTags: Map<number, RawTag[]>;
}

const BLANK = /^\s*(>\s*)*$/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^\s*(>\s*)*([-*+]|\d{1,9}[.)])(\s|$)/;
const TABLE_ROW = /^\s*(>\s*)*\|/;
const TABLE_DELIMITER = /^\s*(>\s*)*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const SUPERVISOR = /^\s*>\s*\[!supervisor(-resolved)?\]/i;
const QUOTED = /^\s*>/;

/** Removes the given tags from one line, with the white space before each, as the blind copy does. */
export function stripLine(line: string, tags: readonly RawTag[]): string {
	let out = line;
	// From the right, so that earlier columns stay valid.
	for (const t of [...tags].sort((a, b) => b.col - a.col)) {
		let from = t.col;
		const to = t.col + 1 + t.tag.length;
		while (from > 0 && (out[from - 1] === " " || out[from - 1] === "\t") && /\S/.test(out.slice(0, from - 1))) from--;
		out = out.slice(0, from) + out.slice(to);
	}
	return out;
}

/** A unit's matching key: its lines without Attune tags, white space collapsed. */
function keyOf(lines: readonly string[], start: number, end: number, tags: Map<number, RawTag[]>): string {
	const parts: string[] = [];
	for (let i = start; i <= end; i++) parts.push(stripLine(lines[i]!, tags.get(i) ?? []));
	return parts.join(" ").replace(/\s+/g, " ").trim();
}

/**
 * Reads a note's body into units. A block holding nothing but tags (its
 * key is empty) is no unit of its own: its codes join the unit before it,
 * or the one after it at the top of the body, so that a coder who puts tags
 * on a line of their own is read as coding the passage they follow.
 */
export function readUnits(text: string, vocab: Vocabulary): UnitReading {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const scan = scanMarkdown(body);
	const lines = body.split(/\r\n|\r|\n/);
	const bodyStart = scan.frontmatter ? scan.frontmatter.endLine + 1 : 0;
	const attuneTags = new Map<number, RawTag[]>();
	const codesByLine = new Map<number, UnitCode[]>();
	for (const t of scan.tags) {
		const parsed = parseTag(t.tag, vocab);
		if (!parsed) continue;
		const onLine = attuneTags.get(t.line) ?? [];
		onLine.push(t);
		attuneTags.set(t.line, onLine);
		if (!parsed.counted) continue;
		const codes = codesByLine.get(t.line) ?? [];
		codes.push({ family: parsed.family, value: parsed.value, ...(parsed.process ? { process: parsed.process } : {}), ...(parsed.direction ? { direction: parsed.direction } : {}), line: t.line, tag: t.tag });
		codesByLine.set(t.line, codes);
	}

	const blocks: { start: number; end: number; supervisor: boolean }[] = [];
	let i = bodyStart;
	while (i < lines.length) {
		const l = lines[i]!;
		if (BLANK.test(l) || RULE.test(l) || (TABLE_DELIMITER.test(l) && i > bodyStart && TABLE_ROW.test(lines[i - 1]!))) {
			i++;
			continue;
		}
		const fence = FENCE.exec(l);
		if (fence) {
			// A fenced block is one unit, blank lines and all, up to its closing fence.
			const marker = fence[1]!;
			const close = new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`);
			let j = i + 1;
			while (j < lines.length && !close.test(lines[j]!)) j++;
			blocks.push({ start: i, end: Math.min(j, lines.length - 1), supervisor: false });
			i = j + 1;
			continue;
		}
		if (SUPERVISOR.test(l)) {
			let j = i;
			while (j + 1 < lines.length && QUOTED.test(lines[j + 1]!)) j++;
			blocks.push({ start: i, end: j, supervisor: true });
			i = j + 1;
			continue;
		}
		if (HEADING.test(l) || TABLE_ROW.test(l)) {
			blocks.push({ start: i, end: i, supervisor: false });
			i++;
			continue;
		}
		// A paragraph or a list item: up to a blank line or the start of anything else.
		let j = i;
		while (j + 1 < lines.length) {
			const n = lines[j + 1]!;
			if (BLANK.test(n) || HEADING.test(n) || FENCE.test(n) || TABLE_ROW.test(n) || LIST_ITEM.test(n) || SUPERVISOR.test(n) || RULE.test(n)) break;
			j++;
		}
		blocks.push({ start: i, end: j, supervisor: false });
		i = j + 1;
	}

	const units: Unit[] = [];
	let orphans: UnitCode[] = [];
	for (const b of blocks) {
		const codes: UnitCode[] = [];
		for (let k = b.start; k <= b.end; k++) codes.push(...(codesByLine.get(k) ?? []));
		const key = keyOf(lines, b.start, b.end, attuneTags);
		if (key === "" && !b.supervisor) {
			const prev = [...units].reverse().find((u) => !u.supervisor);
			if (prev) prev.codes.push(...codes);
			else orphans.push(...codes);
			continue;
		}
		const unit: Unit = { start: b.start, end: b.end, text: lines.slice(b.start, b.end + 1).join("\n").trim(), key, codes, supervisor: b.supervisor };
		if (!b.supervisor && orphans.length > 0) {
			unit.codes.unshift(...orphans);
			orphans = [];
		}
		units.push(unit);
	}
	return { lines, bodyStart, units, attuneTags };
}
