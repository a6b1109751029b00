/**
 * The fixture client of tests/helpers/planted.ts, exported as a clinician
 * would: every planted identifier, in every placement (body, kept property,
 * dropped property, file name), is gone from the copy, its name and its path;
 * every near-miss is kept exactly; and the summary is unchanged. The tables
 * are the test: add a row there and it is planted everywhere.
 */
import { stringify } from "yaml";
import { parseProperties } from "../../../src/cli/vault";
import { planExport } from "../../../src/core/export/plan";
import type { ExportOptions, ExportSource } from "../../../src/core/export/types";
import { scanMarkdown } from "../../../src/core/markdown/scan";
import { DEFAULT_SETTINGS, type ExportDates } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";
import { FIXTURE_CLIENT, KEPT_PROPERTY, NEAR_MISSES, PLANTS, plantedNotes } from "../../helpers/planted";

function options(dates: ExportDates): ExportOptions {
	return {
		dates,
		allowedProperties: [...DEFAULT_SETTINGS.exportAllowedProperties, KEPT_PROPERTY],
		vocab: vocabularyFrom(DEFAULT_SETTINGS),
		parseYaml: parseProperties,
		stringifyYaml: (d) => stringify(d),
		identities: [FIXTURE_CLIENT],
		primary: [FIXTURE_CLIENT.code],
		sessionByDate: new Map(),
		resolveLink: () => null,
		targetFolder: "Export",
	};
}

const notes = plantedNotes();

describe.each<ExportDates>(["month", "session"])("the planted client, dates %s", (dates) => {
	const plan = planExport(notes, options(dates));
	const copyOf = new Map(plan.notes.map((n) => [n.sourcePath, n]));

	it("exports every note", () => {
		expect(plan.problems).toEqual([]);
		expect(plan.notes).toHaveLength(notes.length);
	});

	it.each(notes.map((n) => [n.plant.category, n.where, n.plant.gone, n] as const))("%s in the %s: %s is gone", (_c, _w, gone, n) => {
		const copy = copyOf.get(n.path)!;
		expect(copy.text).not.toContain(gone);
		expect(copy.path).not.toContain(gone);
		expect(copy.text).toContain("#emotion/shame");
		// The report counts what was replaced, wherever it was (a dropped property is counted as removed).
		if (n.where === "dropped property") expect(copy.text).toContain("Properties removed: 2.");
		else if (n.plant.category === "link") expect(copy.text).toMatch(/made plain text: [1-9]/);
		else expect(copy.text).not.toContain("Replaced in this note: nothing.");
	});

	it("keeps every near-miss in the body, as written", () => {
		for (const copy of plan.notes) for (const line of NEAR_MISSES) expect(copy.text).toContain(`\n${line}\n`);
	});

	it("keeps every near-miss in a kept property, as written", () => {
		const sources: ExportSource[] = NEAR_MISSES.map((line, i) => ({ path: `n${i}.md`, text: `---\n${KEPT_PROPERTY}: ${JSON.stringify(line)}\n---\nbody\n` }));
		const kept = planExport(sources, options(dates)).notes.map((n) => (parseProperties(scanMarkdown(n.text).frontmatter!.yaml) as Record<string, unknown>)[KEPT_PROPERTY]);
		expect(kept).toEqual(NEAR_MISSES);
	});
});

describe("the tables", () => {
	it("plant every category the README promises, each in every placement", () => {
		const categories = new Set(PLANTS.map((p) => p.category));
		expect([...categories].sort()).toEqual(["address", "age", "client", "date", "email", "id", "ip", "link", "phone", "postcode", "url"]);
		for (const where of ["body", "kept property", "dropped property", "file name"]) {
			expect([where, new Set(notes.filter((n) => n.where === where).map((n) => n.plant.category)).size]).toEqual([where, where === "file name" ? categories.size - 1 : categories.size]);
		}
	});

	it("hold each identifier in its source note, so that its absence from the copy means something", () => {
		for (const n of notes) expect(n.text.includes(n.plant.gone) || n.path.includes(n.plant.gone)).toBe(true);
	});
});
