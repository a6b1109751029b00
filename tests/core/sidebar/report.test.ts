import { NoteIndex } from "../../../src/core/index/index";
import { type Summary, summarize } from "../../../src/core/index/summary";
import { renderCsv, renderMarkdown, renderTable, summaryTables } from "../../../src/core/sidebar/report";
import { note, read, vocab } from "../../helpers/notes";

/** A summary of the given notes, each given by its tags. */
function summaryOf(notes: Record<string, string[]>, callouts: Parameters<typeof note>[3] = []): Summary {
	const idx = new NoteIndex();
	for (const [path, tags] of Object.entries(notes)) idx.set(note(path, tags, null, callouts));
	return summarize(idx);
}

const coded = summaryOf({
	"Clients/C-1/a.md": ["emotion/shame/primary-maladaptive", "emotion/shame/primary-maladaptive", "emotion/hurt", "response/reflection", "empathy/atunement"],
	"Clients/C-1/b|c.md": ["emotion/shame/primary-maladaptive", "emotion"],
});

describe("summaryTables", () => {
	it("gives the tables in the sidebar's order, leaving out families with nothing counted", () => {
		expect(summaryTables(coded).map((t) => t.title)).toEqual(["Emotion process", "Client emotions", "Empathic responses"]);
	});
	it("lists every process class, zero included, with shares and a total of 100%", () => {
		const process = summaryTables(coded)[0]!;
		expect(process.rows).toEqual([
			["Primary adaptive", "0", "0", "0%"], ["Primary maladaptive", "3", "2", "75%"], ["Secondary", "0", "0", "0%"],
			["Instrumental", "0", "0", "0%"], ["Not classified yet", "1", "1", "25%"],
		]);
		expect(process.total).toEqual(["Total", "4", "", "100%"]);
	});
	it("lists every word of a closed family when given the vocabulary, zero included, after the used ones", () => {
		const idx = new NoteIndex();
		idx.set(note("a.md", ["empathy/attunement", "emotion/hurt"]));
		const modes = summaryTables(summarize(idx, {}, { vocab })).find((t) => t.title === "Empathy modes")!;
		expect(modes.rows).toEqual([["Communicative attunement", "1", "1"], ["Empathic rapport", "0", "0"], ["Person empathy", "0", "0"]]);
		expect(renderCsv(summarize(idx, {}, { vocab }))).toContain("\r\nempathy,person,,0,0\r\n");
	});
	it("names closed-vocabulary values by their label and shows supervisor comments only when there are any", () => {
		const s = summaryOf({ "a.md": ["response/reflection"] }, [{ type: "supervisor-resolved", line: 1, title: "", firstText: "Done" }]);
		expect(summaryTables(s).map((t) => [t.title, t.rows])).toEqual([
			["Emotion process", [["Primary adaptive", "0", "0", "0%"], ["Primary maladaptive", "0", "0", "0%"], ["Secondary", "0", "0", "0%"], ["Instrumental", "0", "0", "0%"], ["Not classified yet", "0", "0", "0%"]]],
			["Empathic responses", [["Empathic reflection", "1", "1"]]],
			["Supervisor comments", [["Open", "0"], ["Resolved", "1"]]],
		]);
	});
});

describe("renderTable", () => {
	it("aligns each column, numbers to the right, and lists what needs attention", () => {
		const lines = renderTable(coded).split("\n");
		expect(lines[0]).toBe("Notes summarized: 2");
		const at = lines.indexOf("Client emotions");
		expect(lines.slice(at + 1, at + 5)).toEqual([
			"Emotion  Process              Occurrences  Notes",
			"-------  -------------------  -----------  -----",
			"shame    Primary maladaptive            3      2",
			"hurt     Not classified yet             1      1",
		]);
		expect(lines).toContain("Needs attention (2)");
		expect(lines).toContain("Clients/C-1/a.md:10  unknown-value  #empathy/atunement  “atunement” is not a known empathy value, so this tag is not counted. Did you mean #empathy/attunement (communicative attunement)?");
	});
	it("says how to start when no Attune tag is found", () => {
		expect(renderTable(summaryOf({ "a.md": ["todo"] }))).toBe("Notes summarized: 1\n\nNo Attune tags found. Code an emotion with a tag such as #emotion/sadness/primary-adaptive.\n");
	});
});

describe("renderMarkdown", () => {
	const md = renderMarkdown(coded, "C-1 this month");
	it("writes one Markdown table per table, under the title", () => {
		expect(md.startsWith("## C-1 this month\n\nNotes summarized: 2\n\n### Emotion process\n\n| Process | Occurrences | Notes | Share |\n| --- | ---: | ---: | ---: |\n")).toBe(true);
		expect(md).toContain("| shame | Primary maladaptive | 3 | 2 |\n| hurt | Not classified yet | 1 | 1 |\n| Total |  | 4 |  |\n");
	});
	it("escapes pipes, so a path holding one stays in its cell", () => {
		const row = md.split("\n").find((l) => l.includes("b\\|c.md"))!;
		expect(row.split(/(?<!\\)\|/)).toHaveLength(6);
	});
	it("escapes tag-like text, so a summary pasted into a note does not count itself", () => {
		expect(md).toContain("\\#empathy/attunement");
		const pasted = read("Summaries/pasted.md", md);
		expect(pasted.occurrences).toEqual([]);
		expect(pasted.diagnostics).toEqual([]);
	});
	it("leaves out empty tables and the attention list when there is nothing to show", () => {
		expect(renderMarkdown(summaryOf({}))).toBe("## Attune summary\n\nNotes summarized: 0\n");
	});
});

describe("renderCsv", () => {
	it("writes one row per counted value with its family, each line ended by CRLF", () => {
		const csv = renderCsv(coded);
		expect(csv).toBe("family,value,process,count,notes\r\nemotion,shame,primary-maladaptive,3,2\r\nemotion,hurt,unclassified,1,1\r\nresponse,reflection,,1,1\r\n");
	});
	it("quotes cells a spreadsheet would run as a formula, and cells holding commas or quotes", () => {
		const s = summaryOf({ "a.md": ["resonance/-x"] });
		s.rows.resonance.push(...["=1+2", "+cmd", "@SUM(A1)", "a,b", 'say "hi"'].map((value) => ({ family: "resonance" as const, value, count: 1, notes: 1 })));
		expect(renderCsv(s).split("\r\n").slice(1, -1)).toEqual([
			"resonance,'-x,,1,1", "resonance,'=1+2,,1,1", "resonance,'+cmd,,1,1", "resonance,'@SUM(A1),,1,1", 'resonance,"a,b",,1,1', 'resonance,"say ""hi""",,1,1',
		]);
	});
});
