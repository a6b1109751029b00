/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import "./node-globals";
import * as path from "node:path";
import { run } from "../../../src/cli/main";
import { hoursJson } from "../../../src/cli/hours";
import type { ScopeChoice } from "../../../src/core/sidebar/scope";
import { RENDER_DEBOUNCE_MS, type SummaryView } from "../../../src/plugin/view/summary-view";
import { exampleVaultFiles } from "../../helpers/harness";
import { openSidebar } from "../../helpers/sidebar";

/**
 * One core, one answer: the sidebar's "Hours" holds, number for number, what
 * `attune hours --format json` prints for the same scope on the example
 * vault, and the section shows those numbers and lists those notes.
 */
const EXAMPLE = path.join(__dirname, "../../../example-vault");
const ALL: ScopeChoice = { scope: "vault", folder: "", range: "all", from: "", to: "", noteType: "" };

interface MinutesJson { minutes: number; hours: number; notes: number }
interface HoursJson {
	direct: MinutesJson;
	supervision: MinutesJson;
	supervisors: (MinutesJson & { supervisor: string | null })[];
	months: { month: string; direct: MinutesJson; supervision: MinutesJson; supervisors: MinutesJson[]; unknown: number }[];
	unknown: { path: string }[];
	warnings: string[];
}

function cliHours(args: string[]): HoursJson & Record<string, unknown> {
	const r = run(["hours", EXAMPLE, ...args, "--format", "json"]);
	expect(r.code).toBe(0);
	return JSON.parse(r.stdout) as HoursJson & Record<string, unknown>;
}

const cells = (el: HTMLElement, sel: string) => [...el.querySelectorAll(`${sel} tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent ?? ""));

let view: SummaryView;

beforeAll(async () => {
	jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask"] });
	({ view } = await openSidebar(exampleVaultFiles(), "Clients/C-103/2026-02-09 session 2.md", { config: { userIgnoreFilters: ["Archive/"] } }));
});
afterAll(() => jest.useRealTimers());

describe("the sidebar's hours are attune hours', on the example vault", () => {
	it.each<[string, Partial<ScopeChoice>, string[]]>([
		["this client", { scope: "client" }, ["--client", "C-103"]],
		["this client in February", { scope: "client", range: "custom", from: "2026-02-01", to: "2026-02-28" }, ["--client", "C-103", "--from", "2026-02-01", "--to", "2026-02-28"]],
		["session notes only", { noteType: "session" }, ["--note-type", "session"]],
		["a folder", { scope: "folder", folder: "Supervision" }, ["--folder", "Supervision"]],
		["the whole vault", {}, []],
	])("%s", async (_name, choice, args) => {
		await view.setState({ ...ALL, ...choice }, { history: false });
		await jest.advanceTimersByTimeAsync(RENDER_DEBOUNCE_MS + 1);
		const model = view.currentModel!;
		const expected = cliHours(args);
		// Something to compare: every scope here has counted minutes.
		expect(expected.direct.minutes + expected.supervision.minutes).toBeGreaterThan(0);
		expect(hoursJson(model.hours(), model.scope.filter, model.summary.warnings)).toEqual(expected);

		const toggle = [...view.contentEl.querySelectorAll<HTMLButtonElement>(".attune-section-toggle")].find((b) => b.firstChild?.textContent === "Hours")!;
		if (toggle.getAttribute("aria-expanded") !== "true") toggle.click();
		const el = view.contentEl;
		// What a person reads: the command line's hours, its months, and its unknown notes, each a button.
		expect(cells(el, ".attune-hours-totals")).toEqual([
			["Direct client hours", String(expected.direct.hours), String(expected.direct.notes)],
			["Supervision hours", String(expected.supervision.hours), String(expected.supervision.notes)],
			...expected.supervisors.map((s) => [s.supervisor ?? "Supervisor not named", String(s.hours), String(s.notes)]),
		]);
		expect(cells(el, ".attune-hours-months")).toEqual(expected.months.map((m) => [m.month, String(m.direct.hours), String(m.supervision.hours), ...m.supervisors.map((s) => String(s.hours)), String(m.unknown)]));
		expect(el.querySelectorAll(".attune-hours-unknown li").length).toBe(Math.min(expected.unknown.length, 10));
		expect([...el.querySelectorAll(".attune-hours-unknown button")].map((b) => b.getAttribute("aria-label")?.replace(/^Open (.*?):.*$/, "$1"))).toEqual(expected.unknown.slice(0, 10).map((u) => path.basename(u.path, ".md")));
	});
});
