/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * Saved settings that cannot be read are never replaced by defaults behind the
 * user's back. data.json is compared byte for byte before and after.
 */
import { type App, Notice, type Plugin, type PluginSettingTab, Setting, type TextComponent } from "../obsidian-double/obsidian";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { loadPlugin } from "../helpers/harness";

const FILES = { "Clients/C-1/s1.md": "---\nnote-type: session\nclient: C-1\nsession: 1\ndate: 2026-01-05\n---\n#emotion/shame\n" };
const DATA = "data.json";
const SAVED = { supervisorName: "Dr. Tan", clinicianName: "Dr. Ada", extraWords: { emotion: ["wistful"] }, viewScope: "client" };
const SAVED_TEXT = JSON.stringify(SAVED, null, 2);

async function settle(): Promise<void> {
	for (let i = 0; i < 5; i++) await new Promise((r) => window.setTimeout(r, 0));
}

async function load(opts: Parameters<typeof loadPlugin>[1] = {}) {
	Notice.messages = [];
	const loaded = await loadPlugin(FILES, opts);
	const app: App = loaded.app;
	const plugin = loaded.plugin as unknown as Plugin;
	const attune = loaded.plugin as unknown as { current: typeof DEFAULT_SETTINGS; onExternalSettingsChange(): Promise<void> };
	const dir = `${app.vault.configDir}/plugins/attune`;
	const path = (name: string) => `${dir}/${name}`;
	const bytes = (name = DATA) => app.vault.adapter._text(path(name));
	/** The sidebar's scope dropdown is changed, as a user would. */
	const changeScope = async (scope: string) => {
		await app.commands.get("attune:open-summary")!.callback!();
		await settle();
		const view = app.workspace.getLeavesOfType("attune-summary")[0]!.view as unknown as { containerEl: HTMLElement; onResize(): void; getState(): unknown };
		// Shown in the document, as the sidebar would be, so that it renders.
		if (!view.containerEl.isConnected) document.body.appendChild(view.containerEl);
		view.onResize();
		const select = view.containerEl.querySelector("select[aria-label='Scope']") as HTMLSelectElement;
		select.value = scope;
		select.dispatchEvent(new Event("change"));
		await settle();
		expect(view.getState()).toMatchObject({ scope });
	};
	/** A text field of the settings tab is typed into, as a user would. */
	const typeSetting = async (name: string, value: string) => {
		const tab = plugin._settingTabs[0] as PluginSettingTab;
		(tab as unknown as { display(): void }).display();
		const setting = Setting._in(tab.containerEl).find((s) => s.nameEl.textContent === name);
		if (!setting) throw new Error(`no setting ${name}`);
		await (setting.components[0] as TextComponent)._input(value);
		await settle();
	};
	return { app, plugin, attune, path, bytes, changeScope, typeSetting };
}

const UNREADABLE = /^Attune could not read its saved settings, so it is using the defaults for now\. Nothing will be saved until you change a setting\.$/;

