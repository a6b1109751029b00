import { parse } from "yaml";
import { NoteIndex } from "../../../src/core/index/index";
import { summarize, summaryJson } from "../../../src/core/index/summary";
import { interpretNote, needsPassages, placePassages, withPassagesPlaced } from "../../../src/core/note/note";
import { factsFromText, readNote } from "../../../src/core/note/reader";
import { renderCsv, renderMarkdown, renderTable } from "../../../src/core/sidebar/report";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";
import { indexOf, note, read, vocab } from "../../helpers/notes";

/** Moves by the class of the emotions in their passage (FORMAT.md section 2), and empathy modes by modality. */
describe("moves by class: a move counts with the classes of the emotions in its passage", () => {
	const moves = (text: string) => summarize(indexOf({ "a.md": text }), {}, { vocab }).movesByClass;

	it.each<[string, string, Record<string, Record<string, number>>]>([
		["same line", "She wept #emotion/sadness/primary-adaptive and let it be #process/accepting.\n", { "primary-adaptive": { accepting: 1 } }],
		["same paragraph, next line", "Shame came #emotion/shame/primary-maladaptive\nand softened #process/transforming\n", { "primary-maladaptive": { transforming: 1 } }],
		["a blank line between: two passages", "Shame came #emotion/shame/primary-maladaptive\n\nIt softened #process/transforming\n", {}],
		["two list items: two passages", "- Shame #emotion/shame/primary-maladaptive\n- Softened #process/transforming\n", {}],
		["a heading line is its own passage", "# Shame #emotion/shame/primary-maladaptive\nSoftened #process/transforming\n", {}],
		["one move, two classes in its passage: once under each", "Anger #emotion/anger/secondary over hurt #emotion/hurt/primary-adaptive, both named #process/symbolizing\n", { "primary-adaptive": { symbolizing: 1 }, secondary: { symbolizing: 1 } }],
		["two emotions of one class: the move counts once", "Fear #emotion/fear/primary-adaptive and more fear #emotion/fear/primary-adaptive, allowed #process/accepting\n", { "primary-adaptive": { accepting: 1 } }],
		["an emotion without a class counts as unclassified", "Worry #emotion/worry, let go #process/letting-go\n", { unclassified: { "letting-go": 1 } }],
		["tags on a line of their own code the passage before", "She said nobody bothers with her.\n\n#emotion/loneliness/primary-maladaptive #process/soothing\n", { "primary-maladaptive": { soothing: 1 } }],
		["tags alone below a passage join it", "She said nobody bothers with her #emotion/loneliness/primary-maladaptive.\n\n#process/soothing\n", { "primary-maladaptive": { soothing: 1 } }],
		["property tags belong to no passage", "---\ntags: [emotion/shame/primary-maladaptive]\n---\nSoftened #process/transforming\n", {}],
	])("%s", (_name, text, expected) => {
		const got = moves(text);
		// Every class and every move is listed, zero included; only the expected cells are not zero.
		expect(Object.keys(got)).toEqual(["primary-adaptive", "primary-maladaptive", "secondary", "instrumental", "unclassified"]);
		for (const [p, row] of Object.entries(got)) {
			expect(Object.keys(row)).toEqual(vocab.words.process);
			for (const [m, n] of Object.entries(row)) expect([p, m, n]).toEqual([p, m, expected[p]?.[m] ?? 0]);
		}
	});

	it("a filtered summary adds only its own notes' moves", () => {
		const idx = indexOf({
			"C-1/a.md": "---\nclient: C-1\n---\nShame #emotion/shame/primary-maladaptive softened #process/transforming\n",
			"C-2/b.md": "---\nclient: C-2\n---\nShame #emotion/shame/primary-maladaptive softened #process/transforming\n",
		});
		expect(summarize(idx, {}).movesByClass["primary-maladaptive"]?.transforming).toBe(2);
		expect(summarize(idx, { client: "C-2" }).movesByClass["primary-maladaptive"]?.transforming).toBe(1);
		idx.remove("C-1/a.md");
		expect(summarize(idx, {}).movesByClass["primary-maladaptive"]?.transforming).toBe(1);
	});

	it("places emotions and moves in their passage from the note's text; without the text it asks for it", () => {
		const rec = read("a.md", "Intro.\n\nShame #emotion/shame/primary-maladaptive softened #process/transforming\n");
		expect(rec.occurrences.map((o) => o.passage)).toEqual([2, 2]);
		const blind = note("a.md", ["emotion/shame/primary-maladaptive", "process/transforming"]);
		expect(blind.occurrences.map((o) => o.passage)).toEqual([undefined, undefined]);
		expect(needsPassages(blind)).toBe(true);
		expect(needsPassages(note("b.md", ["emotion/shame/primary-maladaptive", "empathy/rapport"]))).toBe(false);
	});

	it("prints its table in the terminal and Markdown once a move and an emotion are coded, zero included", () => {
		const idx = indexOf({ "a.md": "Shame #emotion/shame/primary-maladaptive softened #process/transforming\n", "b.md": "Fear #emotion/fear/secondary\n" });
		const table = renderTable(summarize(idx, {}, { vocab }));
		expect(table).toMatch(/What was done with each class\nMove +Primary adaptive +Primary maladaptive +Secondary +Instrumental +Not classified yet\n/);
		expect(table).toMatch(/\nTransforming +0 +1 +0 +0 +0\n/);
		expect(table).toMatch(/\nLetting go +0 +0 +0 +0 +0\n/);
		expect(renderMarkdown(summarize(idx, {}, { vocab }))).toContain("| Transforming | 0 | 1 | 0 | 0 | 0 |");
		expect(renderTable(summarize(idx, { path: "b.md" }, { vocab }))).not.toContain("What was done with each class");
	});

	it("placed afterwards from the text, a record read without it counts as one read with it", () => {
		const text = "---\nclient: C-1\n---\nShame #emotion/shame/primary-maladaptive\nsoftened #process/transforming\n\n#process/soothing\n\n- Fear #emotion/fear/secondary\n- let go #process/letting-go\n";
		const withText = read("a.md", text);
		const facts = factsFromText("a.md", text, (y) => parse(y) as unknown);
		const blind = interpretNote({ ...facts, text: undefined }, vocab);
		expect([...blind.counts.keys()].some((k) => k.startsWith("move-by-class"))).toBe(false);
		placePassages(blind, facts.tags, text, 3, vocab);
		expect(new Map(blind.counts)).toEqual(new Map(withText.counts));
		expect(blind.occurrences).toEqual(withText.occurrences);
	});

	it("placed on a copy, the record the index holds is left as it was, and the copy counts as one read with the text", () => {
		const text = "---\nclient: C-1\n---\nShame #emotion/shame/primary-maladaptive\nsoftened #process/transforming\n\n- Fear #emotion/fear/secondary\n- let go #process/letting-go\n";
		const withText = read("a.md", text);
		const facts = factsFromText("a.md", text, (y) => parse(y) as unknown);
		const blind = interpretNote({ ...facts, text: undefined }, vocab);
		const before = { counts: new Map(blind.counts), occurrences: blind.occurrences };
		const idx = new NoteIndex();
		idx.set(blind);
		const placed = withPassagesPlaced(blind, facts.tags, text, 3, vocab);
		expect(placed).not.toBe(blind);
		expect({ counts: new Map(blind.counts), occurrences: blind.occurrences }).toEqual(before);
		expect(new Map(placed.counts)).toEqual(new Map(withText.counts));
		expect(placed.occurrences).toEqual(withText.occurrences);
		idx.set(placed);
		const fromText = new NoteIndex();
		fromText.set(withText);
		expect(summaryJson(summarize(idx))).toEqual(summaryJson(summarize(fromText)));
		// Nothing left to place: the same record back.
		expect(withPassagesPlaced(placed, facts.tags, text, 3, vocab)).toBe(placed);
	});

	it("a counts-only reading (the command line's) counts the same moves by class", () => {
		const text = "Shame #emotion/shame/primary-maladaptive softened #process/transforming\n\n- Fear #emotion/fear/secondary let go #process/letting-go\n";
		const full = readNote("a.md", text, vocab, (y) => parse(y) as unknown);
		const counts = readNote("a.md", text, vocab, (y) => parse(y) as unknown, { countsOnly: true });
		expect(counts.occurrences).toEqual([]);
		expect(counts.counts).toEqual(full.counts);
		expect([...full.counts.keys()].filter((k) => k.startsWith("move-by-class"))).toHaveLength(2);
	});

		it("is empty when moves or emotions are switched off", () => {
		const off = vocabularyFrom({ ...DEFAULT_SETTINGS, switchedOff: ["process"] });
		const idx = new NoteIndex();
		idx.set(readNote("a.md", "Shame #emotion/shame/primary-maladaptive softened #process/transforming\n", off, (y) => parse(y) as unknown));
		expect(summarize(idx, {}, { vocab: off }).movesByClass).toEqual({});
	});
});

