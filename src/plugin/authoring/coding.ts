/**
 * The coding commands, one per family and "Code passage…" for all of them:
 * pick a tag value (and, for client emotions, the emotion process; for
 * compassion, its direction), then insert the tag at the cursor or at the end of the
 * selected passage, spaced so that Obsidian reads it as a tag.
 */
import { type Editor, Notice } from "obsidian";
import { blockedMessage, insertedTagIsRead, selectionTagPosition, tagInsertion } from "../../core/authoring/tag-insertion";
import { blockedContextAt } from "../../core/markdown/context";
import { splitLines } from "../../core/markdown/lines";
import { passageChoices, wordChoices } from "../../core/authoring/word-choices";
import { type Summary, summarize } from "../../core/index/summary";
import { formatTag } from "../../core/vocabulary/tags";
import { FAMILIES, FAMILY_TABLE, type Family, familyDef } from "../../core/vocabulary/families";
import type { AttuneContext } from "../context";
import { PassagePicker, ProcessPicker, ValuePicker } from "./pickers";
import { refuseFinalized } from "../record/guard";

/** The coding commands, one per family, as the families table names them. Ids are public: users bind hotkeys to them. */
export const CODING_COMMANDS: readonly { id: string; name: string; family: Family }[] = Object.freeze(FAMILY_TABLE.map((f) => ({ ...f.command, family: f.key })));

/** The last summary the pickers used, kept until the index changes (suggestions ask on every key press). */
let cached: { index: AttuneContext["index"]; revision: number; summary: Summary } | null = null;

/** How often the vault uses each value of a family, from the index's running totals. */
export function usedValues(ctx: AttuneContext, family: Family): { value: string; count: number }[] {
	if (!cached || cached.index !== ctx.index || cached.revision !== ctx.index.revision) {
		cached = { index: ctx.index, revision: ctx.index.revision, summary: summarize(ctx.index) };
	}
	return cached.summary.rows[family].map((r) => ({ value: r.value, count: r.count }));
}

/** Where the tag goes: the cursor, or the end of the selection. */
function insertionPoint(editor: Editor): { line: number; ch: number } {
	if (!editor.somethingSelected()) return editor.getCursor();
	const lines = splitLines(editor.getValue());
	return selectionTagPosition(lines, editor.getCursor("from"), editor.getCursor("to"));
}

/**
 * Whether a tag may go where the command was given: not in a finalized note,
 * and not where Obsidian reads no tag (each with a notice saying why). Asked
 * before any picker opens, so that nobody chooses a value for nothing, and
 * again at insertion.
 */
function readyToCode(editor: Editor): boolean {
	if (refuseFinalized(editor.getValue())) return false;
	const at = insertionPoint(editor);
	const blocked = blockedContextAt(editor.getValue(), at.line, at.ch);
	if (blocked) {
		new Notice(blockedMessage(blocked));
		return false;
	}
	return true;
}

/**
 * Inserts a tag where the command was given. Refuses, changing nothing, when
 * Obsidian would not read a tag there (properties, code, comments, links).
 * Returns whether the tag went in.
 */
export function insertTag(editor: Editor, tag: string): boolean {
	if (!readyToCode(editor)) return false;
	const at = insertionPoint(editor);
	const ins = tagInsertion(editor.getLine(at.line), at.ch, tag);
	if (!insertedTagIsRead(editor.getValue(), at.line, at.ch, ins, tag)) {
		new Notice(`Obsidian would not read ${tag} as a tag here (code, a comment or other special text), so nothing was inserted. Place the cursor in ordinary text.`);
		return false;
	}
	editor.replaceRange(ins.text, at);
	editor.setCursor({ line: at.line, ch: ins.cursorCh });
	return true;
}

/** After a value is chosen: its class or direction when the family takes one, then the insertion. */
async function codeValue(ctx: AttuneContext, editor: Editor, family: Family, value: string): Promise<void> {
	const def = familyDef(family);
	let qualifier: string | undefined;
	if (def.qualifier) {
		const chosen = await new ProcessPicker(ctx.app, value, def.qualifier).pick();
		if (chosen === null) return;
		qualifier = chosen;
	}
	insertTag(editor, formatTag(ctx.vocab(), family, value, qualifier));
}

/** Runs one coding command: the pickers, then the insertion. */
export async function codeFamily(ctx: AttuneContext, editor: Editor, family: Family): Promise<void> {
	const vocab = ctx.vocab();
	const def = familyDef(family);
	if (refuseFinalized(editor.getValue())) return;
	if (!vocab.on[family]) {
		// Commands are registered once, at load; the settings may switch the family off later.
		new Notice(`${def.label} is switched off in Attune's settings, so nothing was inserted. Switch it on under "Families" to code it.`);
		return;
	}
	if (!readyToCode(editor)) return;
	const choices = wordChoices(vocab, family, usedValues(ctx, family));
	const value = await new ValuePicker(ctx.app, choices, def.open, `${def.label}: type to filter`).pick();
	if (value === null) return;
	await codeValue(ctx, editor, family, value);
}

/** The one command that codes any family: "Code passage…". */
export const CODE_PASSAGE = Object.freeze({ id: "code-passage", name: "Code passage…" });

/**
 * "Code passage…": one picker over every value of every family switched on,
 * then the class or direction the chosen family takes, then the insertion.
 */
export async function codePassage(ctx: AttuneContext, editor: Editor): Promise<void> {
	if (!readyToCode(editor)) return;
	const vocab = ctx.vocab();
	const on = FAMILIES.filter((f) => vocab.on[f]);
	if (on.length === 0) {
		new Notice("Every tag family is switched off in the settings, so there is nothing to code. Switch one on in the settings first.");
		return;
	}
	const choices = passageChoices(vocab, (f) => usedValues(ctx, f));
	const chosen = await new PassagePicker(ctx.app, choices, on.filter((f) => familyDef(f).open)).pick();
	if (chosen === null) return;
	await codeValue(ctx, editor, chosen.family, chosen.value);
}
