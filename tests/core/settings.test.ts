import { DEFAULT_SETTINGS, changeRereadsVault, migrateSettings, settingsProblems } from "../../src/core/settings";

describe("migrateSettings", () => {
	it("gives the defaults for nothing saved", () => {
		expect(migrateSettings(null)).toEqual({ ...DEFAULT_SETTINGS, families: { ...DEFAULT_SETTINGS.families }, extraWords: { emotion: [], resonance: [], empathy: [], response: [], process: [], therapist: [], relationship: [], compassion: [] }, switchedOff: [] });
	});
	it("keeps every saved value and fills the rest", () => {
		const s = migrateSettings({ clinicianName: "Dr. Example", sessionFolder: "Notes", families: { emotion: "feeling" } });
		expect(s.clinicianName).toBe("Dr. Example");
		expect(s.sessionFolder).toBe("Notes");
		expect(s.families.emotion).toBe("feeling");
		expect(s.families.empathy).toBe("empathy");
		expect(s.supervisionFolder).toBe(DEFAULT_SETTINGS.supervisionFolder);
	});
	it("migrates version 0 keys without losing them", () => {
		const s = migrateSettings({ emotionWord: "gefühl", templatePath: "Templates/Session.md" });
		expect(s.families.emotion).toBe("gefühl");
		expect(s.templatePaths.session).toBe("Templates/Session.md");
		expect(s).not.toHaveProperty("emotionWord");
	});
	it("keeps unknown keys (a newer version's settings survive)", () => {
		expect((migrateSettings({ futureOption: 3 }) as unknown as Record<string, unknown>).futureOption).toBe(3);
	});
	it("replaces values of the wrong type with defaults", () => {
		const s = migrateSettings({ clinicianName: 42, exportAllowedProperties: "note-type, session", families: { emotion: "  " } });
		expect(s.clinicianName).toBe("");
		expect(s.exportAllowedProperties).toEqual(["note-type", "session"]);
		expect(s.families.emotion).toBe("emotion");
	});
	it("keeps saved default durations, reads one saved as text, and replaces one that is no duration", () => {
		expect(migrateSettings({ defaultSessionDuration: 45, defaultSupervisionDuration: "90" })).toMatchObject({ defaultSessionDuration: 45, defaultSupervisionDuration: 90 });
		expect(migrateSettings({ defaultSessionDuration: -5, defaultSupervisionDuration: "long" })).toMatchObject({ defaultSessionDuration: 50, defaultSupervisionDuration: 60 });
	});
	it("takes an emptied measures list, or one of blanks, as the six ratings, as the settings tab says", () => {
		const six = DEFAULT_SETTINGS.measures;
		expect(migrateSettings({ measures: [] }).measures).toEqual(six);
		expect(migrateSettings({ measures: [""] }).measures).toEqual(six);
		expect(migrateSettings({ measures: " , " }).measures).toEqual(six);
		expect(migrateSettings({ measures: ["", "phq-9"] }).measures).toEqual(["phq-9"]);
	});
	it("never changes the frozen defaults", () => {
		const s = migrateSettings({});
		s.extraWords.emotion.push("awe");
		expect(DEFAULT_SETTINGS.extraWords.emotion).toEqual([]);
	});
});

describe("saved settings that would misread tags are set aside, and said", () => {
	it.each([
		["a family word with a space", { families: { emotion: "client emotion" } }, "emotion", "emotion"],
		["two families with one word", { families: { emotion: "feeling", resonance: "Feeling" } }, "resonance", "resonance"],
		["a family word that is not text", { families: { empathy: 3 } }, "empathy", "empathy"],
	])("%s", (_n, raw, family, expected) => {
		expect(migrateSettings(raw).families[family as "emotion"]).toBe(expected);
		expect(settingsProblems(raw)).toEqual([expect.stringContaining(`the ${family} family word`)]);
	});
	it("drops added words that are no valid tag text", () => {
		const raw = { extraWords: { response: ["self disclosure", "hug!"] } };
		expect(migrateSettings(raw).extraWords.response).toEqual(["self disclosure"]);
		expect(settingsProblems(raw)).toEqual([expect.stringContaining("“hug!”")]);
	});
	it("finds nothing to say about good settings", () => {
		expect(settingsProblems({ families: { emotion: "gefühl" }, extraWords: { empathy: ["presence"] } })).toEqual([]);
	});
	it("keeps the families switched off, in the table's order, and drops names it does not know", () => {
		expect(migrateSettings({ switchedOff: ["compassion", "nonsense", "therapist", "compassion"] }).switchedOff).toEqual(["therapist", "compassion"]);
		expect(migrateSettings({ switchedOff: "relationship" }).switchedOff).toEqual(["relationship"]);
		expect(migrateSettings({ switchedOff: 7 }).switchedOff).toEqual([]);
	});

	it("reads the vault again when a family is switched off or on", () => {
		const on = migrateSettings(null);
		const off = migrateSettings({ switchedOff: ["relationship"] });
		expect(changeRereadsVault(on, off)).toBe(true);
		expect(changeRereadsVault(off, off)).toBe(false);
	});
	it("re-reads the vault when other measures are named, since the index holds only those", () => {
		const before = migrateSettings({});
		expect(before.measures).toEqual(["rating-empathy", "rating-congruence", "rating-warmth", "rating-compassion", "rating-responsiveness", "rating-presence"]);
		const after = migrateSettings({ measures: "phq-9, gad-7" });
		expect(after.measures).toEqual(["phq-9", "gad-7"]);
		expect(changeRereadsVault(before, after)).toBe(true);
		expect(changeRereadsVault(after, migrateSettings({ measures: ["PHQ-9", "gad-7"] }))).toBe(false);
	});
});
