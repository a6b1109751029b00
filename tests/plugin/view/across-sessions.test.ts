/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 *
 * "Across sessions" as a clinician uses it: measures under the bars, the
 * shares/counts switch kept with the view's state, labels thinned (never bars)
 * when sessions crowd, one emotion's strip, and empathy and work per session.
 */
import { type App, Notice, type WorkspaceLeaf } from "../../obsidian-double/obsidian";
import type { AttuneSettings } from "../../../src/core/settings";
import { registerSummaryView } from "../../../src/plugin/view/register";
import { RENDER_DEBOUNCE_MS, SummaryView, VIEW_TYPE_SUMMARY } from "../../../src/plugin/view/summary-view";
import { makeContext } from "../../helpers/harness";

async function settle(): Promise<void> {
	await jest.advanceTimersByTimeAsync(RENDER_DEBOUNCE_MS + 1);
}

/** A session note of client C-1. */
const session = (date: string, n: number, body: string, more = "") => `---\nnote-type: session\nclient: C-1\ndate: ${date}\nsession: ${n}\n${more}---\n${body}\n`;

/** Runs the command and shows the view in the document, as the sidebar would. */
async function openView(app: App) {
	await app.commands.get("attune:open-summary")!.callback!();
	const leaf = app.workspace.getLeavesOfType(VIEW_TYPE_SUMMARY)[0]!;
	const view = leaf.view as unknown as SummaryView;
	document.body.appendChild(view.containerEl);
	view.onResize();
	await settle();
	return { leaf, view, el: view.contentEl };
}

/** The sidebar open on this client, following `open`, rendered into the document. */
async function sidebar(files: Record<string, string>, open: string, settings: Partial<AttuneSettings> = {}) {
	const { app, ctx } = await makeContext(files, { settings: { viewScope: "client", ...settings } });
	registerSummaryView(ctx);
	const note: WorkspaceLeaf = app.workspace.getLeaf(false);
	await note.openFile(app.vault.getFileByPath(open)!);
	return { app, ctx, ...(await openView(app)) };
}

const button = (el: Element, label: RegExp) => {
	const b = [...el.querySelectorAll("button")].find((x) => label.test(x.getAttribute("aria-label") ?? ""));
	if (!b) throw new Error(`no button ${label}`);
	return b;
};
/** Enter on a focused element: a key press bubbles, as in Obsidian. */
const enter = (el: Element) => el.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
/**
 * The shapes a chart's paths draw, by class: each rectangle or dot is one
 * `M x y …` subpath (the chart gathers a style's shapes into one path).
 */
const shapes = (el: Element, cls?: string) =>
	[...el.querySelectorAll(cls ? `path.${cls}` : "path")].flatMap((p) =>
		[...(p.getAttribute("d") ?? "").matchAll(/M(-?[\d.]+) (-?[\d.]+)/g)].map((m) => ({ cls: p.getAttribute("class"), x: Number(m[1]), y: Number(m[2]) })));
/** The index of the session whose bar's column holds x. */
const columnOf = (chart: Element, x: number) =>
	[...chart.querySelectorAll(".attune-trend-chart .attune-chart-mark")].findIndex((m) => Number(m.getAttribute("x")) <= x && x <= Number(m.getAttribute("x")) + Number(m.getAttribute("width")));
/** The y-axis title of the main chart, as a reader sees it. */
const yAxis = (el: HTMLElement) => el.querySelector(".attune-trend-chart .attune-chart-axis-title")?.textContent;

const section = (el: HTMLElement, title: string) => {
	const b = [...el.querySelectorAll<HTMLButtonElement>(".attune-section-title button")].find((x) => x.firstChild?.textContent === title);
	if (!b) throw new Error(`no section ${title}`);
	if (b.getAttribute("aria-expanded") !== "true") b.click();
	return el.querySelector<HTMLElement>(`#${b.getAttribute("aria-controls")!}`)!;
};
/** The strip under the heading `title` (an h5), and that heading. */
const strip = (el: HTMLElement, title: string) => {
	const h = [...el.querySelectorAll("h5")].find((x) => x.textContent === title);
	return h ? (h.nextElementSibling as SVGElement) : undefined;
};

