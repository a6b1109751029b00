import { type IndexChange, NoteIndex } from "../../../src/core/index/index";
import { unreadableRecord } from "../../../src/core/note/note";
import { type Summary, summarize, summaryJson } from "../../../src/core/index/summary";
import { note } from "../../helpers/notes";

const emotion = (s: Summary, e: string, p: string) => summaryJson(s).emotions.find((r) => r.emotion === e && r.process === p);

describe("NoteIndex", () => {
	it("adds, replaces and removes notes, keeping totals equal to a fresh count", () => {
		const idx = new NoteIndex();
		idx.set(note("a.md", ["emotion/shame/primary-maladaptive", "emotion/shame/primary-maladaptive"], { client: "C-1", date: "2026-01-01" }));
		idx.set(note("b.md", ["emotion/shame/primary-maladaptive", "empathy/attunement"], { client: "C-1", date: "2026-01-08" }));
		expect(emotion(summarize(idx), "shame", "primary-maladaptive")).toEqual({ emotion: "shame", process: "primary-maladaptive", count: 3, notes: 2 });
		idx.set(note("a.md", ["emotion/sadness/primary-adaptive"], { client: "C-1", date: "2026-01-01" }));
		const s = summarize(idx);
		expect(emotion(s, "shame", "primary-maladaptive")).toMatchObject({ count: 1, notes: 1 });
		expect(emotion(s, "sadness", "primary-adaptive")).toMatchObject({ count: 1, notes: 1 });
		idx.remove("b.md");
		expect(emotion(summarize(idx), "shame", "primary-maladaptive")).toBeUndefined();
		expect(summarize(idx).notes).toBe(1);
	});
	it("answers the same unfiltered (running totals) and filtered (fresh count)", () => {
		const idx = new NoteIndex();
		for (let i = 0; i < 20; i++) idx.set(note(`n${i}.md`, [i % 2 ? "emotion/fear/secondary" : "emotion/fear", "response/reflection"], { date: "2026-01-01" }));
		idx.remove("n3.md");
		idx.set(note("n4.md", ["process/soothing"], { date: "2026-01-01" }));
		const a = summarize(idx);
		const b = summarize(idx, { from: "2000-01-01" });
		expect(b).toEqual(a);
	});
	it("counts a record whose counts are a plain map as one whose counts are packed, filtered or not", () => {
		const idx = new NoteIndex();
		const packed = note("p.md", ["emotion/fear/secondary", "response/reflection"], { date: "2026-01-01" });
		idx.set(packed);
		idx.set({ ...packed, path: "m.md", name: "m", counts: new Map(packed.counts), occurrences: packed.occurrences });
		expect(emotion(summarize(idx), "fear", "secondary")).toMatchObject({ count: 2, notes: 2 });
		expect(emotion(summarize(idx, { from: "2000-01-01" }), "fear", "secondary")).toMatchObject({ count: 2, notes: 2 });
		idx.remove("m.md");
		expect(emotion(summarize(idx, { from: "2000-01-01" }), "fear", "secondary")).toMatchObject({ count: 1, notes: 1 });
		expect(idx.tallyOf("m.md")).toBeUndefined();
	});
	it("renames: the old path goes, the new comes", () => {
		const idx = new NoteIndex();
		idx.set(note("old.md", ["emotion/hope"]));
		idx.rename("old.md", note("new.md", ["emotion/hope"]));
		expect(idx.get("old.md")).toBeUndefined();
		expect(idx.get("new.md")).toBeDefined();
		expect(summaryJson(summarize(idx)).emotions).toEqual([{ emotion: "hope", process: "unclassified", count: 1, notes: 1 }]);
	});
	it("tracks clients, most recent first, and their last session", () => {
		const idx = new NoteIndex();
		idx.set(note("x/1.md", [], { client: "[[C-2]]", date: "2026-01-01", session: 1 }));
		idx.set(note("x/2.md", [], { client: "C-2", date: "2026-02-01", session: 2 }));
		idx.set(note("y/1.md", [], { client: "C-1", date: "2026-01-15", session: 7 }));
		expect(idx.clients().map((c) => [c.client, c.lastSession, c.lastPath])).toEqual([["C-2", 2, "x/2.md"], ["C-1", 7, "y/1.md"]]);
		idx.remove("x/2.md");
		expect(idx.clients()[0]!.client).toBe("C-1");
	});
	it("finds the session before a date, for a new note's previous link", () => {
		const idx = new NoteIndex();
		idx.set(note("a.md", [], { client: "C-1", date: "2026-01-01", session: 1 }));
		idx.set(note("b.md", [], { client: "C-1", date: "2026-01-08", session: 2 }));
		idx.set(note("c.md", [], { client: "C-1", date: "2026-01-15", session: 3 }));
		idx.set(note("s.md", [], { client: "C-1", date: "2026-01-10", "note-type": "supervision" }));
		expect(idx.previousSession("C-1", "2026-01-20")?.path).toBe("c.md");
		expect(idx.previousSession("c-1", "2026-01-10")?.path).toBe("b.md");
		expect(idx.previousSession("C-1", "2026-01-08", 3)?.path).toBe("b.md");
		expect(idx.previousSession("C-1", "2026-01-08", 2)?.path).toBe("a.md");
		expect(idx.previousSession("C-1", "2026-01-01")).toBeUndefined();
	});

	it("tells listeners and bumps the revision on every change", () => {
		const idx = new NoteIndex();
		const heard: string[] = [];
		const stop = idx.onChange((c) => heard.push(c.path));
		idx.set(note("a.md", []));
		idx.remove("a.md");
		stop();
		idx.set(note("b.md", []));
		expect(heard).toEqual(["a.md", "a.md"]);
		expect(idx.revision).toBe(3);
	});
	it("announces each change as what happened: set, delete, rename (both paths) and clear", () => {
		const idx = new NoteIndex();
		const heard: IndexChange[] = [];
		idx.onChange((c) => heard.push(c));
		idx.set(note("a.md", ["emotion/joy"]));
		idx.rename("a.md", note("b.md", ["emotion/joy"]));
		idx.remove("b.md");
		idx.clear();
		expect(heard).toEqual([
			{ kind: "set", path: "a.md" },
			{ kind: "rename", path: "b.md", oldPath: "a.md" },
			{ kind: "delete", path: "b.md" },
			{ kind: "clear", path: "" },
		]);
	});
	it("keeps records plain data: no hidden fields, the same after indexing as before", () => {
		const idx = new NoteIndex();
		const rec = note("a.md", ["emotion/shame/secondary", "empathy/rapport"]);
		const before = { keys: Reflect.ownKeys(rec), json: JSON.stringify({ ...rec, counts: [...rec.counts] }) };
		idx.set(rec);
		expect(Reflect.ownKeys(rec)).toEqual(before.keys);
		expect(JSON.stringify({ ...rec, counts: [...rec.counts] })).toBe(before.json);
	});
	it("numbers each summary key once: the same notes read again add no number, and a cleared index counts only what it holds", () => {
		const idx = new NoteIndex();
		for (let i = 0; i < 50; i++) idx.set(note(`n${i}.md`, [`emotion/word${i}`]));
		const numbered = idx.keyCount;
		expect(numbered).toBeGreaterThanOrEqual(50);
		idx.clear();
		for (let i = 0; i < 50; i++) idx.set(note(`n${i}.md`, [`emotion/word${i}`]));
		expect(idx.keyCount).toBe(numbered);
		idx.clear();
		idx.set(note("a.md", ["emotion/joy"]));
		const joy = [{ emotion: "joy", process: "unclassified", count: 1, notes: 1 }];
		expect(summaryJson(summarize(idx, { path: "a.md" })).emotions).toEqual(joy);
		expect(summaryJson(summarize(idx)).emotions).toEqual(joy);
	});
	it("counts an unreadable file as a diagnostic, not a note", () => {
		const idx = new NoteIndex();
		idx.set(unreadableRecord("locked.md", "permission denied"));
		idx.set(note("ok.md", ["emotion/joy"]));
		const s = summarize(idx);
		expect(s.notes).toBe(1);
		expect(s.diagnostics).toEqual([expect.objectContaining({ path: "locked.md", code: "unreadable-file" })]);
	});
});
