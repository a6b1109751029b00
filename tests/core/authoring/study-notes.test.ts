import { parse as parseYaml } from "yaml";
import { studyNotes } from "../../../src/core/authoring/study-notes";
import { migrateSettings } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";
import { vocab } from "../../helpers/notes";

describe("studyNotes", () => {
	const notes = studyNotes(vocab);
	it("one note per empathy mode, process class, response kind, process move, therapist's process, relationship ingredient and element of compassion", () => {
		expect(notes).toHaveLength(3 + 4 + 7 + 12 + 3 + 7 + 5);
		expect(notes.map((n) => n.name)).toEqual(expect.arrayContaining([
			"Empathic rapport", "Communicative attunement", "Person empathy",
			"Primary adaptive emotion", "Primary maladaptive emotion", "Secondary emotion", "Instrumental emotion",
			"Empathic reflection", "Nonverbal attunement", "Letting go", "Carrying forward",
			"Approaching", "Acknowledging", "Making sense", "Discerning",
			"Perspective-taking", "Regulating own resonance", "Empathic distress",
			"Congruence", "Positive regard and warmth", "Compassion", "Responsiveness", "Therapeutic presence", "Rupture", "Repair",
			"Recognizing suffering", "Understanding its universality", "Feeling for the person", "Tolerating uncomfortable feelings", "Motivation to act",
		]));
		expect(new Set(notes.map((n) => n.name)).size).toBe(notes.length);
	});
	it("each has a definition, a reference and a search for its passages", () => {
		const att = notes.find((n) => n.name === "Communicative attunement")!.text;
		expect(att).toContain("moment by moment");
		expect(att).toContain("Elliott, R., Bohart, A. C., Watson, J. C., & Murphy, D. (2018)");
		expect(att).toContain("```query\ntag:#empathy/attunement\n```");
		const presence = notes.find((n) => n.name === "Therapeutic presence")!.text;
		expect(presence).toContain("Geller, S. M., & Greenberg, L. S. (2012)");
		expect(presence).toContain("```query\ntag:#relationship/presence\n```");
		// Obsidian's tag search finds nested tags too: both directions of an element.
		expect(notes.find((n) => n.name === "Feeling for the person")!.text).toContain("Strauss, C.");
		expect(notes.find((n) => n.name === "Acknowledging")!.text).toContain("Segal, Z. V.");
		const cls = notes.find((n) => n.name === "Primary maladaptive emotion")!.text;
		expect(cls).toContain("Greenberg, L. S.");
		const query = /```query\n\/(.*)\/\n```/.exec(cls)![1]!;
		const re = new RegExp(query);
		expect(re.test("felt #emotion/shame/primary-maladaptive here")).toBe(true);
		expect(re.test("#emotion/shame/primary-adaptive")).toBe(false);
		expect(re.test("#emotion/shame/primary-maladaptive-x")).toBe(false);
		// The note's own explanation of the tag is not one of the passages it lists.
		expect(cls.split("\n").filter((l) => re.test(l))).toEqual([]);
	});
	it("shows tags only in inline code, so study notes add nothing to the counts", () => {
		for (const n of notes) {
			const body = n.text.replace(/```query[\s\S]*?```/g, "").replace(/`[^`]*`/g, "");
			expect(body).not.toMatch(/(^|\s)#[^\s#]/);
		}
	});
	it("follows renamed family words", () => {
		const v = vocabularyFrom(migrateSettings({ families: { empathy: "empatia" } }));
		expect(studyNotes(v).find((n) => n.name === "Person empathy")!.text).toContain("tag:#empatia/person");
	});
	it("properties parse as YAML", () => {
		for (const n of notes) expect(parseYaml(n.text.split("\n---\n")[0]!.replace(/^---\n/, ""))).toMatchObject({ "note-type": "study" });
	});
});
