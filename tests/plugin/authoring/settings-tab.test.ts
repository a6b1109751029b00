/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { type DropdownComponent, Setting, type TextComponent, type ToggleComponent } from "../../obsidian-double/obsidian";
import { AttuneSettingTab } from "../../../src/plugin/settings-tab";
import { asDouble, authoring } from "./setup";
import { summarize } from "../../../src/core/index/summary";

async function tab(files: Record<string, string> = {}, settings = {}) {
	const a = await authoring(files, settings);
	const t = new AttuneSettingTab(a.ctx.app, a.ctx.plugin, a.ctx);
	// Obsidian calls display() when the tab opens (minAppVersion is below 1.13's declarative settings).
	(t as unknown as { display(): void }).display();
	const el = (t as unknown as { containerEl: HTMLElement }).containerEl;
	const settingsNamed = (name: string) => Setting._in(el).filter((s) => s.nameEl.textContent === name);
	const field = (name: string, n = 0) => {
		const s = settingsNamed(name)[n];
		if (!s) throw new Error(`no setting ${name}`);
		return { setting: s, text: s.components[0] as TextComponent, error: () => s.infoEl.querySelector(".attune-setting-error")?.textContent ?? "" };
	};
	/** The field is left: blur or Enter fire `change`. */
	const leave = async (c: TextComponent) => {
		c.inputEl.dispatchEvent(new Event("change"));
		await Promise.resolve();
		await Promise.resolve();
	};
	return { a, t, el, field, leave };
}

