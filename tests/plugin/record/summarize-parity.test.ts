/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 *
 * One vault, one answer: for each scope, the sidebar's "Needs attention"
 * lists the same notes as the diagnostics of `attune summarize --format
 * json` (of `attune inspect` for one note) on the same files, the finalized
 * notes that changed after finalizing or after co-signing included and the
 * intact one left out. The sidebar hashes with Web Crypto as it watches the
 * vault; the command line with Node's crypto as it reads each note.
 */
import "../view/node-globals";
import { webcrypto } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TFile } from "../../obsidian-double/obsidian";
import { run } from "../../../src/cli/main";
import type { ScopeChoice } from "../../../src/core/sidebar/scope";
import { attentionDiagnostics } from "../../../src/core/sidebar/view-model";
import type { AttuneContext } from "../../../src/plugin/context";
import { copyDiagnosticReport } from "../../../src/plugin/support/register";
import { registerSummaryView } from "../../../src/plugin/view/register";
import { RENDER_DEBOUNCE_MS, type SummaryView, VIEW_TYPE_SUMMARY } from "../../../src/plugin/view/summary-view";
import { makeContext } from "../../helpers/harness";
import { asDouble } from "../authoring/setup";
import { finalizedText, finalizedTrio, sessionDraft } from "./status";

// Obsidian has Web Crypto on every platform; Node has it too, as `webcrypto`, when jsdom's global lacks it.
const g = globalThis as { crypto?: Crypto };
g.crypto ??= webcrypto as unknown as Crypto;

const draft = sessionDraft;
const INTACT = "Clients/C-1/s1.md";
const CHANGED = "Clients/C-1/s2.md";
const COSIGNED = "Clients/C-1/s3.md";

function files(): Record<string, string> {
	const trio = finalizedTrio("C-1");
	return {
		[INTACT]: trio.intact,
		// Edited after finalizing, outside Attune.
		[CHANGED]: trio.changed,
		// Co-signed, then edited.
		[COSIGNED]: trio.cosigned,
		// A tag problem beside them, in a draft.
		"Clients/C-1/s4.md": draft("C-1", 4, "A draft. #emotion and #empathy/atunement"),
		// Finalized, and its properties no longer parse: no scope by client or date can place it, none hides it.
		"Clients/C-1/broken.md": "---\nclient: C-1\nfinalized-on: 2026-03-16T09:30\ncontent-sha256: [\n---\nBody.\n",
		"Clients/C-2/s1.md": finalizedText(draft("C-2", 1, "Afraid. #emotion/fear/primary-maladaptive")).replace("Afraid.", "Not afraid."),
	};
}

const ALL: ScopeChoice = { scope: "vault", folder: "", range: "all", from: "", to: "", noteType: "" };

