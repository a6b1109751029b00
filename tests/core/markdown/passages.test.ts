import { passageAt } from "../../../src/core/markdown/passages";

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
