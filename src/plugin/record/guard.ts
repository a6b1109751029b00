/**
 * The one guard every Attune command that would change a note calls first:
 * a finalized note is changed only through addenda.
 */
import { Notice } from "obsidian";
import { FINALIZED_NOTICE, textIsFinalized } from "./commands";

/** True (after a notice pointing to "Add addendum") when the note's current text is finalized. */
export function refuseFinalized(text: string): boolean {
	if (!textIsFinalized(text)) return false;
	new Notice(FINALIZED_NOTICE);
	return true;
}
