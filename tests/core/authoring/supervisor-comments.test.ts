import { parse as parseYaml } from "yaml";
import { blockedContextAt, insertedTagIsRead, selectionTagPosition, tagInsertion } from "../../../src/core/authoring/tag-insertion";
import { expandPathPattern, fillProperties, firstSectionPosition } from "../../../src/core/authoring/new-note";
import { familyWordProblem, parseWordList } from "../../../src/core/vocabulary/vocabulary";
import { freePath } from "../../../src/core/vault-paths";
import { resolveSupervisorComment, supervisorCommentHeading, supervisorCommentInsertion } from "../../../src/core/authoring/supervisor-comments";
import { studyNotes } from "../../../src/core/authoring/study-notes";
import { typedWord, wordChoices } from "../../../src/core/authoring/word-choices";
import { yamlScalar } from "../../../src/core/note/yaml-lite";
import { DEFAULT_SETTINGS, migrateSettings } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";

const vocab = vocabularyFrom(DEFAULT_SETTINGS);

/** Applies an insertion the way the editor does: at a line and column. */
function applyAt(text: string, at: { line: number; ch: number }, insert: string): string {
	const eol = text.includes("\r\n") ? "\r\n" : "\n";
	const lines = text.split(/\r?\n/);
	let offset = 0;
	for (let i = 0; i < at.line; i++) offset += lines[i].length + eol.length;
	offset += at.ch;
	return text.slice(0, offset) + insert + text.slice(offset);
}

describe("tagInsertion: spaced so that Obsidian reads a tag", () => {
	const tag = "#emotion/shame/primary-maladaptive";
	it.each([
		{ name: "empty line", line: "", ch: 0, after: `${tag}` },
		{ name: "after a space", line: "She froze ", ch: 10, after: `She froze ${tag}` },
		{ name: "glued after a word: a space before", line: "She froze", ch: 9, after: `She froze ${tag}` },
		{ name: "before a word: a space after", line: "froze", ch: 0, after: `${tag} froze` },
		{ name: "inside a word: both", line: "frozen", ch: 3, after: `fro ${tag} zen` },
		{ name: "before punctuation: none after", line: "She froze.", ch: 9, after: `She froze ${tag}.` },
		{ name: "before a space: none after", line: "a b", ch: 1, after: `a ${tag} b` },
		{ name: "before a hyphen, which would join the tag", line: "x-y", ch: 1, after: `x ${tag} -y` },
		{ name: "before another tag", line: "#todo", ch: 0, after: `${tag} #todo` },
		{ name: "after a digit", line: "1", ch: 1, after: `1 ${tag}` },
	])("$name", ({ line, ch, after }) => {
		const ins = tagInsertion(line, ch, tag);
		expect(line.slice(0, ch) + ins.text + line.slice(ch)).toBe(after);
		// The cursor lands right after what was inserted.
		expect(ins.cursorCh).toBe(ch + ins.text.length);
	});
});

describe("selectionTagPosition: the end of the selected passage", () => {
	const lines = ["First line.", "Second line.", ""];
	it("ends where the selection ends", () => {
		expect(selectionTagPosition(lines, { line: 0, ch: 0 }, { line: 1, ch: 6 })).toEqual({ line: 1, ch: 6 });
	});
	it("a selection of whole lines ends on the last selected line, not the next", () => {
		expect(selectionTagPosition(lines, { line: 0, ch: 0 }, { line: 2, ch: 0 })).toEqual({ line: 1, ch: 12 });
	});
});

