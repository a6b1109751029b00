/**
 * The "Compare coding" view's model: the figures of the agreement as they
 * are, and the disagreements gathered by passage, each coder's codes side by side.
 */
import { compareCodings } from "../../../src/core/training/agree";
import { comparisonModel, formatKappa, formatPercent } from "../../../src/core/training/compare";
import { vocab } from "../../helpers/notes";

const A = "She froze. #emotion/fear/secondary #response/reflection\n\nShe wept. #emotion/sadness/primary-adaptive\n\nOnly here.\n";
const B = "She froze. #emotion/fear/primary-maladaptive\n\nShe wept. #emotion/sadness/primary-adaptive\n";

describe("comparisonModel", () => {
	const r = compareCodings(A, B, vocab);
	const m = comparisonModel(r, vocab);

	it("keeps the agreement's figures, family by family, labelled in the field's words", () => {
		expect(m.units).toEqual({ matched: 2, onlyA: 1, onlyB: 0 });
		expect(m.families.map((f) => f.key)).toEqual(Object.keys(r.families));
		for (const f of m.families) {
			expect([f.kappa, f.agreement]).toEqual([r.families[f.key]!.kappa, r.families[f.key]!.agreement]);
			expect(f.codes.map((c) => c.code)).toEqual(Object.keys(r.families[f.key]!.codes));
		}
		expect(m.families.find((f) => f.key === "emotion")!.label).toBe("Client emotion");
		expect(m.families.find((f) => f.key === "class")!.label).toBe("Client emotion: class");
		// Both coders gave sadness to one unit and fear to the other: the words agree in full.
		expect(m.families.find((f) => f.key === "emotion")).toMatchObject({ kappa: 1, verbal: "almost perfect", agreement: 1 });
	});

	it("gathers the disagreements of one passage: its text, each coder's tags as written, and what only one gave", () => {
		expect(m.disagreements).toEqual([{
			text: "She froze.",
			lineA: 1,
			lineB: 1,
			tagsA: ["emotion/fear/secondary", "response/reflection"],
			tagsB: ["emotion/fear/primary-maladaptive"],
			onlyA: [{ family: "class", label: "Client emotion: class", code: "secondary" }, { family: "response", label: "Empathic response", code: "reflection" }],
			onlyB: [{ family: "class", label: "Client emotion: class", code: "primary-maladaptive" }],
		}]);
	});

	it("formats κ and agreement as attune agree prints them, a dash where there is none", () => {
		expect([formatKappa(0.4), formatKappa(null), formatPercent(0.955), formatPercent(null)]).toEqual(["0.40", "—", "96%", "—"]);
	});
});
