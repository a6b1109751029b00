/**
 * What the "Compare coding" tests share: a vault in the obsidian double with
 * the training feature registered, and `attune agree --format json` on two
 * notes of the example vault.
 */
import * as path from "node:path";
import { Notice } from "../../obsidian-double/obsidian";
import { registerTraining } from "../../../src/plugin/training/register";
import { type CompareCodingView, VIEW_TYPE_COMPARE } from "../../../src/plugin/training/compare-view";
import { run } from "../../../src/cli/main";
import { makeContext } from "../../helpers/harness";
import { NOW, asDouble, openNote, settle } from "../authoring/setup";

export const ROOT = path.join(__dirname, "../../../example-vault");
export const ORIGINAL = "Clients/C-101/2026-01-27 session 3.md";
export const COPY = "Clients/C-101/2026-01-27 session 3 (blind copy).md";

export async function setup(files: Record<string, string>) {
	const made = await makeContext(files, { now: NOW, config: { userIgnoreFilters: ["Archive/"] } });
	const app = asDouble(made.app);
	registerTraining(made.ctx);
	Notice.messages.length = 0;
	const compare = async (from: string) => {
		await openNote(app, from);
		app.commands.get("attune:compare-coding")!.checkCallback!(false);
		await settle();
		await settle();
	};
	const view = () => app.workspace.getLeavesOfType(VIEW_TYPE_COMPARE)[0]?.view as unknown as CompareCodingView | undefined;
	return { app, ctx: made.ctx, compare, view };
}

/** The `attune agree --format json` document for two notes of the example vault. */
export function agreeJson(a: string, b: string) {
	const r = run(["agree", path.join(ROOT, a), path.join(ROOT, b), "--format", "json"]);
	expect(r.code).toBe(0);
	return JSON.parse(r.stdout) as {
		units: { matched: number; onlyA: number; onlyB: number };
		families: Record<string, { kappa: number | null; agreement: number | null; codes: Record<string, { both: number; aOnly: number; bOnly: number; neither: number; kappa: number | null }> }>;
		disagreements: { family: string; code: string; coder: "a" | "b"; lineA: number; lineB: number; text: string }[];
	};
}
