/**
 * The families table is the one place a family is described: everything that
 * differs between families is read from it. These tests hold each reader to
 * the table, so that a row added there shows up everywhere a user looks.
 */
import { CODING_COMMANDS } from "../../../src/plugin/authoring/coding";
import { studyNotes } from "../../../src/core/authoring/study-notes";
import { wordChoices } from "../../../src/core/authoring/word-choices";
import { NoteIndex } from "../../../src/core/index/index";
import { summarize, summaryJson } from "../../../src/core/index/summary";
import { readNote } from "../../../src/core/note/reader";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { renderCsv, summaryTables } from "../../../src/core/sidebar/report";
import { CLOSED_FAMILIES, DEFAULT_VOCABULARY, FAMILIES, FAMILY_LABELS, FAMILY_TABLE, type FamilyDef, familyDef, isFamily, perFamily } from "../../../src/core/vocabulary/families";
import { formatTag, parseTag } from "../../../src/core/vocabulary/tags";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";
import { parse as parseYaml } from "yaml";

const vocab = vocabularyFrom(DEFAULT_SETTINGS);

/** One note that codes the first word (or an example) of every family. */
function everyFamilyNote(): string {
	return FAMILY_TABLE.map((f) => formatTag(vocab, f.key, f.example ?? f.words[0] ?? "word", f.segments === 2 ? "secondary" : undefined)).join(" ") + "\n";
}

describe("the families table", () => {
	it("has one row per family, with distinct keys, words, JSON lists and command ids", () => {
		expect(FAMILIES).toEqual(FAMILY_TABLE.map((f) => f.key));
		for (const field of [(f: (typeof FAMILY_TABLE)[number]) => f.key, (f: (typeof FAMILY_TABLE)[number]) => f.word, (f: (typeof FAMILY_TABLE)[number]) => f.summary.list, (f: (typeof FAMILY_TABLE)[number]) => f.command.id]) {
			expect(new Set(FAMILY_TABLE.map(field)).size).toBe(FAMILY_TABLE.length);
		}
		for (const f of FAMILY_TABLE) {
			expect(isFamily(f.key)).toBe(true);
			expect(familyDef(f.key)).toBe(f);
			// A closed family with no words could never count anything.
			if (!f.open) expect(f.words.length).toBeGreaterThan(0);
		}
		expect(isFamily("class")).toBe(false);
	});

	it("gives a second segment to exactly the families of two segments, each a closed list with a word for none", () => {
		for (const f of FAMILY_TABLE) {
			const q = (f as FamilyDef).qualifier;
			expect(q !== undefined).toBe(f.segments === 2);
			if (q) {
				expect(q.words.length).toBeGreaterThan(0);
				expect(q.words).not.toContain(q.none);
				for (const w of [...q.words, q.none]) expect(q.labels[w]).toBeDefined();
			}
		}
	});

	it("is what the settings, the vocabulary and the labels are built from", () => {
		expect(DEFAULT_SETTINGS.families).toEqual(perFamily((f) => f.word));
		expect(DEFAULT_VOCABULARY).toEqual(perFamily((f) => f.words));
		expect(FAMILY_LABELS).toEqual(perFamily((f) => f.label));
		expect([...CLOSED_FAMILIES]).toEqual(FAMILY_TABLE.filter((f) => !f.open).map((f) => f.key));
		expect(CODING_COMMANDS).toEqual(FAMILY_TABLE.map((f) => ({ id: f.command.id, name: f.command.name, family: f.key })));
	});

	it("decides how each family's tags read: closed families refuse other words, only classified ones take a class", () => {
		for (const f of FAMILY_TABLE) {
			const unknown = parseTag(`${f.word}/zzunknownword`, vocab);
			expect(unknown?.counted).toBe(f.open);
			const two = parseTag(`${f.word}/${f.example ?? f.words[0]}/secondary`, vocab);
			expect(two?.problem?.code === "extra-segments").toBe(f.segments === 1);
			expect(parseTag(f.word, vocab)?.problem?.code).toBe("missing-value");
		}
	});

	it("gives every family its list in the JSON, its table in the report and its rows in the CSV", () => {
		const idx = new NoteIndex();
		idx.set(readNote("a.md", everyFamilyNote(), vocab, parseYaml));
		const s = summarize(idx);
		const json = summaryJson(s);
		const titles = summaryTables(s).map((t) => t.title);
		const csv = renderCsv(s);
		for (const f of FAMILY_TABLE) {
			expect(json[f.summary.list]).toEqual([expect.objectContaining({ [f.summary.field]: f.example ?? f.words[0], count: 1, notes: 1 })]);
			expect(titles).toContain(f.summary.title);
			expect(csv).toContain(`\r\n${f.key},`);
		}
	});

	it("offers each family's words in its picker, and the words of the family it borrows from", () => {
		for (const f of FAMILY_TABLE) {
			const offered = wordChoices(vocab, f.key, []).map((c) => c.value);
			expect(offered).toEqual(expect.arrayContaining([...f.words]));
			if (f.offers !== undefined && isFamily(f.offers)) expect(offered).toEqual(expect.arrayContaining([...vocab.words[f.offers]]));
		}
	});

	it("writes a study note for every value of every family that has study texts", () => {
		const names = studyNotes(vocab).map((n) => n.text);
		for (const f of FAMILY_TABLE) {
			if (f.study === undefined || f.study.of === "classes") continue;
			for (const w of f.words) expect(names.some((t) => t.includes(`\`#${f.word}/${w}\``))).toBe(true);
		}
	});
});
