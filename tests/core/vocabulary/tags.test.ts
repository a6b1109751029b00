import { editDistance, formatTag, nearest, parseTag } from "../../../src/core/vocabulary/tags";
import { DEFAULT_SETTINGS, migrateSettings } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";

const vocab = vocabularyFrom(DEFAULT_SETTINGS);

describe("parseTag: FORMAT.md section 1, one rule per case", () => {
	it.each([
		["emotion with process", "emotion/shame/primary-maladaptive", { family: "emotion", value: "shame", process: "primary-maladaptive", counted: true }],
		["emotion without process is unclassified", "emotion/grief", { family: "emotion", value: "grief", process: "unclassified", counted: true }],
		["case-insensitive, reported lowercase", "Emotion/Shame/Primary-Adaptive", { family: "emotion", value: "shame", process: "primary-adaptive", counted: true }],
		["leading # accepted", "#empathy/attunement", { family: "empathy", value: "attunement", counted: true }],
		["any script in an open value", "emotion/tristeza", { family: "emotion", value: "tristeza", process: "unclassified", counted: true }],
		["resonance is open", "resonance/irritation", { family: "resonance", value: "irritation", counted: true }],
		["response kind", "response/conjecture", { family: "response", value: "conjecture", counted: true }],
		["process move with hyphen", "process/letting-go", { family: "process", value: "letting-go", counted: true }],
	])("%s: %s", (_name, tag, expected) => {
		const p = parseTag(tag, vocab);
		expect(p).toMatchObject(expected);
		expect(p?.problem).toBeUndefined();
	});

	it.each([
		["family word alone", "emotion", "missing-value", false],
		["family word with trailing slash", "empathy/", "missing-value", false],
		["closed vocabulary typo", "empathy/atunement", "unknown-value", false],
		["unknown response kind", "response/hug", "unknown-value", false],
		["process outside the four", "emotion/shame/toxic", "unknown-process", true],
		["too many segments on emotion", "emotion/shame/primary-maladaptive/core", "extra-segments", true],
		["too many segments on empathy", "empathy/rapport/warm", "extra-segments", true],
	])("%s (%s) gives %s", (_name, tag, code, counted) => {
		const p = parseTag(tag, vocab);
		expect(p?.problem?.code).toBe(code);
		expect(p?.counted).toBe(counted);
	});

	it("shows how to write a value without suggesting one the clinician did not write", () => {
		const emotion = parseTag("emotion", vocab)?.problem?.message ?? "";
		expect(emotion).toBe("#emotion names no value, so it records nothing. Write #emotion/<emotion>, or #emotion/<emotion>/<class> with its class (primary-adaptive, primary-maladaptive, secondary, instrumental).");
		expect(parseTag("resonance", vocab)?.problem?.message).toBe("#resonance names no value, so it records nothing. Write #resonance/<emotion>.");
		expect(parseTag("empathy/", vocab)?.problem?.message).toBe("#empathy names no value, so it records nothing. Write #empathy/<mode>, one of rapport, attunement, person.");
	});

	it("names the nearest known value for a typo", () => {
		expect(parseTag("empathy/atunement", vocab)?.problem?.message).toContain("#empathy/attunement");
	});

	it("counts an unknown process as the emotion, unclassified", () => {
		expect(parseTag("emotion/shame/toxic", vocab)).toMatchObject({ value: "shame", process: "unclassified", counted: true });
	});

	it("counts extra segments by their leading segments", () => {
		expect(parseTag("emotion/shame/primary-maladaptive/core", vocab)).toMatchObject({ value: "shame", process: "primary-maladaptive" });
		expect(parseTag("empathy/rapport/warm", vocab)).toMatchObject({ value: "rapport" });
	});

	it.each(["todo", "client/c-017", "emotional", "emotions/sad", "1984"])("%s is not Attune's", (tag) => {
		expect(parseTag(tag, vocab)).toBeNull();
	});

	it("follows renamed family words and added vocabulary", () => {
		const v = vocabularyFrom(migrateSettings({ families: { emotion: "gefühl", empathy: "empathie" }, extraWords: { empathy: ["presence"] } }));
		expect(parseTag("gefühl/scham/secondary", v)).toMatchObject({ family: "emotion", value: "scham", process: "secondary" });
		expect(parseTag("emotion/shame", v)).toBeNull();
		expect(parseTag("empathie/presence", v)?.counted).toBe(true);
	});
});

describe("formatTag", () => {
	it.each([
		[["emotion", "Shame", "primary-maladaptive"], "#emotion/shame/primary-maladaptive"],
		[["emotion", "shame", "unclassified"], "#emotion/shame"],
		[["emotion", "letting go", undefined], "#emotion/letting-go"],
		[["empathy", "attunement", "secondary"], "#empathy/attunement"],
	] as const)("%j → %s", ([family, value, process], expected) => {
		expect(formatTag(vocab, family, value, process)).toBe(expected);
	});
	it("round-trips through parseTag", () => {
		const t = formatTag(vocab, "emotion", "hurt", "secondary");
		expect(parseTag(t, vocab)).toMatchObject({ value: "hurt", process: "secondary", counted: true });
	});
});

describe("nearest and editDistance", () => {
	it("measures edits", () => {
		expect(editDistance("atunement", "attunement")).toBe(1);
		expect(editDistance("", "abc")).toBe(3);
	});
	it("finds close words and refuses far ones", () => {
		expect(nearest("reflexion", ["reflection", "question"])).toBe("reflection");
		expect(nearest("zzz", ["reflection", "question"])).toBeUndefined();
	});
});
