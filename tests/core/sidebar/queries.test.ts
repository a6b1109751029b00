import { parse } from "yaml";
import { NoteIndex } from "../../../src/core/index/index";
import { NO_ANTECEDENT, antecedentTable, emotionAntecedents, openComments, passagesOf, ratingsOverTime, reviewQueue, sessionSeries, withinSession } from "../../../src/core/sidebar/queries";
import { VaultInsights } from "../../../src/core/sidebar/vault-insights";
import { buildViewModel } from "../../../src/core/sidebar/view-model";
import { choiceFromState, rangeDates, resolveScope, type ScopeChoice } from "../../../src/core/sidebar/scope";
import { readNote } from "../../../src/core/note/reader";
import { summarize, summaryJson } from "../../../src/core/index/summary";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";

const vocab = vocabularyFrom(DEFAULT_SETTINGS);
const read = (path: string, text: string) => readNote(path, text, vocab, (y) => parse(y) as unknown);
const NOW = new Date(2026, 2, 16, 10, 30); // 16 March 2026, local time

function indexOf(files: Record<string, string>): NoteIndex {
	const index = new NoteIndex();
	for (const [p, t] of Object.entries(files)) index.set(read(p, t));
	return index;
}

const VAULT_CHOICE: ScopeChoice = { scope: "vault", folder: "", range: "all", from: "", to: "", noteType: "" };

const s1 = `---
note-type: session
client: "[[C-1]]"
date: 2026-03-02
session: 1
clinician: Ada
---
## Emotions
Sharp about him #emotion/anger/secondary.
I guessed at hurt #response/conjecture and her eyes filled #emotion/hurt/primary-adaptive.
Then "pathetic" #emotion/shame/primary-maladaptive.

## Resonance
Sad at the image #resonance/sadness.
`;
const s2 = `---
note-type: session
client: C-1
date: 2026-03-09
session: 2
review: requested
clinician: Ada
---
Stayed close #empathy/attunement. She cried #emotion/sadness/primary-adaptive.
Then flat #emotion/emptiness.
`;
/** The same date as s2, a later session: two separate marks. */
const s3 = `---
note-type: session
client: C-1
date: 2026-03-09
session: 3
---
#emotion/relief/primary-adaptive
`;
const sup = `---
note-type: supervision
client: C-1
date: 2026-03-10
clinician: Ada
rating-empathy: 4
rating-warmth: 5
---
> [!supervisor] Slow down at the shame
> More here.

> [!supervisor-resolved] Apologising
> Done.
`;
const other = `---
client: C-2
date: 2025-11-01
---
#emotion/fear/primary-maladaptive
`;

describe("which response came just before each emotion", () => {
	it.each([
		["a response before an emotion", "Guess #response/conjecture then #emotion/hurt/primary-adaptive", [["hurt", "response/conjecture"]]],
		["an emotion before any response", "#emotion/anger/secondary then #response/reflection", [["anger", NO_ANTECEDENT]]],
		["the last of several, empathy modes included", "#response/question #empathy/attunement #emotion/joy", [["joy", "empathy/attunement"]]],
		["still the last one a few lines on", "#response/validation\n\nLater #emotion/relief\nAnd #emotion/calm", [["relief", "response/validation"], ["calm", "response/validation"]]],
		["a tag in the properties: nothing comes before it", "---\ntags: [emotion/grief]\n---\n#response/reflection #emotion/hurt", [["grief", NO_ANTECEDENT], ["hurt", "response/reflection"]]],
		["CRLF line endings", "#response/conjecture\r\n#emotion/shame/primary-maladaptive\r\n", [["shame", "response/conjecture"]]],
		["an unknown response is not counted, so not an antecedent", "#response/reflexion #emotion/hurt", [["hurt", NO_ANTECEDENT]]],
	])("%s", (_name, text, expected) => {
		const got = emotionAntecedents(read("n.md", text)).map((a) => [a.occurrence.value, a.antecedent]);
		expect(got).toEqual(expected);
	});

	it("tabulates response kind by process class, emotions with nothing before last", () => {
		const rows = antecedentTable([read("a.md", s1), read("b.md", s2)]);
		expect(rows.map((r) => [r.antecedent, r.counts["primary-adaptive"], r.counts["primary-maladaptive"], r.counts.secondary, r.counts.unclassified, r.total])).toEqual([
			["empathy/attunement", 1, 0, 0, 1, 2],
			["response/conjecture", 1, 1, 0, 0, 2],
			["none", 0, 0, 1, 0, 1],
		]);
		expect(rows[0].label).toBe("Communicative attunement (empathy mode)");
	});
});

