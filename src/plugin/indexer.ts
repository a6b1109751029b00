/**
 * Keeps the core's index current inside Obsidian. Nothing happens until the
 * layout is ready; then every note is read once, a slice at a time, and after
 * that one note per metadata or vault event.
 */
import { Component, type App, type CachedMetadata, TFile, type TAbstractFile, parseYaml } from "obsidian";
import { compileExcludes, inFolder, inHiddenFolder, type ExcludeMatcher } from "../core/vault-paths";
import type { NoteIndex } from "../core/index/index";
import { type NoteRecord, hasPropertyTags, interpretNote, needsPassages, placePassages, unreadableRecord, withPassagesPlaced } from "../core/note/note";
import type { Vocabulary } from "../core/vocabulary/vocabulary";
import { bodyStartOf, bodyTagsOf, factsFromCache, textNeeded } from "./cache-facts";
import { FRAME_BUDGET_MS, FrameBudget } from "./slice-scheduler";

/** How the first build reads a note: counted now, its passages placed after every note is counted. */
const DEFER_PASSAGES = { deferPassages: true } as const;

/** Obsidian's YAML parser, as the core's reader of properties that the cache could not give. */
const readYaml = (y: string): unknown => parseYaml(y) as unknown;

/** The indexer: a Component, so every event it registers dies with it. */
export class VaultIndexer extends Component {
	private excluded: ExcludeMatcher = () => false;
	/** The build under way, if any. */
	private building: Promise<void> | null = null;
	/** A rebuild was asked for while one ran (settings changed mid-build): run again after. */
	private again = false;
	/** How far a build of the whole vault has come; null when none is under way. */
	private progress: { done: number; total: number } | null = null;
	/** Resolves when the first full build is done (pending until layout-ready). */
	private readonly firstBuild: Promise<void>;
	private firstDone!: () => void;
	/** Resolves when the first build has counted every note (its passages may still be placed after). */
	readonly counted: Promise<void>;
	private countedDone!: () => void;

	constructor(
		private readonly app: App,
		private readonly index: NoteIndex,
		private readonly vocab: () => Vocabulary,
		/** De-identified copies are for the supervisor's vault; counting them here would count every note twice. */
		private readonly exportFolder: () => string = () => "",
		/** Cuts a build into slices, within the budget all of Attune's background work shares; tests pass one with their own clock and tick. */
		private readonly budget: FrameBudget = new FrameBudget({ budgetMs: FRAME_BUDGET_MS }),
	) {
		super();
		this.firstBuild = new Promise((r) => (this.firstDone = r));
		this.counted = new Promise((r) => (this.countedDone = r));
	}

	/**
	 * Resolves when the index is complete: after the first build, and after any
	 * rebuild under way (a settings change clears the index and refills it).
	 * Whatever reads the whole index awaits it each time.
	 */
	get ready(): Promise<void> {
		return this.building ?? this.firstBuild;
	}

	/**
	 * While the vault is being read (before the first build is complete, or
	 * after a settings change cleared the index): how many notes of how many.
	 * The index then holds only part of the vault, and its totals are partial.
	 */
	get reading(): { done: number; total: number } | null {
		if (this.progress) return { ...this.progress };
		return this.started ? null : { done: 0, total: 0 };
	}

	/** Whether a build has begun (layout-ready came). */
	private started = false;

	/**
	 * Notes whose passages wait for their text (an emotion and a move in one
	 * note; "What was done with each class"), read after every note is
	 * counted so that the first numbers do not wait for note bodies.
	 */
	private pendingPassages: { file: TFile; rec: NoteRecord }[] = [];
	/** While those passages are placed: how many notes of how many; null otherwise. */
	private placingProgress: { done: number; total: number } | null = null;

	/** While passages are being placed after a build: how many notes of how many. Every other count is complete. */
	get placing(): { done: number; total: number } | null {
		return this.placingProgress ? { ...this.placingProgress } : null;
	}

	onload(): void {
		this.app.workspace.onLayoutReady(() => {
			this.registerEvent(this.app.metadataCache.on("changed", (file, _data, cache) => void this.update(file, cache)));
			this.registerEvent(this.app.vault.on("delete", (file) => this.index.remove(file.path)));
			this.registerEvent(this.app.vault.on("rename", (file, oldPath) => void this.renamed(file, oldPath)));
			void this.rebuild();
		});
	}

	/** Reads the whole vault again (after a settings change), one slice at a time. */
	rebuild(): Promise<void> {
		if (this.building) {
			this.again = true;
			return this.building;
		}
		const run = (async () => {
			try {
				do {
					this.again = false;
					await this.buildOnce();
				} while (this.again);
			} finally {
				this.building = null;
				this.progress = null;
				this.countedDone();
				this.firstDone();
			}
		})();
		this.building = run;
		return run;
	}