describe("blockedContextAt: where a tag would not be read", () => {
	const note = [
		"---", // 0
		"client: C-1", // 1
		"---", // 2
		"Text with `code` and <!-- note --> and [[Link]].", // 3
		"```", // 4
		"fenced", // 5
		"```", // 6
		"$$", // 7
		"x^2", // 8
		"$$", // 9
		"> ~~~", // 10
		"> quoted code", // 11
		"> ~~~", // 12
		"after", // 13
	].join("\n");
	it.each([
		{ name: "properties", line: 1, ch: 3, want: "properties" },
		{ name: "the closing properties fence", line: 2, ch: 0, want: "properties" },
		{ name: "plain text", line: 3, ch: 4, want: null },
		{ name: "inside inline code", line: 3, ch: 12, want: "inline code" },
		{ name: "just before the opening backtick", line: 3, ch: 10, want: null },
		{ name: "just after the closing backtick", line: 3, ch: 16, want: null },
		{ name: "inside an HTML comment", line: 3, ch: 26, want: "comment" },
		{ name: "inside a wiki link", line: 3, ch: 43, want: "link" },
		{ name: "a fence line", line: 4, ch: 0, want: "code block" },
		{ name: "inside a fence", line: 5, ch: 2, want: "code block" },
		{ name: "inside a math block", line: 8, ch: 1, want: "math block" },
		{ name: "inside a fence in a block quote", line: 11, ch: 4, want: "code block" },
		{ name: "after every block", line: 13, ch: 2, want: null },
	])("$name", ({ line, ch, want }) => {
		expect(blockedContextAt(note, line, ch)).toBe(want);
	});
	it("reads CRLF text the same way", () => {
		expect(blockedContextAt(note.replace(/\n/g, "\r\n"), 5, 2)).toBe("code block");
		expect(blockedContextAt(note.replace(/\n/g, "\r\n"), 13, 2)).toBeNull();
	});
	it("a lone --- further down is a rule, not properties", () => {
		expect(blockedContextAt("Text\n---\nMore", 2, 1)).toBeNull();
	});
	it("longer inline code spans need closing runs of the same length", () => {
		expect(blockedContextAt("a ``x ` y`` b", 0, 6)).toBe("inline code");
		expect(blockedContextAt("a ``x ` y`` b", 0, 12)).toBeNull();
	});
});

describe("supervisorCommentInsertion: a callout below the line, never joining a paragraph", () => {
	const heading = supervisorCommentHeading("Dr. T", "2026-03-16");
	it.each([
		{
			name: "after a paragraph followed by a blank line",
			before: "Para one.\n\nPara two.",
			line: 0,
			after: "Para one.\n\n> [!supervisor] Dr. T, 2026-03-16\n> \n\nPara two.",
			cursor: { line: 3, ch: 2 },
		},
		{
			name: "at the end of a hard-wrapped paragraph, not inside it",
			before: "Line a\nline b\n## Next",
			line: 0,
			after: "Line a\nline b\n\n> [!supervisor] Dr. T, 2026-03-16\n> \n\n## Next",
			cursor: { line: 4, ch: 2 },
		},
		{
			name: "at the end of the note",
			before: "Only line",
			line: 0,
			after: "Only line\n\n> [!supervisor] Dr. T, 2026-03-16\n> ",
			cursor: { line: 3, ch: 2 },
		},
		{
			name: "on an empty line after text",
			before: "Text\n\nMore",
			line: 1,
			after: "Text\n\n> [!supervisor] Dr. T, 2026-03-16\n> \n\nMore",
			cursor: { line: 3, ch: 2 },
		},
		{
			name: "on an empty first line",
			before: "\nText",
			line: 0,
			after: "> [!supervisor] Dr. T, 2026-03-16\n> \n\nText",
			cursor: { line: 1, ch: 2 },
		},
		{
			name: "list items: after the item, not the whole list",
			before: "- one\n- two",
			line: 0,
			after: "- one\n\n> [!supervisor] Dr. T, 2026-03-16\n> \n\n- two",
			cursor: { line: 3, ch: 2 },
		},
		{
			name: "below another callout: after its last line",
			before: "> [!note] A\n> body\nText",
			line: 0,
			after: "> [!note] A\n> body\n\n> [!supervisor] Dr. T, 2026-03-16\n> \n\nText",
			cursor: { line: 4, ch: 2 },
		},
		{
			name: "on a table's header row: after the whole table",
			before: "| S | O |\n|---|---|\n| a | b |\n| c | d |\n\nAfter.",
			line: 0,
			after: "| S | O |\n|---|---|\n| a | b |\n| c | d |\n\n> [!supervisor] Dr. T, 2026-03-16\n> \n\nAfter.",
			cursor: { line: 6, ch: 2 },
		},
		{
			name: "on a table's body row: the rows below stay in the table",
			before: "| S | O |\n|---|---|\n| a | b |\n| c | d |",
			line: 2,
			after: "| S | O |\n|---|---|\n| a | b |\n| c | d |\n\n> [!supervisor] Dr. T, 2026-03-16\n> ",
			cursor: { line: 6, ch: 2 },
		},
		{
			name: "CRLF line endings are kept",
			before: "Para one.\r\n\r\nPara two.",
			line: 0,
			after: "Para one.\r\n\r\n> [!supervisor] Dr. T, 2026-03-16\r\n> \r\n\r\nPara two.",
			cursor: { line: 3, ch: 2 },
		},
	])("$name", ({ before, line, after, cursor }) => {
		const ins = supervisorCommentInsertion(before, line, heading);
		expect(applyAt(before, ins.at, ins.text)).toBe(after);
		expect(ins.cursor).toEqual(cursor);
		expect(after.split(/\r?\n/)[cursor.line].slice(0, cursor.ch)).toBe("> ");
	});
	it("without a supervisor's name the heading is the date", () => {
		expect(supervisorCommentHeading("  ", "2026-03-16")).toBe("2026-03-16");
	});
});

