/**
 * "Compare coding" from an open note: find its pair (or ask for one), then
 * show the comparison in the one "Compare coding" view, revealed rather than
 * opened a second time.
 */
import type { TFile } from "obsidian";
import type { AttuneContext } from "../context";
import { type CodingPair, CodingPicker, findPair } from "./coding-pair";
import { type CompareState, VIEW_TYPE_COMPARE } from "./compare-view";

/** Compares the note with its pair; resolves once the view shows it, or once a picker is open. */
export async function compareCoding(ctx: AttuneContext, file: TFile): Promise<void> {
	await ctx.indexer.ready;
	const found = findPair(ctx, file);
	if ("a" in found) {
		await showComparison(ctx, found);
		return;
	}
	new CodingPicker(ctx.app, found.offer, found.prompt, (other) => {
		void showComparison(ctx, found.fileIs === "a" ? { a: file, b: other } : { a: other, b: file });
	}).open();
}

/** Shows a pair in the existing "Compare coding" view, or in a new tab. */
export async function showComparison(ctx: AttuneContext, pair: CodingPair): Promise<void> {
	const { workspace } = ctx.app;
	const state: CompareState & Record<string, unknown> = { a: pair.a.path, b: pair.b.path };
	const leaf = workspace.getLeavesOfType(VIEW_TYPE_COMPARE)[0] ?? workspace.getLeaf("tab");
	await leaf.setViewState({ type: VIEW_TYPE_COMPARE, active: true, state });
	await workspace.revealLeaf(leaf);
}
