import { parse as parseYaml } from "yaml";
import { studyNotes } from "../../../src/core/authoring/study-notes";
import { migrateSettings } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";
import { STUDY_REFERENCES } from "../../../src/core/vocabulary/concepts";
import { FAMILY_TABLE, PROCESS_CLASSES } from "../../../src/core/vocabulary/families";
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

describe("study notes cover every closed term of the families table", () => {
	const notes = studyNotes(vocab);
	const references = Object.values(STUDY_REFERENCES);
	/** Every closed term, read from the table: each value of a closed family, and each emotion class. */
	const terms = FAMILY_TABLE.flatMap((f) => {
		if (!f.open) return f.words.map((w) => ({ family: f.key, term: w, tag: `tag:#${f.word}/${w}\n` }));
		// An open family's values are the clinician's own words; what is closed about client emotions is their class.
		if (f.qualifier?.field === "process") return PROCESS_CLASSES.map((p) => ({ family: f.key, term: p, tag: `\\/${p}(?!` }));
		return [];
	});
	it("the closed terms are those of every closed family and the four classes", () => {
		expect(new Set(terms.map((t) => t.family))).toEqual(new Set(["emotion", ...FAMILY_TABLE.filter((f) => !f.open).map((f) => f.key)]));
	});
	it.each(terms)("$family/$term: a note with its definition and a reference", ({ tag }) => {
		const note = notes.find((n) => n.text.includes("```query\n") && n.text.split("```query\n")[1]!.includes(tag));
		expect(note).toBeDefined();
		const text = note!.text;
		// The placeholder a word added in settings gets is not a definition.
		expect(text).not.toContain("Write its definition here");
		const body = text.split("\n## Reference")[0]!.split("\n").slice(7).join(" ").trim();
		expect(body.length).toBeGreaterThan(40);
		const refs = text.split("## Reference\n")[1]!.split("\n\n")[0]!.split("\n").map((l) => l.replace(/^- /, ""));
		expect(refs.length).toBeGreaterThan(0);
		for (const r of refs) expect(references).toContain(r);
	});
});