beforeEach(() => {
	jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask"] });
	document.body.empty();
	Notice.messages = [];
});
afterEach(() => jest.useRealTimers());

describe("measures on the session axis", () => {
	const files = {
		"C-1/s1.md": session("2026-01-05", 1, "#emotion/shame/primary-maladaptive", "phq-9: 18\n"),
		"C-1/s2.md": session("2026-01-12", 2, "#emotion/shame/primary-maladaptive", "phq-9: moderate\n"),
		"C-1/s3.md": session("2026-01-19", 3, "#emotion/sadness/primary-adaptive", "phq-9: 9\n"),
	};

	it("draws each number under its session's bar on its own scale, and lists a value that is not a number, never drawing it as 0", async () => {
		const { el } = await sidebar(files, "C-1/s1.md", { measures: ["phq-9", "gad-7"] });
		const s = section(el, "Across sessions");
		const svg = strip(s, "phq-9")!;
		expect(svg.getAttribute("aria-label")).toBe("phq-9 per dated note, oldest first: session 1 18, session 2 none, session 3 9");
		// A dot's subpath starts at its left edge, one radius from its centre.
		const dots = shapes(svg, "attune-measure-dot").map((d) => ({ x: d.x + 2.5, y: d.y }));
		expect(dots.map((d) => columnOf(s, d.x))).toEqual([0, 2]);
		// Its own scale: the lowest value at the bottom, the highest at the top, labelled with the values.
		expect([...svg.querySelectorAll(".attune-chart-tick")].map((t) => t.textContent)).toEqual(["9", "18"]);
		expect(dots[0]!.y).toBeLessThan(dots[1]!.y);
		expect(strip(s, "gad-7")).toBeUndefined();
		const attention = section(el, "Needs attention");
		expect(attention.textContent).toMatch(/C-1\/s2\.md:\d+ · phq-9.*“phq-9” is "moderate", which is not a number/);
	});
});

describe("built from the index", () => {
	it("opens this client's trend, selects a bar and shows the table without reading any note", async () => {
		const files: Record<string, string> = {};
		for (let i = 1; i <= 12; i++) files[`C-1/s${i}.md`] = session(`2026-02-${String(i).padStart(2, "0")}`, i, "#emotion/shame/primary-maladaptive #response/reflection", `rating-warmth: ${1 + (i % 5)}\n`);
		const { app, ctx } = await makeContext(files, { settings: { viewScope: "client" } });
		await ctx.indexer.ready;
		const reads: string[] = [];
		for (const how of ["read", "cachedRead"] as const) {
			const original = app.vault[how].bind(app.vault);
			app.vault[how] = (file) => {
				reads.push(file.path);
				return original(file);
			};
		}
		registerSummaryView(ctx);
		await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath("C-1/s12.md")!);
		const { el } = await openView(app);
		const s = section(el, "Across sessions");
		expect(s.querySelectorAll(".attune-chart-mark")).toHaveLength(12);
		enter(s.querySelectorAll(".attune-chart-mark")[3]!);
		button(section(el, "Across sessions"), /^Show the same numbers as a table/).click();
		expect(section(el, "Across sessions").querySelectorAll(".attune-trend-table tbody tr")).toHaveLength(12);
		expect(el.querySelector(".attune-readout-head")?.textContent).toBe("Session 4 · 2026-02-04 · s4");
		expect(reads).toEqual([]);
	});
});

