/**
 * The first build's slices: work runs on while a slice's budget lasts and
 * yields one turn of the event loop once it is spent. Driven by a fake clock
 * and a tick the test controls, so nothing here depends on the machine's speed.
 */
import { NoteIndex } from "../../src/core/index/index";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { vocabularyFrom } from "../../src/core/vocabulary/vocabulary";
import { VaultIndexer } from "../../src/plugin/indexer";
import { SliceScheduler, type Tick, eventLoopTick, messageChannelTick } from "../../src/plugin/slice-scheduler";
import { App } from "../obsidian-double/obsidian";

/** A tick that records when it was asked for and lets go at once; `closed` says whether it was released. */
function recordingTick(onYield: () => void): { tick: () => Tick; closed: () => boolean } {
	let closed = false;
	return {
		tick: () => ({
			next: () => {
				onYield();
				return Promise.resolve();
			},
			close: () => (closed = true),
		}),
		closed: () => closed,
	};
}

describe("SliceScheduler", () => {
	it("goes on without pausing while the budget lasts, and yields once it is spent", async () => {
		let t = 0;
		let yields = 0;
		const { tick } = recordingTick(() => yields++);
		const s = new SliceScheduler({ budgetMs: 8, now: () => t, tick });
		t = 7;
		expect(s.due()).toBeNull();
		t = 8;
		const pause = s.due();
		expect(pause).not.toBeNull();
		await pause;
		expect(yields).toBe(1);
		// A new slice began when the pause ended: the budget is whole again.
		t = 15;
		expect(s.due()).toBeNull();
		t = 16;
		expect(s.due()).not.toBeNull();
	});
});

describe("the first build, sliced", () => {
	function vault(n: number): App {
		const app = new App({ layoutReady: false });
		for (let i = 0; i < n; i++) app.vault.seed(`n${String(i).padStart(2, "0")}.md`, "#emotion/shame\n");
		return app;
	}

	/** A vault whose every note takes 3 ms of a fake clock to read (the 8 ms budget is spent after every third note). */
	function slowVault(n: number): { app: App; now: () => number } {
		const app = vault(n);
		let t = 0;
		const orig = app.metadataCache.getFileCache.bind(app.metadataCache);
		app.metadataCache.getFileCache = (f) => {
			t += 3;
			return orig(f);
		};
		return { app, now: () => t };
	}

	it("yields whenever a slice's budget is spent, and reads every note", async () => {
		const { app, now } = slowVault(30);
		const index = new NoteIndex();
		const doneAtYield: number[] = [];
		let indexer: VaultIndexer | null = null;
		const rec = recordingTick(() => doneAtYield.push(indexer!.reading!.done));
		indexer = new VaultIndexer(app as never, index, () => vocabularyFrom(DEFAULT_SETTINGS), () => "", () => new SliceScheduler({ budgetMs: 8, now, tick: rec.tick }));
		indexer.load();
		app.workspace.setLayoutReady();
		await indexer.ready;
		expect(doneAtYield).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30]);
		expect(index.size).toBe(30);
		expect(rec.closed()).toBe(true);
	});

	it("lets a timer run while the vault is still being read (the UI gets its turns)", async () => {
		const { app, now } = slowVault(30);
		const indexer = new VaultIndexer(app as never, new NoteIndex(), () => vocabularyFrom(DEFAULT_SETTINGS), () => "", () => new SliceScheduler({ budgetMs: 8, now }));
		indexer.load();
		let doneWhenTimerRan: number | undefined;
		setTimeout(() => (doneWhenTimerRan = indexer.reading?.done ?? 30), 0);
		app.workspace.setLayoutReady();
		await indexer.ready;
		expect(doneWhenTimerRan).toBeDefined();
		expect(doneWhenTimerRan!).toBeLessThan(30);
	});

	it("does not yield at all when the whole build fits in one slice", async () => {
		const app = vault(30);
		let yields = 0;
		const rec = recordingTick(() => yields++);
		const index = new NoteIndex();
		const indexer = new VaultIndexer(app as never, index, () => vocabularyFrom(DEFAULT_SETTINGS), () => "", () => new SliceScheduler({ budgetMs: 8, now: () => 0, tick: rec.tick }));
		indexer.load();
		app.workspace.setLayoutReady();
		await indexer.ready;
		expect(yields).toBe(0);
		expect(index.size).toBe(30);
		expect(rec.closed()).toBe(true);
	});
});

describe("the event loop's tick", () => {
	it("in Node is not Node's MessagePort, which would hold timers back", () => {
		const timers = jest.spyOn(globalThis, "setImmediate");
		try {
			const tick = eventLoopTick();
			void tick.next();
			expect(timers).toHaveBeenCalledTimes(1);
			tick.close();
		} finally {
			timers.mockRestore();
		}
	});
});

describe("messageChannelTick", () => {
	it("comes back after a turn of the event loop, and lets go of its ports when closed", async () => {
		const tick = messageChannelTick();
		const order: string[] = [];
		const turn = tick.next().then(() => order.push("tick"));
		order.push("sync");
		await turn;
		expect(order).toEqual(["sync", "tick"]);
		// Several at once each come back.
		await Promise.all([tick.next(), tick.next(), tick.next()]);
		tick.close();
		// After close, a late caller still gets its turn (through a timer), never a promise left hanging.
		await tick.next();
	});

	it("closing releases whoever still waits", async () => {
		const tick = messageChannelTick();
		const waiting = tick.next();
		tick.close();
		await expect(waiting).resolves.toBeUndefined();
	});

	it("falls back to a timer where there is no MessageChannel", async () => {
		const g = globalThis as { MessageChannel?: unknown };
		const saved = g.MessageChannel;
		delete g.MessageChannel;
		const timers = jest.spyOn(globalThis, "setTimeout");
		try {
			const tick = eventLoopTick();
			let fired = false;
			const p = tick.next().then(() => (fired = true));
			expect(fired).toBe(false);
			await p;
			expect(fired).toBe(true);
			expect(timers).toHaveBeenCalledTimes(1);
			tick.close();
		} finally {
			timers.mockRestore();
			g.MessageChannel = saved;
		}
	});
});
