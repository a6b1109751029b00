/**
 * Two coders, one session: match the units of two codings of the same note,
 * build each code's 2×2 table over the matched units, and list where the
 * coders differ (the supervision agenda). The comparison is of the coders,
 * never of the client. Pure: the shells pass in the two notes' text.
 */
import { FAMILY_TABLE, PROCESS_ORDER } from "../vocabulary/families";
import { CLASS_KEY } from "../vocabulary/tags";
import type { Vocabulary } from "../vocabulary/vocabulary";
import { type CodeTable, cohensKappa, percentAgreement, pooledKappa, sumTables } from "./kappa";
import { type Unit, type UnitCode, readUnits } from "./units";

/** A code's table and its κ. */
export interface CodeAgreement extends CodeTable {
	kappa: number | null;
}

/** One family's figures: the pooled κ and percent agreement over its codes, and each code's. */
export interface FamilyAgreement {
	kappa: number | null;
	agreement: number | null;
	codes: Record<string, CodeAgreement>;
}

/** A matched unit in which one coder gave a code and the other did not. */
export interface Disagreement {
	family: string;
	code: string;
	/** The coder who gave the code. */
	coder: "a" | "b";
	/** 1-based first line of the unit in each note. */
	lineA: number;
	lineB: number;
	/** The unit's text without Attune tags. */
	text: string;
}

/** A matched pair of units, for views that show both codings side by side. */
export interface MatchedUnit {
	a: Unit;
	b: Unit;
}

/** Everything `attune agree` and the "Compare coding" view show. */
export interface Agreement {
	units: { matched: number; onlyA: number; onlyB: number };
	families: Record<string, FamilyAgreement>;
	disagreements: Disagreement[];
	matched: MatchedUnit[];
}

/** A coding family: a tag family, or the class of a family whose values carry one. */
export interface CodingFamily {
	key: string;
	/** What people call it, for the "Compare coding" view. */
	label: string;
	/** The codes a unit holds in this family. */
	codes: (c: UnitCode) => string | undefined;
	/** Where a code sorts: known words in vocabulary order, then others alphabetically. */
	order: readonly string[];
}

/**
 * The coding families, read from the families table: each family's values,
 * and for a family whose values carry a class (client emotions) the class as
 * a family of its own (`unclassified` included), right after it.
 */
export function codingFamilies(vocab: Vocabulary): CodingFamily[] {
	const out: CodingFamily[] = [];
	for (const f of FAMILY_TABLE) {
		out.push({ key: f.key, label: f.label, codes: (c) => (c.family === f.key ? c.value : undefined), order: vocab.words[f.key] });
		const q = f.qualifier;
		if (q === undefined) continue;
		const label = `${f.label}: ${q.name}`;
		// The class of a client emotion is its own family (`class`); another qualifier (compassion's direction) is `<family>-<name>`.
		if (q.field === "process") out.push({ key: CLASS_KEY, label, codes: (c) => (c.family === f.key ? c.process : undefined), order: PROCESS_ORDER });
		else out.push({ key: `${f.key}-${q.name}`, label, codes: (c) => (c.family === f.key ? c.direction : undefined), order: [...q.words, q.none] });
	}
	return out;
}

/** The units that are coding units: not supervisor callouts. */
const codingUnits = (units: readonly Unit[]) => units.filter((u) => !u.supervisor);

/** Pairs units with identical keys, in order; the rest are unmatched. */
export function matchUnits(a: readonly Unit[], b: readonly Unit[]): { matched: MatchedUnit[]; onlyA: Unit[]; onlyB: Unit[] } {
	const queue = new Map<string, Unit[]>();
	for (const u of b) {
		const q = queue.get(u.key) ?? [];
		q.push(u);
		queue.set(u.key, q);
	}
	const matched: MatchedUnit[] = [];
	const onlyA: Unit[] = [];
	const usedB = new Set<Unit>();
	for (const u of a) {
		const partner = queue.get(u.key)?.shift();
		if (partner) {
			matched.push({ a: u, b: partner });
			usedB.add(partner);
		} else onlyA.push(u);
	}
	return { matched, onlyA, onlyB: b.filter((u) => !usedB.has(u)) };
}

function sortCodes(codes: Iterable<string>, order: readonly string[]): string[] {
	const rank = (c: string) => {
		const i = order.indexOf(c);
		return i < 0 ? order.length : i;
	};
	return [...codes].sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
}

/**
 * Compares two codings of one session. The codes of a family are the values
 * either coder gave in a matched unit: a code that neither gave there has no
 * table (its κ would be undefined and it would only inflate the pooled
 * figures), and a family with no code has null figures.
 */
export function compareCodings(textA: string, textB: string, vocab: Vocabulary): Agreement {
	const a = codingUnits(readUnits(textA, vocab).units);
	const b = codingUnits(readUnits(textB, vocab).units);
	const { matched, onlyA, onlyB } = matchUnits(a, b);
	const families: Record<string, FamilyAgreement> = {};
	const disagreements: Disagreement[] = [];
	for (const fam of codingFamilies(vocab)) {
		const setsOf = (u: Unit) => new Set(u.codes.map(fam.codes).filter((x): x is string => x !== undefined));
		const pairs = matched.map((m) => ({ m, a: setsOf(m.a), b: setsOf(m.b) }));
		const used = new Set<string>();
		for (const p of pairs) for (const c of [...p.a, ...p.b]) used.add(c);
		const codes: Record<string, CodeAgreement> = {};
		const tables: CodeTable[] = [];
		for (const code of sortCodes(used, fam.order)) {
			const t: CodeTable = { both: 0, aOnly: 0, bOnly: 0, neither: 0 };
			for (const p of pairs) {
				const inA = p.a.has(code);
				const inB = p.b.has(code);
				if (inA && inB) t.both++;
				else if (inA) t.aOnly++;
				else if (inB) t.bOnly++;
				else t.neither++;
				if (inA !== inB) disagreements.push({ family: fam.key, code, coder: inA ? "a" : "b", lineA: p.m.a.start + 1, lineB: p.m.b.start + 1, text: p.m.a.key });
			}
			codes[code] = { ...t, kappa: cohensKappa(t) };
			tables.push(t);
		}
		families[fam.key] = { kappa: pooledKappa(tables), agreement: tables.length === 0 ? null : percentAgreement(sumTables(tables)), codes };
	}
	// The agenda reads in the order of the first note, then by family as the table lists them.
	const famRank = new Map(Object.keys(families).map((k, i) => [k, i]));
	disagreements.sort((x, y) => x.lineA - y.lineA || (famRank.get(x.family) ?? 0) - (famRank.get(y.family) ?? 0));
	return { units: { matched: matched.length, onlyA: onlyA.length, onlyB: onlyB.length }, families, disagreements, matched };
}

/** The JSON document of `attune agree` (FORMAT.md section 7), keys in the documented order. */
export function agreementJson(r: Agreement): unknown {
	const families: Record<string, unknown> = {};
	for (const [k, f] of Object.entries(r.families)) {
		const codes: Record<string, unknown> = {};
		for (const [c, t] of Object.entries(f.codes)) codes[c] = { both: t.both, aOnly: t.aOnly, bOnly: t.bOnly, neither: t.neither, kappa: t.kappa };
		families[k] = { kappa: f.kappa, agreement: f.agreement, codes };
	}
	return {
		format: 1,
		units: r.units,
		families,
		disagreements: r.disagreements.map((d) => ({ family: d.family, code: d.code, coder: d.coder, lineA: d.lineA, lineB: d.lineB, text: d.text })),
	};
}
