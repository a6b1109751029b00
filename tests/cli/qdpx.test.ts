/**
 * `attune qdpx`: the example vault as a REFI-QDA project, unzipped and read
 * back as a QDA tool would, and checked against what `attune inspect` says
 * each note holds: every tagged passage is a selection whose positions cut
 * out exactly that passage, coded with the tag's codes.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { codeTagPattern, readQdpx, type ReadProject } from "../helpers/qdpx";

const VAULT = path.join(__dirname, "..", "..", "example-vault");

let dir: string;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-qdpx-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function exportVault(extra: string[] = [], vault = VAULT): { project: ReadProject; stdout: string; stderr: string } {
	const out = path.join(dir, "project.qdpx");
	const r = run(["qdpx", vault, "--out", out, ...extra]);
	expect(r.stderr).not.toMatch(/error/i);
	expect(r.code).toBe(0);
	return { project: readQdpx(fs.readFileSync(out)), stdout: r.stdout, stderr: r.stderr };
}

/** The client notes (note-type: client) of the example vault, optionally of one client: who the client is, never in a project. */
function clientNotes(client?: string): string[] {
	const out: string[] = [];
	const walk = (dir: string, rel: string) => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			if (e.name.startsWith(".")) continue;
			const p = rel === "" ? e.name : `${rel}/${e.name}`;
			if (e.isDirectory()) walk(path.join(dir, e.name), p);
			else if (p.endsWith(".md") && /^note-type: client$/m.test(fs.readFileSync(path.join(dir, e.name), "utf8")) && (client === undefined || p.startsWith(`Clients/${client}/`))) out.push(p);
		}
	};
	walk(VAULT, "");
	return out.sort();
}

interface Inspected {
	tags: { tag: string; line: number; property?: boolean; passage?: string }[];
	attune: { family: string; value: string; process?: string; line: number }[];
}

function inspect(vaultPath: string): Inspected {
	const r = run(["inspect", path.join(VAULT, vaultPath)]);
	return JSON.parse(r.stdout) as Inspected;
}

