/**
 * `npm run package`: what a release carries. The packager runs as a user runs
 * it (node scripts/package.mjs), into a temporary folder, so that the tests
 * write nothing into the working tree; the zip is read back here with a
 * reader of its own, not with the packager's code.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { bundleProblems } from "../bundle/check";
import { ROOT, freshBundle } from "../helpers/bundle";
import { readZip } from "../helpers/zip";

const ASSETS = ["main.js", "manifest.json", "styles.css"];
const readJson = (dir: string, name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as Record<string, unknown>;

/** CRC-32 (IEEE), bit by bit: slow and plain, to check the packager's table-driven one. */
function crc32(bytes: Buffer): number {
	let c = 0xffffffff;
	for (const b of bytes) {
		c ^= b;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	}
	return (c ^ 0xffffffff) >>> 0;
}

function runPackager(root: string, out: string): { status: number | null; stderr: string } {
	const r = spawnSync(process.execPath, [path.join(root, "scripts/package.mjs"), "--out", out], { cwd: root, encoding: "utf8" });
	return { status: r.status, stderr: r.stderr };
}

describe("npm run package", () => {
	let tmp: string;
	let out: string;
	const pkg = readJson(ROOT, "package.json");

	beforeAll(() => {
		freshBundle();
		tmp = fs.mkdtempSync(path.join(os.tmpdir(), "attune-package-"));
		out = path.join(tmp, "release");
		execFileSync(process.execPath, [path.join(ROOT, "scripts/package.mjs"), "--out", out], { cwd: ROOT, stdio: "pipe" });
	});
	afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

	it("writes exactly the three files a release carries and attune-<version>.zip", () => {
		expect(fs.readdirSync(out).sort()).toEqual([`attune-${String(pkg.version)}.zip`, ...ASSETS].sort());
		for (const a of ASSETS) expect(fs.readFileSync(path.join(out, a)).equals(fs.readFileSync(path.join(ROOT, a)))).toBe(true);
	});

	it("zips the same three files into an attune/ folder, ready to unzip into .obsidian/plugins", () => {
		const entries = readZip(fs.readFileSync(path.join(out, `attune-${String(pkg.version)}.zip`)));
		expect(entries.map((e) => e.name)).toEqual(ASSETS.map((a) => `attune/${a}`));
		for (const e of entries) {
			expect(e.method).toBe(0);
			expect(e.data.equals(fs.readFileSync(path.join(out, path.basename(e.name))))).toBe(true);
			expect(e.crc).toBe(crc32(e.data));
		}
	});

	it("checks its CRC against the standard check value", () => {
		// CRC-32 of "123456789" is 0xCBF43926 in every implementation of the IEEE polynomial.
		expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
	});

	it("carries the package's version in the manifest, mapped to minAppVersion in versions.json", () => {
		const manifest = readJson(out, "manifest.json");
		expect(manifest.version).toBe(pkg.version);
		expect(readJson(ROOT, "versions.json")[String(pkg.version)]).toBe(manifest.minAppVersion);
	});

	it("ships a main.js that requires only obsidian and Obsidian's CodeMirror, and carries no source map", () => {
		const main = fs.readFileSync(path.join(out, "main.js"), "utf8");
		const required = [...new Set([...main.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]))];
		expect(required.sort()).toEqual(["@codemirror/state", "@codemirror/view", "obsidian"]);
		expect(bundleProblems(main)).toEqual([]);
		expect(main).not.toMatch(/sourceMappingURL|sourcesContent/);
		expect(fs.readdirSync(out).filter((f) => f.endsWith(".map"))).toEqual([]);
	});

	describe("in a scratch copy of the project", () => {
		let copy: string;
		beforeEach(() => {
			copy = path.join(tmp, "copy");
			fs.rmSync(copy, { recursive: true, force: true });
			fs.mkdirSync(path.join(copy, "scripts"), { recursive: true });
			for (const f of [...ASSETS, "package.json", "versions.json", "scripts/package.mjs"]) fs.copyFileSync(path.join(ROOT, f), path.join(copy, f));
			// A release from before, which a refused run must leave as it was.
			fs.mkdirSync(path.join(copy, "release"));
			fs.writeFileSync(path.join(copy, "release/main.js"), "the last release");
		});
		const releaseKept = () => expect(fs.readdirSync(path.join(copy, "release"))).toEqual(["main.js"]);
		const edit = (name: string, change: (j: Record<string, unknown>) => void) => {
			const j = readJson(copy, name);
			change(j);
			fs.writeFileSync(path.join(copy, name), JSON.stringify(j));
		};

		it("refuses a manifest whose version is not the package's, changing nothing", () => {
			edit("manifest.json", (m) => (m.version = "9.9.9"));
			const r = runPackager(copy, path.join(copy, "release"));
			expect(r.status).toBe(1);
			expect(r.stderr).toContain("manifest.json has version 9.9.9");
			releaseKept();
		});

		it("refuses a version that versions.json does not map to minAppVersion", () => {
			fs.writeFileSync(path.join(copy, "versions.json"), "{}");
			const r = runPackager(copy, path.join(copy, "release"));
			expect(r.status).toBe(1);
			expect(r.stderr).toContain(`versions.json maps ${String(pkg.version)} to nothing`);
			releaseKept();
		});

		it("refuses a development build, whose main.js carries a source map", () => {
			fs.appendFileSync(path.join(copy, "main.js"), "\n//# sourceMappingURL=data:application/json;base64,e30=\n");
			const r = runPackager(copy, path.join(copy, "release"));
			expect(r.status).toBe(1);
			expect(r.stderr).toContain("main.js carries a source map");
			releaseKept();
		});

		it("says to build first when main.js is missing", () => {
			fs.rmSync(path.join(copy, "main.js"));
			const r = runPackager(copy, path.join(copy, "release"));
			expect(r.status).toBe(1);
			expect(r.stderr).toContain("main.js is missing");
			releaseKept();
		});
	});
});
