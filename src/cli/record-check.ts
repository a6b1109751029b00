/**
 * A finalized note's status as the command line computes it (FORMAT.md
 * section 7), from the facts already read for its record: the same rule as
 * the plugin's `verifyText`, hashed with Node's crypto. Used by `attune
 * verify` and, through the note reader, by every summary's diagnostics.
 */
import { createHash } from "node:crypto";
import type { MarkdownScan } from "../core/markdown/types";
import type { NoteFacts } from "../core/note/note";
import { contentHashBytes } from "../core/record/content-hash";
import { type VerifyRow, NAMES_FINALIZED, isFinalized, recordFields, recordLine, verifyStatus } from "../core/record/verify";

/**
 * The row of a finalized note (or of one whose properties no longer parse but
 * name it finalized), else null. `scan` is the one the facts were made from:
 * the note is scanned once, whether it is hashed or not.
 */
export function verifyFacts(text: string, facts: NoteFacts, scan: MarkdownScan): VerifyRow | null {
	const addenda = facts.callouts.filter((c) => c.type === "addendum").length;
	// Properties that no longer parse cannot be verified: that is a change, never silence.
	const yaml = facts.frontmatterYaml;
	if (facts.frontmatterError !== undefined) return NAMES_FINALIZED.test(yaml ?? "") ? { path: facts.path, status: "no-hash", addenda, line: recordLine(yaml, "no-hash") } : null;
	const fields = recordFields(facts.frontmatter);
	if (!isFinalized(fields)) return null;
	const current = createHash("sha256").update(contentHashBytes(text, facts.frontmatter, scan)).digest("hex");
	const status = verifyStatus(fields, current);
	return {
		path: facts.path,
		status,
		line: recordLine(yaml, status),
		finalizedOn: fields.finalizedOn,
		finalizedBy: fields.finalizedBy,
		cosignedBy: fields.cosignedBy,
		cosignedOn: fields.cosignedOn,
		addenda,
	};
}
