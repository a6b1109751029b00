/**
 * The counts-only reading (`attune summarize`, `lint`): no occurrence is
 * kept, and everything else a summary reads (counts per key, comments,
 * properties, diagnostics) is exactly what the full reading gives, on the
 * example vault, a generated vault, notes made to hold every diagnostic, and
 * real text where it is present.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { listNotes, parseProperties, readVaultConfig } from "../../../src/cli/vault";
import { generateVault } from "../../../src/bench/generate";
import { readNote } from "../../../src/core/note/reader";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";
import { conversations, corpusPresent, noteOf } from "../../helpers/esconv";
import { recordFields } from "../../helpers/records";

const vocab = vocabularyFrom(DEFAULT_SETTINGS);
const EXAMPLE = path.resolve(__dirname, "../../../example-vault");

/** The full and the counts-only record of a note agree on everything but the occurrences, which the latter lacks. */
function expectSameCounts(notes: { path: string; text: string }[]): number {
	let counted = 0;
	for (const n of notes) {
		const full = readNote(n.path, n.text, vocab, parseProperties);
		const counts = readNote(n.path, n.text, vocab, parseProperties, { countsOnly: true });
		expect(counts.occurrences).toEqual([]);
		expect(recordFields(counts)).toEqual({ ...recordFields(full), occurrences: [] });
		counted += full.occurrences.length;
	}
	return counted;
}

describe("counts-only reading", () => {
	it("gives the full reading's numbers on the example vault", () => {
		const config = readVaultConfig(EXAMPLE);
		const notes = listNotes(EXAMPLE, config.excluded, () => {}).map((n) => ({ path: n.vaultPath, text: fs.readFileSync(n.file, "utf8") }));
		expect(notes.length).toBeGreaterThan(10);
		expect(expectSameCounts(notes)).toBeGreaterThan(50);
	});

	it("gives the full reading's numbers on a generated vault", () => {
		expect(expectSameCounts(generateVault(300, 5))).toBe(300 * 20);
	});

	it("gives the full reading's diagnostics: unknown values, stray classes, property tags, bad properties", () => {
		const notes = [
			{ path: "a.md", text: "---\ntags: [emotion/hope, emotion/shame/primary-maladaptive]\nclient: C-1\ndate: 2026-02-30\n---\n# One\n## Two\n#emotion/shaem #emotion/shame/primary-adaptiv #emotion/ #empathy/attunement/extra\n" },
			{ path: "b.md", text: "---\ntag: emotion/hope emotion/fear\nsession: many\n---\n> [!supervisor] Stay with it\n> #emotion/fear/secondary\n" },
			{ path: "c.md", text: "---\n: not yaml: [\n---\n#emotion/anger/primary-adaptive #compassion/warmth/self\n" },
		];
		const full = notes.map((n) => readNote(n.path, n.text, vocab, parseProperties));
		expect(full.flatMap((r) => r.diagnostics).length).toBeGreaterThanOrEqual(5);
		expect(expectSameCounts(notes)).toBeGreaterThan(4);
	});

	(corpusPresent ? it : it.skip)("gives the full reading's numbers on real conversations (skipped where ../shared is absent; the real-text test says so)", () => {
		const notes = conversations().map((c, k) => ({ path: `${k}.md`, text: noteOf(c, true, k).text }));
		expect(expectSameCounts(notes)).toBeGreaterThan(1000);
	});
});
