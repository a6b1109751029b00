/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 *
 * Finalized notes open read-only: the extension runs in a real CodeMirror
 * editor (Obsidian's own packages, in jsdom), and the user's key presses are
 * dispatched as CodeMirror dispatches them, with their user events.
 */
import "../view/node-globals";
import { EditorSelection, type Extension, type TransactionSpec } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { Notice, Setting, type ToggleComponent } from "../../obsidian-double/obsidian";
import { AttuneSettingTab } from "../../../src/plugin/settings-tab";
import { finalizedReadOnly, registerReadOnly, syncReadOnly } from "../../../src/plugin/record/read-only";
import { addAddendum } from "../../../src/plugin/record/commands";
import { loadPlugin, makeContext } from "../../helpers/harness";
import { NOW, asDouble } from "../authoring/setup";
import { cliStatus, finalizedText } from "./status";

const DRAFT = "---\nclient: C-1\nsession: 3\n---\nShe felt ashamed. #emotion/shame\n";
const FINAL = finalizedText(DRAFT);

const views: EditorView[] = [];
afterEach(() => views.splice(0).forEach((v) => v.destroy()));

function editor(doc: string, extensions: Extension = finalizedReadOnly()): EditorView {
	const view = new EditorView({ doc, extensions, parent: document.body });
	views.push(view);
	return view;
}

/** What the user does, as CodeMirror's input handling and commands dispatch it. */
const user = {
	type: (v: EditorView, at: number, text: string) => v.dispatch({ changes: { from: at, insert: text }, selection: { anchor: at + text.length }, userEvent: "input.type" }),
	paste: (v: EditorView, at: number, text: string) => v.dispatch({ changes: { from: at, insert: text }, userEvent: "input.paste" }),
	backspace: (v: EditorView, at: number) => v.dispatch({ changes: { from: at - 1, to: at }, userEvent: "delete.backward" }),
	cutAll: (v: EditorView) => v.dispatch({ changes: { from: 0, to: v.state.doc.length }, userEvent: "delete.cut" }),
	click: (v: EditorView, at: number) => v.dispatch({ selection: EditorSelection.cursor(at), userEvent: "select.pointer" }),
};

const banner = (v: EditorView) => v.dom.querySelector(".attune-finalized-banner")?.textContent ?? null;
const bodyAt = (v: EditorView) => v.state.doc.toString().indexOf("She felt");

describe("a finalized note in the editor", () => {
	it("shows who finalized it and when, as text, above the note", () => {
		const v = editor(FINAL);
		expect(banner(v)).toBe("Finalized on 2026-03-16 at 09:30 by Dana Reyes. Corrections go in an addendum: run “Add addendum”.");
		expect(v.dom.querySelector(".cm-panels-top .attune-finalized-banner")).not.toBeNull();
	});

	it("is read-only, and says so to screen readers", () => {
		const v = editor(FINAL);
		expect(v.state.readOnly).toBe(true);
		expect(v.contentDOM.getAttribute("aria-readonly")).toBe("true");
	});

	it.each<[string, (v: EditorView) => void]>([
		["typing in the body", (v) => user.type(v, bodyAt(v), "Not ")],
		["pasting at the end", (v) => user.paste(v, v.state.doc.length, "\nMore text. #emotion/anger")],
		["deleting a character of the properties", (v) => user.backspace(v, v.state.doc.toString().indexOf("\nsession"))],
		["cutting everything", (v) => user.cutAll(v)],
	])("keeps its text when the user tries %s", (_what, act) => {
		const v = editor(FINAL);
		act(v);
		expect(v.state.doc.toString()).toBe(FINAL);
	});

	it("takes a change made to the file outside the editor, so the editor never holds other text than the file", () => {
		const v = editor(FINAL);
		// Obsidian brings in a change on disk as a transaction of code, with no user event.
		const outside = FINAL.replace("ashamed", "afraid");
		v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: outside } });
		expect(v.state.doc.toString()).toBe(outside);
		expect(cliStatus(outside)).toBe("changed");
	});

	it("shows the banner as soon as the open note is finalized, and goes back to editable when it is not", () => {
		const v = editor(DRAFT);
		expect(banner(v)).toBeNull();
		expect(v.state.readOnly).toBe(false);
		v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: FINAL } });
		expect(banner(v)).toMatch(/^Finalized on 2026-03-16 at 09:30 by Dana Reyes\./);
		expect(v.state.readOnly).toBe(true);
		v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: DRAFT } });
		expect(banner(v)).toBeNull();
		expect(v.state.readOnly).toBe(false);
	});

	it("leaves a note that is not finalized as it was: no banner, editable", () => {
		const v = editor(DRAFT);
		user.type(v, bodyAt(v), "Then ");
		expect(v.state.doc.toString()).toContain("Then She felt");
		expect(v.contentDOM.getAttribute("aria-readonly")).toBeNull();
	});
});

