/**
 * Cohen's κ and the pooled κ, checked against published worked examples.
 * Each case writes out the arithmetic, so a reader can check it by hand.
 */
import { type CodeTable, cohensKappa, landisKochLabel, percentAgreement, pooledKappa, sumTables } from "../../../src/core/training/kappa";

const t = (both: number, aOnly: number, bOnly: number, neither: number): CodeTable => ({ both, aOnly, bOnly, neither });

describe("Cohen's κ on published 2×2 tables", () => {
	it("Wikipedia, 'Cohen's kappa', simple example: 20 / 5 / 10 / 15 gives κ = 0.40", () => {
		// n = 50; po = (20 + 15) / 50 = 0.70.
		// Coder a says yes 25 times (0.5), coder b 30 times (0.6).
		// pe = 0.5 × 0.6 + 0.5 × 0.4 = 0.50; κ = (0.70 − 0.50) / (1 − 0.50) = 0.40.
		expect(cohensKappa(t(20, 5, 10, 15))).toBeCloseTo(0.4, 12);
		expect(percentAgreement(t(20, 5, 10, 15))).toBeCloseTo(0.7, 12);
	});

	it("Wikipedia, same page, the paradox tables: equal po = 0.60, different κ (0.1304 and 0.2593)", () => {
		// 45 / 15 / 25 / 15: n = 100, po = 0.60; a yes 0.60, b yes 0.70;
		// pe = 0.60 × 0.70 + 0.40 × 0.30 = 0.54; κ = 0.06 / 0.46 = 0.1304.
		expect(cohensKappa(t(45, 15, 25, 15))).toBeCloseTo(0.06 / 0.46, 12);
		expect(cohensKappa(t(45, 15, 25, 15))).toBeCloseTo(0.1304, 4);
		// 25 / 35 / 5 / 35: n = 100, po = 0.60; a yes 0.60, b yes 0.30;
		// pe = 0.60 × 0.30 + 0.40 × 0.70 = 0.46; κ = 0.14 / 0.54 = 0.2593.
		expect(cohensKappa(t(25, 35, 5, 35))).toBeCloseTo(0.2593, 4);
	});

	it("perfect agreement is 1; agreement no better than chance is 0; systematic disagreement is negative", () => {
		expect(cohensKappa(t(3, 0, 0, 7))).toBe(1);
		// a yes half, b yes half, independent: po = pe = 0.5.
		expect(cohensKappa(t(1, 1, 1, 1))).toBe(0);
		// Complete disagreement on a balanced code: po = 0, pe = 0.5, κ = −1.
		expect(cohensKappa(t(0, 2, 2, 0))).toBe(-1);
	});

	it("is null when pe = 1: both coders gave the code to every unit, or to none", () => {
		expect(cohensKappa(t(5, 0, 0, 0))).toBeNull();
		expect(cohensKappa(t(0, 0, 0, 5))).toBeNull();
		expect(cohensKappa(t(0, 0, 0, 0))).toBeNull();
		// pe just below 1 still gives a number: one unit of disagreement in ten.
		expect(cohensKappa(t(0, 1, 0, 9))).toBe(0);
	});
});

describe("the pooled κ of De Vries, Elliott, Kanouse & Teleki (2008)", () => {
	it("is (p̄o − p̄e) / (1 − p̄e) over the codes' tables, not the mean κ and not the κ of the summed cells", () => {
		// Two codes rated on the same 50 units: the Wikipedia table, and 10 / 5 / 5 / 30.
		// Code 1: po = 0.70, pe = 0.50.
		// Code 2: po = 40/50 = 0.80; a yes 15/50 = 0.3, b yes 0.3; pe = 0.09 + 0.49 = 0.58.
		// p̄o = (0.70 + 0.80) / 2 = 0.75; p̄e = (0.50 + 0.58) / 2 = 0.54.
		// Pooled κ = (0.75 − 0.54) / (1 − 0.54) = 0.21 / 0.46 = 0.456522.
		const tables = [t(20, 5, 10, 15), t(10, 5, 5, 30)];
		expect(pooledKappa(tables)).toBeCloseTo(0.21 / 0.46, 12);
		// The mean of the two κ is (0.40 + 0.22/0.42) / 2 = 0.461905: a different number.
		const meanKappa = ((cohensKappa(tables[0]!) ?? 0) + (cohensKappa(tables[1]!) ?? 0)) / 2;
		expect(meanKappa).toBeCloseTo((0.4 + 0.22 / 0.42) / 2, 12);
		expect(Math.abs((pooledKappa(tables) ?? 0) - meanKappa)).toBeGreaterThan(0.005);
		// Summed cells 30 / 10 / 15 / 45 (n = 100): a yes 0.40, b yes 0.45, pe = 0.18 + 0.33 = 0.51,
		// κ = (0.75 − 0.51) / 0.49 = 0.489796: also different.
		expect(cohensKappa(sumTables(tables))).toBeCloseTo(0.24 / 0.49, 12);
		// Percent agreement is that of the summed table: 75 of 100.
		expect(percentAgreement(sumTables(tables))).toBeCloseTo(0.75, 12);
	});

	it("keeps a code whose own κ is null (p̄e < 1 overall), and is null only when every table has pe = 1", () => {
		// Codes: 20 / 5 / 10 / 15 (po 0.70, pe 0.50) and 0 / 0 / 0 / 50 (po 1, pe 1).
		// p̄o = 0.85, p̄e = 0.75, pooled κ = 0.10 / 0.25 = 0.40.
		expect(pooledKappa([t(20, 5, 10, 15), t(0, 0, 0, 50)])).toBeCloseTo(0.4, 12);
		expect(pooledKappa([t(0, 0, 0, 4), t(4, 0, 0, 0)])).toBeNull();
		expect(pooledKappa([])).toBeNull();
	});
});

describe("Landis & Koch's labels", () => {
	it.each([
		[-0.1, "poor"], [0, "slight"], [0.2, "slight"], [0.4, "fair"], [0.41, "moderate"], [0.6, "moderate"], [0.7, "substantial"], [0.81, "almost perfect"], [1, "almost perfect"], [null, ""],
	])("κ = %p reads %p", (k, label) => {
		expect(landisKochLabel(k)).toBe(label);
	});
});
