/**
 * The preview before anything is written: how many notes go where, what is
 * replaced category by category with a few examples, and the reminder to
 * read the copies. The examples show source text, on screen only: they are
 * never written to the export or saved.
 */
import { type App, type ButtonComponent, Modal, Setting } from "obsidian";
import { CATEGORIES, CATEGORY_LABELS, FREE_TEXT_WARNING } from "../../core/export/types";
import type { PreparedExport } from "./prepare";
import { DATE_CHOICES } from "./scope-modal";

/** Examples longer than this are cut, so one long address does not fill the dialog. */
const EXAMPLE_CHARS = 40;

function short(s: string): string {
	return s.length > EXAMPLE_CHARS ? `${s.slice(0, EXAMPLE_CHARS - 1)}…` : s;
}

/** The preview. `onExport` runs when the user confirms; closing it any other way cancels. */
export class ExportPreviewModal extends Modal {
	/** The buttons, exposed for tests. */
	controls: { export?: ButtonComponent; cancel?: ButtonComponent } = {};

	constructor(
		app: App,
		private readonly prepared: PreparedExport,
		private readonly onExport: (prepared: PreparedExport) => void | Promise<void>,
	) {
		super(app);
	}

	onOpen(): void {
		const { plan, folder, dates } = this.prepared;
		this.setTitle("Preview de-identified export");
		const el = this.contentEl;
		el.empty();
		el.addClass("attune-deid");
		const n = plan.notes.length;
		el.createEl("p", { text: `${n} ${n === 1 ? "note" : "notes"} will be written to the new folder “${folder}”. The source notes do not change.` });
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

		el.createEl("p", { cls: "attune-deid-warning", text: FREE_TEXT_WARNING });
		new Setting(el)
			.addButton((b) => {
				this.controls.cancel = b;
				b.setButtonText("Cancel").onClick(() => this.close());
			})
			.addButton((b) => {
				this.controls.export = b;
				b.setButtonText(n === 1 ? "Export 1 note" : `Export ${n} notes`).setCta().setDisabled(plan.problems.length > 0 || n === 0).onClick(async () => {
					if (plan.problems.length > 0 || n === 0) return;
					this.close();
					await this.onExport(this.prepared);
				});
			});
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
