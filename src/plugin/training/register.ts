/**
 * Training: two coders of one session. Registration only.
 */
import type { TFile } from "obsidian";
import type { AttuneContext } from "../context";
import { activeNote } from "../authoring/supervision";
import { makeBlindCopy } from "./blind-copy";
import { CompareCodingView, VIEW_TYPE_COMPARE } from "./compare-view";
import { compareCoding } from "./open-compare";

/** A command offered on an open Markdown note. */
function noteCommand(ctx: AttuneContext, id: string, name: string, action: (file: TFile) => Promise<unknown>): void {
	ctx.plugin.addCommand({
		id,
		name,
		checkCallback: (checking: boolean) => {
			const file = activeNote(ctx);
			if (!file || file.extension !== "md") return false;
			if (!checking) void action(file);
			return true;
		},
	});
}

/** Registers the training commands and the "Compare coding" view. No default hotkeys. */
export function registerTraining(ctx: AttuneContext): void {
	ctx.plugin.registerView(VIEW_TYPE_COMPARE, (leaf) => new CompareCodingView(leaf, ctx));
	noteCommand(ctx, "make-blind-coding-copy", "Make a blind coding copy", (file) => makeBlindCopy(ctx, file));
	noteCommand(ctx, "compare-coding", "Compare coding", (file) => compareCoding(ctx, file));
}
