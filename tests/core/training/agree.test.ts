/**
 * Two codings of one session: the figures per code and per family, the
 * disagreements, and the blind copy that a second coder starts from.
 */
import { parse, stringify } from "yaml";
import { agreementJson, compareCodings } from "../../../src/core/training/agree";
import { blindCopyText } from "../../../src/core/training/blind";
import { FAMILY_TABLE } from "../../../src/core/vocabulary/families";
import { vocab } from "../../helpers/notes";

const yaml = { parse: (s: string) => parse(s) as unknown, stringify: (v: unknown) => stringify(v) };

const CODED = [
	"---", "client: C-101", "date: 2026-01-13", "tags:", "  - session", "  - emotion/hurt", "---",
	"# Session 1", "",
	"She spoke of her father's death. #emotion/sadness/primary-adaptive #empathy/attunement", "",
	"I said it sounded lonely. #response/reflection #resonance/sadness", "",
	"She snapped at me. #emotion/anger/secondary", "#emotion/hurt", "",
	"- she named the fear #emotion/fear #process/symbolizing", "- we stayed with it #process/deepening", "",
	"> [!supervisor] Good reflection here #response/reflection", "",
	"No tags here.",
].join("\n");

describe("compareCodings", () => {
	it("a note and its own blind copy, coded identically, agree with κ = 1 in every family coded", () => {
		const copy = blindCopyText(CODED, vocab, yaml, { original: "[[2026-01-13 session 1]]", coder: "Sam" });
		if ("error" in copy) throw new Error(copy.error);
		// The second coder puts back exactly the same tags, at the ends of the same lines.
		const lines = copy.text.split("\n");
		const at = (start: string, tags: string) => {
			const i = lines.findIndex((l) => l.startsWith(start));
			lines[i] = `${lines[i]} ${tags}`;
		};
		at("She spoke", "#emotion/sadness/primary-adaptive #empathy/attunement");
		at("I said", "#response/reflection #resonance/sadness");
		at("She snapped", "#emotion/anger/secondary #emotion/hurt");
		at("- she named", "#emotion/fear #process/symbolizing");
		at("- we stayed", "#process/deepening");
		const r = compareCodings(CODED, lines.join("\n"), vocab);
		expect(r.units).toEqual({ matched: 7, onlyA: 0, onlyB: 0 });
		expect(r.disagreements).toEqual([]);
		for (const f of ["emotion", "class", "resonance", "empathy", "response", "process"]) {
			expect([f, r.families[f]!.kappa, r.families[f]!.agreement]).toEqual([f, 1, 1]);
		}
		expect(r.families.class!.codes.unclassified).toEqual({ both: 2, aOnly: 0, bOnly: 0, neither: 5, kappa: 1 });
	});

	it("lists a family for every row of the families table, with the class after client emotions", () => {
		const r = compareCodings(CODED, CODED, vocab);
		const expected = FAMILY_TABLE.flatMap((f) => (f.qualifier === undefined ? [f.key] : [f.key, f.qualifier.field === "process" ? "class" : `${f.key}-${f.qualifier.name}`]));
		expect(Object.keys(r.families)).toEqual(expected);
	});

	it("disjoint codings: each code has κ below 0 or null, and every difference is on the agenda", () => {
		const a = "One. #emotion/shame\n\nTwo.\n\nThree.";
		const b = "One.\n\nTwo. #emotion/fear\n\nThree.";
		const r = compareCodings(a, b, vocab);
		// shame: a only in unit 1, so 0 / 1 / 0 / 2: po = 2/3, a yes 1/3, b yes 0, pe = 2/3, κ = 0.
		expect(r.families.emotion!.codes.shame).toEqual({ both: 0, aOnly: 1, bOnly: 0, neither: 2, kappa: 0 });
		expect(r.families.emotion!.codes.fear).toEqual({ both: 0, aOnly: 0, bOnly: 1, neither: 2, kappa: 0 });
		// Pooled: p̄o = 2/3, p̄e = 2/3: κ = 0; agreement 4 of 6.
		expect(r.families.emotion!.kappa).toBeCloseTo(0, 12);
		expect(r.families.emotion!.agreement).toBeCloseTo(4 / 6, 12);
		// Both are unclassified: a has it in unit 1, b in unit 2.
		expect(r.families.class!.codes.unclassified).toEqual({ both: 0, aOnly: 1, bOnly: 1, neither: 1, kappa: -0.5 });
		expect(r.disagreements.map((d) => [d.family, d.code, d.coder, d.lineA, d.lineB, d.text])).toEqual([
			["emotion", "shame", "a", 1, 1, "One."],
			["class", "unclassified", "a", 1, 1, "One."],
			["emotion", "fear", "b", 3, 3, "Two."],
			["class", "unclassified", "b", 3, 3, "Two."],
		]);
	});

	it("a code that neither coder used has no table and leaves the family's figures alone", () => {
		const r = compareCodings("One. #empathy/rapport\n\nTwo.", "One. #empathy/rapport\n\nTwo.", vocab);
		expect(Object.keys(r.families.empathy!.codes)).toEqual(["rapport"]);
		expect(r.families.empathy!.kappa).toBe(1);
		// A family neither coder used has no figures at all: null, never 0.
		expect(r.families.process).toEqual({ kappa: null, agreement: null, codes: {} });
	});

	it("a code both coders gave to every unit has κ null (pe = 1), agreement 1", () => {
		const r = compareCodings("One. #emotion/fear\n\nTwo. #emotion/fear", "One. #emotion/fear\n\nTwo. #emotion/fear", vocab);
		expect(r.families.emotion).toEqual({ kappa: null, agreement: 1, codes: { fear: { both: 2, aOnly: 0, bOnly: 0, neither: 0, kappa: null } } });
	});

	it("units in only one note are left out of the tables and counted", () => {
		const r = compareCodings("One. #emotion/fear\n\nOnly in a. #emotion/fear", "One. #emotion/fear\n\nOnly in b. #emotion/joy", vocab);
		expect(r.units).toEqual({ matched: 1, onlyA: 1, onlyB: 1 });
		expect(Object.keys(r.families.emotion!.codes)).toEqual(["fear"]);
		expect(r.families.emotion!.codes.fear!.both).toBe(1);
	});

	it("prints the JSON of FORMAT.md: format, units, families, disagreements", () => {
		const j = agreementJson(compareCodings("One. #emotion/shame", "One.", vocab)) as Record<string, unknown>;
		expect(Object.keys(j)).toEqual(["format", "units", "families", "disagreements"]);
		expect(j.format).toBe(1);
		expect(j.disagreements).toEqual([{ family: "emotion", code: "shame", coder: "a", lineA: 1, lineB: 1, text: "One." }, { family: "class", code: "unclassified", coder: "a", lineA: 1, lineB: 1, text: "One." }]);
	});
});

