/**
 * Builds Attune inside the `obsidian` test double: a vault seeded with notes,
 * the plugin loaded as Obsidian loads it, and the services feature tests need.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { App, Plugin, type PluginManifest } from "../obsidian-double/obsidian";
import AttunePlugin from "../../src/plugin/main";
import { NoteIndex } from "../../src/core/index/index";
import { type AttuneSettings, changeRereadsVault, migrateSettings } from "../../src/core/settings";
import { vocabularyFrom } from "../../src/core/vocabulary/vocabulary";
import type { AttuneContext } from "../../src/plugin/context";
import { VaultIndexer } from "../../src/plugin/indexer";
import { RecordWatch } from "../../src/plugin/record/watch";

export const MANIFEST: PluginManifest = JSON.parse(fs.readFileSync(path.join(__dirname, "../../manifest.json"), "utf8")) as PluginManifest;

/** The example vault's notes, as vault path to text (the config folder and excluded files are left to the caller). */
export function exampleVaultFiles(): Record<string, string> {
	const root = path.join(__dirname, "../../example-vault");
	const out: Record<string, string> = {};
	const walk = (dir: string, rel: string) => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			if (e.name.startsWith(".")) continue;
			const r = rel ? `${rel}/${e.name}` : e.name;
			if (e.isDirectory()) walk(path.join(dir, e.name), r);
			else if (e.name.endsWith(".md")) out[r] = fs.readFileSync(path.join(dir, e.name), "utf8");
		}
	};
	walk(root, "");
	return out;
}

/** An app whose vault holds the given files. */
export function makeApp(files: Record<string, string>, opts: { layoutReady?: boolean; config?: Record<string, unknown> } = {}): App {
	const app = new App({ layoutReady: opts.layoutReady ?? true });
	for (const [p, t] of Object.entries(files)) app.vault.seed(p, t);
	if (opts.config) app.vault.config = opts.config;
	return app;
}

/**
 * Loads the whole plugin as Obsidian would, and waits for the first index build.
 * data.json is seeded from `data` (as JSON) or `dataText` (exact text);
 * `dataUnavailableOnce` makes the first `loadData` return null although it exists.
 */
export async function loadPlugin(files: Record<string, string>, opts: { layoutReady?: boolean; config?: Record<string, unknown>; data?: unknown; dataText?: string; dataUnavailableOnce?: boolean } = {}): Promise<{ app: App; plugin: AttunePlugin }> {
	const app = makeApp(files, opts);
	// Obsidian sets `dir` to the plugin's folder in the config folder.
	const plugin = new AttunePlugin(app as never, { ...MANIFEST, dir: `${app.vault.configDir}/plugins/${MANIFEST.id}` });
	const double = plugin as unknown as Plugin;
	if (opts.data !== undefined) double._setData(opts.data);
	if (opts.dataText !== undefined) double._setDataText(opts.dataText);
	if (opts.dataUnavailableOnce) double._loadDataReturnsNullOnce();
	await double.load();
	return { app, plugin };
}

/**
 * A feature context without the plugin class: a plain Plugin, a fresh index
 * and indexer (built from the vault), settings held in memory, a pinned clock.
 */
export async function makeContext(files: Record<string, string>, opts: { settings?: Partial<AttuneSettings>; now?: Date; config?: Record<string, unknown> } = {}): Promise<{ app: App; plugin: Plugin; ctx: AttuneContext; saved: AttuneSettings[] }> {
	const app = makeApp(files, { config: opts.config });
	const plugin = new Plugin(app, MANIFEST);
	await plugin.load();
	let settings = migrateSettings(opts.settings ?? {});
	let vocab = vocabularyFrom(settings);
	const index = new NoteIndex();
	const indexer = new VaultIndexer(app as never, index, () => vocab, () => settings.exportFolder);
	plugin.addChild(indexer as never);
	const records = new RecordWatch(app as never);
	plugin.addChild(records as never);
	await indexer.ready;
	const saved: AttuneSettings[] = [];
	const ctx: AttuneContext = {
		app: app as never,
		plugin: plugin as never,
		index,
		indexer,
		records,
		settings: () => settings,
		vocab: () => vocab,
		// As main.ts does: a change of tag words or export folder re-reads the vault.
		saveSettings: async (next) => {
			const rebuild = changeRereadsVault(settings, next);
			settings = next;
			vocab = vocabularyFrom(next);
			saved.push(next);
			if (rebuild) void indexer.rebuild();
			await plugin.saveData(next);
		},
		// A wall-clock time in the machine's own time zone: the code works in local
		// dates, so a UTC instant would be another day in Honolulu or Auckland.
		now: () => opts.now ?? new Date(2026, 2, 16, 9, 30),
	};
	return { app, plugin, ctx, saved };
}
