/**
 * How long Attune's `onload` takes, and how long the first index build takes
 * after layout-ready, measured inside the `obsidian` test double (Obsidian
 * itself cannot run here). The bench bundle maps `obsidian` to the double.
 *
 * At start-up Obsidian already holds every note's metadata cache (read back
 * from its own store); the double builds its caches lazily, so the bench
 * builds them all before layout-ready (`_buildAll`) and the build is timed
 * as it runs in Obsidian: look-ups in the cache, the core's interpretation,
 * the index. Beside it, in the same run, the core's own cost for the same
 * notes: the facts taken from the same caches beforehand, then only
 * `interpretNote` and `index.set`.
 */
import { readFileSync } from "node:fs";
import { PerformanceObserver } from "node:perf_hooks";
import { App, type Plugin, parseYaml } from "../../tests/obsidian-double/obsidian";
import { NoteIndex } from "../core/index/index";
import { type NoteFacts, interpretNote } from "../core/note/note";
import { DEFAULT_SETTINGS } from "../core/settings";
import { vocabularyFrom } from "../core/vocabulary/vocabulary";
import { factsFromCache, textNeeded } from "../plugin/cache-facts";
import AttunePlugin from "../plugin/main";
import type { GeneratedNote } from "./generate";

/** What one start-up measured. */
export interface OnloadResult {
	onloadMs: number;
	/** From layout-ready to the index being complete. */
	buildMs: number;
	/** From layout-ready to every note counted: the sidebar's numbers, all but moves by class, whose passages may still be placed. */
	countedMs: number;
	/** Note bodies read by then: the cache could not answer for those notes (callouts, property lines). */
	bodiesReadWhenCounted: number;
	/** The core's own cost for the same notes: `interpretNote` and `index.set` from facts prepared beforehand. */
	coreMs: number;
	indexed: number;
	/** The longest stretch the build ran without yielding to the event loop, and when it began (ms after layout-ready). */
	longestSliceMs: number;
	longestSliceAtMs: number;
	/**
	 * Of the same stretch, as Linux's scheduler counts it (NaN elsewhere): the
	 * main thread's time on a core, its time waiting for one, and the CPU time
	 * of the process's other threads (V8's garbage collector and compiler).
	 */
	longestSliceMainMs: number;
	longestSliceWaitMs: number;
	longestSliceOthersMs: number;
	/** Of the same stretch, the time the main thread spent in garbage collection (as V8 reports its pauses), and of which kinds ("scavenge", "mark-compact"). */
	longestSliceGcMs: number;
	longestSliceGcKinds: string[];
	/** The 95th percentile of the stretches without yielding, over the whole build (ms). */
	stretchP95Ms: number;
	/**
	 * How many stretches ran over 16 ms (a frame); how many of those held a
	 * garbage collection of 1 ms or more; how many would have been within 16 ms
	 * but for the main thread waiting for a core; and how many stretches there were.
	 */
	stretchesOver16: number;
	stretchesOver16WithGc: number;
	stretchesOver16Waiting: number;
	stretches: number;
	/** Notes whose text the build read, because their cache could not answer: callouts or quotes, properties that did not parse, property tags. */
	bodiesRead: number;
}

/** One stretch without a turn of the event loop: from one firing of the probe's timer to the next. */
interface Stretch {
	start: number;
	end: number;
	/** The main thread's time on a core, and waiting for one (NaN where the scheduler's counts cannot be read). */
	mainMs: number;
	waitMs: number;
	/** The CPU time of the process's other threads. */
	othersMs: number;
}

/** What the clocks say at one moment: the process's CPU time and the main thread's scheduler counts (ms). */
interface Clocks {
	at: number;
	cpuMs: number;
	mainMs: number;
	waitMs: number;
}

/**
 * The main thread's time on a core and waiting for one (ms), from Linux's
 * `/proc/<pid>/task/<pid>/schedstat`; NaN elsewhere. The time on a core may
 * lag by up to a scheduler tick (the kernel adds it up at ticks and switches).
 */
function mainThreadSched(): { mainMs: number; waitMs: number } {
	try {
		const [run, wait] = readFileSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, "utf8").split(" ").map(Number);
		return { mainMs: run! / 1e6, waitMs: wait! / 1e6 };
	} catch {
		return { mainMs: NaN, waitMs: NaN };
	}
}

function clocks(): Clocks {
	const at = performance.now();
	const c = process.cpuUsage();
	return { at, cpuMs: (c.user + c.system) / 1000, ...mainThreadSched() };
}

function stretchBetween(a: Clocks, b: Clocks): Stretch {
	const mainMs = b.mainMs - a.mainMs;
	return { start: a.at, end: b.at, mainMs, waitMs: b.waitMs - a.waitMs, othersMs: b.cpuMs - a.cpuMs - mainMs };
}

/**
 * Waits until the process is quiet: V8's background threads have swept what
 * the full collection before the build left them (at most a second). Right
 * after `gc()`, the first slices' allocations waited on that sweeping
 * (getMarkdownFiles took 15 ms instead of 1 in the first stretch) and the
 * main thread waited for a core while the sweepers held both: a cost of the
 * forced collection, which Obsidian does not make at layout-ready.
 */
async function quiet(): Promise<void> {
	const start = performance.now();
	while (performance.now() - start < 1000) {
		const c = process.cpuUsage();
		await new Promise((r) => setTimeout(r, 20));
		const d = process.cpuUsage(c);
		// Under a tenth of a core over 20 ms.
		if ((d.user + d.system) / 1000 < 2) return;
	}
}

