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

/** A session note's draft for a client, dated 2026-03-0n. */
export const sessionDraft = (client: string, n: number, body: string) => `---\nnote-type: session\nclient: ${client}\ndate: 2026-03-0${n}\nsession: ${n}\n---\n${body}\n`;

/**
 * Three finalized notes of a client, sessions 1 to 3: one intact, one edited
 * outside Attune after finalizing, one co-signed by Sam Lee and then edited.
 */
export function finalizedTrio(client: string): { intact: string; changed: string; cosigned: string } {
	const signed = finalizedText(sessionDraft(client, 3, "Calm. #emotion/calm/primary-adaptive"));
	const hash = /content-sha256: (\w+)/.exec(signed)![1]!;
	return {
		intact: finalizedText(sessionDraft(client, 1, "She felt ashamed. #emotion/shame/primary-maladaptive")),
		changed: finalizedText(sessionDraft(client, 2, "Sad. #emotion/sadness/primary-adaptive")).replace("Sad.", "Very sad."),
		cosigned: signed.replace("\n---\nCalm.", `\ncosigned-by: Sam Lee\ncosigned-on: 2026-03-18T14:05\ncosigned-sha256: ${hash}\n---\nCalm, then angry.`),
	};
}