describe("Needs attention in the sidebar and attune summarize agree", () => {
	let dir: string;
	let view: SummaryView;
	let ctx: AttuneContext;

	beforeAll(async () => {
		jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask"] });
		dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-attention-parity-"));
		fs.mkdirSync(path.join(dir, ".obsidian"));
		for (const [p, t] of Object.entries(files())) {
			fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
			fs.writeFileSync(path.join(dir, p), t, "utf8");
		}
		const made = await makeContext(files());
		ctx = made.ctx;
		const app = asDouble(made.app);
		registerSummaryView(made.ctx);
		const file = app.vault.getAbstractFileByPath(CHANGED);
		if (!(file instanceof TFile)) throw new Error(`no note ${CHANGED}`);
		await app.workspace.getLeaf(false).openFile(file);
		await app.commands.get("attune:open-summary")!.callback!();
		view = app.workspace.getLeavesOfType(VIEW_TYPE_SUMMARY)[0]!.view as unknown as SummaryView;
		document.body.appendChild(view.containerEl);
		// The record watch verifies one note at a time, yielding between notes.
		for (let i = 0; i < 20; i++) await jest.advanceTimersByTimeAsync(1);
		await made.ctx.records.settled();
	});
	afterAll(() => {
		jest.useRealTimers();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	/** What the sidebar lists: its heading, the changed notes by path, then each problem by place. */
	function sidebar(): { title: string | null; items: string[] } {
		const el = view.contentEl;
		const b = [...el.querySelectorAll<HTMLButtonElement>(".attune-section-title button")].find((x) => x.firstChild?.textContent === "Needs attention");
		if (!b) return { title: null, items: [] };
		if (b.getAttribute("aria-expanded") !== "true") b.click();
		const where = (sel: string) => [...el.querySelectorAll(`${sel} .attune-diagnostic-where`)].map((x) => x.textContent ?? "");
		return { title: b.textContent, items: [...where(".attune-changed-records"), ...where(".attune-diagnostics")] };
	}

	/** What the command line lists for the same files, in the sidebar's order: changed notes first. */
	function commandLine(args: string[]): { title: string | null; items: string[] } {
		const out = JSON.parse(run([...args, "--format", "json"]).stdout) as { diagnostics: { path: string; line: number; tag: string; code: string }[] };
		const records = out.diagnostics.filter((d) => d.code === "record-changed").map((d) => d.path).sort();
		const others = out.diagnostics.filter((d) => d.code !== "record-changed").map((d) => `${d.path}:${d.line} · ${d.tag}`);
		return { title: out.diagnostics.length === 0 ? null : `Needs attention (${out.diagnostics.length})`, items: [...records, ...others] };
	}

	it.each<[string, Partial<ScopeChoice>, (dir: string) => string[], string[]]>([
		["the whole vault", {}, (d) => ["summarize", d], [CHANGED, COSIGNED, "Clients/C-1/broken.md", "Clients/C-2/s1.md"]],
		["this client", { scope: "client" }, (d) => ["summarize", d, "--client", "C-1"], [CHANGED, COSIGNED, "Clients/C-1/broken.md"]],
		["a folder", { scope: "folder", folder: "Clients/C-2" }, (d) => ["summarize", d, "--folder", "Clients/C-2"], ["Clients/C-2/s1.md"]],
		["a date range", { range: "custom", from: "2026-03-03", to: "2026-03-04" }, (d) => ["summarize", d, "--from", "2026-03-03", "--to", "2026-03-04"], [COSIGNED, "Clients/C-1/broken.md"]],
		["session notes", { noteType: "session" }, (d) => ["summarize", d, "--note-type", "session"], [CHANGED, COSIGNED, "Clients/C-1/broken.md", "Clients/C-2/s1.md"]],
		["this note", { scope: "note" }, (d) => ["inspect", path.join(d, CHANGED)], [CHANGED]],
	])("%s", async (_name, choice, args, changed) => {
		await view.setState({ ...ALL, ...choice }, { history: false });
		await jest.advanceTimersByTimeAsync(RENDER_DEBOUNCE_MS + 1);
		const cli = commandLine(args(dir));
		// The changed notes named, in both: never the intact one.
		expect(cli.items.filter((i) => !i.includes(":"))).toEqual([...changed].sort());
		expect(sidebar()).toEqual(cli);
		// What the sidebar's exports print: the same diagnostics, place, line and code, in the same order.
		const place = (d: { path: string; line: number; code: string; tag: string }) => `${d.path}:${d.line} ${d.code} ${d.tag}`;
		const json = JSON.parse(run([...args(dir), "--format", "json"]).stdout) as { diagnostics: { path: string; line: number; tag: string; code: string }[] };
		expect(attentionDiagnostics(view.currentModel!).map(place)).toEqual(json.diagnostics.map(place));
	});

	it("counts them in the diagnostic report, as the command line does", async () => {
		let copied = "";
		Object.defineProperty(navigator, "clipboard", { value: { writeText: async (t: string) => void (copied = t) }, configurable: true });
		await copyDiagnosticReport(ctx);
		const json = JSON.parse(run(["summarize", dir, "--format", "json"]).stdout) as { diagnostics: { code: string }[] };
		const n = json.diagnostics.filter((d) => d.code === "record-changed").length;
		expect(n).toBe(4);
		expect(copied).toContain(`\n  record-changed: ${n}\n`);
	});

	it("copies the changed notes into the Markdown summary, as attune summarize --format markdown prints them", async () => {
		const writeText = jest.fn(async (_text: string) => {});
		Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
		await view.setState({ ...ALL, scope: "client" }, { history: false });
		await jest.advanceTimersByTimeAsync(RENDER_DEBOUNCE_MS + 1);
		const el = view.contentEl;
		const section = [...el.querySelectorAll<HTMLButtonElement>(".attune-section-title button")].find((x) => x.firstChild?.textContent === "Export")!;
		if (section.getAttribute("aria-expanded") !== "true") section.click();
		el.querySelector<HTMLButtonElement>('button[aria-label="Copy the summary as a Markdown table"]')!.click();
		await jest.advanceTimersByTimeAsync(1);
		// The rows of "Needs attention" by note, line and code (a YAML error's wording is its parser's).
		const rows = (md: string) => md.slice(md.indexOf("### Needs attention")).split("\n").filter((l) => l.startsWith("| Clients/")).map((l) => l.split(" | ").slice(0, 3).join(" | "));
		const copied = rows(writeText.mock.calls[0]![0]);
		expect(copied.filter((r) => r.endsWith("record-changed"))).toEqual(["| Clients/C-1/broken.md | 4", `| ${CHANGED} | 8`, `| ${COSIGNED} | 11`].map((r) => `${r} | record-changed`));
		expect(copied).toEqual(rows(run(["summarize", dir, "--client", "C-1", "--format", "markdown"]).stdout));
	});
});
