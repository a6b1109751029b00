/**
 * Supervision commands: supervisor comment callouts through the editor, and
 * the review properties through `FileManager.processFrontMatter`, touching no
 * other property and refusing when the properties are not valid YAML.
 */
import { type Editor, MarkdownView, Notice, TFile, parseYaml } from "obsidian";
import { blockedMessage } from "../../core/authoring/tag-insertion";
import { blockContextAt, frontmatterEnd } from "../../core/markdown/context";
import { splitLines } from "../../core/markdown/lines";
import { resolveSupervisorComment, supervisorCommentHeading, supervisorCommentInsertion } from "../../core/authoring/supervisor-comments";
import { localIsoDate } from "../../core/time";
import type { AttuneContext } from "../context";
import { refuseFinalized } from "../record/guard";

/** Adds a supervisor comment below the current line or selection, with the cursor ready in it. */
export function addSupervisorComment(ctx: AttuneContext, editor: Editor): void {
	const text = editor.getValue();
	if (refuseFinalized(text)) return;
	const line = editor.getCursor("to").line;
	const blocked = blockContextAt(splitLines(text), line);
	if (blocked) {
		new Notice(blockedMessage(blocked, "a comment"));
		return;
	}
	const heading = supervisorCommentHeading(ctx.settings().supervisorName, localIsoDate(ctx.now()));
	const ins = supervisorCommentInsertion(text, line, heading);
	editor.replaceRange(ins.text, ins.at);
	editor.setCursor(ins.cursor);
}

/** Marks the supervisor comment at the cursor as resolved; everything else stays as written. */
export function resolveComment(editor: Editor): void {
	if (refuseFinalized(editor.getValue())) return;
	const result = resolveSupervisorComment(editor.getValue(), editor.getCursor().line);
	if (result.kind === "none") {
		new Notice("There is no supervisor comment here. Click inside a “[!supervisor]” callout first.");
		return;
	}
	if (result.kind === "already-resolved") {
		new Notice("This supervisor comment is already resolved.");
		return;
	}
	editor.replaceRange(result.insert, result.at);
}

/**
 * Why the note's properties cannot be edited safely, or null when they can:
 * a properties block that is not valid YAML, or not a set of named values.
 * Read from the current text, so a stale cache never lets a write through.
 */
export async function propertiesProblem(ctx: AttuneContext, file: TFile): Promise<string | null> {
	const text = await ctx.app.vault.cachedRead(file);
	const lines = splitLines(text);
	const end = frontmatterEnd(lines);
	if (end < 0) return null;
	const yaml = lines.slice(1, end).join("\n");
	if (yaml.trim() === "") return null;
	try {
		const data = parseYaml(yaml) as unknown;
		if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) return "they are not a list of named properties";
	} catch (e) {
		return (e instanceof Error ? e.message : String(e)).split("\n")[0]!;
	}
	return null;
}

/**
 * Sets review properties on the active note through `processFrontMatter`.
 * Refuses, writing nothing, without an active Markdown note or when its
 * properties do not parse.
 */
export async function setReview(ctx: AttuneContext, file: TFile | null, fields: Record<string, string>, done: string): Promise<boolean> {
	if (!(file instanceof TFile) || file.extension !== "md") {
		new Notice("Open a note first: the review is recorded in the note's properties.");
		return false;
	}
	if (refuseFinalized(await ctx.app.vault.cachedRead(file))) return false;
	const problem = await propertiesProblem(ctx, file);
	if (problem !== null) {
		new Notice(`The properties of “${file.basename}” are not valid YAML (${problem}). Nothing was changed; fix them in source mode first.`);
		return false;
	}
	if (!(await writeProperties(ctx, file, fields))) return false;
	new Notice(done);
	return true;
}

/** `request-review`: the note waits for the supervisor. */
export function requestReview(ctx: AttuneContext, file: TFile | null): Promise<boolean> {
	return setReview(ctx, file, { review: "requested" }, "Supervision review requested.");
}

/** `mark-reviewed`: signed with the supervisor's name from settings and today's date. */
export function markReviewed(ctx: AttuneContext, file: TFile | null): Promise<boolean> {
	const name = ctx.settings().supervisorName.trim();
	if (name === "") {
		new Notice("Nothing was changed: a review is signed with the supervisor's name, so set it in the plugin's settings first.");
		return Promise.resolve(false);
	}
	const today = localIsoDate(ctx.now());
	return setReview(ctx, file, { review: "reviewed", "reviewed-by": name, "reviewed-on": today }, `Marked as reviewed by ${name} on ${today}.`);
}

/** The file of the active Markdown view, if any. */
export function activeNote(ctx: AttuneContext): TFile | null {
	return ctx.app.workspace.getActiveViewOfType(MarkdownView)?.file ?? ctx.app.workspace.getActiveFile();
}

/** Sets properties through `processFrontMatter`; false, with a notice saying nothing was changed, when Obsidian could not. */
export async function writeProperties(ctx: AttuneContext, file: TFile, fields: Record<string, string>): Promise<boolean> {
	try {
		await ctx.app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
			for (const [k, v] of Object.entries(fields)) fm[k] = v;
		});
		return true;
	} catch (e) {
		new Notice(`The properties of “${file.basename}” could not be updated (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`);
		return false;
	}
}
