/**
 * "Verify finalized notes" in Obsidian: the same statuses as `attune verify`,
 * hashed with Web Crypto, listed in a window where each note opens.
 */
import { type App, Modal, Notice, TFile } from "obsidian";
import { type VerifyRow, NAMES_FINALIZED, STATUS_WORDS, addendaCount, isChanged, isFinalized, recordFields, recordLine, verifyStatus } from "../../core/record/verify";
import type { AttuneContext } from "../context";
import { contentHashOf, propertiesOf, propertiesText } from "./hash";

/** Verifies one note's text: its row when it is finalized (or was, and its properties no longer parse), else null. */
export async function verifyText(path: string, text: string): Promise<VerifyRow | null> {
	const yaml = propertiesText(text);
	let fm: Record<string, unknown> | null;
	try {
		fm = propertiesOf(text, yaml);
	} catch {
		// Properties that no longer parse cannot be verified: listed as changed, as the command line does.
		return NAMES_FINALIZED.test(yaml ?? "") ? { path, status: "no-hash", addenda: addendaCount(text), line: recordLine(yaml, "no-hash") } : null;
	}
	const fields = recordFields(fm);
	if (!isFinalized(fields)) return null;
	const status = verifyStatus(fields, await contentHashOf(text, fm));
	return { path, status, line: recordLine(yaml, status), finalizedOn: fields.finalizedOn, finalizedBy: fields.finalizedBy, cosignedBy: fields.cosignedBy, cosignedOn: fields.cosignedOn, addenda: addendaCount(text) };
}

/** Verifies every finalized Markdown note of the vault, sorted by path. */
export async function verifyNotes(ctx: AttuneContext): Promise<VerifyRow[]> {
	const rows: VerifyRow[] = [];
	const files = ctx.app.vault.getMarkdownFiles().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	for (const file of files) {
		const row = await verifyText(file.path, await ctx.app.vault.cachedRead(file));
		if (row) rows.push(row);
	}
	return rows;
}

/** The result window: a line per finalized note, changed ones first. */
class VerifyModal extends Modal {
	constructor(app: App, private readonly rows: VerifyRow[]) {
		super(app);
	}
	onOpen(): void {
		const changed = this.rows.filter((r) => isChanged(r.status));
		this.setTitle("Finalized notes");
		this.contentEl.createEl("p", { text: `${this.rows.length} finalized, ${changed.length} changed.` });
		const ul = this.contentEl.createEl("ul", { cls: "attune-link-list attune-verify" });
		for (const r of [...changed, ...this.rows.filter((x) => !isChanged(x.status))]) {
			const li = ul.createEl("li");
			const b = li.createEl("button", { cls: "attune-link", text: r.path });
			b.addEventListener("click", () => {
				const f = this.app.vault.getAbstractFileByPath(r.path);
				if (f instanceof TFile) void this.app.workspace.getLeaf(false).openFile(f);
				this.close();
			});
			li.createSpan({ text: ` ${STATUS_WORDS[r.status]}${r.addenda > 0 ? `, ${r.addenda} addend${r.addenda === 1 ? "um" : "a"}` : ""}` });
		}
	}
}

/** `verify-finalized-notes`. */
export async function verifyCommand(ctx: AttuneContext): Promise<VerifyRow[]> {
	const rows = await verifyNotes(ctx);
	if (rows.length === 0) new Notice("No note is finalized yet.");
	else new VerifyModal(ctx.app, rows).open();
	return rows;
}
