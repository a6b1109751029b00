/**
 * The preview before anything is written: how many notes go where, what is
 * replaced category by category with a few examples, and the reminder to
 * read the copies. The examples show source text, on screen only: they are
 * never written to the export or saved.
 */
import { type App, ButtonComponent, Modal, Notice, Setting } from "obsidian";
import { RESIDUE_LABELS } from "../../core/export/residue";
import { CATEGORIES, CATEGORY_LABELS, FREE_TEXT_WARNING } from "../../core/export/types";
import type { PreparedExport } from "./prepare";
import { DATE_CHOICES } from "./scope-modal";
import { QDPX_FILE } from "./write-qdpx";
import { PASSAGES_FILE } from "./write-passages";

/** Examples longer than this are cut, so one long address does not fill the dialog. */
const EXAMPLE_CHARS = 40;

function short(s: string): string {
	return s.length > EXAMPLE_CHARS ? `${s.slice(0, EXAMPLE_CHARS - 1)}…` : s;
}

/** What the preview's "Check these before sharing" can do besides showing the list. */
export interface ReviewActions {
	/** Adds a word to the client note's `identifiers`; says what was done, or why nothing was. */
	addIdentifier: (word: string) => Promise<{ ok: boolean; message: string }>;
	/** Plans the same export again and opens a new preview. */
	previewAgain: () => Promise<void>;
}

/** The preview. `onExport` runs when the user confirms; closing it any other way cancels. */
export class ExportPreviewModal extends Modal {
	/** The buttons, exposed for tests; `add` holds one per listed item, in order. */
	controls: { export?: ButtonComponent; cancel?: ButtonComponent; previewAgain?: ButtonComponent; add: ButtonComponent[] } = { add: [] };

	constructor(
		app: App,
		private readonly prepared: PreparedExport,
		private readonly onExport: (prepared: PreparedExport) => void | Promise<void>,
		private readonly actions?: ReviewActions,
	) {
		super(app);
	}

	onOpen(): void {
		const { plan, folder, dates, target } = this.prepared;
		this.setTitle(target === "qdpx" ? "Preview export for qualitative analysis" : target === "passages" ? "Preview export of coded passages" : "Preview de-identified export");
		const el = this.contentEl;
		el.empty();
		el.addClass("attune-deid");
		const n = plan.notes.length;
		const notes = `${n} ${n === 1 ? "note" : "notes"}`;
		el.createEl("p", {
			text: target === "qdpx"
				? `${notes} will be de-identified and written to the new folder “${folder}”, with a project of them for qualitative-analysis tools (${QDPX_FILE}): each note a text source, each tagged passage a coded selection. The source notes do not change.`
				: target === "passages"
					? `${notes} will be de-identified and written to the new folder “${folder}”, with a table of their coded passages (${PASSAGES_FILE}): one row per Attune tag, with the passage that carries it. The source notes do not change.`
					: `${notes} will be written to the new folder “${folder}”. The source notes do not change.`,
		});
		const copies = this.prepared.codingCopies;
		if (copies.length > 0) el.createEl("p", { text: `${copies.length} coding ${copies.length === 1 ? "copy is" : "copies are"} left out, as summaries leave them out, so that no session counts twice: ${copies.join(", ")}.` });
		const kept = this.prepared.allowedProperties;
		el.createEl("p", { cls: "attune-deid-muted", text: `Dates: ${DATE_CHOICES[dates].toLowerCase()}. Properties kept: ${kept.length > 0 ? kept.join(", ") : "none"}, and tags.` });

		if (plan.problems.length > 0) {
			const box = el.createDiv({ cls: "attune-deid-problems" });
			box.createEl("p", { text: "These notes cannot be exported safely, so nothing will be written:" });
			const list = box.createEl("ul");
			for (const p of plan.problems) list.createEl("li", { text: `${p.path}: ${p.message}` });
		}

		const table = el.createEl("table", { cls: "attune-deid-table" });
		const head = table.createEl("thead").createEl("tr");
		head.createEl("th", { text: "Replaced" });
		head.createEl("th", { text: "Count" });
		head.createEl("th", { text: "Examples (shown here only)" });
		const body = table.createEl("tbody");
		for (const c of CATEGORIES) {
			const row = body.createEl("tr", { cls: plan.counts[c] === 0 ? "attune-deid-none" : undefined });
			row.dataset.category = c;
			row.createEl("td", { text: CATEGORY_LABELS[c] });
			row.createEl("td", { cls: "attune-deid-count", text: String(plan.counts[c]) });
			const ex = row.createEl("td", { cls: "attune-deid-examples" });
			for (const e of plan.examples[c]) ex.createDiv({ text: `${short(e.from)} → ${short(e.to)}` });
		}

		this.renderReview(el);
		el.createEl("p", { cls: "attune-deid-warning", text: FREE_TEXT_WARNING });
		new Setting(el)
			.addButton((b) => {
				this.controls.cancel = b;
				b.setButtonText("Cancel").onClick(() => this.close());
			})
			.addButton((b) => {
				this.controls.export = b;
				// The list above has been shown: only now may the copies be written.
				this.prepared.reviewShown = true;
				b.setButtonText(target === "qdpx" ? "Export project" : target === "passages" ? "Export passages" : n === 1 ? "Export 1 note" : `Export ${n} notes`).setCta().setDisabled(plan.problems.length > 0 || n === 0).onClick(async () => {
					if (plan.problems.length > 0 || n === 0) return;
					this.close();
					await this.onExport(this.prepared);
				});
			});
	}

