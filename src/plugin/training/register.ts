/**
 * Training: two coders of one session. Registration only.
 */
import type { AttuneContext } from "../context";
import { activeNote } from "../authoring/supervision";
import { makeBlindCopy } from "./blind-copy";

/** Registers the training commands. No default hotkeys. */
export function registerTraining(ctx: AttuneContext): void {
	ctx.plugin.addCommand({
		id: "make-blind-coding-copy",
		name: "Make a blind coding copy",
		checkCallback: (checking: boolean) => {
			const file = activeNote(ctx);
			if (!file || file.extension !== "md") return false;
			if (!checking) void makeBlindCopy(ctx, file);
			return true;
		},
	});
}
