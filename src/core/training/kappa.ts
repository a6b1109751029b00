/**
 * Agreement between two coders on one code: the 2×2 table, Cohen's κ, and
 * the pooled κ of a family of codes (De Vries, Elliott, Kanouse & Teleki,
 * 2008). Counts are integers; κ is computed from them exactly, so that "the
 * expected agreement is 1" is an integer test, never a floating-point guess.
 */

/** One code's 2×2 table over the matched units. */
export interface CodeTable {
	/** Units both coders gave the code. */
	both: number;
	/** Units only the first coder (a) gave it. */
	aOnly: number;
	/** Units only the second coder (b) gave it. */
	bOnly: number;
	/** Units neither gave it. */
	neither: number;
}

const total = (t: CodeTable) => t.both + t.aOnly + t.bOnly + t.neither;

/** Observed agreement times n: the units where the two coders agree. */
const agreeing = (t: CodeTable) => t.both + t.neither;

/**
 * Expected agreement times n²: (a's yes × b's yes) + (a's no × b's no),
 * the chance agreement of two coders with these marginals.
 */
const expectedN2 = (t: CodeTable) => (t.both + t.aOnly) * (t.both + t.bOnly) + (t.bOnly + t.neither) * (t.aOnly + t.neither);

/**
 * Cohen's κ = (po − pe) / (1 − pe), with po the observed and pe the chance
 * agreement. Null when pe = 1 (both coders gave the code to every unit, or
 * to none): κ is then 0/0, undefined, and no number is honest.
 */
export function cohensKappa(t: CodeTable): number | null {
	const n = total(t);
	const e = expectedN2(t);
	if (n === 0 || e === n * n) return null;
	// (po − pe) / (1 − pe), multiplied through by n².
	return (n * agreeing(t) - e) / (n * n - e);
}

/** Percent agreement as a proportion, (both + neither) / n; null for an empty table. */
export function percentAgreement(t: CodeTable): number | null {
	const n = total(t);
	return n === 0 ? null : agreeing(t) / n;
}

/** The cell-by-cell sum of tables. */
export function sumTables(tables: readonly CodeTable[]): CodeTable {
	const s: CodeTable = { both: 0, aOnly: 0, bOnly: 0, neither: 0 };
	for (const t of tables) {
		s.both += t.both;
		s.aOnly += t.aOnly;
		s.bOnly += t.bOnly;
		s.neither += t.neither;
	}
	return s;
}

/**
 * The pooled κ of De Vries et al. (2008): (p̄o − p̄e) / (1 − p̄e), where p̄o
 * and p̄e are the observed and chance agreements summed over the codes'
 * tables and divided by the summed n. With every code rated on the same
 * units (as here), these are the means of the codes' po and pe. It is not
 * the mean of the codes' κ, and not the κ of the summed cells. Null with no
 * table, or when p̄e = 1.
 */
export function pooledKappa(tables: readonly CodeTable[]): number | null {
	let n = 0;
	let agree = 0;
	// Σ pe·n: each table's pe is e/n², so its pe·n is e/n.
	let expected = 0;
	for (const t of tables) {
		const ni = total(t);
		if (ni === 0) continue;
		n += ni;
		agree += agreeing(t);
		expected += expectedN2(t) / ni;
	}
	if (n === 0) return null;
	const po = agree / n;
	const pe = expected / n;
	// p̄e reaches 1 only when every table's pe does (each is at most 1), and each of those is an exact integer test.
	if (tables.every((t) => total(t) === 0 || cohensKappa(t) === null)) return null;
	return (po - pe) / (1 - pe);
}

/**
 * Landis & Koch's (1977) verbal benchmarks for κ, shown beside a value with
 * their citation. They describe the coders' agreement, never the client.
 */
export function landisKochLabel(kappa: number | null): string {
	if (kappa === null) return "";
	if (kappa < 0) return "poor";
	if (kappa <= 0.2) return "slight";
	if (kappa <= 0.4) return "fair";
	if (kappa <= 0.6) return "moderate";
	if (kappa <= 0.8) return "substantial";
	return "almost perfect";
}

/** The citation shown with the labels. */
export const LANDIS_KOCH = "Landis & Koch (1977): below 0 poor, 0 to 0.20 slight, 0.21 to 0.40 fair, 0.41 to 0.60 moderate, 0.61 to 0.80 substantial, 0.81 to 1 almost perfect.";