describe("saved settings that cannot be read", () => {
	it("data.json exists but is not available yet: defaults in memory, the sidebar saves nothing, a settings change keeps a copy first", async () => {
		const { app, attune, bytes, changeScope, typeSetting } = await load({ dataText: SAVED_TEXT, dataUnavailableOnce: true });
		expect(attune.current.supervisorName).toBe("");
		expect(attune.current.extraWords.emotion).toEqual([]);
		expect(Notice.messages).toHaveLength(1);
		expect(Notice.messages[0]).toMatch(UNREADABLE);

		await changeScope("vault");
		expect(attune.current.viewScope).toBe("vault");
		expect(bytes()).toBe(SAVED_TEXT);
		expect(app.vault.adapter.writes).toEqual([]);

		await typeSetting("Supervisor's name", "Dr. Lee");
		expect(bytes("data.json.bak")).toBe(SAVED_TEXT);
		expect(JSON.parse(bytes()!)).toMatchObject({ supervisorName: "Dr. Lee", viewScope: "vault" });

		// The state is left: the next sidebar change saves as before, and no second copy is made.
		await changeScope("client");
		expect(JSON.parse(bytes()!)).toMatchObject({ viewScope: "client" });
		expect(app.vault.adapter._paths().filter((p) => p.endsWith(".bak"))).toHaveLength(1);
	});

	it("keeps an existing data.json.bak, copying to data.json.1.bak", async () => {
		const { app, bytes, path, typeSetting } = await load({ dataText: "{ not json" });
		app.vault.adapter._seed(path("data.json.bak"), "an older copy");
		await typeSetting("Clinician's name", "Dr. Ada");
		expect(bytes("data.json.bak")).toBe("an older copy");
		expect(bytes("data.json.1.bak")).toBe("{ not json");
		expect(JSON.parse(bytes()!)).toMatchObject({ clinicianName: "Dr. Ada" });
	});

	it.each([
		["invalid JSON", "{ supervisorName: Dr. Tan }"],
		["truncated JSON", SAVED_TEXT.slice(0, 40)],
		["an empty file", ""],
	])("%s: the plugin loads, says so, and writes nothing", async (_name, text) => {
		const { app, attune, bytes, changeScope } = await load({ dataText: text });
		expect(app.commands.has("attune:open-summary")).toBe(true);
		expect(app.commands.size).toBeGreaterThan(5);
		expect(attune.current).toEqual(DEFAULT_SETTINGS);
		expect(Notice.messages).toEqual([expect.stringMatching(UNREADABLE)]);
		await changeScope("vault");
		expect(bytes()).toBe(text);
		expect(app.vault.adapter.writes).toEqual([]);
	});

	it("a sync that delivers readable settings later puts them in force; unreadable ones change nothing", async () => {
		const { plugin, attune, bytes, path, app } = await load({ dataText: SAVED_TEXT });
		expect(attune.current.supervisorName).toBe("Dr. Tan");
		app.vault.adapter._seed(path(DATA), "{ trunc");
		await attune.onExternalSettingsChange();
		expect(attune.current.supervisorName).toBe("Dr. Tan");
		plugin._loadDataReturnsNullOnce();
		await attune.onExternalSettingsChange();
		expect(attune.current.supervisorName).toBe("Dr. Tan");
		expect(bytes()).toBe("{ trunc");
		app.vault.adapter._seed(path(DATA), JSON.stringify({ ...SAVED, supervisorName: "Dr. Kim" }));
		await attune.onExternalSettingsChange();
		expect(attune.current.supervisorName).toBe("Dr. Kim");
	});

	it("after unreadable data at startup, a readable external change ends the waiting", async () => {
		const { attune, bytes, path, app, changeScope } = await load({ dataText: SAVED_TEXT, dataUnavailableOnce: true });
		await attune.onExternalSettingsChange();
		expect(attune.current.supervisorName).toBe("Dr. Tan");
		await changeScope("vault");
		expect(JSON.parse(bytes()!)).toMatchObject({ supervisorName: "Dr. Tan", viewScope: "vault" });
		expect(app.vault.adapter._text(path("data.json.bak"))).toBeNull();
	});
});

describe("saved settings that can be read", () => {
	it("a normal data.json: the saved values, no notice, saves as before", async () => {
		const { app, attune, bytes, changeScope, typeSetting } = await load({ dataText: SAVED_TEXT });
		expect(attune.current).toMatchObject({ supervisorName: "Dr. Tan", clinicianName: "Dr. Ada" });
		expect(attune.current.extraWords.emotion).toEqual(["wistful"]);
		expect(Notice.messages).toEqual([]);
		expect(bytes()).toBe(SAVED_TEXT);
		await changeScope("vault");
		const afterScope = bytes();
		expect(JSON.parse(afterScope!)).toMatchObject({ supervisorName: "Dr. Tan", viewScope: "vault" });
		await typeSetting("Supervisor's name", "Dr. Lee");
		expect(JSON.parse(bytes()!)).toMatchObject({ supervisorName: "Dr. Lee", clinicianName: "Dr. Ada", extraWords: { emotion: ["wistful"] } });
		expect(app.vault.adapter._paths().filter((p) => p.endsWith(".bak"))).toEqual([]);
	});

	it("no data.json (first run): defaults, no notice, saves work", async () => {
		const { app, attune, bytes, changeScope, typeSetting } = await load();
		expect(bytes()).toBeNull();
		expect(attune.current).toEqual(DEFAULT_SETTINGS);
		expect(Notice.messages).toEqual([]);
		await changeScope("vault");
		expect(JSON.parse(bytes()!)).toMatchObject({ viewScope: "vault" });
		await typeSetting("Supervisor's name", "Dr. Lee");
		expect(JSON.parse(bytes()!)).toMatchObject({ supervisorName: "Dr. Lee", viewScope: "vault" });
		expect(app.vault.adapter._paths().filter((p) => p.endsWith(".bak"))).toEqual([]);
	});
});
