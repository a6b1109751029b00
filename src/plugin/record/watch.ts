/**
 * Keeps the verify status of every finalized note, for the sidebar's "Needs
 * attention". A hash needs the note's text, so nothing is read at start-up:
 * after layout-ready the finalized notes (known from Obsidian's metadata
 * cache, without reading a body) are verified one at a time, yielding to the
 * app between notes, and after that a note again each time it changes.
 */
import { type App, Component, TFile } from "obsidian";
import { type VerifyRow, isChanged, isFinalized, recordFields } from "../../core/record/verify";
import { FRAME_BUDGET_MS, FrameBudget } from "../slice-scheduler";
import { verifyText } from "./verify";

/** The finalized notes' statuses, kept current. A Component: its events die with the plugin. */
export class RecordWatch extends Component {
	private readonly rows = new Map<string, VerifyRow>();
	private readonly queue = new Set<string>();
	private running: Promise<void> | null = null;
	private readonly listeners = new Set<() => void>();
	/** Goes up each time the list of changed notes changes; views compare it before drawing again. */
	revision = 0;

	constructor(
		private readonly app: App,
		/** The budget the walk at layout-ready shares with the rest of Attune's background work (the first build runs at the same time). */
		private readonly budget: FrameBudget = new FrameBudget({ budgetMs: FRAME_BUDGET_MS }),
	) {
		super();
	}

	onload(): void {
		this.app.workspace.onLayoutReady(() => {
			this.registerEvent(this.app.metadataCache.on("changed", (file) => this.touched(file)));
			this.registerEvent(this.app.vault.on("delete", (file) => this.forget(file.path)));
			this.registerEvent(this.app.vault.on("rename", (file, oldPath) => {
				this.forget(oldPath);
				if (file instanceof TFile) this.touched(file);
			}));
			this.walking = this.walk();
		});
	}

	/**
	 * Looks at every note's cache once, a slice at a time: at 10,000 notes the
	 * walk took 16 ms in one go, a frame lost at start-up (issue 15). A note
	 * changed meanwhile is seen by its own event; seeing it again is harmless.
	 */
	private async walk(): Promise<void> {
		const slices = this.budget.slices();
		try {
			// Not in the turn the first build begins in.
			await slices.turn();
			if (this.unloaded) return;
			const files = this.app.vault.getMarkdownFiles();
			const begun = slices.due();
			if (begun) await begun;
			for (const file of files) {
				if (this.unloaded) return;
				this.touched(file);
				const pause = slices.due();
				if (pause) await pause;
			}
		} finally {
			slices.close();
			this.walking = null;
		}
	}

	/** The walk over every note at layout-ready, while it runs. */
	private walking: Promise<void> | null = null;
	private unloaded = false;

	onunload(): void {
		this.unloaded = true;
		this.queue.clear();
		this.listeners.clear();
	}

	/** Finalized notes that no longer match their record, sorted by path. */
	changed(): VerifyRow[] {
		return [...this.rows.values()].filter((r) => isChanged(r.status)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	}

	/** Calls `fn` when the list of changed notes changes; returns the unsubscribe. */
	onChange(fn: () => void): () => void {
		this.listeners.add(fn);
		return () => this.listeners.delete(fn);
	}

	/** Resolves when every note waiting has been verified (for tests, and for a caller that needs the whole list). */
	async settled(): Promise<void> {
		if (this.walking) await this.walking;
		while (this.running) await this.running;
	}

	/** A note was written or came in: verify it if it is finalized, or was. */
	private touched(file: TFile): void {
		if (file.extension !== "md") return;
		const cache = this.app.metadataCache.getFileCache(file);
		const fm = cache?.frontmatter ?? null;
		// A properties block that yielded no properties (invalid YAML, or empty) may name the note
		// finalized: verifyText reads it and says, as `attune verify` does, so no scope hides it.
		const unparsed = cache?.sections?.[0]?.type === "yaml" && cache.frontmatter === undefined;
		if (isFinalized(recordFields(fm)) || (fm === null && (unparsed || this.rows.has(file.path)))) {
			this.queue.add(file.path);
			this.running ??= this.drain();
		} else {
			this.forget(file.path);
		}
	}

	private async drain(): Promise<void> {
		try {
			for (const path of this.queue) {
				this.queue.delete(path);
				await this.check(path);
				// One note at a time, the app between notes.
				await new Promise((r) => window.setTimeout(r, 0));
			}
		} finally {
			this.running = null;
		}
	}

	private async check(path: string): Promise<void> {
		const file = this.app.vault.getFileByPath(path);
		if (!file) return this.forget(path);
		const row = await verifyText(path, await this.app.vault.cachedRead(file));
		// The note may have gone, or moved, while it was read.
		if (this.app.vault.getFileByPath(path) !== file) return;
		if (!row) return this.forget(path);
		const before = this.rows.get(path);
		this.rows.set(path, row);
		if (before?.status !== row.status && (isChanged(row.status) || (before !== undefined && isChanged(before.status)))) this.notify();
	}

	private forget(path: string): void {
		const before = this.rows.get(path);
		if (!before) return;
		this.rows.delete(path);
		if (isChanged(before.status)) this.notify();
	}

	private notify(): void {
		this.revision++;
		for (const fn of [...this.listeners]) fn();
	}
}
