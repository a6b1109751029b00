/**
 * The GitHub workflows, read as GitHub reads them (YAML): a version tag makes
 * a draft release of exactly the three files, and every push and pull request
 * runs .ci/run, which re-runs the date suites at both ends of the clock.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { ROOT } from "../helpers/bundle";

interface Step { name?: string; run?: string; uses?: string }
interface Workflow { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, { steps: Step[] }> }

const workflow = (name: string): Workflow => parse(fs.readFileSync(path.join(ROOT, ".github/workflows", name), "utf8"), { strict: true }) as Workflow;
const runs = (w: Workflow): string[] => Object.values(w.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ""));

describe("release.yml", () => {
	const w = workflow("release.yml");
	const tagPatterns = (w.on.push as { tags: string[] }).tags;
	/** GitHub's tag filters, for the forms used here: `[0-9]+` is one or more digits, `*` anything. */
	const matches = (tag: string) => tagPatterns.some((p) => new RegExp(`^${p.replace(/\./g, "\\.").replace(/\*/g, ".*")}$`).test(tag));

	it("runs on a pushed version tag without a v, as Obsidian expects, and on nothing else", () => {
		expect(Object.keys(w.on)).toEqual(["push"]);
		expect(matches("0.2.0")).toBe(true);
		expect(matches("1.10.3")).toBe(true);
		expect(matches("1.0.0-beta.1")).toBe(true);
		expect(matches("v0.2.0")).toBe(false);
		expect(matches("0.2")).toBe(false);
	});

	it("installs, tests, packages and drafts a release, in that order", () => {
		const r = runs(w);
		const at = (cmd: string) => r.findIndex((s) => s.split("\n").some((l) => l.trim() === cmd));
		expect(at("npm ci")).toBeGreaterThanOrEqual(0);
		expect(at("npm test")).toBeGreaterThan(at("npm ci"));
		expect(at("npm run package")).toBeGreaterThan(at("npm test"));
		expect(r.findIndex((s) => s.includes("gh release create"))).toBeGreaterThan(at("npm run package"));
	});

	it("refuses a tag that is not the manifest's version", () => {
		expect(runs(w).some((s) => s.includes("GITHUB_REF_NAME") && s.includes("manifest.json") && s.includes("exit 1"))).toBe(true);
	});

	it("attaches exactly main.js, manifest.json and styles.css, as separate files, to a draft", () => {
		const create = runs(w).find((s) => s.includes("gh release create"))!;
		expect(create).toContain("--draft");
		const assets = create.split(/\s+/).filter((t) => t.startsWith("release/"));
		expect(assets).toEqual(["release/main.js", "release/manifest.json", "release/styles.css"]);
		expect(w.permissions).toEqual({ contents: "write" });
	});
});

describe("ci.yml and .ci/run", () => {
	const w = workflow("ci.yml");
	const script = fs.readFileSync(path.join(ROOT, ".ci/run"), "utf8");

	it("runs .ci/run on every push and pull request", () => {
		expect(Object.keys(w.on).sort()).toEqual(["pull_request", "push"]);
		expect(runs(w)).toContain(".ci/run");
		// Executable, as GitHub runs it (Windows keeps no such bit).
		if (process.platform !== "win32") expect(fs.statSync(path.join(ROOT, ".ci/run")).mode & 0o111).not.toBe(0);
	});

	it("installs with npm ci and runs the full test command", () => {
		expect(script).toMatch(/^npm ci$/m);
		expect(script).toMatch(/^npm test$/m);
	});

	it("re-runs date suites that exist under UTC+14 and UTC-11", () => {
		const list = /DATE_SUITES=\(([^)]*)\)/.exec(script)?.[1] ?? "";
		const suites = list.split(/\s+/).filter((s) => s.startsWith("tests/"));
		expect(suites.length).toBeGreaterThanOrEqual(5);
		for (const s of suites) expect(fs.existsSync(path.join(ROOT, s))).toBe(true);
		expect(script).toContain("for zone in Pacific/Kiritimati Pacific/Pago_Pago");
	});
});
