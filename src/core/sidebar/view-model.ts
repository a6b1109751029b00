/**
 * Everything the sidebar renders, as plain data. The counts always come from
 * `summarize`, so the sidebar and `attune summarize` give one answer.
 */
import type { NoteIndex } from "../index/index";
import { DEFAULT_VOCABULARY, FAMILIES, type Family, perFamily } from "../vocabulary/families";
import { DEFAULT_SETTINGS } from "../settings";
import { vocabularyFrom } from "../vocabulary/vocabulary";
import { type CodebookFamily, codebook } from "./codebook";
import { type ClinicianSeries, type CompassionRow, type IngredientRow, compassionRows, relationshipRows, therapistOverTime } from "./families";
import { type Summary, type SummaryOptions, diagnosedIn, matchesFilter, scopeNotes, summarize } from "../index/summary";
import { type Diagnostic, type NoteRecord, isCodingCopy } from "../note/note";
import { type AntecedentRow, type CommentRef, type OccurrenceRef, type RatingSeries, type ReviewItem, type Selection, type SequenceStep, antecedentTable, openComments, passagesOf, ratingsOverTime, reviewQueue, withinSession } from "./queries";
import { type SessionTrend, sessionTrend } from "./trend";
import { type Hours, buildHours } from "./hours";
import { type ResolvedScope, type ScopeChoice, resolveScope } from "./scope";
import type { VaultInsights } from "./vault-insights";
import { type VerifyRow, recordDiagnostic } from "../record/verify";

/** Everything the sidebar renders, as plain data. */
export interface SummaryViewModel {
	choice: ScopeChoice;
	scope: ResolvedScope;
	/** The same object `attune summarize` prints for this filter. */
	summary: Summary;
	/** Total client emotion occurrences. */
	emotionTotal: number;
	/** Choices for the scope bar. */
	options: { folders: string[]; noteTypes: string[] };
	/**
	 * Every scope but a single note: one row per dated note, the rows `attune
	 * trend` prints, and the selected emotion's count per row. Built when first
	 * asked for, since the whole vault's is a pass over every note and its
	 * section starts closed there.
	 */
	trend?: () => SessionTrend;
	/**
	 * Direct client and supervision hours of the scope, the numbers `attune
	 * hours` prints. Built when first asked for: the section starts closed.
	 */
	hours: () => Hours;
	/** Note scope: the emotions in reading order. */
	sequence?: SequenceStep[];
	antecedents: AntecedentRow[];
	review: ReviewItem[];
	comments: CommentRef[];
	ratings: RatingSeries[];
	diagnostics: Diagnostic[];
	/** Finalized notes of the scope that changed after finalizing or co-signing, by path ("Needs attention"). */
	changedRecords: VerifyRow[];
	/** The selected row or cell, and the passages behind it. */
	selection?: Selection;
	passages: OccurrenceRef[];
	/** Which families are switched on: a switched-off family's sections are not shown. */
	on: Record<Family, boolean>;
	/**
	 * The whole vault only: the therapist's side per clinician over time. Built
	 * when first asked for (a pass over every note), since its section starts closed.
	 */
	therapistOverTime?: () => ClinicianSeries[];
	/** The relationship's ingredients coded, beside the supervisor's ratings in the scope. */
	relationship: IngredientRow[];
	/** Compassion's elements by direction. */
	compassion: CompassionRow[];
	/** Each defined term of each switched-on family, its definition and its count in the scope. */
	codebook: CodebookFamily[];
	/** True when the scope holds no Attune tag at all: show what to do first. */
	empty: boolean;
	/**
	 * Set while the vault is still being read: the numbers would be partial, so
	 * the sidebar says how far reading has come instead of showing them.
	 */
	reading?: { done: number; total: number };
	/**
	 * Set after reading while the passages of moves by class are still being
	 * placed (they need the notes' text): every other number is complete, and
	 * "What was done with each class" says that its own is not yet.
	 */
	placing?: { done: number; total: number };
}

/**
 * Builds the sidebar's model. Counts come from `summarize` on the same
 * filter the command line uses; the unfiltered vault is answered from running
 * totals (`VaultInsights`), everything narrower from its own notes.
 */
