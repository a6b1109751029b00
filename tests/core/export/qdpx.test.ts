/**
 * The project model and its archive, one rule per case: positions are
 * code points into the stored text, passages are cut exactly, tags of one
 * passage share one selection, and the zip is one any reader opens.
 */
import { parse as parseYaml } from "yaml";
import { buildProject, qdpxArchive } from "../../../src/core/export/qdpx";
import { crc32, zipStored } from "../../../src/core/export/zip";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";
import { readQdpx } from "../../helpers/qdpx";
import { unzip } from "../../helpers/refi";

const vocab = vocabularyFrom(DEFAULT_SETTINGS);

/** One note through the whole path: model, archive, and read back as a QDA tool would. */
function roundTrip(text: string, name = "Session 1") {
	const project = buildProject([{ path: `Clients/${name}.md`, name, text }], { vocab, parseYaml: (y) => parseYaml(y) as unknown, name: "Test", origin: "Attune test" });
	const read = readQdpx(qdpxArchive(project));
	const source = read.sources[0]!;
	return { project, read, source, names: (guids: string[]) => guids.map((g) => read.codes.get(g)!.name) };
}

describe("coded selections", () => {
	it("counts positions in code points, so an emoji or a character outside the BMP is one", () => {
		const { source, project } = roundTrip("😊 𝄞 first paragraph.\n\nShe went quiet #emotion/sadness.\n");
		const sel = source.selections[0]!;
		expect(sel.cut).toBe("She went quiet #emotion/sadness.");
		// "😊 𝄞 first paragraph.\n\n": 22 code points, though 24 UTF-16 units.
		expect(sel.start).toBe(22);
		expect(project.sources[0]!.selections[0]!.start).toBe(22);
	});

	it("cuts every passage exactly when characters outside the BMP come before and between them", () => {
		const paragraphs = Array.from({ length: 30 }, (_, i) => `${"😊".repeat(i)} paragraph ${i} 𝄞 #emotion/joy/primary-adaptive`);
		const { source } = roundTrip(paragraphs.join("\n\n") + "\n");
		expect(source.selections.map((s) => s.cut)).toEqual(paragraphs.map((p) => p.trim()));
	});

	it("stores the text with LF line breaks and no byte-order mark, and counts in that text", () => {
		const { source } = roundTrip("\uFEFFFirst line.\r\n\r\nShe named the hurt #emotion/hurt/primary-adaptive\r\nand cried.\r\n");
		expect(source.text).toBe("First line.\n\nShe named the hurt #emotion/hurt/primary-adaptive\nand cried.\n");
		expect(source.selections.map((s) => s.cut)).toEqual(["She named the hurt #emotion/hurt/primary-adaptive\nand cried."]);
	});

	it("gives the tags of one passage one selection, each code once, in the order written", () => {
		const { source, names } = roundTrip("I reflected it #response/reflection and she felt ashamed #emotion/shame/primary-maladaptive, then ashamed again #emotion/shame/primary-maladaptive.\n");
		expect(source.selections).toHaveLength(1);
		expect(names(source.selections[0]!.codes)).toEqual(["Empathic reflection", "Shame", "Primary maladaptive"]);
	});

	it("codes an emotion without a class as not classified yet, and a compassion tag by its direction", () => {
		const { source, names } = roundTrip("Sad #emotion/sadness.\n\nKind to herself #compassion/feeling/self.\n");
		expect(source.selections.map((s) => names(s.codes))).toEqual([["Sadness", "Not classified yet"], ["Feeling for the person", "For oneself"]]);
	});

	it("cuts each list item and heading's passage apart, trimmed of the indentation around it", () => {
		const { source } = roundTrip("## Emotions\n  - first #emotion/fear\n  - second #emotion/anger/secondary\n");
		expect(source.selections.map((s) => s.cut)).toEqual(["- first #emotion/fear", "- second #emotion/anger/secondary"]);
	});

	it("adds a code for an emotion word of the note's own, under client emotion", () => {
		const { source, read } = roundTrip("Numb #emotion/numbness.\n");
		const code = read.codes.get(source.selections[0]!.codes[0]!)!;
		expect(code).toMatchObject({ name: "Numbness", parent: "Client emotion", codable: true });
	});

	it("keeps a note without Attune tags as a source without selections", () => {
		const { source } = roundTrip("Nothing coded #someothertag here.\n");
		expect(source.selections).toEqual([]);
		expect(source.text).toBe("Nothing coded #someothertag here.\n");
	});

	it("keeps names with XML's special characters exactly", () => {
		const { source } = roundTrip("Fine #emotion/joy\n", `Tom & "Jerry" <1>`);
		expect(source.name).toBe(`Tom & "Jerry" <1>`);
	});
});

describe("the zip writer", () => {
	it("computes CRC-32 as zip does (the check value of 123456789 is cbf43926)", () => {
		expect(crc32(new TextEncoder().encode("123456789")).toString(16)).toBe("cbf43926");
	});

	it("writes stored entries that read back byte for byte, names in UTF-8", () => {
		const entries = [
			{ name: "project.qde", data: new TextEncoder().encode("<Project/>") },
			{ name: "sources/ö.txt", data: new Uint8Array([0, 1, 2, 255]) },
			{ name: "empty.txt", data: new Uint8Array() },
		];
		const files = unzip(zipStored(entries));
		expect([...files.keys()]).toEqual(["project.qde", "sources/ö.txt", "empty.txt"]);
		for (const e of entries) expect(Array.from(files.get(e.name)!)).toEqual(Array.from(e.data));
	});

	it("gives the same bytes for the same project", () => {
		const make = () => qdpxArchive(buildProject([{ path: "a.md", name: "a", text: "x #emotion/joy\n" }], { vocab, parseYaml: (y) => parseYaml(y) as unknown, name: "T", origin: "O" }));
		expect(Buffer.from(make()).equals(Buffer.from(make()))).toBe(true);
	});
});

describe("the project reader the tests use", () => {
	const G = (n: number) => `00000000-0000-8000-8000-${String(n).padStart(12, "0")}`;
	const archive = (qde: string, text = "Hello there #emotion/joy\n") =>
		zipStored([
			{ name: "project.qde", data: new TextEncoder().encode(`<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p">${qde}</Project>`) },
			{ name: `sources/${G(2)}.txt`, data: new TextEncoder().encode(text) },
		]);
	const codebook = `<CodeBook><Codes><Code guid="${G(1)}" name="Joy" isCodable="true"/></Codes></CodeBook>`;
	const source = (selection: string) => `<Sources><TextSource guid="${G(2)}" plainTextPath="internal://${G(2)}.txt">${selection}</TextSource></Sources>`;
	const selection = (start: number, end: number, target = G(1)) => `<PlainTextSelection guid="${G(3)}" startPosition="${start}" endPosition="${end}"><Coding guid="${G(4)}"><CodeRef targetGUID="${target}"/></Coding></PlainTextSelection>`;

	it("reads a good project", () => {
		expect(readQdpx(archive(codebook + source(selection(0, 5)))).sources[0]!.selections[0]!.cut).toBe("Hello");
	});

	it.each([
		["children out of the schema's order", source(selection(0, 5)) + codebook, /schema's order/],
		["a reference to nothing", codebook + source(selection(0, 5, G(9))), /nothing defines/],
		["a selection past the end of its text", codebook + source(selection(0, 99)), /outside its source/],
		["XML that is not well formed", codebook + "<Sources>", /not well-formed/],
	])("refuses %s", (_, qde, message) => {
		expect(() => readQdpx(archive(qde))).toThrow(message);
	});
});
