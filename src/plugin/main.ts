/**
 * Attune's composition root: load settings, build the services, register the
 * features. No vault-wide work happens here; the indexer waits for layout-ready.
 */
import { Plugin } from "obsidian";
import { NoteIndex } from "../core/index/index";
import { type AttuneSettings, changeRereadsVault, migrateSettings } from "../core/settings";
import { type Vocabulary, vocabularyFrom } from "../core/vocabulary/vocabulary";
import type { AttuneContext } from "./context";
import { VaultIndexer } from "./indexer";
import { registerAuthoring } from "./authoring/register";
import { registerSummaryView } from "./view/register";
import { registerExport } from "./export/register";
import { AttuneSettingTab } from "./settings-tab";

export default class AttunePlugin extends Plugin {
	private current!: AttuneSettings;
	private vocab!: Vocabulary;
	private readonly index = new NoteIndex();
	private indexer!: VaultIndexer;

	async onload(): Promise<void> {
		this.apply(migrateSettings(await this.loadData()));
		this.indexer = this.addChild(new VaultIndexer(this.app, this.index, () => this.vocab, () => this.current.exportFolder));
		const ctx: AttuneContext = {
			app: this.app,
			plugin: this,
			index: this.index,
			indexer: this.indexer,
			settings: () => this.current,
			vocab: () => this.vocab,
			saveSettings: (next) => this.saveSettings(next),
			now: () => new Date(),
		};
		registerAuthoring(ctx);
		registerSummaryView(ctx);
		registerExport(ctx);
		this.addSettingTab(new AttuneSettingTab(this.app, this, ctx));
	}

	/** Synced vaults: another device saved settings. */
	async onExternalSettingsChange(): Promise<void> {
		this.apply(migrateSettings(await this.loadData()));
	}

	private async saveSettings(next: AttuneSettings): Promise<void> {
		// Applied (and any rebuild started) before the save is awaited, so that `indexer.ready` covers it at once.
		this.apply(next);
		await this.saveData(this.current);
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
