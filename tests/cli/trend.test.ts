/**
 * `attune trend` (FORMAT.md section 6): its numbers add up to `attune
 * summarize` for the same scope, minus the undated notes, on the example vault
 * and on a generated one.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import type { SummaryJson } from "../../src/core/index/summary";
import { generateVault } from "../../src/bench/generate";
import { PROCESS_ORDER } from "../../src/core/vocabulary/families";

const EXAMPLE = path.join(__dirname, "../../example-vault");

interface TrendJson {
	format: 1;
	scope: Record<string, string>;
	sessions: { path: string; date: string; session: number | null; classes: Record<string, number>; emotions: number; modes: Record<string, number>; responses: { empathic: number; procedure: number }; moves: Record<string, number>; measures: Record<string, number> }[];
	undated: number;
	warnings: string[];
}

function json<T>(args: string[]): T {
	const r = run(args);
	expect(r.code).toBe(0);
	return JSON.parse(r.stdout) as T;
}

/** Every date there is: `--from`/`--to` then keep exactly the dated notes. */
const DATED = ["--from", "0001-01-01", "--to", "9999-12-31"];

/** Checks the trend of a scope against summarize of the same scope. */
function checkAgainstSummarize(vault: string, scope: string[]): TrendJson {
	const t = json<TrendJson>(["trend", vault, ...scope, "--format", "json"]);
	const all = json<SummaryJson>(["summarize", vault, ...scope, "--format", "json"]);
	// A scope with dates already leaves the undated notes out.
	const ranged = scope.includes("--from") || scope.includes("--to");
	const dated = json<SummaryJson>(["summarize", vault, ...scope, ...(ranged ? [] : DATED), "--format", "json"]);
	expect(t.sessions.length).toBe(dated.notes);
	expect(t.undated).toBe(all.notes - dated.notes);
	const sum = (f: (s: TrendJson["sessions"][number]) => number) => t.sessions.reduce((n, s) => n + f(s), 0);
	for (const p of PROCESS_ORDER) {
		expect([p, sum((s) => s.classes[p] ?? 0)]).toEqual([p, dated.processShares.find((x) => x.process === p)!.count]);
	}
	expect(sum((s) => s.emotions)).toBe(dated.emotions.reduce((n, r) => n + r.count, 0));
	for (const r of dated.empathy) expect([r.mode, sum((s) => s.modes[r.mode] ?? 0)]).toEqual([r.mode, r.count]);
	for (const r of dated.processes) expect([r.move, sum((s) => s.moves[r.move] ?? 0)]).toEqual([r.move, r.count]);
	const procedure = dated.responses.filter((r) => r.kind === "procedure").reduce((n, r) => n + r.count, 0);
	const responses = dated.responses.reduce((n, r) => n + r.count, 0);
	expect(sum((s) => s.responses.procedure)).toBe(procedure);
	expect(sum((s) => s.responses.empathic)).toBe(responses - procedure);
	return t;
}

