import { type App, type Plugin, PluginSettingTab } from "obsidian";
import type { AttuneContext } from "./context";

/** Attune's settings tab. */
export class AttuneSettingTab extends PluginSettingTab {
	constructor(app: App, plugin: Plugin, private readonly ctx: AttuneContext) {
		super(app, plugin);
	}

	display(): void {
		this.containerEl.empty();
	}
}
