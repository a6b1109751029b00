/**
 * What an editor may still change in a finalized note, and what it says
 * about it: the pure rules behind the read-only editor (FORMAT.md section 7).
 * The record is the properties block and the body up to `## Addenda`; the
 * addenda stay open, since corrections go there.
 */
import { scanMarkdown } from "../markdown/scan";
import { addendaLine, hashedBody } from "./content-hash";
import { type NoteRecordFields, isFinalized } from "./verify";

/** A date and time as the record fields hold it (`2026-03-16T09:30`), for reading: `2026-03-16 at 09:30`. */
export function readableDateTime(value: string): string {
	return value.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, (_m, d: string, t: string, z?: string) => `${d} at ${t}${z ? ` ${z}` : ""}`);
}

/**
 * The banner a finalized note shows in the editor: who finalized it and when,
 * who co-signed it, and where a correction goes. Empty for a note that is not finalized.
 */
export function finalizedBanner(fields: NoteRecordFields): string {
	if (!isFinalized(fields)) return "";
	const who = (on: string | undefined, by: string | undefined) => `${on ? ` on ${readableDateTime(on)}` : ""}${by ? ` by ${by}` : ""}`;
	const parts = [`Finalized${who(fields.finalizedOn, fields.finalizedBy)}.`];
	if (fields.cosignedBy !== undefined || fields.cosignedOn !== undefined) parts.push(`Co-signed${who(fields.cosignedOn, fields.cosignedBy)}.`);
	parts.push("Corrections go in an addendum: run “Add addendum”.");
	return parts.join(" ");
}

/**
 * Where the addenda begin: the offset of the line after the `## Addenda`
 * heading, or -1 when the note has none (or the heading is its last line, so
 * that nothing typed can join the heading itself). Text from there on is
 * outside the record.
 */
export function addendaStart(text: string): number {
	const line = addendaLine(text);
	if (line < 0) return -1;
	const breaks = /\r\n|\r|\n/g;
	for (let n = 0; n <= line; n++) if (!breaks.exec(text)) return -1;
	return breaks.lastIndex;
}

/** The part of a note that finalizing recorded: the properties block as written, and the hashed body. */
function recordedPart(text: string): string {
	const scan = scanMarkdown(text);
	const block = scan.frontmatter ? text.split(/\r\n|\r|\n/, scan.frontmatter.endLine + 1).join("\n") : "";
	return `${block}\u0000${hashedBody(text)}`;
}

/**
 * Whether an edit from `before` to `after` leaves the record as it was: the
 * properties block unchanged, character for character, and the body up to
 * the addenda unchanged as the hash reads it. Adding or editing an addendum
 * keeps it; anything else does not.
 */
export function keepsRecord(before: string, after: string): boolean {
	return recordedPart(before) === recordedPart(after);
}

/**
 * Whether the first part of a text could name a finalized note at all: a
 * cheap test, so that an editor parses properties only for notes that may be
 * finalized, not on every key press in every note.
 */
export function mayBeFinalized(head: string): boolean {
	return /(?:^|\n)\s*(?:finalized-on|content-sha256)\s*:/i.test(head);
}
