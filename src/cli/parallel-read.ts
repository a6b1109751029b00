/**
 * Reading a vault's notes on all cores, for the commands that need only
 * counts (`summarize`, `lint`). The notes, in their sorted order, are cut
 * into chunks; the main thread and the workers each take the next chunk from
 * a shared cursor until none is left, so a worker that starts late or runs
 * on a busy core never keeps the others waiting. The records are put back in
 * chunk order, the order one thread would have made them, so the index, and
 * every number and line printed, is the same whatever the number of threads.
 *
 * The command line is synchronous (`run` returns its result), so the main
 * thread waits for the workers on a shared counter (`Atomics.wait`) and takes
 * their answers with `receiveMessageOnPort`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from "node:worker_threads";
import { NoteIndex } from "../core/index/index";
import { type NoteRecord, countsOnlyRecord, unreadableRecord } from "../core/note/note";
import type { AttuneSettings } from "../core/settings";
import { vocabularyFrom } from "../core/vocabulary/vocabulary";
import { type VaultConfig, listNotes, readNoteFile } from "./vault";

/**
 * Below this many notes one thread is faster: a worker's round trip (a
 * thread, the bundle loaded into it, the answer) cost 98 ms on the 2-core
 * machine, and one note 0.117 ms on one thread, so two threads save more than
 * they cost past about 1,700 notes. Measured with `npm run bench -- jobs`,
 * which prints both and the break-even again.
 */
export const PARALLEL_THRESHOLD = 2000;

/** One note to read: where it is on disk and its vault path. */
export interface NoteFile {
	file: string;
	vaultPath: string;
}

/** Notes per chunk: small enough to balance the threads, large enough that taking one costs nothing beside reading it. */
const CHUNK = 64;

/**
 * What a worker is given: all the notes, the settings (a vocabulary does not
 * cross threads; it is rebuilt from them) and the shared counters: [0] the
 * workers done, [1] the next chunk to take.
 */
export interface ReadJob {
	notes: NoteFile[];
	settings: AttuneSettings;
	shared: SharedArrayBuffer;
}

/** The chunks one thread read: their numbers, in the order taken, and their records one after another. */
export interface Chunks {
	taken: number[];
	records: NoteRecord[];
}

/**
 * A share's records as they cross between threads: each record without its
 * counts, and the counts of all of them as numbers (key, count, key, count,
 * with -1 ending a record's), the keys named once in `keys`. Cloning a Map
 * and its key strings for every note cost the main thread more than reading
 * the notes saved.
 */
export interface WireShare {
	taken: number[];
	records: Omit<NoteRecord, "counts">[];
	keys: string[];
	counts: Int32Array;
}

/** What a worker hands back. */
export type ReadAnswer = { share: WireShare } | { error: string };

/** A share's records, packed to cross to the main thread. */
export function packShare({ taken, records }: Chunks): WireShare {
	const ids = new Map<string, number>();
	const keys: string[] = [];
	let length = 0;
	for (const r of records) length += r.counts.size * 2 + 1;
	const counts = new Int32Array(length);
	let i = 0;
	const bare: Omit<NoteRecord, "counts">[] = [];
	for (const r of records) {
		for (const [k, n] of r.counts) {
			let id = ids.get(k);
			if (id === undefined) {
				ids.set(k, (id = keys.length));
				keys.push(k);
			}
			counts[i++] = id;
			counts[i++] = n;
		}
		counts[i++] = -1;
		const { counts: _, ...rest } = r;
		bare.push(rest);
	}
	return { taken, records: bare, keys, counts };
}

/** The records of a packed share, each with its counts again. */
export function unpackShare(share: WireShare): Chunks {
	const out: NoteRecord[] = [];
	let i = 0;
	for (const r of share.records) {
		const counts = new Map<string, number>();
		for (let id = share.counts[i++]!; id >= 0; id = share.counts[i++]!) counts.set(share.keys[id]!, share.counts[i++]!);
		// Cloning between threads kept the record's fields but not its class: made whole again.
		out.push(countsOnlyRecord(r, counts));
	}
	return { taken: share.taken, records: out };
}

/**
 * A vault read for its counts: every note's record without its occurrences,
 * which a summary does not need (letting them go keeps the heap small on
 * large vaults). `jobs` is `--jobs`; `threads` says how many read.
 */
export function indexCounts(root: string, config: VaultConfig, jobs?: number): { index: NoteIndex; threads: number; warnings: string[] } {
	const index = new NoteIndex();
	const notes = listNotes(root, config.excluded, (p, reason) => index.set(unreadableRecord(p, reason)));
	const wanted = threadsFor(notes.length, jobs);
	const { records, threads } = readCounts(notes, config.settings, wanted);
	for (const r of records) index.set(r);
	// Asked for threads that could not start (the program copied without read-worker.js): the numbers are the same, and the user hears why it was slow.
	const warnings = jobs !== undefined && wanted > 1 && threads === 1 ? [`--jobs ${jobs}: read-worker.js is not beside the program, so the notes were read on one thread`] : [];
	return { index, threads, warnings };
}

