/**
 * The export commands' flow in the obsidian double, shared by the tests of
 * "Export for qualitative analysis (QDPX)" and "Export coded passages": the
 * example vault with session 2 open, then a client's notes previewed.
 */
import { type App, type ButtonComponent, type DropdownComponent, Modal, Notice } from "../obsidian-double/obsidian";
import { ExportPreviewModal } from "../../src/plugin/export/preview-modal";
import { registerExport } from "../../src/plugin/export/register";
import { ExportScopeModal } from "../../src/plugin/export/scope-modal";
import type { AttuneContext } from "../../src/plugin/context";
import { exampleVaultFiles, makeContext } from "./harness";

/** Midday local time, so the dated folder is the same day in every time zone. */
export const NOW = new Date(2026, 2, 16, 12, 0, 0);
export const FOLDER = "Supervision exports/Export 2026-03-16";
export const SESSION_2 = "Clients/C-101/2026-01-20 session 2.md";

export const click = (b: unknown) => (b as ButtonComponent)._click();
export const input = (c: unknown, v: string) => (c as DropdownComponent)._input(v);

/** The example vault (and `extra` notes) with the export commands registered and session 2 open; `before` holds every note's text. */
export async function exportSetup(extra: Record<string, string> = {}): Promise<{ app: App; ctx: AttuneContext; before: Map<string, string> }> {
	const files = { ...exampleVaultFiles(), ...extra };
	const made = await makeContext(files, { now: NOW });
	registerExport(made.ctx);
	const app: App = made.app;
	await app.workspace.getLeaf(true).openFile(app.vault.getFileByPath(SESSION_2)!);
	const before = new Map<string, string>(Object.keys(files).map((p) => [p, app.vault.text(p)]));
	return { app, ctx: made.ctx, before };
}

/** Runs an export command, chooses the client's notes, and returns the preview. */
export async function previewClientExport(app: App, command: string, title: string): Promise<ExportPreviewModal> {
	app.commands.get(command)!.callback!();
	const form = Modal.current;
	if (!(form instanceof ExportScopeModal)) throw new Error("the export form did not open");
	if (form.titleEl.textContent !== title) throw new Error(`the export form is titled “${form.titleEl.textContent}”, not “${title}”`);
	await input(form.controls.kind, "client");
	await click(form.controls.preview);
	const preview = Modal.current;
	if (!(preview instanceof ExportPreviewModal)) throw new Error(`no preview; notices: ${Notice.messages.join(" | ")}`);
	return preview;
}
