/**
 * The indexer inside the obsidian double: nothing before layout-ready, then
 * the whole vault, then one note per event; excluded files and dot-folders left out.
 */
import { summarize } from "../../src/core/summary";
import { loadPlugin, makeContext } from "../helpers/harness";
import { App } from "../obsidian-double/obsidian";
import { NoteIndex } from "../../src/core/index";
import { DEFAULT_SETTINGS, vocabularyFrom } from "../../src/core/vocabulary";
import { VaultIndexer } from "../../src/plugin/indexer";

const shame = (idx: NoteIndex) => summarize(idx).emotions.find((e) => e.emotion === "shame")?.count ?? 0;

describe("VaultIndexer", () => {
	it("does no vault-wide work until the layout is ready", async () => {
		const app = new App({ layoutReady: false });
		app.vault.seed("a.md", "#emotion/shame\n");
		let reads = 0;
		const orig = app.metadataCache.getFileCache.bind(app.metadataCache);
		app.metadataCache.getFileCache = (f) => {
			reads++;
			return orig(f);
		};
		const index = new NoteIndex();
		const indexer = new VaultIndexer(app as never, index, () => vocabularyFrom(DEFAULT_SETTINGS));
		indexer.load();
		expect(reads).toBe(0);
		expect(index.size).toBe(0);
		app.workspace.setLayoutReady();
		await indexer.ready;
		expect(reads).toBe(1);
		expect(shame(index)).toBe(1);
	});

	it("follows changes, renames and deletions one note at a time", async () => {
		const { app, ctx } = await makeContext({ "a.md": "#emotion/shame\n", "b.md": "#emotion/shame #emotion/shame\n" });
		expect(shame(ctx.index)).toBe(3);
		await app.vault.process(app.vault.getFileByPath("a.md")!, () => "#emotion/sadness/primary-adaptive\n");
		await new Promise((r) => setTimeout(r, 0));
		expect(shame(ctx.index)).toBe(2);
		await app.vault.rename(app.vault.getFileByPath("b.md")!, "Clients/b.md");
		await new Promise((r) => setTimeout(r, 0));
		expect(ctx.index.get("b.md")).toBeUndefined();
		expect(ctx.index.get("Clients/b.md")?.occurrences).toHaveLength(2);
		await app.vault.delete(app.vault.getFileByPath("Clients/b.md")!);
		expect(shame(ctx.index)).toBe(0);
		expect(summarize(ctx.index).notes).toBe(1);
	});

	it("leaves out excluded files and dot-folders, as Obsidian's settings say", async () => {
		const { ctx } = await makeContext(
			{ "a.md": "#emotion/shame\n", "Archive/old.md": "#emotion/shame\n", ".trash/x.md": "#emotion/shame\n", "data.csv": "#emotion/shame" },
			{ config: { userIgnoreFilters: ["Archive/"] } },
		);
		expect(summarize(ctx.index).notes).toBe(1);
	});

	it("re-reads the vault when the tag words change, even mid-build", async () => {
		const { plugin } = await loadPlugin({ "a.md": "#gefühl/scham #emotion/shame\n" });
		const ctxOf = plugin as unknown as { index: NoteIndex; indexer: VaultIndexer; saveSettings: (s: unknown) => Promise<void>; current: typeof DEFAULT_SETTINGS };
		await ctxOf.indexer.ready;
		expect(summarize(ctxOf.index).emotions.map((e) => e.emotion)).toEqual(["shame"]);
		const first = ctxOf.saveSettings({ ...ctxOf.current, families: { ...ctxOf.current.families, emotion: "gefühl" } });
		await first;
		await new Promise((r) => setTimeout(r, 20));
		expect(summarize(ctxOf.index).emotions.map((e) => e.emotion)).toEqual(["scham"]);
	});
});