export function buildViewModel(
	index: NoteIndex,
	insights: VaultInsights,
	choice: ScopeChoice,
	activePath: string | undefined,
	now: Date,
	selection?: Selection,
	options: SummaryOptions & { changedRecords?: readonly VerifyRow[] } = {},
): SummaryViewModel {
	const scope = resolveScope(choice, index, activePath, now);
	const summary = summarize(index, scope.filter, options);
	const wholeVault = Object.values(scope.filter).every((v) => v === undefined || v === "");
	let records: NoteRecord[] | undefined;
	const selected = () => (records ??= scopeNotes(index, scope.filter).counted);
	const emotionTotal = summary.rows.emotion.reduce((n, r) => n + r.count, 0);
	let hours: Hours | undefined;
	const model: SummaryViewModel = {
		choice,
		scope,
		summary,
		emotionTotal,
		options: { folders: insights.folders(), noteTypes: insights.noteTypes() },
		antecedents: wholeVault ? insights.vaultAntecedentTable() : antecedentTable(selected()),
		review: reviewQueue(wholeVault ? insights.recordsOf("review") : selected()),
		comments: openComments(wholeVault ? insights.recordsOf("comments") : selected()),
		ratings: ratingsOverTime(wholeVault ? insights.recordsOf("ratings") : selected(), scope.client),
		diagnostics: summary.diagnostics,
		hours: () => (hours ??= buildHours(index, scope.filter)),
		changedRecords: (options.changedRecords ?? []).filter((r) => {
			if (wholeVault) return true;
			const rec = index.get(r.path);
			// Listed where `attune summarize` lists the note's diagnostics, an unplaceable note included.
			return rec !== undefined && diagnosedIn(rec, scope.filter);
		}),
		passages: [],
		on: perFamily((_d, f) => options.vocab?.on[f] ?? true),
		relationship: [],
		codebook: codebook(summary, options.vocab ?? vocabularyFrom(DEFAULT_SETTINGS)),
		compassion: compassionRows(summary, options.vocab?.words.compassion ?? DEFAULT_VOCABULARY.compassion),
		empty: FAMILIES.every((f) => summary.rows[f].every((r) => r.count === 0)),
	};
	model.relationship = relationshipRows(summary, model.ratings);
	if (wholeVault) {
		let series: ClinicianSeries[] | undefined;
		model.therapistOverTime = () => (series ??= therapistOverTime(index.all(), options.vocab?.words.therapist ?? DEFAULT_VOCABULARY.therapist));
	}
	if (scope.path === undefined) {
		let trend: SessionTrend | undefined;
		const emotion = selection?.kind === "emotion" ? selection.emotion : undefined;
		model.trend = () => (trend ??= sessionTrend(index, selected(), { vocab: options.vocab, emotion }));
	}
	if (scope.path !== undefined) {
		const rec = index.get(scope.path);
		model.sequence = rec && matchesFilter(rec, scope.filter) ? withinSession(rec) : [];
	}
	if (selection) {
		model.selection = selection;
		model.passages = passagesOf(wholeVault ? [...index.all()].filter((r) => !isCodingCopy(r)) : selected(), selection);
	}
	return model;
}

/**
 * "Needs attention" as the diagnostics `attune summarize` lists for the same
 * scope: the changed finalized notes as `record-changed`, with the others,
 * by path and line. What the summary's exports (Markdown) print.
 */
export function attentionDiagnostics(m: Pick<SummaryViewModel, "diagnostics" | "changedRecords">): Diagnostic[] {
	const all = [...m.diagnostics];
	for (const r of m.changedRecords) {
		const d = recordDiagnostic(r);
		if (d) all.push(d);
	}
	// Stable, as the summary's own sort: a note's record-changed after its other problems on the same line.
	return all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}

/** The summary an export prints: the model's, with every note "Needs attention" lists. */
export function exportedSummary(m: SummaryViewModel): Summary {
	return { ...m.summary, diagnostics: attentionDiagnostics(m) };
}
