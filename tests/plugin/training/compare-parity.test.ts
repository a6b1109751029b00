/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import "../view/node-globals";
import { formatKappa, formatPercent } from "../../../src/core/training/compare";
import { exampleVaultFiles } from "../../helpers/harness";
import { COPY, ORIGINAL, agreeJson, setup } from "./compare-setup";

/** One core, one answer: the "Compare coding" view shows the numbers `attune agree` prints, on the example vault's coding copy. */
describe("Compare coding and attune agree agree", () => {
	it("from the original: finds the copy through coding-of, and shows the numbers of attune agree", async () => {
		const s = await setup(exampleVaultFiles());
		await s.compare(ORIGINAL);
		const view = s.view()!;
		expect(view.getState()).toMatchObject({ a: ORIGINAL, b: COPY });
		const model = view.currentModel!;
		const json = agreeJson(ORIGINAL, COPY);

		// Parity: every figure of the view is the command line's.
		expect(model.units).toEqual(json.units);
		expect(model.families.map((f) => f.key)).toEqual(Object.keys(json.families));
		for (const f of model.families) {
			const j = json.families[f.key]!;
			expect([f.kappa, f.agreement]).toEqual([j.kappa, j.agreement]);
			expect(Object.fromEntries(f.codes.map((c) => [c.code, { both: c.both, aOnly: c.aOnly, bOnly: c.bOnly, neither: c.neither, kappa: c.kappa }]))).toEqual(j.codes);
		}
		const listed = model.disagreements.flatMap((u) => [...u.onlyA.map((c) => ({ ...c, coder: "a" })), ...u.onlyB.map((c) => ({ ...c, coder: "b" }))].map((c) => `${u.lineA}/${u.lineB} ${c.coder} ${c.family}/${c.code} ${u.text}`));
		expect(listed.sort()).toEqual(json.disagreements.map((d) => `${d.lineA}/${d.lineB} ${d.coder} ${d.family}/${d.code} ${d.text}`).sort());
		// The copy was coded a little differently, so there is something to discuss.
		expect(json.disagreements.length).toBeGreaterThan(0);

		// What a person reads: each family's and each code's κ and agreement, as the table of attune agree prints them.
		const el = view.contentEl;
		for (const [family, j] of Object.entries(json.families)) {
			const row = el.querySelector(`tr.attune-compare-family[data-family="${family}"]`)!;
			expect(row.querySelector(".attune-compare-kappa")!.textContent).toContain(formatKappa(j.kappa));
			expect(row.querySelector(".attune-compare-agreement")!.textContent).toBe(formatPercent(j.agreement));
			for (const [code, t] of Object.entries(j.codes)) {
				const cr = el.querySelector(`tr.attune-compare-code[data-family="${family}"][data-code="${code}"]`)!;
				expect(cr.querySelector(".attune-compare-kappa")!.textContent).toBe(formatKappa(t.kappa));
				expect([...cr.querySelectorAll(".attune-compare-count")].map((c) => c.textContent)).toEqual([t.both, t.aOnly, t.bOnly, t.neither].map(String));
			}
		}
		expect(el.textContent).toContain("coded by Noor Halloran (example trainee)");
	});
});