	/** "Check these before sharing": what the copies still hold that could identify, each addable to the client note. */
	private renderReview(el: HTMLElement): void {
		const { review } = this.prepared.plan;
		const client = this.prepared.client;
		new Setting(el).setName("Check these before sharing").setHeading();
		const n = review.length;
		el.createEl("p", {
			cls: "attune-deid-muted",
			text:
				n === 0
					? "Nothing to check: the copies hold no capitalized word inside a sentence that Attune does not know, no number of four digits or more, and no mix of letters and digits."
					: `${n} possible ${n === 1 ? "identifier is" : "identifiers are"} still in the copies: capitalized words inside a sentence that Attune does not know, numbers of four digits or more, and mixes of letters and digits. ${
							client ? `Add any that identifies the client to the identifiers of the client note “${client}”, then preview again.` : "This note has no client, so there is no client note to add them to; edit the note itself."
						}`,
		});
		this.controls.add = [];
		if (n === 0) return;
		const box = el.createDiv({ cls: "attune-deid-review" });
		const table = box.createEl("table", { cls: "attune-deid-table" });
		const head = table.createEl("thead").createEl("tr");
		for (const h of ["Found", "Why", "In context", "Note", ""]) head.createEl("th", { text: h });
		const body = table.createEl("tbody");
		for (const item of review) {
			const row = body.createEl("tr");
			row.dataset.kind = item.kind;
			row.createEl("td", { text: item.count > 1 ? `${item.text} (${item.count}×)` : item.text });
			row.createEl("td", { cls: "attune-deid-muted", text: RESIDUE_LABELS[item.kind] });
			row.createEl("td", { cls: "attune-deid-examples", text: item.context });
			row.createEl("td", { cls: "attune-deid-muted", text: item.note });
			const action = row.createEl("td");
			const add = new ButtonComponent(action).setButtonText("Add to identifiers").setDisabled(!client || !this.actions);
			add.onClick(async () => {
				if (!this.actions || !client) return;
				add.setDisabled(true);
				const result = await this.actions.addIdentifier(item.text);
				new Notice(result.message);
				if (result.ok) add.setButtonText("Added");
				else add.setDisabled(false);
			});
			this.controls.add.push(add);
		}
		if (this.actions) {
			new Setting(el).setDesc("Added words are replaced only in a new preview.").addButton((b) => {
				this.controls.previewAgain = b;
				b.setButtonText("Preview again").onClick(async () => {
					this.close();
					await this.actions?.previewAgain();
				});
			});
		}
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
