import { splitLines } from "../../../src/core/markdown/lines";
import { TextLines } from "../../../src/core/markdown/text-lines";

/** Every line TextLines finds, as strings, up to the first it has not. */
function allLines(t: TextLines): string[] {
	const out: string[] = [];
	for (let i = 0; t.has(i); i++) out.push(t.line(i));
	return out;
}

describe("TextLines: a text's lines as ranges, found as asked for", () => {
	it.each<[string, string]>([
		["LF", "a\nb\n\nc"],
		["a final line break, which leaves an empty last line", "a\nb\n"],
		["CRLF", "a\r\nb\r\n\r\nc\r\n"],
		["a lone CR", "a\rb\r\rc"],
		["mixed endings", "a\r\nb\nc\rd\n\re"],
		["an empty text", ""],
		["a long note", Array.from({ length: 300 }, (_, i) => `line ${i}`).join("\n")],
	])("gives the lines splitLines gives: %s", (_, text) => {
		expect(allLines(new TextLines().reset(text))).toEqual(splitLines(text));
	});

	it("skips a byte-order mark", () => {
		expect(allLines(new TextLines().reset("\uFEFF# Session\nText"))).toEqual(["# Session", "Text"]);
	});

	it("starts over on another text", () => {
		const t = new TextLines().reset("one\ntwo\nthree");
		expect(t.has(2)).toBe(true);
		expect(allLines(t.reset("four"))).toEqual(["four"]);
	});

	it("keeps a list's lines as they are, a CR inside one included", () => {
		const t = TextLines.ofLines(["a", "b\rc", ""]);
		expect(allLines(t)).toEqual(["a", "b\rc", ""]);
		expect(t.source.slice(t.start(1), t.end(1))).toBe("b\rc");
	});

	it("has no line before the first or past the last", () => {
		const t = new TextLines().reset("a\nb");
		expect(t.has(-1)).toBe(false);
		expect(t.has(2)).toBe(false);
	});
});
