/**
 * The trend model: one row per dated note, in the sidebar's order, from the
 * index's counts and properties.
 */
import { interpretNote } from "../../../src/core/note/note";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { buildTrend } from "../../../src/core/sidebar/trend";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";
import { indexWith, note, vocab } from "../../helpers/notes";

const fm = (date: string | undefined, session?: number, more: Record<string, unknown> = {}) => ({ client: "C-1", ...(date ? { date } : {}), ...(session !== undefined ? { session } : {}), ...more });

describe("buildTrend", () => {
	const index = indexWith(
		note("b.md", ["#emotion/shame/primary-maladaptive", "#emotion/anger/secondary", "#emotion/fear"], fm("2026-01-02", 2)),
		note("a.md", ["#emotion/sadness/primary-adaptive", "#response/procedure", "#response/reflection", "#response/validation"], fm("2026-01-02", 3)),
		note("c.md", ["#empathy/attunement", "#empathy/attunement", "#process/soothing"], fm("2026-01-01", 1, { "rating-warmth": 4, "rating-empathy": "high" })),
		note("z.md", ["#emotion/joy/primary-adaptive"], fm("2026-01-02")),
		note("undated.md", ["#emotion/shame/secondary"], fm(undefined, 9)),
		note("other.md", ["#emotion/shame/secondary"], { client: "C-2", date: "2026-01-01" }),
	);
	const t = buildTrend(index, { client: "c-1" }, { vocab });

	it("orders by date, then session number (unnumbered last), then path; same-date sessions stay apart", () => {
		expect(t.sessions.map((s) => s.path)).toEqual(["c.md", "b.md", "a.md", "z.md"]);
	});
	it("counts undated notes of the scope and leaves other clients out", () => {
		expect(t.undated).toBe(1);
		expect(t.sessions.some((s) => s.path === "other.md")).toBe(false);
	});
	it("counts each class, zero included, and the total", () => {
		expect(t.sessions[1]!.classes).toEqual({ "primary-adaptive": 0, "primary-maladaptive": 1, secondary: 1, instrumental: 0, unclassified: 1 });
		expect(t.sessions[1]!.emotions).toBe(3);
	});
	it("splits responses into empathic ones and procedures", () => {
		expect(t.sessions[2]!.responses).toEqual({ empathic: 2, procedure: 1 });
	});
	it("lists every mode and move of the vocabulary, zero included", () => {
		expect(t.sessions[0]!.modes).toEqual({ rapport: 0, attunement: 2, person: 0 });
		expect(Object.keys(t.sessions[0]!.moves)).toEqual(vocab.words.process);
		expect(t.sessions[0]!.moves.soothing).toBe(1);
	});
	it("keeps numeric measures and never turns a non-number into 0", () => {
		expect(t.sessions[0]!.measures).toEqual({ "rating-warmth": 4 });
		expect(index.get("c.md")!.diagnostics.some((d) => d.message.includes("rating-empathy"))).toBe(true);
	});
	it("answers an empty scope with no rows", () => {
		expect(buildTrend(index, { client: "nobody" })).toEqual({ sessions: [], undated: 0 });
	});
});

describe("measures named in settings", () => {
	const measured = vocabularyFrom({ ...DEFAULT_SETTINGS, measures: ["phq-9", "GAD-7", "rating-warmth"] });
	const rec = (path: string, props: Record<string, unknown>) =>
		interpretNote({ path, frontmatter: { client: "C-1", ...props }, tags: [], headings: [], callouts: [] }, measured);
	const index = indexWith(
		rec("1.md", { date: "2026-02-01", "phq-9": 18, "gad-7": "12", "rating-warmth": 3 }),
		rec("2.md", { date: "2026-02-08", "PHQ-9": "severe", "gad-7": 9, "rating-warmth": 7 }),
		rec("3.md", { date: "2026-02-15", "phq-9": "", "core-10": 20 }),
	);
	const t = buildTrend(index, { client: "C-1" }, { vocab: measured });

	it("carries each named number per session, in the settings' order, read in any case", () => {
		expect(t.sessions.map((s) => s.measures)).toEqual([{ "phq-9": 18, "gad-7": 12, "rating-warmth": 3 }, { "gad-7": 9 }, {}]);
		expect(Object.keys(t.sessions[0]!.measures)).toEqual(["phq-9", "gad-7", "rating-warmth"]);
	});
	it("lists a value that is not a number as a problem with its note, and leaves it out rather than 0", () => {
		const d = index.get("2.md")!.diagnostics;
		expect(d.map((x) => [x.tag, x.code])).toEqual([["rating-warmth", "bad-property"], ["PHQ-9", "bad-property"]]);
		expect(d[1]!.message).toMatch(/“PHQ-9” is "severe", which is not a number/);
		expect(t.sessions[1]!.measures["phq-9"]).toBeUndefined();
	});
	it("reads decimal numbers only: hex, binary and exponent text are not scores", () => {
		const odd = indexWith(rec("4.md", { date: "2026-03-01", "phq-9": "0x10", "gad-7": "1e2", "rating-warmth": "0b11" }), rec("5.md", { date: "2026-03-08", "phq-9": " 7.5 ", "gad-7": "-1" }));
		expect(odd.get("4.md")!.props.measures).toBeUndefined();
		expect(odd.get("4.md")!.diagnostics.map((x) => x.tag).sort()).toEqual(["gad-7", "phq-9", "rating-warmth"]);
		expect(odd.get("5.md")!.props.measures).toEqual({ "phq-9": 7.5, "gad-7": -1 });
	});
	it("reads no property that settings do not name, and an empty one as no value", () => {
		expect(index.get("3.md")!.diagnostics).toEqual([]);
		expect(index.get("3.md")!.props.measures).toBeUndefined();
	});
});
