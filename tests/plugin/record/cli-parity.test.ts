/**
 * The plugin and the command line agree on every finalized note: the
 * plugin's hash (Web Crypto's `crypto.subtle`, as on desktop and mobile) and
 * `attune verify`'s (Node's crypto) are the same digest for the same bytes,
 * with CRLF, a byte-order mark and text beyond ASCII. A note finalized in
 * the plugin verifies in the command line, and a note hashed by the command
 * line's rule verifies in the plugin; an edit made outside Attune is
 * reported by both; an addendum keeps the note intact for both.
 */
import { createHash, webcrypto } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MarkdownView, TFile } from "../../obsidian-double/obsidian";
import { run } from "../../../src/cli/main";
import { parseProperties } from "../../../src/cli/vault";
import { factsFromText } from "../../../src/core/note/reader";
import { contentHashBytes } from "../../../src/core/record/content-hash";
import { contentHashOf, propertiesOf } from "../../../src/plugin/record/hash";
import { addAddendum, cosignNote, finalizeNote } from "../../../src/plugin/record/commands";
import { verifyNotes } from "../../../src/plugin/record/verify";
import { makeContext } from "../../helpers/harness";
import { NOW, asDouble, openNote } from "../authoring/setup";

// Obsidian has Web Crypto on every platform; Node has it too, as `webcrypto`, when jest's global lacks it.
const g = globalThis as { crypto?: Crypto };
g.crypto ??= webcrypto as unknown as Crypto;

/** The command line's digest: Node's crypto over the bytes the format hashes, properties parsed as the command line parses them. */
function nodeHash(text: string): string {
	return createHash("sha256").update(contentHashBytes(text, factsFromText("n.md", text, parseProperties).frontmatter)).digest("hex");
}

/** The plugin's digest, as "Finalize note" and "Verify finalized notes" compute it; fails unless Web Crypto did the hashing. */
async function pluginHash(text: string): Promise<string> {
	const digest = jest.spyOn(g.crypto!.subtle, "digest");
	try {
		const h = await contentHashOf(text, propertiesOf(text));
		expect(digest).toHaveBeenCalledWith("SHA-256", expect.any(Uint8Array));
		return h;
	} finally {
		digest.mockRestore();
	}
}

const BODY = "## Emotions\n- Sharp about him #emotion/anger/secondary.\n- Then \"pathetic\" #emotion/shame/primary-maladaptive.\n";
const PROPS = "note-type: session\nclient: C-1\ndate: 2026-03-10\nsession: 3\n";
const NOTES: Record<string, string> = {
	"LF.md": `---\n${PROPS}---\n${BODY}`,
	"CRLF.md": `---\n${PROPS}---\n${BODY}`.replace(/\n/g, "\r\n"),
	"byte-order mark.md": `\uFEFF---\n${PROPS}---\n${BODY}`,
	"byte-order mark and CRLF.md": `\uFEFF---\n${PROPS}---\n${BODY}`.replace(/\n/g, "\r\n"),
	"non-ASCII.md": `---\n${PROPS}clinician: "Zoë Ñúñez-Østergaard"\ntags: [séance, 悲しみ]\n---\nCafé — naïve façade. 悲しみ、怒り。 שלום 😢 e\u0301 #emotion/sadness/primary-adaptive\n`,
	"nested properties.md": `---\n${PROPS}ratings:\n  empathy: 4\n  notes: [a, b]\nflag: true\nscore: 2.5\n---\n${BODY}`,
	"no properties.md": `${BODY}`,
};

describe("the plugin's Web Crypto hash and the command line's Node hash", () => {
	it.each(Object.keys(NOTES))("are the same for %s", async (name) => {
		const text = NOTES[name]!;
		expect(await pluginHash(text)).toBe(nodeHash(text));
	});

	it("differ when the text differs (the comparison can fail)", async () => {
		expect(await pluginHash(NOTES["LF.md"]!)).not.toBe(nodeHash(NOTES["LF.md"]!.replace("Sharp", "Sharply")));
	});
});

