/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import "./node-globals";
import * as path from "node:path";
import { indexVault, readVaultConfig } from "../../../src/cli/vault";
import { run } from "../../../src/cli/main";
import type { ScopeChoice } from "../../../src/core/sidebar/scope";
import { summarize, summaryJson } from "../../../src/core/index/summary";
import { FAMILY_TABLE, PROCESS_CLASSES, PROCESS_LABELS, PROCESS_ORDER, labelFor } from "../../../src/core/vocabulary/families";
import { modalityLabel } from "../../../src/core/sidebar/report";
import { registerSummaryView } from "../../../src/plugin/view/register";
import { LIST_LIMIT } from "../../../src/plugin/view/render";
import { RENDER_DEBOUNCE_MS, type SummaryView, VIEW_TYPE_SUMMARY } from "../../../src/plugin/view/summary-view";
import { type App } from "../../obsidian-double/obsidian";
import { exampleVaultFiles, makeContext } from "../../helpers/harness";

/** One core, one answer: the sidebar counts what `attune summarize` prints, on the example vault. */
const ROOT = path.join(__dirname, "../../../example-vault");
const config = readVaultConfig(ROOT);
const cli = indexVault(ROOT, config);
const ALL: ScopeChoice = { scope: "vault", folder: "", range: "all", from: "", to: "", noteType: "" };

