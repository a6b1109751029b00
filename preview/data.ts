/**
 * The preview's data: the records the command line's reader made of a vault,
 * in a form that survives JSON, and the notes' text for passages.
 */
import { NoteIndex } from "../src/core/index/index";
import type { NoteRecord } from "../src/core/note/note";

/** A record as JSON holds it: its occurrences as an array, its counts as entries. */
export type SerializedRecord = Omit<NoteRecord, "counts"> & { counts: [string, number][] };

/** Everything the preview page is given. */
export interface PreviewData {
	records: SerializedRecord[];
	/** Note text by vault path, read only when a passage is shown. */
	texts: Record<string, string>;
	/** The note open when the page loads. */
	activePath: string;
	/** The pinned "now", ISO. */
	now: string;
}

/** Records to JSON-safe data. */
export function serializeRecords(records: Iterable<NoteRecord>): SerializedRecord[] {
	// A record's occurrences are read back from their packed form by a getter, which spreading does not copy: named here.
	return [...records].map((r) => ({ ...r, occurrences: [...r.occurrences], counts: [...r.counts] }));
}

/** Rebuilds an index from serialized records. */
export function indexFrom(records: SerializedRecord[]): NoteIndex {
	const index = new NoteIndex();
	for (const r of records) index.set({ ...r, counts: new Map(r.counts) });
	return index;
}
