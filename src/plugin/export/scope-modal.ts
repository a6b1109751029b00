/**
 * The first step of an export: what to export (the active note, or a
 * client's notes in a date range) and how to treat dates. It only collects
 * the choice; nothing is read or written until the preview.
 */
import { type App, type ButtonComponent, type DropdownComponent, Modal, Setting, type TextComponent, normalizePath } from "obsidian";
import { type AttuneSettings, DEFAULT_SETTINGS, type ExportDates } from "../../core/settings";
import type { AttuneContext } from "../context";
import { type ExportScope, rangeProblem } from "./prepare";

/** The date choices, in the words the form shows. */
export const DATE_CHOICES: Readonly<Record<ExportDates, string>> = Object.freeze({
	month: "Generalize to month and year",
	session: "Replace by session number",
	keep: "Keep as written",
});

/** What the form starts with. */
export interface ScopeDefaults {
	/** The active note's path, when there is one. */
	notePath: string | null;
	/** The active note's client, offered first. */
	client: string | null;
}

/** The export's first step. Calls `onSubmit` with the choice; closing it otherwise cancels. */
export class ExportScopeModal extends Modal {
	/** The form's controls, exposed for tests. */
	controls: {
		kind?: DropdownComponent;
		client?: DropdownComponent;
		from?: TextComponent;
		to?: TextComponent;
		dates?: DropdownComponent;
		folder?: TextComponent;
		properties?: TextComponent;
		preview?: ButtonComponent;
		cancel?: ButtonComponent;
	} = {};
	private kind: "note" | "client";
	private client: string;
	private from = "";
	private to = "";
	private dates: ExportDates;
	private folder: string;
	private properties: string;
	private errorEl: HTMLElement | null = null;

	constructor(
		app: App,
		private readonly ctx: AttuneContext,
		private readonly defaults: ScopeDefaults,
		private readonly onSubmit: (scope: ExportScope, dates: ExportDates) => void | Promise<void>,
		/** The command's name, as the form's title. */
		private readonly title = "Export de-identified copy",
	) {
		super(app);
		this.kind = defaults.notePath ? "note" : "client";
		const clients = ctx.index.clients().map((c) => c.client);
		this.client = defaults.client && clients.some((c) => c.toLowerCase() === defaults.client?.toLowerCase()) ? defaults.client : clients[0] ?? "";
		const settings = ctx.settings();
		this.dates = settings.exportDates;
		this.folder = settings.exportFolder;
		this.properties = settings.exportAllowedProperties.join(", ");
	}

	onOpen(): void {
		this.setTitle(this.title);
		this.render();
	}

	onClose(): void {
		this.contentEl.empty();
	}

	private render(): void {
		const el = this.contentEl;
		el.empty();
		el.addClass("attune-deid");
		this.controls = {};
		const clients = this.ctx.index.clients().map((c) => c.client);
		if (this.defaults.notePath) {
			new Setting(el).setName("Export").addDropdown((d) => {
				this.controls.kind = d;
				d.addOption("note", "This note").addOption("client", "A client's notes").setValue(this.kind).onChange((v) => {
					this.kind = v === "client" ? "client" : "note";
					this.render();
				});
			});
		}
		if (this.kind === "client") {
			if (clients.length === 0) {
				el.createEl("p", { cls: "attune-deid-error", text: "No notes with a client were found. Give session notes a client property to export them by client." });
			} else {
				new Setting(el).setName("Client").addDropdown((d) => {
					this.controls.client = d;
					for (const c of clients) d.addOption(c, c);
					d.setValue(this.client).onChange((v) => (this.client = v));
				});
				new Setting(el).setName("From").setDesc("The earliest note date to include, written year-month-day; leave empty for no limit.").addText((t) => {
					this.controls.from = t;
					t.setPlaceholder("2026-01-31").setValue(this.from).onChange((v) => (this.from = v.trim()));
				});
				new Setting(el).setName("To").setDesc("The latest note date to include, written year-month-day; leave empty for no limit.").addText((t) => {
					this.controls.to = t;
					t.setPlaceholder("2026-01-31").setValue(this.to).onChange((v) => (this.to = v.trim()));
				});
			}
		}
		new Setting(el).setName("Dates").setDesc("Ages over 89 always become “90 or older”.").addDropdown((d) => {
			this.controls.dates = d;
			for (const [k, label] of Object.entries(DATE_CHOICES)) d.addOption(k, label);
			d.setValue(this.dates).onChange(async (v) => {
				if (!(v in DATE_CHOICES)) return;
				this.dates = v as ExportDates;
				// Remembered for next time: a setting, never anything about the notes.
				const settings = this.ctx.settings();
				if (settings.exportDates !== this.dates) await this.ctx.saveSettings({ ...settings, exportDates: this.dates });
			});
		});
		new Setting(el).setName("Export folder").setDesc("Each export goes into a new dated folder inside this one.").addText((t) => {
			this.controls.folder = t;
			t.setPlaceholder(DEFAULT_SETTINGS.exportFolder).setValue(this.folder).onChange((v) => (this.folder = v));
		});
		new Setting(el).setName("Properties kept").setDesc("Property names copied into the export, separated by commas; all others are removed. Tags are always kept.").addText((t) => {
			this.controls.properties = t;
			t.setValue(this.properties).onChange((v) => (this.properties = v));
		});
		this.errorEl = el.createEl("p", { cls: "attune-deid-error" });
		new Setting(el)
			.addButton((b) => {
				this.controls.cancel = b;
				b.setButtonText("Cancel").onClick(() => this.close());
			})
			.addButton((b) => {
				this.controls.preview = b;
				b.setButtonText("Preview").setCta().onClick(() => this.submit());
			});
	}

	private async submit(): Promise<void> {
		let scope: ExportScope;
		if (this.kind === "note" && this.defaults.notePath) scope = { kind: "note", path: this.defaults.notePath };
		else {
			if (this.client === "") return this.showError("Choose a client first.");
			const problem = rangeProblem(this.from, this.to);
			if (problem) return this.showError(problem);
			scope = { kind: "client", client: this.client, from: this.from || undefined, to: this.to || undefined };
		}
		await this.remember();
		this.close();
		await this.onSubmit(scope, this.dates);
	}

	/** Saves the folder and the allow list when they changed: settings, never anything about the notes. */
	private async remember(): Promise<void> {
		const settings = this.ctx.settings();
		const folder = this.folder.trim() === "" ? DEFAULT_SETTINGS.exportFolder : normalizePath(this.folder.trim());
		const properties = [...new Set(this.properties.split(",").map((p) => p.trim().toLowerCase()).filter((p) => p !== ""))];
		const next: AttuneSettings = { ...settings, exportFolder: folder, exportAllowedProperties: properties };
		if (folder !== settings.exportFolder || properties.join(",") !== settings.exportAllowedProperties.join(",")) await this.ctx.saveSettings(next);
	}

	private showError(message: string): void {
		this.errorEl?.setText(message);
	}
}
