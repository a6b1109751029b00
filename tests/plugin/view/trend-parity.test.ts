/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import "./node-globals";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../../src/cli/main";
import { generateVault } from "../../../src/bench/generate";
import type { ScopeChoice } from "../../../src/core/sidebar/scope";
import type { TrendRow } from "../../../src/core/sidebar/trend";
import { PROCESS_ORDER } from "../../../src/core/vocabulary/families";
import { RENDER_DEBOUNCE_MS, type SummaryView } from "../../../src/plugin/view/summary-view";
import { exampleVaultFiles } from "../../helpers/harness";
import { openSidebar as open } from "../../helpers/sidebar";

const openSidebar = async (files: Record<string, string>, active: string, config?: Record<string, unknown>) => (await open(files, active, { config })).view;

/**
 * One core, one answer: the sidebar's "Across sessions" holds, row for row,
 * what `attune trend --format json` prints for the same scope, and its table
 * shows those numbers, on the example vault and on a generated vault.
 */
const EXAMPLE = path.join(__dirname, "../../../example-vault");
const ALL: ScopeChoice = { scope: "vault", folder: "", range: "all", from: "", to: "", noteType: "" };

interface TrendJson {
	sessions: (Omit<TrendRow, "session"> & { session: number | null })[];
	undated: number;
}

function cliTrend(vault: string, args: string[]): TrendJson {
	const r = run(["trend", vault, ...args, "--format", "json"]);
	expect(r.code).toBe(0);
	return JSON.parse(r.stdout) as TrendJson;
}

/** The sidebar's rows in the command line's JSON shape. */
const asJson = (rows: TrendRow[]) => rows.map((r) => ({ path: r.path, date: r.date, session: r.session ?? null, classes: r.classes, emotions: r.emotions, modes: r.modes, responses: r.responses, moves: r.moves, measures: r.measures }));

/** Shows the scope, opens "Across sessions" and its table if needed, and checks both against the command line. */
async function expectParity(view: SummaryView, vault: string, choice: Partial<ScopeChoice>, args: string[]): Promise<void> {
	await view.setState({ ...ALL, ...choice, trendMode: "counts", trendTable: true }, { history: false });
	await jest.advanceTimersByTimeAsync(RENDER_DEBOUNCE_MS + 1);
	const expected = cliTrend(vault, args);
	expect(expected.sessions.length).toBeGreaterThan(0);
	const trend = view.currentModel!.trend!();
	expect(asJson(trend.sessions)).toEqual(expected.sessions);
	expect(trend.undated).toBe(expected.undated);
	const toggle = [...view.contentEl.querySelectorAll<HTMLButtonElement>(".attune-section-toggle")].find((b) => b.firstChild?.textContent === "Across sessions")!;
	if (toggle.getAttribute("aria-expanded") !== "true") toggle.click();
	// What a person reads: one bar and one table row per dated note, the row's counts as the command line's.
	expect(view.contentEl.querySelectorAll(".attune-chart-mark").length).toBe(expected.sessions.length);
	const shown = [...view.contentEl.querySelectorAll(".attune-trend-table tbody tr")].map((tr) => [...tr.children].slice(0, 8).map((c) => c.textContent));
	expect(shown).toEqual(expected.sessions.map((s) => [s.session === null ? "–" : String(s.session), s.date, ...PROCESS_ORDER.map((p) => String(s.classes[p])), String(s.emotions)]));
}

beforeAll(() => jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask"] }));
afterAll(() => jest.useRealTimers());

describe("the sidebar's trend is attune trend's, on the example vault", () => {
	let view: SummaryView;
	beforeAll(async () => {
		view = await openSidebar(exampleVaultFiles(), "Clients/C-101/2026-02-10 session 4.md", { userIgnoreFilters: ["Archive/"] });
	});

	it.each<[string, Partial<ScopeChoice>, string[]]>([
		["this client", { scope: "client" }, ["--client", "C-101"]],
		["this client in February, session notes", { scope: "client", range: "custom", from: "2026-02-01", to: "2026-02-28", noteType: "session" }, ["--client", "C-101", "--from", "2026-02-01", "--to", "2026-02-28", "--note-type", "session"]],
		["a folder", { scope: "folder", folder: "Clients/C-102" }, ["--folder", "Clients/C-102"]],
		["the whole vault", {}, []],
	])("%s", (_name, choice, args) => expectParity(view, EXAMPLE, choice, args));
});

describe("the sidebar's trend is attune trend's, on a generated vault", () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-trend-parity-"));
	const files: Record<string, string> = {};
	let view: SummaryView;
	beforeAll(async () => {
		// 240 notes: 20 clients of 12 sessions.
		for (const n of generateVault(240, 7)) {
			files[n.path] = n.text;
			fs.mkdirSync(path.dirname(path.join(dir, n.path)), { recursive: true });
			fs.writeFileSync(path.join(dir, n.path), n.text);
		}
		const first = Object.keys(files).sort()[0]!;
		view = await openSidebar(files, first);
	});
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	it("for this client", async () => {
		const client = view.currentModel!.scope.client ?? "";
		await expectParity(view, dir, { scope: "client" }, ["--client", client]);
		expect(client).not.toBe("");
	});
	it("for the whole vault", () => expectParity(view, dir, {}, []));
});
