/**
 * Finalized notes open read-only (the setting "Open finalized notes
 * read-only", on by default): an editor extension over Obsidian's own
 * CodeMirror, which is external to the bundle. The note shows a banner
 * saying who finalized it and when; its properties and its body up to
 * `## Addenda` take no typing, while the addenda stay open, so "Add
 * addendum" and the text typed into the addendum work as before.
 *
 * Only what the user types, deletes, drops, pastes or undoes is held back.
 * Changes made by code (Obsidian bringing in a change made to the file on
 * disk, Attune's addendum) are never filtered: an editor that refused them
 * would show, and then save, a text other than the file's. A change that
 * reaches a finalized note another way is what "Verify finalized notes"
 * reports.
 */
import { type Extension, EditorState, type Transaction, StateField, type Text } from "@codemirror/state";
import { type EditorView, type Panel, showPanel } from "@codemirror/view";
import type { Plugin } from "obsidian";
import { addendaStart, finalizedBanner, keepsRecord, mayBeFinalized } from "../../core/record/finalized-editing";
import { isFinalized, recordFields } from "../../core/record/verify";
import type { AttuneContext } from "../context";
import { propertiesOf } from "./hash";

/**
 * How much of a note's start is read for its properties, in characters: the
 * properties block of a real note is well under this, and reading no more
 * keeps a key press in a long note cheap.
 */
const HEAD_CHARS = 16_384;

/** A finalized note as the editor sees it. */
export interface FinalizedEditorState {
	/** The banner's text. */
	banner: string;
	/** Where the addenda begin (typing is allowed from there), or -1 when the note has none. */
	addendaFrom: number;
}

/** Whether an editor's text is a finalized note, and what it shows; null when it is not finalized. */
export function finalizedStateOf(doc: Text): FinalizedEditorState | null {
	const head = doc.sliceString(0, Math.min(doc.length, HEAD_CHARS));
	if (!mayBeFinalized(head)) return null;
	let fm: Record<string, unknown> | null;
	try {
		fm = propertiesOf(head);
	} catch {
		// Properties that do not parse: Attune cannot tell, and does not hold the note back; verify reports it.
		return null;
	}
	const fields = recordFields(fm);
	if (!isFinalized(fields)) return null;
	return { banner: finalizedBanner(fields), addendaFrom: addendaStart(doc.toString()) };
}

/** The user's own edits: what CodeMirror marks as typed, deleted, moved (dragged), undone or redone. */
const USER_EDITS = ["input", "delete", "move", "undo", "redo"];

/** Whether a transaction leaves a finalized note's record as it was (always true for a note that is not finalized). */
function allowed(tr: Transaction): boolean {
	const state = tr.startState.field(finalizedField, false);
	if (!state || !tr.docChanged || !USER_EDITS.some((e) => tr.isUserEvent(e))) return true;
	// Changes that all start inside the addenda cannot reach the record before them: no need to compare texts.
	let inside = state.addendaFrom >= 0;
	tr.changes.iterChangedRanges((fromA) => {
		if (fromA < state.addendaFrom) inside = false;
	});
	return inside || keepsRecord(tr.startState.doc.toString(), tr.newDoc.toString());
}

const finalizedField = StateField.define<FinalizedEditorState | null>({
	create: (state) => finalizedStateOf(state.doc),
	update: (value, tr) => (tr.docChanged ? finalizedStateOf(tr.newDoc) : value),
});

function bannerPanel(view: EditorView): Panel {
	// Made detached: CodeMirror puts the panel in place.
	const dom = view.dom.createDiv({ cls: "attune-finalized-banner", attr: { role: "status" } });
	dom.remove();
	const show = (state: EditorState) => {
		dom.setText(state.field(finalizedField, false)?.banner ?? "");
	};
	show(view.state);
	return { dom, top: true, update: (u) => show(u.state) };
}

/** The extension: the finalized state, the banner, the read-only facet and the filter on typing. */
export function finalizedReadOnly(): Extension {
	return [
		finalizedField,
		showPanel.compute([finalizedField], (state) => (state.field(finalizedField) ? bannerPanel : null)),
		// Read-only except where every cursor is inside the addenda: typing elsewhere is ignored, and screen readers hear it.
		EditorState.readOnly.compute([finalizedField, "selection"], (state) => {
			const f = state.field(finalizedField);
			if (!f) return false;
			return !(f.addendaFrom >= 0 && state.selection.ranges.every((r) => r.from >= f.addendaFrom));
		}),
		EditorState.changeFilter.of(allowed),
	];
}

/** The extension list registered with Obsidian, per plugin: emptied or filled when the setting changes. */
const registered = new WeakMap<Plugin, Extension[]>();

/** Registers the editor extension; it is in force while the setting is on. */
export function registerReadOnly(ctx: AttuneContext): void {
	const list: Extension[] = [];
	registered.set(ctx.plugin, list);
	ctx.plugin.registerEditorExtension(list);
	fill(ctx, list);
}

function fill(ctx: AttuneContext, list: Extension[]): boolean {
	const on = ctx.settings().readOnlyFinalized;
	if (on === list.length > 0) return false;
	list.length = 0;
	if (on) list.push(finalizedReadOnly());
	return true;
}

/** After a change of settings: puts the extension in force or out of it in every open editor. */
export function syncReadOnly(ctx: AttuneContext): void {
	const list = registered.get(ctx.plugin);
	if (list && fill(ctx, list)) ctx.app.workspace.updateOptions();
}
