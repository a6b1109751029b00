/**
 * The hours model: direct client hours and supervision hours per supervisor,
 * per month and in total, from the index's properties; unknown durations
 * listed, never guessed.
 */
import { unreadableRecord } from "../../../src/core/note/note";
import { buildHours, hoursKind, hoursOf } from "../../../src/core/sidebar/hours";
import { indexWith, note, read } from "../../helpers/notes";

const session = (path: string, date: string | undefined, duration?: unknown, more: Record<string, unknown> = {}) =>
	note(path, [], { "note-type": "session", client: "C-1", ...(date ? { date } : {}), ...(duration !== undefined ? { duration } : {}), ...more });
const supervision = (path: string, date: string | undefined, duration: unknown, supervisor?: string, more: Record<string, unknown> = {}) =>
	note(path, [], { "note-type": "supervision", client: "C-1", ...(date ? { date } : {}), duration, ...(supervisor !== undefined ? { supervisor } : {}), ...more });

describe("buildHours", () => {
	const index = indexWith(
		session("s/3.md", "2026-03-02", 50),
		session("s/1.md", "2026-01-13", 50),
		session("s/2.md", "2026-01-20", "45"),
		session("s/missing.md", "2026-01-27"),
		session("s/bad.md", "2026-03-09", "fifty"),
		session("s/undated.md", undefined, 30),
		supervision("v/a.md", "2026-01-29", 60, "Dr. B"),
		supervision("v/b.md", "2026-03-05", 90, "dr. b"),
		supervision("v/c.md", "2026-03-12", 30, "Dr. A"),
		supervision("v/d.md", "2026-03-19", 60),
		note("study.md", [], { "note-type": "study", duration: 20 }),
		note("README.md", [], null),
		session("other/1.md", "2026-01-13", 50, { client: "C-2" }),
	);

	it("sums direct client minutes over session notes, and supervision minutes over supervision notes", () => {
		const h = buildHours(index, { client: "C-1" });
		expect(h.direct).toEqual({ minutes: 50 + 50 + 45 + 30, notes: 4 });
		expect(h.supervision).toEqual({ minutes: 60 + 90 + 30 + 60, notes: 4 });
	});

	it("gives supervision per supervisor, by name in any case (the first note's spelling), the unnamed last", () => {
		expect(buildHours(index, { client: "C-1" }).supervisors).toEqual([
			{ supervisor: "Dr. A", minutes: 30, notes: 1 },
			{ supervisor: "Dr. B", minutes: 150, notes: 2 },
			{ supervisor: null, minutes: 60, notes: 1 },
		]);
	});

	it("gives every month from the first dated note to the last, a month with nothing as zero, and the unknown notes of each", () => {
		const h = buildHours(index, { client: "C-1" });
		expect(h.months.map((m) => [m.month, m.direct.minutes, m.supervision.minutes, m.supervisors.map((s) => s.minutes), m.unknown])).toEqual([
			["2026-01", 95, 60, [0, 60, 0], 1],
			["2026-02", 0, 0, [0, 0, 0], 0],
			["2026-03", 50, 180, [30, 90, 60], 1],
		]);
		expect(h.undated).toEqual({ direct: { minutes: 30, notes: 1 }, supervision: { minutes: 0, notes: 0 } });
		// The months and the undated notes add up to the totals.
		expect(h.months.reduce((n, m) => n + m.direct.minutes, 0) + h.undated.direct.minutes).toBe(h.direct.minutes);
		expect(h.months.reduce((n, m) => n + m.supervision.minutes, 0) + h.undated.supervision.minutes).toBe(h.supervision.minutes);
	});

	it("lists each note whose duration is missing or invalid, by path, and counts none of its minutes", () => {
		expect(buildHours(index, { client: "C-1" }).unknown).toEqual([
			{ path: "s/bad.md", name: "bad", kind: "session", date: "2026-03-09", reason: "invalid", written: "fifty" },
			{ path: "s/missing.md", name: "missing", kind: "session", date: "2026-01-27", reason: "missing" },
		]);
	});

	it("keeps to the scope: another client's notes, study notes and a README count toward nothing", () => {
		const whole = buildHours(index, {});
		expect(whole.direct.minutes).toBe(175 + 50);
		expect(whole.unknown.map((u) => u.path)).toEqual(["s/bad.md", "s/missing.md"]);
		const march = buildHours(index, { client: "C-1", from: "2026-03-01", to: "2026-03-31" });
		expect([march.direct.minutes, march.supervision.minutes, march.months.map((m) => m.month)]).toEqual([50, 180, ["2026-03"]]);
		expect(buildHours(index, { noteType: "session" }).supervision).toEqual({ minutes: 0, notes: 0 });
	});

	it("an empty scope is zero everywhere, with no months", () => {
		const h = buildHours(index, { client: "C-9" });
		expect(h).toEqual({ direct: { minutes: 0, notes: 0 }, supervision: { minutes: 0, notes: 0 }, supervisors: [], months: [], undated: { direct: { minutes: 0, notes: 0 }, supervision: { minutes: 0, notes: 0 } }, unknown: [] });
	});

	it("a note whose properties cannot be read is listed as unknown, its type unknown too", () => {
		const i = indexWith(
			read("Clients/C-1/2026-02-01 session 4.md", "---\nnote-type: session\nclinician: \"unclosed\nduration: 50\n---\nText.\n"),
			unreadableRecord("Clients/C-1/2026-02-08 session 5.md", "permission denied"),
		);
		expect(buildHours(i, {}).unknown).toEqual([
			{ path: "Clients/C-1/2026-02-01 session 4.md", name: "2026-02-01 session 4", kind: null, date: "2026-02-01", reason: "unreadable" },
			{ path: "Clients/C-1/2026-02-08 session 5.md", name: "2026-02-08 session 5", kind: null, date: "2026-02-08", reason: "unreadable" },
		]);
	});

	it("the months roll over a year", () => {
		const h = buildHours(indexWith(session("a.md", "2025-11-30", 50), session("b.md", "2026-02-01", 50)), {});
		expect(h.months.map((m) => m.month)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
	});
});

describe("which notes count", () => {
	it.each<[string, Record<string, unknown> | null, string | undefined]>([
		["a session note", { "note-type": "session" }, "session"],
		["a supervision note", { "note-type": "Supervision" }, "supervision"],
		["an untyped note with a client", { client: "C-1" }, "session"],
		["an untyped note with a duration", { duration: 50 }, "session"],
		["an untyped note with an invalid duration", { duration: "long" }, "session"],
		["an untyped note with neither", { topic: "x" }, undefined],
		["a study note with a duration", { "note-type": "study", duration: 50 }, undefined],
	])("%s", (_n, fm, want) => {
		expect(hoursKind(note("n.md", [], fm))).toBe(want);
	});
});

describe("hoursOf", () => {
	it.each([[0, 0], [50, 0.83], [60, 1], [90, 1.5], [450, 7.5], [1, 0.02]])("%p minutes are %p hours", (m, h) => {
		expect(hoursOf(m)).toBe(h);
	});
});

describe("a date typed far off", () => {
	it("fills empty months over ten years at most; beyond, only the months that hold notes are rows", () => {
		const near = buildHours(indexWith(session("a.md", "2026-01-05", 50), session("b.md", "2035-12-05", 50)), {});
		expect(near.months).toHaveLength(120);
		const far = buildHours(indexWith(session("a.md", "2026-01-05", 50), session("b.md", "9026-01-05", 50)), {});
		expect(far.months.map((m) => m.month)).toEqual(["2026-01", "9026-01"]);
		expect(far.months.map((m) => m.direct.minutes)).toEqual([50, 50]);
		expect(far.direct).toEqual({ minutes: 100, notes: 2 });
	});
});