describe("attune qdpx on the example vault", () => {
	const summary = JSON.parse(run(["summarize", VAULT, "--format", "json"]).stdout) as { notes: number };

	it("writes a project with every note of the vault as a text source, its text as on disk", () => {
		const { project, stdout, stderr } = exportVault();
		const clients = clientNotes();
		expect(clients.length).toBe(3);
		expect(project.sources).toHaveLength(summary.notes - clients.length);
		expect(stdout).toContain(`${summary.notes - clients.length} notes as text sources`);
		// The client notes hold who the client is: never a source, and the user is told; the text is not de-identified, and that is said too.
		expect(project.sources.map((s) => s.description).filter((d) => clients.includes(d))).toEqual([]);
		expect(stderr).toContain(`3 client notes (note-type: client) are left out, since they hold who the client is: ${clients.join(", ")}.`);
		expect(stderr).toContain("not de-identified");
		for (const s of project.sources) {
			expect(s.description).toMatch(/\.md$/);
			// Some tools make a file of each source, named by it: no folder separators.
			expect(s.name).toBe(s.description.replace(/\.md$/, "").split("/").join(" - "));
			expect(s.text).toBe(fs.readFileSync(path.join(VAULT, s.description), "utf8").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
		}
	});

	it("makes every tagged passage a selection that cuts out exactly that passage, with the tag's codes", () => {
		const { project } = exportVault();
		let counted = 0;
		for (const s of project.sources) {
			const note = inspect(s.description);
			const passages: string[] = [];
			for (const o of note.attune) {
				const tag = note.tags.find((t) => !t.property && t.line === o.line);
				if (tag === undefined) continue; // a tag of the properties: coded on the note as a whole
				passages.push(tag.passage!);
				const sel = s.selections.filter((x) => x.cut === tag.passage);
				expect(sel).toHaveLength(1);
				const codes = sel[0]!.codes.map((g) => project.codes.get(g)!);
				expect(codes.map((c) => c.description)).toContainEqual(expect.stringMatching(new RegExp(`^Tagged #${o.family}/${o.value}\\.`)));
				if (o.process !== undefined) {
					const classes = codes.filter((c) => c.parent === "Client emotion: class").map((c) => c.name.toLowerCase().replace(/ /g, "-"));
					expect(classes).toContain(o.process === "unclassified" ? "not-classified-yet" : o.process);
				}
				counted++;
			}
			// And nothing else: each selection is the passage of a tag Attune counts.
			for (const sel of s.selections) expect({ source: s.description, cut: sel.cut, tagged: passages.includes(sel.cut) }).toEqual({ source: s.description, cut: sel.cut, tagged: true });
		}
		expect(counted).toBeGreaterThan(50);
	});

	it("codes a note as a whole with the tags of its tags property", () => {
		const { project } = exportVault();
		const s = project.sources.find((x) => x.description === "Clients/C-101/2026-02-24 session 6.md")!;
		expect(s.codes.map((g) => project.codes.get(g)!.name)).toEqual(["Hope", "Primary adaptive", "Carrying forward"]);
	});

	it("codes each selection only with codes whose tags are in its passage", () => {
		const { project } = exportVault();
		let checked = 0;
		for (const s of project.sources) {
			for (const sel of s.selections) {
				for (const g of sel.codes) {
					const code = project.codes.get(g)!;
					expect(code.codable).toBe(true);
					const pattern = codeTagPattern(code.description);
					if (pattern === null) continue; // "not classified yet" and "direction not said" have no tag of their own
					expect({ code: code.name, passage: sel.cut, found: pattern.test(sel.cut) }).toEqual({ code: code.name, passage: sel.cut, found: true });
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(50);
	});

	it("groups each client's notes in a case, and carries date and session as variables", () => {
		const { project } = exportVault();
		const c101 = project.sources.filter((s) => s.description.startsWith("Clients/C-101/") && s.description.includes(" session "));
		expect(c101.length).toBeGreaterThan(3);
		expect(project.cases.get("C-101")).toEqual(expect.arrayContaining(c101.map((s) => s.guid)));
		const session4 = project.sources.find((s) => s.description === "Clients/C-101/2026-02-10 session 4.md")!;
		expect(session4.variables).toMatchObject({ Date: "2026-02-10", Session: "4" });
	});

	it("keeps to the scope, with the same options as summarize", () => {
		const scoped = JSON.parse(run(["summarize", VAULT, "--client", "C-102", "--format", "json"]).stdout) as { notes: number };
		const { project, stderr } = exportVault(["--client", "C-102"]);
		// A client note in the scope is left out, and named.
		const left = Number(/(\d+) client notes? \(note-type: client\)/.exec(stderr)?.[1] ?? 0);
		expect(project.sources).toHaveLength(scoped.notes - left);
		expect(project.sources.some((s) => clientNotes("C-102").includes(s.description))).toBe(false);
		expect([...project.cases.keys()]).toEqual(["C-102"]);
	});

	it("gives the same GUIDs on a second export", () => {
		const first = exportVault().project;
		fs.rmSync(path.join(dir, "project.qdpx"));
		const second = exportVault().project;
		expect(second.sources.map((s) => [s.guid, s.selections.map((x) => x.guid)])).toEqual(first.sources.map((s) => [s.guid, s.selections.map((x) => x.guid)]));
	});
});

describe("attune qdpx writes only the new file named by --out", () => {
	function copyVault(): string {
		const root = path.join(dir, "vault");
		fs.cpSync(VAULT, root, { recursive: true });
		return root;
	}
	const listing = (root: string) => fs.readdirSync(root, { recursive: true }).map(String).sort();

	it("refuses a file inside the vault, even through a folder of it, and writes nothing", () => {
		const root = copyVault();
		const before = listing(root);
		for (const argv of [
			["qdpx", root, "--out", path.join(root, "project.qdpx")],
			["qdpx", root, "--out", path.join(root, "Clients", "project.qdpx")],
			["qdpx", path.join(root, "Clients"), "--out", path.join(root, "Clients", "C-101", "p.qdpx")],
		]) {
			const r = run(argv);
			expect(r.code).toBe(2);
			expect(r.stderr).toMatch(/inside the vault/);
		}
		expect(listing(root)).toEqual(before);
	});

	it("writes no project for a scope without notes, and says why", () => {
		const out = path.join(dir, "none.qdpx");
		const r = run(["qdpx", VAULT, "--client", "C-999", "--out", out]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/No note has the client “C-999”/);
		expect(r.stderr).toMatch(/no note is in this scope, so no project was written/);
		expect(fs.existsSync(out)).toBe(false);
	});

	it("never writes over an existing file", () => {
		const out = path.join(dir, "mine.qdpx");
		fs.writeFileSync(out, "not mine to replace");
		const r = run(["qdpx", VAULT, "--out", out]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/already exists/);
		expect(fs.readFileSync(out, "utf8")).toBe("not mine to replace");
	});

	it.each([
		[["qdpx", VAULT], /needs --out/],
		[["qdpx", VAULT, "--out", "project.zip"], /must end with \.qdpx/],
		[["qdpx", "--out", "p.qdpx"], /one vault folder/],
		[["qdpx", VAULT, "--out", "p.qdpx", "--from", "2026-02-30"], /does not exist/],
	])("says what is wrong with %j (exit 2)", (argv, message) => {
		const r = run(argv);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
	});
});
