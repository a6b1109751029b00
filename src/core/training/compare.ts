/**
 * What the "Compare coding" view shows, as plain data: the figures of
 * `attune agree` for each family and code, and the disagreements grouped by
 * unit, each coder's codes side by side (the supervision agenda). The
 * numbers are the agreement's own, never recomputed, so the view and the
 * command line cannot differ. Pure: no Obsidian.
 */
import type { Vocabulary } from "../vocabulary/vocabulary";
import { type Agreement, codingFamilies } from "./agree";
import { landisKochLabel } from "./kappa";

/** One code's row: its 2×2 table and κ. */
export interface CodeFigure {
	code: string;
	both: number;
	aOnly: number;
	bOnly: number;
	neither: number;
	kappa: number | null;
}

/** One family's figures, with its codes in the order `attune agree` lists them. */
export interface FamilyFigure {
	/** The key of `attune agree --format json` (`emotion`, `class`, ...). */
	key: string;
	label: string;
	kappa: number | null;
	/** Landis & Koch's words for the pooled κ; empty when there is none. */
	verbal: string;
	agreement: number | null;
	codes: CodeFigure[];
}

/** A code one coder gave in a unit and the other did not. */
export interface DifferingCode {
	family: string;
	/** The family's label. */
	label: string;
	code: string;
}

/** A matched unit where the coders differ: its text and each coder's codes. */
export interface DisagreementUnit {
	/** The unit's text without Attune tags. */
	text: string;
	/** 1-based first line of the unit in each note. */
	lineA: number;
	lineB: number;
	/** Each coder's tags in the unit, as written (without `#`). */
	tagsA: string[];
	tagsB: string[];
	/** The codes only one coder gave. */
	onlyA: DifferingCode[];
	onlyB: DifferingCode[];
}

/** Everything the view draws. */
export interface ComparisonModel {
	units: Agreement["units"];
	families: FamilyFigure[];
	disagreements: DisagreementUnit[];
}

/** κ as the report shows it: two decimals, or a dash when it is undefined. */
export const formatKappa = (n: number | null): string => (n === null ? "—" : n.toFixed(2));

/** A proportion as a whole percent, or a dash when there is none. */
export const formatPercent = (n: number | null): string => (n === null ? "—" : `${Math.round(n * 100)}%`);

/** Builds the view's model from a comparison of two codings. */
export function comparisonModel(r: Agreement, vocab: Vocabulary): ComparisonModel {
	const labels = new Map(codingFamilies(vocab).map((f) => [f.key, f.label]));
	const label = (key: string) => labels.get(key) ?? key;
	const families: FamilyFigure[] = Object.entries(r.families).map(([key, f]) => ({
		key,
		label: label(key),
		kappa: f.kappa,
		verbal: landisKochLabel(f.kappa),
		agreement: f.agreement,
		codes: Object.entries(f.codes).map(([code, t]) => ({ code, both: t.both, aOnly: t.aOnly, bOnly: t.bOnly, neither: t.neither, kappa: t.kappa })),
	}));
	const byUnit = new Map<string, DisagreementUnit>();
	for (const d of r.disagreements) {
		const k = `${d.lineA}:${d.lineB}`;
		let unit = byUnit.get(k);
		if (!unit) {
			const m = r.matched.find((x) => x.a.start + 1 === d.lineA && x.b.start + 1 === d.lineB);
			unit = { text: d.text, lineA: d.lineA, lineB: d.lineB, tagsA: m?.a.codes.map((c) => c.tag) ?? [], tagsB: m?.b.codes.map((c) => c.tag) ?? [], onlyA: [], onlyB: [] };
			byUnit.set(k, unit);
		}
		(d.coder === "a" ? unit.onlyA : unit.onlyB).push({ family: d.family, label: label(d.family), code: d.code });
	}
	return { units: r.units, families, disagreements: [...byUnit.values()] };
}
