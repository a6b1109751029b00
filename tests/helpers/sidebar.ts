/**
 * The emotion summary sidebar opened as a person opens it: the command run,
 * the view shown in the document, and a note opened for it to follow.
 */
import { registerSummaryView } from "../../src/plugin/view/register";
import { type SummaryView, VIEW_TYPE_SUMMARY } from "../../src/plugin/view/summary-view";
import type { AttuneSettings } from "../../src/core/settings";
import { makeContext } from "./harness";

/** Opens the sidebar on a vault of `files`, with `active` the open note. */
export async function openSidebar(files: Record<string, string>, active: string, opts: { config?: Record<string, unknown>; settings?: Partial<AttuneSettings> } = {}): Promise<{ view: SummaryView; app: Awaited<ReturnType<typeof makeContext>>["app"] }> {
	const made = await makeContext(files, opts);
	registerSummaryView(made.ctx);
	const app = made.app;
	await app.commands.get("attune:open-summary")!.callback!();
	const view = app.workspace.getLeavesOfType(VIEW_TYPE_SUMMARY)[0]!.view as unknown as SummaryView;
	document.body.appendChild(view.containerEl);
	await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath(active)!);
	return { view, app };
}