describe("resolveSupervisorComment", () => {
	const note = [
		"Intro", // 0
		"", // 1
		"> [!supervisor] Slow down", // 2
		"> Consider a conjecture.", // 3
		"", // 4
		"> [!supervisor-resolved] Done", // 5
		"> body", // 6
		"", // 7
		"> [!note] Other", // 8
		"> text", // 9
		"> [!SUPERVISOR]- Folded", // 10
	].join("\n");
	const apply = (text: string, line: number) => {
		const r = resolveSupervisorComment(text, line);
		return r.kind === "resolve" ? applyAt(text, r.at, r.insert) : r.kind;
	};
	it.each([
		{ name: "on the callout's first line", line: 2, want: "> [!supervisor-resolved] Slow down" },
		{ name: "on its body", line: 3, want: "> [!supervisor-resolved] Slow down" },
		{ name: "on the blank line just below it", line: 4, want: "> [!supervisor-resolved] Slow down" },
		{ name: "keeps the written case and fold sign", line: 10, want: "> [!SUPERVISOR-resolved]- Folded" },
	])("$name", ({ line, want }) => {
		const out = apply(note, line);
		expect(typeof out === "string" && out.split("\n").includes(want)).toBe(true);
		// Only that one line changed.
		const changed = out.split("\n").filter((l, i) => l !== note.split("\n")[i]);
		expect(changed).toEqual([want]);
	});
	it.each([
		{ name: "already resolved", line: 6, want: "already-resolved" },
		{ name: "another kind of callout", line: 9, want: "none" },
		{ name: "ordinary text", line: 0, want: "none" },
	])("$name", ({ line, want }) => {
		expect(resolveSupervisorComment(note, line).kind).toBe(want);
	});
	it("works on CRLF text without touching line endings", () => {
		const crlf = note.replace(/\n/g, "\r\n");
		const out = apply(crlf, 3);
		expect(out).toBe(crlf.replace("> [!supervisor] Slow down", "> [!supervisor-resolved] Slow down"));
	});
});