describe("Add addendum in a read-only finalized note", () => {
	/** Obsidian's `Editor` over a CodeMirror view, as addAddendum uses it; `origin` is the user event Obsidian's editor may give its changes. */
	function obsidianEditor(v: EditorView, origin?: string) {
		const posToOffset = (p: { line: number; ch: number }) => v.state.doc.line(p.line + 1).from + p.ch;
		const dispatch = (spec: TransactionSpec) => v.dispatch(origin ? { ...spec, userEvent: origin } : spec);
		return {
			getValue: () => v.state.doc.toString(),
			offsetToPos: (off: number) => {
				const line = v.state.doc.lineAt(off);
				return { line: line.number - 1, ch: off - line.from };
			},
			posToOffset,
			replaceRange: (text: string, from: { line: number; ch: number }) => dispatch({ changes: { from: posToOffset(from), insert: text } }),
			setCursor: (p: { line: number; ch: number }) => v.dispatch({ selection: { anchor: posToOffset(p) } }),
		};
	}

	it.each([["with no user event", undefined], ["with Obsidian's user event for its own changes", "input"]])("writes the addendum %s, opens it for typing, and the note stays intact", async (_what, origin) => {
		const made = await makeContext({}, { settings: { clinicianName: "Dana Reyes" }, now: NOW });
		const v = editor(FINAL);
		expect(addAddendum(made.ctx, obsidianEditor(v, origin) as never)).toBe(true);
		const cursor = v.state.selection.main.head;
		expect(v.state.doc.toString()).toBe(`${FINAL}\n## Addenda\n\n> [!addendum] Dana Reyes, 2026-03-16T09:30\n> `);
		expect(cursor).toBe(v.state.doc.length);
		// The cursor is inside the addendum: the editor takes typing there.
		expect(v.state.readOnly).toBe(false);
		user.type(v, cursor, "The session was the 4th, not the 3rd. #emotion/anger");
		expect(v.state.doc.toString().endsWith("> The session was the 4th, not the 3rd. #emotion/anger")).toBe(true);
		expect(cliStatus(v.state.doc.toString())).toBe("intact");
		// Back in the body, it is read-only again, and a key press there changes nothing.
		user.click(v, bodyAt(v));
		expect(v.state.readOnly).toBe(true);
		const before = v.state.doc.toString();
		user.type(v, bodyAt(v), "x");
		expect(v.state.doc.toString()).toBe(before);
	});

	it("lets backspaces at the start of the addenda take blank lines, never join the heading to the body", async () => {
		const made = await makeContext({}, { settings: { clinicianName: "Dana Reyes" }, now: NOW });
		const v = editor(FINAL);
		addAddendum(made.ctx, obsidianEditor(v) as never);
		for (let i = 0; i < 3; i++) user.backspace(v, v.state.doc.toString().indexOf("## Addenda"));
		expect(v.state.doc.toString()).toBe(`${FINAL}## Addenda\n\n> [!addendum] Dana Reyes, 2026-03-16T09:30\n> `);
		expect(cliStatus(v.state.doc.toString())).toBe("intact");
	});
});

describe("the setting", () => {
	it("is on by default, and switching it off and on takes the extension out of every editor and back", async () => {
		const made = await makeContext({});
		const app = asDouble(made.app);
		const plugin = made.plugin as unknown as { _editorExtensions: Extension[][] };
		registerReadOnly(made.ctx);
		const list = plugin._editorExtensions[0]!;
		expect(list).toHaveLength(1);
		const off = editor(FINAL, list);
		expect(off.state.readOnly).toBe(true);

		await made.ctx.saveSettings({ ...made.ctx.settings(), readOnlyFinalized: false });
		syncReadOnly(made.ctx);
		// The same array Obsidian holds, emptied; then every editor reads it again.
		expect(plugin._editorExtensions).toEqual([list]);
		expect(list).toHaveLength(0);
		expect(app.workspace._optionUpdates).toBe(1);
		const v = editor(FINAL, list);
		expect(v.state.readOnly).toBe(false);
		expect(banner(v)).toBeNull();

		await made.ctx.saveSettings({ ...made.ctx.settings(), readOnlyFinalized: true });
		syncReadOnly(made.ctx);
		expect(list).toHaveLength(1);
		expect(app.workspace._optionUpdates).toBe(2);
		expect(Notice.messages).toEqual([]);
	});

	it("follows settings synced from another device", async () => {
		const { app, plugin } = await loadPlugin({});
		const double = plugin as unknown as { _editorExtensions: Extension[][]; _setData(d: unknown): void; onExternalSettingsChange(): Promise<void> };
		const list = double._editorExtensions.find((e) => Array.isArray(e) && e.length === 1)!;
		expect(list).toBeDefined();
		double._setData({ readOnlyFinalized: false });
		await double.onExternalSettingsChange();
		expect(list).toHaveLength(0);
		expect(asDouble(app).workspace._optionUpdates).toBe(1);
	});

	it("is switched in the settings tab, which saves it and updates the open editors", async () => {
		const made = await makeContext({}, { settings: { clinicianName: "Dana Reyes" } });
		const app = asDouble(made.app);
		registerReadOnly(made.ctx);
		const list = (made.plugin as unknown as { _editorExtensions: Extension[][] })._editorExtensions[0]!;
		const tab = new AttuneSettingTab(made.ctx.app, made.ctx.plugin, made.ctx);
		(tab as unknown as { display(): void }).display();
		const el = (tab as unknown as { containerEl: HTMLElement }).containerEl;
		const toggle = Setting._in(el).find((s) => s.nameEl.textContent === "Open finalized notes read-only")!.components[0] as ToggleComponent;
		expect(toggle.getValue()).toBe(true);
		await toggle._input(false);
		expect(made.saved.at(-1)?.readOnlyFinalized).toBe(false);
		expect(list).toHaveLength(0);
		expect(app.workspace._optionUpdates).toBe(1);
		expect(app.vault.writes).toEqual([]);
	});
});
