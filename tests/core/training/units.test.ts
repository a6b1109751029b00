/**
 * Coding units and their matching: before/after note texts, as a second
 * coder would change them.
 */
import { compareCodings, matchUnits } from "../../../src/core/training/agree";
import { readUnits } from "../../../src/core/training/units";
import { vocab } from "../../helpers/notes";

const keys = (text: string) => readUnits(text, vocab).units.filter((u) => !u.supervisor).map((u) => u.key);

describe("units", () => {
	it("are paragraphs, list items, heading lines and table rows; properties and supervisor callouts are none", () => {
		const text = [
			"---", "client: C-1", "tags: [emotion/shame]", "---",
			"# Session", "",
			"She spoke of her father.", "It was hard. #emotion/shame/primary-maladaptive", "",
			"- first item #response/reflection", "  continues here", "- second item", "",
			"| who | said |", "| --- | --- |", "| C | no |", "",
			"> [!supervisor] Stayed with the shame here #response/conjecture", "> Consider a conjecture.", "",
			"Last words.",
		].join("\n");
		const r = readUnits(text, vocab);
		expect(r.units.map((u) => [u.start + 1, u.end + 1, u.supervisor])).toEqual([
			[5, 5, false], [7, 8, false], [10, 11, false], [12, 12, false], [14, 14, false], [16, 16, false], [18, 19, true], [21, 21, false],
		]);
		expect(keys(text)).toEqual(["# Session", "She spoke of her father. It was hard.", "- first item continues here", "- second item", "| who | said |", "| C | no |", "Last words."]);
		expect(r.units[1]!.codes.map((c) => [c.family, c.value, c.process])).toEqual([["emotion", "shame", "primary-maladaptive"]]);
	});

	it("a block of tags alone joins the passage before it", () => {
		const text = "She cried.\n\n#emotion/sadness #response/reflection\n\nThen silence.";
		const r = readUnits(text, vocab);
		expect(r.units.map((u) => u.key)).toEqual(["She cried.", "Then silence."]);
		expect(r.units[0]!.codes.map((c) => c.value)).toEqual(["sadness", "reflection"]);
	});

	it("a fenced block is one unit, blank lines included; tags inside it are no codes", () => {
		const r = readUnits("```\n#emotion/fear\n\nx\n```\nAfter.", vocab);
		expect(r.units.map((u) => [u.start, u.end, u.codes.length])).toEqual([[0, 4, 0], [5, 5, 0]]);
	});

	it("a tag's removal takes the space before it, so mid-line and end-of-line tags match untagged text", () => {
		expect(keys("I feel #emotion/shame ashamed #emotion/fear.")).toEqual(["I feel ashamed."]);
		expect(keys("#emotion/shame I feel ashamed.")).toEqual(["I feel ashamed."]);
	});
});

describe("matching two codings", () => {
	const original = [
		"She spoke of her father. #emotion/sadness/primary-adaptive", "",
		"I reflected her sadness. #response/reflection", "",
		"She went quiet.",
	].join("\n");

	it.each([
		{
			name: "the same text, coded differently, matches unit for unit",
			after: "She spoke of her father.\n\nI reflected her sadness. #response/validation\n\nShe went quiet. #emotion/shame",
			units: { matched: 3, onlyA: 0, onlyB: 0 },
		},
		{
			name: "one coder's extra blank lines change nothing",
			after: "\n\nShe spoke of her father.\n\n\n\nI reflected her sadness.\n\n\nShe went quiet.\n\n",
			units: { matched: 3, onlyA: 0, onlyB: 0 },
		},
		{
			name: "tags on a line of their own inside the paragraph keep it one unit",
			after: "She spoke of her father.\n#emotion/sadness\n\nI reflected her sadness.\n\nShe went quiet.",
			units: { matched: 3, onlyA: 0, onlyB: 0 },
		},
		{
			name: "reordered paragraphs still match by their text",
			after: "She went quiet.\n\nShe spoke of her father.\n\nI reflected her sadness.",
			units: { matched: 3, onlyA: 0, onlyB: 0 },
		},
		{
			name: "an edited paragraph and an added one are unmatched, and counted",
			after: "She spoke of her late father.\n\nI reflected her sadness.\n\nShe went quiet.\n\nA new paragraph.",
			units: { matched: 2, onlyA: 1, onlyB: 2 },
		},
	])("$name", ({ after, units }) => {
		expect(compareCodings(original, after, vocab).units).toEqual(units);
	});

	it("identical texts match in order: the first with the first", () => {
		const a = readUnits("Yes.\n\nYes. #emotion/joy", vocab).units;
		const b = readUnits("Yes. #emotion/joy\n\nYes.", vocab).units;
		const m = matchUnits(a, b);
		expect(m.matched.map((p) => [p.a.start, p.b.start])).toEqual([[0, 0], [2, 2]]);
		expect(compareCodings("Yes.\n\nYes. #emotion/joy", "Yes. #emotion/joy\n\nYes.", vocab).families.emotion!.codes.joy).toEqual({ both: 0, aOnly: 1, bOnly: 1, neither: 0, kappa: -1 });
	});
});
