/**
 * `attune hours` (FORMAT.md section 6, version 1.8): direct client and
 * supervision hours for a scope, on the example vault and on a vault written
 * for the test; unknown durations listed, never guessed.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";

const EXAMPLE = path.join(__dirname, "../../example-vault");

interface MinutesJson { minutes: number; hours: number; notes: number }
interface SupervisorJson extends MinutesJson { supervisor: string | null }
interface HoursJson {
	format: 1;
	scope: Record<string, string>;
	direct: MinutesJson;
	supervision: MinutesJson;
	supervisors: SupervisorJson[];
	months: { month: string; direct: MinutesJson; supervision: MinutesJson; supervisors: SupervisorJson[]; unknown: number }[];
	undated: { direct: MinutesJson; supervision: MinutesJson };
	unknown: { path: string; kind: string | null; date: string | null; reason: string; written: string | null }[];
	warnings: string[];
}

function hours(vault: string, args: string[] = []): HoursJson {
	const r = run(["hours", vault, ...args, "--format", "json"]);
	expect(r.code).toBe(0);
	return JSON.parse(r.stdout) as HoursJson;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("attune hours on the example vault", () => {
	it("counts each session note's and supervision note's minutes, and lists the notes without a usable duration", () => {
		const h = hours(EXAMPLE);
		// Sixteen session notes outside the excluded Archive/; nine have a duration that counts (one more is “fifty”).
		expect(h.direct.notes + h.unknown.filter((u) => u.kind !== "supervision").length).toBe(16);
		expect(h.direct.minutes).toBe(50 * 8 + 45);
		expect(h.supervision).toEqual({ minutes: 150, hours: 2.5, notes: 2 });
		expect(h.supervisors).toEqual([{ supervisor: "Dr. Tomas Verhoeven (example)", minutes: 150, hours: 2.5, notes: 2 }]);
		expect(h.unknown.find((u) => u.reason === "invalid")).toEqual({ path: "Clients/C-103/2026-03-02 session 4.md", kind: "session", date: "2026-03-02", reason: "invalid", written: "fifty" });
		expect(h.unknown.find((u) => u.reason === "unreadable")?.path).toBe("Clients/C-102/2026-02-12 session 4.md");
		expect(h.unknown.map((u) => u.path)).toEqual([...h.unknown.map((u) => u.path)].sort());
	});

	it("its months, with the undated notes, add up to the totals, minute for minute", () => {
		for (const scope of [[], ["--client", "C-101"], ["--folder", "Supervision"], ["--note-type", "session"]]) {
			const h = hours(EXAMPLE, scope);
			expect(sum(h.months.map((m) => m.direct.minutes)) + h.undated.direct.minutes).toBe(h.direct.minutes);
			expect(sum(h.months.map((m) => m.supervision.minutes)) + h.undated.supervision.minutes).toBe(h.supervision.minutes);
			expect(sum(h.months.map((m) => m.unknown))).toBe(h.unknown.filter((u) => u.date !== null).length);
			for (const [i, s] of h.supervisors.entries()) expect(sum(h.months.map((m) => m.supervisors[i]!.minutes))).toBe(s.minutes);
		}
	});

	it("keeps to the scope, and repeats it", () => {
		const h = hours(EXAMPLE, ["--client", "C-103", "--from", "2026-02-01", "--to", "2026-02-28"]);
		expect(h.scope).toEqual({ client: "C-103", from: "2026-02-01", to: "2026-02-28" });
		expect(h.months.map((m) => m.month)).toEqual(["2026-02"]);
		expect([h.direct.minutes, h.supervision.minutes]).toEqual([100, 90]);
		expect(hours(EXAMPLE, ["--note-type", "session"]).supervision).toEqual({ minutes: 0, hours: 0, notes: 0 });
	});

	it("the table says the same numbers in hours, and names each note to fix", () => {
		const r = run(["hours", EXAMPLE, "--client", "C-103"]);
		expect(r.code).toBe(0);
		const lines = r.stdout.split("\n");
		expect(lines.slice(0, 3)).toEqual(["Direct client hours: 2.5 (3 notes)", "Supervision hours: 1.5 (1 note)", "  Dr. Tomas Verhoeven (example): 1.5 (1 note)"]);
		expect(lines.find((l) => l.startsWith("2026-02"))?.split(/\s{2,}/)).toEqual(["2026-02", "1.67", "1.5", "1.5", "1"]);
		expect(r.stdout).toContain("  Clients/C-103/2026-03-02 session 4.md: Duration “fifty” is no number of minutes\n");
	});

	it("the CSV holds the JSON's numbers, one row each, and its warnings go to stderr", () => {
		const r = run(["hours", EXAMPLE, "--format", "csv"]);
		expect(r.code).toBe(0);
		const rows = r.stdout.trimEnd().split("\r\n").map((l) => l.split(","));
		expect(rows[0]).toEqual(["month", "kind", "supervisor", "hours", "minutes", "notes", "path", "reason"]);
		const h = hours(EXAMPLE);
		expect(rows.find((x) => x[0] === "total" && x[1] === "direct")).toEqual(["total", "direct", "", String(h.direct.hours), String(h.direct.minutes), String(h.direct.notes), "", ""]);
		expect(rows.filter((x) => x[1] === "unknown").map((x) => [x[6], x[7]])).toEqual(h.unknown.map((u) => [u.path, u.reason]));
		expect(rows.filter((x) => x[1] === "direct" && /^\d{4}-\d{2}$/.test(x[0]!)).map((x) => Number(x[4]))).toEqual(h.months.map((m) => m.direct.minutes));
		expect(r.stderr).toBe(h.warnings.map((w) => `attune: warning: ${w}\n`).join(""));
	});

	it("inspect --format table shows a duration read in minutes, and one that was not read as written", () => {
		const lines = (note: string) => run(["inspect", path.join(EXAMPLE, note), "--format", "table"]).stdout.split("\n");
		expect(lines("Clients/C-103/2026-03-09 session 5.md")).toContainEqual(expect.stringMatching(/^Duration \(minutes\)\s+50$/));
		expect(lines("Clients/C-103/2026-03-02 session 4.md")).toContainEqual(expect.stringMatching(/^Duration \(not read\)\s+fifty$/));
	});

	it("prints the keys FORMAT.md shows", () => {
		const doc = fs.readFileSync(path.join(__dirname, "../../docs/FORMAT.md"), "utf8");
		const block = /`hours --format json`[^\n]*\n\n```json\n([\s\S]*?)\n```/.exec(doc);
		expect(block).not.toBeNull();
		const shown = JSON.parse(block![1]!) as HoursJson;
		const h = hours(EXAMPLE, ["--client", "C-103"]);
		const keys = (o: object) => Object.keys(o);
		expect(keys(h)).toEqual(keys(shown));
		expect(keys(h.months[0]!)).toEqual(keys(shown.months[0]!));
		expect(keys(h.unknown[0]!)).toEqual(keys(shown.unknown[0]!));
		// The example's numbers are this scope's.
		expect([h.direct, h.supervision, h.supervisors, h.months[0]]).toEqual([shown.direct, shown.supervision, shown.supervisors, shown.months[0]]);
	});
});

describe("attune hours on a vault of its own", () => {
	let vault: string;
	const write = (p: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(vault, p)), { recursive: true });
		fs.writeFileSync(path.join(vault, p), text);
	};
	beforeEach(() => {
		vault = fs.mkdtempSync(path.join(os.tmpdir(), "attune-hours-"));
		fs.mkdirSync(path.join(vault, ".obsidian"));
	});
	afterEach(() => fs.rmSync(vault, { recursive: true, force: true }));

	it("an empty vault is zero everywhere, not an error", () => {
		const h = hours(vault);
		expect([h.direct, h.supervision, h.months, h.unknown]).toEqual([{ minutes: 0, hours: 0, notes: 0 }, { minutes: 0, hours: 0, notes: 0 }, [], []]);
		expect(run(["hours", vault]).stdout).toContain("Direct client hours: 0 (0 notes)\n");
	});

	it("splits supervision by supervisor, names in any case, the unnamed last; an undated note is in the totals only", () => {
		write("a.md", "---\nnote-type: supervision\ndate: 2026-01-05\nsupervisor: Dr. B\nduration: 60\n---\n");
		write("b.md", "---\nnote-type: supervision\ndate: 2026-01-12\nsupervisor: dr. b\nduration: \"30\"\n---\n");
		write("c.md", "---\nnote-type: supervision\ndate: 2026-01-19\nduration: 45\n---\n");
		write("d.md", "---\nnote-type: session\nclient: C-1\nduration: 50\n---\n");
		const h = hours(vault);
		expect(h.supervisors.map((s) => [s.supervisor, s.minutes])).toEqual([["Dr. B", 90], [null, 45]]);
		expect(h.undated.direct).toEqual({ minutes: 50, hours: 0.83, notes: 1 });
		expect(h.direct.minutes).toBe(50);
		expect(h.months.map((m) => m.month)).toEqual(["2026-01"]);
	});

	it("writes nothing into the vault", () => {
		write("a.md", "---\nnote-type: session\nduration: 50\n---\nText.\n");
		const before = fs.readFileSync(path.join(vault, "a.md"), "utf8");
		for (const format of ["table", "json", "csv"]) expect(run(["hours", vault, "--format", format]).code).toBe(0);
		expect(fs.readdirSync(vault).sort()).toEqual([".obsidian", "a.md"]);
		expect(fs.readFileSync(path.join(vault, "a.md"), "utf8")).toBe(before);
	});

	it.each([
		[["--format", "markdown"], "--format must be one of table, json, csv"],
		[["--from", "2026-02-30"], "that date does not exist"],
		[["--tag", "x"], "unknown option --tag"],
	])("bad usage %j exits 2, saying why", (args, message) => {
		const r = run(["hours", vault, ...args]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(message);
		expect(r.stdout).toBe("");
	});

	it("is listed in the usage, with its own help", () => {
		expect(run(["--help"]).stdout).toContain("attune hours <vault>");
		expect(run(["hours", "--help"]).stdout).toContain("[--format table|json|csv]");
	});
});
