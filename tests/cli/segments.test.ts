/**
 * `attune segments` (FORMAT.md section 6): one row per Attune tag occurrence
 * of a scope. Its rows add up to `attune summarize` for the same scope, its
 * CSV and JSON hold the same rows, and coding copies are left out, and said so.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import type { SummaryJson } from "../../src/core/index/summary";
import { FAMILY_TABLE } from "../../src/core/vocabulary/families";

const EXAMPLE = path.join(__dirname, "../../example-vault");
const COPY = "Clients/C-101/2026-01-27 session 3 (blind copy).md";

interface Segment { path: string; client: string | null; date: string | null; session: number | null; family: string; value: string; class: string | null; direction: string | null; tag: string; line: number; inProperties: boolean; headings: string[]; text: string }
interface SegmentsJson { format: 1; scope: Record<string, string>; segments: Segment[]; codingCopies: number; warnings: string[] }

function json<T>(args: string[]): T {
	const r = run(args);
	expect(r.code).toBe(0);
	return JSON.parse(r.stdout) as T;
}

/** Occurrences per family and value (with class or direction), as summarize counts them. */
function countsOfSummary(s: SummaryJson): Record<string, number> {
	const out: Record<string, number> = {};
	for (const def of FAMILY_TABLE) {
		for (const row of s[def.summary.list] as Record<string, unknown>[]) {
			const q = def.qualifier ? `/${String(row[def.qualifier.field])}` : "";
			out[`${def.key}:${String(row[def.summary.field])}${q}`] = row.count as number;
		}
	}
	return out;
}

function countsOfSegments(rows: Segment[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const r of rows) {
		const q = r.class ?? r.direction;
		const k = `${r.family}:${r.value}${q === null ? "" : `/${q}`}`;
		out[k] = (out[k] ?? 0) + 1;
	}
	return out;
}

describe("attune segments on the example vault", () => {
	it.each([
		["the whole vault", []],
		["a client", ["--client", "C-101"]],
		["a date range", ["--from", "2026-02-01", "--to", "2026-02-28"]],
		["a folder", ["--folder", "Clients/C-102"]],
		["session notes", ["--note-type", "session"]],
	])("%s: one row per occurrence that summarize counts", (_name, scope) => {
		const seg = json<SegmentsJson>(["segments", EXAMPLE, ...scope, "--format", "json"]);
		const sum = json<SummaryJson>(["summarize", EXAMPLE, ...scope, "--format", "json"]);
		expect(seg.segments.length).toBeGreaterThan(0);
		expect(countsOfSegments(seg.segments)).toEqual(countsOfSummary(sum));
		expect(seg.warnings).toEqual(sum.warnings);
		expect(seg.codingCopies).toBe(sum.codingCopies);
	});

	it("leaves the coding copy out, and says so: in the JSON, and on stderr beside the CSV", () => {
		const seg = json<SegmentsJson>(["segments", EXAMPLE, "--client", "C-101", "--format", "json"]);
		expect(seg.segments.some((r) => r.path === COPY)).toBe(false);
		expect(seg.codingCopies).toBe(1);
		expect(seg.warnings.find((w) => w.includes("coding copy"))).toContain(COPY);
		const csv = run(["segments", EXAMPLE, "--client", "C-101"]);
		expect(csv.code).toBe(0);
		expect(csv.stdout).not.toContain(COPY);
		expect(csv.stderr).toContain(`attune: warning: 1 coding copy`);
	});

	it("each row's line and passage are where the tag is in the note", () => {
		const seg = json<SegmentsJson>(["segments", EXAMPLE, "--format", "json"]);
		for (const r of seg.segments) {
			const lines = fs.readFileSync(path.join(EXAMPLE, r.path), "utf8").split(/\r?\n/);
			expect(lines[r.line - 1]).toContain(r.inProperties ? r.tag.split("/")[0] : `#${r.tag}`);
			if (!r.inProperties) expect(r.text).toContain(`#${r.tag}`);
		}
	});

	it("the CSV holds the JSON's rows, one line each, the header first", () => {
		const seg = json<SegmentsJson>(["segments", EXAMPLE, "--client", "C-102", "--format", "json"]);
		const csv = run(["segments", EXAMPLE, "--client", "C-102", "--format", "CSV"]);
		const lines = csv.stdout.split("\r\n").filter((l) => l !== "");
		expect(lines[0]).toBe("path,client,date,session,family,value,class,direction,tag,line,headings,text");
		// The example's passages hold no line break, so each row is one line.
		expect(seg.segments.every((r) => !r.text.includes("\n"))).toBe(true);
		expect(lines).toHaveLength(seg.segments.length + 1);
		expect(lines[1]).toContain(`${seg.segments[0]!.path},C-102,${seg.segments[0]!.date}`);
	});
});

describe("attune segments: usage", () => {
	it.each([
		[["segments"], /segments takes one vault folder/],
		[["segments", "/no/such/vault"], /does not exist/],
		[["segments", EXAMPLE, "--format", "table"], /--format must be one of csv, json/],
		[["segments", EXAMPLE, "--from", "2026-02-30"], /that date does not exist/],
	])("%j is bad usage (exit 2)", (args, message) => {
		const r = run(args);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
	});

	it("an empty vault gives the header alone, and JSON with no rows", () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-segments-"));
		try {
			fs.mkdirSync(path.join(dir, ".obsidian"));
			fs.writeFileSync(path.join(dir, "a.md"), "No tags.\n");
			expect(run(["segments", dir]).stdout).toBe("path,client,date,session,family,value,class,direction,tag,line,headings,text\r\n");
			expect(json<SegmentsJson>(["segments", dir, "--format", "json"]).segments).toEqual([]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
