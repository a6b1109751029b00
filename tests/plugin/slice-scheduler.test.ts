/**
 * Attune's background work in slices: work runs on while a turn's budget
 * lasts and yields one turn of the event loop once it is spent; workers
 * running at the same time share the budget and take turns. Driven by a fake
 * clock and a tick the test controls, so nothing here depends on the
 * machine's speed.
 */
import { NoteIndex } from "../../src/core/index/index";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { vocabularyFrom } from "../../src/core/vocabulary/vocabulary";
import { VaultIndexer } from "../../src/plugin/indexer";
import type { RecordWatch } from "../../src/plugin/record/watch";
import AttunePlugin from "../../src/plugin/main";
import { FrameBudget, type Tick, eventLoopTick, messageChannelTick } from "../../src/plugin/slice-scheduler";
import { App, type Plugin } from "../obsidian-double/obsidian";
import { MANIFEST } from "../helpers/harness";

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

/**
 * A tick whose turns the test gives: `next` waits until `turn()` lets every
 * waiting caller go at once, as Node's check phase runs every waiting
 * `setImmediate` in one go.
 */
function manualTick(): { tick: () => Tick; turn: () => number; closed: () => boolean } {
	let waiting: (() => void)[] = [];
	let closed = false;
	return {
		tick: () => ({
			next: () => new Promise<void>((r) => waiting.push(r)),
			close: () => (closed = true),
		}),
		turn: () => {
			const now = waiting;
			waiting = [];
			for (const r of now) r();
			return now.length;
		},
		closed: () => closed,
	};
}

/** Lets every promise callback queued so far run (a macrotask: no clock is read). */
const settle = () => new Promise<void>((r) => setImmediate(r));

