/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 *
 * "Across sessions" as a clinician uses it: measures under the bars, the
 * shares/counts switch kept with the view's state, labels thinned (never bars)
 * when sessions crowd, one emotion's strip, and empathy and work per session.
 */
import { Notice, type WorkspaceLeaf } from "../../obsidian-double/obsidian";
import type { AttuneSettings } from "../../../src/core/settings";
import { registerSummaryView } from "../../../src/plugin/view/register";
import { RENDER_DEBOUNCE_MS, SummaryView, VIEW_TYPE_SUMMARY } from "../../../src/plugin/view/summary-view";
import { makeContext } from "../../helpers/harness";

async function settle(): Promise<void> {
	await jest.advanceTimersByTimeAsync(RENDER_DEBOUNCE_MS + 1);
}

/** A session note of client C-1. */
const session = (date: string, n: number, body: string, more = "") => `---\nnote-type: session\nclient: C-1\ndate: ${date}\nsession: ${n}\n${more}---\n${body}\n`;

/** The sidebar open on this client, following `open`, rendered into the document. */
async function sidebar(files: Record<string, string>, open: string, settings: Partial<AttuneSettings> = {}) {
	const { app, ctx } = await makeContext(files, { settings: { viewScope: "client", ...settings } });
	registerSummaryView(ctx);
	await app.commands.get("attune:open-summary")!.callback!();
	const leaf = app.workspace.getLeavesOfType(VIEW_TYPE_SUMMARY)[0]!;
	const view = leaf.view as unknown as SummaryView;
	document.body.appendChild(view.containerEl);
	const note: WorkspaceLeaf = app.workspace.getLeaf(false);
	await note.openFile(app.vault.getFileByPath(open)!);
	await settle();
	return { app, ctx, view, el: view.contentEl };
}

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
		const marks = [...s.querySelectorAll(".attune-trend-chart .attune-chart-hit")];
		/** The session whose bar's column holds x. */
		const column = (x: number) => marks.findIndex((m) => Number(m.getAttribute("x")) < x && x < Number(m.getAttribute("x")) + Number(m.getAttribute("width")));
		const dots = [...svg.querySelectorAll("circle")];
		expect(dots.map((d) => column(Number(d.getAttribute("cx"))))).toEqual([0, 2]);
		// Its own scale: the lowest value at the bottom, the highest at the top, labelled with the values.
		expect([...svg.querySelectorAll(".attune-chart-tick")].map((t) => t.textContent)).toEqual(["9", "18"]);
		expect(Number(dots[0]!.getAttribute("cy"))).toBeLessThan(Number(dots[1]!.getAttribute("cy")));
		expect(strip(s, "gad-7")).toBeUndefined();
		const attention = section(el, "Needs attention");
		expect(attention.textContent).toMatch(/C-1\/s2\.md:\d+ · phq-9.*“phq-9” is "moderate", which is not a number/);
	});
});
