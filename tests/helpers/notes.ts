/**
 * Notes for the core's tests: the default vocabulary, and note records built
 * the ways the shells build them.
 */
import { parse } from "yaml";
import { NoteIndex } from "../../src/core/index/index";
import { interpretNote, type NoteFacts } from "../../src/core/note/note";
import { readNote } from "../../src/core/note/reader";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { vocabularyFrom } from "../../src/core/vocabulary/vocabulary";

export const vocab = vocabularyFrom(DEFAULT_SETTINGS);

/** A note's record from its body tags (one a line, from line 5), properties and callouts. */
export function note(path: string, tags: string[], fm: Record<string, unknown> | null = null, callouts: NoteFacts["callouts"] = []) {
	return interpretNote({ path, frontmatter: fm, tags: tags.map((t, i) => ({ tag: t, line: i + 5, col: 0, offset: 0 })), headings: [], callouts }, vocab);
}

/** A note's record from its Markdown text, read as the command line reads it. */
export const read = (path: string, text: string) => readNote(path, text, vocab, (y) => parse(y) as unknown);

/** An index of notes, each read from its text. */
export function indexOf(files: Record<string, string>): NoteIndex {
	const index = new NoteIndex();
	for (const [p, t] of Object.entries(files)) index.set(read(p, t));
	return index;
}

/** An index of records already built. */
export function indexWith(...recs: ReturnType<typeof note>[]): NoteIndex {
	const index = new NoteIndex();
	for (const r of recs) index.set(r);
	return index;
}
