/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { type App, MarkdownView, Notice, type Plugin, TFile, type WorkspaceLeaf } from "../../obsidian-double/obsidian";
import { renderMarkdown } from "../../../src/core/sidebar/report";
import { summarize, summaryJson } from "../../../src/core/index/summary";
import type { AttuneContext } from "../../../src/plugin/context";
import { openSummaryView, registerSummaryView } from "../../../src/plugin/view/register";
import { RENDER_DEBOUNCE_MS, SummaryView, VIEW_TYPE_SUMMARY } from "../../../src/plugin/view/summary-view";
import { LIST_LIMIT } from "../../../src/plugin/view/render";
import { DEFAULT_VOCABULARY } from "../../../src/core/vocabulary/families";
import { loadPlugin, makeContext } from "../../helpers/harness";

const S1 = `---
note-type: session
client: C-1
date: 2026-03-02
session: 1
---
## Emotions
- Sharp about him #emotion/anger/secondary.
- I guessed at hurt #response/conjecture and her eyes filled #emotion/hurt/primary-adaptive.
- Then "pathetic" #emotion/shame/primary-maladaptive.
`;
const S2 = `---
note-type: session
client: C-1
date: 2026-03-09
session: 2
review: requested
---
Stayed close #empathy/attunement. She cried #emotion/sadness/primary-adaptive.

Sad with her #resonance/sadness and #emotion/typo/toxic.
`;
const SUP = `---
note-type: supervision
client: C-1
date: 2026-03-10
rating-empathy: 4
---
> [!supervisor] Slow down at the shame
> More here.
`;
const OTHER = "---\nclient: C-2\ndate: 2026-03-01\n---\n#emotion/fear/primary-maladaptive\n";
const FILES = { "Clients/C-1/s1.md": S1, "Clients/C-1/s2.md": S2, "Supervision/sup.md": SUP, "Clients/C-2/o.md": OTHER };

/** Lets promises run and the debounced render fire. */
async function settle(): Promise<void> {
	await jest.advanceTimersByTimeAsync(RENDER_DEBOUNCE_MS + 1);
}

async function setup(files: Record<string, string> = FILES, scope: "note" | "client" | "folder" | "vault" = "client") {
	const made = await makeContext(files, { settings: { viewScope: scope } });
	registerSummaryView(made.ctx);
	// The harness is typed with Obsidian's API; the tests also use the double's helpers.
	const app = made.app;
	const plugin = made.plugin;
	return { ctx: made.ctx, saved: made.saved, app, plugin, ...(await openView(app)) };
}

/** Runs the command, shows the view in the document (as the sidebar would), and renders it. */
async function openView(app: App) {
	await app.commands.get("attune:open-summary")!.callback!();
	const leaf = app.workspace.getLeavesOfType(VIEW_TYPE_SUMMARY)[0]!;
	const view = leaf.view as unknown as SummaryView;
	document.body.appendChild(view.containerEl);
	view.onResize();
	return { view, leaf, el: view.contentEl };
}

async function openNote(app: App, path: string) {
	const file = app.vault.getFileByPath(path)!;
	const leaf: WorkspaceLeaf = app.workspace.getLeaf(false);
	await leaf.openFile(file);
	return leaf;
}