describe("empathy modes by modality", () => {
	const idx = indexOf({
		"a.md": "---\nmodality: EFMT\n---\nHeard #empathy/attunement and #empathy/attunement\n",
		"b.md": "---\nmodality: EFMT\n---\nJust listening.\n",
		"c.md": "---\nmodality: CBT\n---\nWarm start #empathy/rapport\n",
		"d.md": "No modality, yet #empathy/person\n",
	});

	it("lists each modality by name with its notes and modes, zero included, and notes without one last", () => {
		expect(summaryJson(summarize(idx, {}, { vocab })).modesByModality).toEqual([
			{ modality: "CBT", notes: 1, modes: { rapport: 1, attunement: 0, person: 0 } },
			{ modality: "EFMT", notes: 2, modes: { rapport: 0, attunement: 2, person: 0 } },
			{ modality: null, notes: 1, modes: { rapport: 0, attunement: 0, person: 1 } },
		]);
	});

	it("keeps to the scope, and always lists the notes without a modality, as zero", () => {
		expect(summarize(idx, { path: "c.md" }, { vocab }).modesByModality).toEqual([
			{ modality: "CBT", notes: 1, modes: { rapport: 1, attunement: 0, person: 0 } },
			{ modality: null, notes: 0, modes: { rapport: 0, attunement: 0, person: 0 } },
		]);
	});

	it("is empty, and prints no table, when empathy modes are switched off", () => {
		const off = vocabularyFrom({ ...DEFAULT_SETTINGS, switchedOff: ["empathy"] });
		const idx2 = new NoteIndex();
		idx2.set(readNote("a.md", "---\nmodality: EFMT\n---\nHeard #empathy/attunement #emotion/fear\n", off, (y) => parse(y) as unknown));
		const s = summarize(idx2, {}, { vocab: off });
		expect(summaryJson(s).modesByModality).toEqual([]);
		expect(renderTable(s)).not.toContain("Empathy modes by modality");
		expect(renderCsv(s)).not.toContain("mode-by-modality");
	});

	it("shows in the table and the CSV with the same numbers", () => {
		const s = summarize(idx, {}, { vocab });
		const table = renderTable(s);
		expect(table).toMatch(/Empathy modes by modality\nModality +Notes +Empathic rapport +Communicative attunement +Person empathy\n/);
		expect(table).toMatch(/\nEFMT +2 +0 +2 +0\n/);
		expect(table).toMatch(/\nNo modality +1 +0 +0 +1\n/);
		const csv = renderCsv(s).split("\r\n");
		expect(csv).toContain("mode-by-modality,attunement,EFMT,2,");
		expect(csv).toContain("mode-by-modality,person,,1,");
	});
});
