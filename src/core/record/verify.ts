/**
 * Verifying finalized notes (FORMAT.md section 7): a note's record fields,
 * and whether its content still has the hash they hold.
 */
import { scanMarkdown } from "../markdown/scan";
import { type Diagnostic, propertyLine } from "../note/note";

/** What the record fields of a note say. */
export interface NoteRecordFields {
	finalizedOn?: string;
	finalizedBy?: string;
	contentSha256?: string;
	cosignedBy?: string;
	cosignedOn?: string;
	cosignedSha256?: string;
}

/** One verified note's status. */
export type VerifyStatus = "intact" | "changed" | "changed-after-cosigning" | "no-hash";

/** A finalized note as verify lists it. */
export interface VerifyRow {
	path: string;
	status: VerifyStatus;
	finalizedOn?: string;
	finalizedBy?: string;
	cosignedBy?: string;
	cosignedOn?: string;
	/** Callouts of type `addendum`. */
	addenda: number;
	/** The 1-based line of the hash property concerned (`recordLine`), where the `record-changed` diagnostic points. */
	line?: number;
}

const HEX64 = /^[0-9a-f]{64}$/;

function text(v: unknown): string | undefined {
	if (typeof v === "string") return v.trim() === "" ? undefined : v.trim();
	if (typeof v === "number") return String(v);
	if (v instanceof Date && !isNaN(v.getTime())) return v.toISOString();
	return undefined;
}

/** Reads the record fields (keys in any case) from parsed properties. */
export function recordFields(fm: Record<string, unknown> | null): NoteRecordFields {
	const out: NoteRecordFields = {};
	if (!fm) return out;
	const keys: Record<string, keyof NoteRecordFields> = {
		"finalized-on": "finalizedOn", "finalized-by": "finalizedBy", "content-sha256": "contentSha256",
		"cosigned-by": "cosignedBy", "cosigned-on": "cosignedOn", "cosigned-sha256": "cosignedSha256",
	};
	for (const [k, v] of Object.entries(fm)) {
		const field = keys[k.toLowerCase()];
		const t = text(v);
		if (field && t !== undefined && out[field] === undefined) out[field] = t;
	}
	return out;
}

/** Whether properties mark a note as finalized: a `finalized-on` or a `content-sha256`. */
export function isFinalized(fields: NoteRecordFields): boolean {
	return fields.finalizedOn !== undefined || fields.contentSha256 !== undefined;
}

/** The status of a finalized note whose content now hashes to `current`. */
export function verifyStatus(fields: NoteRecordFields, current: string): VerifyStatus {
	const content = fields.contentSha256?.toLowerCase();
	if (content === undefined || !HEX64.test(content)) return "no-hash";
	const cosigned = fields.cosignedSha256?.toLowerCase();
	if (cosigned !== undefined && cosigned !== current) return "changed-after-cosigning";
	return content === current ? "intact" : "changed";
}

/**
 * Properties text that names a note finalized. A note whose properties no
 * longer parse but match this cannot be verified: it is listed as `no-hash`,
 * never left out.
 */
export const NAMES_FINALIZED = /^\s*(?:finalized-on|content-sha256)\s*:/im;

/** How many addenda a note holds. */
export function addendaCount(text: string): number {
	return scanMarkdown(text).callouts.filter((c) => c.type === "addendum").length;
}

/** Words for a status, for people. */
export const STATUS_WORDS: Readonly<Record<VerifyStatus, string>> = Object.freeze({
	intact: "Intact",
	changed: "Changed after finalizing",
	"changed-after-cosigning": "Changed after co-signing",
	"no-hash": "No content hash",
});

/** Whether a status means the note is not as it was finalized. */
export const isChanged = (s: VerifyStatus) => s !== "intact";

/**
 * The `record-changed` diagnostic of a finalized note that is not intact
 * (FORMAT.md section 5), or null when it is: what `attune summarize` lists
 * under the same rule as the sidebar's "Needs attention", at the row's `line`.
 */
export function recordDiagnostic(row: VerifyRow): Diagnostic | null {
	if (!isChanged(row.status)) return null;
	const tag = recordTag(row.status);
	const fix = "Add any correction as an addendum (“Add addendum”); if the change is meant to stand, remove the note's record fields and finalize it again.";
	const when = (on: string | undefined, by: string | undefined) => [on ? ` on ${on.replace("T", " at ")}` : "", by ? ` by ${by}` : ""].join("");
	const what = row.status === "changed"
		? `This note changed after it was finalized${when(row.finalizedOn, row.finalizedBy)}: its content no longer matches its content-sha256.`
		: row.status === "changed-after-cosigning"
			? `This note changed after it was co-signed${when(row.cosignedOn, row.cosignedBy)}: its content no longer matches its cosigned-sha256.`
			: "This note is marked finalized, but its content-sha256 is missing or not readable (or its properties no longer parse), so whether it changed after finalizing cannot be checked.";
	return { path: row.path, line: row.line ?? 1, tag, code: "record-changed", message: `${what} ${fix}` };
}

/** The property whose hash a status says no longer matches. */
const recordTag = (s: VerifyStatus) => (s === "changed-after-cosigning" ? "cosigned-sha256" : "content-sha256");

/**
 * The 1-based line, in a note whose properties text is `yaml`, of the hash
 * property a status concerns; the opening `---` (1) when it is missing.
 */
export function recordLine(yaml: string | undefined, status: VerifyStatus): number {
	return propertyLine(yaml, recordTag(status)) + 1;
}

/** A local date and time `YYYY-MM-DDTHH:mm`, as Obsidian's date-and-time properties hold it. */
export function localDateTime(d: Date): string {
	const p = (n: number) => String(n).padStart(2, "0");
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * A new addendum at the end of a note: the `## Addenda` heading on first use,
 * then `> [!addendum] <name>, <date and time>` and an empty line of the
 * callout for the cursor. Keeps the note's line endings.
 */
export function addendumInsertion(text: string, hasAddenda: boolean, name: string, when: string): { text: string; cursorOffset: number } {
	const eol = text.includes("\r\n") ? "\r\n" : "\n";
	const head = hasAddenda ? "" : `## Addenda${eol}${eol}`;
	const sep = text === "" ? "" : text.endsWith(eol + eol) ? "" : text.endsWith(eol) ? eol : eol + eol;
	const callout = `> [!addendum] ${name}, ${when}${eol}> `;
	const added = `${sep}${head}${callout}`;
	return { text: added, cursorOffset: text.length + added.length };
}