const rows = (el: HTMLElement, sel: string) => [...el.querySelectorAll(`${sel} tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent ?? ""));
const button = (el: HTMLElement, label: RegExp) => {
	const b = [...el.querySelectorAll("button")].find((x) => label.test(x.getAttribute("aria-label") ?? ""));
	if (!b) throw new Error(`no button ${label}`);
	return b;
};
/** A section's heading button, found by the title a user reads. */
const heading = (el: HTMLElement, title: string) => {
	const b = [...el.querySelectorAll<HTMLButtonElement>(".attune-section-title button")].find((x) => x.firstChild?.textContent === title);
	if (!b) throw new Error(`no section ${title}`);
	return b;
};
/** Opens a section that starts closed, as a user would: by its heading. */
const openSection = (el: HTMLElement, title: string) => {
	const b = heading(el, title);
	if (b.getAttribute("aria-expanded") !== "true") b.click();
	expect(b.getAttribute("aria-expanded")).toBe("true");
};

beforeEach(() => {
	jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask"] });
	document.body.empty();
	Notice.messages = [];
});
afterEach(() => jest.useRealTimers());

describe("opening the view", () => {
	it("registers the command and ribbon icon, and reveals one instance however often it is run", async () => {
		const { app, plugin } = await setup();
		const revealed: unknown[] = [];
		app.workspace.on("test:reveal", (l) => revealed.push(l));
		expect(plugin._ribbon.map((r) => r.title)).toEqual(["Open emotion summary"]);
		await openSummaryView(app as never);
		plugin._ribbon[0]!.cb(new MouseEvent("click"));
		await settle();
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_SUMMARY)).toHaveLength(1);
		expect(revealed.length).toBe(2);
	});

	it("follows the open note: this client's emotions, counted as summarize counts them", async () => {
		const { app, ctx, el } = await setup();
		expect(el.textContent).toMatch(/Open a session note/);
		await openNote(app, "Clients/C-1/s1.md");
		const s = summaryJson(summarize(ctx.index, { client: "C-1" }));
		expect(rows(el, ".attune-emotion-table")).toEqual(s.emotions.map((r) => [r.emotion, expect.stringMatching(/./) as unknown as string, String(r.count), String(r.notes)]));
		expect(el.querySelector(".attune-scope-label")?.textContent).toBe("Client C-1");
		await openNote(app, "Clients/C-2/o.md");
		expect(rows(el, ".attune-emotion-table").map((r) => r[0])).toEqual(["fear"]);
	});

	it("says, above the numbers, which note of this client's folder it could not place", async () => {
		const broken = "---\nclient: C-1\ndate: \"2026-03-16\n---\n#emotion/fear/secondary\n";
		const { app, el } = await setup({ ...FILES, "Clients/C-1/s3.md": broken });
		await openNote(app, "Clients/C-1/s1.md");
		const notices = [...el.querySelectorAll(".attune-empty p")].map((p) => p.textContent);
		expect(notices[0]).toMatch(/^1 note could not be placed in this scope because its properties are not valid YAML: Clients\/C-1\/s3\.md\. Fix them and it will be counted\. It sits in C-1's session folder \(Clients\/C-1\)\.$/);
		// The notice comes before the numbers, and the numbers are the placed notes'.
		expect(el.textContent.indexOf("could not be placed")).toBeLessThan(el.textContent.indexOf("Emotions"));
		expect(rows(el, ".attune-emotion-table").map((r) => r[0])).not.toContain("fear");
	});

	it("while the vault is being read, says how far it has come and shows no partial numbers", async () => {
		const { ctx, view, el } = await setup(FILES, "vault");
		expect(el.querySelector(".attune-share-count")).not.toBeNull();
		// A settings change re-reads the vault: the index is cleared and refilled.
		const rebuilt = ctx.indexer.rebuild();
		view.onResize();
		expect(el.textContent).toContain("Reading the vault… 0 of 4 notes.");
		expect(el.querySelector(".attune-share-count")).toBeNull();
		expect(el.querySelector(".attune-emotion-table")).toBeNull();
		await rebuilt;
		await settle();
		expect(el.textContent).not.toContain("Reading the vault");
		expect(el.querySelector(".attune-share-count")).not.toBeNull();
	});

	it("shows what to do first when nothing is tagged", async () => {
		const { app, el } = await setup({ "a.md": "---\nclient: C-9\n---\nJust text." });
		await openNote(app, "a.md");
		expect(el.querySelector(".attune-empty")?.textContent).toMatch(/Code client emotion/);
		expect(el.querySelector(".attune-section-emotions")).toBeNull();
	});
});

describe("live while open", () => {
	it("updates when a note changes, is renamed, and is deleted", async () => {
		const { app, el } = await setup(FILES, "vault");
		const count = (emotion: string) => rows(el, ".attune-emotion-table").find((r) => r[0] === emotion)?.[2];
		expect(count("shame")).toBe("1");
		await app.vault.process(app.vault.getFileByPath("Clients/C-1/s2.md")!, (t) => t + "Again small #emotion/shame/primary-maladaptive\n");
		expect(count("shame")).toBe("1");
		await settle();
		expect(count("shame")).toBe("2");

		await app.vault.rename(app.vault.getFileByPath("Clients/C-1/s2.md")!, "Clients/C-1/renamed.md");
		await settle();
		expect(count("shame")).toBe("2");
		button(el, /Show passages for shame/).click();
		expect([...el.querySelectorAll(".attune-passage-where")].map((x) => x.textContent)).toEqual([
			"2026-03-02 · s1 · line 10", "2026-03-09 · renamed · line 11",
		]);

		await app.fileManager.trashFile(app.vault.getFileByPath("Clients/C-1/renamed.md")!);
		await settle();
		expect(count("shame")).toBe("1");
		expect(count("sadness")).toBeUndefined();
	});

	it("follows a renamed open note, and says so when it is deleted", async () => {
		const { app, el } = await setup(FILES, "note");
		await openNote(app, "Clients/C-1/s1.md");
		await app.vault.rename(app.vault.getFileByPath("Clients/C-1/s1.md")!, "Clients/C-1/first.md");
		await settle();
		expect(el.querySelector(".attune-scope-label")?.textContent).toBe("first");
		await app.fileManager.trashFile(app.vault.getFileByPath("Clients/C-1/first.md")!);
		await settle();
		expect(el.textContent).toMatch(/Open a note to see what was tagged/);
	});

	it("does not render while hidden, and catches up when shown", async () => {
		const { app, view, el } = await setup(FILES, "vault");
		view.containerEl.remove();
		const before = el.innerHTML;
		await app.vault.process(app.vault.getFileByPath("Clients/C-2/o.md")!, (t) => t + "#emotion/joy\n");
		await settle();
		expect(el.innerHTML).toBe(before);
		document.body.appendChild(view.containerEl);
		view.onResize();
		expect(rows(el, ".attune-emotion-table").some((r) => r[0] === "joy")).toBe(true);
	});
});

describe("closing, reopening and unloading", () => {
	it("leaves no listener behind when closed, and reopens with the saved scope", async () => {
		const { app, leaf, view, saved, ctx } = await setup();
		const events = () => [app.workspace.listenerCount("active-leaf-change"), app.workspace.listenerCount("file-open"), app.vault.listenerCount("rename")];
		(view.contentEl.querySelector("select[aria-label='Scope']") as HTMLSelectElement).value = "folder";
		view.contentEl.querySelector("select[aria-label='Scope']")!.dispatchEvent(new Event("change"));
		expect(saved.at(-1)?.viewScope).toBe("folder");
		expect(view.getState()).toMatchObject({ scope: "folder" });
		const baseline = [0, 0, 2]; // the rename listeners of the indexer and of the record watch, which live with the plugin
		expect(events()).not.toEqual(baseline);
		leaf.detach();
		expect(events()).toEqual(baseline);
		ctx.index.set(ctx.index.get("Clients/C-2/o.md")!); // a change after closing reaches nobody
		const again = await openView(app);
		expect(again.view).not.toBe(view);
		expect((again.el.querySelector("select[aria-label='Scope']") as HTMLSelectElement).value).toBe("folder");
	});

	it("restores the state Obsidian saved with the layout, ignoring what is not valid", async () => {
		const { view, saved } = await setup();
		await view.setState({ scope: "vault", range: "90", noteType: 7 }, { history: false });
		expect(view.getState()).toMatchObject({ scope: "vault", range: "90", noteType: "" });
		expect(saved.at(-1)).toMatchObject({ viewScope: "vault", viewRange: "90" });
		expect(view.contentEl.querySelector(".attune-scope-line")?.textContent).toMatch(/2025-12-17 to 2026-03-16/);
	});

	it("leaves no listeners when the plugin unloads", async () => {
		const loaded = await loadPlugin(FILES);
		const app = loaded.app;
		await app.commands.get("attune:open-summary")!.callback!();
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_SUMMARY)).toHaveLength(1);
		(loaded.plugin as unknown as Plugin).unload();
		for (const [events, names] of [[app.workspace, ["active-leaf-change", "file-open", "layout-change"]], [app.vault, ["rename", "delete", "modify", "create"]], [app.metadataCache, ["changed"]]] as const) {
			for (const n of names) expect([n, events.listenerCount(n)]).toEqual([n, 0]);
		}
		expect(app.commands.has("attune:open-summary")).toBe(false);
	});
});

describe("from a number to the passage behind it", () => {
	it("lists an emotion's passages with their text, and opens the note at the passage's line", async () => {
		const { app, el } = await setup();
		await openNote(app, "Clients/C-1/s1.md");
		button(el, /Show passages for hurt, primary adaptive/).click();
		await settle();
		const texts = [...el.querySelectorAll(".attune-passage-text")].map((x) => x.textContent);
		expect(texts).toEqual(["- I guessed at hurt #response/conjecture and her eyes filled #emotion/hurt/primary-adaptive."]);
		button(el, /Open s1 at line 9/).click();
		await settle();
		const opened = app.workspace.getLeaf(false).opened.at(-1);
		expect(opened).toEqual({ path: "Clients/C-1/s1.md", state: { active: true, eState: { line: 8 } } });
	});

	it("sorts the emotions table by any column, and keeps focus on the sort button", async () => {
		const { app, el } = await setup();
		await openNote(app, "Clients/C-1/s1.md");
		button(el, /Sort by emotion/).focus();
		button(el, /Sort by emotion/).click();
		expect(rows(el, ".attune-emotion-table").map((r) => r[0])).toEqual(["anger", "hurt", "sadness", "shame", "typo"]);
		expect(document.activeElement?.textContent).toBe("Emotion ↑");
		button(el, /Sort by emotion, descending/).click();
		expect(rows(el, ".attune-emotion-table").map((r) => r[0])).toEqual(["typo", "shame", "sadness", "hurt", "anger"]);
	});

	it("draws one mark per dated note, each labelled in words; Enter shows its numbers, a second action opens it", async () => {
		const { app, el } = await setup();
		await openNote(app, "Clients/C-1/s2.md");
		const marks = [...el.querySelectorAll(".attune-chart-mark")];
		expect(marks.map((m) => m.getAttribute("aria-label"))).toEqual([
			"Session 1, 2026-03-02, s1: 1 primary adaptive (33%), 1 primary maladaptive (33%), 1 secondary (33%); 3 in all.",
			"Session 2, 2026-03-09, s2: 1 primary adaptive (50%), 1 not classified (50%); 2 in all.",
			"No session number, 2026-03-10, sup: no client emotions.",
		]);
		marks[0]!.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		expect(el.querySelector(".attune-readout-head")?.textContent).toBe("Session 1 · 2026-03-02 · s1");
		expect(app.workspace.getActiveFile()?.path).toBe("Clients/C-1/s2.md");
		button(el, /^Open s1$/).click();
		await settle();
		expect(app.workspace.getActiveFile()?.path).toBe("Clients/C-1/s1.md");
	});

	it("shows a session's emotions in reading order in the note scope", async () => {
		const { app, el } = await setup(FILES, "note");
		await openNote(app, "Clients/C-1/s1.md");
		expect([...el.querySelectorAll(".attune-step-button")].map((b) => b.textContent)).toEqual([
			"Secondaryanger", "Primary adaptivehurt", "Primary maladaptiveshame",
		]);
		expect(el.querySelectorAll(".attune-step-after")[1]?.textContent).toBe("after empathic conjecture");
	});

	it("opens the passages behind a response-by-process cell", async () => {
		const { app, el } = await setup();
		await openNote(app, "Clients/C-1/s1.md");
		openSection(el, "Responses and emotions");
		button(el, /Show the 1 primary maladaptive emotion after empathic conjecture/).click();
		await settle();
		expect([...el.querySelectorAll(".attune-passage-text")].map((x) => x.textContent)).toEqual(['- Then "pathetic" #emotion/shame/primary-maladaptive.']);
	});

	it("counts the therapist's processes, the relationship and compassion by direction, in words", async () => {
		const note = "---\nclient: C-1\nnote-type: session\ndate: 2026-03-02\n---\nShe held it gently. #compassion/feeling/self #compassion/feeling/other #compassion/acting\nI steadied myself. #therapist/regulating #relationship/presence\n";
		const { app, el } = await setup({ ...FILES, "Clients/C-1/s3.md": note });
		await openNote(app, "Clients/C-1/s3.md");
		await settle();
		openSection(el, "Responses and emotions");
		const group = (title: string) => [...el.querySelectorAll(".attune-count-group")].find((g) => g.querySelector("h5")?.textContent === title);
		const items = (title: string) => [...group(title)!.querySelectorAll("li")].map((li) => li.textContent);
		// Every closed value is listed, zero included: a process never coded is information too.
		expect(items("Therapist's processes")).toEqual(["Regulating own resonance1 in 1 note", "Perspective-taking0 in 0 notes", "Empathic distress0 in 0 notes"]);
		expect(items("Relationship")).toContain("Therapeutic presence1 in 1 note");
		expect(items("Relationship")).toContain("Congruence0 in 0 notes");
		expect(items("Compassion")).toEqual(expect.arrayContaining(["Feeling for the person: for another1 in 1 note", "Feeling for the person: for oneself1 in 1 note", "Motivation to act: direction not said1 in 1 note"]));
	});

	it("lists review requests, open comments and diagnostics, each opening its line", async () => {
		const { app, el } = await setup();
		await openNote(app, "Clients/C-1/s1.md");
		openSection(el, "Supervision");
		openSection(el, "Needs attention");
		expect(button(el, /Open s2, review requested/)).toBeTruthy();
		button(el, /Open the comment in sup at line 7/).click();
		await settle();
		expect(app.workspace.getLeaf(false).opened.at(-1)).toEqual({ path: "Supervision/sup.md", state: { active: true, eState: { line: 6 } } });
		await openNote(app, "Clients/C-1/s1.md");
		button(el, /Open Clients\/C-1\/s2.md at line 10/).click();
		await settle();
		expect(app.workspace.getLeaf(false).opened.at(-1)).toEqual({ path: "Clients/C-1/s2.md", state: { active: true, eState: { line: 9 } } });
		expect(el.querySelector(".attune-ratings caption")?.textContent).toBe("Client C-1");
	});

	it("sets note text as text, never as HTML", async () => {
		const { app, el } = await setup({ "x.md": "---\nclient: C-1\n---\n<img src=x onerror=alert(1)> #emotion/fear\n\n> [!supervisor] <b>bold</b>\n" }, "note");
		await openNote(app, "x.md");
		button(el, /Show passages for fear/).click();
		await settle();
		expect(el.querySelector("img, b")).toBeNull();
		expect(el.querySelector(".attune-passage-text")?.textContent).toBe("<img src=x onerror=alert(1)> #emotion/fear");
	});
});

describe("sections that open and close", () => {
	it("opens what is read at a glance, and shows the other sections as headings that say what they hold", async () => {
		const { app, el } = await setup();
		await openNote(app, "Clients/C-1/s1.md");
		const expanded = (title: string) => heading(el, title).getAttribute("aria-expanded");
		expect(["Emotion process", "Emotions", "Across sessions"].map(expanded)).toEqual(["true", "true", "true"]);
		expect(["Responses and emotions", "The therapist's side", "Supervision", "Hours", "Needs attention", "Export"].map(expanded)).toEqual(["false", "false", "false", "false", "false", "false"]);
		expect([...el.querySelectorAll(".attune-section-title")].map((h) => h.textContent)).toEqual([
			"Emotion process", "Emotions (5)", "Across sessions (3)", "What was done with each class", "Responses and emotions", "The therapist's side (1)",
			"Relationship (0)", "Compassion (0)", "Codebook (41 terms)", "Supervision (1 to review, 1 open comment)", "Hours (0 direct, 0 supervision)", "Needs attention (1)", "Export",
		]);
		// A closed section is only its heading: nothing inside it is drawn.
		expect(el.querySelector(".attune-response-table, .attune-ratings, .attune-diagnostics")).toBeNull();
		expect(() => button(el, /Copy the summary/)).toThrow();
		expect(heading(el, "Export").hasAttribute("aria-controls")).toBe(false);
	});

	it("opens and closes a section from its heading, keeping focus there and leaving the rest as it was", async () => {
		const { app, el, view } = await setup();
		await openNote(app, "Clients/C-1/s1.md");
		const table = el.querySelector(".attune-emotion-table");
		const model = view.currentModel;
		const toggle = heading(el, "The therapist's side");
		expect(toggle.tagName).toBe("BUTTON");
		expect(toggle.parentElement?.tagName).toBe("H4");
		toggle.focus();
		toggle.click();
		expect(toggle.getAttribute("aria-expanded")).toBe("true");
		const body = document.getElementById(toggle.getAttribute("aria-controls") ?? "")!;
		expect(body.getAttribute("aria-labelledby")).toBe(toggle.id);
		expect(body.textContent).toContain("kept apart from the client's emotions");
		expect(button(body, /Show passages for therapist resonance sadness/)).toBeTruthy();
		expect(document.activeElement).toBe(toggle);
		expect(el.querySelector(".attune-emotion-table")).toBe(table);
		expect(view.currentModel).toBe(model);

		toggle.click();
		expect(toggle.getAttribute("aria-expanded")).toBe("false");
		expect(toggle.hasAttribute("aria-controls")).toBe(false);
		expect(body.isConnected).toBe(false);
		expect(() => button(el, /therapist resonance sadness/)).toThrow();
		expect(document.activeElement).toBe(toggle);

		// A section open by default closes and opens again the same way, drawing the same rows.
		const before = rows(el, ".attune-emotion-table");
		expect(before).toHaveLength(5);
		heading(el, "Emotions").click();
		expect(el.querySelector(".attune-emotion-table")).toBeNull();
		heading(el, "Emotions").click();
		expect(rows(el, ".attune-emotion-table")).toEqual(before);
	});

	it("keeps the sections open and closed through later renders, and saves them with the layout", async () => {
		const { app, el, view, leaf } = await setup(FILES, "vault");
		const saves = app.workspace._layoutSaves;
		heading(el, "Emotions").click();
		heading(el, "The therapist's side").click();
		expect(app.workspace._layoutSaves).toBe(saves + 2);
		await app.vault.process(app.vault.getFileByPath("Clients/C-2/o.md")!, (t) => t + "#resonance/fear\n");
		await settle();
		expect(heading(el, "Emotions").getAttribute("aria-expanded")).toBe("false");
		expect(el.querySelector(".attune-emotion-table")).toBeNull();
		expect(button(el, /therapist resonance fear/)).toBeTruthy();

		const state = view.getState();
		expect(state.sections).toEqual({ emotions: false, resonance: true });
		leaf.detach();
		const again = await openView(app);
		expect(heading(again.el, "Emotions").getAttribute("aria-expanded")).toBe("true");
		// What Obsidian does on restart: the new view gets the state saved with the layout.
		await again.view.setState(state, { history: false });
		expect(heading(again.el, "Emotions").getAttribute("aria-expanded")).toBe("false");
		expect(again.el.querySelector(".attune-emotion-table")).toBeNull();
		expect(heading(again.el, "The therapist's side").getAttribute("aria-expanded")).toBe("true");
		expect(button(again.el, /therapist resonance fear/)).toBeTruthy();

		// What is not valid is ignored; sections not named follow the defaults.
		await again.view.setState({ ...state, sections: { emotions: "no", resonance: false, unknown: true } }, { history: false });
		expect(again.view.getState().sections).toEqual({ resonance: false });
		expect(heading(again.el, "Emotions").getAttribute("aria-expanded")).toBe("true");
		expect(heading(again.el, "The therapist's side").getAttribute("aria-expanded")).toBe("false");
	});
});

describe("long lists", () => {
	const many = DEFAULT_VOCABULARY.emotion.slice(0, LIST_LIMIT + 2);
	const note = `---\nclient: C-1\ndate: 2026-03-02\n---\n${many.map((e, i) => `${"x ".repeat(i + 1)}#emotion/${e}/secondary`).join("\n")}\n`;

	it("shows the first rows and the rest on request, redrawing only the emotions", async () => {
		const { el } = await setup({ "n.md": note }, "vault");
		const overview = el.querySelector(".attune-share-list");
		expect(rows(el, ".attune-emotion-table")).toHaveLength(LIST_LIMIT);
		const more = button(el, new RegExp(`^Show all ${many.length} emotions$`));
		more.focus();
		more.click();
		expect(rows(el, ".attune-emotion-table")).toHaveLength(many.length);
		expect(document.activeElement?.textContent).toBe("Show fewer");
		expect(el.querySelector(".attune-share-list")).toBe(overview);
		(document.activeElement as HTMLElement).click();
		expect(rows(el, ".attune-emotion-table")).toHaveLength(LIST_LIMIT);
		expect(document.activeElement?.textContent).toBe(`Show all ${many.length} emotions`);
		button(el, /Sort by emotion/).click();
		expect(rows(el, ".attune-emotion-table").map((r) => r[0])).toEqual([...many].sort().slice(0, LIST_LIMIT));
		expect(el.querySelector(".attune-share-list")).toBe(overview);
	});
});

describe("export", () => {
	async function withNoteOpen(text: string, cursor: { line: number; ch: number }) {
		const made = await setup({ ...FILES, "Notes/target.md": text }, "vault");
		const target = await openNote(made.app, "Notes/target.md");
		const editor = (target.view as MarkdownView).editor;
		editor.setCursor(cursor);
		openSection(made.el, "Export");
		return { ...made, editor };
	}

	it("copies the summary as Markdown tables through the clipboard", async () => {
		const writeText = jest.fn(async () => {});
		Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
		const { app, ctx, el, view } = await setup();
		await openNote(app, "Clients/C-1/s1.md");
		openSection(el, "Export");
		button(el, /Copy the summary/).click();
		await settle();
		const model = view.currentModel!;
		expect(writeText).toHaveBeenCalledWith(renderMarkdown(summarize(ctx.index, { client: "C-1" }, { vocab: ctx.vocab() }), "Attune summary: Client C-1, all dates"));
		expect(model.scope.client).toBe("C-1");
		expect(app.vault.writes).toEqual([]);
	});

	it.each([
		["a note without properties, cursor at the end of a line", "Plan\nNext", { line: 0, ch: 4 }, /^Plan\n\n## Attune summary: Whole vault, all dates\n[\s\S]*\n\nNext$/],
		["CRLF line endings, cursor on an empty line", "---\r\nnote-type: study\r\n---\r\nText\r\n\r\nEnd", { line: 4, ch: 0 }, /^---\r\nnote-type: study\r\n---\r\nText\r\n\r\n## Attune summary: Whole vault, all dates\r\n[^\n]*\r\n[\s\S]*\|\r\n\r\nEnd$/],
	])("inserts the summary into the open note: %s", async (_name, before, cursor, after) => {
		const { el, editor } = await withNoteOpen(before, cursor);
		button(el, /Insert the summary/).click();
		await settle();
		expect(editor.getValue()).toMatch(after);
		expect(editor.getValue()).toContain("| shame | Primary maladaptive | 1 | 1 |");
		expect(editor.getValue()).not.toMatch(/[^\\]#emotion/);
	});

	it("refuses to insert inside the properties, changing nothing", async () => {
		const text = "---\nnote-type: [broken\n---\nBody";
		const { el, editor, app } = await withNoteOpen(text, { line: 1, ch: 3 });
		button(el, /Insert the summary/).click();
		await settle();
		expect(editor.getValue()).toBe(text);
		expect(app.vault.writes).toEqual([]);
		expect(Notice.messages.at(-1)).toMatch(/properties/);
	});

	it("refuses to insert when no note is open, changing nothing", async () => {
		const { app, el } = await setup(FILES, "vault");
		openSection(el, "Export");
		button(el, /Insert the summary/).click();
		await settle();
		expect(Notice.messages.at(-1)).toMatch(/Open a note in the editor/);
		expect(app.vault.writes).toEqual([]);
	});

	it("saves a CSV at a free path, never overwriting", async () => {
		const existing = "do not touch";
		const { app, el } = await setup({ ...FILES, "Attune summary 2026-03-16.csv": existing }, "vault");
		openSection(el, "Export");
		button(el, /Save the summary as a new CSV/).click();
		await settle();
		button(el, /Save the summary as a new CSV/).click();
		await settle();
		expect(app.vault.writes).toEqual([{ op: "create", path: "Attune summary 2026-03-16 (2).csv" }, { op: "create", path: "Attune summary 2026-03-16 (3).csv" }]);
		expect(app.vault.text("Attune summary 2026-03-16.csv")).toBe(existing);
		expect(app.vault.text("Attune summary 2026-03-16 (2).csv")).toMatch(/^family,value,process,count,notes\r\nemotion,/);
		expect(app.vault.getAbstractFileByPath("Attune summary 2026-03-16 (3).csv")).toBeInstanceOf(TFile);
	});
});

/** Keeps the types honest: the context the view needs is the one the plugin gives. */
export type _Ctx = AttuneContext;