describe("attune trend on the example vault", () => {
	it.each([
		["the whole vault", []],
		["client C-101", ["--client", "C-101"]],
		["client C-102", ["--client", "c-102"]],
		["a date range", ["--from", "2026-01-20", "--to", "2026-02-12"]],
		["a folder", ["--folder", "Clients"]],
	])("adds up to summarize minus the undated notes for %s", (_name, scope) => {
		checkAgainstSummarize(EXAMPLE, scope);
	});

	it("orders the sessions by date, then session number, then path", () => {
		const t = json<TrendJson>(["trend", EXAMPLE, "--client", "C-101", "--format", "json"]);
		expect(t.scope).toEqual({ client: "C-101" });
		const dates = t.sessions.map((s) => s.date);
		expect(dates).toEqual([...dates].sort());
		expect(t.sessions.filter((s) => s.path.startsWith("Clients/")).map((s) => s.session)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it("counts undated notes rather than dropping them", () => {
		const t = json<TrendJson>(["trend", EXAMPLE, "--format", "json"]);
		expect(t.undated).toBeGreaterThan(0);
	});

	it("carries the supervisor's ratings as measures, numbers only", () => {
		const t = json<TrendJson>(["trend", EXAMPLE, "--client", "C-101", "--format", "json"]);
		const sup = t.sessions.find((s) => s.path.startsWith("Supervision/"));
		expect(sup?.measures["rating-empathy"]).toEqual(expect.any(Number));
		for (const s of t.sessions) for (const v of Object.values(s.measures)) expect(typeof v).toBe("number");
	});

	it("says when nothing matched, in every format", () => {
		for (const format of ["table", "markdown"]) {
			const r = run(["trend", EXAMPLE, "--client", "C-999", "--format", format]);
			expect(r.code).toBe(0);
			expect(r.stdout).toContain("No note has the client “C-999”");
		}
		expect(json<TrendJson>(["trend", EXAMPLE, "--client", "C-999", "--format", "json"]).warnings.join(" ")).toContain("C-999");
	});

	it("prints one CSV line per dated note, and the same numbers as the JSON", () => {
		const t = json<TrendJson>(["trend", EXAMPLE, "--client", "C-101", "--format", "json"]);
		const csv = run(["trend", EXAMPLE, "--client", "C-101", "--format", "csv"]).stdout.trimEnd().split("\r\n");
		expect(csv.length).toBe(t.sessions.length + 1);
		const head = csv[0]!.split(",");
		const secondary = head.indexOf("secondary");
		expect(csv.slice(1).map((l) => Number(l.split(",")[secondary]))).toEqual(t.sessions.map((s) => s.classes.secondary));
	});

	it("rejects bad usage with exit 2", () => {
		expect(run(["trend", EXAMPLE, "--format", "xml"]).code).toBe(2);
		expect(run(["trend", EXAMPLE, "--from", "2026-03-01", "--to", "2026-01-01"]).code).toBe(2);
		expect(run(["trend"]).code).toBe(2);
	});
});

describe("attune trend on a generated vault", () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-trend-"));
	for (const n of generateVault(240, 7)) {
		fs.mkdirSync(path.dirname(path.join(dir, n.path)), { recursive: true });
		fs.writeFileSync(path.join(dir, n.path), n.text);
	}
	// An undated note of a generated client: counted by summarize, on no axis.
	fs.writeFileSync(path.join(dir, "undated.md"), "---\nclient: \"[[C-0003]]\"\n---\n#emotion/shame/secondary #emotion/fear\n");
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	it.each([[[]], [["--client", "C-0003"]], [["--from", "2024-03-01", "--to", "2024-06-30"]]])("adds up to summarize minus the undated notes (%j)", (scope) => {
		const t = checkAgainstSummarize(dir, scope);
		expect(t.sessions.length).toBeGreaterThan(0);
	});

	it("gives each session of a client one row", () => {
		const t = json<TrendJson>(["trend", dir, "--client", "C-0003", "--format", "json"]);
		expect(t.undated).toBe(1);
		expect(t.sessions.map((s) => s.session)).toEqual(t.sessions.map((_, i) => i + 1));
	});
});

describe("attune trend with measures named in the vault's settings", () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-measures-"));
	const write = (p: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
		fs.writeFileSync(path.join(dir, p), text);
	};
	write(".obsidian/plugins/attune/data.json", JSON.stringify({ measures: ["phq-9", "gad-7"] }));
	write("Clients/C-1/s1.md", "---\nclient: C-1\ndate: 2026-01-05\nsession: 1\nphq-9: 18\ngad-7: 11\n---\n#emotion/shame/primary-maladaptive\n");
	write("Clients/C-1/s2.md", "---\nclient: C-1\ndate: 2026-01-12\nsession: 2\nphq-9: mild\n---\n#emotion/sadness/primary-adaptive\n");
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	it("carries each named number per session, and a value that is not a number as a diagnostic, never 0", () => {
		const t = json<TrendJson>(["trend", dir, "--client", "C-1", "--format", "json"]);
		expect(t.sessions.map((s) => s.measures)).toEqual([{ "phq-9": 18, "gad-7": 11 }, {}]);
		const lint = run(["lint", dir]);
		expect(lint.stdout).toMatch(/s2\.md.*phq-9.*not a number/);
	});

	it("prints a column per measure in the table, blank where the note holds no number", () => {
		const csv = run(["trend", dir, "--client", "C-1", "--format", "csv"]).stdout.trimEnd().split("\r\n").map((l) => l.split(","));
		const col = csv[0]!.indexOf("measure:phq-9");
		expect(csv.slice(1).map((r) => r[col])).toEqual(["18", ""]);
	});
});
