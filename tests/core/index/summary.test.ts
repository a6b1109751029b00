import { NoteIndex } from "../../../src/core/index/index";
import { summarize, summaryJson } from "../../../src/core/index/summary";
import { note } from "../../helpers/notes";

describe("summarize filters (FORMAT.md section 6)", () => {
	const idx = new NoteIndex();
	idx.set(note("Clients/C-1/a.md", ["emotion/shame/primary-maladaptive"], { client: "C-1", date: "2026-01-01", "note-type": "session" }));
	idx.set(note("Clients/C-1/b.md", ["emotion/sadness/primary-adaptive"], { client: "[[C-1]]", date: "2026-02-01", "note-type": "session" }));
	idx.set(note("Clients/C-2/c.md", ["emotion/fear/secondary"], { client: "C-2", date: "2026-03-01", "note-type": "session" }));
	idx.set(note("Study/d.md", ["emotion/fear/secondary"], { "note-type": "study" }));
	idx.set(note("Supervision/e.md", [], { "note-type": "supervision", date: "2026-02-02" }, [{ type: "supervisor", line: 3, title: "", firstText: "x" }, { type: "supervisor-resolved", line: 5, title: "", firstText: "y" }]));
	it.each([
		["client (case-insensitive)", { client: "c-1" }, 2],
		["from, inclusive, drops undated", { from: "2026-02-01" }, 3],
		["to, inclusive", { to: "2026-01-01" }, 1],
		["range", { from: "2026-01-02", to: "2026-02-28" }, 2],
		["folder and below", { folder: "Clients" }, 3],
		["folder with slashes", { folder: "/Clients/C-2/" }, 1],
		["note type", { noteType: "study" }, 1],
		["a single note", { path: "Study/d.md" }, 1],
		["nothing matches", { client: "C-9" }, 0],
	])("%s", (_n, filter, notes) => {
		expect(summarize(idx, filter).notes).toBe(notes);
	});
	it("sorts by count, then name, and gives process shares", () => {
		const s = summaryJson(summarize(idx));
		expect(s.emotions.map((r) => `${r.emotion}/${r.process}:${r.count}`)).toEqual(["fear/secondary:2", "sadness/primary-adaptive:1", "shame/primary-maladaptive:1"]);
		expect(s.processShares.find((p) => p.process === "secondary")).toEqual({ process: "secondary", count: 2, notes: 2, share: 0.5 });
		expect(s.supervisorComments).toEqual({ open: 1, resolved: 1 });
	});
});
