/**
 * The residue: what a copy still holds that could identify, listed for the
 * clinician before anything is written. Each line runs through the whole
 * redactor, so the list is what the copy says, after every replacement.
 * Names and numbers are synthetic.
 */
import { stringify, parse as parseYaml } from "yaml";
import { planExport } from "../../../src/core/export/plan";
import { Redactor } from "../../../src/core/export/redactor";
import type { ExportOptions } from "../../../src/core/export/types";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";

const options: ExportOptions = {
	dates: "month",
	allowedProperties: ["summary"],
	vocab: vocabularyFrom(DEFAULT_SETTINGS),
	parseYaml: (y) => parseYaml(y) as unknown,
	stringifyYaml: (d) => stringify(d),
	identities: [{ code: "C-101", names: ["Mara Quill"] }],
	primary: ["C-101"],
	sessionByDate: new Map(),
	resolveLink: () => null,
	targetFolder: "Export",
};

function residue(line: string): string[] {
	const r = new Redactor(options);
	r.begin("n.md");
	r.line(line, []);
	return r.residueOf("n.md").map((h) => `${h.kind} ${h.text}`);
}

describe("what is listed for review", () => {
	it.each([
		["She spoke of her partner Tom and his sister.", ["capitalized Tom"]],
		["Her colleague at Brightwater Logistics shouted.", ["capitalized Brightwater", "capitalized Logistics"]],
		["They moved to Leeds last year.", ["capitalized Leeds"]],
		["The car, plate AB12 CDE, was towed.", ["mixed AB12", "capitalized CDE"]],
		["Her laptop serial 5CD1234XYZ broke.", ["mixed 5CD1234XYZ"]],
		["A reference 4471 on the letter.", ["number 4471"]],
		["since 2019 she lives alone", ["number 2019"]],
		["paid 1,250 a month", ["number 1,250"]],
		["In the chair work with O'Connor present", ["capitalized O'Connor"]],
		// The first word of a sentence is not listed, but the next sentence's inner names are.
		["Tom came. Later Anna Smith called.", ["capitalized Anna", "capitalized Smith"]],
		["Mara met Tom at 12 Elm Road.", ["capitalized Tom"]],
	])("%s", (line, expected) => expect(residue(line)).toEqual(expected));
});

describe("what is not listed", () => {
	it.each([
		"PHQ-9: 14, GAD-7 at 12, CORE-10 at 18",
		"session 12, 50 minutes, 1.5 hrs, 20mg, the 5th time",
		"She felt Shame and Anger, then some hope.",
		"We did EFT and CBT work; I think she named PTSD.",
		"On Monday in March she came back.",
		"- Peter at the start of a list item",
		"> [!supervisor] Stayed with the shame here",
		"1. Anna at the start of a numbered item",
		"**Joe** in bold at the start",
		"Replaced: [phone], [email], 90 or older, on 2026-01-20",
		"lower case words only, and 123 short numbers",
	])("%s", (line) => expect(residue(line)).toEqual([]));
});

describe("in a planned export", () => {
	const text = "---\nsummary: Met Tom Baker\nemail: x@example.org\n---\nShe saw Tom again, and Tom said that the laptop with serial 5CD1234XYZ was hers.\n";
	const plan = planExport([{ path: "Clients/C-101/2026-01-20 Tom.md", text }], options);

	it("lists each word once per note, with its context, its note and how often", () => {
		const tom = plan.review.find((r) => r.text === "Tom");
		expect(tom).toMatchObject({ kind: "capitalized", note: "Clients/C-101/2026-01-20 Tom.md", count: 4 });
		expect(plan.review.map((r) => r.text)).toEqual(["Tom", "Baker", "5CD1234XYZ"]);
		expect(plan.review.find((r) => r.text === "5CD1234XYZ")!.context).toBe("…that the laptop with serial 5CD1234XYZ was hers.");
	});

	it("counts them in the copy's report", () => {
		expect(plan.notes[0]!.review).toBe(3);
		expect(plan.notes[0]!.text).toContain("> 3 possible identifiers were shown for review before this copy was written.");
	});

	it("says zero when there is nothing to check", () => {
		const clean = planExport([{ path: "n.md", text: "she felt some #emotion/shame\n" }], options);
		expect(clean.review).toEqual([]);
		expect(clean.notes[0]!.text).toContain("> 0 possible identifiers were shown for review");
	});
});

describe("an item added to the client note's identifiers", () => {
	const added = (word: string) => ({ ...options, identities: [{ code: "C-101", names: ["Mara Quill", word] }] });

	it.each([
		["Tomasz", "She saw Tomasz again.", "She saw Client A again."],
		["5CD1234XYZ", "Her laptop serial 5CD1234XYZ broke.", "Her laptop serial [identifier] broke."],
		["4471", "A reference 4471 on the letter.", "A reference [identifier] on the letter."],
		["AB12", "The car, plate AB12 CDE, was towed.", "The car, plate [identifier] CDE, was towed."],
	])("%s is replaced in the next preview, and no longer listed", (word, line, after) => {
		const plan = planExport([{ path: "n.md", text: `${line}\n` }], added(word));
		expect(plan.notes[0]!.text.endsWith(`\n${after}\n`)).toBe(true);
		expect(plan.review.map((r) => r.text)).not.toContain(word);
	});

	it("a recorded alias with a space and a digit is still a pseudonym", () => {
		const plan = planExport([{ path: "n.md", text: "Client 101 came.\n" }], { ...options, identities: [{ code: "C-101", names: ["Client 101"] }] });
		expect(plan.notes[0]!.text.endsWith("\nClient A came.\n")).toBe(true);
	});
});
