/**
 * Reading a vault's notes on all cores, for the commands that need only
 * counts (`summarize`, `lint`). The notes are cut into shares in their sorted
 * order; the main thread reads the first share itself while worker threads
 * read the others, and the records come back in the same order as one thread
 * would have made them, so the index, and every number and line printed, is
 * the same whatever the number of threads.
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
import { type NoteRecord, unreadableRecord } from "../core/note/note";
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

/** What a worker is given: its notes and the settings (a vocabulary does not cross threads; it is rebuilt from them). */
export interface ReadJob {
	notes: NoteFile[];
	settings: AttuneSettings;
}

/**
 * A share's records as they cross between threads: each record without its
 * counts, and the counts of all of them as numbers (key, count, key, count,
 * with -1 ending a record's), the keys named once in `keys`. Cloning a Map
 * and its key strings for every note cost the main thread more than reading
 * the notes saved.
 */
export interface WireShare {
	records: Omit<NoteRecord, "counts">[];
	keys: string[];
	counts: Int32Array;
}

/** What a worker hands back. */
export type ReadAnswer = { share: WireShare } | { error: string };

/** A share's records, packed to cross to the main thread. */
export function packShare(records: NoteRecord[]): WireShare {
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
	return { records: bare, keys, counts };
}

/** The records of a packed share, each with its counts again. */
export function unpackShare(share: WireShare): NoteRecord[] {
	const out: NoteRecord[] = [];
	let i = 0;
	for (const r of share.records) {
		const counts = new Map<string, number>();
		for (let id = share.counts[i++]!; id >= 0; id = share.counts[i++]!) counts.set(share.keys[id]!, share.counts[i++]!);
		out.push({ ...r, counts });
	}
	return out;
}

/**
 * A vault read for its counts: every note's record without its occurrences,
 * which a summary does not need (letting them go keeps the heap small on
 * large vaults). `jobs` is `--jobs`; `threads` says how many read.
 */
export function indexCounts(root: string, config: VaultConfig, jobs?: number): { index: NoteIndex; threads: number } {
	const index = new NoteIndex();
	const notes = listNotes(root, config.excluded, (p, reason) => index.set(unreadableRecord(p, reason)));
	const { records, threads } = readCounts(notes, config.settings, threadsFor(notes.length, jobs));
	for (const r of records) index.set(r);
	return { index, threads };
}

/** Reads one share of the notes, counts only. */
export function readShare(job: ReadJob): NoteRecord[] {
	const vocab = vocabularyFrom(job.settings);
	return job.notes.map((n) => readNoteFile(n.file, n.vaultPath, vocab, { countsOnly: true }));
}

/** The worker's script, beside this bundle (dist/read-worker.js); undefined where it is not there (the sources run under a test). */
export function workerScript(): string | undefined {
	const p = path.join(__dirname, "read-worker.js");
	return fs.existsSync(p) ? p : undefined;
}

/** How many threads to read with: `jobs` when given, else every core for a vault past the threshold, else one. */
export function threadsFor(notes: number, jobs: number | undefined): number {
	if (jobs !== undefined) return Math.max(1, Math.min(jobs, notes));
	if (notes < PARALLEL_THRESHOLD) return 1;
	return Math.max(1, Math.min(os.availableParallelism(), notes));
}

/** How long the main thread waits for a worker before it gives up (ms): far beyond any vault's reading. */
const WORKER_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Reads the notes into counts-only records, in order, with `threads` threads
 * (the main thread among them). With one thread, or without the worker's
 * script, everything is read here. `threads` in the answer says how many read.
 */
export function readCounts(notes: NoteFile[], settings: AttuneSettings, threads: number, script: string | undefined = workerScript()): { records: NoteRecord[]; threads: number } {
	if (threads <= 1 || script === undefined || notes.length < 2) return { records: readShare({ notes, settings }), threads: 1 };
	const shares = split(notes, threads);
	const done = new SharedArrayBuffer(4);
	const counter = new Int32Array(done);
	const workers: { worker: Worker; port: MessagePort }[] = [];
	for (const share of shares.slice(1)) {
		const { port1, port2 } = new MessageChannel();
		const worker = new Worker(script, { workerData: { notes: share, settings, port: port2, done }, transferList: [port2] });
		workers.push({ worker, port: port1 });
	}
	try {
		// The first share is read here while the workers start and read theirs.
		const records = readShare({ notes: shares[0]!, settings });
		for (let seen = Atomics.load(counter, 0); seen < workers.length; seen = Atomics.load(counter, 0)) {
			if (Atomics.wait(counter, 0, seen, WORKER_TIMEOUT_MS) === "timed-out") throw new Error("a reading thread did not answer");
		}
		for (const { port } of workers) {
			const answer = receiveMessageOnPort(port)?.message as ReadAnswer | undefined;
			if (!answer) throw new Error("a reading thread answered nothing");
			if ("error" in answer) throw new Error(`a reading thread failed: ${answer.error}`);
			for (const r of unpackShare(answer.share)) records.push(r);
		}
		return { records, threads: shares.length };
	} finally {
		for (const { worker, port } of workers) {
			port.close();
			void worker.terminate();
		}
	}
}

/** Cuts the notes into `k` consecutive shares of nearly equal length. */
function split<T>(xs: T[], k: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < k; i++) out.push(xs.slice(Math.floor((i * xs.length) / k), Math.floor(((i + 1) * xs.length) / k)));
	return out.filter((s) => s.length > 0);
}
