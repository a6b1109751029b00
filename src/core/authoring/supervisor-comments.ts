/**
 * Supervisor comment callouts: where a new one goes, and how one is resolved.
 */
import { eolOf, splitLines } from "../markdown/lines";
import type { TextPosition } from "./tag-insertion";

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
	const inQuote = /^\s{0,3}>/.test(lines[end]!);
	const isRow = (l: string | undefined) => l !== undefined && /^\s{0,3}\|/.test(l);
	if (isRow(lines[end])) {
		// A table row: the comment goes after the whole table, never between its rows.
		while (end + 1 < lines.length && !isBlank(lines[end + 1]) && (isRow(lines[end + 1]) || /^\s{0,3}[-:| ]+$/.test(lines[end + 1]!))) end++;
	} else if (!isBlank(lines[end])) {
		while (end + 1 < lines.length && !isBlank(lines[end + 1])) {
			const next = lines[end + 1]!;
			if (inQuote ? !/^\s{0,3}>/.test(next) : startsBlock(next)) break;
			end++;
		}
	}
	const current = lines[end]!;
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
		const m = CALLOUT_MARKER.exec(lines[i]!);
		if (!m) continue;
		const type = m[2]!.toLowerCase();
		if (type === "supervisor") return { kind: "resolve", at: { line: i, ch: m[1]!.length + 2 + m[2]!.length }, insert: "-resolved" };
		if (type === "supervisor-resolved") return { kind: "already-resolved", line: i };
		return { kind: "none" };
	}
	return { kind: "none" };
}
