/**
 * What feature modules receive from the plugin: the services, never the
 * plugin's views. Keeps `main.ts` a composition root and the features testable.
 */
import type { App, Plugin } from "obsidian";
import type { NoteIndex } from "../core/index/index";
import type { AttuneSettings } from "../core/settings";
import type { Vocabulary } from "../core/vocabulary/vocabulary";
import type { VaultIndexer } from "./indexer";
import type { RecordWatch } from "./record/watch";

/** The services a feature module works with. */
export interface AttuneContext {
	app: App;
	/** The plugin, for registering commands, views and events that die with it. */
	plugin: Plugin;
	index: NoteIndex;
	indexer: VaultIndexer;
	/** The verify status of every finalized note, kept current after layout-ready. */
	records: RecordWatch;
	/** The settings in force (a fresh object after each save). */
	settings(): AttuneSettings;
	/** The vocabulary in force. */
	vocab(): Vocabulary;
	/**
	 * Saves settings; re-reads the vault when the tag words changed. `incidental`
	 * marks a save the user did not ask for as a change of setting (the sidebar
	 * remembering its scope): it is applied but not written while saved settings
	 * that could not be read are being kept.
	 */
	saveSettings(next: AttuneSettings, how?: { incidental?: boolean }): Promise<void>;
	/** The current time; tests pin it. */
	now(): Date;
}
