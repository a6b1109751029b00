/**
 * "Across sessions" for `npm run bench` (issue 9): opening "This client" for
 * a client of 100 sessions in a large vault. The trend model is timed from
 * the index (the notes of the client selected, one row each), and the
 * section's drawing under jsdom, with the whole sidebar's render beside it.
 */
import type { NoteIndex } from "../core/index/index";
import { readNote } from "../core/note/reader";
import type { ScopeChoice } from "../core/sidebar/scope";
import { buildTrend } from "../core/sidebar/trend";
import { VaultInsights } from "../core/sidebar/vault-insights";
import { buildViewModel } from "../core/sidebar/view-model";
import type { Vocabulary } from "../core/vocabulary/vocabulary";
import { parseProperties } from "../cli/vault";
import { defaultUi, renderSummaryView } from "../plugin/view/render";
import { defaultTrendUi, drawTrend } from "../plugin/view/trend-chart";
import { installDomHelpers } from "../../preview/dom-helpers";
import { generateVault } from "./generate";
import { NO_HANDLERS, loadJsdom, median } from "./view-bench";

/** The client given the 100 sessions. */
export const TREND_CLIENT = "C-TREND";
const SESSIONS = 100;
/**
 * Renders before the timed ones: jsdom's own code takes a few dozen runs to be
 * compiled (the sidebar draws many times in a session; a browser's DOM is native).
 */
const RENDER_WARMUP = 20;
/** A sidebar's width in CSS pixels, as the chart is drawn to it. */
const SIDEBAR_WIDTH = 320;

/** The figures, in milliseconds: medians over `runs`. */
export interface TrendBenchResult {
	/** The trend model of the client (its notes selected from the index, one row per dated note). Goal: under 5 ms. */
	modelMs: number;
	/** "Across sessions" drawn into an empty section under jsdom, in shares. Goal: under 16 ms. */
	renderMs: number;
	/** For context: the whole "This client" sidebar model, the trend included. */
	viewModelMs: number;
	/** For context: the whole "This client" sidebar rendered under jsdom, Across sessions open. */
	viewRenderMs: number;
	/** The fastest run of the model and of the render: on a shared machine, the median carries other processes' time. */
	fastest: { modelMs: number; renderMs: number };
	/** The render's median in CPU time (this process's, garbage collection included): what it costs when it is not waiting for a core. */
	renderCpuMs: number;
	sessions: number;
	vaultNotes: number;
	runs: number;
}

function timed(fn: () => void): number {
	const t0 = process.hrtime.bigint();
	fn();
	return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** CPU milliseconds (user and system) `fn` took. */
function cpuTimed(fn: () => void): number {
	const c0 = process.cpuUsage();
	fn();
	const c = process.cpuUsage(c0);
	return (c.user + c.system) / 1000;
}

/**
 * Gives one client 100 weekly sessions in `index`, in place of 100 of its
 * notes, so the vault keeps its size; returns the path of the latest session.
 */
function seedClient(index: NoteIndex, vocab: Vocabulary): string {
	const gone = [...index.all()].filter((_, i) => i % 97 === 0).slice(0, SESSIONS);
	for (const r of gone) index.remove(r.path);
	let last = "";
	generateVault(SESSIONS, 9).forEach((n, i) => {
		const date = new Date(Date.UTC(2023, 0, 2 + 7 * i)).toISOString().slice(0, 10);
		const text = n.text
			.replace(/^client: .*$/m, `client: "[[${TREND_CLIENT}]]"`)
			.replace(/^date: .*$/m, `date: ${date}`)
			.replace(/^session: .*$/m, `session: ${i + 1}\nrating-empathy: ${1 + (i % 5)}`);
		last = `Clients/${TREND_CLIENT}/${date} session ${i + 1}.md`;
		index.set(readNote(last, text, vocab, parseProperties));
	});
	return last;
}

/** Measures "This client" with 100 sessions in `index` (which it changes: 100 notes become the client's). */
export function benchTrend(index: NoteIndex, vocab: Vocabulary, now: Date, runs = 21): TrendBenchResult {
	const active = seedClient(index, vocab);
	const insights = new VaultInsights(index);
	const choice: ScopeChoice = { scope: "client", folder: "", range: "all", from: "", to: "", noteType: "" };
	const filter = { client: TREND_CLIENT };
	const model: number[] = [];
	const viewModel: number[] = [];
	let sessions = 0;
	try {
		for (let i = 0; i < runs + 3; i++) {
			const t = timed(() => (sessions = buildTrend(index, filter, { vocab }).sessions.length));
			const v = timed(() => buildViewModel(index, insights, choice, active, now, undefined, { vocab }).trend?.());
			// The first runs let the JIT settle.
			if (i >= 3) {
				model.push(t);
				viewModel.push(v);
			}
		}
		if (sessions !== SESSIONS) throw new Error(`benchTrend: ${sessions} rows for ${SESSIONS} sessions`);
		const { JSDOM } = loadJsdom();
		const dom = new JSDOM("<!doctype html><html><body></body></html>");
		installDomHelpers(dom.window);
		const trend = buildTrend(index, filter, { vocab });
		const host = { ui: defaultTrendUi(), width: SIDEBAR_WIDTH, open: () => {}, saveUi: () => {}, redraw: () => {} };
		const section = dom.window.document.body.createDiv();
		const render: number[] = [];
		const renderCpu: number[] = [];
		for (let i = 0; i < runs + RENDER_WARMUP; i++) {
			section.empty();
			let t = 0;
			const c = cpuTimed(() => (t = timed(() => drawTrend(section, trend, host))));
			if (i >= RENDER_WARMUP) {
				render.push(t);
				renderCpu.push(c);
			}
		}
		if (section.querySelectorAll(".attune-chart-mark").length !== SESSIONS) throw new Error("benchTrend: the chart does not hold one bar per session");
		const vm = buildViewModel(index, insights, choice, active, now, undefined, { vocab });
		const container = dom.window.document.body.createDiv();
		const viewRender: number[] = [];
		for (let i = 0; i < runs + RENDER_WARMUP; i++) {
			// jsdom lays nothing out: the sidebar draws the chart to its fallback width, a narrow sidebar's.
			const ui = defaultUi();
			const t = timed(() => renderSummaryView(container, vm, NO_HANDLERS, ui));
			if (i >= RENDER_WARMUP) viewRender.push(t);
		}
		if (container.querySelectorAll(".attune-chart-mark").length !== SESSIONS) throw new Error("benchTrend: the sidebar does not show Across sessions for the client");
		dom.window.close();
		return { modelMs: median(model), renderMs: median(render), viewModelMs: median(viewModel), viewRenderMs: median(viewRender), fastest: { modelMs: Math.min(...model), renderMs: Math.min(...render) }, renderCpuMs: median(renderCpu), sessions, vaultNotes: index.size, runs };
	} finally {
		insights.dispose();
	}
}
