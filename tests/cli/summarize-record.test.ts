/**
 * `attune summarize` lists every finalized note of its scope that changed
 * after finalizing or after co-signing under "Needs attention" (the
 * `record-changed` diagnostic, FORMAT.md section 5), hashed as the notes are
 * read, by the rule `attune verify` and the sidebar use. A scope never hides
 * one: a finalized note whose properties no longer parse is listed in every
 * scope that could hold it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { finalizedText, finalizedTrio, sessionDraft } from "../plugin/record/status";

const draft = sessionDraft;

/** The vault: intact, changed after finalizing, changed after co-signing, another client's changed note, a broken one and a draft. */
function files(): Record<string, string> {
	const trio = finalizedTrio("C-101");
	return {
		"Clients/C-101/intact.md": trio.intact,
		"Clients/C-101/changed.md": trio.changed,
		"Clients/C-101/cosigned.md": trio.cosigned,
		"Clients/C-101/broken.md": "---\nclient: C-101\nfinalized-on: 2026-03-16T09:30\ncontent-sha256: [\n---\nBody.\n",
		"Clients/C-102/changed.md": finalizedText(draft("C-102", 1, "Afraid. #emotion/fear/primary-maladaptive")).replace("Afraid.", "Not afraid."),
		"Clients/C-101/draft.md": draft("C-101", 4, "A draft. #emotion/anger/secondary"),
	};
}

interface Json { notes: number; diagnostics: { path: string; line: number; tag: string; code: string; message: string }[] }

describe("attune summarize lists changed finalized notes", () => {
	let vault: string;
	beforeAll(() => {
		vault = fs.mkdtempSync(path.join(os.tmpdir(), "attune-summarize-record-"));
		fs.mkdirSync(path.join(vault, ".obsidian"));
		for (const [p, t] of Object.entries(files())) {
			fs.mkdirSync(path.dirname(path.join(vault, p)), { recursive: true });
			fs.writeFileSync(path.join(vault, p), t);
		}
	});
	afterAll(() => fs.rmSync(vault, { recursive: true, force: true }));

	const summarize = (...args: string[]) => JSON.parse(run(["summarize", vault, ...args, "--format", "json"]).stdout) as Json;
	const changed = (j: Json) => j.diagnostics.filter((d) => d.code === "record-changed");
	const verified = (...args: string[]) => (JSON.parse(run(["verify", vault, ...args, "--format", "json"]).stdout) as { notes: { path: string; status: string }[] }).notes.filter((n) => n.status !== "intact").map((n) => n.path);

	it("names each changed note, what changed, the line of its hash, and what to do; not the intact one", () => {
		const byPath = Object.fromEntries(changed(summarize()).map((d) => [d.path, d]));
		expect(Object.keys(byPath).sort()).toEqual(["Clients/C-101/broken.md", "Clients/C-101/changed.md", "Clients/C-101/cosigned.md", "Clients/C-102/changed.md"]);
		const after = byPath["Clients/C-101/changed.md"]!;
		expect(after).toMatchObject({ line: 8, tag: "content-sha256" });
		expect(after.message).toMatch(/^This note changed after it was finalized on 2026-03-16 at 09:30 by Dana Reyes: .*Add any correction as an addendum .*finalize it again\.$/);
		const cosigned = byPath["Clients/C-101/cosigned.md"]!;
		expect(cosigned).toMatchObject({ line: 11, tag: "cosigned-sha256" });
		expect(cosigned.message).toMatch(/^This note changed after it was co-signed on 2026-03-18 at 14:05 by Sam Lee: .*addendum/);
		expect(byPath["Clients/C-101/broken.md"]!.message).toMatch(/cannot be checked/);
	});

	it.each<[string, string[], string[]]>([
		["the whole vault", [], ["Clients/C-101/broken.md", "Clients/C-101/changed.md", "Clients/C-101/cosigned.md", "Clients/C-102/changed.md"]],
		["a client (the note it cannot place included)", ["--client", "C-101"], ["Clients/C-101/broken.md", "Clients/C-101/changed.md", "Clients/C-101/cosigned.md"]],
		["another client", ["--client", "C-102"], ["Clients/C-101/broken.md", "Clients/C-102/changed.md"]],
		["a folder", ["--folder", "Clients/C-102"], ["Clients/C-102/changed.md"]],
		["a date range", ["--from", "2026-03-02", "--to", "2026-03-02"], ["Clients/C-101/broken.md", "Clients/C-101/changed.md"]],
	])("in %s, the same notes as attune verify", (_name, args, expected) => {
		expect(changed(summarize(...args)).map((d) => d.path)).toEqual(expected);
		expect(verified(...args)).toEqual(expected);
	});

	it("read on two threads (--jobs 2, the built program), the same list", () => {
		const root = path.join(__dirname, "../..");
		if (!fs.existsSync(path.join(root, "dist/read-worker.js"))) execFileSync("node", ["esbuild.config.mjs", "production"], { cwd: root });
		const built = (jobs: string) => JSON.parse(spawnSync(process.execPath, [path.join(root, "dist/cli.js"), "summarize", vault, "--format", "json", "--jobs", jobs], { encoding: "utf8" }).stdout) as Json;
		const two = changed(built("2"));
		expect(two.map((d) => d.path)).toEqual(["Clients/C-101/broken.md", "Clients/C-101/changed.md", "Clients/C-101/cosigned.md", "Clients/C-102/changed.md"]);
		expect(two).toEqual(changed(built("1")));
	});

	it("in the table and Markdown formats too, and in attune inspect", () => {
		const table = run(["summarize", vault, "--client", "C-102"]).stdout;
		expect(table).toMatch(/\nNeeds attention \(3\)\n/);
		expect(table).toMatch(/\nClients\/C-102\/changed\.md:8 {2}record-changed {2}content-sha256 {2}This note changed after it was finalized/);
		const md = run(["summarize", vault, "--folder", "Clients/C-102", "--format", "markdown"]).stdout;
		expect(md).toMatch(/\n\| Clients\/C-102\/changed\.md \| 8 \| record-changed \| This note changed after it was finalized/);
		const inspect = JSON.parse(run(["inspect", path.join(vault, "Clients/C-101/cosigned.md"), "--format", "json"]).stdout) as { diagnostics: { code: string }[] };
		expect(inspect.diagnostics.map((d) => d.code)).toEqual(["record-changed"]);
		const intact = JSON.parse(run(["inspect", path.join(vault, "Clients/C-101/intact.md"), "--format", "json"]).stdout) as { diagnostics: { code: string }[] };
		expect(intact.diagnostics).toEqual([]);
	});
});