	private async buildOnce(): Promise<void> {
		// Taken first, so that asking for every note counts against the turn's budget.
		const slices = this.budget.slices();
		try {
			this.excluded = this.readExcludes();
			const files = this.app.vault.getMarkdownFiles();
			this.started = true;
			const progress = { done: 0, total: files.length };
			this.progress = progress;
			this.index.clear();
			this.pendingPassages = [];
			// Asking for every note is a unit of its own: at 50,000 notes it took 5 to 15 ms in the test double.
			const begun = slices.due();
			if (begun) await begun;
			for (const file of files) {
				await this.update(file, this.app.metadataCache.getFileCache(file), undefined, DEFER_PASSAGES);
				progress.done++;
				const pause = slices.due();
				if (pause) await pause;
			}
			// Every note is counted: the sidebar shows its numbers, and only the passages of moves by class are still to come.
			this.progress = null;
			this.countedDone();
			const pending = this.pendingPassages;
			this.pendingPassages = [];
			this.placingProgress = { done: 0, total: pending.length };
			for (const { file, rec } of pending) {
				await this.placeCounted(file, rec);
				this.placingProgress.done++;
				const pause = slices.due();
				if (pause) await pause;
			}
		} finally {
			this.placingProgress = null;
			slices.close();
		}
	}

	/**
	 * Places the passages of a note counted during the build, from its text,
	 * without interpreting the note again: its record as counted gets its moves
	 * by class. A note changed or gone since is left alone (its own event
	 * re-read it, passages and all).
	 */
	private async placeCounted(file: TFile, counted: NoteRecord): Promise<void> {
		if (this.app.vault.getAbstractFileByPath(file.path) !== file || this.index.get(file.path) !== counted) return;
		const cache = this.app.metadataCache.getFileCache(file);
		try {
			const text = await this.app.vault.cachedRead(file);
			// Changed while it was read: its own event brings it.
			if (this.index.get(file.path) !== counted) return;
			// A record of its own, with counts of its own: the index takes the old one's counts out as it puts the new one in.
			this.index.set(withPassagesPlaced(counted, bodyTagsOf(cache), text, bodyStartOf(cache), this.vocab()));
		} catch {
			// Counted from the cache, but its text cannot be read now: read again as any note, which says so.
			await this.update(file, cache);
		}
	}

	/** Whether a path is in the vault's excluded files (Settings, Files and links), for wording. */
	userExcluded(path: string): boolean {
		return this.excluded(path);
	}

	/** Whether a path is summarized at all. */
	includes(path: string): boolean {
		return path.toLowerCase().endsWith(".md") && !inHiddenFolder(path) && !this.excluded(path) && !inFolder(path, this.exportFolder());
	}

	/**
	 * Re-reads one note into the index. Never throws: a note that cannot be read
	 * becomes a diagnostic, and the rest of the vault is still indexed.
	 */
	async update(file: TFile, cache: CachedMetadata | null, oldPath?: string, opts: { deferPassages?: boolean } = {}): Promise<void> {
		if (!this.includes(file.path)) {
			// Moved out of what is summarized (into an excluded or export folder): it goes.
			if (oldPath !== undefined) this.index.remove(oldPath);
			this.index.remove(file.path);
			return;
		}
		try {
			let text = textNeeded(cache) ? await this.app.vault.cachedRead(file) : null;
			const facts = factsFromCache(file.path, cache, text, readYaml);
			let rec = interpretNote(facts, this.vocab());
			// The line of a property tag or a bad property lives only in the text:
			// read it for those notes alone, not for every note with properties.
			const needsLines = rec.diagnostics.some((d) => d.code === "bad-property") || hasPropertyTags(rec);
			if (text === null && needsLines) {
				text = await this.app.vault.cachedRead(file);
				rec = interpretNote(factsFromCache(file.path, cache, text, readYaml), this.vocab());
			} else if (text === null && needsPassages(rec) && opts.deferPassages) {
				// During a build: counted now, its passages placed once every note is counted.
				this.pendingPassages.push({ file, rec });
			} else if (text === null && needsPassages(rec)) {
				// So do the passages that count moves by class, for notes holding both an
				// emotion and a move: placed from the text, without reading the note again.
				placePassages(rec, facts.tags, await this.app.vault.cachedRead(file), bodyStartOf(cache), this.vocab());
			}
			// The note may have gone while it was read (deleted or renamed).
			if (this.gone(file, oldPath)) return;
			this.put(rec, oldPath);
		} catch (e) {
			if (this.gone(file, oldPath)) return;
			this.put(unreadableRecord(file.path, e instanceof Error ? e.message : String(e)), oldPath);
		}
	}

	/**
	 * Whether a note went while it was read (deleted, or renamed again). Its
	 * record before a rename goes too: later events bring whatever is left.
	 */
	private gone(file: TFile, oldPath: string | undefined): boolean {
		if (this.app.vault.getAbstractFileByPath(file.path) === file) return false;
		if (oldPath !== undefined) this.index.remove(oldPath);
		return true;
	}

	/** Puts a record in the index; after a rename, as one change naming both paths. */
	private put(rec: NoteRecord, oldPath: string | undefined): void {
		if (oldPath === undefined) this.index.set(rec);
		else this.index.rename(oldPath, rec);
	}

	private async renamed(file: TAbstractFile, oldPath: string): Promise<void> {
		if (!(file instanceof TFile)) {
			// A folder moved: its notes arrive as their own rename events.
			return;
		}
		await this.update(file, this.app.metadataCache.getFileCache(file), oldPath);
	}

	private readExcludes(): ExcludeMatcher {
		// `userIgnoreFilters` is not in the public typings; read it defensively.
		const vault = this.app.vault as unknown as { getConfig?: (key: string) => unknown };
		return compileExcludes(vault.getConfig?.("userIgnoreFilters"));
	}
}
