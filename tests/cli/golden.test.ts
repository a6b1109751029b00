/**
 * The command line's output on the bundled example vault, byte for byte, against
 * files saved from it. A reorganisation of the code must leave these unchanged;
 * a deliberate change of output updates the file in the same commit and says so.
 *
 * To update after a deliberate change: `npm run build`, then run the command
 * named in each case with `node dist/cli.js` and save its output over the file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { run } from "../../src/cli/main";

const ROOT = path.join(__dirname, "../..");
const V = path.join(ROOT, "example-vault");
const GOLDEN = path.join(__dirname, "golden");

const CASES: [file: string, args: string[]][] = [
	["summarize-vault.json", ["summarize", V, "--format", "json"]],
	["summarize-client-c-102.json", ["summarize", V, "--client", "C-102", "--format", "json"]],
	["summarize-client-c-101-range.json", ["summarize", V, "--client", "C-101", "--from", "2026-01-20", "--to", "2026-02-17", "--format", "json"]],
	["summarize-sessions.json", ["summarize", V, "--note-type", "session", "--format", "json"]],
	["summarize-folder-supervision.json", ["summarize", V, "--folder", "Supervision", "--format", "json"]],
	["summarize-vault.txt", ["summarize", V, "--format", "table"]],
	["summarize-vault.csv", ["summarize", V, "--format", "csv"]],
	["summarize-vault.md", ["summarize", V, "--format", "markdown"]],
	["lint.json", ["lint", V, "--format", "json"]],
	["inspect-c-101-session-1.json", ["inspect", path.join(V, "Clients/C-101/2026-01-13 session 1.md"), "--format", "json"]],
];

describe("command line output on the example vault is unchanged", () => {
	test.each(CASES)("%s", (file, args) => {
		const r = run(args);
		expect(r.stderr).toBe("");
		expect(r.stdout).toBe(fs.readFileSync(path.join(GOLDEN, file), "utf8"));
	});

	test("the saved files are not empty and the vault summary counts notes", () => {
		const s = JSON.parse(fs.readFileSync(path.join(GOLDEN, "summarize-vault.json"), "utf8")) as { notes: number; emotions: unknown[] };
		expect(s.notes).toBeGreaterThan(10);
		expect(s.emotions.length).toBeGreaterThan(5);
	});
});