describe("settings tab", () => {
	it("shows the settings in force, under headings", async () => {
		const { el, field } = await tab({}, { sessionFolder: "Practice/{{client}}", supervisorName: "Dr. T" });
		const headings = [...el.querySelectorAll(".setting-item-heading")].map((h) => h.textContent);
		expect(headings).toEqual(["Session notes", "Supervision", "Finalized notes", "Study notes", "Measures", "Templates", "Families", "Tag words", "Vocabulary"]);
		expect(field("Folder").text.getValue()).toBe("Practice/{{client}}");
		expect(field("Supervisor's name").text.getValue()).toBe("Dr. T");
		expect(field("Client emotion").text.getValue()).toBe("emotion");
	});

	it("says, before a tag word is renamed, that old tags stop counting", async () => {
		const { el } = await tab({}, {});
		const notes = [...el.querySelectorAll("p.setting-item-description")].map((p) => p.textContent ?? "");
		expect(notes.some((t) => t.includes("stop counting"))).toBe(true);
	});

	it("saves folders, patterns and names as they are typed", async () => {
		const { a, field } = await tab();
		await field("Folder", 1).text._input("Supervision/2026 ");
		await field("Clinician's name").text._input("Dr. Ada");
		expect(a.ctx.settings().supervisionFolder).toBe("Supervision/2026");
		expect(a.ctx.settings().clinicianName).toBe("Dr. Ada");
		expect(a.saved).toHaveLength(2);
	});

	it("saves each default duration as a number, and refuses one that is no number of minutes", async () => {
		const { a, field } = await tab();
		expect(field("Default duration").text.getValue()).toBe("50");
		expect(field("Default duration", 1).text.getValue()).toBe("60");
		await field("Default duration").text._input("45");
		await field("Default duration", 1).text._input("90");
		expect(a.ctx.settings()).toMatchObject({ defaultSessionDuration: 45, defaultSupervisionDuration: 90 });
		const f = field("Default duration");
		await f.text._input("an hour");
		expect(f.error()).toMatch(/number of minutes/);
		expect(a.ctx.settings().defaultSessionDuration).toBe(45);
		expect(a.saved).toHaveLength(2);
	});

	it("refuses an empty file-name pattern", async () => {
		const { a, field } = await tab();
		const f = field("File name");
		await f.text._input("  ");
		expect(f.error()).toMatch(/Write a pattern/);
		expect(a.saved).toEqual([]);
	});

	it("the default template is chosen among the session templates", async () => {
		const { a, field } = await tab();
		const d = field("Default template").setting.components[0] as DropdownComponent;
		expect(Object.keys(d.options)).toEqual(["efmt", "soap", "dap", "birp"]);
		await d._input("birp");
		expect(a.ctx.settings().defaultTemplate).toBe("birp");
	});

	it("a template path: saved, with a note beside it while no such note exists", async () => {
		const { a, field } = await tab({ "Templates/SOAP.md": "x" });
		const f = field("SOAP progress note template");
		await f.text._input("Templates/Missing.md");
		expect(f.error()).toMatch(/No note at this path yet/);
		await f.text._input("Templates/SOAP");
		expect(f.error()).toBe("");
		expect(a.ctx.settings().templatePaths).toEqual({ soap: "Templates/SOAP" });
		await f.text._input("");
		expect(a.ctx.settings().templatePaths).toEqual({});
	});

	it.each([
		{ value: "emo tion", message: /spaces/ },
		{ value: "emo?", message: /cannot be part of a tag/ },
		{ value: "empathy", message: /another family/ },
		{ value: "", message: /empty/ },
	])("refuses the family word “$value” with a message beside it, saving nothing", async ({ value, message }) => {
		const { a, field, leave } = await tab();
		const f = field("Client emotion");
		await f.text._input(value);
		await leave(f.text);
		expect(f.error()).toMatch(message);
		expect(a.saved).toEqual([]);
		expect(a.ctx.settings().families.emotion).toBe("emotion");
	});

	it("a valid family word is saved when the field is left, not on each key press", async () => {
		const { a, field, leave } = await tab();
		const f = field("Client emotion");
		await f.text._input("emo");
		await f.text._input("emocion");
		expect(a.saved).toEqual([]);
		await leave(f.text);
		expect(f.error()).toBe("");
		expect(a.saved).toHaveLength(1);
		expect(a.ctx.settings().families).toMatchObject({ emotion: "emocion", empathy: "empathy" });
		expect(a.ctx.vocab().byWord.get("emocion")).toBe("emotion");
	});

	it("switches a family off and on again: its tags stop and start counting, and no note changes", async () => {
		const { a } = await tab({ "a.md": "#compassion/feeling/self #relationship/presence\n" });
		const t = new AttuneSettingTab(a.ctx.app, a.ctx.plugin, a.ctx);
		(t as unknown as { display(): void }).display();
		const container = (t as unknown as { containerEl: HTMLElement }).containerEl;
		const toggle = Setting._in(container).find((s) => s.nameEl.textContent === "Use compassion element tags")!.components[0] as ToggleComponent;
		const counted = async () => {
			await a.ctx.indexer.ready;
			return [summarize(a.ctx.index).rows.compassion.length, summarize(a.ctx.index).rows.relationship.length];
		};
		expect(toggle.getValue()).toBe(true);
		expect(await counted()).toEqual([1, 1]);
		await toggle._input(false);
		expect(a.ctx.settings().switchedOff).toEqual(["compassion"]);
		expect(await counted()).toEqual([0, 1]);
		await toggle._input(true);
		expect(a.ctx.settings().switchedOff).toEqual([]);
		expect(await counted()).toEqual([1, 1]);
		expect(asDouble(a.app).vault.writes).toEqual([]);
	});

	it("names the measures drawn across sessions: the ratings by default, others read once the field is left", async () => {
		const { a, field, leave } = await tab({ "a.md": "---\ndate: 2026-01-05\nPHQ-9: 14\ngad-7: moderate\nrating-warmth: 4\n---\n" });
		const f = field("Measures across sessions");
		expect(f.text.getValue()).toBe("rating-empathy, rating-congruence, rating-warmth, rating-compassion, rating-responsiveness, rating-presence");
		await a.ctx.indexer.ready;
		expect(a.ctx.index.get("a.md")!.props.measures).toEqual({ "rating-warmth": 4 });
		await f.text._input("phq-9, GAD-7 , rating-warmth");
		expect(a.saved).toEqual([]);
		await leave(f.text);
		expect(a.ctx.settings().measures).toEqual(["phq-9", "gad-7", "rating-warmth"]);
		await a.ctx.indexer.ready;
		const rec = a.ctx.index.get("a.md")!;
		expect(rec.props.measures).toEqual({ "phq-9": 14, "rating-warmth": 4 });
		expect(rec.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/“gad-7” is "moderate", which is not a number.*not drawn as 0/)]);
		await f.text._input(" ");
		await leave(f.text);
		expect(a.ctx.settings().measures).toEqual(["rating-empathy", "rating-congruence", "rating-warmth", "rating-compassion", "rating-responsiveness", "rating-presence"]);
	});

	it("words added to a vocabulary: comma-separated, each checked", async () => {
		const { a, field, leave } = await tab();
		const f = field("Empathic response words");
		await f.text._input("self disclosure, immediacy");
		await leave(f.text);
		expect(f.error()).toMatch(/“self disclosure”.*hyphen/);
		expect(a.saved).toEqual([]);
		await f.text._input("self-disclosure, immediacy");
		await leave(f.text);
		expect(f.error()).toBe("");
		expect(a.ctx.settings().extraWords.response).toEqual(["self-disclosure", "immediacy"]);
		expect(a.ctx.vocab().sets.response.has("immediacy")).toBe(true);
	});

	it("closing the tab saves a valid change still waiting", async () => {
		const { a, t, field } = await tab();
		await field("Therapist resonance words").text._input("awe");
		t.hide();
		await Promise.resolve();
		await Promise.resolve();
		expect(a.ctx.settings().extraWords.resonance).toEqual(["awe"]);
	});
});
