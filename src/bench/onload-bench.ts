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
	/** The longest stretch the build ran without yielding to the event loop. */
	longestSliceMs: number;
	/**
	 * The same stretch's CPU time, the process's over all its threads: less
	 * than the wall time when the system took the core away in mid-slice; more
	 * when the garbage collector's helper threads ran beside the main thread.
	 */
	longestSliceCpuMs: number;
	/** Of the same stretch, the time the main thread spent in garbage collection. */
	longestSliceGcMs: number;
	/** The 95th percentile of the stretches without yielding, over the whole build (ms). */
	stretchP95Ms: number;
	/** How many stretches ran over 16 ms (a frame), how many of those held a garbage collection of 1 ms or more, and how many stretches there were. */
	stretchesOver16: number;
	stretchesOver16WithGc: number;
	stretches: number;
	/** Notes whose text the build read, because their cache could not answer: callouts or quotes, properties that did not parse, property tags. */
	bodiesRead: number;
}

/** One stretch without a turn of the event loop: from one firing of the probe's timer to the next. */
interface Stretch {
	start: number;
	end: number;
	cpuMs: number;
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
	const gcs: { start: number; end: number }[] = [];
	const gcObserver = new PerformanceObserver((list) => {
		for (const e of list.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration });
	});
	gcObserver.observe({ entryTypes: ["gc"] });
	let last = performance.now();
	let lastCpu = process.cpuUsage();
	const cpuSince = (c: NodeJS.CpuUsage) => {
		const d = process.cpuUsage(c);
		return (d.user + d.system) / 1000;
	};
	const probe = setInterval(() => {
		const now = performance.now();
		stretches.push({ start: last, end: now, cpuMs: cpuSince(lastCpu) });
		last = now;
		lastCpu = process.cpuUsage();
	}, 1);
	// The build starts as the core's measure did: with the garbage of what came before collected.
	collect();
	const t1 = performance.now();
	last = t1;
	lastCpu = process.cpuUsage();
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
	stretches.push({ start: last, end: performance.now(), cpuMs: cpuSince(lastCpu) });
	const indexed = index.size;
	plugin.unload();
	// The observer hears of collections a task later.
	await new Promise((r) => setTimeout(r, 0));
	gcObserver.disconnect();
	const gcIn = (x: Stretch) => gcs.reduce((sum, g) => sum + Math.max(0, Math.min(g.end, x.end) - Math.max(g.start, x.start)), 0);
	const longest = stretches.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
	const lengths = stretches.map((x) => x.end - x.start).sort((a, b) => a - b);
	const over = stretches.filter((x) => x.end - x.start > 16);
	return {
		onloadMs, buildMs, countedMs, coreMs, indexed, bodiesRead, bodiesReadWhenCounted,
		longestSliceMs: longest.end - longest.start,
		longestSliceCpuMs: longest.cpuMs,
		longestSliceGcMs: gcIn(longest),
		stretchP95Ms: lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.95))]!,
		stretchesOver16: over.length,
		stretchesOver16WithGc: over.filter((x) => gcIn(x) >= 1).length,
		stretches: stretches.length,
	};
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
