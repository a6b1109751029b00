/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { RENDER_DEBOUNCE_MS } from "../../../src/plugin/view/summary-view";
import { LIST_LIMIT } from "../../../src/plugin/view/render";
import { openSidebar } from "../../helpers/sidebar";

/** The sidebar's "Hours": what a trainee reads for a licensure log, and the notes to fix. */
const session = (date: string, n: number, duration?: string) =>
	`---\nnote-type: session\nclient: C-1\ndate: ${date}\nsession: ${n}\n${duration === undefined ? "" : `duration: ${duration}\n`}---\nShe spoke of her father #emotion/sadness/primary-adaptive.\n`;
const supervision = (date: string, supervisor: string, duration: number) =>
	`---\nnote-type: supervision\nclient: C-1\ndate: ${date}\nsupervisor: ${supervisor}\nduration: ${duration}\n---\nNotes.\n`;
const FILES = {
	"Clients/C-1/2026-01-13 session 1.md": session("2026-01-13", 1, "50"),
	"Clients/C-1/2026-01-20 session 2.md": session("2026-01-20", 2, "40"),
	"Clients/C-1/2026-03-03 session 3.md": session("2026-03-03", 3),
	"Clients/C-1/2026-03-10 session 4.md": session("2026-03-10", 4, "fifty"),
	"Supervision/2026-01-22 supervision C-1.md": supervision("2026-01-22", "Dr. B", 90),
};

async function sidebar(files: Record<string, string>, active: string) {
	const { view, app } = await openSidebar(files, active, { settings: { viewScope: "client" } });
	await jest.advanceTimersByTimeAsync(RENDER_DEBOUNCE_MS + 1);
	const el = view.contentEl;
	const toggle = [...el.querySelectorAll<HTMLButtonElement>(".attune-section-toggle")].find((b) => b.firstChild?.textContent === "Hours")!;
	return { app, view, el, toggle };
}

const cells = (el: HTMLElement, sel: string) => [...el.querySelectorAll(`${sel} tr`)].map((tr) => [...tr.children].map((c) => c.textContent ?? ""));

beforeEach(() => jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask"] }));
afterEach(() => {
	jest.useRealTimers();
	document.body.empty();
});

describe("the sidebar's Hours", () => {
	it("starts closed, its heading saying the scope's hours, and draws nothing until opened", async () => {
		const { el, toggle } = await sidebar(FILES, "Clients/C-1/2026-01-13 session 1.md");
		expect(toggle.parentElement?.textContent).toBe("Hours (1.5 direct, 1.5 supervision)");
		expect(toggle.getAttribute("aria-expanded")).toBe("false");
		expect(el.querySelector(".attune-hours-totals")).toBeNull();
	});

	it("shows direct and supervision hours, per supervisor and per month, a month with nothing as 0", async () => {
		const { el, toggle } = await sidebar(FILES, "Clients/C-1/2026-01-13 session 1.md");
		toggle.click();
		expect(cells(el, ".attune-hours-totals")).toEqual([["", "Hours", "Notes"], ["Direct client hours", "1.5", "2"], ["Supervision hours", "1.5", "1"], ["Dr. B", "1.5", "1"]]);
		expect(cells(el, ".attune-hours-months")).toEqual([
			["Month", "Direct", "Supervision", "Dr. B", "Unknown"],
			["2026-01", "1.5", "1.5", "1.5", "0"],
			["2026-02", "0", "0", "0", "0"],
			["2026-03", "0", "0", "0", "2"],
		]);
	});

	it("lists each note whose duration is unknown, saying why, and opens it", async () => {
		const { app, el, toggle } = await sidebar(FILES, "Clients/C-1/2026-01-13 session 1.md");
		toggle.click();
		const items = [...el.querySelectorAll<HTMLButtonElement>(".attune-hours-unknown button")];
		expect(items.map((b) => [...b.children].map((c) => c.textContent))).toEqual([
			["2026-03-03 · 2026-03-03 session 3", "No duration"],
			["2026-03-10 · 2026-03-10 session 4", "Duration “fifty” is no number of minutes"],
		]);
		items[1]!.click();
		await jest.advanceTimersByTimeAsync(RENDER_DEBOUNCE_MS + 1);
		expect(app.workspace.getActiveFile()?.path).toBe("Clients/C-1/2026-03-10 session 4.md");
	});

	it("a scope with no durations is zero, not blank, and says every note with none", async () => {
		const files = { "a.md": session("2026-01-13", 1) };
		const { el, toggle } = await sidebar(files, "a.md");
		expect(toggle.parentElement?.textContent).toBe("Hours (0 direct, 0 supervision)");
		toggle.click();
		expect(cells(el, ".attune-hours-totals").slice(1)).toEqual([["Direct client hours", "0", "0"], ["Supervision hours", "0", "0"]]);
		expect(el.querySelector(".attune-hours-unknown")?.textContent).toContain("No duration");
	});

	it("is there for notes with nothing tagged: hours do not wait for coding", async () => {
		const files = { "a.md": "---\nnote-type: session\nclient: C-1\ndate: 2026-01-13\nduration: 50\n---\nNo tags yet.\n" };
		const { el, toggle } = await sidebar(files, "a.md");
		expect(el.textContent).toContain("Nothing is tagged here yet.");
		expect(toggle.parentElement?.textContent).toBe("Hours (0.83 direct, 0 supervision)");
	});

	it("shows the first unknown notes of a long list, and the rest on request", async () => {
		const files: Record<string, string> = {};
		for (let i = 1; i <= LIST_LIMIT + 3; i++) files[`s${String(i).padStart(2, "0")}.md`] = session("2026-01-13", i);
		const { el, toggle } = await sidebar(files, "s01.md");
		toggle.click();
		expect(el.querySelectorAll(".attune-hours-unknown li").length).toBe(LIST_LIMIT);
		[...el.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === `Show all ${LIST_LIMIT + 3} notes`)!.click();
		expect(el.querySelectorAll(".attune-hours-unknown li").length).toBe(LIST_LIMIT + 3);
	});

	it("sets names as text, never as HTML", async () => {
		const files = { "a.md": supervision("2026-01-22", "\"<b>Dr. X</b>\"", 60) };
		const { el, toggle } = await sidebar(files, "a.md");
		toggle.click();
		expect(el.querySelector(".attune-hours-totals b")).toBeNull();
		expect(cells(el, ".attune-hours-totals").at(-1)).toEqual(["<b>Dr. X</b>", "1", "1"]);
	});
});
