/**
 * `attune codebook --format qdc`, as a researcher runs it: the codebook on
 * stdout or in a new file, never over one, never inside the vault.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";
import { elements, parseXml } from "../helpers/refi";

let dir: string;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-codebook-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A vault whose saved settings add a response word and rename the empathy family. */
function vault(): string {
	const root = path.join(dir, "vault");
	fs.mkdirSync(path.join(root, ".obsidian", "plugins", "attune"), { recursive: true });
	fs.writeFileSync(path.join(root, ".obsidian", "plugins", "attune", "data.json"), JSON.stringify({ families: { empathy: "empathie" }, extraWords: { response: ["self-disclosure"] } }));
	fs.writeFileSync(path.join(root, "note.md"), "A note #empathie/rapport\n");
	return root;
}

const codeNames = (xml: string) => elements(parseXml(xml), "Code").map((c) => c.getAttribute("name"));

describe("attune codebook", () => {
	it("prints the default vocabulary as a well-formed REFI-QDA codebook", () => {
		const r = run(["codebook", "--format", "qdc"]);
		expect(r.code).toBe(0);
		const doc = parseXml(r.stdout);
		expect(doc.documentElement.namespaceURI).toBe("urn:QDA-XML:codebook:1.0");
		expect(codeNames(r.stdout)).toEqual(expect.arrayContaining(["Client emotion", "Empathy mode", "Communicative attunement", "Primary maladaptive"]));
	});

	it("uses a vault's own vocabulary when given one", () => {
		const r = run(["codebook", vault()]);
		expect(r.code).toBe(0);
		expect(codeNames(r.stdout)).toContain("Self disclosure");
		expect(r.stdout).toContain("#empathie/rapport");
	});

	it("writes a new file with --out, and refuses one that exists, leaving it as it was", () => {
		const out = path.join(dir, "attune.qdc");
		const r = run(["codebook", "--out", out]);
		expect(r.code).toBe(0);
		expect(fs.readFileSync(out, "utf8")).toBe(run(["codebook"]).stdout);
		fs.writeFileSync(out, "mine");
		const again = run(["codebook", "--out", out]);
		expect(again.code).toBe(2);
		expect(again.stderr).toMatch(/already exists/);
		expect(fs.readFileSync(out, "utf8")).toBe("mine");
	});

	it("refuses --out inside the vault it reads, and writes nothing there", () => {
		const root = vault();
		const before = fs.readdirSync(root).sort();
		const r = run(["codebook", root, "--out", path.join(root, "codes.qdc")]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/inside the vault/);
		expect(fs.readdirSync(root).sort()).toEqual(before);
	});

	it("refuses --out inside any vault, even with no vault given, and writes nothing there", () => {
		const root = vault();
		fs.mkdirSync(path.join(root, "Research"), { recursive: true });
		const before = fs.readdirSync(path.join(root, "Research"));
		const r = run(["codebook", "--out", path.join(root, "Research", "codes.qdc")]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/inside the vault at/);
		expect(fs.readdirSync(path.join(root, "Research"))).toEqual(before);
	});

	it.each([
		[["codebook", "--format", "xml"], /--format must be one of qdc/],
		[["codebook", "--out", "codes.txt"], /must end with \.qdc/],
		[["codebook", "--out", "/no/such/folder/codes.qdc"], /does not exist/],
		[["codebook", "a", "b"], /at most one vault/],
	])("says what is wrong with %j (exit 2)", (argv, message) => {
		const r = run(argv);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
	});
});
