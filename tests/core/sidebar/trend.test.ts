/**
 * The trend model: one row per dated note, in the sidebar's order, from the
 * index's counts and properties.
 */
import { buildTrend } from "../../../src/core/sidebar/trend";
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
