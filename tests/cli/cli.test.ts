/**
 * The command line (FORMAT.md section 6) on the bundled example vault and on
 * vaults of bad input made for each test.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import type { SummaryJson as Summary } from "../../src/core/index/summary";

/** Paths whose reads fail with EACCES: as root (CI), permissions cannot make a file unreadable. */
const mockUnreadable = new Set<string>();
jest.mock("node:fs", () => {
	const real = jest.requireActual<typeof import("node:fs")>("node:fs");
	return {
		...real,
		// Opening is where the system refuses a file that may not be read.
		openSync: (p: string, ...rest: unknown[]) => {
			if (mockUnreadable.has(String(p))) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
			return (real.openSync as (p: string, ...rest: unknown[]) => unknown)(p, ...rest);
		},
	};
});

const ROOT = path.join(__dirname, "../..");
const EXAMPLE = path.join(ROOT, "example-vault");

function json<T = Summary>(args: string[]): T {
	const r = run(args);
	expect(r.stderr).toBe("");
	expect(r.code).toBe(0);
	return JSON.parse(r.stdout) as T;
}

/** Every file below a folder with its size and modification time, to prove nothing was written. */
function fingerprint(dir: string): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			const p = path.join(d, e.name);
			if (e.isSymbolicLink()) out.push(`${p} -> ${fs.readlinkSync(p)}`);
			else if (e.isDirectory()) walk(p);
			else {
				const st = fs.statSync(p);
				out.push(`${p} ${st.size} ${st.mtimeMs}`);
			}
		}
	};
	walk(dir);
	return out.sort();
}

/** A vault as Obsidian makes one: a `.obsidian` folder, so no "no vault found" note is printed. */
function tempVault(files: Record<string, string | Buffer>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-cli-"));
	fs.mkdirSync(path.join(dir, ".obsidian"));
	for (const [p, t] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
		fs.writeFileSync(path.join(dir, p), t);
	}
	return dir;
}