describe("across sessions and within a session", () => {
	it("gives one mark per dated session note, several on one date kept apart, supervision and undated notes left out", () => {
		const recs = [read("Clients/C-1/s3.md", s3), read("Clients/C-1/s2.md", s2), read("Clients/C-1/s1.md", s1), read("Supervision/x.md", sup), read("Clients/C-1/undated.md", "#emotion/joy")];
		const series = sessionSeries(recs);
		expect(series.map((p) => [p.date, p.session, p.total])).toEqual([["2026-03-02", 1, 3], ["2026-03-09", 2, 2], ["2026-03-09", 3, 1]]);
		expect(series[0].counts).toEqual({ "primary-adaptive": 1, "primary-maladaptive": 1, secondary: 1, instrumental: 0, unclassified: 0 });
	});

	it("lists a session's emotions in reading order with their lines", () => {
		const steps = withinSession(read("s1.md", s1));
		expect(steps.map((s) => `${s.process} ${s.emotion} @${s.line + 1}`)).toEqual([
			"secondary anger @9", "primary-adaptive hurt @10", "primary-maladaptive shame @11",
		]);
		expect(steps[1].antecedent).toBe("response/conjecture");
	});
});

describe("passages behind a row", () => {
	const recs = [read("b.md", `---\ndate: 2026-02-01\n---\n#emotion/hurt/primary-adaptive\n\n#emotion/hurt/primary-adaptive`), read("a.md", `---\ndate: 2026-03-01\n---\n#emotion/hurt/primary-adaptive #resonance/fear`), read("c.md", "#emotion/hurt")];
	it("lists the occurrences of an emotion and class, oldest note first, each with its line", () => {
		const got = passagesOf(recs, { kind: "emotion", emotion: "hurt", process: "primary-adaptive" });
		expect(got.map((p) => `${p.path}:${p.line + 1}`)).toEqual(["b.md:4", "b.md:6", "a.md:4"]);
	});
	it("keeps an unclassified emotion apart from the classified one", () => {
		expect(passagesOf(recs, { kind: "emotion", emotion: "hurt", process: "unclassified" }).map((p) => p.path)).toEqual(["c.md"]);
	});
	it("lists therapist resonance", () => {
		expect(passagesOf(recs, { kind: "resonance", emotion: "fear" }).map((p) => p.path)).toEqual(["a.md"]);
	});
	it("lists the emotions that followed a response", () => {
		const got = passagesOf([read("s1.md", s1)], { kind: "antecedent", antecedent: "response/conjecture", process: "primary-maladaptive" });
		expect(got.map((p) => [p.tag, p.line + 1])).toEqual([["emotion/shame/primary-maladaptive", 11]]);
	});
});

