import { passageChoices, typedWord, wordChoices } from "../../../src/core/authoring/word-choices";
import { FAMILIES } from "../../../src/core/vocabulary/families";
import { migrateSettings } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";
import { vocab } from "../../helpers/notes";

describe("wordChoices", () => {
	const used = [{ value: "shame", count: 5 }, { value: "tristeza", count: 2 }, { value: "awe", count: 9 }, { value: "shame", count: 1 }];
	it("emotions: the vocabulary first, then the vault's own words, most used first", () => {
		const c = wordChoices(vocab, "emotion", used);
		expect(c.slice(0, 3).map((x) => x.value)).toEqual(["sadness", "grief", "hurt"]);
		expect(c.slice(-2).map((x) => [x.value, x.uses, x.known])).toEqual([["awe", 9, false], ["tristeza", 2, false]]);
		expect(c.find((x) => x.value === "shame")?.uses).toBe(6);
	});
	it("therapist resonance offers the emotion words", () => {
		expect(wordChoices(vocab, "resonance", []).map((x) => x.value)).toEqual(vocab.words.emotion);
	});
	it("closed families offer only their vocabulary, with the field's words", () => {
		const c = wordChoices(vocab, "empathy", [{ value: "atunement", count: 3 }]);
		expect(c.map((x) => x.value)).toEqual(["rapport", "attunement", "person"]);
		expect(c[1]!.label).toBe("Communicative attunement");
	});
	it("words added in settings are offered", () => {
		const v = vocabularyFrom(migrateSettings({ extraWords: { response: ["Self disclosure"] } }));
		expect(wordChoices(v, "response", []).map((x) => x.value)).toContain("self-disclosure");
	});
	it("a typed word becomes a value, or is refused with a reason", () => {
		expect(typedWord("Deep Sorrow")).toEqual({ value: "deep-sorrow" });
		expect(typedWord("why?")).toHaveProperty("error");
	});
});

describe("passageChoices", () => {
	const none = () => [];
	it("every value of every family, each with its family, in the table's order", () => {
		const c = passageChoices(vocab, none);
		for (const f of FAMILIES) {
			const values = c.filter((x) => x.family === f).map((x) => x.value);
			expect(values).toEqual(wordChoices(vocab, f, []).map((x) => x.value));
		}
		expect([...new Set(c.map((x) => x.family))]).toEqual([...FAMILIES]);
	});
	it("a family switched off offers nothing", () => {
		const v = vocabularyFrom(migrateSettings({ switchedOff: ["relationship"] }));
		const c = passageChoices(v, none);
		expect(c.some((x) => x.family === "relationship")).toBe(false);
		expect(c.some((x) => x.family === "compassion")).toBe(true);
	});
	it("the vault's own words of an open family, with their uses", () => {
		const c = passageChoices(vocab, (f) => (f === "resonance" ? [{ value: "awe", count: 2 }] : []));
		expect(c.find((x) => x.value === "awe")).toMatchObject({ family: "resonance", uses: 2, known: false });
		expect(c.some((x) => x.family === "emotion" && x.value === "awe")).toBe(false);
	});
});
