/**
 * Coding copies (FORMAT.md 1.13): a second coder's copy of a session, with
 * `coding-of`, is left out of every summary scope so that the session is not
 * counted twice, and the summary says how many it left out, never silently.
 */
import { summarize, summaryJson } from "../../../src/core/index/summary";
import { buildTrend } from "../../../src/core/sidebar/trend";
import { buildHours } from "../../../src/core/sidebar/hours";
import { indexOf, read } from "../../helpers/notes";

const ORIGINAL = "Clients/C-1/2026-01-05 session 1.md";
const COPY = "Clients/C-1/2026-01-05 session 1 (blind copy).md";
const props = (extra = "") => `---\nclient: C-1\ndate: 2026-01-05\nsession: 1\nnote-type: session\n${extra}---\n`;
const FILES = {
	[ORIGINAL]: `${props()}She felt ashamed. #emotion/shame/primary-maladaptive\n\nI reflected it. #response/reflection\n`,
	[COPY]: `${props('coding-of: "[[2026-01-05 session 1]]"\ncoder: Ana Ruiz\n')}She felt ashamed. #emotion/shame/secondary #emotion/fear\n\nI reflected it. #response/reflection\n\n> [!supervisor] Look again at the shame\n`,
	"Clients/C-1/2026-01-12 session 2.md": `${props().replace("2026-01-05", "2026-01-12").replace("session: 1", "session: 2")}Sad. #emotion/sadness/primary-adaptive\n`,
};

const emotions = (s: ReturnType<typeof summarize>) => summaryJson(s).emotions.map((r) => `${r.emotion}/${r.process}:${r.count}`);

describe("coding copies are left out of summaries, and the summary says so", () => {
	const index = indexOf(FILES);

	it.each([
		["the whole vault", {}],
		["a client", { client: "C-1" }],
		["a folder", { folder: "Clients/C-1" }],
		["a date range", { from: "2026-01-01", to: "2026-01-31" }],
		["a note type", { noteType: "session" }],
	])("%s: the copy's codes do not count, and a warning names it", (_name, filter) => {
		const s = summarize(index, filter);
		expect(s.notes).toBe(2);
		expect(emotions(s)).toEqual(["sadness/primary-adaptive:1", "shame/primary-maladaptive:1"]);
		expect(s.rows.response.find((r) => r.value === "reflection")?.count).toBe(1);
		expect(s.supervisorComments).toEqual({ open: 0, resolved: 0 });
		expect(s.codingCopies).toBe(1);
		expect(summaryJson(s).codingCopies).toBe(1);
		expect(s.warnings).toEqual([expect.stringContaining(`1 coding copy`)]);
		expect(s.warnings[0]).toContain(COPY);
	});

	it("a scope of the copy itself counts it: it was asked for by name", () => {
		const s = summarize(index, { path: COPY });
		expect(s.notes).toBe(1);
		expect(emotions(s)).toEqual(["fear/unclassified:1", "shame/secondary:1"]);
		expect(s.codingCopies).toBe(0);
		expect(s.warnings).toEqual([]);
	});

	it("a vault without copies says nothing and counts zero copies", () => {
		const s = summarize(indexOf({ [ORIGINAL]: FILES[ORIGINAL] }));
		expect(s.codingCopies).toBe(0);
		expect(s.warnings).toEqual([]);
	});

	it("a client scope holding only a copy says that, not that nothing matched", () => {
		const s = summarize(indexOf({ [COPY]: FILES[COPY] }), { client: "C-1" });
		expect(s.notes).toBe(0);
		expect(s.warnings).toHaveLength(1);
		expect(s.warnings[0]).toMatch(/^1 coding copy/);
	});

	it("the trend has no row for the copy", () => {
		expect(buildTrend(index, { client: "C-1" }).sessions.map((r) => r.path)).toEqual([ORIGINAL, "Clients/C-1/2026-01-12 session 2.md"]);
	});

	it("the hours count the session once: the copy is not a session of its own", () => {
		const idx = indexOf(Object.fromEntries(Object.entries(FILES).map(([p, t]) => [p, t.replace("note-type: session\n", "note-type: session\nduration: 50\n")])));
		const h = buildHours(idx, { client: "C-1" });
		expect(h.direct).toMatchObject({ minutes: 100, notes: 2 });
		expect(h.unknown).toEqual([]);
	});

	it("the copy's problems are still listed", () => {
		const bad = indexOf({ [COPY]: FILES[COPY].replace("#emotion/fear", "#empathy/atunement") });
		for (const filter of [{}, { client: "C-1" }]) expect(summarize(bad, filter).diagnostics.map((d) => d.code)).toEqual(["unknown-value"]);
	});

	it("is no client's latest or previous session", () => {
		const only = indexOf({ [ORIGINAL]: FILES[ORIGINAL], [COPY]: FILES[COPY].replace(/2026-01-05/g, "2026-01-20") });
		expect(only.clients()).toEqual([expect.objectContaining({ client: "C-1", notes: 1, lastPath: ORIGINAL })]);
		expect(only.previousSession("C-1", "2026-02-01")?.path).toBe(ORIGINAL);
	});

	it("counts again when coding-of is removed, and the totals follow every change", () => {
		const idx = indexOf(FILES);
		idx.set(read(COPY, FILES[COPY].replace(/coding-of: .*\n/, "")));
		expect(summarize(idx).notes).toBe(3);
		expect(summarize(idx).codingCopies).toBe(0);
		idx.set(read(COPY, FILES[COPY]));
		expect(summarize(idx).notes).toBe(2);
		idx.remove(COPY);
		expect(summarize(idx).codingCopies).toBe(0);
		expect(summarize(idx, { client: "C-1" }).codingCopies).toBe(0);
	});

	it("a coding-of that is no link is a diagnostic, and the note counts as its own", () => {
		const idx = indexOf({ [COPY]: FILES[COPY].replace('"[[2026-01-05 session 1]]"', "[1, 2]") });
		const s = summarize(idx);
		expect(s.notes).toBe(1);
		expect(s.diagnostics).toEqual([expect.objectContaining({ code: "bad-property", tag: "coding-of" })]);
	});
});
