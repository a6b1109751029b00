import { buildViewModel } from "../../../src/core/sidebar/view-model";
import { VaultInsights } from "../../../src/core/sidebar/vault-insights";
import { summarize, summaryJson } from "../../../src/core/index/summary";
import { indexOf } from "../../helpers/notes";
import { NOW, VAULT_CHOICE, other, s1, s2, s3, sup } from "../../helpers/sessions";

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

	it("gives every scope but a note its trend, and a note's sequence only in the note scope", () => {
		const index = indexOf(files);
		const ins = new VaultInsights(index);
		// The client's three sessions and its supervision note: every dated note, as attune trend has them.
		expect(buildViewModel(index, ins, { ...VAULT_CHOICE, scope: "client" }, "Clients/C-1/s1.md", NOW).trend?.().sessions.map((r) => r.path)).toEqual(["Clients/C-1/s1.md", "Clients/C-1/s2.md", "Clients/C-1/s3.md", "Supervision/sup.md"]);
		const note = buildViewModel(index, ins, { ...VAULT_CHOICE, scope: "note" }, "Clients/C-1/s1.md", NOW);
		expect(note.sequence?.length).toBe(3);
		expect(note.trend).toBeUndefined();
		const vault = buildViewModel(index, ins, VAULT_CHOICE, "Clients/C-1/s1.md", NOW);
		expect(vault.trend?.().sessions.length).toBe(5);
		expect(vault.sequence).toBeUndefined();
	});

	it("adds the selected emotion's count per session, by class", () => {
		const index = indexOf(files);
		const m = buildViewModel(index, new VaultInsights(index), { ...VAULT_CHOICE, scope: "client" }, "Clients/C-1/s1.md", NOW, { kind: "emotion", emotion: "shame", process: "primary-maladaptive" });
		const t = m.trend!();
		expect(t.emotion?.emotion).toBe("shame");
		expect(t.emotion?.counts.map((c) => c["primary-maladaptive"])).toEqual([1, 0, 0, 0]);
	});

	it("is empty when nothing is tagged, so the view can say what to do first", () => {
		const index = indexOf({ "a.md": "Just text" });
		expect(buildViewModel(index, new VaultInsights(index), VAULT_CHOICE, undefined, NOW).empty).toBe(true);
	});
});
