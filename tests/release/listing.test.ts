/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * Ready for the community listing: the review rules (listing.ts) tried on bad
 * samples first, then on Attune's manifest, bundle, commands, settings and CSS.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Setting } from "../obsidian-double/obsidian";
import { exampleVaultFiles, loadPlugin } from "../helpers/harness";
import { ROOT, freshBundle } from "../helpers/bundle";
import { type Json, commandProblems, cssProblems, desktopOnlyProblems, fundingUrlProblems, manifestProblems, authorUrlProblems, sentenceCaseProblems } from "./listing";

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8")) as Json;

describe("the listing checks find", () => {
	it.each<[string, Json]>([
		["an id with obsidian", { ...manifest, id: "obsidian-attune" }],
		["an id ending in plugin", { ...manifest, id: "attune-plugin" }],
		["an id in capitals", { ...manifest, id: "Attune" }],
		["a name with Obsidian", { ...manifest, name: "Attune for Obsidian" }],
		["a description without a period", { ...manifest, description: "Summarize emotions" }],
		["a description of 251 characters", { ...manifest, description: `${"a".repeat(250)}.` }],
		['a description "This plugin"', { ...manifest, description: "This plugin summarizes emotions." }],
		["an email as author", { ...manifest, author: "me@example.org" }],
		["a version with a v", { ...manifest, version: "v0.1.0" }],
		["a missing isDesktopOnly", (({ isDesktopOnly: _d, ...rest }) => rest)(manifest)],
		["an unknown key", { ...manifest, homepage: "https://x.test" }],
	])("%s", (_what, m) => expect(manifestProblems(m)).not.toEqual([]));

	it("placeholder funding and author addresses", () => {
		expect(fundingUrlProblems({ fundingUrl: "https://buymeacoffee.com" })).not.toEqual([]);
		expect(fundingUrlProblems({ fundingUrl: { Sponsor: "https://obsidian.md/pricing" } })).not.toEqual([]);
		expect(fundingUrlProblems({ fundingUrl: "https://github.com/sponsors/somebody" })).toEqual([]);
		expect(authorUrlProblems({ authorUrl: "https://obsidian.md" })).not.toEqual([]);
		expect(authorUrlProblems({ authorUrl: "https://github.com/me/attune" }, "me/attune")).not.toEqual([]);
	});

	it("an isDesktopOnly untrue to the bundle, either way", () => {
		expect(desktopOnlyProblems({ isDesktopOnly: false }, ["obsidian", "fs"])).not.toEqual([]);
		expect(desktopOnlyProblems({ isDesktopOnly: true }, ["obsidian"])).not.toEqual([]);
	});

	it("default hotkeys, the plugin's name or id in commands, and title case", () => {
		expect(commandProblems([{ id: "open", name: "Open", hotkeys: [{ modifiers: ["Mod"], key: "e" }] }], manifest)).not.toEqual([]);
		expect(commandProblems([{ id: "attune-open", name: "Open" }], manifest)).not.toEqual([]);
		expect(commandProblems([{ id: "open", name: "Open Attune summary" }], manifest)).not.toEqual([]);
		expect(sentenceCaseProblems("Open Emotion Summary")).not.toEqual([]);
		expect(sentenceCaseProblems("open emotion summary")).not.toEqual([]);
		expect(sentenceCaseProblems("SOAP progress note template. Leave empty for the built-in one.")).toEqual([]);
	});

	it("CSS that restyles Obsidian", () => {
		expect(cssProblems(".workspace-leaf { color: red; }")).not.toEqual([]);
		expect(cssProblems("body { --attune-x: 1px; }\n.attune-a .tree-item { color: var(--text-normal); }")).toEqual([]);
	});
});

describe("Attune", () => {
	it("has a manifest the submission rules accept, and no placeholder addresses", () => {
		expect(manifestProblems(manifest)).toEqual([]);
		expect(fundingUrlProblems(manifest)).toEqual([]);
		expect(authorUrlProblems(manifest)).toEqual([]);
	});

	it("says isDesktopOnly true to its bundle", () => {
		const requires = [...new Set([...freshBundle().matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]!))];
		expect(desktopOnlyProblems(manifest, requires)).toEqual([]);
	});

	it("has a LICENSE and a README", () => {
		expect(fs.readFileSync(path.join(ROOT, "LICENSE"), "utf8")).toMatch(/^MIT License/);
		expect(fs.readFileSync(path.join(ROOT, "README.md"), "utf8").length).toBeGreaterThan(1000);
	});

	it("sets no default hotkey, and names commands, settings and views in sentence case", async () => {
		const { app, plugin } = await loadPlugin(exampleVaultFiles());
		const commands = [...app.commands.values()].map((c) => ({ ...c, id: c.id.replace(`${String(manifest.id)}:`, "") }));
		expect(commands.length).toBeGreaterThan(5);
		expect(commandProblems(commands, manifest)).toEqual([]);
		const p = plugin as unknown as { _ribbon: { title: string }[]; _settingTabs: { display(): void; containerEl: HTMLElement }[] };
		const texts = [...commands.map((c) => c.name), ...p._ribbon.map((r) => r.title)];
		for (const tab of p._settingTabs) {
			tab.display();
			for (const s of Setting._in(tab.containerEl)) texts.push(s.nameEl.textContent ?? "", s.descEl.textContent ?? "");
		}
		expect(texts.filter((t) => t !== "").flatMap(sentenceCaseProblems)).toEqual([]);
	});

	it("styles only its own elements", () => {
		expect(cssProblems(fs.readFileSync(path.join(ROOT, "styles.css"), "utf8"))).toEqual([]);
	});
});
