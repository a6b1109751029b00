import { DEFAULT_SETTINGS, migrateSettings } from "../../../src/core/settings";
import { familyWordProblem, invalidTagWordReason, parseWordList, vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";

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

describe("settings validation", () => {
	it.each([
		{ text: "awe, tenderness", want: { words: ["awe", "tenderness"] } },
		{ text: " awe ,, awe ", want: { words: ["awe"] } },
		{ text: "", want: { words: [] } },
	])("accepts “$text”", ({ text, want }) => {
		expect(parseWordList(text)).toEqual(want);
	});
	it.each(["deep sorrow", "why?", "a/b", "1984"])("refuses “%s” with a reason", (text) => {
		const r = parseWordList(text);
		expect("error" in r && r.error.startsWith(`“${text}”`)).toBe(true);
	});
	it("refuses a family word another family uses, or one that is no tag", () => {
		const fam = DEFAULT_SETTINGS.families;
		expect(familyWordProblem("Empathy", "emotion", fam)).toMatch(/another family/);
		expect(familyWordProblem("emo tion", "emotion", fam)).toMatch(/spaces/);
		expect(familyWordProblem("gefühl", "emotion", fam)).toBeNull();
	});
});
