/**
 * Notes for the core's tests: the default vocabulary, and note records built
 * the ways the shells build them.
 */
import { interpretNote, type NoteFacts } from "../../src/core/note/note";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { vocabularyFrom } from "../../src/core/vocabulary/vocabulary";

export const vocab = vocabularyFrom(DEFAULT_SETTINGS);

/** A note's record from its body tags (one a line, from line 5), properties and callouts. */
export function note(path: string, tags: string[], fm: Record<string, unknown> | null = null, callouts: NoteFacts["callouts"] = []) {
	return interpretNote({ path, frontmatter: fm, tags: tags.map((t, i) => ({ tag: t, line: i + 5, col: 0, offset: 0 })), headings: [], callouts }, vocab);
}
