/**
 * The indexer inside the obsidian double: nothing before layout-ready, then
 * the whole vault, then one note per event; excluded files and dot-folders left out.
 */
import { summarize, summaryJson } from "../../src/core/index/summary";
import { loadPlugin, makeContext } from "../helpers/harness";
import { App } from "../obsidian-double/obsidian";
import { NoteIndex } from "../../src/core/index/index";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { vocabularyFrom } from "../../src/core/vocabulary/vocabulary";
import { VaultIndexer } from "../../src/plugin/indexer";

const shame = (idx: NoteIndex) => summaryJson(summarize(idx)).emotions.find((e) => e.emotion === "shame")?.count ?? 0;

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
		expect(summaryJson(summarize(ctxOf.index)).emotions.map((e) => e.emotion)).toEqual(["shame"]);
		const first = ctxOf.saveSettings({ ...ctxOf.current, families: { ...ctxOf.current.families, emotion: "gefühl" } });
		await first;
		await new Promise((r) => setTimeout(r, 20));
		expect(summaryJson(summarize(ctxOf.index)).emotions.map((e) => e.emotion)).toEqual(["scham"]);
	});

	it("says how far it has read the vault: before layout-ready, during a build, and not after", async () => {
		const app = new App({ layoutReady: false });
		for (let i = 0; i < 3; i++) app.vault.seed(`n${i}.md`, "#emotion/shame\n");
		const indexer = new VaultIndexer(app as never, new NoteIndex(), () => vocabularyFrom(DEFAULT_SETTINGS));
		indexer.load();
		expect(indexer.reading).toEqual({ done: 0, total: 0 });
		app.workspace.setLayoutReady();
		expect(indexer.reading).toEqual({ done: 0, total: 3 });
		await indexer.ready;
		expect(indexer.reading).toBeNull();
	});

	it("a note that cannot be read is a diagnostic; the rest of the vault is still indexed", async () => {
		const app = new App({ layoutReady: true });
		app.vault.seed("a.md", "> [!supervisor] x\n#emotion/shame\n");
		app.vault.seed("b.md", "#emotion/shame\n");
		app.vault.cachedRead = () => Promise.reject(new Error("EIO: i/o error"));
		const index = new NoteIndex();
		const indexer = new VaultIndexer(app as never, index, () => vocabularyFrom(DEFAULT_SETTINGS));
		indexer.load();
		await indexer.ready;
		const s = summarize(index);
		expect(s.notes).toBe(1);
		expect(s.diagnostics).toEqual([expect.objectContaining({ path: "a.md", code: "unreadable-file" })]);
		expect(s.diagnostics[0]!.message).toContain("EIO");
	});

	it("reads a note's text only where the cache cannot answer", async () => {
		const files = {
			"plain.md": "---\nclient: C-1\n---\n#emotion/shame\n",
			"callout.md": "> [!supervisor] Stay with it\n",
			"prop-tag.md": "---\ntags: [emotion/hope]\n---\n",
			// An emotion and a move: their passages live only in the text, to count moves by class.
			"move.md": "---\nclient: C-1\n---\nShame #emotion/shame/primary-maladaptive softened #process/transforming\n\nLater #process/soothing\n",
			"move-only.md": "Only a move #process/soothing\n",
		};
		const app = new App({ layoutReady: true });
		for (const [p, t] of Object.entries(files)) app.vault.seed(p, t);
		const read: string[] = [];
		const orig = app.vault.cachedRead.bind(app.vault);
		app.vault.cachedRead = (f) => {
			read.push(f.path);
			return orig(f);
		};
		const index = new NoteIndex();
		const indexer = new VaultIndexer(app as never, index, () => vocabularyFrom(DEFAULT_SETTINGS));
		indexer.load();
		await indexer.ready;
		expect(read.sort()).toEqual(["callout.md", "move.md", "prop-tag.md"]);
		expect(index.get("prop-tag.md")?.occurrences[0]?.line).toBe(1);
		const byClass = summarize(index).movesByClass["primary-maladaptive"]!;
		expect([byClass.transforming, byClass.soothing]).toEqual([1, 0]);
	});

	it("counts every note before reading texts for moves by class, and says so while it places them", async () => {
		const app = new App({ layoutReady: true });
		app.vault.seed("a.md", "Shame #emotion/shame/primary-maladaptive softened #process/transforming\n");
		app.vault.seed("b.md", "Fear #emotion/fear/primary-adaptive, then #process/carrying-forward\n");
		app.vault.seed("c.md", "#emotion/shame\n");
		const index = new NoteIndex();
		const indexer = new VaultIndexer(app as never, index, () => vocabularyFrom(DEFAULT_SETTINGS));
		// What the sidebar would see at the first text read: every note counted, the reading said to be over, passages pending.
		let seen: { reading: unknown; placing: unknown; notes: number; emotions: number; transforming: number } | undefined;
		const orig = app.vault.cachedRead.bind(app.vault);
		app.vault.cachedRead = (f) => {
			seen ??= { reading: indexer.reading, placing: indexer.placing, notes: index.size, emotions: summaryJson(summarize(index)).emotions.reduce((n, e) => n + e.count, 0), transforming: summarize(index).movesByClass["primary-maladaptive"]!.transforming! };
			return orig(f);
		};
		indexer.load();
		await indexer.ready;
		expect(seen).toEqual({ reading: null, placing: { done: 0, total: 2 }, notes: 3, emotions: 3, transforming: 0 });
		expect(indexer.placing).toBeNull();
		expect(summarize(index).movesByClass["primary-maladaptive"]!.transforming).toBe(1);
		expect(summarize(index).movesByClass["primary-adaptive"]!["carrying-forward"]).toBe(1);
	});

	it("keeps a note edited while its passages wait as edited, not as it was counted", async () => {
		const app = new App({ layoutReady: true });
		app.vault.seed("a.md", "Shame #emotion/shame/primary-maladaptive softened #process/transforming\n");
		app.vault.seed("b.md", "Fear #emotion/fear/primary-adaptive, then #process/carrying-forward\n");
		const index = new NoteIndex();
		const indexer = new VaultIndexer(app as never, index, () => vocabularyFrom(DEFAULT_SETTINGS));
		const orig = app.vault.cachedRead.bind(app.vault);
		let edited = false;
		app.vault.cachedRead = async (f) => {
			// While the first note's passages are placed, the clinician rewrites the second.
			if (!edited) {
				edited = true;
				await app.vault.modify(app.vault.getFileByPath("b.md")!, "Anger #emotion/anger/secondary, then #process/soothing\n");
			}
			return orig(f);
		};
		indexer.load();
		await indexer.ready;
		const byClass = summarize(index).movesByClass;
		expect(byClass["primary-maladaptive"]!.transforming).toBe(1);
		expect(byClass["secondary"]!.soothing).toBe(1);
		expect(byClass["primary-adaptive"]!["carrying-forward"]).toBe(0);
		expect(shame(index)).toBe(1);
	});

	it("leaves de-identified copies in the export folder out of the clinician's own summary", async () => {
		const { ctx } = await makeContext({ "a.md": "#emotion/shame\n", "Supervision exports/Export 2026-03-16/copy.md": "#emotion/shame\n" });
		expect(summarize(ctx.index).notes).toBe(1);
	});

	it("ready waits for a rebuild under way, so nothing reads a half-filled index", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 400; i++) files[`n${i}.md`] = "#emotion/shame\n".repeat(20);
		const { ctx } = await makeContext(files);
		expect(summarize(ctx.index).notes).toBe(400);
		void ctx.saveSettings({ ...ctx.settings(), exportFolder: "Elsewhere" });
		await ctx.indexer.ready;
		expect(summarize(ctx.index).notes).toBe(400);
	});
});
