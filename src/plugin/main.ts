/**
 * Attune's composition root: load settings, build the services, register the
 * features. No vault-wide work happens here; the indexer waits for layout-ready.
 */
import { Notice, Plugin, normalizePath } from "obsidian";
import { NoteIndex } from "../core/index/index";
import { type AttuneSettings, changeRereadsVault, migrateSettings } from "../core/settings";
import { type Vocabulary, vocabularyFrom } from "../core/vocabulary/vocabulary";
import type { AttuneContext } from "./context";
import { VaultIndexer } from "./indexer";
import { registerAuthoring } from "./authoring/register";
import { registerSummaryView } from "./view/register";
import { registerExport } from "./export/register";
import { registerSupport } from "./support/register";
import { registerRecord } from "./record/register";
import { RecordWatch } from "./record/watch";
import { syncReadOnly } from "./record/read-only";
import { registerTraining } from "./training/register";
import { AttuneSettingTab } from "./settings-tab";
import { FRAME_BUDGET_MS, FrameBudget } from "./slice-scheduler";

export default class AttunePlugin extends Plugin {
	private current!: AttuneSettings;
	private vocab!: Vocabulary;
	private readonly index = new NoteIndex();
	private indexer!: VaultIndexer;
	/** The services the features were given; kept so that settings from another device reach them. */
	private ctx: AttuneContext | undefined;

	/**
	 * data.json exists but could not be read or parsed (not yet synced, briefly
	 * unavailable, corrupt): the defaults are in force in memory only, and
	 * nothing is saved until the user changes a setting, so the saved settings
	 * are never replaced by defaults behind their back.
	 */
	private unreadable = false;
	/** The copy of unreadable data.json being made before the first save replaces it. */
	private backup: Promise<void> | null = null;

	async onload(): Promise<void> {
		const loaded = await this.readSettings();
		this.unreadable = loaded === null;
		this.apply(loaded ?? migrateSettings(null));
		if (this.unreadable) new Notice("Attune could not read its saved settings, so it is using the defaults for now. Nothing will be saved until you change a setting.", 0);
		// One budget a turn for all background work: the first build and the walk over finalized notes run at the same time.
		const background = new FrameBudget({ budgetMs: FRAME_BUDGET_MS });
		this.indexer = this.addChild(new VaultIndexer(this.app, this.index, () => this.vocab, () => this.current.exportFolder, background));
		const ctx: AttuneContext = (this.ctx = {
			app: this.app,
			plugin: this,
			index: this.index,
			indexer: this.indexer,
			records: this.addChild(new RecordWatch(this.app, background)),
			settings: () => this.current,
			vocab: () => this.vocab,
			saveSettings: (next, how) => this.saveSettings(next, how),
			now: () => new Date(),
		});
		registerAuthoring(ctx);
		registerSummaryView(ctx);
		registerExport(ctx);
		registerSupport(ctx);
		registerRecord(ctx);
		registerTraining(ctx);
		this.addSettingTab(new AttuneSettingTab(this.app, this, ctx));
	}

	/** Synced vaults: another device saved settings. Unreadable data leaves the settings in force as they are. */
	async onExternalSettingsChange(): Promise<void> {
		const loaded = await this.readSettings();
		if (loaded === null) return;
		this.unreadable = false;
		this.apply(loaded);
		// The editor extension is in or out of every open editor as the synced setting says.
		if (this.ctx) syncReadOnly(this.ctx);
	}

	private async saveSettings(next: AttuneSettings, how: { incidental?: boolean } = {}): Promise<void> {
		// Applied (and any rebuild started) before the save is awaited, so that `indexer.ready` covers it at once.
		this.apply(next);
		if (this.unreadable) {
			// A sidebar choice is not the user changing a setting: it must not replace data that could not be read.
			if (how.incidental) return;
			this.backup ??= this.keepUnreadable();
			try {
				await this.backup;
			} catch {
				this.backup = null;
				new Notice("Attune could not keep a copy of its saved settings, so your change was not saved.");
				return;
			}
			this.unreadable = false;
			this.backup = null;
		}
		await this.saveData(this.current);
	}

	/** The saved settings, migrated; null when data.json exists but cannot be read or parsed. Defaults when there is none. */
	private async readSettings(): Promise<AttuneSettings | null> {
		let raw: unknown;
		try {
			raw = await this.loadData();
		} catch {
			return null;
		}
		if (raw === null || raw === undefined) return (await this.app.vault.adapter.exists(this.dataPath())) ? null : migrateSettings(raw);
		return migrateSettings(raw);
	}

	/** Copies data.json, as it is on disk, to the first free `data.json.bak`, `data.json.1.bak`, ... beside it. */
	private async keepUnreadable(): Promise<void> {
		const adapter = this.app.vault.adapter;
		const path = this.dataPath();
		if (!(await adapter.exists(path))) return;
		const text = await adapter.read(path);
		const base = path.replace(/\.json$/, "");
		for (let n = 0; ; n++) {
			const copy = n === 0 ? `${base}.json.bak` : `${base}.json.${n}.bak`;
			if (await adapter.exists(copy)) continue;
			await adapter.write(copy, text);
			return;
		}
	}

	private dataPath(): string {
		// Obsidian sets `manifest.dir`; the fallback is the same folder.
		return normalizePath(`${this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`}/data.json`);
	}

	/** Puts settings in force; the vault is re-read when they change what is counted. */
	private apply(settings: AttuneSettings): void {
		const before = this.current;
		this.current = settings;
		this.vocab = vocabularyFrom(settings);
		// `this.indexer` does not exist yet during onload's first apply.
		if (this.indexer && changeRereadsVault(before, settings)) void this.indexer.rebuild();
	}
}
