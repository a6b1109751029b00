/**
 * `attune agree`: two codings of one session compared code by code, as a
 * student and a supervisor would run it, through the command line's `run()`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../src/cli/main";

interface AgreeJson {
	format: 1;
	units: { matched: number; onlyA: number; onlyB: number };
	families: Record<string, { kappa: number | null; agreement: number | null; codes: Record<string, { both: number; aOnly: number; bOnly: number; neither: number; kappa: number | null }> }>;
	disagreements: { family: string; code: string; coder: "a" | "b"; lineA: number; lineB: number; text: string }[];
}

let dir: string;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-agree-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function note(name: string, body: string): string {
	const file = path.join(dir, name);
	fs.writeFileSync(file, `---\nclient: C-101\nnote-type: session\n---\n${body}`);
	return file;
}

const PARAGRAPHS = ["She said the house felt empty.", "He looked away when I named it.", "Her voice dropped.", "We stayed with the ache."];

/** Four paragraphs, each coded with the tags given for it (or none). */
function coding(name: string, codes: string[]): string {
	return note(name, PARAGRAPHS.map((p, i) => `${p}${codes[i] ? " " + codes[i] : ""}`).join("\n\n") + "\n");
}

describe("attune agree", () => {
	it("gives κ 1 in every coded family when the two codings are the same", () => {
		const codes = ["#emotion/sadness/primary-adaptive", "#empathy/attunement", "", "#process/symbolizing"];
		const r = run(["agree", coding("a.md", codes), coding("b.md", codes), "--format", "json"]);
		expect(r.code).toBe(0);
		const j = JSON.parse(r.stdout) as AgreeJson;
		expect(j.units).toEqual({ matched: 4, onlyA: 0, onlyB: 0 });
		for (const f of ["emotion", "class", "empathy", "process"]) expect(j.families[f]!.kappa).toBe(1);
		expect(j.disagreements).toEqual([]);
	});

	it("computes each code's 2×2 table and κ over the matched units", () => {
		// Coder A: sadness in units 1 and 2; coder B: sadness in unit 1 and 3.
		// Table over 4 units: both 1, A only 1, B only 1, neither 1; po = 0.5,
		// pe = 0.5·0.5 + 0.5·0.5 = 0.5, so κ = 0.
		const a = coding("a.md", ["#emotion/sadness", "#emotion/sadness", "", ""]);
		const b = coding("b.md", ["#emotion/sadness", "", "#emotion/sadness", ""]);
		const j = JSON.parse(run(["agree", a, b, "--format", "json"]).stdout) as AgreeJson;
		expect(j.families.emotion!.codes.sadness).toEqual({ both: 1, aOnly: 1, bOnly: 1, neither: 1, kappa: 0 });
		// Each tag is two codes: the word, and its class (here unclassified).
		expect(j.disagreements.map((d) => [d.family, d.code, d.coder, d.text])).toEqual([
			["emotion", "sadness", "a", "He looked away when I named it."],
			["class", "unclassified", "a", "He looked away when I named it."],
			["emotion", "sadness", "b", "Her voice dropped."],
			["class", "unclassified", "b", "Her voice dropped."],
		]);
	});

	it("compares compassion's element and its direction as two codes", () => {
		const a = coding("a.md", ["#compassion/feeling/self", "", "", ""]);
		const b = coding("b.md", ["#compassion/feeling/other", "", "", ""]);
		const j = JSON.parse(run(["agree", a, b, "--format", "json"]).stdout) as AgreeJson;
		expect(j.families.compassion!.codes.feeling).toEqual({ both: 1, aOnly: 0, bOnly: 0, neither: 3, kappa: 1 });
		expect(j.families["compassion-direction"]!.codes.self).toMatchObject({ both: 0, aOnly: 1, bOnly: 0 });
		expect(j.families["compassion-direction"]!.codes.other).toMatchObject({ both: 0, aOnly: 0, bOnly: 1 });
	});

	it("counts units found in only one note and leaves them out", () => {
		const a = coding("a.md", ["#emotion/sadness", "", "", ""]);
		const b = note("b.md", `${PARAGRAPHS[0]} #emotion/sadness\n\nA paragraph only the second coder has. #emotion/fear\n`);
		const j = JSON.parse(run(["agree", a, b, "--format", "json"]).stdout) as AgreeJson;
		expect(j.units).toEqual({ matched: 1, onlyA: 3, onlyB: 1 });
		expect(j.families.emotion!.codes.fear).toBeUndefined();
	});

	it("prints a table for a person, with the matched-unit counts and where the coders differ", () => {
		const a = coding("a.md", ["#empathy/rapport", "", "", ""]);
		const b = coding("b.md", ["", "", "", ""]);
		const r = run(["agree", a, b]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("Units matched: 4 (only in A: 0, only in B: 0");
		expect(r.stdout).toContain("rapport: κ 0.00  both 0, A only 1, B only 0, neither 3");
		expect(r.stdout).toContain("empathy/rapport given by A only: She said the house felt empty.");
		expect(r.stdout).toContain("Landis & Koch (1977)");
	});

	it.each([
		[["agree", "only-one.md"], "agree takes two note files"],
		[["agree", "missing-a.md", "missing-b.md"], "does not exist"],
	])("answers bad usage %j with exit 2", (args, message) => {
		const r = run(args.map((x) => (x.endsWith(".md") ? path.join(os.tmpdir(), "attune-no-such-dir", x) : x)));
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(message);
	});

	it("refuses a file that is not a Markdown note", () => {
		const txt = path.join(dir, "notes.txt");
		fs.writeFileSync(txt, "text");
		const r = run(["agree", txt, coding("b.md", [])]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("is not a Markdown note");
	});
});
