/**
 * A folder inside a vault, given as the vault argument: the command reads the
 * whole vault from its root (settings, excluded files) and scopes to the folder,
 * as `--folder` would. A folder in no vault is read with defaults, and says so.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import type { SummaryJson as Summary } from "../../src/core/index/summary";

const EXAMPLE = path.join(__dirname, "../../example-vault");

/** A vault that renames the emotion family to "feeling" and excludes Old/. */
function tempVault(withObsidian: boolean): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-root-"));
	const files: Record<string, string> = {
		"Clients/C-1/a.md": "---\nclient: C-1\n---\nShe felt it. #feeling/shame/primary-maladaptive\n",
		"Clients/C-1/Old/b.md": "---\nclient: C-1\n---\nOld. #feeling/fear/primary-maladaptive\n",
		"Clients/C-2/c.md": "---\nclient: C-2\n---\nAnother. #feeling/anger/primary-adaptive\n",
	};
	if (withObsidian) {
		files[".obsidian/app.json"] = JSON.stringify({ userIgnoreFilters: ["Clients/C-1/Old/"] });
		files[".obsidian/plugins/attune/data.json"] = JSON.stringify({ families: { emotion: "feeling" } });
	}
	for (const [p, t] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
		fs.writeFileSync(path.join(dir, p), t);
	}
	return dir;
}

function summaryOf(args: string[]): { s: Summary; stderr: string } {
	const r = run([...args, "--format", "json"]);
	expect(r.code).toBe(0);
	return { s: JSON.parse(r.stdout) as Summary, stderr: r.stderr };
}

describe("a folder inside a vault", () => {
	const vault = tempVault(true);
	const folder = path.join(vault, "Clients", "C-1");

	it("summarize uses the vault's renamed family word and excluded files, scoped to the folder", () => {
		const { s, stderr } = summaryOf(["summarize", folder]);
		expect(stderr).toBe("");
		// Only a.md: c.md is outside the folder, Old/b.md is excluded by the vault's app.json.
		expect(s.notes).toBe(1);
		expect(s.emotions).toEqual([expect.objectContaining({ emotion: "shame", count: 1 })]);
	});

	it("an excluded folder says it is excluded, rather than that no note matches", () => {
		const old = path.join(folder, "Old");
		for (const args of [["summarize", old], ["summarize", vault, "--folder", "Clients/C-1/Old"]]) {
			const { s } = summaryOf(args);
			expect(s.notes).toBe(0);
			expect(s.warnings).toEqual([expect.stringContaining("“Clients/C-1/Old” is in the vault's excluded files")]);
			expect(run(args).stdout).toContain("excluded files");
		}
		// Attune's export folder is not in Obsidian's excluded files: it says what it is instead.
		fs.mkdirSync(path.join(vault, "Supervision exports", "2026-03"), { recursive: true });
		fs.writeFileSync(path.join(vault, "Supervision exports", "2026-03", "a.md"), "A copy. #feeling/shame/primary-maladaptive\n");
		const exp = summaryOf(["summarize", vault, "--folder", "Supervision exports/2026-03"]).s;
		expect(exp.notes).toBe(0);
		expect(exp.warnings).toEqual([expect.stringContaining("“Supervision exports/2026-03” is in Attune's export folder (“Supervision exports”)")]);
		expect(exp.warnings[0]).not.toContain("excluded files");
		// A folder that is not excluded and holds no notes keeps the plain answer.
		fs.mkdirSync(path.join(vault, "Empty"), { recursive: true });
		expect(summaryOf(["summarize", vault, "--folder", "Empty"]).s.warnings).toEqual(["No note matches this scope."]);
	});

	it("is the same as --folder on the vault root, with paths relative to the root", () => {
		const a = run(["summarize", folder, "--format", "json"]);
		const b = run(["summarize", vault, "--folder", "Clients/C-1", "--format", "json"]);
		expect(a).toEqual(b);
	});

	it("lint reports paths relative to the vault root, only in the folder", () => {
		fs.writeFileSync(path.join(vault, "Clients/C-1/bad.md"), "Oops #feeling/shame/not-a-class\n");
		fs.writeFileSync(path.join(vault, "Clients/C-2/bad.md"), "Oops #feeling/shame/not-a-class\n");
		try {
			const r = run(["lint", folder]);
			expect(r.code).toBe(1);
			expect(r.stdout).toMatch(/^Clients\/C-1\/bad\.md:1: /);
			expect(r.stdout).not.toContain("C-2");
		} finally {
			fs.rmSync(path.join(vault, "Clients/C-1/bad.md"));
			fs.rmSync(path.join(vault, "Clients/C-2/bad.md"));
		}
	});

	it("trend and verify scope to the folder too", () => {
		const t = JSON.parse(run(["trend", folder, "--format", "json"]).stdout) as { scope: { folder?: string } };
		expect(t.scope.folder).toBe("Clients/C-1");
		const v = run(["verify", folder, "--format", "json"]);
		expect(v.stderr).toBe("");
		expect(v.code).toBe(0);
	});

	it("with --folder as well is a usage error", () => {
		const r = run(["summarize", folder, "--folder", "Clients"]);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe("");
		expect(r.stderr).toMatch(/^attune: .*is a folder inside the vault.*either that folder or --folder, not both\n$/);
	});

	it("the vault root itself reads the whole vault, and --folder still works on it", () => {
		expect(summaryOf(["summarize", vault]).s.notes).toBe(2);
		expect(summaryOf(["summarize", vault, "--folder", "Clients/C-2"]).s.notes).toBe(1);
	});

	it("a client folder of the example vault keeps the excluded Archive and the vault-relative paths", () => {
		const { s, stderr } = summaryOf(["summarize", path.join(EXAMPLE, "Clients", "C-102")]);
		expect(stderr).toBe("");
		expect(s.notes).toBeGreaterThan(0);
		expect(s.diagnostics.length).toBeGreaterThan(0);
		for (const d of s.diagnostics) expect(d.path.startsWith("Clients/C-102/")).toBe(true);
	});
});

describe("a folder in no vault", () => {
	const dir = tempVault(false);

	it("is read as the vault with default settings, and a one-line note says so on stderr", () => {
		const { s, stderr } = summaryOf(["summarize", dir]);
		expect(stderr).toBe(`attune: note: no .obsidian folder in or above “${dir}”, so it is read as a vault with default settings.\n`);
		// Default settings: "feeling" is no family word, so nothing is counted as an emotion; every note is read.
		expect(s.notes).toBe(3);
		expect(s.emotions).toEqual([]);
	});

	it("every vault command prints the note", () => {
		for (const command of ["lint", "trend", "verify"]) {
			const r = run([command, dir]);
			expect(r.stderr).toMatch(/^attune: note: no \.obsidian folder in or above/);
			expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
		}
	});

	it("--folder still scopes within it", () => {
		expect(summaryOf(["summarize", dir, "--folder", "Clients/C-2"]).s.notes).toBe(1);
	});
});
