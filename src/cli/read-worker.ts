/**
 * One reading thread of `attune summarize` (see parallel-read.ts): reads
 * chunks of the vault's notes into counts-only records and hands them back.
 * Bundled by esbuild as dist/read-worker.js, beside dist/cli.js.
 */
import { type MessagePort, workerData } from "node:worker_threads";
import { packShare, readChunks, type ReadJob, type ReadAnswer } from "./parallel-read";

const job = workerData as ReadJob & { port: MessagePort };
let answer: ReadAnswer;
try {
	answer = { share: packShare(readChunks(job)) };
} catch (e) {
	answer = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
job.port.postMessage(answer);
job.port.close();
// The main thread waits on this counter (it cannot hear messages while it waits).
const done = new Int32Array(job.shared);
Atomics.add(done, 0, 1);
Atomics.notify(done, 0);
