/**
 * The plugin bundle as built from the current sources, for the tests that
 * read what ships (the bundle checks, the release package).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.join(__dirname, "../..");
export const MAIN = path.join(ROOT, "main.js");

/** The newest modification time among the files the bundle is built from. */
function newestSource(): number {
	let newest = 0;
	const walk = (dir: string) => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, e.name);
			if (e.isDirectory()) walk(p);
			else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
		}
	};
	walk(path.join(ROOT, "src"));
	for (const f of ["esbuild.config.mjs", "package.json", "manifest.json"]) newest = Math.max(newest, fs.statSync(path.join(ROOT, f)).mtimeMs);
	return newest;
}

/** main.js as a production build of the current sources: built again when missing or older than them. */
export function freshBundle(): string {
	if (!fs.existsSync(MAIN) || fs.statSync(MAIN).mtimeMs < newestSource()) {
		execFileSync(process.execPath, ["esbuild.config.mjs", "production"], { cwd: ROOT, stdio: "pipe" });
	}
	return fs.readFileSync(MAIN, "utf8");
}
