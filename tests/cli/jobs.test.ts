/**
 * `--jobs`: reading a vault on several threads gives, byte for byte, what one
 * thread gives, on the example vault, a generated vault and real text. The
 * reading threads run the built dist/read-worker.js, so these tests run the
 * built program (built first where it is missing).
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { PARALLEL_THRESHOLD, readCounts, threadsFor } from "../../src/cli/parallel-read";
import { listNotes, readVaultConfig } from "../../src/cli/vault";
import { generateVault } from "../../src/bench/generate";
import { conversations, describeOnCorpus, noteOf } from "../helpers/esconv";

const ROOT = path.join(__dirname, "../..");
const EXAMPLE = path.join(ROOT, "example-vault");
const CLI = path.join(ROOT, "dist/cli.js");
const WORKER = path.join(ROOT, "dist/read-worker.js");

beforeAll(() => {
	if (!fs.existsSync(CLI) || !fs.existsSync(WORKER)) execFileSync("node", ["esbuild.config.mjs", "production"], { cwd: ROOT });
});

/** A vault folder (with `.obsidian`) holding these notes. */
function vaultOf(notes: { path: string; text: string }[]): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-jobs-"));
	fs.mkdirSync(path.join(dir, ".obsidian"));
	for (const n of notes) {
		fs.mkdirSync(path.dirname(path.join(dir, n.path)), { recursive: true });
		fs.writeFileSync(path.join(dir, n.path), n.text);
	}
	return dir;
}

/** The built program's answer. */
function cli(args: string[]): { stdout: string; stderr: string; status: number | null } {
	const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
	return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Summarize with one thread and with two: the same bytes, every format; and the numbers are not empty. */
function expectSameOnOneAndTwo(vault: string, minNotes: number): void {
	for (const format of ["json", "table", "csv", "markdown"]) {
		const one = cli(["summarize", vault, "--format", format, "--jobs", "1"]);
		const two = cli(["summarize", vault, "--format", format, "--jobs", "2"]);
		expect(one.status).toBe(0);
		expect(two.stderr).toBe(one.stderr);
		expect(two.stdout).toBe(one.stdout);
	}
	const s = JSON.parse(cli(["summarize", vault, "--format", "json", "--jobs", "2"]).stdout) as { notes: number; emotions: unknown[] };
	expect(s.notes).toBeGreaterThanOrEqual(minNotes);
	expect(s.emotions.length).toBeGreaterThan(0);
	const lint1 = cli(["lint", vault, "--format", "json", "--jobs", "1"]);
	expect(cli(["lint", vault, "--format", "json", "--jobs", "2"]).stdout).toBe(lint1.stdout);
}

describe("--jobs", () => {
	it("is a whole number of threads, 1 or more", () => {
		for (const bad of ["0", "two", "1.5", "-1"]) {
			const r = run(["summarize", EXAMPLE, "--jobs", bad]);
			expect(r.code).toBe(2);
			expect(r.stderr).toMatch(/--jobs/);
		}
		expect(run(["summarize", EXAMPLE, "--jobs", "1"]).code).toBe(0);
	});

	it("one thread for a small vault, every core past the threshold, and what --jobs says when given", () => {
		expect(threadsFor(PARALLEL_THRESHOLD - 1, undefined)).toBe(1);
		// Every core past the threshold, on a machine of four cores or more; one thread on two, where two were measured slower.
		expect(threadsFor(PARALLEL_THRESHOLD, undefined, 8)).toBe(8);
		expect(threadsFor(PARALLEL_THRESHOLD, undefined, 4)).toBe(4);
		expect(threadsFor(PARALLEL_THRESHOLD * 5, undefined, 2)).toBe(1);
		expect(threadsFor(PARALLEL_THRESHOLD, undefined)).toBe(os.availableParallelism() >= 4 ? os.availableParallelism() : 1);
		expect(threadsFor(10, 3)).toBe(3);
		// Never more threads than notes.
		expect(threadsFor(2, 8)).toBe(2);
	});

	it("reads on several threads into the same records, in the same order, as on one", () => {
		const dir = vaultOf(generateVault(300, 7));
		try {
			const config = readVaultConfig(dir);
			const notes = listNotes(dir, config.excluded, () => {});
			const one = readCounts(notes, config.settings, 1, { script: WORKER });
			expect(one.threads).toBe(1);
			expect(one.records.map((r) => r.path)).toEqual(notes.map((n) => n.vaultPath));
			// The main thread reading along, or only the workers (so that they are seen to read).
			for (const [threads, mainReads] of [[2, true], [2, false], [3, false]] as const) {
				const many = readCounts(notes, config.settings, threads, { script: WORKER, mainReads });
				expect(many.threads).toBe(threads);
				expect(many.read.reduce((a, b) => a + b, 0)).toBe(300);
				if (!mainReads) expect(many.read[0]).toBe(0);
				expect(many.records).toEqual(one.records);
			}
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it("the program copied alone, without read-worker.js, reads on one thread and says so when threads were asked for", () => {
		const alone = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "attune-bin-")), "cli.js");
		fs.copyFileSync(CLI, alone);
		const one = spawnSync(process.execPath, [CLI, "summarize", EXAMPLE, "--format", "json", "--jobs", "1"], { encoding: "utf8" });
		const two = spawnSync(process.execPath, [alone, "summarize", EXAMPLE, "--format", "json", "--jobs", "2"], { encoding: "utf8" });
		expect(two.status).toBe(0);
		expect(two.stdout).toBe(one.stdout);
		expect(two.stderr).toBe("attune: warning: --jobs 2: read-worker.js is not beside the program, so the notes were read on one thread\n");
		// Without --jobs nothing was asked for, and nothing is said.
		expect(spawnSync(process.execPath, [alone, "summarize", EXAMPLE], { encoding: "utf8" }).stderr).toBe("");
	});

	it("prints the same bytes on one thread and on two: the example vault", () => {
		expectSameOnOneAndTwo(EXAMPLE, 10);
	});

	it("prints the same bytes on one thread and on two: a generated vault", () => {
		const dir = vaultOf(generateVault(600, 11));
		try {
			expectSameOnOneAndTwo(dir, 600);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describeOnCorpus("--jobs on real text")("--jobs on real text", () => {
	it("prints the same bytes on one thread and on two: a vault of real conversations", () => {
		const notes = conversations().map((c, k) => ({ path: `Conversations/${String(k).padStart(4, "0")}.md`, text: noteOf(c, true, k).text }));
		expect(notes.length).toBeGreaterThanOrEqual(150);
		const dir = vaultOf(notes);
		try {
			expectSameOnOneAndTwo(dir, notes.length);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
