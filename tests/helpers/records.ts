/**
 * A record as plain data, to compare two readings of a note: records keep
 * their occurrences packed and their counts as a packed map (see
 * src/core/note/packed.ts), so they are compared by what they say.
 */
import type { NoteRecord } from "../../src/core/note/note";

export function recordFields(rec: NoteRecord): Record<string, unknown> {
	const { path, name, folder, props, comments, diagnostics, unreadable, propertiesError } = rec;
	return { path, name, folder, props, comments, diagnostics, unreadable, propertiesError, occurrences: [...rec.occurrences], counts: new Map(rec.counts) };
}
