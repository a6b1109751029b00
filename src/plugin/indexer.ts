/**
 * Keeps the core's index current inside Obsidian. Nothing happens until the
 * layout is ready; then every note is read once, a slice at a time, and after
 * that one note per metadata or vault event.
 */
import { Component, type App, type CachedMetadata, TFile, type TAbstractFile, parseYaml } from "obsidian";
import { compileExcludes, inFolder, inHiddenFolder, type ExcludeMatcher } from "../core/vault-paths";
import type { NoteIndex } from "../core/index/index";
import { type NoteRecord, interpretNote, needsPassages, placePassages, unreadableRecord } from "../core/note/note";
import type { Vocabulary } from "../core/vocabulary/vocabulary";
import { bodyStartOf, factsFromCache, textNeeded } from "./cache-facts";
import { SliceScheduler } from "./slice-scheduler";

/**
 * How long one slice of the initial build may run before yielding to the UI
 * (ms): half a 16 ms frame, so that one slow note past the budget still ends
 * the slice within the frame.
 */
const SLICE_MS = 8;

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

	constructor(
		private readonly app: App,
		private readonly index: NoteIndex,
		private readonly vocab: () => Vocabulary,
		/** De-identified copies are for the supervisor's vault; counting them here would count every note twice. */
		private readonly exportFolder: () => string = () => "",
		/** Cuts a build into slices; tests pass one with their own clock and tick. */
		private readonly slices: () => SliceScheduler = () => new SliceScheduler({ budgetMs: SLICE_MS }),
	) {
		super();
		this.firstBuild = new Promise((r) => (this.firstDone = r));
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
				this.firstDone();
			}
		})();
		this.building = run;
		return run;
	}

	private async buildOnce(): Promise<void> {
		this.excluded = this.readExcludes();
		const files = this.app.vault.getMarkdownFiles();
		this.started = true;
		const progress = { done: 0, total: files.length };
		this.progress = progress;
		this.index.clear();
		const slices = this.slices();
		try {
			for (const file of files) {
				await this.update(file, this.app.metadataCache.getFileCache(file));
				progress.done++;
				const pause = slices.due();
				if (pause) await pause;
			}
		} finally {
			slices.close();
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
	async update(file: TFile, cache: CachedMetadata | null, oldPath?: string): Promise<void> {
		if (!this.includes(file.path)) {
			// Moved out of what is summarized (into an excluded or export folder): it goes.
			if (oldPath !== undefined) this.index.remove(oldPath);
			this.index.remove(file.path);
			return;
		}
		try {
			const read = (y: string) => parseYaml(y) as unknown;
			let text = textNeeded(cache) ? await this.app.vault.cachedRead(file) : null;
			const facts = factsFromCache(file.path, cache, text, read);
			let rec = interpretNote(facts, this.vocab());
			// The line of a property tag or a bad property lives only in the text:
			// read it for those notes alone, not for every note with properties.
			const needsLines = rec.diagnostics.some((d) => d.code === "bad-property") || rec.occurrences.some((o) => o.inProperties);
			if (text === null && needsLines) {
				text = await this.app.vault.cachedRead(file);
				rec = interpretNote(factsFromCache(file.path, cache, text, read), this.vocab());
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
