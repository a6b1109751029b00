import { migrateSettings } from "../../../src/core/settings";
import { invalidTagWordReason, vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";

describe("vocabularyFrom", () => {
	it("adds the user's words, normalized", () => {
		const v = vocabularyFrom(migrateSettings({ extraWords: { response: ["Empathic Affirmation"] } }));
		expect(v.sets.response.has("empathic-affirmation")).toBe(true);
		expect(v.words.response.slice(0, 7)).toEqual(["reflection", "question", "conjecture", "interpretation", "validation", "nonverbal", "procedure"]);
	});
});

describe("invalidTagWordReason", () => {
	it.each([
		["attunement", null],
		["letting-go", null],
		["tristeza", null],
		["", "empty"],
		["letting go", "spaces"],
		["1984", "digit"],
		["a/b", "single word"],
		["shame!", "cannot be part of a tag"],
	])("%j", (word, expected) => {
		const r = invalidTagWordReason(word);
		if (expected === null) expect(r).toBeNull();
		else expect(r).toContain(expected);
	});
});
