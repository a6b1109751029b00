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