describe("shares or counts, kept with the view's state", () => {
	const files = {
		"C-1/s1.md": session("2026-01-05", 1, "#emotion/shame/primary-maladaptive #emotion/shame/primary-maladaptive #emotion/anger/secondary"),
		"C-1/s2.md": session("2026-01-12", 2, "#emotion/sadness/primary-adaptive"),
	};

	it("switches to counts, saves that with the layout, and a view restored from the saved state shows counts", async () => {
		const { app, el, view, leaf } = await sidebar(files, "C-1/s1.md");
		const s = () => section(el, "Across sessions");
		expect(button(s(), /^Show each session as shares/).getAttribute("aria-pressed")).toBe("true");
		expect(yAxis(s())).toBe("Share");
		const saves = app.workspace._layoutSaves;
		button(s(), /^Show each session's client emotions as counts/).click();
		expect(app.workspace._layoutSaves).toBe(saves + 1);
		expect(yAxis(s())).toBe("Emotions");
		expect([...s().querySelectorAll(".attune-trend-chart .attune-chart-tick")].map((t) => t.textContent)).toEqual(["0", "1", "2", "3"]);
		button(s(), /^Show the same numbers as a table/).click();
		const state = view.getState();
		expect(state).toMatchObject({ trendMode: "counts", trendTable: true });

		leaf.detach();
		const again = await openView(app);
		expect(yAxis(section(again.el, "Across sessions"))).toBe("Share");
		// What Obsidian does on restart: the new view gets the state saved with the layout.
		await again.view.setState(state, { history: false });
		const restored = section(again.el, "Across sessions");
		expect(yAxis(restored)).toBe("Emotions");
		expect(button(restored, /^Show each session's client emotions as counts/).getAttribute("aria-pressed")).toBe("true");
		expect(restored.querySelectorAll(".attune-trend-table tbody tr")).toHaveLength(2);

		// A saved value that is not a mode is ignored: the choice stays.
		await again.view.setState({ ...state, trendMode: "bars", trendTable: "yes" }, { history: false });
		expect(again.view.getState()).toMatchObject({ trendMode: "counts", trendTable: true });
	});
});

describe("many sessions: labels are thinned, never bars", () => {
	const files: Record<string, string> = {};
	const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10);
	for (let i = 0; i < 100; i++) files[`C-1/s${i + 1}.md`] = session(day(i), i + 1, i % 2 === 0 ? "#emotion/shame/primary-maladaptive" : "#emotion/sadness/primary-adaptive #emotion/anger/secondary");

	it("draws all 100 bars, each selectable, and labels only as many as fit without overlapping", async () => {
		const { el } = await sidebar(files, "C-1/s1.md");
		const s = section(el, "Across sessions");
		const marks = [...s.querySelectorAll(".attune-trend-chart .attune-chart-mark")];
		expect(marks).toHaveLength(100);
		expect(marks.every((m) => m.getAttribute("tabindex") === "0" && m.getAttribute("role") === "button")).toBe(true);
		// Every session's bar is drawn: one rectangle per class present, 150 in all, at 100 places.
		const bars = shapes(s.querySelector(".attune-chart-bars")!);
		expect(bars).toHaveLength(150);
		expect(new Set(bars.map((b) => columnOf(s, b.x))).size).toBe(100);

		const labels = [...s.querySelectorAll(".attune-trend-chart .attune-chart-label")];
		expect(labels.length).toBeGreaterThan(1);
		expect(labels.length).toBeLessThan(100);
		expect(labels[0]!.textContent).toBe("1");
		const xs = labels.map((l) => Number(l.getAttribute("x")));
		// Three digits at the sidebar's smallest font are about 18 px wide.
		for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(18);
		// Each label stands under its own bar: the column it is centred in holds the session it names.
		expect(labels.map((l) => String(columnOf(s, Number(l.getAttribute("x"))) + 1))).toEqual(labels.map((l) => l.textContent));
		const width = Number(s.querySelector(".attune-trend-chart")!.getAttribute("width"));
		expect([...s.querySelectorAll(".attune-chart-date")].every((d) => Number(d.getAttribute("x")) < width)).toBe(true);

		// An unlabelled bar and the last one are selected like any other.
		enter(marks[36]!);
		expect(el.querySelector(".attune-readout-head")?.textContent).toBe(`Session 37 · ${day(36)} · s37`);
		const last = [...section(el, "Across sessions").querySelectorAll(".attune-chart-mark")][99]!;
		last.dispatchEvent(new MouseEvent("click", { bubbles: true }));
		expect(el.querySelector(".attune-readout-head")?.textContent).toBe(`Session 100 · ${day(99)} · s100`);
	});

	it("labels every bar with its number, and its date where dates fit, when there are few", async () => {
		const few = Object.fromEntries(Object.entries(files).slice(0, 4));
		const { el } = await sidebar(few, "C-1/s1.md");
		const s = section(el, "Across sessions");
		expect([...s.querySelectorAll(".attune-chart-label")].map((l) => l.textContent)).toEqual(["1", "2", "3", "4"]);
		expect([...s.querySelectorAll(".attune-chart-date")].map((l) => l.textContent)).toEqual([day(0), day(1), day(2), day(3)]);
	});
});

describe("one emotion over time, and empathy and work per session", () => {
	const files = {
		"C-1/s1.md": session("2026-01-05", 1, "#emotion/shame/primary-maladaptive #emotion/shame/secondary #empathy/attunement #response/reflection #response/procedure #response/procedure"),
		"C-1/s2.md": session("2026-01-12", 2, "#emotion/sadness/primary-adaptive #empathy/attunement #empathy/rapport #response/conjecture #response/validation #response/reflection"),
		"C-1/s3.md": session("2026-01-19", 3, "#emotion/shame/primary-maladaptive"),
	};

	it("adds the selected emotion's strip: its count per session by class, on the same axis", async () => {
		const { el } = await sidebar(files, "C-1/s1.md");
		expect(strip(section(el, "Across sessions"), "shame per session, by class")).toBeUndefined();
		button(el, /Show passages for shame, primary maladaptive/).click();
		await settle();
		const s = section(el, "Across sessions");
		const svg = strip(s, "shame per session, by class")!;
		expect(svg.getAttribute("aria-label")).toBe("shame per dated note, oldest first: session 1 2, session 2 0, session 3 1");
		expect(svg.getAttribute("width")).toBe(s.querySelector(".attune-trend-chart")!.getAttribute("width"));
		expect(shapes(svg).map((r) => [r.cls, columnOf(s, r.x)])).toEqual([["attune-fill-primary-maladaptive", 0], ["attune-fill-primary-maladaptive", 2], ["attune-fill-secondary", 0]]);
	});

	it("counts empathy modes and responses per session, procedure apart, as numbers and no verdict", async () => {
		const { el } = await sidebar(files, "C-1/s1.md");
		const s = section(el, "Across sessions");
		const svgs = [...s.querySelectorAll(".attune-trend-strip")].map((x) => x.getAttribute("aria-label"));
		expect(svgs).toContain("Empathy modes coded per dated note, oldest first: session 1 1, session 2 2, session 3 0");
		expect(svgs).toContain("Responses per dated note, oldest first: session 1 1 empathic, 2 procedure; session 2 3 empathic, 0 procedure; session 3 0 empathic, 0 procedure");
		expect(shapes(s, "attune-fill-empathic").map((r) => columnOf(s, r.x))).toEqual([0, 1]);
		expect(shapes(s, "attune-fill-procedure").map((r) => columnOf(s, r.x))).toEqual([0]);
		button(s, /^Show the same numbers as a table/).click();
		const rows = [...section(el, "Across sessions").querySelectorAll(".attune-trend-table tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent));
		const head = [...section(el, "Across sessions").querySelectorAll(".attune-trend-table thead th")].map((c) => c.textContent);
		const col = (name: string) => rows.map((r) => r[head.indexOf(name)]);
		expect(col("Empathy modes")).toEqual(["1", "2", "0"]);
		expect(col("Empathic")).toEqual(["1", "3", "0"]);
		expect(col("Procedure")).toEqual(["2", "0", "0"]);
		expect(section(el, "Across sessions").textContent).not.toMatch(/\b(good|bad|better|worse|improv)/i);
	});
});
