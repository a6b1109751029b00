/**
 * The version lives in three files that must agree: package.json (npm's),
 * manifest.json (what Obsidian reads) and versions.json (which Obsidian
 * version each release needs). `npm version` runs version-bump.mjs to keep
 * them in step; it is run here in a scratch copy, as npm runs it.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT } from "../helpers/bundle";

const readJson = (dir: string, name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as Record<string, unknown>;

describe("the versions in the repository", () => {
	const pkg = readJson(ROOT, "package.json");
	const manifest = readJson(ROOT, "manifest.json");
	const versions = readJson(ROOT, "versions.json");

	it("agree: the manifest has the package's version, and versions.json maps it to minAppVersion", () => {
		expect(manifest.version).toBe(pkg.version);
		expect(versions[String(pkg.version)]).toBe(manifest.minAppVersion);
	});

	it("describe Attune in the same words: npm's description is the manifest's, which the listing shows", () => {
		expect(pkg.description).toBe(manifest.description);
	});

	it("are x.y.z, numbers and dots only, as Obsidian's release check requires", () => {
		for (const v of [pkg.version, manifest.version, manifest.minAppVersion, ...Object.keys(versions), ...Object.values(versions)]) expect(v).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it("run version-bump.mjs from npm's version hook and stage the two files it writes", () => {
		expect((pkg.scripts as Record<string, string>).version).toBe("node version-bump.mjs && git add manifest.json versions.json");
	});
});

describe("version-bump.mjs", () => {
	let dir: string;
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-bump-"));
		for (const f of ["manifest.json", "versions.json", "version-bump.mjs"]) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
	const bump = (version?: string) => {
		const env = { ...process.env };
		delete env.npm_package_version;
		if (version) env.npm_package_version = version;
		return spawnSync(process.execPath, ["version-bump.mjs"], { cwd: dir, env, encoding: "utf8" });
	};

	it("copies npm's new version into the manifest and maps it to minAppVersion, keeping earlier releases", () => {
		const before = readJson(dir, "versions.json");
		const minApp = readJson(dir, "manifest.json").minAppVersion;
		expect(bump("0.9.0").status).toBe(0);
		expect(readJson(dir, "manifest.json").version).toBe("0.9.0");
		expect(readJson(dir, "versions.json")).toEqual({ ...before, "0.9.0": minApp });
	});

	it("maps a new release to a raised minAppVersion, leaving the old releases' entries", () => {
		const m = readJson(dir, "manifest.json");
		const oldMin = m.minAppVersion;
		fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ ...m, minAppVersion: "1.8.0" }));
		expect(bump("1.0.0").status).toBe(0);
		const versions = readJson(dir, "versions.json");
		expect(versions["1.0.0"]).toBe("1.8.0");
		expect(versions[String(m.version)]).toBe(oldMin);
	});

	it("refuses to run outside npm version, changing nothing", () => {
		const before = fs.readFileSync(path.join(dir, "manifest.json"), "utf8");
		const r = bump();
		expect(r.status).toBe(1);
		expect(r.stderr).toContain("npm version");
		expect(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")).toBe(before);
	});
});
