/**
 * Registers the emotion summary sidebar: its view type, the command and the
 * ribbon icon that open it. The plugin keeps no reference to the view.
 */
import { type App, Notice, type WorkspaceLeaf } from "obsidian";
import type { AttuneContext } from "../context";
import { SUMMARY_ICON, SummaryView, VIEW_TYPE_SUMMARY } from "./summary-view";

/** Registers the view, the `open-summary` command and the ribbon icon. */
export function registerSummaryView(ctx: AttuneContext): void {
	const { plugin } = ctx;
	plugin.registerView(VIEW_TYPE_SUMMARY, (leaf) => new SummaryView(leaf, ctx));
	plugin.addCommand({ id: "open-summary", name: "Open emotion summary", callback: () => void openSummaryView(ctx.app) });
	plugin.addRibbonIcon(SUMMARY_ICON, "Open emotion summary", () => void openSummaryView(ctx.app));
}

/** Reveals the summary: the open one if there is one, else a new one in the right sidebar. */
export async function openSummaryView(app: App): Promise<void> {
	const { workspace } = app;
	let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(VIEW_TYPE_SUMMARY)[0] ?? null;
	if (!leaf) {
		leaf = workspace.getRightLeaf(false);
		if (!leaf) {
			new Notice("The emotion summary could not be opened: there is no right sidebar.");
			return;
		}
		await leaf.setViewState({ type: VIEW_TYPE_SUMMARY, active: true });
	}
	await workspace.revealLeaf(leaf);
}
