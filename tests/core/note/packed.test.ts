/**
 * Records keep their occurrences and counts packed (src/core/note/packed.ts):
 * what is read back is what was read, shared parts are not shared mutably,
 * and the questions the plugin asks of a record answer as the occurrences do.
 */
import { hasPropertyTags, interpretNote, needsPassages, withPassagesPlaced } from "../../../src/core/note/note";
import { scanMarkdown } from "../../../src/core/markdown/scan";
import { factsFromText, readNote } from "../../../src/core/note/reader";
import { PackedCounts } from "../../../src/core/note/packed";
import { parseProperties } from "../../../src/cli/vault";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";

const vocab = vocabularyFrom(DEFAULT_SETTINGS);
const read = (text: string) => readNote("a.md", text, vocab, parseProperties);

describe("packed records", () => {
	const text = "---\ntags: [emotion/joy]\n---\n# Session\n## Opening\nShame #emotion/Shame/primary-maladaptive softened #process/transforming\n# Later\n#compassion/tolerating/self\n";

	it("reads back every occurrence with its spelling, class, headings, direction and passage", () => {
		const rec = read(text);
		expect(rec.occurrences).toEqual([
			{ family: "emotion", value: "joy", process: "unclassified", tag: "emotion/joy", line: 1, inProperties: true, headings: [] },
			{ family: "emotion", value: "shame", process: "primary-maladaptive", tag: "emotion/Shame/primary-maladaptive", line: 5, inProperties: false, headings: ["Session", "Opening"], passage: 5 },
			{ family: "process", value: "transforming", process: undefined, tag: "process/transforming", line: 5, inProperties: false, headings: ["Session", "Opening"], passage: 5 },
			{ family: "compassion", value: "tolerating", process: undefined, direction: "self", tag: "compassion/tolerating/self", line: 7, inProperties: false, headings: ["Later"] },
		]);
	});

	it("shares a heading path between occurrences but never lets one change it", () => {
		const [, a, b] = read(text).occurrences;
		expect(a!.headings).toBe(b!.headings);
		expect(() => (a!.headings as string[]).push("x")).toThrow(TypeError);
		expect(read(text).occurrences[1]!.headings).toEqual(["Session", "Opening"]);
	});

	it("keeps its occurrences when copied as a plain object: spread, JSON, structured clone", () => {
		const rec = read(text);
		const spread = { ...rec };
		expect(spread.occurrences).toEqual(rec.occurrences);
		expect(spread.occurrences).toHaveLength(4);
		const json = JSON.parse(JSON.stringify(rec)) as { occurrences: unknown[] };
		expect(json.occurrences).toEqual(JSON.parse(JSON.stringify(rec.occurrences)));
		expect(structuredClone(rec).occurrences).toEqual(rec.occurrences);
		// Every record has the same shape: one descriptor, no property of its own to set.
		expect(Object.getOwnPropertyDescriptor(rec, "occurrences")).toEqual(Object.getOwnPropertyDescriptor(read("#emotion/fear\n"), "occurrences"));
		expect(() => ((rec as { occurrences: unknown }).occurrences = [])).toThrow(TypeError);
	});

	it("counts like a map: get, has, size, iteration, and sums with more", () => {
		const rec = read(text);
		const map = new Map(rec.counts);
		expect(rec.counts.size).toBe(map.size);
		expect(rec.counts.get("emotion\u0000shame\u0000primary-maladaptive")).toBe(1);
		expect(rec.counts.has("emotion\u0000fear")).toBe(false);
		expect(rec.counts.get("never counted anywhere")).toBeUndefined();
		const more = PackedCounts.from(rec.counts).plus(new Map([["emotion\u0000shame\u0000primary-maladaptive", 2], ["x\u0000y", 1]]));
		expect(more.get("emotion\u0000shame\u0000primary-maladaptive")).toBe(3);
		expect(more.get("x\u0000y")).toBe(1);
		expect(rec.counts.get("x\u0000y")).toBeUndefined();
	});

	it("answers needsPassages and hasPropertyTags as the occurrences do, packed or not", () => {
		for (const t of [text, "#emotion/fear\n", "#process/transforming\n", "Fear #emotion/fear then #process/soothing\n", "---\ntags: [process/soothing]\n---\n#emotion/fear\n", ""]) {
			const rec = read(t);
			const plain = { occurrences: [...rec.occurrences] };
			expect(needsPassages(rec)).toBe(needsPassages(plain));
			expect(hasPropertyTags(rec)).toBe(hasPropertyTags(plain));
			expect(hasPropertyTags(plain)).toBe(plain.occurrences.some((o) => o.inProperties));
		}
		expect(needsPassages(read("Fear #emotion/fear then #process/soothing\n"))).toBe(true);
		expect(needsPassages(read("---\ntags: [process/soothing]\n---\n#emotion/fear\n"))).toBe(false);
	});

	it("keeps each record's own occurrences when many share one buffer, one is larger than a buffer's share, and passages are placed later", () => {
		// A record's occurrences sit right after its counts in a buffer shared with the records made next:
		// reading thousands of notes of different sizes, each must still read back its own.
		const noteText = (i: number) => {
			const lines = [`# Note ${i}`];
			const tags = i % 97 === 0 ? 400 : 1 + (i % 7);
			for (let t = 0; t < tags; t++) lines.push(`Line ${t} #emotion/e${(i + t) % 13}/secondary and #process/soothing`);
			// A blank line between: each tagged line is a passage of its own.
			return lines.join("\n\n") + "\n";
		};
		const texts = Array.from({ length: 1200 }, (_, i) => noteText(i));
		const records = texts.map((t) => read(t));
		const expected = (i: number) => {
			const out: string[] = [];
			for (const line of texts[i]!.split("\n")) for (const m of line.matchAll(/#(\S+)/g)) if (m[1] !== "" && !line.startsWith("# ")) out.push(m[1]!);
			return out;
		};
		records.forEach((rec, i) => {
			expect(rec.occurrences.map((o) => o.tag)).toEqual(expected(i));
			expect(rec.occurrences.every((o) => o.passage === o.line)).toBe(true);
		});
		// Counted without the text, then placed from it: a new record, the old one as it was, and both still their own.
		const withoutText = texts.map((t, i) => interpretNote({ ...factsFromText(`n${i}.md`, t, parseProperties), text: undefined }, vocab));
		expect(withoutText.every((rec) => rec.occurrences.every((o) => o.passage === undefined))).toBe(true);
		const placed = withoutText.map((rec, i) => withPassagesPlaced(rec, scanMarkdown(texts[i]!).tags, texts[i]!, 0, vocab));
		placed.forEach((rec, i) => {
			expect(rec.occurrences.map((o) => o.tag)).toEqual(expected(i));
			expect(rec.occurrences.every((o) => o.passage === o.line)).toBe(true);
			expect(new Map(rec.counts)).toEqual(new Map(records[i]!.counts));
		});
		withoutText.forEach((rec, i) => {
			expect(rec.occurrences.map((o) => o.tag)).toEqual(expected(i));
			expect(rec.occurrences.every((o) => o.passage === undefined)).toBe(true);
		});
		records.forEach((rec, i) => expect(rec.occurrences.map((o) => o.tag)).toEqual(expected(i)));
	});
});