describe("yamlScalar", () => {
	it.each([
		["C-017", "C-017"],
		["2026-03-16", "2026-03-16"],
		["EFMT", "EFMT"],
		["[[2026-02-24 session 6]]", '"[[2026-02-24 session 6]]"'],
		["Dr. Ada Lindqvist (example)", '"Dr. Ada Lindqvist (example)"'],
		["Name: with colon", '"Name: with colon"'],
		["yes", '"yes"'],
		["017", '"017"'],
		["0423", '"0423"'],
		["1e3", '"1e3"'],
		["0x1A", '"0x1A"'],
		["12.50", '"12.50"'],
		["", ""],
	])("%s", (value, want) => {
		expect(yamlScalar(value)).toBe(want);
		if (want !== "") expect(parseYaml(`k: ${want}`)).toEqual({ k: value === "2026-03-16" ? "2026-03-16" : value });
	});
});

describe("fillProperties", () => {
	it.each([
		{
			name: "adds a properties block to a note without one",
			before: "# Body\n",
			props: [["note-type", "session"], ["client", "C-1"], ["session", 3]] as const,
			after: "---\nnote-type: session\nclient: C-1\nsession: 3\n---\n# Body\n",
		},
		{
			name: "fills empty keys and adds missing ones, keeping written values",
			before: "---\nnote-type: progress\nclient:\nmood: ok\n---\nBody",
			props: [["note-type", "session"], ["client", "C-1"], ["previous", "[[a b]]"]] as const,
			after: '---\nnote-type: progress\nclient: C-1\nmood: ok\nprevious: "[[a b]]"\n---\nBody',
		},
		{
			name: "writes lists, and skips empty values",
			before: "---\nreviews:\n---\n",
			props: [["reviews", ["[[s1]]", "[[s2]]"]], ["modality", ""], ["previous", undefined]] as const,
			after: '---\nreviews:\n  - "[[s1]]"\n  - "[[s2]]"\n---\n',
		},
		{
			name: "keeps CRLF",
			before: "---\r\nclient:\r\n---\r\nBody",
			props: [["client", "C-1"], ["date", "2026-03-16"]] as const,
			after: "---\r\nclient: C-1\r\ndate: 2026-03-16\r\n---\r\nBody",
		},
		{
			name: "a key with a list below it is not empty",
			before: "---\nreviews:\n  - \"[[x]]\"\n---\n",
			props: [["reviews", ["[[y]]"]]] as const,
			after: "---\nreviews:\n  - \"[[x]]\"\n---\n",
		},
	])("$name", ({ before, props, after }) => {
		const out = fillProperties(before, props);
		expect(out).toBe(after);
		expect(() => parseYaml(out.split(/\r?\n---/)[0].replace(/^---\r?\n/, "")) as unknown).not.toThrow();
	});
});

describe("firstSectionPosition", () => {
	it.each([
		{ name: "the line below the first heading", text: "---\na: 1\n---\n## One\n\n## Two\n", want: { line: 4, ch: 0 } },
		{ name: "the end of a prompt line", text: "## Plan\n- \n", want: { line: 1, ch: 2 } },
		{ name: "no heading: the body's first line", text: "---\na: 1\n---\nBody", want: { line: 3, ch: 4 } },
		{ name: "a heading on the last line", text: "# T", want: { line: 0, ch: 3 } },
	])("$name", ({ text, want }) => {
		expect(firstSectionPosition(text)).toEqual(want);
	});
});