describe("attune summarize on the example vault", () => {
	const before = fingerprint(EXAMPLE);
	const s = json(["summarize", EXAMPLE, "--format", "json"]);

	it("summarizes every note but the excluded Archive folder", () => {
		expect(s.format).toBe(1);
		expect(s.notes).toBe(24);
		expect(s.diagnostics.some((d) => d.path.startsWith("Archive/"))).toBe(false);
	});
	it("counts the shame-to-sadness arc", () => {
		expect(s.emotions).toContainEqual({ emotion: "shame", process: "primary-maladaptive", count: 7, notes: 4 });
		expect(s.emotions).toContainEqual({ emotion: "sadness", process: "primary-adaptive", count: 4, notes: 4 });
	});
	it("uses every family the field distinguishes, where a clinician would", () => {
		const values = (list: string, field: string) => new Set((s[list] as Record<string, unknown>[]).map((r) => String(r[field])));
		expect(values("empathy", "mode")).toContain("person");
		expect(values("responses", "kind")).toContain("interpretation");
		for (const move of ["approaching", "acknowledging", "making-sense", "discerning"]) expect(values("processes", "move")).toContain(move);
		expect(values("therapist", "process")).toEqual(new Set(["perspective-taking", "regulating", "empathic-distress"]));
		for (const i of ["presence", "warmth", "congruence", "responsiveness", "rupture", "repair"]) expect(values("relationship", "ingredient")).toContain(i);
		expect(values("compassion", "direction")).toEqual(new Set(["self", "other"]));
	});
	it("codes the role-play's \"nobody bothers with me\" as core maladaptive loneliness", () => {
		expect(s.emotions.filter((e) => e.emotion === "loneliness")).toEqual([{ emotion: "loneliness", process: "primary-maladaptive", count: 1, notes: 1 }]);
	});
	it("counts supervisor comments, open and resolved apart", () => {
		expect(s.supervisorComments).toEqual({ open: 6, resolved: 1 });
	});
	it("reports the deliberate mistakes, each at its line", () => {
		expect(s.diagnostics.map((d) => `${d.path}:${d.line} ${d.code}`)).toEqual([
			"Clients/C-101/2026-01-13 session 1.md:15 unknown-process",
			"Clients/C-101/2026-01-27 session 3.md:19 extra-segments",
			"Clients/C-101/2026-02-10 session 4.md:22 unknown-value",
			"Clients/C-102/2026-01-22 session 2.md:17 missing-value",
			"Clients/C-102/2026-02-12 session 4.md:1 invalid-frontmatter",
			"Clients/C-103/2026-02-02 session 1.md:8 bad-property",
			"Clients/C-103/2026-03-02 session 4.md:10 bad-property",
			"Supervision/2026-02-19 supervision C-103.md:10 bad-property",
		]);
		for (const d of s.diagnostics) expect(d.message.length).toBeGreaterThan(20);
	});
	it("sorts every list by count, then name", () => {
		for (const list of [s.emotions, s.resonance, s.empathy, s.responses, s.processes] as { count: number }[][]) {
			for (let i = 1; i < list.length; i++) expect(list[i - 1]!.count).toBeGreaterThanOrEqual(list[i]!.count);
		}
	});
	it("filters by client, dates and folder", () => {
		const c = json(["summarize", EXAMPLE, "--client", "C-101", "--format", "json"]);
		expect(c.notes).toBeGreaterThanOrEqual(6);
		expect(c.emotions.find((e) => e.emotion === "worry")).toBeUndefined();
		const r = json(["summarize", EXAMPLE, "--from", "2026-02-01", "--to", "2026-02-28", "--format", "json"]);
		expect(r.notes).toBeLessThan(s.notes);
		const f = json(["summarize", EXAMPLE, "--folder", "Study", "--format", "json"]);
		expect(f.notes).toBe(2);
		// The study notes explain the syntax in code: none of that counts.
		expect(f.emotions.filter((e) => e.emotion === "shame" || e.emotion === "sadness")).toEqual([]);
	});
	it("prints an aligned table with the process classes in words and totals", () => {
		const t = run(["summarize", EXAMPLE]).stdout;
		expect(t).toContain("Notes summarized: 24");
		expect(t).toContain("Primary maladaptive");
		expect(t).toMatch(/^Total\s+\d+/m);
		const table = t.split("\n\n").find((b) => b.startsWith("Client emotions"))!.split("\n");
		const col = table[1]!.indexOf("Occurrences");
		for (const line of table.slice(3)) if (!/^-/.test(line)) expect(line.length).toBeGreaterThanOrEqual(col);
	});
	it("prints CSV and Markdown", () => {
		const csv = run(["summarize", EXAMPLE, "--format", "csv"]).stdout.split("\r\n");
		expect(csv[0]).toBe("family,value,process,count,notes");
		expect(csv).toContain("emotion,shame,primary-maladaptive,7,4");
		const md = run(["summarize", EXAMPLE, "--format", "markdown"]).stdout;
		expect(md).toContain("| shame | Primary maladaptive | 7 | 4 |");
		expect(md).not.toMatch(/(^|\s)#emotion\//m);
	});
	it("writes nothing into the vault", () => {
		run(["lint", EXAMPLE]);
		run(["inspect", path.join(EXAMPLE, "Clients/C-101/2026-02-10 session 4.md")]);
		expect(fingerprint(EXAMPLE)).toEqual(before);
	});
});

describe("attune inspect", () => {
	it("lists every tag Obsidian would index, property tags first, with 1-based lines", () => {
		const dir = tempVault({
			".obsidian/app.json": "{}",
			"n.md": "---\ntags:\n  - emotion/hope/primary-adaptive\n---\n# Session\n\nShe felt small #emotion/shame/primary-maladaptive and #todo\n\n`#emotion/not-a-tag`\n",
		});
		const r = json<{ path: string; properties: unknown; tags: { tag: string; line: number }[]; diagnostics: unknown[] }>(["inspect", path.join(dir, "n.md"), "--format", "json"]);
		expect(r.path).toBe("n.md");
		expect(r.properties).toEqual({ tags: ["emotion/hope/primary-adaptive"] });
		expect(r.tags.map((t) => [t.tag, t.line])).toEqual([["emotion/hope/primary-adaptive", 3], ["emotion/shame/primary-maladaptive", 7], ["todo", 7]]);
		expect(r.diagnostics).toEqual([]);
	});

	it("--format table shows a person the properties read, each tag with its line and class, comments and problems", () => {
		const dir = tempVault({
			"n.md": "---\nclient: \"[[C-7]]\"\ndate: 2026-03-02\ntags:\n  - emotion/hope/primary-adaptive\n---\n## Work\n\nShe felt small #emotion/shame/primary-maladaptive\nThen #empathy/atunement\n\n> [!supervisor] Slow down at the shame\n",
		});
		const r = run(["inspect", path.join(dir, "n.md"), "--format", "Table"]);
		expect([r.code, r.stderr]).toEqual([0, ""]);
		const t = r.stdout;
		expect(t).toMatch(/^Note: n\.md\n/);
		expect(t).toMatch(/^Client +C-7$/m);
		expect(t).toMatch(/^Date +2026-03-02$/m);
		expect(t).toContain("Attune tags (2)");
		expect(t).toMatch(/^5 \(properties\) +#emotion\/hope\/primary-adaptive +Client emotion +hope +Primary adaptive/m);
		expect(t).toMatch(/^9 +#emotion\/shame\/primary-maladaptive +Client emotion +shame +Primary maladaptive +Work$/m);
		expect(t).toContain("Supervisor comments (1 open, 0 resolved)");
		expect(t).toMatch(/^12 +Open +Slow down at the shame$/m);
		expect(t).toContain("Needs attention (1)");
		expect(t).toMatch(/^Line 10 {2}unknown-value {2}#empathy\/atunement/m);
		// JSON stays the default.
		expect(JSON.parse(run(["inspect", path.join(dir, "n.md")]).stdout)).toMatchObject({ format: 1, path: "n.md" });
	});

	it("--format table says when properties are not valid YAML, and still lists the tags", () => {
		const dir = tempVault({ "n.md": "---\nclient: \"C-1\n---\nShe felt small #emotion/shame\n" });
		const t = run(["inspect", path.join(dir, "n.md"), "--format", "table"]).stdout;
		expect(t).toMatch(/^The properties could not be read: /m);
		expect(t).toMatch(/^4 +#emotion\/shame +Client emotion +shame +Not classified yet/m);
		expect(t).toContain("invalid-frontmatter");
	});
});

describe("attune lint", () => {
	it("exits 1 with the diagnostics when there are any", () => {
		const r = run(["lint", EXAMPLE]);
		expect(r.code).toBe(1);
		expect(r.stdout).toContain("Clients/C-101/2026-02-10 session 4.md:22: unknown-value #empathy/atunement");
		expect(r.stdout).toContain("8 problems found.");
	});
	it("exits 0 on a clean vault", () => {
		const r = run(["lint", tempVault({ "a.md": "#emotion/joy/primary-adaptive\n" })]);
		expect(r).toEqual({ stdout: "No problems found.\n", stderr: "", code: 0 });
	});
});

describe("bad input: a clear answer, nothing lost", () => {
	const ok = "#emotion/sadness/primary-adaptive\n";
	const summary = (dir: string) => json(["summarize", dir, "--format", "json"]);
	const sadness = (s: Summary) => s.emotions.find((e) => e.emotion === "sadness")?.count ?? 0;

	it.each<[string, Record<string, string | Buffer>, string | null]>([
		["invalid YAML properties", { "bad.md": "---\nclient: \"C-1\n---\n" + ok }, "invalid-frontmatter"],
		["a property of the wrong type", { "bad.md": "---\nsession: five\n---\n" + ok }, "bad-property"],
		["a property out of range", { "bad.md": "---\nrating-warmth: 9\n---\n" + ok }, "bad-property"],
		["an empty note", { "bad.md": "" }, null],
		["a note of several megabytes", { "bad.md": ("Prose without tags. ".repeat(50) + "\n").repeat(5000) + ok }, null],
		["bytes that are not UTF-8", { "bad.md": Buffer.concat([Buffer.from("caf\xe9 \xff\xfe ", "latin1"), Buffer.from(ok)]) }, "unreadable-file"],
		["a byte-order mark before the properties", { "bad.md": "\ufeff---\nmodality: EFT\n---\n" + ok }, null],
		["properties that are not a map", { "bad.md": "---\n- a\n- b\n---\n" + ok }, "invalid-frontmatter"],
	])("%s", (_name, files, code) => {
		const dir = tempVault({ ...files, "good.md": ok });
		const s = summary(dir);
		expect(sadness(s)).toBe(files["bad.md"]!.toString().includes("sadness") ? 2 : 1);
		if (code) expect(s.diagnostics).toEqual([expect.objectContaining({ path: "bad.md", code })]);
		else expect(s.diagnostics).toEqual([]);
	});

	it("a file that cannot be read is a diagnostic, and the rest still counts", () => {
		const dir = tempVault({ "locked.md": ok, "good.md": ok });
		const locked = path.join(dir, "locked.md");
		// As root (CI) permissions do not stop reads, so the OS error is simulated there.
		const asRoot = process.getuid?.() === 0;
		if (asRoot) mockUnreadable.add(locked);
		else fs.chmodSync(locked, 0o000);
		try {
			const s = summary(dir);
			expect(s.notes).toBe(1);
			expect(sadness(s)).toBe(1);
			expect(s.diagnostics).toEqual([expect.objectContaining({ path: "locked.md", code: "unreadable-file" })]);
			expect(s.diagnostics[0]!.message).toContain("permission denied");
		} finally {
			mockUnreadable.clear();
			fs.chmodSync(locked, 0o644);
		}
	});

	it("symbolic links that loop are reported, and folders are read once", () => {
		const dir = tempVault({ "good.md": ok, "sub/inner.md": ok });
		fs.symlinkSync("self.md", path.join(dir, "self.md"));
		fs.symlinkSync("..", path.join(dir, "sub", "up"));
		const s = summary(dir);
		expect(s.notes).toBe(2);
		expect(s.diagnostics).toEqual([expect.objectContaining({ path: "self.md", code: "unreadable-file" })]);
	});

	it("a folder given as ./Folder/ is the vault's folder", () => {
		const a = json(["summarize", EXAMPLE, "--folder", "./Clients/", "--format", "json"]);
		expect(a.notes).toBe(json(["summarize", EXAMPLE, "--folder", "Clients", "--format", "json"]).notes);
		expect(a.notes).toBeGreaterThan(0);
	});

	it("YAML the parser warns about prints no warning on the terminal", () => {
		const dir = tempVault({ "a.md": "---\nx: !foo bar\n---\n" + ok });
		const cli = path.join(ROOT, "dist/cli.js");
		if (!fs.existsSync(cli)) execFileSync("node", ["esbuild.config.mjs", "production"], { cwd: ROOT });
		const r = spawnSync(process.execPath, [cli, "lint", dir], { encoding: "utf8" });
		expect(r.status).toBe(0);
		expect(r.stderr).toBe("");
	});

	it("saved settings that would misread tags are set aside with a warning", () => {
		const dir = tempVault({ ".obsidian/plugins/attune/data.json": JSON.stringify({ families: { emotion: "client emotion" } }), "a.md": ok });
		const r = run(["summarize", dir, "--format", "json"]);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/^attune: warning: the plugin's saved settings: the emotion family word/);
		expect((JSON.parse(r.stdout) as Summary).emotions).toHaveLength(1);
	});

	it("deep folders", () => {
		const deep = Array.from({ length: 80 }, (_, i) => `d${i}`).join("/");
		const s = summary(tempVault({ [`${deep}/deep.md`]: ok }));
		expect(sadness(s)).toBe(1);
	});

	it("skips dot-folders and excluded files, honouring app.json", () => {
		const dir = tempVault({
			".obsidian/app.json": JSON.stringify({ userIgnoreFilters: ["Archive/", "/^Drafts\\/.*secret/"] }),
			".trash/t.md": ok, "Archive/a.md": ok, "Drafts/secret plan.md": ok, "Drafts/plan.md": ok, "good.md": ok,
			// De-identified copies (the default export folder) would count every note twice.
			"Supervision exports/Export 2026-03-16/copy.md": ok,
		});
		expect(summary(dir).notes).toBe(2);
	});

	it("uses the plugin's saved settings (family words, vocabularies)", () => {
		const dir = tempVault({
			".obsidian/plugins/attune/data.json": JSON.stringify({ families: { emotion: "gefühl" }, extraWords: { empathy: ["presence"] } }),
			"a.md": "#gefühl/scham/secondary #emotion/joy #empathy/presence\n",
		});
		const s = summary(dir);
		expect(s.emotions).toEqual([{ emotion: "scham", process: "secondary", count: 1, notes: 1 }]);
		expect(s.empathy).toEqual([{ mode: "presence", count: 1, notes: 1 }]);
	});

	it.each([
		["a vault that does not exist", ["summarize", "/nonexistent/vault"], /does not exist/],
		["a vault that is a file", ["summarize", path.join(EXAMPLE, "README.md")], /is a file/],
		["an unknown option", ["summarize", EXAMPLE, "--colour", "red"], /unknown option --colour/],
		["an unknown format", ["summarize", EXAMPLE, "--format", "xml"], /--format must be one of/],
		["a date that is no date", ["summarize", EXAMPLE, "--from", "13/01/2026"], /must be a date written YYYY-MM-DD/],
		["a date not on the calendar", ["summarize", EXAMPLE, "--from", "2026-02-30"], /--from 2026-02-30: that date does not exist/],
		["a month that does not exist", ["trend", EXAMPLE, "--to", "2026-13-01"], /--to 2026-13-01: that date does not exist/],
		["a file that is not a Markdown note", ["inspect", path.join(ROOT, "package.json")], /is not a Markdown note \(\.md\)/],
		["a missing option value", ["summarize", EXAMPLE, "--client"], /needs a value/],
		["an unknown command", ["summarise", EXAMPLE], /unknown command/],
		["a note that does not exist", ["inspect", "/nonexistent.md"], /does not exist/],
		["an option given twice", ["summarize", EXAMPLE, "--client", "C-101", "--client", "C-102"], /given twice/],
		["an empty option value", ["summarize", EXAMPLE, "--client="], /needs a value/],
		["a folder that is not in the vault", ["summarize", EXAMPLE, "--folder", "/Clients-typo"], /not a folder of the vault/],
	])("%s: exit 2, one line on stderr", (_n, args, message) => {
		const r = run(args);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe("");
		expect(r.stderr).toMatch(message);
		expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
	});
});

describe("option values in any case", () => {
	it("reads --format JSON as json, and the same for every command's choices", () => {
		const upper = run(["summarize", EXAMPLE, "--format", "JSON"]);
		expect(upper.code).toBe(0);
		expect(upper.stdout).toBe(run(["summarize", EXAMPLE, "--format", "json"]).stdout);
		expect(run(["lint", EXAMPLE, "--format", "Json"]).stdout).toBe(run(["lint", EXAMPLE, "--format", "json"]).stdout);
	});
});

describe("the built program", () => {
	it("dist/cli.js is executable, so ./dist/cli.js and npm link run it", () => {
		if (process.platform === "win32") return; // Windows has no execute bit; npm writes a .cmd shim there.
		expect(fs.statSync(path.join(ROOT, "dist/cli.js")).mode & 0o111).toBe(0o111);
	});
});

describe("help and version", () => {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
	it("a bare attune prints its usage on stderr and exits 2", () => {
		const r = run([]);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe("");
		expect(r.stderr).toMatch(/^Usage:\n {2}attune summarize /);
	});
	it.each([["--help"], ["-h"], ["help"]])("attune %s prints the usage on stdout, exit 0", (flag) => {
		const r = run([flag]);
		expect([r.code, r.stderr]).toEqual([0, ""]);
		expect(r.stdout).toMatch(/^Usage:\n/);
		for (const c of ["summarize", "inspect", "lint"]) expect(r.stdout).toContain(`attune ${c} <`);
		expect(r.stdout).toContain("--version");
	});
	it.each([["summarize"], ["inspect"], ["lint"]])("attune %s --help prints that command's usage, exit 0", (command) => {
		for (const flag of ["--help", "-h"]) {
			const r = run([command, flag]);
			expect(r.code).toBe(0);
			expect(r.stderr).toBe("");
			expect(r.stdout).toMatch(new RegExp(`^Usage:\\n {2}attune ${command} <`));
			expect(r.stdout.split("\n").filter((l) => l.startsWith("  attune "))).toHaveLength(1);
		}
		// --help wins over everything else, even an argument that would be a mistake.
		expect(run([command, "/nonexistent", "--help"]).code).toBe(0);
	});
	it("attune --version prints the version from package.json", () => {
		expect(run(["--version"])).toEqual({ stdout: `attune ${pkg.version}\n`, stderr: "", code: 0 });
	});
	it("the built program knows its version when run alone, away from package.json", () => {
		const cli = path.join(ROOT, "dist/cli.js");
		if (!fs.existsSync(cli)) execFileSync("node", ["esbuild.config.mjs", "production"], { cwd: ROOT });
		const alone = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "attune-bin-")), "cli.js");
		fs.copyFileSync(cli, alone);
		const r = spawnSync(process.execPath, [alone, "--version"], { encoding: "utf8", cwd: os.tmpdir() });
		expect(r.status).toBe(0);
		expect(r.stdout).toBe(`attune ${pkg.version}\n`);
	});
});

describe("the built command line", () => {
	const cli = path.join(ROOT, "dist/cli.js");
	beforeAll(() => {
		if (!fs.existsSync(cli)) execFileSync("node", ["esbuild.config.mjs", "production"], { cwd: ROOT });
	});
	it("runs as a program with the same answers and exit codes", () => {
		const okRun = spawnSync(process.execPath, [cli, "summarize", EXAMPLE, "--format", "json"], { encoding: "utf8" });
		expect(okRun.status).toBe(0);
		expect(JSON.parse(okRun.stdout)).toEqual(json(["summarize", EXAMPLE, "--format", "json"]));
		const bad = spawnSync(process.execPath, [cli, "summarize", "/nonexistent"], { encoding: "utf8" });
		expect(bad.status).toBe(2);
		expect(bad.stderr).toBe("attune: vault folder “/nonexistent” does not exist\n");
		const lint = spawnSync(process.execPath, [cli, "lint", EXAMPLE], { encoding: "utf8" });
		expect(lint.status).toBe(1);
	});
});