describe("the sidebar and the command line agree on the example vault", () => {
	let app: App;
	let view: SummaryView;

	beforeAll(async () => {
		jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask"] });
		const made = await makeContext(exampleVaultFiles(), { config: { userIgnoreFilters: ["Archive/"] } });
		registerSummaryView(made.ctx);
		app = made.app;
		await app.commands.get("attune:open-summary")!.callback!();
		view = app.workspace.getLeavesOfType(VIEW_TYPE_SUMMARY)[0]!.view as unknown as SummaryView;
		document.body.appendChild(view.containerEl);
		await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath("Clients/C-101/2026-02-10 session 4.md")!);
	});
	afterAll(() => jest.useRealTimers());

	it.each<[string, Partial<ScopeChoice>, Record<string, string>]>([
		["the whole vault", {}, {}],
		["this client", { scope: "client" }, { client: "C-101" }],
		["this note", { scope: "note" }, { path: "Clients/C-101/2026-02-10 session 4.md" }],
		["a folder", { scope: "folder", folder: "Clients/C-102" }, { folder: "Clients/C-102" }],
		["a date range", { range: "custom", from: "2026-02-01", to: "2026-02-28" }, { from: "2026-02-01", to: "2026-02-28" }],
		["the last 30 days", { range: "30" }, { from: "2026-02-15", to: "2026-03-16" }],
		["session notes of a client in February", { scope: "client", range: "custom", from: "2026-02-01", to: "2026-02-28", noteType: "session" }, { client: "C-101", from: "2026-02-01", to: "2026-02-28", noteType: "session" }],
	])("%s", async (_name, choice, filter) => {
		await view.setState({ ...ALL, ...choice }, { history: false });
		await jest.advanceTimersByTimeAsync(RENDER_DEBOUNCE_MS + 1);
		const model = view.currentModel!;
		expect(model.scope.filter).toEqual(filter);
		const expected = summaryJson(summarize(cli, filter, { vocab: config.vocab }));
		expect(expected.notes).toBeGreaterThan(0);
		// Counts in full; diagnostics by place and code, since the wording of a YAML
		// error comes from whichever YAML parser the shell uses (Obsidian's or the CLI's).
		const place = (d: { path: string; line: number; tag: string; code: string }) => `${d.path}:${d.line} ${d.code} ${d.tag}`;
		expect({ ...summaryJson(model.summary), diagnostics: model.summary.diagnostics.map(place) }).toEqual({ ...expected, diagnostics: expected.diagnostics.map(place) });
		expect(model.diagnostics.length).toBe(expected.diagnostics.length);
		// What a person reads in the sidebar: the emotions table and the process shares.
		// A long list shows its first rows and "Show all N"; once shown in full it stays so, with "Show fewer", as the scope changes.
		const more = () => [...view.contentEl.querySelectorAll<HTMLButtonElement>(".attune-section-body button")].find((b) => /^Show (all \d+ emotions|fewer)$/.test(b.textContent ?? ""));
		if (expected.emotions.length > LIST_LIMIT) {
			if (more()?.textContent !== "Show fewer") {
				expect(more()?.textContent).toBe(`Show all ${expected.emotions.length} emotions`);
				more()!.click();
			}
			expect(more()?.textContent).toBe("Show fewer");
		} else {
			expect(more()).toBeUndefined();
		}
		const rows = [...view.contentEl.querySelectorAll(".attune-emotion-table tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent));
		const sorted = [...expected.emotions].sort((a, b) => b.count - a.count || a.emotion.localeCompare(b.emotion));
		expect(rows).toEqual(sorted.map((r) => [r.emotion, PROCESS_LABELS[r.process], String(r.count), String(r.notes)]));
		const shares = [...view.contentEl.querySelectorAll(".attune-share-count")].map((x) => x.textContent);
		expect(shares).toEqual(expected.processShares.map((p) => `${p.count} (${Math.round(p.share * 100)}%)`));
		expect(view.contentEl.querySelector(".attune-scope-line")?.textContent).toContain(`${expected.notes} note`);
		familySections(view.contentEl, expected, choice.scope ?? "vault");
		// A scope holding the example's coding copy says it left it out, as the command line does.
		const copyLine = expected.warnings.find((w) => w.includes("coding copy"));
		expect(copyLine !== undefined).toBe(expected.codingCopies > 0);
		if (copyLine) expect(view.contentEl.textContent).toContain(copyLine);
	});

	it("an excluded folder says why it holds no note, as the command line does", async () => {
		for (const folder of ["Archive"]) {
			await view.setState({ ...ALL, scope: "folder", folder }, { history: false });
			await jest.advanceTimersByTimeAsync(RENDER_DEBOUNCE_MS + 1);
			const r = run(["summarize", ROOT, "--folder", folder, "--format", "json"]);
			const expected = (JSON.parse(r.stdout) as { warnings: string[] }).warnings;
			expect(expected).toEqual([expect.stringContaining("in the vault's excluded files")]);
			expect(view.currentModel!.summary.warnings).toEqual(expected);
			expect(view.contentEl.textContent).toContain(expected[0]);
		}
	});
});

/** Opens a section by its title, as a user would, and gives its body. */
function openSection(el: HTMLElement, title: string): HTMLElement {
	const b = [...el.querySelectorAll<HTMLButtonElement>(".attune-section-title button")].find((x) => x.firstChild?.textContent === title);
	if (!b) throw new Error(`no section ${title}`);
	if (b.getAttribute("aria-expanded") !== "true") b.click();
	return document.getElementById(b.getAttribute("aria-controls")!)!;
}

const cells = (el: Element, sel: string) => [...el.querySelectorAll(`${sel} tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent ?? ""));

type Counted = { count: number; notes: number };

/** A closed family's rows as the sidebar shows them: every word, the JSON's numbers, zero for a word the JSON leaves out. */
function everyWord(family: "therapist" | "relationship", list: (Counted & Record<string, unknown>)[], field: string): string[][] {
	return config.vocab.words[family].map((w) => {
		const r = list.find((x) => x[field] === w);
		return [labelFor(w), String(r?.count ?? 0), String(r?.notes ?? 0)];
	});
}

const byLabel = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!);

/** The numbers of the other families' sections equal the summary's JSON for the same scope. */
function familySections(el: HTMLElement, json: ReturnType<typeof summaryJson>, scope: string): void {
	const moves = json.movesByClass;
	expect(cells(openSection(el, "What was done with each class"), ".attune-byclass-table")).toEqual(
		config.vocab.words.process.map((m) => [labelFor(m), ...PROCESS_ORDER.map((p) => String(moves[p]![m]))]),
	);
	const side = openSection(el, "The therapist's side");
	expect(cells(side, ".attune-resonance-table")).toEqual(json.resonance.slice(0, LIST_LIMIT).map((r) => [r.emotion, String(r.count), String(r.notes)]));
	expect(cells(side, ".attune-therapist-table").map((r) => r.slice(0, 3)).sort(byLabel)).toEqual(everyWord("therapist", json.therapist as never, "process").sort(byLabel));
	// The therapist's side never holds a client emotion's row.
	expect(side.querySelector(".attune-emotion-table")).toBeNull();
	expect(cells(openSection(el, "Relationship"), ".attune-relationship-table").map((r) => r.slice(0, 3)).sort(byLabel)).toEqual(everyWord("relationship", json.relationship as never, "ingredient").sort(byLabel));
	const compassion = json.compassion as (Counted & { element: string; direction: string })[];
	const directions = ["self", "other", "unspecified"];
	expect(cells(openSection(el, "Compassion"), ".attune-compassion-table")).toEqual(config.vocab.words.compassion.map((e) => {
		const n = directions.map((d) => compassion.filter((c) => c.element === e && c.direction === d).reduce((t, c) => t + c.count, 0));
		return [labelFor(e), ...n.map(String), String(n.reduce((a, b) => a + b, 0))];
	}));
	// The codebook's count of each term: the classes' shares, and each closed word's occurrences over its qualifiers.
	const terms = [...openSection(el, "Codebook").querySelectorAll(".attune-codebook-term")].map((t) => [t.querySelector(".attune-codebook-tag")?.textContent, t.querySelector(".attune-codebook-count")?.textContent]);
	const expectedTerms: (string | undefined)[][] = [];
	for (const def of FAMILY_TABLE) {
		if (!def.study) continue;
		const word = config.vocab.families[def.key];
		if (def.study.of === "classes") {
			for (const p of PROCESS_CLASSES) expectedTerms.push([`#${word}/<emotion>/${p}`, `${json.processShares.find((x) => x.process === p)!.count} in this scope`]);
			continue;
		}
		const list = json[def.summary.list] as (Counted & Record<string, unknown>)[];
		for (const w of config.vocab.words[def.key]) expectedTerms.push([`#${word}/${w}`, `${list.filter((r) => r[def.summary.field] === w).reduce((n, r) => n + r.count, 0)} in this scope`]);
	}
	expect(terms).toEqual(expectedTerms);
	if (scope === "vault" || scope === "folder") {
		expect(cells(openSection(el, "Empathy modes by modality"), ".attune-bymodality-table")).toEqual(
			json.modesByModality.map((r) => [modalityLabel(r.modality), String(r.notes), ...config.vocab.words.empathy.map((m) => String(r.modes[m]))]),
		);
	}
}
