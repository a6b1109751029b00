/**
 * The vocabulary as a REFI-QDA codebook (.qdc): read back with a strict XML
 * parser, as NVivo, ATLAS.ti, MAXQDA or QualCoder would read it.
 */
import { CODEBOOK_NS, buildCodebook, codebookQdc, stableGuid } from "../../../src/core/export/codebook";
import { xmlAttr, xmlText } from "../../../src/core/export/xml";
import { CONCEPTS } from "../../../src/core/vocabulary/concepts";
import { DEFAULT_VOCABULARY, FAMILY_TABLE, PROCESS_CLASSES } from "../../../src/core/vocabulary/families";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { elements, parseXml } from "../../helpers/refi";

const vocab = vocabularyFrom(DEFAULT_SETTINGS);

function qdc(v = vocab): Document {
	return parseXml(codebookQdc(buildCodebook(v), "Attune test"));
}

/** The direct child codes of a code element, by name. */
function childNames(el: Element): string[] {
	return Array.from(el.children).filter((c) => c.localName === "Code").map((c) => c.getAttribute("name")!);
}

function topCode(doc: Document, name: string): Element {
	const codes = Array.from(elements(doc, "Codes")[0]!.children).filter((c) => c.getAttribute("name") === name);
	expect(codes).toHaveLength(1);
	return codes[0]!;
}

const description = (el: Element) => Array.from(el.children).find((c) => c.localName === "Description")?.textContent ?? "";

describe("the codebook file", () => {
	it("is a well-formed CodeBook in the REFI-QDA codebook namespace", () => {
		const doc = qdc();
		expect(doc.documentElement.localName).toBe("CodeBook");
		expect(doc.documentElement.namespaceURI).toBe(CODEBOOK_NS);
		expect(elements(doc, "Codes")).toHaveLength(1);
	});

	it("has each family as a parent code that cannot be coded, with each value a codable child", () => {
		const doc = qdc();
		for (const def of FAMILY_TABLE) {
			const parent = topCode(doc, def.label);
			expect(parent.getAttribute("isCodable")).toBe("false");
			const children = Array.from(parent.children).filter((c) => c.localName === "Code");
			const expected = new Set([...DEFAULT_VOCABULARY[def.key], ...(def.offers ? DEFAULT_VOCABULARY[def.offers as keyof typeof DEFAULT_VOCABULARY] : [])]);
			expect(children).toHaveLength(expected.size);
			for (const c of children) expect(c.getAttribute("isCodable")).toBe("true");
		}
	});

	it("gives each value its definition from the study notes, with the tag it codes", () => {
		const doc = qdc();
		const attunement = Array.from(topCode(doc, "Empathy mode").children).find((c) => c.getAttribute("name") === "Communicative attunement")!;
		expect(description(attunement)).toContain("Tagged #empathy/attunement.");
		expect(description(attunement)).toContain(CONCEPTS.empathy.attunement!.definition);
		expect(description(attunement)).toContain("Elliott, R., Bohart");
		// References are plain text: Markdown's asterisks would show in a QDA tool.
		expect(description(attunement)).not.toContain("*");
	});

	it("has the four emotion classes and 'not classified yet' as codes, with their definitions", () => {
		const doc = qdc();
		const classes = topCode(doc, "Client emotion: class");
		expect(childNames(classes)).toEqual(["Primary adaptive", "Primary maladaptive", "Secondary", "Instrumental", "Not classified yet"]);
		const codes = Array.from(classes.children).filter((c) => c.localName === "Code");
		PROCESS_CLASSES.forEach((p, i) => {
			expect(description(codes[i]!)).toContain(CONCEPTS.class[p]!.definition);
			expect(description(codes[i]!)).toContain(`/${p}.`);
		});
		expect(childNames(topCode(doc, "Compassion element: direction"))).toEqual(["For oneself", "For another", "Direction not said"]);
	});

	it("follows the vault's vocabulary: renamed family words, added words, families switched off", () => {
		const v = vocabularyFrom({ ...DEFAULT_SETTINGS, families: { ...DEFAULT_SETTINGS.families, empathy: "empathie" }, extraWords: { ...DEFAULT_SETTINGS.extraWords, response: ["self-disclosure"] }, switchedOff: ["compassion"] });
		const doc = qdc(v);
		const responses = topCode(doc, "Empathic response");
		expect(childNames(responses)).toContain("Self disclosure");
		expect(description(Array.from(topCode(doc, "Empathy mode").children).find((c) => c.getAttribute("name") === "Empathic rapport")!)).toContain("#empathie/rapport");
		expect(elements(doc, "Code").some((c) => c.getAttribute("name") === "Compassion element")).toBe(false);
	});

	it("gives every code its own GUID, the same on every export", () => {
		const guids = elements(qdc(), "Code").map((c) => c.getAttribute("guid")!);
		expect(new Set(guids).size).toBe(guids.length);
		for (const g of guids) expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(elements(qdc(), "Code").map((c) => c.getAttribute("guid"))).toEqual(guids);
		expect(stableGuid("a")).not.toBe(stableGuid("b"));
	});
});

describe("XML escaping", () => {
	const nasty = `Tom & "Jerry" <b> it's\ttabbed\nnew line \u0001 bell`;

	it("keeps any text exactly in an element, except characters XML cannot hold", () => {
		const doc = parseXml(`<a>${xmlText(nasty)}</a>`);
		expect(doc.documentElement.textContent).toBe(nasty.replace("\u0001", "\uFFFD"));
	});

	it("keeps any text exactly in an attribute, tabs and line breaks included", () => {
		const doc = parseXml(`<a b="${xmlAttr(nasty)}"/>`);
		expect(doc.documentElement.getAttribute("b")).toBe(nasty.replace("\u0001", "\uFFFD"));
	});

	it("keeps characters beyond the Basic Multilingual Plane and replaces a lone surrogate", () => {
		const doc = parseXml(`<a>${xmlText("joy 😊 \uD800 end")}</a>`);
		expect(doc.documentElement.textContent).toBe("joy 😊 \uFFFD end");
	});
});
