/**
 * The command line's view of a note, for the plugin's record tests: its
 * status as `attune verify` computes it (the `yaml` library, the pure
 * digest), and a draft finalized the way the format says.
 */
import { contentSha256 } from "../../../src/core/record/content-hash";
import { recordFields, verifyStatus } from "../../../src/core/record/verify";
import { factsFromText } from "../../../src/core/note/reader";
import { parseProperties } from "../../../src/cli/vault";

/** The note path these helpers read under; the path plays no part in the hash. */
const PATH = "note.md";

/** A note's status as the command line computes it. */
export function cliStatus(text: string): string {
	const fm = factsFromText(PATH, text, parseProperties).frontmatter;
	return verifyStatus(recordFields(fm), contentSha256(text, fm));
}

/** A draft (with a properties block) finalized by Dana Reyes on 2026-03-16 at 09:30, its hash as the format defines it. */
export function finalizedText(draft: string): string {
	const fm = factsFromText(PATH, draft, parseProperties).frontmatter;
	const hash = contentSha256(draft, fm);
	const end = draft.indexOf("\n---", 3);
	return `${draft.slice(0, end)}\nfinalized-on: 2026-03-16T09:30\nfinalized-by: Dana Reyes\ncontent-sha256: ${hash}${draft.slice(end)}`;
}