describe("expandPathPattern and freePath", () => {
	const fmt = (d: Date, f: string) => f.replace("YYYY", String(d.getFullYear())).replace("MM", String(d.getMonth() + 1).padStart(2, "0")).replace("DD", String(d.getDate()).padStart(2, "0"));
	const date = new Date(2026, 2, 16, 9, 30);
	it.each([
		{ pattern: "Clients/{{client}}", want: "Clients/C-101" },
		{ pattern: "{{date:YYYY-MM-DD}} session {{session}}", want: "2026-03-16 session 7" },
		{ pattern: "{{date}} {{client}}", want: "2026-03-16 C-101" },
		{ pattern: "{{date:YYYY/MM}}/{{client}}", want: "2026/03/C-101" },
		{ pattern: "Keep {{unknown}}", want: "Keep {{unknown}}" },
	])("$pattern", ({ pattern, want }) => {
		expect(expandPathPattern(pattern, { client: "C-101", session: 7, date }, fmt)).toBe(want);
	});
	it("makes a client code safe for a file name", () => {
		expect(expandPathPattern("Clients/{{client}}", { client: "A/B:C#1", date }, fmt)).toBe("Clients/A-B-C-1");
	});
	it("drops empty segments and trailing dots", () => {
		expect(expandPathPattern("Clients/{{client}}/", { client: "", date }, fmt)).toBe("Clients");
		expect(expandPathPattern("{{client}}.", { client: "x", date }, fmt)).toBe("x");
	});
	it("never returns a taken path", () => {
		const taken = new Set(["a/b.md", "a/b (2).md"]);
		expect(freePath("a/b.md", (p) => taken.has(p))).toBe("a/b (3).md");
		expect(freePath("a/c.md", (p) => taken.has(p))).toBe("a/c.md");
	});
});

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
		expect(c[1].label).toBe("Communicative attunement");
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

describe("studyNotes", () => {
	const notes = studyNotes(vocab);
	it("one note per empathy mode, process class, response kind and process move", () => {
		expect(notes).toHaveLength(3 + 4 + 7 + 8);
		expect(notes.map((n) => n.name)).toEqual(expect.arrayContaining([
			"Empathic rapport", "Communicative attunement", "Person empathy",
			"Primary adaptive emotion", "Primary maladaptive emotion", "Secondary emotion", "Instrumental emotion",
			"Empathic reflection", "Nonverbal attunement", "Letting go", "Carrying forward",
		]));
		expect(new Set(notes.map((n) => n.name)).size).toBe(notes.length);
	});
	it("each has a definition, a reference and a search for its passages", () => {
		const att = notes.find((n) => n.name === "Communicative attunement")!.text;
		expect(att).toContain("moment by moment");
		expect(att).toContain("Elliott, R., Bohart, A. C., Watson, J. C., & Murphy, D. (2018)");
		expect(att).toContain("```query\ntag:#empathy/attunement\n```");
		const cls = notes.find((n) => n.name === "Primary maladaptive emotion")!.text;
		expect(cls).toContain("Greenberg, L. S.");
		const query = /```query\n\/(.*)\/\n```/.exec(cls)![1];
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
		for (const n of notes) expect(parseYaml(n.text.split("\n---\n")[0].replace(/^---\n/, ""))).toMatchObject({ "note-type": "study" });
	});
});

describe("insertedTagIsRead: the note read again as Obsidian reads it", () => {
	const tag = "#emotion/shame";
	const read = (text: string, line: number, ch: number) => insertedTagIsRead(text, line, ch, tagInsertion(text.split(/\r?\n/)[line], ch, tag), tag);
	it.each([
		{ name: "ordinary text", text: "Para\nShe froze", line: 1, ch: 9, want: true },
		{ name: "a heading", text: "## Emotions", line: 0, ch: 11, want: true },
		{ name: "a list item", text: "- froze", line: 0, ch: 7, want: true },
		{ name: "a callout", text: "> [!supervisor] X\n> body", line: 1, ch: 6, want: true },
		{ name: "CRLF", text: "a\r\nb\r\nc", line: 1, ch: 1, want: true },
		{ name: "an indented code block", text: "Para\n\n    code", line: 2, ch: 8, want: false },
		{ name: "inside an HTML block", text: "<div>\nx\n</div>", line: 1, ch: 1, want: false },
	])("$name", ({ text, line, ch, want }) => {
		expect(read(text, line, ch)).toBe(want);
	});
});
