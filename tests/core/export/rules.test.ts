/**
 * Every redaction rule's own examples, run through that rule alone: the
 * examples in rules.ts and dates.ts are what the rules do, never a story
 * about them. The names and numbers are synthetic and belong to nobody.
 */
import { stringify } from "yaml";
import { parse as parseYaml } from "yaml";
import { Redactor } from "../../../src/core/export/redactor";
import { REDACTION_RULES } from "../../../src/core/export/rules";
import type { ExportOptions } from "../../../src/core/export/types";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";

/** The export the examples are written for: one client, dates as month and year. */
const EXAMPLE_EXPORT: ExportOptions = {
	dates: "month",
	allowedProperties: [],
	vocab: vocabularyFrom(DEFAULT_SETTINGS),
	parseYaml: (y) => parseYaml(y) as unknown,
	stringifyYaml: (d) => stringify(d),
	identities: [{ code: "C-101", names: ["Mara Quill", "Hope"] }],
	primary: ["C-101"],
	sessionByDate: new Map(),
	resolveLink: () => null,
	targetFolder: "Export",
};

describe("redaction rules", () => {
	it("have unique names, and each has examples", () => {
		expect(new Set(REDACTION_RULES.map((r) => r.name)).size).toBe(REDACTION_RULES.length);
		for (const r of REDACTION_RULES) expect(r.examples.length).toBeGreaterThan(0);
	});

	describe.each(REDACTION_RULES.map((r) => [r.name, r] as const))("%s", (_name, rule) => {
		it.each(rule.examples.map((e) => [e.before, e.after]))("%s → %s", (before, after) => {
			expect(new Redactor(EXAMPLE_EXPORT, [rule]).text(before)).toBe(after);
		});
	});

	it("each rule changes at least one of its examples, except the one that guards Attune's tags", () => {
		for (const r of REDACTION_RULES) {
			const changes = r.examples.some((e) => e.before !== e.after);
			expect([r.name, changes]).toEqual([r.name, r.name !== "attune-tag"]);
		}
	});
});
