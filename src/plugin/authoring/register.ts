/**
 * Writing session notes in Obsidian: the new-note commands, the coding
 * commands and their tag suggestions, supervisor comments, reviews and study
 * notes. Registration only: nothing here reads the vault at load time.
 */
import type { Editor, Menu } from "obsidian";
import { localIsoDate } from "../../core/time";
import type { AttuneContext } from "../context";
import { CODE_PASSAGE, CODING_COMMANDS, codeFamily, codePassage, usedValues } from "./coding";
import { createAndOpen } from "./create-note";
import { NewNoteModal } from "./new-note-modal";
import { createStudyNotes } from "./study-notes";
import { activeNote, addSupervisorComment, markReviewed, requestReview, resolveComment } from "./supervision";
import { TagSuggest } from "./tag-suggest";
import { isSessionNote } from "../../core/note/note";

/** Opens the new-session form. */
export function newSessionNote(ctx: AttuneContext): void {
	new NewNoteModal(ctx.app, ctx, "session", (req) => createAndOpen(ctx, req)).open();
}

/**
 * A supervision note: from the active session note when there is one (its
 * client and clinician, and a `reviews` link to it), otherwise the form asks.
 */
export async function newSupervisionNote(ctx: AttuneContext): Promise<void> {
	const file = activeNote(ctx);
	const rec = file ? ctx.index.get(file.path) : undefined;
	// A note without a note-type counts as a session, as everywhere else in Attune.
	if (file && rec && isSessionNote(rec) && rec.props.client) {
		await createAndOpen(ctx, {
			kind: "supervision",
			client: rec.props.client,
			date: localIsoDate(ctx.now()),
			template: "supervision",
			clinician: rec.props.clinician,
			reviews: [file.path],
			duration: ctx.settings().defaultSupervisionDuration,
		});
		return;
	}
	new NewNoteModal(ctx.app, ctx, "supervision", (req) => createAndOpen(ctx, req)).open();
}

/** Registers this feature's commands and the tag suggestions. No default hotkeys: users choose their own. */
export function registerAuthoring(ctx: AttuneContext): void {
	const { plugin } = ctx;
	plugin.addCommand({ id: "new-session-note", name: "New session note", callback: () => newSessionNote(ctx) });
	plugin.addCommand({ id: "new-supervision-note", name: "New supervision note", callback: () => void newSupervisionNote(ctx) });
	plugin.addCommand({ ...CODE_PASSAGE, editorCallback: (editor: Editor) => void codePassage(ctx, editor) });
	for (const c of CODING_COMMANDS) {
		plugin.addCommand({ id: c.id, name: c.name, editorCallback: (editor: Editor) => void codeFamily(ctx, editor, c.family) });
	}
	// The editor's context menu (right-click, or long-press on mobile), so that a clinician can code on a phone.
	plugin.registerEvent(ctx.app.workspace.on("editor-menu", (menu: Menu, editor: Editor) => {
		menu.addItem((item) => item.setTitle(CODE_PASSAGE.name).setIcon("tag").onClick(() => void codePassage(ctx, editor)));
	}));
	plugin.addCommand({ id: "add-supervisor-comment", name: "Add supervisor comment", editorCallback: (editor: Editor) => addSupervisorComment(ctx, editor) });
	plugin.addCommand({ id: "resolve-supervisor-comment", name: "Resolve supervisor comment", editorCallback: (editor: Editor) => resolveComment(editor) });
	plugin.addCommand({
		id: "request-review",
		name: "Request supervision review",
		checkCallback: (checking: boolean) => {
			const file = activeNote(ctx);
			if (!file) return false;
			if (!checking) void requestReview(ctx, file);
			return true;
		},
	});
	plugin.addCommand({
		id: "mark-reviewed",
		name: "Mark note as reviewed",
		checkCallback: (checking: boolean) => {
			const file = activeNote(ctx);
			if (!file) return false;
			if (!checking) void markReviewed(ctx, file);
			return true;
		},
	});
	plugin.addCommand({ id: "create-study-notes", name: "Create study notes for the vocabulary", callback: () => void createStudyNotes(ctx) });
	plugin.registerEditorSuggest(new TagSuggest(ctx.app, () => ctx.vocab(), (family) => usedValues(ctx, family)));
}