describe("blindCopyText", () => {
	it("removes every Attune tag, body and properties, keeps all other text, and links the original", () => {
		const r = blindCopyText(CODED, vocab, yaml, { original: "[[2026-01-13 session 1]]", coder: "Sam" });
		if ("error" in r) throw new Error(r.error);
		expect(r.text).toBe([
			"---", "client: C-101", "date: 2026-01-13", "tags:", "  - session", 'coding-of: "[[2026-01-13 session 1]]"', "coder: Sam", "---",
			"# Session 1", "",
			"She spoke of her father's death.", "",
			"I said it sounded lonely.", "",
			"She snapped at me.", "",
			"- she named the fear", "- we stayed with it", "",
			"> [!supervisor] Good reflection here", "",
			"No tags here.",
		].join("\n"));
		expect(compareCodings(CODED, r.text, vocab).units).toEqual({ matched: 7, onlyA: 0, onlyB: 0 });
	});

	it("keeps other tags and a note without properties gets them; CRLF stays CRLF", () => {
		const r = blindCopyText("Text #todo #emotion/fear here.\r\nMore.", vocab, yaml, { original: "[[a]]", coder: "" });
		expect(r).toEqual({ text: '---\r\ncoding-of: "[[a]]"\r\ncoder: ""\r\n---\r\nText #todo here.\r\nMore.' });
	});

	it("refuses, saying why, when the properties are not valid YAML", () => {
		const r = blindCopyText("---\ntags: [emotion/fear\n---\nText.", vocab, yaml, { original: "[[a]]", coder: "Sam" });
		expect("error" in r && r.error).toMatch(/not valid YAML/);
	});
});
