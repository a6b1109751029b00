/**
 * `attune verify` (FORMAT.md section 7): finalized notes listed as intact or
 * changed, hashed with Node's crypto; exit 1 when any changed. The vault is
 * written to a temporary folder, and every file is compared after the run:
 * verify writes nothing.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { contentSha256 } from "../../src/core/record/content-hash";
import { factsFromText } from "../../src/core/note/reader";
import { parseProperties } from "../../src/cli/vault";

/** A finalized note, its hash computed by the pure implementation (as the plugin would without Web Crypto). */
function finalized(body: string, extra = ""): string {
	const draft = `---\nclient: C-101\nsession: 1\n${extra}---\n${body}`;
	const fm = factsFromText("n.md", draft, parseProperties).frontmatter;
	const h = contentSha256(draft, fm);
	return draft.replace("---\n" + body, `finalized-on: 2026-01-13T17:05\nfinalized-by: Dana Reyes\ncontent-sha256: ${h}\n---\n${body}`);
}

function snapshot(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
		const p = path.join(dir, f);
		if (fs.statSync(p).isFile()) out[f] = fs.readFileSync(p, "utf8");
	}
	return out;
}

describe("attune verify", () => {
	let vault: string;
	beforeEach(() => {
		vault = fs.mkdtempSync(path.join(os.tmpdir(), "attune-verify-"));
		fs.mkdirSync(path.join(vault, ".obsidian"));
		fs.writeFileSync(path.join(vault, "intact.md"), finalized("Calm session. #emotion/calm\n"));
		fs.writeFileSync(path.join(vault, "crlf.md"), finalized("Línea — 悲しみ\n").replace(/\n/g, "\r\n"));
		fs.writeFileSync(path.join(vault, "draft.md"), "---\nclient: C-101\n---\nNot finalized.\n");
		const added = finalized("Body.\n") + "\n## Addenda\n\n> [!addendum] Dana Reyes, 2026-01-14T09:00\n> Correction.\n";
		fs.writeFileSync(path.join(vault, "addendum.md"), added);
	});
	afterEach(() => fs.rmSync(vault, { recursive: true, force: true }));

	it("lists every finalized note as intact, with its addenda, and exits 0", () => {
		const before = snapshot(vault);
		const r = run(["verify", vault, "--format", "json"]);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout) as { notes: { path: string; status: string; addenda: number }[]; changed: number };
		expect(out.notes.map((n) => [n.path, n.status, n.addenda])).toEqual([["addendum.md", "intact", 1], ["crlf.md", "intact", 0], ["intact.md", "intact", 0]]);
		expect(out.changed).toBe(0);
		expect(snapshot(vault)).toEqual(before);
	});

	it("reports an edit made outside Attune after finalizing, and exits 1", () => {
		const p = path.join(vault, "intact.md");
		fs.writeFileSync(p, fs.readFileSync(p, "utf8").replace("Calm", "Tense"));
		const r = run(["verify", vault]);
		expect(r.code).toBe(1);
		expect(r.stdout).toMatch(/Finalized notes: 3, changed: 1/);
		expect(r.stdout).toMatch(/Changed after finalizing\s.*intact\.md/);
	});

	it("tells a change after co-signing apart", () => {
		const note = finalized("Body.\n");
		const h = /content-sha256: (\w+)/.exec(note)![1]!;
		const signed = note.replace("---\nBody.", `cosigned-by: Sam Lee\ncosigned-on: 2026-01-15T10:00\ncosigned-sha256: ${h}\n---\nBody.`);
		fs.writeFileSync(path.join(vault, "signed.md"), signed.replace("Body.", "Body changed."));
		const out = JSON.parse(run(["verify", vault, "--format", "json"]).stdout) as { notes: { path: string; status: string }[] };
		expect(out.notes.find((n) => n.path === "signed.md")?.status).toBe("changed-after-cosigning");
	});

	it("counts a finalized note whose properties no longer parse as changed", () => {
		fs.writeFileSync(path.join(vault, "broken.md"), "---\nfinalized-on: 2026-01-13T17:05\ncontent-sha256: [\n---\nBody.\n");
		const r = run(["verify", vault, "--format", "json"]);
		expect(r.code).toBe(1);
		expect((JSON.parse(r.stdout) as { notes: { path: string; status: string }[] }).notes.find((n) => n.path === "broken.md")?.status).toBe("no-hash");
	});

	it("keeps to the scope's filters", () => {
		const out = JSON.parse(run(["verify", vault, "--client", "C-999", "--format", "json"]).stdout) as { notes: unknown[] };
		expect(out.notes).toEqual([]);
	});
});
