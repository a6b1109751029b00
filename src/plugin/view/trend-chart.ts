/**
 * "Across sessions": one bar per dated note of the scope, oldest first, in
 * shares (each bar 100%) or counts, on a labelled y-axis, every bar labelled
 * with its session number; under it, on the same session axis, the selected
 * emotion's strip, the empathy and work strip, and one strip per measure.
 * Selecting a bar (click, tap, or focus and Enter) shows a readout that
 * stays; "Show as table" gives the same numbers as a table. Nothing needs hovering.
 *
 * The drawing box is as wide as the sidebar (measured by the renderer), so
 * text keeps its size: when bars are crowded, labels are thinned, never bars.
 */
import type { SessionTrend, TrendRow } from "../../core/sidebar/trend";
import { PROCESS_LABELS, PROCESS_ORDER, type ProcessOrUnclassified, labelFor } from "../../core/vocabulary/families";
import { FOCUS_KEYS, actionButton, svgEl } from "./view-kit";

/** How the bars are scaled: each bar 100% and stacked by share, or the counts as tagged. */
export type TrendMode = "shares" | "counts";

/** What the chart remembers between renders. `mode` and `table` are saved with the view's state. */
export interface TrendUi {
	mode: TrendMode;
	/** "Show as table" is on. */
	table: boolean;
	/** The path of the selected bar's note, whose readout is shown. */
	selected?: string;
}

/** A fresh chart state: shares, no table, nothing selected. */
export function defaultTrendUi(): TrendUi {
	return { mode: "shares", table: false };
}

/** The chart's saved choices from a view state (`trendMode`, `trendTable`), ignoring what is not valid. */
export function trendUiFromState(raw: unknown, fallback: TrendUi): TrendUi {
	if (typeof raw !== "object" || raw === null) return { ...fallback };
	const r = raw as Record<string, unknown>;
	return {
		...fallback,
		mode: r.trendMode === "shares" || r.trendMode === "counts" ? r.trendMode : fallback.mode,
		table: typeof r.trendTable === "boolean" ? r.trendTable : fallback.table,
	};
}

/** The chart's choices as saved in the view's state. */
export function trendUiState(ui: TrendUi): { trendMode: TrendMode; trendTable: boolean } {
	return { trendMode: ui.mode, trendTable: ui.table };
}

/** What the chart needs from its host. */
export interface TrendHost {
	ui: TrendUi;
	/** The sidebar's width in CSS pixels; 0 when unknown (not laid out). */
	width: number;
	open(path: string): void;
	/** The mode or table changed: save the view's state. */
	saveUi(): void;
	/** Draw the section again (after a selection or a switch). */
	redraw(): void;
}

/** When the width is unknown (a hidden or unlaid-out view): a narrow sidebar's. */
const FALLBACK_WIDTH = 320;
/** Room left of the plot for the y-axis title and tick labels ("100%"). */
const PAD_LEFT = 42;
const PAD_RIGHT = 6;
const PLOT_TOP = 6;
const PLOT_H = 96;
/** Below the plot: a row of session numbers, then a row of dates. */
const NUMBER_ROW = 13;
const DATE_ROW = 12;
/** The narrowest gap between two session numbers (three digits at the sidebar's smallest font): closer ones are thinned. */
const NUMBER_GAP = 20;
/** The width an ISO date takes at that font, with a little air. */
const DATE_GAP = 64;
/** A bar is never wider than this, however few sessions there are. */
const MAX_BAR = 28;