describe("supervision", () => {
	const recs = [read("s1.md", s1), read("s2.md", s2), read("sup.md", sup), read("late.md", "---\nreview: requested\ndate: 2026-01-01\nclient: C-9\n---\n")];
	it("queues notes whose review is requested, longest waiting first", () => {
		expect(reviewQueue(recs).map((r) => [r.path, r.client])).toEqual([["late.md", "C-9"], ["s2.md", "C-1"]]);
	});
	it("lists open supervisor comments only, each with its line and first text", () => {
		expect(openComments(recs)).toEqual([{ path: "sup.md", name: "sup", date: "2026-03-10", line: 8, text: "Slow down at the shame" }]);
	});
	it("gives ratings over time for the scoped client, or per clinician", () => {
		expect(ratingsOverTime(recs, "C-1")).toEqual([{ label: "Client C-1", points: [{ path: "sup.md", name: "sup", date: "2026-03-10", ratings: { "rating-empathy": 4, "rating-warmth": 5 } }] }]);
		expect(ratingsOverTime(recs).map((s) => s.label)).toEqual(["Clinician Ada"]);
	});
});

describe("scope", () => {
	const index = indexOf({ "Clients/C-1/s1.md": s1, "Clients/C-1/s2.md": s2, "Clients/C-2/o.md": other, "Study/plain.md": "# Study\n#emotion/joy" });
	it.each([
		["30", { from: "2026-02-15", to: "2026-03-16" }],
		["90", { from: "2025-12-17", to: "2026-03-16" }],
		["365", { from: "2025-03-17", to: "2026-03-16" }],
		["all", {}],
	] as const)("the last %s days end today", (range, expected) => {
		expect(rangeDates({ range, from: "", to: "" }, NOW)).toEqual(expected);
	});
	it("keeps valid custom dates and drops invalid ones", () => {
		expect(rangeDates({ range: "custom", from: "2026-01-01", to: "2026-02-30" }, NOW)).toEqual({ from: "2026-01-01", to: undefined });
	});
	it("follows the open note's client", () => {
		const r = resolveScope({ ...VAULT_CHOICE, scope: "client" }, index, "Clients/C-1/s2.md", NOW);
		expect(r.filter).toEqual({ client: "C-1" });
		expect(r.label).toBe("Client C-1");
	});
	it("says what to do when the open note names no client, and selects nothing", () => {
		const r = resolveScope({ ...VAULT_CHOICE, scope: "client" }, index, "Study/plain.md", NOW);
		expect(r.problem).toMatch(/names no client/);
		expect(summarize(index, r.filter).notes).toBe(0);
	});
	it("selects nothing in the note scope when no note is open (not the whole vault)", () => {
		const insights = new VaultInsights(index);
		const m = buildViewModel(index, insights, { ...VAULT_CHOICE, scope: "note" }, undefined, NOW);
		expect(m.scope.problem).toMatch(/Open a note/);
		expect(m.summary.notes).toBe(0);
		expect(summaryJson(m.summary).emotions).toEqual([]);
	});
	it("uses the open note's folder when no folder is chosen", () => {
		expect(resolveScope({ ...VAULT_CHOICE, scope: "folder" }, index, "Clients/C-2/o.md", NOW).filter).toEqual({ folder: "Clients/C-2" });
		expect(resolveScope({ ...VAULT_CHOICE, scope: "folder", folder: "/Clients/" }, index, "Clients/C-2/o.md", NOW).filter).toEqual({ folder: "Clients" });
	});
	it("combines dates and note type with the scope", () => {
		const r = resolveScope({ ...VAULT_CHOICE, range: "30", noteType: "Session" }, index, undefined, NOW);
		expect(r.filter).toEqual({ from: "2026-02-15", to: "2026-03-16", noteType: "session" });
		expect(summarize(index, r.filter).notes).toBe(2);
	});
	it("reads saved view state field by field, keeping the fallback for anything invalid", () => {
		expect(choiceFromState({ scope: "client", range: "forever", folder: 3, noteType: "session" }, VAULT_CHOICE)).toEqual({ ...VAULT_CHOICE, scope: "client", noteType: "session" });
		expect(choiceFromState(null, VAULT_CHOICE)).toEqual(VAULT_CHOICE);
	});
});