describe("FrameBudget", () => {
	it("goes on without pausing while the budget lasts, and yields once it is spent", async () => {
		let t = 0;
		let yields = 0;
		const { tick } = recordingTick(() => yields++);
		const s = new FrameBudget({ budgetMs: 8, now: () => t, tick }).slices();
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

	/**
	 * Two workers at once (the first build and the walk over finalized notes,
	 * both started at layout-ready), each unit 1 ms of the fake clock, turns
	 * given by the test until none is asked for; `firstOwnTurn` workers wait
	 * for a turn of their own before their first unit. Which worker ran each
	 * unit, in which turn.
	 */
	async function twoWorkers(specs: { name: string; units: number; firstOwnTurn?: boolean }[]): Promise<{ perTurn: string[][]; asked: number; closed: boolean }> {
		let t = 0;
		let turn = 0;
		const ran: { turn: number; worker: string }[] = [];
		const ticks = manualTick();
		const budget = new FrameBudget({ budgetMs: 5, now: () => t, tick: ticks.tick });
		const worker = async ({ name, units, firstOwnTurn }: (typeof specs)[number]) => {
			const slices = budget.slices();
			try {
				if (firstOwnTurn) await slices.turn();
				for (let i = 0; i < units; i++) {
					t += 1;
					ran.push({ turn, worker: name });
					const pause = slices.due();
					if (pause) await pause;
				}
			} finally {
				slices.close();
			}
		};
		const done = Promise.all(specs.map(worker));
		let asked = 0;
		for (let guard = 0; guard < 100; guard++) {
			await settle();
			turn++;
			const n = ticks.turn();
			if (n === 0) break;
			asked = Math.max(asked, n);
		}
		await done;
		const turns = [...new Set(ran.map((r) => r.turn))];
		const perTurn = turns.map((k) => ran.filter((r) => r.turn === k).map((r) => r.worker));
		for (const { name, units } of specs) expect(ran.filter((r) => r.worker === name)).toHaveLength(units);
		return { perTurn, asked, closed: ticks.closed() };
	}

	// With a budget each, the two ran a slice each in one turn, 10 ms without a break.
	it("gives two workers at once one budget: each turn runs one worker's slice, and they take turns", async () => {
		const { perTurn, asked, closed } = await twoWorkers([{ name: "build", units: 20 }, { name: "walk", units: 12 }]);
		// Never two turns asked for at once.
		expect(asked).toBe(1);
		// The first turn: the build's slice, and the walk's first unit, started in the same turn.
		expect(perTurn[0]).toEqual(["build", "build", "build", "build", "build", "walk"]);
		// After it, one worker a turn, never past the budget, taking turns while both have work.
		for (const units of perTurn.slice(1)) {
			expect(new Set(units).size).toBe(1);
			expect(units.length).toBeLessThanOrEqual(5);
		}
		expect(perTurn.slice(1, 5).map((units) => units[0])).toEqual(["build", "walk", "build", "walk"]);
		expect(closed).toBe(true);
	});

	it("lets a worker wait for a turn of its own before it begins, so that it does not begin in another's turn", async () => {
		const { perTurn } = await twoWorkers([{ name: "build", units: 20 }, { name: "walk", units: 12, firstOwnTurn: true }]);
		// The walk asked for its turn after the build's first slice had run out: it comes after the build's second.
		for (const units of perTurn) expect(new Set(units).size).toBe(1);
		expect(perTurn.map((units) => units[0])).toEqual(["build", "build", "walk", "build", "walk", "build", "walk"]);
	});

	it("keeps its tick open while any worker is under way, and closes it after the last", async () => {
		const ticks = manualTick();
		let t = 0;
		const budget = new FrameBudget({ budgetMs: 5, now: () => t, tick: ticks.tick });
		const a = budget.slices();
		const b = budget.slices();
		a.close();
		expect(ticks.closed()).toBe(false);
		t = 5;
		const pause = b.due();
		expect(pause).not.toBeNull();
		expect(ticks.turn()).toBe(1);
		await pause;
		b.close();
		expect(ticks.closed()).toBe(true);
		// A share used after it was closed still gets its turn, through a timer.
		await b.turn();
	});
});

describe("Attune's background work at layout-ready", () => {
	/**
	 * The plugin as Obsidian loads it, with a clock that moves 1 ms each time
	 * it is read, so that the budget runs out after a few notes whatever the
	 * machine's speed. The first build and the walk over finalized notes then
	 * both run out of budget; with a budget each, both waited on a turn of
	 * their own at once, and Node ran the two slices back to back.
	 */
	it("asks for one turn of the event loop at a time, for the first build and the record walk together", async () => {
		const app = new App({ layoutReady: false });
		for (let i = 0; i < 120; i++) app.vault.seed(`Sessions/n${String(i).padStart(3, "0")}.md`, "#emotion/shame/primary-maladaptive\n");
		const plugin = new AttunePlugin(app as never, MANIFEST) as unknown as Plugin & { indexer: VaultIndexer; index: NoteIndex };
		await plugin.load();
		let clock = 0;
		const now = jest.spyOn(performance, "now").mockImplementation(() => ++clock);
		const realImmediate = globalThis.setImmediate;
		let outstanding = 0;
		let most = 0;
		let asked = 0;
		const immediate = jest.spyOn(globalThis, "setImmediate").mockImplementation(((fn: () => void) => {
			outstanding++;
			asked++;
			most = Math.max(most, outstanding);
			return realImmediate(() => {
				outstanding--;
				fn();
			});
		}));
		try {
			app.workspace.setLayoutReady();
			await plugin.indexer.ready;
			await (plugin as unknown as { ctx: { records: RecordWatch } }).ctx.records.settled();
		} finally {
			immediate.mockRestore();
			now.mockRestore();
			plugin.unload();
		}
		expect(plugin.index.size).toBe(120);
		// The work did yield, and never held two turns at once.
		expect(asked).toBeGreaterThan(2);
		expect(most).toBe(1);
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
		indexer = new VaultIndexer(app as never, index, () => vocabularyFrom(DEFAULT_SETTINGS), () => "", new FrameBudget({ budgetMs: 8, now, tick: rec.tick }));
		indexer.load();
		app.workspace.setLayoutReady();
		await indexer.ready;
		expect(doneAtYield).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30]);
		expect(index.size).toBe(30);
		expect(rec.closed()).toBe(true);
	});

	it("yields before the first note when asking for every note spent the budget (a large vault)", async () => {
		const { app, now } = slowVault(30);
		let t = 0;
		const clock = () => now() + t;
		const files = app.vault.getMarkdownFiles.bind(app.vault);
		app.vault.getMarkdownFiles = () => {
			t += 10;
			return files();
		};
		const doneAtYield: number[] = [];
		let indexer: VaultIndexer | null = null;
		const rec = recordingTick(() => doneAtYield.push(indexer!.reading!.done));
		indexer = new VaultIndexer(app as never, new NoteIndex(), () => vocabularyFrom(DEFAULT_SETTINGS), () => "", new FrameBudget({ budgetMs: 8, now: clock, tick: rec.tick }));
		indexer.load();
		app.workspace.setLayoutReady();
		await indexer.ready;
		expect(doneAtYield.slice(0, 3)).toEqual([0, 3, 6]);
	});

	it("lets a timer run while the vault is still being read (the UI gets its turns)", async () => {
		const { app, now } = slowVault(30);
		const indexer = new VaultIndexer(app as never, new NoteIndex(), () => vocabularyFrom(DEFAULT_SETTINGS), () => "", new FrameBudget({ budgetMs: 8, now }));
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
		const indexer = new VaultIndexer(app as never, index, () => vocabularyFrom(DEFAULT_SETTINGS), () => "", new FrameBudget({ budgetMs: 8, now: () => 0, tick: rec.tick }));
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
