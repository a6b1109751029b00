/**
 * Coded passages out: one row per counted Attune tag occurrence, with the
 * note it is in, where it is, and the passage that carries it, for
 * qualitative-analysis tools and spreadsheets. `attune segments` prints
 * them (FORMAT.md section 6); the plugin's "Export coded passages" writes
 * the same rows. Pure: the shells pass in each note's record and text.
 */
import { csvText } from "../csv";
import { passageAt } from "../markdown/passages";
import type { NoteRecord } from "../note/note";
import { readUnits, type Unit } from "../training/units";
import type { Vocabulary } from "../vocabulary/vocabulary";

/** One coded passage: a tag occurrence and the passage it codes. */
export interface SegmentRow {
	/** Vault-relative path. */
	path: string;
	client: string | null;
	/** `YYYY-MM-DD`, as the note is dated (property or file name). */
	date: string | null;
	session: number | null;
	/** The family's key (`emotion`, `resonance`, ...), stable when a vault renames the tag word. */
	family: string;
	/** The value, lowercase. */
	value: string;
	/** For client emotions: the class (`unclassified` without one). */
	class: string | null;
	/** For compassion: the direction (`self`, `other`, `unspecified`). */
	direction: string | null;
	/** The tag as written, without `#`. */
	tag: string;
	/** 1-based line; for a tag in the `tags` property, the property's line. */
	line: number;
	/** True for a tag in the `tags` property: it codes the note as a whole, and has no passage. */
	inProperties: boolean;
	/** The headings above the tag, outermost first. */
	headings: string[];
	/**
	 * The passage, as written (tags included): the paragraph, list item (without
	 * its marker), heading line or table row that carries the tag; "" for a property tag.
	 */
	text: string;
}

/** The units of a note by the 0-based lines of the tags they carry. */
function unitsByTagLine(text: string, vocab: Vocabulary): Map<number, Unit> {
	const out = new Map<number, Unit>();
	for (const u of readUnits(text, vocab).units) for (const c of u.codes) if (!out.has(c.line)) out.set(c.line, u);
	return out;
}

/**
 * A list item's text without its marker (`- `, `1. `): the marker is layout,
 * not the passage, and a leading `-` would read as a formula in a spreadsheet.
 */
function withoutListMarker(text: string): string {
	return text.replace(/^([-*+]|\d{1,9}[.)])[ \t]+/, "");
}

/**
 * The coded passages of one note, in its reading order (property tags
 * first). A passage is the coding unit of `attune agree` that carries the
 * tag, so that a tag on a line of its own codes the passage it follows.
 */
export function segmentRows(rec: NoteRecord, text: string, vocab: Vocabulary): SegmentRow[] {
	if (rec.unreadable || rec.occurrences.length === 0) return [];
	const units = unitsByTagLine(text, vocab);
	return rec.occurrences.map((o) => ({
		path: rec.path,
		client: rec.props.client ?? null,
		date: rec.props.date ?? null,
		session: rec.props.session ?? null,
		family: o.family,
		value: o.value,
		class: o.process ?? null,
		direction: o.direction ?? null,
		tag: o.tag,
		line: o.line + 1,
		inProperties: o.inProperties,
		headings: [...o.headings],
		text: o.inProperties ? "" : withoutListMarker(units.get(o.line)?.text ?? passageAt(text, o.line).text),
	}));
}

/** The CSV columns, in order. */
export const SEGMENT_COLUMNS = ["path", "client", "date", "session", "family", "value", "class", "direction", "tag", "line", "headings", "text"] as const;

/** Headings joined for one cell, outermost first. */
const HEADING_SEPARATOR = " > ";

/** The rows as CSV: a header, then one line per row (RFC 4180 quoting; the passage may hold commas, quotes and line breaks). */
export function segmentsCsv(rows: readonly SegmentRow[]): string {
	const cell = (r: SegmentRow, k: (typeof SEGMENT_COLUMNS)[number]): string => {
		if (k === "headings") return r.headings.join(HEADING_SEPARATOR);
		const v = r[k];
		return v === null ? "" : String(v);
	};
	return csvText([[...SEGMENT_COLUMNS], ...rows.map((r) => SEGMENT_COLUMNS.map((k) => cell(r, k)))]);
}

/** The JSON document of `attune segments` (FORMAT.md section 6), keys in the documented order; `scope` repeats the filters given. */
export function segmentsJson(rows: readonly SegmentRow[], about: { scope: Record<string, string>; codingCopies: number; warnings: string[] }): unknown {
	return {
		format: 1,
		scope: about.scope,
		segments: rows.map((r) => ({
			path: r.path, client: r.client, date: r.date, session: r.session,
			family: r.family, value: r.value, class: r.class, direction: r.direction, tag: r.tag,
			line: r.line, inProperties: r.inProperties, headings: r.headings, text: r.text,
		})),
		codingCopies: about.codingCopies,
		warnings: about.warnings,
	};
}
