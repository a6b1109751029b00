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
		["a move of version 1.3", "process/making-sense", { family: "process", value: "making-sense", counted: true }],
		["the therapist's process", "therapist/perspective-taking", { family: "therapist", value: "perspective-taking", counted: true }],
		["empathic distress", "Therapist/Empathic-Distress", { family: "therapist", value: "empathic-distress", counted: true }],
		["a relationship ingredient", "relationship/presence", { family: "relationship", value: "presence", counted: true }],
		["rupture beside the ingredients", "relationship/rupture", { family: "relationship", value: "rupture", counted: true }],
		["compassion for oneself", "compassion/tolerating/self", { family: "compassion", value: "tolerating", direction: "self", counted: true }],
		["compassion for another", "compassion/acting/other", { family: "compassion", value: "acting", direction: "other", counted: true }],
		["compassion without a direction", "compassion/recognizing", { family: "compassion", value: "recognizing", direction: "unspecified", counted: true }],
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
		["therapist word alone", "therapist", "missing-value", false],
		["therapist typo", "therapist/regulatng", "unknown-value", false],
		["therapist with a second segment", "therapist/regulating/well", "extra-segments", true],
		["relationship word alone", "relationship/", "missing-value", false],
		["relationship typo", "relationship/presense", "unknown-value", false],
		["relationship with a second segment", "relationship/warmth/high", "extra-segments", true],
		["compassion word alone", "compassion", "missing-value", false],
		["compassion typo", "compassion/tolerate", "unknown-value", false],
		["compassion direction outside the two", "compassion/feeling/others", "unknown-value", true],
		["compassion with a third segment", "compassion/feeling/self/deep", "extra-segments", true],
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

	it("says how to write the new families, naming their words and the directions", () => {
		expect(parseTag("therapist", vocab)?.problem?.message).toBe("#therapist names no value, so it records nothing. Write #therapist/<process>, one of perspective-taking, regulating, empathic-distress.");
		expect(parseTag("compassion", vocab)?.problem?.message).toBe("#compassion names no value, so it records nothing. Write #compassion/<element>, one of recognizing, universality, feeling, tolerating, acting; or #compassion/<element>/<direction> with its direction (self, other).");
		expect(parseTag("relationship/presense", vocab)?.problem?.message).toContain("Did you mean #relationship/presence (therapeutic presence)?");
		expect(parseTag("therapist/regulatng", vocab)?.problem?.message).toContain("#therapist/regulating");
		expect(parseTag("compassion/feeling/others", vocab)).toMatchObject({ value: "feeling", direction: "unspecified", counted: true });
		expect(parseTag("compassion/feeling/others", vocab)?.problem?.message).toBe("“others” is not a direction (self, other); counted as #compassion/feeling, direction not said. Did you mean #compassion/feeling/other?");
		expect(parseTag("compassion/feeling/self/deep", vocab)).toMatchObject({ value: "feeling", direction: "self" });
	});

	it("reads a family switched off in settings as ordinary tags, and the others as before", () => {
		const off = vocabularyFrom(migrateSettings({ switchedOff: ["compassion", "therapist"] }));
		expect(parseTag("compassion/feeling/self", off)).toBeNull();
		expect(parseTag("therapist", off)).toBeNull();
		expect(parseTag("relationship/presence", off)).toMatchObject({ family: "relationship", counted: true });
		expect(parseTag("emotion/shame/secondary", off)).toEqual(parseTag("emotion/shame/secondary", vocab));
	});

	it("keeps an older family's reading when a new family's word is already taken", () => {
		// A vault that renamed resonance to "compassion" before version 1.3 keeps counting it as resonance.
		const v = vocabularyFrom(migrateSettings({ families: { resonance: "compassion" } }));
		expect(parseTag("compassion/sadness", v)).toMatchObject({ family: "resonance", value: "sadness", counted: true });
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
		[["compassion", "feeling", "self"], "#compassion/feeling/self"],
		[["compassion", "feeling", "unspecified"], "#compassion/feeling"],
		[["therapist", "regulating", "self"], "#therapist/regulating"],
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
