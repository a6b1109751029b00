/**
 * The diagnostic report a user pastes into a problem report: versions,
 * platform, counts of notes and tags, and diagnostic codes with their counts.
 * Only numbers and fixed words: never a path, a note or client name, a client
 * code, a tag's value or any note text, so it can be shared without sharing
 * client data. The plugin's "Copy diagnostic report" command puts it on the clipboard.
 */
import { type NoteRecord, isSessionNote } from "../note/note";
import { FAMILIES, type Family } from "../vocabulary/families";
import type { DiagnosticCode } from "../vocabulary/tags";

/** Where the report comes from; every field is a version or a fixed word. */
export interface ReportEnvironment {
	attuneVersion: string;
	/** Obsidian's API version (`apiVersion`). */
	obsidianVersion: string;
	/** `macOS`, `Windows`, `Linux`, `iOS`, `Android` or `unknown`, with `desktop` or `mobile`. */
	platform: string;
}

/** Every diagnostic code, so that a zero is shown as zero. */
export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = Object.freeze([
	"missing-value",
	"unknown-value",
	"unknown-process",
	"extra-segments",
	"bad-property",
	"invalid-frontmatter",
	"unreadable-file",
	"record-changed",
]);

/** The counts the report holds. */
export interface ReportCounts {
	notes: number;
	sessionNotes: number;
	notesWithTags: number;
	unreadable: number;
	supervisorComments: number;
	tags: Record<Family, number>;
	diagnostics: Record<DiagnosticCode, number>;
}

/**
 * The counts of the records. `extra` are diagnostics a shell finds apart from
 * the records: the plugin verifies finalized notes in its record watch, so
 * its `record-changed` come here (the command line's are in the records).
 */
export function reportCounts(records: Iterable<NoteRecord>, extra: Iterable<{ code: DiagnosticCode }> = []): ReportCounts {
	const tags = Object.fromEntries(FAMILIES.map((f) => [f, 0])) as Record<Family, number>;
	const diagnostics = Object.fromEntries(DIAGNOSTIC_CODES.map((c) => [c, 0])) as Record<DiagnosticCode, number>;
	const out: ReportCounts = { notes: 0, sessionNotes: 0, notesWithTags: 0, unreadable: 0, supervisorComments: 0, tags, diagnostics };
	for (const rec of records) {
		out.notes++;
		if (rec.unreadable) out.unreadable++;
		if (isSessionNote(rec)) out.sessionNotes++;
		if (rec.occurrences.length > 0) out.notesWithTags++;
		out.supervisorComments += rec.comments.length;
		for (const o of rec.occurrences) tags[o.family] = (tags[o.family] ?? 0) + 1;
		// A code this version does not know yet is still counted, under its own (fixed) name.
		for (const d of rec.diagnostics) diagnostics[d.code] = (diagnostics[d.code] ?? 0) + 1;
	}
	for (const d of extra) diagnostics[d.code] = (diagnostics[d.code] ?? 0) + 1;
	return out;
}

/** The report as text: plain lines, readable in an issue or an email. */
export function diagnosticReport(env: ReportEnvironment, records: Iterable<NoteRecord>, extra: Iterable<{ code: DiagnosticCode }> = []): string {
	const c = reportCounts(records, extra);
	const lines = [
		"Attune diagnostic report",
		"(counts only: no note text, names, paths or client codes)",
		"",
		`Attune: ${env.attuneVersion}`,
		`Obsidian: ${env.obsidianVersion}`,
		`Platform: ${env.platform}`,
		"",
		`Notes: ${c.notes}`,
		`Session notes: ${c.sessionNotes}`,
		`Notes with Attune tags: ${c.notesWithTags}`,
		`Unreadable files: ${c.unreadable}`,
		`Supervisor comments: ${c.supervisorComments}`,
		"",
		"Tags by family:",
		...Object.entries(c.tags).map(([f, n]) => `  ${f}: ${n}`),
		"",
		"Diagnostics by code:",
		...Object.entries(c.diagnostics).map(([code, n]) => `  ${code}: ${n}`),
	];
	return lines.join("\n") + "\n";
}
