/**
 * How long Attune's `onload` takes, and how long the first index build takes
 * after layout-ready, measured inside the `obsidian` test double (Obsidian
 * itself cannot run here). The bench bundle maps `obsidian` to the double.
 */
import { App, type Plugin } from "../../tests/obsidian-double/obsidian";
import AttunePlugin from "../plugin/main";
import type { GeneratedNote } from "./generate";

/** Milliseconds for onload, and from layout-ready to the index being built. */
export async function benchOnload(notes: GeneratedNote[]): Promise<{ onloadMs: number; buildMs: number; indexed: number }> {
	const app = new App({ layoutReady: false });
	for (const n of notes) app.vault.seed(n.path, n.text);
	const manifest = { id: "attune", name: "Attune", version: "0", minAppVersion: "0", description: "", author: "" };
	const plugin = new AttunePlugin(app as never, manifest) as unknown as Plugin & { indexer?: { ready: Promise<void> } };
	const t0 = performance.now();
	await plugin.load();
	const onloadMs = performance.now() - t0;
	const indexer = (plugin as unknown as { indexer: { ready: Promise<void> } }).indexer;
	const t1 = performance.now();
	app.workspace.setLayoutReady();
	await indexer.ready;
	const buildMs = performance.now() - t1;
	const index = (plugin as unknown as { index: { size: number } }).index;
	plugin.unload();
	return { onloadMs, buildMs, indexed: index.size };
}