describe("the view model", () => {
	const files = { "Clients/C-1/s1.md": s1, "Clients/C-1/s2.md": s2, "Clients/C-1/s3.md": s3, "Supervision/sup.md": sup, "Clients/C-2/o.md": other };
	it.each([
		["whole vault", VAULT_CHOICE, undefined],
		["client", { ...VAULT_CHOICE, scope: "client" }, "Clients/C-1/s1.md"],
		["note", { ...VAULT_CHOICE, scope: "note" }, "Clients/C-1/s1.md"],
		["folder and dates", { ...VAULT_CHOICE, scope: "folder", folder: "Clients", range: "custom", from: "2026-03-05", to: "2026-03-31" }, undefined],
	] as const)("counts exactly what summarize counts: %s", (_n, choice, active) => {
		const index = indexOf(files);
		const m = buildViewModel(index, new VaultInsights(index), choice, active, NOW);
		expect(m.summary).toEqual(summarize(index, m.scope.filter));
		const emotions = summaryJson(m.summary).emotions.reduce((n, r) => n + r.count, 0);
		expect(m.antecedents.reduce((n, r) => n + r.total, 0)).toBe(emotions);
	});

	it("shows a client's series and a note's sequence only in their scopes", () => {
		const index = indexOf(files);
		const ins = new VaultInsights(index);
		expect(buildViewModel(index, ins, { ...VAULT_CHOICE, scope: "client" }, "Clients/C-1/s1.md", NOW).series?.length).toBe(3);
		expect(buildViewModel(index, ins, { ...VAULT_CHOICE, scope: "note" }, "Clients/C-1/s1.md", NOW).sequence?.length).toBe(3);
		const vault = buildViewModel(index, ins, VAULT_CHOICE, "Clients/C-1/s1.md", NOW);
		expect(vault.series).toBeUndefined();
		expect(vault.sequence).toBeUndefined();
	});

	it("is empty when nothing is tagged, so the view can say what to do first", () => {
		const index = indexOf({ "a.md": "Just text" });
		expect(buildViewModel(index, new VaultInsights(index), VAULT_CHOICE, undefined, NOW).empty).toBe(true);
	});
});

describe("whole-vault answers kept current one note at a time", () => {
	const recompute = (index: NoteIndex) => ({
		table: antecedentTable(index.all()),
		review: reviewQueue(index.all()),
		comments: openComments(index.all()),
		ratings: ratingsOverTime(index.all()),
	});
	const incremental = (index: NoteIndex, ins: VaultInsights) => ({
		table: ins.vaultAntecedentTable(),
		review: reviewQueue(ins.recordsOf("review")),
		comments: openComments(ins.recordsOf("comments")),
		ratings: ratingsOverTime(ins.recordsOf("ratings")),
	});

	it("equals a full recomputation after notes are added, replaced, renamed, removed and the index cleared", () => {
		const index = indexOf({ "s1.md": s1, "sup.md": sup });
		const ins = new VaultInsights(index);
		expect(incremental(index, ins)).toEqual(recompute(index));
		index.set(read("s2.md", s2));
		expect(incremental(index, ins)).toEqual(recompute(index));
		index.set(read("s1.md", "#response/reflection #emotion/grief/primary-adaptive"));
		expect(incremental(index, ins)).toEqual(recompute(index));
		index.rename("s2.md", read("moved/s2.md", s2));
		expect(incremental(index, ins)).toEqual(recompute(index));
		expect(ins.folders()).toEqual(["moved"]);
		index.remove("sup.md");
		expect(incremental(index, ins)).toEqual(recompute(index));
		expect(ins.recordsOf("comments")).toEqual([]);
		index.clear();
		index.set(read("x/y.md", other));
		expect(incremental(index, ins)).toEqual(recompute(index));
		expect(ins.noteTypes()).toEqual([]);
		expect(ins.folders()).toEqual(["x"]);
	});

	it("stops following the index when disposed", () => {
		const index = indexOf({ "s1.md": s1 });
		const ins = new VaultInsights(index);
		ins.dispose();
		index.set(read("s2.md", s2));
		expect(ins.recordsOf("review")).toEqual([]);
	});
});
