/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import "../view/node-globals";
import { MarkdownView, Notice, type TFile } from "../../obsidian-double/obsidian";
import { VIEW_TYPE_COMPARE } from "../../../src/plugin/training/compare-view";
import { exampleVaultFiles } from "../../helpers/harness";
import { currentPicker, openNote, settle } from "../authoring/setup";
import { COPY, ORIGINAL, agreeJson, setup } from "./compare-setup";

describe("Compare coding on the example vault's coding copy", () => {
	it("from the copy: the same pair, the original as coder A", async () => {
		const s = await setup(exampleVaultFiles());
		await s.compare(COPY);
		expect(s.view()!.getState()).toMatchObject({ a: ORIGINAL, b: COPY });
		expect(s.app.workspace.getLeavesOfType(VIEW_TYPE_COMPARE)).toHaveLength(1);
		// Run again: the view is revealed, not opened a second time.
		await s.compare(ORIGINAL);
		expect(s.app.workspace.getLeavesOfType(VIEW_TYPE_COMPARE)).toHaveLength(1);
	});

	it("lists the disagreements side by side, each opening its passage in either note", async () => {
		const s = await setup(exampleVaultFiles());
		await s.compare(ORIGINAL);
		const json = agreeJson(ORIGINAL, COPY);
		const units = [...s.view()!.contentEl.querySelectorAll(".attune-compare-unit")];
		expect(units.map((u) => u.querySelector(".attune-compare-text")!.textContent)).toEqual([...new Set(json.disagreements.map((d) => d.text))]);
		// The conjecture the first coder gave and the reflection the trainee gave, in one passage.
		const burden = units.find((u) => u.textContent.includes("the little girl learned"))!;
		const [a, b] = [...burden.querySelectorAll(".attune-compare-side")];
		expect(a!.querySelector(".attune-compare-tags")!.textContent).toContain("#response/conjecture");
		expect(a!.querySelector(".attune-compare-only")!.textContent).toBe("Only A: Empathic response: conjecture");
		expect(b!.querySelector(".attune-compare-tags")!.textContent).toContain("#response/reflection");
		expect(b!.querySelector(".attune-compare-only")!.textContent).toBe("Only B: Empathic response: reflection");
		const d = json.disagreements.find((x) => x.code === "conjecture")!;

		b!.querySelector("button")!.click();
		await settle();
		const active = s.app.workspace.getActiveViewOfType(MarkdownView)!;
		expect(active.file!.path).toBe(COPY);
		const opened = active.leaf.opened.at(-1)!;
		expect(opened).toEqual({ path: COPY, state: { active: true, eState: { line: d.lineB - 1 } } });
		// The line is the passage's line in that note.
		expect(s.app.vault.text(COPY).split("\n")[d.lineB - 1]).toContain("the little girl learned");

		a!.querySelector("button")!.click();
		await settle();
		expect(s.app.workspace.getActiveViewOfType(MarkdownView)!.file!.path).toBe(ORIGINAL);
		expect(s.app.vault.text(ORIGINAL).split("\n")[d.lineA - 1]).toContain("the little girl learned");
	});
});

const NOTE = "Clients/C-1/2026-03-10 session 3.md";
const TEXT = "---\nclient: C-1\n---\nShe said <b>no</b> & left. #emotion/anger/secondary\n\nI reflected it. #response/reflection\n";
const copyOf = (target: string, body = "She said <b>no</b> & left. #emotion/hurt\n\nI reflected it. #response/reflection\n") => `---\nclient: C-1\ncoding-of: "[[${target}]]"\ncoder: Ana Ruiz\n---\n${body}`;

describe("Compare coding: finding the other coding", () => {
	it("asks for the other note when no copy links to this one", async () => {
		const s = await setup({ [NOTE]: TEXT, "Clients/C-1/other coding.md": "She said <b>no</b> & left. #emotion/anger/secondary\n" });
		await s.compare(NOTE);
		expect(s.view()).toBeUndefined();
		const picker = currentPicker<{ item: TFile }>();
		expect(picker._placeholder).toMatch(/No coding copy links to this note/);
		await picker._choose("other coding");
		await settle();
		expect(s.view()!.getState()).toMatchObject({ a: NOTE, b: "Clients/C-1/other coding.md" });
	});

	it("offers the copies when several link to this note", async () => {
		const s = await setup({ [NOTE]: TEXT, "Clients/C-1/copy 1.md": copyOf("2026-03-10 session 3"), "Clients/C-1/copy 2.md": copyOf("2026-03-10 session 3") });
		await s.compare(NOTE);
		const picker = currentPicker<{ item: TFile }>();
		expect((await picker.getSuggestions("")).map((m) => m.item.path)).toEqual(["Clients/C-1/copy 1.md", "Clients/C-1/copy 2.md"]);
		await picker._choose("copy 2");
		await settle();
		expect(s.view()!.getState()).toMatchObject({ a: NOTE, b: "Clients/C-1/copy 2.md" });
	});

	it("says so when a copy's original is not found, and asks for it", async () => {
		const s = await setup({ [NOTE]: TEXT, "Clients/C-1/copy.md": copyOf("gone") });
		await s.compare("Clients/C-1/copy.md");
		expect(Notice.messages.at(-1)).toMatch(/coding copy of “gone”, which was not found/);
		const picker = currentPicker<{ item: TFile }>();
		await picker._choose("session 3");
		await settle();
		expect(s.view()!.getState()).toMatchObject({ a: NOTE, b: "Clients/C-1/copy.md" });
	});

	it("draws note text as text, and follows an edit of either note", async () => {
		const s = await setup({ [NOTE]: TEXT, "Clients/C-1/copy.md": copyOf("2026-03-10 session 3") });
		await s.compare(NOTE);
		const view = s.view()!;
		const unit = view.contentEl.querySelector(".attune-compare-text")!;
		expect(unit.textContent).toBe("She said <b>no</b> & left.");
		expect(unit.querySelector("b")).toBeNull();
		expect(view.currentModel!.families.find((f) => f.key === "emotion")!.codes.map((c) => c.code).sort()).toEqual(["anger", "hurt"]);

		jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask"] });
		try {
			const copy = s.app.vault.getFileByPath("Clients/C-1/copy.md")!;
			await s.app.vault.process(copy, (t) => t.replace("#emotion/hurt", "#emotion/anger/secondary"));
			await jest.advanceTimersByTimeAsync(1000);
		} finally {
			jest.useRealTimers();
		}
		await settle();
		const emotion = view.currentModel!.families.find((f) => f.key === "emotion")!;
		// Both coders now code the first passage anger and the second not: full agreement.
		expect(emotion.codes.map((c) => c.code)).toEqual(["anger"]);
		expect([emotion.kappa, emotion.agreement]).toEqual([1, 1]);
		expect(view.currentModel!.disagreements).toEqual([]);
		expect(view.contentEl.textContent).toContain("No disagreements in the matched units");
	});

	it("is offered only on a Markdown note", async () => {
		const s = await setup({ [NOTE]: TEXT });
		expect(s.app.commands.get("attune:compare-coding")!.checkCallback!(true)).toBe(false);
		await openNote(s.app, NOTE);
		expect(s.app.commands.get("attune:compare-coding")!.checkCallback!(true)).toBe(true);
	});
});
