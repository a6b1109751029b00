import type { AttuneContext } from "../context";

/** Registers this feature's commands, views and events. */
export function registerSummaryView(_ctx: AttuneContext): void {
	// Placeholder while the feature is being built.
}