describe("a note finalized in one verifies in the other", () => {
	let dir: string;
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-parity-"));
		fs.mkdirSync(path.join(dir, ".obsidian"));
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

	/** `attune verify` on the folder: path to status. */
	const cliVerify = () => {
		const r = run(["verify", dir, "--format", "json"]);
		const out = JSON.parse(r.stdout) as { notes: { path: string; status: string }[] };
		return { code: r.code, statuses: Object.fromEntries(out.notes.map((n) => [n.path, n.status])) };
	};

	async function plugin(files: Record<string, string>) {
		const made = await makeContext(files, { settings: { clinicianName: "Dana Reyes", supervisorName: "Sam Lee" }, now: NOW });
		const app = asDouble(made.app);
		const fileAt = (p: string) => {
			const f = app.vault.getAbstractFileByPath(p);
			if (!(f instanceof TFile)) throw new Error(`no note ${p}`);
			return f;
		};
		/**
		 * Runs a record command on a note open in the editor and waits for it to finish: the
		 * functions behind the palette's commands, awaited, since Web Crypto hashes off the main thread.
		 */
		const command = async (id: "finalize-note" | "cosign-note" | "add-addendum", p: string) => {
			await openNote(app, p);
			const view = app.workspace.getActiveViewOfType(MarkdownView)!;
			view.editor.setValue(await app.vault.read(fileAt(p)));
			const done = id === "finalize-note" ? await finalizeNote(made.ctx, fileAt(p) as never) : id === "cosign-note" ? await cosignNote(made.ctx, fileAt(p) as never) : addAddendum(made.ctx, view.editor as never);
			expect(done).toBe(true);
			return view.editor;
		};
		/** The note's text, written to the folder byte for byte as Obsidian would save it. */
		const toDisk = async (p: string) => fs.writeFileSync(path.join(dir, p), await app.vault.read(fileAt(p)), "utf8");
		const statuses = async () => Object.fromEntries((await verifyNotes(made.ctx)).map((r) => [r.path, r.status]));
		return { app, fileAt, command, toDisk, statuses };
	}

	// Every note with properties; the byte-order mark ones go through processFrontMatter as Obsidian edits them (the mark kept, its block edited).
	const FINALIZED_IN_PLUGIN = Object.keys(NOTES).filter((n) => n !== "no properties.md");

	it("finalized and co-signed in the plugin: intact in the command line; an outside edit is reported by both", async () => {
		const files = Object.fromEntries(FINALIZED_IN_PLUGIN.map((n) => [n, NOTES[n]!]));
		const p = await plugin(files);
		for (const n of FINALIZED_IN_PLUGIN) {
			await p.command("finalize-note", n);
			expect(await p.app.vault.read(p.fileAt(n))).toMatch(/content-sha256: [0-9a-f]{64}/);
		}
		await p.command("cosign-note", "CRLF.md");
		for (const n of FINALIZED_IN_PLUGIN) await p.toDisk(n);
		expect(fs.readFileSync(path.join(dir, "CRLF.md"), "utf8")).toMatch(/\r\ncosigned-sha256: [0-9a-f]{64}\r\n/);
		const intact = Object.fromEntries(FINALIZED_IN_PLUGIN.map((n) => [n, "intact"]));
		expect(cliVerify()).toEqual({ code: 0, statuses: intact });
		expect(await p.statuses()).toEqual(intact);

		// Edited outside Attune: a word in one note, a property in another, the co-signed one's body.
		await p.app.vault.process(p.fileAt("non-ASCII.md"), (t) => t.replace("naïve", "naive"));
		await p.app.vault.process(p.fileAt("LF.md"), (t) => t.replace("session: 3", "session: 4"));
		await p.app.vault.process(p.fileAt("CRLF.md"), (t) => t.replace("Sharp", "Calm"));
		for (const n of FINALIZED_IN_PLUGIN) await p.toDisk(n);
		const changed = { ...intact, "LF.md": "changed", "CRLF.md": "changed-after-cosigning", "non-ASCII.md": "changed" };
		expect(cliVerify()).toEqual({ code: 1, statuses: changed });
		expect(await p.statuses()).toEqual(changed);
	});

	it("a note with a byte-order mark, finalized in the plugin: the mark kept, one properties block, intact in the command line", async () => {
		const names = ["byte-order mark.md", "byte-order mark and CRLF.md"];
		const p = await plugin(Object.fromEntries(names.map((n) => [n, NOTES[n]!])));
		for (const n of names) {
			await p.command("finalize-note", n);
			const text = await p.app.vault.read(p.fileAt(n));
			const eol = n.includes("CRLF") ? "\r\n" : "\n";
			expect(text.startsWith(`\uFEFF---${eol}`)).toBe(true);
			expect(text.split(`---${eol}`)).toHaveLength(3);
			expect(text).toMatch(new RegExp(`${eol}finalized-by: Dana Reyes${eol}content-sha256: [0-9a-f]{64}${eol}---${eol}## Emotions`));
			await p.toDisk(n);
			expect(fs.readFileSync(path.join(dir, n)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
		}
		expect(cliVerify()).toEqual({ code: 0, statuses: Object.fromEntries(names.map((n) => [n, "intact"])) });
		const summary = JSON.parse(run(["summarize", dir, "--format", "json"]).stdout) as { diagnostics: unknown[] };
		expect(summary.diagnostics).toEqual([]);
	});

	it("hashed by the command line's rule (Node's crypto): intact in the plugin, byte-order mark and all", async () => {
		const finalized = (text: string) => text.replace(/^(\uFEFF?---(\r?\n))/, `$1finalized-on: 2026-03-16T09:30$2finalized-by: Dana Reyes$2content-sha256: ${nodeHash(text)}$2`);
		const files = Object.fromEntries(Object.entries(NOTES).filter(([n]) => n !== "no properties.md").map(([n, t]) => [n, finalized(t)]));
		for (const [n, t] of Object.entries(files)) fs.writeFileSync(path.join(dir, n), t, "utf8");
		const intact = Object.fromEntries(Object.keys(files).map((n) => [n, "intact"]));
		expect(cliVerify()).toEqual({ code: 0, statuses: intact });
		const p = await plugin(files);
		expect(await p.statuses()).toEqual(intact);
	});

	it("an addendum added in the plugin keeps the note intact for both, with its tags counted", async () => {
		const p = await plugin({ "CRLF.md": NOTES["CRLF.md"]!, "non-ASCII.md": NOTES["non-ASCII.md"]! });
		for (const n of ["CRLF.md", "non-ASCII.md"]) {
			await p.command("finalize-note", n);
			const editor = await p.command("add-addendum", n);
			editor.replaceSelection("Correction: the session was the 4th. #emotion/fear/primary-maladaptive");
			// Obsidian saves the editor's text to the file.
			await p.app.vault.process(p.fileAt(n), () => editor.getValue());
			await p.toDisk(n);
		}
		expect(fs.readFileSync(path.join(dir, "CRLF.md"), "utf8")).toMatch(/\r\n## Addenda\r\n\r\n> \[!addendum\] Dana Reyes, 2026-03-16T09:30\r\n> Correction/);
		expect(cliVerify()).toEqual({ code: 0, statuses: { "CRLF.md": "intact", "non-ASCII.md": "intact" } });
		expect(await p.statuses()).toEqual({ "CRLF.md": "intact", "non-ASCII.md": "intact" });
		const summary = JSON.parse(run(["summarize", dir, "--format", "json"]).stdout) as { emotions: { emotion: string; count: number }[] };
		expect(summary.emotions.find((r) => r.emotion === "fear")?.count).toBe(2);
	});
});