type Internals = { indexer: { ready: Promise<void>; counted: Promise<void> }; index: NoteIndex };

/** Milliseconds for onload, and from layout-ready to the index being built. */
export async function benchOnload(notes: GeneratedNote[], opts: { warmCache: boolean } = { warmCache: true }): Promise<OnloadResult> {
	const app = new App({ layoutReady: false });
	for (const n of notes) app.vault.seed(n.path, n.text);
	if (opts.warmCache) app.metadataCache._buildAll();
	// Without warm caches, the core's cost is not measured: preparing its facts would warm them.
	const coreMs = opts.warmCache ? coreCost(app) : NaN;
	let bodiesRead = 0;
	const cachedRead = app.vault.cachedRead.bind(app.vault);
	app.vault.cachedRead = (file) => {
		bodiesRead++;
		return cachedRead(file);
	};
	const manifest = { id: "attune", name: "Attune", version: "0", minAppVersion: "0", description: "", author: "" };
	const plugin = new AttunePlugin(app as never, manifest) as unknown as Plugin & Internals;
	const t0 = performance.now();
	await plugin.load();
	const onloadMs = performance.now() - t0;
	const { indexer, index } = plugin as unknown as Internals;
	// The stretches without a turn of the event loop: a timer that should fire every millisecond.
	const stretches: Stretch[] = [];
	// Garbage collections on the main thread, to tell which stretches held one.
	const gcs: { start: number; end: number; kind: string }[] = [];
	const gcObserver = new PerformanceObserver((list) => {
		for (const e of list.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration, kind: gcKind((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind) });
	});
	gcObserver.observe({ entryTypes: ["gc"] });
	// The build starts as the core's measure did: with the garbage of what came before collected.
	collect();
	await quiet();
	let last = clocks();
	const probe = setInterval(() => {
		const now = clocks();
		stretches.push(stretchBetween(last, now));
		last = now;
	}, 1);
	// Layout-ready from a task of Node's check phase, where every later slice begins: the first
	// slice's yield then lets the probe's timer run before the next slice, as a browser's message
	// task does. From a timer callback, Node would run the next slice before any timer, and the
	// probe would time two slices as one stretch.
	await new Promise((r) => setImmediate(r));
	last = clocks();
	const t1 = last.at;
	app.workspace.setLayoutReady();
	let countedMs = NaN;
	let bodiesReadWhenCounted = NaN;
	void indexer.counted.then(() => {
		countedMs = performance.now() - t1;
		bodiesReadWhenCounted = bodiesRead;
	});
	await indexer.ready;
	const buildMs = performance.now() - t1;
	clearInterval(probe);
	stretches.push(stretchBetween(last, clocks()));
	const indexed = index.size;
	plugin.unload();
	// The observer hears of collections a task later.
	await new Promise((r) => setTimeout(r, 0));
	gcObserver.disconnect();
	const overlap = (g: { start: number; end: number }, x: Stretch) => Math.max(0, Math.min(g.end, x.end) - Math.max(g.start, x.start));
	const gcIn = (x: Stretch) => gcs.reduce((sum, g) => sum + overlap(g, x), 0);
	const longest = stretches.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
	const lengths = stretches.map((x) => x.end - x.start).sort((a, b) => a - b);
	const over = stretches.filter((x) => x.end - x.start > 16);
	return {
		onloadMs, buildMs, countedMs, coreMs, indexed, bodiesRead, bodiesReadWhenCounted,
		longestSliceMs: longest.end - longest.start,
		longestSliceAtMs: longest.start - t1,
		longestSliceMainMs: longest.mainMs,
		longestSliceWaitMs: longest.waitMs,
		longestSliceOthersMs: longest.othersMs,
		longestSliceGcMs: gcIn(longest),
		longestSliceGcKinds: [...new Set(gcs.filter((g) => overlap(g, longest) > 0).map((g) => g.kind))],
		stretchP95Ms: lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.95))]!,
		stretchesOver16: over.length,
		stretchesOver16WithGc: over.filter((x) => gcIn(x) >= 1).length,
		stretchesOver16Waiting: over.filter((x) => x.end - x.start - x.waitMs <= 16).length,
		stretches: stretches.length,
	};
}

/** A collection's kind as `perf_hooks` numbers it (`constants.NODE_PERFORMANCE_GC_*`). */
function gcKind(kind: number | undefined): string {
	switch (kind) {
		case 1: return "scavenge";
		case 4: return "mark-compact";
		case 8: return "incremental marking";
		case 16: return "weak callbacks";
		default: return "other";
	}
}

/** A full garbage collection, where the bench runs with `--expose-gc`. */
function collect(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

/** The core's own cost: facts prepared from the same caches first, then only interpretation and the index. */
function coreCost(app: App): number {
	const vocab = vocabularyFrom(DEFAULT_SETTINGS);
	const read = (y: string) => parseYaml(y);
	const facts: NoteFacts[] = [];
	for (const f of app.vault.getMarkdownFiles()) {
		const cache = app.metadataCache.getFileCache(f);
		facts.push(factsFromCache(f.path, cache, textNeeded(cache) ? app.vault.text(f.path) : null, read));
	}
	const index = new NoteIndex();
	collect();
	const t0 = performance.now();
	for (const x of facts) index.set(interpretNote(x, vocab));
	return performance.now() - t0;
}
