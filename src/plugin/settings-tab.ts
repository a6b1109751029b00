/**
 * Attune's settings tab: where notes go and what they are called, templates,
 * names, and the tag words. Words that Obsidian would not read as tag text
 * are refused with a message beside the field, never saved.
 */
import { type App, type Plugin, PluginSettingTab, Setting, TFile, normalizePath } from "obsidian";
import { DEFAULT_MEASURES, familyWordProblem, measureNames, parseWordList } from "../core/vocabulary/vocabulary";
import { BUILT_IN_TEMPLATES, SESSION_TEMPLATE_KEYS, TEMPLATE_KEYS } from "../core/authoring/templates";
import { type AttuneSettings } from "../core/settings";
import { MAX_DURATION_MINUTES, durationMinutes } from "../core/note/properties";
import { FAMILIES, FAMILY_LABELS, type Family, familyDef } from "../core/vocabulary/families";
import type { AttuneContext } from "./context";
import { syncReadOnly } from "./record/read-only";

type TextKey = "sessionFolder" | "sessionFileName" | "supervisionFolder" | "supervisionFileName" | "studyFolder" | "defaultModality" | "clinicianName" | "supervisorName";

/** Attune's settings tab. */
export class AttuneSettingTab extends PluginSettingTab {
	/**
	 * Tag words are saved when the field is left (or the tab closes), not per
	 * key press: each saved change of words re-reads the whole vault.
	 */
	private readonly pending = new Map<string, () => Promise<void>>();

	constructor(app: App, plugin: Plugin, private readonly ctx: AttuneContext) {
		super(app, plugin);
	}

	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		this.pending.clear();

		new Setting(containerEl).setName("Session notes").setHeading();
		this.text("Folder", "Where new session notes go. {{client}} is the client's code.", "sessionFolder", "Clients/{{client}}");
		this.text("File name", "Moment tokens in {{date:FORMAT}}, plus {{client}} and {{session}}.", "sessionFileName", "{{date:YYYY-MM-DD}} session {{session}}", true);
		new Setting(containerEl)
			.setName("Default template")
			.setDesc("The template the new-session form offers first.")
			.addDropdown((d) => {
				for (const key of SESSION_TEMPLATE_KEYS) d.addOption(key, BUILT_IN_TEMPLATES[key].label);
				d.setValue(this.ctx.settings().defaultTemplate).onChange(async (v) => this.save({ defaultTemplate: v }));
			});
		this.text("Default modality", "Filled in for a client with no earlier note, such as EFMT or CBT.", "defaultModality", "EFMT");
		this.minutes("Default duration", "Minutes the new-session form fills in as the session's duration, counted in the sidebar's hours.", "defaultSessionDuration");
		this.text("Clinician's name", "Written into new notes as the clinician.", "clinicianName", "");

		new Setting(containerEl).setName("Supervision").setHeading();
		this.text("Folder", "Where new supervision notes go.", "supervisionFolder", "Supervision");
		this.text("File name", "Moment tokens in {{date:FORMAT}}, plus {{client}}.", "supervisionFileName", "{{date:YYYY-MM-DD}} supervision {{client}}", true);
		this.text("Supervisor's name", "Signs supervisor comments and reviews.", "supervisorName", "");
		this.minutes("Default duration", "Minutes written as a new supervision note's duration, counted in the sidebar's hours.", "defaultSupervisionDuration");

		new Setting(containerEl).setName("Finalized notes").setHeading();
		new Setting(containerEl)
			.setName("Open finalized notes read-only")
			.setDesc("A finalized note shows who finalized it and when, and takes no typing except in its addenda. Off, it can be edited like any note, and verifying the finalized notes reports the change.")
			.addToggle((t) => {
				t.setValue(this.ctx.settings().readOnlyFinalized).onChange(async (on) => {
					await this.save({ readOnlyFinalized: on });
					syncReadOnly(this.ctx);
				});
			});

		new Setting(containerEl).setName("Study notes").setHeading();
		this.text("Folder", "Where the study notes for the vocabulary are created.", "studyFolder", "Study");

