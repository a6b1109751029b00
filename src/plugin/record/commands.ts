/**
 * Finalize, co-sign and add an addendum. Properties change only through
 * `FileManager.processFrontMatter`, the addendum only through the editor;
 * a command that cannot act safely changes nothing and says why.
 */
import { type App, type Editor, Modal, Notice, TFile } from "obsidian";
import { addendaLine } from "../../core/record/content-hash";
import { addendumInsertion, isFinalized, localDateTime, recordFields, verifyStatus } from "../../core/record/verify";
import { scanMarkdown } from "../../core/markdown/scan";
import type { AttuneContext } from "../context";
import { contentHashOf, propertiesOf, readNote } from "./hash";
import { writeProperties } from "../authoring/supervision";

/** The notice every refused change of a finalized note gives. */
export const FINALIZED_NOTICE = "This note is finalized, so Attune does not change it. Use “Add addendum” to add a correction or a comment.";

/** Asks before finalizing a note that still waits for the supervisor. */
class ConfirmModal extends Modal {
	private answered = false;
	constructor(app: App, private readonly message: string, private readonly done: (yes: boolean) => void) {
		super(app);
	}
	onOpen(): void {
		this.setTitle("Finalize this note?");
		this.contentEl.createEl("p", { text: this.message });
		const row = this.contentEl.createDiv({ cls: "attune-modal-buttons" });
		row.createEl("button", { text: "Finalize anyway", cls: "mod-warning" }).addEventListener("click", () => this.answer(true));
		row.createEl("button", { text: "Cancel" }).addEventListener("click", () => this.answer(false));
	}
	private answer(yes: boolean): void {
		this.answered = true;
		this.close();
		this.done(yes);
	}
	onClose(): void {
		if (!this.answered) this.done(false);
	}
}

function ask(app: App, message: string): Promise<boolean> {
	return new Promise((resolve) => new ConfirmModal(app, message, resolve).open());
}

/** The notice of a change refused because the note's properties are not valid YAML. */
function invalidYamlNotice(basename: string | undefined, e: unknown): string {
	const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
	return `The properties of ${basename === undefined ? "this note" : `“${basename}”`} are not valid YAML (${why}). Nothing was changed; fix them in source mode first.`;
}

/** The note's text and properties, or a notice saying why it cannot be changed. */
async function readable(ctx: AttuneContext, file: TFile | null): Promise<{ file: TFile; text: string; fm: Record<string, unknown> | null } | null> {
	if (!(file instanceof TFile) || file.extension !== "md") {
		new Notice("Open a note first.");
		return null;
	}
	try {
		return { file, ...(await readNote(ctx, file)) };
	} catch (e) {
		new Notice(invalidYamlNotice(file.basename, e));
		return null;
	}
}

/**
 * Writes record fields, then reads the note back and checks that it hashes
 * to what was written (`verifyStatus` intact): a change made meanwhile, or a
 * property Obsidian rewrote into another value, shows now, not at verify.
 * False, with a notice, when the write failed or the check did not hold.
 */
async function writeFields(ctx: AttuneContext, file: TFile, fields: Record<string, string>, done: "finalized" | "co-signed"): Promise<boolean> {
	if (!(await writeProperties(ctx, file, fields))) return false;
	const after = await readNote(ctx, file);
	if (verifyStatus(recordFields(after.fm), await contentHashOf(after.text, after.fm)) !== "intact") {
		new Notice(`“${file.basename}” was ${done}, but it no longer matches its hash (it changed while it was being ${done}). Run “Verify finalized notes”.`);
		return false;
	}
	return true;
}

/** `finalize-note`: finalized-on, finalized-by and content-sha256. */
export async function finalizeNote(ctx: AttuneContext, file: TFile | null): Promise<boolean> {
	const name = ctx.settings().clinicianName.trim();
	if (name === "") {
		new Notice("Nothing was changed: a finalized note names its clinician, so set your name in the plugin's settings first.");
		return false;
	}
	const note = await readable(ctx, file);
	if (!note) return false;
	if (isFinalized(recordFields(note.fm))) {
		new Notice(`“${note.file.basename}” is already finalized. Use “Add addendum” to add a correction.`);
		return false;
	}
	const open = scanMarkdown(note.text).callouts.filter((c) => c.type === "supervisor").length;
	const requested = typeof note.fm?.review === "string" && note.fm.review.trim().toLowerCase() === "requested";
	if (open > 0 || requested) {
		const why = [open > 0 ? `${open} open supervisor comment${open === 1 ? "" : "s"}` : "", requested ? "a supervision review requested" : ""].filter(Boolean).join(" and ");
		if (!(await ask(ctx.app, `“${note.file.basename}” still has ${why}. After finalizing, the note is only changed through addenda.`))) return false;
	}
	const hash = await contentHashOf(note.text, note.fm);
	const on = localDateTime(ctx.now());
	if (!(await writeFields(ctx, note.file, { "finalized-on": on, "finalized-by": name, "content-sha256": hash }, "finalized"))) return false;
	new Notice(`Finalized “${note.file.basename}” on ${on.replace("T", " at ")} by ${name}.`);
	return true;
}

/** `cosign-note`: the supervisor's name, the time and the content hash, on an intact finalized note only. */
export async function cosignNote(ctx: AttuneContext, file: TFile | null): Promise<boolean> {
	const name = ctx.settings().supervisorName.trim();
	if (name === "") {
		new Notice("Nothing was changed: a co-signature names the supervisor, so set the supervisor's name in the plugin's settings first.");
		return false;
	}
	const note = await readable(ctx, file);
	if (!note) return false;
	const fields = recordFields(note.fm);
	if (!isFinalized(fields)) {
		new Notice(`“${note.file.basename}” is not finalized, so it cannot be co-signed. The clinician finalizes it first.`);
		return false;
	}
	const hash = await contentHashOf(note.text, note.fm);
	if (verifyStatus({ ...fields, cosignedSha256: undefined }, hash) !== "intact") {
		new Notice(`“${note.file.basename}” changed after it was finalized, so it was not co-signed. Run “Verify finalized notes” to see which notes changed.`);
		return false;
	}
	const on = localDateTime(ctx.now());
	if (!(await writeFields(ctx, note.file, { "cosigned-by": name, "cosigned-on": on, "cosigned-sha256": hash }, "co-signed"))) return false;
	new Notice(`Co-signed “${note.file.basename}” on ${on.replace("T", " at ")} by ${name}.`);
	return true;
}

/** `add-addendum`: a dated addendum callout at the end of the note, the cursor inside it; refused, as every record write is, when the properties are not valid YAML. */
export function addAddendum(ctx: AttuneContext, editor: Editor, basename?: string): boolean {
	const text = editor.getValue();
	try {
		propertiesOf(text);
	} catch (e) {
		new Notice(invalidYamlNotice(basename, e));
		return false;
	}
	const settings = ctx.settings();
	const name = settings.clinicianName.trim() || settings.supervisorName.trim();
	if (name === "") {
		new Notice("Nothing was changed: an addendum names who wrote it, so set your name in the plugin's settings first.");
		return false;
	}
	const ins = addendumInsertion(text, addendaLine(text) >= 0, name, localDateTime(ctx.now()));
	editor.replaceRange(ins.text, editor.offsetToPos(text.length));
	editor.setCursor(editor.offsetToPos(ins.cursorOffset));
	return true;
}

/** Whether the note's current text is finalized; text whose properties do not parse is treated as not finalized. */
export function textIsFinalized(text: string): boolean {
	try {
		return isFinalized(recordFields(propertiesOf(text)));
	} catch {
		return false;
	}
}
