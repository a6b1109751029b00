/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 *
 * The sidebar's "Needs attention" lists the finalized notes whose content
 * changed after finalizing or co-signing, each opening its note; the list
 * follows edits made after the vault was read.
 */
import "../view/node-globals";
import { TFile, type WorkspaceLeaf } from "../../obsidian-double/obsidian";
import { registerSummaryView } from "../../../src/plugin/view/register";
import { RENDER_DEBOUNCE_MS, type SummaryView, VIEW_TYPE_SUMMARY } from "../../../src/plugin/view/summary-view";
import { makeContext } from "../../helpers/harness";
import { asDouble } from "../authoring/setup";
import { cliStatus, finalizedText, finalizedTrio, sessionDraft } from "./status";

const draft = sessionDraft;
const INTACT = "Clients/C-1/s1.md";
const CHANGED = "Clients/C-1/s2.md";
const COSIGNED = "Clients/C-1/s3.md";
const OTHER = "Clients/C-2/s1.md";

function files(): Record<string, string> {
	const trio = finalizedTrio("C-1");
	return {
		[INTACT]: trio.intact,
		// Edited after finalizing, outside Attune.
		[CHANGED]: trio.changed,
		[COSIGNED]: trio.cosigned,
		[OTHER]: finalizedText(draft("C-2", 1, "Afraid. #emotion/fear/primary-maladaptive")).replace("Afraid.", "Not afraid."),
		"Clients/C-1/draft.md": draft("C-1", 4, "A draft, never finalized. #emotion/anger/secondary"),
	};
}

/** Lets the record watch verify, one note at a time, and the debounced render fire. */
async function settle(ctx: { records: { settled(): Promise<void> } }): Promise<void> {
	for (let i = 0; i < 20; i++) await jest.advanceTimersByTimeAsync(1);
	await ctx.records.settled();
	await jest.advanceTimersByTimeAsync(RENDER_DEBOUNCE_MS + 1);
}

async function setup(scope: "client" | "vault") {
	const made = await makeContext(files(), { settings: { viewScope: scope } });
	const app = asDouble(made.app);
	registerSummaryView(made.ctx);
	const fileAt = (path: string): TFile => {
		const f = app.vault.getAbstractFileByPath(path);
		if (!(f instanceof TFile)) throw new Error(`no note ${path}`);
		return f;
	};
	const open = async (path: string): Promise<WorkspaceLeaf> => {
		const leaf = app.workspace.getLeaf(false);
		await leaf.openFile(fileAt(path));
		return leaf;
	};
	await open(INTACT);
	await app.commands.get("attune:open-summary")!.callback!();
	const view = app.workspace.getLeavesOfType(VIEW_TYPE_SUMMARY)[0]!.view as unknown as SummaryView;
	document.body.appendChild(view.containerEl);
	await settle(made.ctx);
	view.onResize();
	const el = view.contentEl;
	const attention = () => {
		const b = [...el.querySelectorAll<HTMLButtonElement>(".attune-section-title button")].find((x) => x.firstChild?.textContent === "Needs attention");
		if (!b) return null;
		if (b.getAttribute("aria-expanded") !== "true") b.click();
		return { title: b.textContent, changed: [...el.querySelectorAll(".attune-changed-records button")].map((x) => x.textContent) };
	};
	return { ...made, app, el, open, attention, fileAt };
}

beforeEach(() => {
	jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask"] });
	document.body.empty();
});
afterEach(() => jest.useRealTimers());

describe("Needs attention: finalized notes that changed", () => {
	it("lists the changed notes of the scope, changed after finalizing or after co-signing, and not the intact one", async () => {
		const s = await setup("client");
		expect(s.attention()).toEqual({
			title: "Needs attention (2)",
			changed: [
				`${CHANGED}Changed after finalizing (finalized 2026-03-16 at 09:30).`,
				`${COSIGNED}Changed after co-signing (finalized 2026-03-16 at 09:30).`,
			],
		});
		// The command line says the same of each note.
		for (const [p, status] of [[INTACT, "intact"], [CHANGED, "changed"], [COSIGNED, "changed-after-cosigning"]]) expect(cliStatus(await s.app.vault.read(s.fileAt(p!)))).toBe(status);
	});

	it("lists every client's in the whole vault", async () => {
		const s = await setup("vault");
		expect(s.attention()?.changed.map((t) => t?.split("Changed")[0])).toEqual([CHANGED, COSIGNED, OTHER]);
	});

	it("opens the note from its line", async () => {
		const s = await setup("client");
		s.attention();
		const b = [...s.el.querySelectorAll<HTMLButtonElement>(".attune-changed-records button")].find((x) => x.getAttribute("aria-label") === `Open ${CHANGED}: changed after finalizing`)!;
		b.click();
		await settle(s.ctx);
		expect(s.app.workspace.getLeaf(false).opened.at(-1)?.path).toBe(CHANGED);
	});

	it("adds a note edited after the vault was read, and takes it away when the edit is undone", async () => {
		const s = await setup("client");
		const file = s.fileAt(INTACT);
		const before = await s.app.vault.read(file);
		await s.app.vault.process(file, (t) => t.replace("ashamed", "proud"));
		await settle(s.ctx);
		expect(s.attention()?.changed.map((t) => t?.split("Changed")[0])).toEqual([INTACT, CHANGED, COSIGNED]);
		await s.app.vault.process(file, () => before);
		await settle(s.ctx);
		expect(s.attention()?.changed.map((t) => t?.split("Changed")[0])).toEqual([CHANGED, COSIGNED]);
	});

	it("does not list a note after an addendum, and drops a changed note that is deleted", async () => {
		const s = await setup("client");
		const file = s.fileAt(INTACT);
		await s.app.vault.process(file, (t) => `${t}\n## Addenda\n\n> [!addendum] Dana Reyes, 2026-03-17T10:00\n> The session was the 4th.\n`);
		await s.app.vault.delete(s.fileAt(CHANGED));
		await settle(s.ctx);
		expect(s.attention()?.changed.map((t) => t?.split("Changed")[0])).toEqual([COSIGNED]);
	});
});