		new Setting(containerEl).setName("Measures").setHeading();
		this.measures();

		new Setting(containerEl).setName("Templates").setHeading();
		for (const key of TEMPLATE_KEYS) this.templatePath(key);

		new Setting(containerEl).setName("Families").setHeading();
		for (const f of FAMILIES) this.familySwitch(f);

		new Setting(containerEl).setName("Tag words").setHeading();
		// Said before anyone renames: Attune does not rewrite notes, so old tags stop counting.
		containerEl.createEl("p", {
			cls: "setting-item-description",
			text: "Renaming a word changes which tags are counted. Tags already written with the old word are not changed in your notes and stop counting until you rename them, for example with search and replace.",
		});
		for (const f of FAMILIES) this.familyWord(f);

		new Setting(containerEl).setName("Vocabulary").setHeading();
		for (const f of FAMILIES) this.extraWords(f);
	}

	hide(): void {
		void this.commitAll();
	}

	/** Saves every change still waiting (the tab is closing). */
	async commitAll(): Promise<void> {
		const waiting = [...this.pending.values()];
		this.pending.clear();
		for (const commit of waiting) await commit();
	}

	private async save(patch: Partial<AttuneSettings>): Promise<void> {
		await this.ctx.saveSettings({ ...this.ctx.settings(), ...patch });
	}

	/** A message element beside a setting's field, for what cannot be saved. */
	private errorEl(setting: Setting): HTMLElement {
		return setting.infoEl.createDiv({ cls: "attune-setting-error", attr: { role: "alert", "aria-live": "polite" } });
	}

	private text(name: string, desc: string, key: TextKey, placeholder: string, required = false): void {
		const setting = new Setting(this.containerEl).setName(name).setDesc(desc);
		const error = this.errorEl(setting);
		setting.addText((t) => {
			t.setPlaceholder(placeholder)
				.setValue(this.ctx.settings()[key])
				.onChange(async (v) => {
					if (required && v.trim() === "") {
						error.setText(`Write a pattern, such as ${placeholder}.`);
						return;
					}
					error.setText("");
					await this.save({ [key]: v.trim() });
				});
		});
	}

	/** A number of minutes; a value that is no duration is refused beside the field, never saved. */
	private minutes(name: string, desc: string, key: "defaultSessionDuration" | "defaultSupervisionDuration"): void {
		const setting = new Setting(this.containerEl).setName(name).setDesc(desc);
		const error = this.errorEl(setting);
		setting.addText((t) => {
			t.inputEl.type = "number";
			t.setPlaceholder("50")
				.setValue(String(this.ctx.settings()[key]))
				.onChange(async (v) => {
					const n = durationMinutes(v);
					if (n === undefined) {
						error.setText(`Write a number of minutes from 0 to ${MAX_DURATION_MINUTES}, such as 50.`);
						return;
					}
					error.setText("");
					await this.save({ [key]: n });
				});
		});
	}

	private templatePath(key: (typeof TEMPLATE_KEYS)[number]): void {
		const setting = new Setting(this.containerEl)
			.setName(`${BUILT_IN_TEMPLATES[key].label} template`)
			.setDesc("A note in the vault that replaces the built-in template. Leave empty for the built-in one.");
		const note = this.errorEl(setting);
		const check = (v: string) => {
			const p = v.trim();
			const found = p === "" || [normalizePath(p), normalizePath(`${p}.md`)].some((x) => this.app.vault.getAbstractFileByPath(x) instanceof TFile);
			note.setText(found ? "" : "No note at this path yet: the built-in template is used until there is one.");
		};
		setting.addText((t) => {
			const current = this.ctx.settings().templatePaths[key] ?? "";
			t.setPlaceholder("Templates/Session.md").setValue(current).onChange(async (v) => {
				check(v);
				const paths = { ...this.ctx.settings().templatePaths };
				if (v.trim() === "") delete paths[key];
				else paths[key] = v.trim();
				await this.save({ templatePaths: paths });
			});
			check(current);
		});
	}

	/** Saves the change waiting under an id, if any (the field was left). */
	private async commit(id: string): Promise<void> {
		const fn = this.pending.get(id);
		if (!fn) return;
		this.pending.delete(id);
		await fn();
	}

	/** Saves a deferred field's change when it is left: on blur or Enter, which fire `change`. */
	private commitOnLeave(id: string, input: HTMLInputElement): void {
		input.addEventListener("change", () => void this.commit(id));
	}

	/**
	 * The numeric properties drawn per session: saved when the field is left,
	 * since a change re-reads the vault. Emptied, the six ratings come back.
	 */
	private measures(): void {
		const setting = new Setting(this.containerEl)
			.setName("Measures across sessions")
			.setDesc("Number properties drawn per session in the sidebar, under the bars across sessions, each on its own scale; separate them with commas. The supervisor's ratings, or a measure's total such as phq-9 or gad-7. A value that is not a number is listed as needing attention, never drawn as 0.");
		setting.addText((t) => {
			t.setPlaceholder(DEFAULT_MEASURES.join(", ")).setValue(this.ctx.settings().measures.join(", ")).onChange((v) => {
				const names = measureNames(v.split(","));
				this.pending.set("measures", () => this.save({ measures: names.length > 0 ? names : [...DEFAULT_MEASURES] }));
			});
			this.commitOnLeave("measures", t.inputEl);
		});
	}

	/** A family switched off is not offered, not counted and not shown; its tags stay ordinary tags. */
	private familySwitch(family: Family): void {
		new Setting(this.containerEl)
			.setName(`Use ${FAMILY_LABELS[family].toLowerCase()} tags`)
			.setDesc(`Code, count and show #${this.ctx.settings().families[family]}/… tags. Switched off, they are ordinary Obsidian tags and the notes are not changed.`)
			.addToggle((t) => {
				t.setValue(!this.ctx.settings().switchedOff.includes(family)).onChange(async (on) => {
					const off = new Set(this.ctx.settings().switchedOff);
					if (on) off.delete(family);
					else off.add(family);
					await this.save({ switchedOff: FAMILIES.filter((f) => off.has(f)) });
				});
			});
	}

	private familyWord(family: Family): void {
		const setting = new Setting(this.containerEl)
			.setName(FAMILY_LABELS[family])
			.setDesc(`The word for this family in tags, as in #${this.ctx.settings().families[family]}/…`);
		const error = this.errorEl(setting);
		setting.addText((t) => {
			t.setPlaceholder(family).setValue(this.ctx.settings().families[family]).onChange((v) => {
				const problem = familyWordProblem(v, family, this.ctx.settings().families);
				error.setText(problem ?? "");
				this.pending.delete(`family-${family}`);
				if (problem !== null) return;
				const word = v.trim();
				if (word === this.ctx.settings().families[family]) return;
				this.pending.set(`family-${family}`, () => this.save({ families: { ...this.ctx.settings().families, [family]: word } }));
			});
			this.commitOnLeave(`family-${family}`, t.inputEl);
		});
	}

	private extraWords(family: Family): void {
		const def = familyDef(family);
		const setting = new Setting(this.containerEl)
			.setName(`${def.label} words`)
			.setDesc(`Words added to ${def.shippedWords}, separated by commas.${def.qualifier ? ` ${def.qualifier.fixed}` : ""}`);
		const error = this.errorEl(setting);
		setting.addText((t) => {
			t.setPlaceholder("Comma-separated words").setValue(this.ctx.settings().extraWords[family].join(", ")).onChange((v) => {
				const parsed = parseWordList(v);
				this.pending.delete(`words-${family}`);
				if ("error" in parsed) {
					error.setText(parsed.error);
					return;
				}
				error.setText("");
				this.pending.set(`words-${family}`, () => this.save({ extraWords: { ...this.ctx.settings().extraWords, [family]: parsed.words } }));
			});
			this.commitOnLeave(`words-${family}`, t.inputEl);
		});
	}
}
