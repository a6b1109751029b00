/**
 * The record of a note: finalize, co-sign, add addendum. Registration only.
 */
import type { Editor } from "obsidian";
import type { AttuneContext } from "../context";
import { activeNote } from "../authoring/supervision";
import { addAddendum, cosignNote, finalizeNote } from "./commands";
import { verifyCommand } from "./verify";
import { registerReadOnly } from "./read-only";

/** Registers the record commands. No default hotkeys. */
export function registerRecord(ctx: AttuneContext): void {
	const { plugin } = ctx;
	const onNote = (id: string, name: string, act: (f: NonNullable<ReturnType<typeof activeNote>>) => Promise<boolean>) => plugin.addCommand({
		id, name,
		checkCallback: (checking: boolean) => {
			const file = activeNote(ctx);
			if (!file) return false;
			if (!checking) void act(file);
			return true;
		},
	});
	onNote("finalize-note", "Finalize note", (f) => finalizeNote(ctx, f));
	onNote("cosign-note", "Co-sign note", (f) => cosignNote(ctx, f));
	plugin.addCommand({ id: "verify-finalized-notes", name: "Verify finalized notes", callback: () => void verifyCommand(ctx) });
	registerReadOnly(ctx);
	plugin.addCommand({ id: "add-addendum", name: "Add addendum", editorCallback: (editor: Editor, view) => void addAddendum(ctx, editor, view.file?.basename) });
}
