/**
 * The sidebar's figures for `npm run bench`: how long after one note's change
 * the view's model is current, and how long rendering the whole-vault scope
 * takes in the DOM of the test environment (jsdom).
 */
import { createRequire } from "node:module";
import type { NoteIndex } from "../core/index/index";
import { type ScopeChoice } from "../core/sidebar/scope";
import { VaultInsights } from "../core/sidebar/vault-insights";
import { buildViewModel } from "../core/sidebar/view-model";
import { type SummaryViewHandlers, defaultUi, renderSummaryView } from "../plugin/view/render";
import { installDomHelpers } from "../../preview/dom-helpers";

/**
 * jsdom is loaded when the benchmark runs, not bundled: it comes with the
 * test environment (jest-environment-jsdom) and cannot be bundled by esbuild.
 */
export function loadJsdom(): typeof import("jsdom") {
	return createRequire(__filename)("jsdom") as typeof import("jsdom");
}

/** The view's benchmark figures, in milliseconds: medians over `runs`. */
export interface ViewBenchResult {
	/** From calling `makeChange` (one note re-indexed) until the whole-vault model is rebuilt and current. Goal: under 5 ms, flat in vault size. */
	changeToCurrentMs: number;
	/** Of that: the index and the view's running totals taking the change in. */
	changeMs: number;
	/** Of that: building the whole-vault model (`summarize` plus the sidebar's queries). */
	modelMs: number;
	/** Rendering the whole-vault scope into an empty container under jsdom. Goal: under 16 ms, one frame. */
	renderMs: number;
	runs: number;
}

const WHOLE_VAULT: ScopeChoice = { scope: "vault", folder: "", range: "all", from: "", to: "", noteType: "" };

/** Handlers that do nothing: the benchmark renders, it never clicks. */
export const NO_HANDLERS: SummaryViewHandlers = {
	setChoice: () => {},
	select: () => {},
	open: () => {},
	loadPassage: () => Promise.resolve(""),
	exportSummary: () => {},
	saveUi: () => {},
};

/** The middle of several runs' times. */
export function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)] ?? NaN;
}

function ms(t0: bigint): number {
	return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Measures the sidebar on an index that is already built.
 *
 * `makeChange` must change one note in `index` (for example `index.set` of a
 * re-read record) each time it is called; it is called `runs` times, plus a
 * few warm-up calls. Throws when a call does not change the index, so a
 * broken change cannot pass for a fast one.
 */
export async function benchView(index: NoteIndex, makeChange: () => void, runs = 21): Promise<ViewBenchResult> {
	const insights = new VaultInsights(index);
	const now = new Date();
	const change: number[] = [];
	const model: number[] = [];
	const total: number[] = [];
	try {
		for (let i = 0; i < runs + 3; i++) {
			const before = index.revision;
			const t0 = process.hrtime.bigint();
			makeChange();
			const t1 = process.hrtime.bigint();
			const m = buildViewModel(index, insights, WHOLE_VAULT, undefined, now);
			const t2 = process.hrtime.bigint();
			if (index.revision === before) throw new Error("benchView: makeChange did not change the index");
			if (m.summary.notes !== index.readableCount) throw new Error("benchView: the model is not current");
			if (i < 3) continue; // warm-up: let the JIT settle
			change.push(Number(t1 - t0) / 1e6);
			model.push(Number(t2 - t1) / 1e6);
			total.push(Number(t2 - t0) / 1e6);
		}
		const { JSDOM } = loadJsdom();
		const dom = new JSDOM("<!doctype html><html><body></body></html>");
		installDomHelpers(dom.window);
		const container = dom.window.document.body.createDiv();
		const vm = buildViewModel(index, insights, WHOLE_VAULT, undefined, now);
		const render: number[] = [];
		for (let i = 0; i < runs + 3; i++) {
			const t0 = process.hrtime.bigint();
			renderSummaryView(container, vm, NO_HANDLERS, defaultUi());
			const t = ms(t0);
			if (i >= 3) render.push(t);
		}
		if (!container.querySelector(".attune-emotion-table, .attune-empty")) throw new Error("benchView: nothing was rendered");
		dom.window.close();
		return { changeToCurrentMs: median(total), changeMs: median(change), modelMs: median(model), renderMs: median(render), runs };
	} finally {
		insights.dispose();
	}
}
