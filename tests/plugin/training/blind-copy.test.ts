/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import "../view/node-globals";
import { Notice, TFile } from "../../obsidian-double/obsidian";
import { registerTraining } from "../../../src/plugin/training/register";
import { compareCodings } from "../../../src/core/training/agree";
import { vocab } from "../../helpers/notes";
import { makeContext } from "../../helpers/harness";
import { NOW, asDouble, openNote, settle } from "../authoring/setup";

const NOTE = "Clients/C-1/2026-03-10 session 3.md";
const COPY = "Clients/C-1/2026-03-10 session 3 (blind copy).md";
const TEXT = "---\nclient: C-1\nsession: 3\ntags: [emotion/hurt]\n---\nShe felt ashamed. #emotion/shame/primary-maladaptive\n\nI reflected it. #response/reflection #empathy/attunement\n";

async function setup(files: Record<string, string>, clinicianName = "Ana Ruiz") {
	const made = await makeContext(files, { settings: { clinicianName }, now: NOW });
	const app = asDouble(made.app);
	registerTraining(made.ctx);
	Notice.messages.length = 0;
	await openNote(app, NOTE);
	const run = async () => {
		app.commands.get("attune:make-blind-coding-copy")!.checkCallback!(false);
		await settle();
		await settle();
	};
	const read = async (p: string) => {
		const f = app.vault.getAbstractFileByPath(p);
		return f instanceof TFile ? app.vault.read(f) : null;
	};
	return { app, run, read };
}

describe("Make a blind coding copy", () => {
	it("writes a new note beside the original without Attune tags, linked to it and naming the coder", async () => {
		const s = await setup({ [NOTE]: TEXT });
		await s.run();
		const copy = (await s.read(COPY))!;
		expect(copy).not.toMatch(/#(emotion|response|empathy)\//);
		expect(copy).not.toContain("emotion/hurt");
		expect(copy).toContain("She felt ashamed.");
		expect(copy).toContain("I reflected it.");
		expect(copy).toMatch(/coding-of: "?\[\[2026-03-10 session 3\]\]"?/);
		expect(copy).toContain("coder: Ana Ruiz");
		expect(await s.read(NOTE)).toBe(TEXT);
		// Every unit of the original is a unit of the copy, so the two codings can be compared.
		expect(compareCodings(TEXT, copy, vocab).units).toEqual({ matched: 2, onlyA: 0, onlyB: 0 });
	});

	it("never overwrites: a second copy gets a free name", async () => {
		const s = await setup({ [NOTE]: TEXT, [COPY]: "someone's coding\n" });
		await s.run();
		expect(await s.read(COPY)).toBe("someone's coding\n");
		expect(await s.read("Clients/C-1/2026-03-10 session 3 (blind copy) (2).md")).toContain("coder: Ana Ruiz");
	});

	it("changes nothing and says why without a name in settings, or with broken properties", async () => {
		const s = await setup({ [NOTE]: TEXT }, "");
		await s.run();
		expect(await s.read(COPY)).toBeNull();
		expect(Notice.messages.at(-1)).toMatch(/Enter your name.*Nothing was created/);
		const broken = await setup({ [NOTE]: "---\nclient: [C-1\n---\nText #emotion/fear\n" });
		await broken.run();
		expect(await broken.read(COPY)).toBeNull();
		expect(Notice.messages.at(-1)).toMatch(/not valid YAML.*Nothing was created/);
	});
});
