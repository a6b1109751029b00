import { LineTags, bareLine, codingBlocks, passageAt, stripLine } from "../../../src/core/markdown/passages";
import { scanMarkdown } from "../../../src/core/markdown/scan";

describe("passageAt: the block around a line", () => {
	const text = ["# Session", "", "First line of a paragraph", "with #emotion/shame here.", "", "- item one", "- item two #x", "", "```", "code"].join("\n");
	it("takes the paragraph, bounded by blank lines", () => {
		expect(passageAt(text, 3)).toEqual({ start: 2, end: 3, text: "First line of a paragraph\nwith #emotion/shame here." });
	});
	it("a list item stands alone", () => {
		expect(passageAt(text, 6).text).toBe("- item two #x");
	});
	it("a line outside the text gives an empty passage", () => {
		expect(passageAt(text, 99)).toEqual({ start: 99, end: 99, text: "" });
	});
	it("reads CRLF and a byte-order mark", () => {
		expect(passageAt("\uFEFFa\r\nb\r\n\r\nc", 1)).toEqual({ start: 0, end: 1, text: "a\nb" });
	});
});

describe("codingBlocks: the passages of a body (FORMAT.md section 2)", () => {
	/** Blocks as `start-end`, a block of tags alone marked with its owner's start. */
	const blocks = (lines: string[], tagLines: number[] = [], until?: number) => {
		const tags = new Map(tagLines.map((l) => [l, [{ tag: "emotion/x", line: l, col: lines[l]!.indexOf("#"), offset: 0 }]]));
		const all = codingBlocks(lines, 0, tags, until);
		return all.map((b) => (b.owner === all.indexOf(b) ? `${b.start}-${b.end}` : `${b.start}-${b.end}>${b.owner < 0 ? "none" : all[b.owner]!.start}`));
	};
	it.each<[string, string[], number[], string[], number?]>([
		["a paragraph up to a blank line", ["one", "two", "", "three"], [], ["0-1", "3-3"]],
		["a list item interrupts a paragraph; each item is one", ["text", "- a", "  more of a", "- b"], [], ["0-0", "1-2", "3-3"]],
		["a line starting with a number that is no list item stays in its paragraph", ["text", "2026 was hard", "1. but this is one"], [], ["0-1", "2-2"]],
		["a heading line and each table row stand alone", ["# Head", "| a | b |", "| --- | --- |", "| c | d |"], [], ["0-0", "1-1", "3-3"]],
		["a fenced block holds its blank lines", ["```", "x", "", "y", "```", "after"], [], ["0-4", "5-5"]],
		["a thematic break separates", ["a", "***", "b"], [], ["0-0", "2-2"]],
		["a supervisor callout with its quoted lines", ["> [!supervisor] Slow", "> down", "text"], [], ["0-1", "2-2"]],
		["tags alone belong to the passage before", ["text", "", "#emotion/x"], [2], ["0-0", "2-2>0"]],
		["tags alone at the top belong to the first passage after", ["#emotion/x", "", "text"], [0], ["0-0>2", "2-2"]],
		["with `until`, reading stops after the first passage with text past it", ["a", "", "b", "", "c"], [], ["0-0", "2-2"], 0],
		["seven `#`, or four spaces before them, make no heading", ["####### seven", "text", "    # four"], [], ["0-2"]],
		["a tab before `#` makes no heading", ["text", "\t# not a heading", "# heading"], [], ["0-1", "2-2"]],
		["a fence closes only with as many of its characters", ["~~~~", "x", "~~~", "y", "~~~~  ", "after"], [], ["0-4", "5-5"]],
		["an unclosed fence runs to the end", ["```", "x", "", "y"], [], ["0-3"]],
		["a fence indented up to three spaces interrupts a paragraph", ["text", "  ```js", "code", "```"], [], ["0-0", "1-3"]],
		["a supervisor callout takes indented quoted lines", ["> [!supervisor] a", "  > b", "c"], [], ["0-1", "2-2"]],
	])("%s", (...[, lines, tagLines, expected, until]) => {
		expect(blocks(lines, tagLines, until)).toEqual(expected);
	});
});

describe("bareLine: a line of tags alone", () => {
	// Each line's tags as the scanner reads them; the answer must be stripLine's, tested for text.
	const lines = [
		"#emotion/shame",
		"  #emotion/shame #process/soothing  ",
		"\t#emotion/shame\u00a0#process/soothing",
		"She cried #emotion/sadness",
		"#emotion/sadness and then some",
		"- #emotion/fear",
		"#emotion/fear, #response/reflection",
		"#emotion/fear\u3000#empathy/attunement",
		"\u00e9 #emotion/joy",
		"#emotion/joy🙂",
		"   ",
	];
	it.each(lines)("%j", (line) => {
		const tags = scanMarkdown(line).tags;
		expect(bareLine(line, tags)).toBe(!/\S/.test(stripLine(line, tags)));
	});
	it("answers both ways over these lines", () => {
		const answers = lines.map((l) => bareLine(l, scanMarkdown(l).tags));
		expect(answers).toContain(true);
		expect(answers).toContain(false);
	});
});

describe("LineTags: a note's Attune tags by line, for the block reader", () => {
	const tag = (line: number, col: number, name = "emotion/x") => ({ tag: name, line, col, offset: 0 });
	it("tells a line of tags alone, whatever order the tags came in", () => {
		const lines = ["#emotion/x", "text #emotion/x", "#emotion/x #emotion/x"];
		const t = new LineTags();
		for (const x of [tag(2, 11), tag(1, 5), tag(0, 0), tag(2, 0)]) t.add(x);
		expect(lines.map((l, i) => t.onlyTags(i, l, 0, l.length))).toEqual([true, false, true]);
		// Asked again, and out of order: the same answers.
		expect([2, 0, 1].map((i) => t.onlyTags(i, lines[i]!, 0, lines[i]!.length))).toEqual([true, true, false]);
	});
	it("forgets the last note's tags when reset", () => {
		const t = new LineTags();
		t.add(tag(0, 0));
		t.reset();
		expect(t.onlyTags(0, "#emotion/x", 0, 10)).toBe(false);
	});
});
