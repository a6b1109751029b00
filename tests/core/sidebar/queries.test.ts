import { NO_ANTECEDENT, antecedentTable, emotionAntecedents, openComments, passagesOf, ratingsOverTime, reviewQueue, withinSession } from "../../../src/core/sidebar/queries";
import { read } from "../../helpers/notes";
import { trendOf } from "../../../src/core/sidebar/trend";
import { s1, s2, s3, sup } from "../../helpers/sessions";

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
		expect(rows[0]!.label).toBe("Communicative attunement (empathy mode)");
	});
});

describe("across sessions and within a session", () => {
	it("gives one bar per dated note, as attune trend does: several on one date kept apart, a supervision note kept, undated notes counted", () => {
		const recs = [read("Clients/C-1/s3.md", s3), read("Clients/C-1/s2.md", s2), read("Clients/C-1/s1.md", s1), read("Supervision/x.md", sup), read("Clients/C-1/undated.md", "#emotion/joy")];
		const t = trendOf(recs);
		expect(t.sessions.map((p) => [p.date, p.session ?? null, p.emotions])).toEqual([["2026-03-02", 1, 3], ["2026-03-09", 2, 2], ["2026-03-09", 3, 1], ["2026-03-10", null, 0]]);
		expect(t.sessions[0]!.classes).toEqual({ "primary-adaptive": 1, "primary-maladaptive": 1, secondary: 1, instrumental: 0, unclassified: 0 });
		expect(t.undated).toBe(1);
	});

	it("lists a session's emotions in reading order with their lines", () => {
		const steps = withinSession(read("s1.md", s1));
		expect(steps.map((s) => `${s.process} ${s.emotion} @${s.line + 1}`)).toEqual([
			"secondary anger @9", "primary-adaptive hurt @10", "primary-maladaptive shame @11",
		]);
		expect(steps[1]!.antecedent).toBe("response/conjecture");
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