/** Reads chunks of the notes, counts only, taking the next from the shared cursor until none is left. */
export function readChunks(job: ReadJob): Chunks {
	const vocab = vocabularyFrom(job.settings);
	const cursor = new Int32Array(job.shared);
	const out: Chunks = { taken: [], records: [] };
	for (let c = Atomics.add(cursor, 1, 1); c * CHUNK < job.notes.length; c = Atomics.add(cursor, 1, 1)) {
		out.taken.push(c);
		for (const n of job.notes.slice(c * CHUNK, (c + 1) * CHUNK)) out.records.push(readNoteFile(n.file, n.vaultPath, vocab, { countsOnly: true }));
	}
	return out;
}

/** The worker's script, beside this bundle (dist/read-worker.js); undefined where it is not there (the sources run under a test). */
export function workerScript(): string | undefined {
	const p = path.join(__dirname, "read-worker.js");
	return fs.existsSync(p) ? p : undefined;
}

/**
 * The fewest cores on which reading threads are used without `--jobs`. On 2
 * cores two threads were slower than one at every size the bench measures
 * (2026-12-03, load 1.5: 160 against 186 ms at 250 notes, 356 against 446 ms
 * at 4,000), and at 10,000 notes two alternated runs disagreed (705 against
 * 611 ms, then 565 against 628): the main thread's own share of the work and
 * the copying of records back cost about what the second core saves. More cores were not
 * measured here; `--jobs N` asks for threads on any machine.
 */
export const PARALLEL_MIN_CORES = 4;

/** How many threads to read with: `jobs` when given, else every core for a vault past the threshold on a machine of enough cores, else one. */
export function threadsFor(notes: number, jobs: number | undefined, cores: number = os.availableParallelism()): number {
	if (jobs !== undefined) return Math.max(1, Math.min(jobs, notes));
	if (notes < PARALLEL_THRESHOLD || cores < PARALLEL_MIN_CORES) return 1;
	return Math.max(1, Math.min(cores, notes));
}

/** How long the main thread waits for a worker before it gives up (ms): far beyond any vault's reading. */
const WORKER_TIMEOUT_MS = 10 * 60 * 1000;

/** How `readCounts` runs: the worker's script, and whether the main thread reads too (tests turn it off to see the workers' work). */
export interface ReadOptions {
	script?: string;
	mainReads?: boolean;
}

/**
 * Reads the notes into counts-only records, in order, with `threads` threads
 * (the main thread among them). With one thread, or without the worker's
 * script, everything is read here. `threads` in the answer says how many
 * were started, `read` how many notes each read (the main thread first).
 */
export function readCounts(notes: NoteFile[], settings: AttuneSettings, threads: number, opts: ReadOptions = {}): { records: NoteRecord[]; threads: number; read: number[] } {
	const script = "script" in opts ? opts.script : workerScript();
	const shared = new SharedArrayBuffer(8);
	const job: ReadJob = { notes, settings, shared };
	if (threads <= 1 || script === undefined || notes.length < 2) return { records: readChunks(job).records, threads: 1, read: [notes.length] };
	const counter = new Int32Array(shared);
	const workers: { worker: Worker; port: MessagePort }[] = [];
	for (let i = 1; i < threads; i++) {
		const { port1, port2 } = new MessageChannel();
		const worker = new Worker(script, { workerData: { ...job, port: port2 }, transferList: [port2] });
		workers.push({ worker, port: port1 });
	}
	try {
		// The main thread reads too while the workers start, and takes whatever chunks they have not.
		const parts = [opts.mainReads === false ? { taken: [], records: [] } : readChunks(job)];
		for (let seen = Atomics.load(counter, 0); seen < workers.length; seen = Atomics.load(counter, 0)) {
			if (Atomics.wait(counter, 0, seen, WORKER_TIMEOUT_MS) === "timed-out") throw new Error("a reading thread did not answer");
		}
		for (const { port } of workers) {
			const answer = receiveMessageOnPort(port)?.message as ReadAnswer | undefined;
			if (!answer) throw new Error("a reading thread answered nothing");
			if ("error" in answer) throw new Error(`a reading thread failed: ${answer.error}`);
			parts.push(unpackShare(answer.share));
		}
		return { records: inChunkOrder(parts), threads: parts.length, read: parts.map((p) => p.records.length) };
	} finally {
		for (const { worker, port } of workers) {
			port.close();
			void worker.terminate();
		}
	}
}

/** The records of all threads' chunks, in chunk order: the order of the notes. */
function inChunkOrder(parts: Chunks[]): NoteRecord[] {
	const byChunk: NoteRecord[][] = [];
	for (const p of parts) {
		let i = 0;
		for (const c of p.taken) {
			const size = Math.min(CHUNK, p.records.length - i);
			byChunk[c] = p.records.slice(i, i + size);
			i += size;
		}
	}
	return byChunk.flat();
}
