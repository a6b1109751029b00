/**
 * Coding units: the blocks of a note's body that two coders' codes are
 * compared on, and the passages that exports cut out. A unit is a paragraph
 * (lines up to a blank line), each list item, each heading line and each
 * table row. The properties are no unit; supervisor callouts are marked, so
 * that agreement leaves them out. Pure: no Obsidian, no Node.
 */
import { blockKey, codingBlocks, stripLine } from "../markdown/passages";
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

/** Removes the given tags from one line (the blind copy's rule); kept here for its readers. */
export { stripLine };

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

	const blocks = codingBlocks(lines, bodyStart, attuneTags);
	const units: Unit[] = [];
	const unitOf = new Map<number, Unit>();
	blocks.forEach((b, k) => {
		if (b.owner !== k) return;
		const unit: Unit = { start: b.start, end: b.end, text: lines.slice(b.start, b.end + 1).join("\n").trim(), key: blockKey(lines, b, attuneTags), codes: [], supervisor: b.supervisor };
		unitOf.set(k, unit);
		units.push(unit);
	});
	// Codes in reading order within each unit: a unit's orphans from the top of the body come first.
	for (const b of blocks) {
		const unit = unitOf.get(b.owner);
		if (!unit) continue;
		for (let k = b.start; k <= b.end; k++) unit.codes.push(...(codesByLine.get(k) ?? []));
	}
	return { lines, bodyStart, units, attuneTags };
}