const pct = (x: number) => `${Math.round(x * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const classWords = (p: ProcessOrUnclassified) => (p === "unclassified" ? "not classified" : PROCESS_LABELS[p].toLowerCase());
const sessionText = (r: TrendRow) => (r.session === undefined ? "–" : String(r.session));
const sessionWords = (r: TrendRow) => (r.session === undefined ? "No session number" : `Session ${r.session}`);
/** The note's name: its file name without `.md`. */
const noteName = (path: string) => path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
const share = (n: number, total: number) => (total === 0 ? 0 : n / total);

/** A tick step that is 1, 2 or 5 times a power of ten, giving at most `most` steps up to `max`. */
export function niceStep(max: number, most = 4): number {
	if (max <= 0) return 1;
	const raw = max / most;
	const p = 10 ** Math.floor(Math.log10(raw));
	for (const m of [1, 2, 5, 10]) if (m * p >= raw) return Math.max(1, m * p);
	return Math.max(1, 10 * p);
}

/** Labels `step` pixels apart that each need `gap` pixels: every k-th is drawn, from the first; this is k. */
export function thinned(step: number, gap: number): number {
	return Math.max(1, Math.ceil(gap / Math.max(step, 0.001)));
}

/** The geometry shared by the chart and its strips: one column per session. */
class Axis {
	readonly width: number;
	readonly step: number;
	readonly bar: number;
	constructor(width: number, readonly n: number) {
		this.width = Math.max(width > 0 ? width : FALLBACK_WIDTH, PAD_LEFT + PAD_RIGHT + 40);
		this.step = (this.width - PAD_LEFT - PAD_RIGHT) / Math.max(n, 1);
		this.bar = Math.max(1, Math.min(MAX_BAR, this.step * 0.7));
	}
	/** Left edge of session i's column. */
	col(i: number): number {
		return PAD_LEFT + i * this.step;
	}
	/** Left edge of session i's bar. */
	x(i: number): number {
		return this.col(i) + (this.step - this.bar) / 2;
	}
	/** Centre of session i's column. */
	mid(i: number): number {
		return this.col(i) + this.step / 2;
	}
}

const f2 = (x: number) => x.toFixed(2);

/** Each bar's mark and the path of its note: one listener per chart finds which bar was chosen. */
const MARKS = new WeakMap<Element, string>();

/** A strip's SVG: as wide as the axis, `height` tall. */
function frame(parent: HTMLElement, axis: Axis, height: number, cls: string, attrs: Record<string, string>): SVGElement {
	return svgEl(parent, "svg", { class: `attune-chart ${cls}`, width: String(axis.width), height: String(height), viewBox: `0 0 ${axis.width} ${height}`, ...attrs });
}

/** Horizontal grid lines and their labels on the left, `ticks` from the bottom of a plot `top`..`top + h`. */
function yTicks(svg: SVGElement, axis: Axis, top: number, h: number, ticks: { at: number; text: string }[]): void {
	for (const t of ticks) {
		const y = top + h - t.at * h;
		svgEl(svg, "line", { x1: String(PAD_LEFT - 3), x2: String(axis.width - PAD_RIGHT), y1: f2(y), y2: f2(y), class: t.at === 0 ? "attune-chart-axis" : "attune-chart-grid" });
		svgEl(svg, "text", { x: String(PAD_LEFT - 5), y: f2(y), class: "attune-chart-tick", "text-anchor": "end", "dominant-baseline": "middle" }).textContent = t.text;
	}
}

/** The y-axis title, turned to run up the left edge. */
function yTitle(svg: SVGElement, top: number, h: number, text: string): void {
	const y = top + h / 2;
	svgEl(svg, "text", { x: "8", y: f2(y), class: "attune-chart-axis-title", "text-anchor": "middle", transform: `rotate(-90 8 ${f2(y)})` }).textContent = text;
}

/** Count ticks from 0 to a nice top at or above `max`; returns the top. */
function countTicks(max: number): { top: number; ticks: { at: number; text: string }[] } {
	const step = niceStep(max);
	const top = Math.max(step, Math.ceil(max / step) * step);
	const ticks: { at: number; text: string }[] = [];
	for (let v = 0; v <= top; v += step) ticks.push({ at: v / top, text: String(v) });
	return { top, ticks };
}

/**
 * Rectangles gathered into one path per style: a hundred sessions are a few
 * paths, not hundreds of elements (drawing time grows with elements, not with
 * a path's length). Each rectangle is one `M…Z` subpath.
 */
class Fills {
	private readonly d = new Map<string, string>();
	rect(cls: string, x: number, y: number, w: number, h: number): void {
		this.d.set(cls, `${this.d.get(cls) ?? ""}M${f2(x)} ${f2(y)}h${f2(w)}v${f2(h)}h${f2(-w)}Z`);
	}
	/** A dot of radius r centred on (x, y), as two arcs. */
	dot(cls: string, x: number, y: number, r: number): void {
		this.d.set(cls, `${this.d.get(cls) ?? ""}M${f2(x - r)} ${f2(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`);
	}
	/** Appends one path per style, in the order the styles were first used. */
	draw(parent: SVGElement): void {
		for (const [cls, d] of this.d) svgEl(parent, "path", { d, class: cls });
	}
}

/** Stacked bars by class for each session, scaled by `scale(i)` (the height of one occurrence, as a fraction of the plot). */
function stacks(fills: Fills, axis: Axis, top: number, h: number, counts: (i: number) => Record<ProcessOrUnclassified, number>, scale: (i: number) => number): void {
	for (let i = 0; i < axis.n; i++) {
		const c = counts(i);
		let y = top + h;
		for (const p of PROCESS_ORDER) {
			const n = c[p];
			if (n === 0) continue;
			const bh = n * scale(i) * h;
			y -= bh;
			fills.rect(`attune-fill-${p}`, axis.x(i), y, axis.bar, bh);
		}
	}
}

/** Draws "Across sessions" into a section body. */
export function drawTrend(s: HTMLElement, trend: SessionTrend, host: TrendHost): void {
	const rows = trend.sessions;
	const { ui } = host;
	if (trend.undated > 0) {
		s.createEl("p", { cls: "attune-muted", text: `${plural(trend.undated, "undated note")} in this scope ${trend.undated === 1 ? "is" : "are"} on no session axis; give ${trend.undated === 1 ? "it" : "them"} a date property to place ${trend.undated === 1 ? "it" : "them"}.` });
	}
	if (rows.length === 0) {
		s.createEl("p", { cls: "attune-muted", text: "No dated notes in this scope." });
		return;
	}
	if (ui.selected !== undefined && !rows.some((r) => r.path === ui.selected)) ui.selected = undefined;
	controls(s, host);
	const axis = new Axis(host.width, rows.length);
	mainChart(s, rows, axis, host);
	legend(s);
	readout(s, rows, host);
	if (trend.emotion) emotionStrip(s, rows, trend.emotion, axis);
	workStrip(s, rows, axis);
	for (const m of measureNames(rows)) measureStrip(s, rows, m, axis);
	if (ui.table) table(s, trend, host);
}

function controls(s: HTMLElement, host: TrendHost): void {
	const { ui } = host;
	const bar = s.createDiv({ cls: "attune-trend-controls" });
	const group = bar.createDiv({ cls: "attune-switch", attr: { role: "group", "aria-label": "Bar heights" } });
	for (const [mode, text, label] of [["shares", "Shares", "Show each session as shares of its client emotions, 100% each"], ["counts", "Counts", "Show each session's client emotions as counts"]] as const) {
		actionButton(group, text, `trend-${mode}`, label, () => {
			if (ui.mode === mode) return;
			ui.mode = mode;
			host.saveUi();
			host.redraw();
		}, ["attune-small"]).setAttribute("aria-pressed", String(ui.mode === mode));
	}
	const t = actionButton(bar, ui.table ? "Hide the table" : "Show as table", "trend-table", ui.table ? "Hide the table of sessions" : "Show the same numbers as a table, one row per session", () => {
		ui.table = !ui.table;
		host.saveUi();
		host.redraw();
	}, ["attune-small"]);
	t.setAttribute("aria-expanded", String(ui.table));
}

function mainChart(s: HTMLElement, rows: TrendRow[], axis: Axis, host: TrendHost): void {
	const { ui } = host;
	const shares = ui.mode === "shares";
	const height = PLOT_TOP + PLOT_H + NUMBER_ROW + DATE_ROW + 2;
	const svg = frame(s, axis, height, "attune-trend-chart", { role: "group", "aria-label": `Client emotions per dated note, ${shares ? "as shares of each note's total" : "as counts"}, ${plural(rows.length, "note")}, oldest first` });
	const max = Math.max(1, ...rows.map((r) => r.emotions));
	const { top, ticks } = shares ? { top: 1, ticks: [0, 0.5, 1].map((at) => ({ at, text: pct(at) })) } : countTicks(max);
	yTicks(svg, axis, PLOT_TOP, PLOT_H, ticks);
	yTitle(svg, PLOT_TOP, PLOT_H, shares ? "Share" : "Emotions");
	const scale = (i: number) => (shares ? 1 / Math.max(rows[i]!.emotions, 1) : 1 / top);
	const numberEvery = thinned(axis.step, NUMBER_GAP);
	const dateEvery = thinned(axis.step, DATE_GAP);
	const numberY = f2(PLOT_TOP + PLOT_H + NUMBER_ROW - 3);
	const dateY = f2(PLOT_TOP + PLOT_H + NUMBER_ROW + DATE_ROW - 2);
	const fills = new Fills();
	rows.forEach((r, i) => {
		const on = ui.selected === r.path;
		const parts = PROCESS_ORDER.filter((c) => r.classes[c] > 0).map((c) => `${r.classes[c]} ${classWords(c)} (${pct(share(r.classes[c], r.emotions))})`);
		const label = `${sessionWords(r)}, ${r.date}, ${noteName(r.path)}: ${parts.length > 0 ? `${parts.join(", ")}; ${r.emotions} in all` : "no client emotions"}.`;
		// The mark is the whole column, however thin its bar: it takes the click or tap, and keyboard focus.
		const mark = svgEl(svg, "rect", { x: f2(axis.col(i)), y: String(PLOT_TOP), width: f2(axis.step), height: String(PLOT_H), class: on ? "attune-chart-mark attune-chart-hit is-selected" : "attune-chart-mark attune-chart-hit", role: "button", tabindex: "0", "aria-pressed": String(on), "aria-label": label });
		FOCUS_KEYS.set(mark, `session-${r.path}`);
		MARKS.set(mark, r.path);
		if (r.emotions === 0) fills.rect("attune-fill-none", axis.x(i), PLOT_TOP + PLOT_H - 2, axis.bar, 2);
		if (i % numberEvery === 0) svgEl(svg, "text", { x: f2(axis.mid(i)), y: numberY, class: "attune-chart-label", "text-anchor": "middle" }).textContent = sessionText(r);
		// A thinned date starts at its bar and runs right: one that would run off the edge is left out.
		if (i % dateEvery === 0 && (dateEvery === 1 || axis.col(i) + DATE_GAP - 8 <= axis.width)) svgEl(svg, "text", { x: f2(dateEvery === 1 ? axis.mid(i) : axis.col(i)), y: dateY, class: "attune-chart-date", "text-anchor": dateEvery === 1 ? "middle" : "start" }).textContent = r.date;
	});
	// One listener per chart, not two per bar: a hundred sessions would be two hundred.
	const select = (ev: Event) => {
		const path = MARKS.get(ev.target as Element);
		if (path === undefined) return;
		if (ev.type === "keydown") {
			const k = (ev as KeyboardEvent).key;
			if (k !== "Enter" && k !== " ") return;
			ev.preventDefault();
		}
		ui.selected = ui.selected === path ? undefined : path;
		host.redraw();
	};
	svg.addEventListener("click", select);
	svg.addEventListener("keydown", select);
	const at = rows.findIndex((r) => r.path === ui.selected);
	if (at >= 0) svgEl(svg, "rect", { x: f2(axis.col(at) + 0.5), y: String(PLOT_TOP - 2), width: f2(Math.max(axis.step - 1, 1)), height: String(PLOT_H + 3), class: "attune-chart-selection" });
	// Bars after the marks, so each bar sits on top; drawn once for all, they are not focusable themselves.
	const bars = svgEl(svg, "g", { class: "attune-chart-bars", "aria-hidden": "true" });
	stacks(fills, axis, PLOT_TOP, PLOT_H, (i) => rows[i]!.classes, scale);
	fills.draw(bars);
	const note = s.createEl("p", { cls: "attune-muted attune-trend-note" });
	note.setText(shares
		? "Each bar is one dated note, oldest first, labelled with its session number: the share of its client emotions in each class, 100% each."
		: "Each bar is one dated note, oldest first, labelled with its session number: its client emotions in each class, as counted.");
}

function legend(parent: HTMLElement): void {
	const ul = parent.createEl("ul", { cls: "attune-legend", attr: { "aria-label": "Legend" } });
	for (const c of PROCESS_ORDER) ul.createEl("li", { cls: `attune-dot-${c}`, text: PROCESS_LABELS[c] });
}

/** The selected bar's numbers, shown until another bar is selected or this one again. */
function readout(s: HTMLElement, rows: TrendRow[], host: TrendHost): void {
	const box = s.createDiv({ cls: "attune-readout", attr: { "aria-live": "polite" } });
	const r = rows.find((x) => x.path === host.ui.selected);
	if (!r) {
		box.createEl("p", { cls: "attune-muted", text: "Select a bar to see its numbers here: click or tap it, or focus it and press the enter key." });
		return;
	}
	const head = box.createDiv({ cls: "attune-readout-head" });
	head.createEl("strong", { text: sessionWords(r) });
	head.createSpan({ text: ` · ${r.date} · ${noteName(r.path)}` });
	const t = box.createEl("table", { cls: "attune-table attune-readout-table" });
	const hr = t.createEl("thead").createEl("tr");
	for (const [text, num] of [["Class", false], ["Count", true], ["Share", true]] as const) hr.createEl("th", { cls: num ? "attune-num" : undefined, text, attr: { scope: "col" } });
	const body = t.createEl("tbody");
	for (const c of PROCESS_ORDER) {
		const tr = body.createEl("tr");
		tr.createEl("th", { cls: `attune-dot-${c}`, text: PROCESS_LABELS[c], attr: { scope: "row" } });
		tr.createEl("td", { cls: "attune-num", text: String(r.classes[c]) });
		tr.createEl("td", { cls: "attune-num", text: r.emotions === 0 ? "–" : pct(share(r.classes[c], r.emotions)) });
	}
	const total = t.createEl("tfoot").createEl("tr");
	total.createEl("th", { text: "Total", attr: { scope: "row" } });
	total.createEl("td", { cls: "attune-num", text: String(r.emotions) });
	total.createEl("td", { cls: "attune-num", text: r.emotions === 0 ? "–" : "100%" });
	const modes = Object.entries(r.modes).filter(([, n]) => n > 0).map(([m, n]) => `${labelFor(m).toLowerCase()} ${n}`);
	box.createEl("p", { cls: "attune-muted", text: `Empathy modes: ${modes.length > 0 ? modes.join(", ") : "none coded"}. Responses: ${r.responses.empathic} empathic, ${r.responses.procedure} procedure.` });
	const measures = Object.entries(r.measures);
	if (measures.length > 0) box.createEl("p", { cls: "attune-muted", text: `Measures: ${measures.map(([k, v]) => `${k} ${v}`).join(", ")}.` });
	const actions = box.createDiv({ cls: "attune-readout-actions" });
	actionButton(actions, "Open the note", `readout-open-${r.path}`, `Open ${noteName(r.path)}`, () => host.open(r.path), ["attune-small"]);
	actionButton(actions, "Clear", "readout-clear", "Clear the selected session", () => {
		host.ui.selected = undefined;
		host.redraw();
	}, ["attune-small"]);
}

/** The selected emotion's count per session, stacked by class, on the same axis. */
function emotionStrip(s: HTMLElement, rows: TrendRow[], strip: NonNullable<SessionTrend["emotion"]>, axis: Axis): void {
	const totals = strip.counts.map((c) => PROCESS_ORDER.reduce((n, p) => n + c[p], 0));
	s.createEl("h5", { text: `${strip.emotion} per session, by class` });
	const h = 40;
	const { top, ticks } = countTicks(Math.max(1, ...totals));
	const words = rows.map((r, i) => `${sessionWords(r).toLowerCase()} ${totals[i]}`).join(", ");
	const svg = frame(s, axis, h + 8, "attune-trend-strip", { role: "img", "aria-label": `${strip.emotion} per dated note, oldest first: ${words}` });
	yTicks(svg, axis, 4, h, ticks.filter((t) => t.at === 0 || t.at === 1));
	const fills = new Fills();
	stacks(fills, axis, 4, h, (i) => strip.counts[i]!, () => 1 / top);
	fills.draw(svg);
}

/** Empathy modes coded, and responses: empathic ones above the line, `procedure` below. Counts side by side, no verdict. */
function workStrip(s: HTMLElement, rows: TrendRow[], axis: Axis): void {
	const modes = rows.map((r) => Object.values(r.modes).reduce((n, x) => n + x, 0));
	if (modes.every((n) => n === 0) && rows.every((r) => r.responses.empathic + r.responses.procedure === 0)) return;
	s.createEl("h5", { text: "Empathy and work per session" });
	const h = 30;
	const modeTop = countTicks(Math.max(1, ...modes)).top;
	const modeSvg = frame(s, axis, h + 8, "attune-trend-strip", { role: "img", "aria-label": `Empathy modes coded per dated note, oldest first: ${rows.map((r, i) => `${sessionWords(r).toLowerCase()} ${modes[i]}`).join(", ")}` });
	yTicks(modeSvg, axis, 4, h, [{ at: 0, text: "0" }, { at: 1, text: String(modeTop) }]);
	yTitle(modeSvg, 4, h, "Modes");
	const modeFills = new Fills();
	rows.forEach((_, i) => {
		const bh = (modes[i]! / modeTop) * h;
		if (bh > 0) modeFills.rect("attune-fill-mode", axis.x(i), 4 + h - bh, axis.bar, bh);
	});
	modeFills.draw(modeSvg);
	const most = Math.max(1, ...rows.map((r) => Math.max(r.responses.empathic, r.responses.procedure)));
	const rTop = countTicks(most).top;
	const half = 24;
	const mid = 4 + half;
	const words = rows.map((r) => `${sessionWords(r).toLowerCase()} ${r.responses.empathic} empathic, ${r.responses.procedure} procedure`).join("; ");
	const resp = frame(s, axis, 2 * half + 8, "attune-trend-strip", { role: "img", "aria-label": `Responses per dated note, oldest first: ${words}` });
	yTicks(resp, axis, 4, 2 * half, [{ at: 0, text: String(rTop) }, { at: 0.5, text: "0" }, { at: 1, text: String(rTop) }]);
	yTitle(resp, 4, 2 * half, "Responses");
	const respFills = new Fills();
	rows.forEach((r, i) => {
		const up = (r.responses.empathic / rTop) * half;
		const down = (r.responses.procedure / rTop) * half;
		if (up > 0) respFills.rect("attune-fill-empathic", axis.x(i), mid - up, axis.bar, up);
		if (down > 0) respFills.rect("attune-fill-procedure", axis.x(i), mid, axis.bar, down);
	});
	respFills.draw(resp);
	const key = s.createEl("ul", { cls: "attune-legend", attr: { "aria-label": "Legend of empathy and work" } });
	key.createEl("li", { cls: "attune-dot-mode", text: "Empathy modes coded" });
	key.createEl("li", { cls: "attune-dot-empathic", text: "Empathic responses (above the line)" });
	key.createEl("li", { cls: "attune-dot-procedure", text: "Procedure (below the line)" });
}

/** The measures some session of the trend holds, in the order first met. */
function measureNames(rows: TrendRow[]): string[] {
	const out = new Set<string>();
	for (const r of rows) for (const k of Object.keys(r.measures)) out.add(k);
	return [...out];
}

/** One measure per session on its own scale: a dot where the note holds a number, nothing where it holds none. */
function measureStrip(s: HTMLElement, rows: TrendRow[], name: string, axis: Axis): void {
	const values = rows.map((r) => r.measures[name]);
	const present = values.filter((v): v is number => v !== undefined);
	const lo = Math.min(...present);
	const hi = Math.max(...present);
	s.createEl("h5", { text: name });
	const h = 28;
	const words = rows.map((r, i) => `${sessionWords(r).toLowerCase()} ${values[i] ?? "none"}`).join(", ");
	const svg = frame(s, axis, h + 8, "attune-trend-strip", { role: "img", "aria-label": `${name} per dated note, oldest first: ${words}` });
	yTicks(svg, axis, 4, h, lo === hi ? [{ at: 0.5, text: String(lo) }] : [{ at: 0, text: String(lo) }, { at: 1, text: String(hi) }]);
	const y = (v: number) => 4 + h - (lo === hi ? 0.5 : (v - lo) / (hi - lo)) * h;
	let path = "";
	let prev = false;
	values.forEach((v, i) => {
		if (v === undefined) {
			prev = false;
			return;
		}
		path += `${prev ? "L" : "M"}${f2(axis.mid(i))} ${f2(y(v))} `;
		prev = true;
	});
	if (path !== "") svgEl(svg, "path", { d: path.trim(), class: "attune-measure-line" });
	const dots = new Fills();
	values.forEach((v, i) => {
		if (v !== undefined) dots.dot("attune-measure-dot", axis.mid(i), y(v), 2.5);
	});
	dots.draw(svg);
}

/** The same numbers as a table, one row per session. */
function table(s: HTMLElement, trend: SessionTrend, host: TrendHost): void {
	const rows = trend.sessions;
	const shares = host.ui.mode === "shares";
	const wrap = s.createDiv({ cls: "attune-table-scroll" });
	const t = wrap.createEl("table", { cls: "attune-table attune-trend-table" });
	t.createEl("caption", { text: shares ? "Client emotions per session: count (share of the note's total)" : "Client emotions per session" });
	const head = t.createEl("thead").createEl("tr");
	const measures = measureNames(rows);
	const cols = ["Session", "Date", ...PROCESS_ORDER.map((c) => PROCESS_LABELS[c]), "Total", ...(trend.emotion ? [trend.emotion.emotion] : []), "Empathy modes", "Empathic", "Procedure", ...measures];
	cols.forEach((c, i) => head.createEl("th", { cls: i >= 2 ? "attune-num" : undefined, text: c, attr: { scope: "col" } }));
	const body = t.createEl("tbody");
	rows.forEach((r, i) => {
		const tr = body.createEl("tr");
		tr.createEl("th", { text: sessionText(r), attr: { scope: "row" } });
		actionButton(tr.createEl("td"), r.date, `trend-row-${r.path}`, `Open ${noteName(r.path)}`, () => host.open(r.path), ["attune-link"]);
		const cell = (text: string) => tr.createEl("td", { cls: "attune-num", text });
		for (const c of PROCESS_ORDER) cell(shares && r.emotions > 0 ? `${r.classes[c]} (${pct(share(r.classes[c], r.emotions))})` : String(r.classes[c]));
		cell(String(r.emotions));
		if (trend.emotion) cell(String(PROCESS_ORDER.reduce((n, p) => n + trend.emotion!.counts[i]![p], 0)));
		cell(String(Object.values(r.modes).reduce((n, x) => n + x, 0)));
		cell(String(r.responses.empathic));
		cell(String(r.responses.procedure));
		for (const m of measures) cell(r.measures[m] === undefined ? "–" : String(r.measures[m]));
	});
}
