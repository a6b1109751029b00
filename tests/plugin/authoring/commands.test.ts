/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { loadPlugin } from "../../helpers/harness";
import { asDouble, authoring } from "./setup";

const COMMANDS: [string, string][] = [
	["new-session-note", "New session note"],
	["new-supervision-note", "New supervision note"],
	["code-passage", "Code passage…"],
	["code-emotion", "Code client emotion"],
	["code-resonance", "Code therapist resonance"],
	["code-empathy-mode", "Code empathy mode"],
	["code-response", "Code empathic response"],
	["code-process-move", "Code emotion-process move"],
	["code-therapist-process", "Code therapist's process"],
	["code-relationship", "Code relationship ingredient"],
	["code-compassion", "Code compassion element"],
	["add-supervisor-comment", "Add supervisor comment"],
	["resolve-supervisor-comment", "Resolve supervisor comment"],
	["request-review", "Request supervision review"],
	["mark-reviewed", "Mark note as reviewed"],
	["create-study-notes", "Create study notes for the vocabulary"],
];

describe("authoring commands", () => {
	it("are registered with exactly these ids and names (users bind hotkeys to the ids)", async () => {
		const a = await authoring({});
		const mine = [...a.app.commands.values()].map((c) => [c.id, c.name]);
		expect(mine).toEqual(COMMANDS.map(([id, name]) => [`attune:${id}`, name]));
	});

	it("no command of the loaded plugin has a default hotkey", async () => {
		const { app } = await loadPlugin({});
		const commands = [...asDouble(app).commands.values()];
		expect(commands.length).toBeGreaterThanOrEqual(COMMANDS.length);
		for (const c of commands) expect(c.hotkeys ?? []).toEqual([]);
	});

	it("registering reads nothing from the vault", async () => {
		const a = await authoring({ "a.md": "#emotion/shame" });
		expect(a.app.vault.writes).toEqual([]);
	});
});
