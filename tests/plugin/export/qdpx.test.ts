/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * "Export for qualitative analysis (QDPX)" in the test double: the same
 * form, preview and de-identification as "Export de-identified copy", then
 * the copies and a REFI-QDA project of them in a new folder. The project is
 * unzipped and read back as a QDA tool would read it.
 */
import "../view/node-globals";
import { Modal, Notice } from "../../obsidian-double/obsidian";
import { ExportPreviewModal } from "../../../src/plugin/export/preview-modal";
import { QDPX_FILE } from "../../../src/plugin/export/write-qdpx";
import { FOLDER, click, exportSetup, previewClientExport } from "../../helpers/export-flow";
import { readQdpx } from "../../helpers/qdpx";

beforeEach(() => {
	Notice.messages.length = 0;
	Modal.current = null;
});

describe("Export for qualitative analysis (QDPX)", () => {
	it("is a command with no default hotkey", async () => {
		const { app } = await exportSetup();
		const cmd = app.commands.get("attune:export-qdpx");
		expect(cmd?.name).toBe("Export for qualitative analysis (QDPX)");
		expect(cmd?.hotkeys ?? []).toEqual([]);
	});

	it("previews with the de-identified export's choices and list, writing nothing yet", async () => {
		const { app } = await exportSetup();
		const preview = await previewClientExport(app, "attune:export-qdpx", "Export for qualitative analysis (QDPX)");
		const text = preview.contentEl.textContent ?? "";
		expect(text).toMatch(new RegExp(`\\d+ notes will be de-identified and written to the new folder “${FOLDER}”, with a project of them for qualitative-analysis tools \\(${QDPX_FILE}\\)`));
		expect(text).toContain("Check these before sharing");
		expect(text).toContain("Pattern-based redaction can miss identifiers");
		expect(preview.controls.export!.buttonEl.textContent).toBe("Export project");
		expect(app.vault.writes).toEqual([]);
	});

	it("writes the copies and a project of them into a new folder, and nothing else", async () => {
		const { app, before } = await exportSetup();
		const preview = await previewClientExport(app, "attune:export-qdpx", "Export for qualitative analysis (QDPX)");
		const n = preview["prepared"].plan.notes.length;
		await click(preview.controls.export);
		const project = `${FOLDER}/${QDPX_FILE}`;
		expect(app.vault.writes.filter((w) => w.op === "createBinary")).toEqual([{ op: "createBinary", path: project }]);
		for (const w of app.vault.writes) {
			expect(["create", "createFolder", "createBinary"]).toContain(w.op);
			expect(FOLDER.startsWith(w.path) || w.path.startsWith(`${FOLDER}/`)).toBe(true);
		}
		for (const [p, t] of before) expect(app.vault.text(p)).toBe(t);
		expect(Notice.messages.some((m) => m.startsWith(`Exported a project of ${n} de-identified notes, with `) && m.includes(`to “${project}”`))).toBe(true);

		const read = readQdpx(app.vault.binary(project)!);
		expect(read.sources).toHaveLength(n);
		const copies = app.vault.getMarkdownFiles().filter((f) => f.path.startsWith(`${FOLDER}/`));
		expect(copies).toHaveLength(n);
		// Each source is a copy, byte for byte (line breaks as LF): the project holds what the copies hold.
		for (const s of read.sources) expect(s.text).toBe(app.vault.text(s.description).replace(/\r\n?/g, "\n"));
		let selections = 0;
		for (const s of read.sources) {
			for (const sel of s.selections) {
				expect(sel.cut).toMatch(/#(emotion|resonance|empathy|response|process|therapist|relationship|compassion)\//i);
				selections++;
			}
		}
		expect(selections).toBeGreaterThan(10);
	});

	it("carries no identifier that the copies do not: names, client code, dates", async () => {
		const { app } = await exportSetup();
		await click((await previewClientExport(app, "attune:export-qdpx", "Export for qualitative analysis (QDPX)")).controls.export);
		const bytes = app.vault.binary(`${FOLDER}/${QDPX_FILE}`)!;
		const all = Buffer.from(bytes).toString("utf8");
		for (const p of ["Mara", "Quill", "C-101", "2026-01-20", "Lindqvist", "Verhoeven"]) expect(all).not.toContain(p);
		// The client property is not kept, so no case names a client.
		expect(readQdpx(bytes).cases.size).toBe(0);
	});

	it("stays an export for qualitative analysis when previewed again", async () => {
		// A name no rule knows, so that the preview lists it for review and offers to preview again.
		const { app } = await exportSetup({ "Clients/C-101/2026-03-03 session 7.md": "---\nnote-type: session\nclient: C-101\ndate: 2026-03-03\nsession: 7\n---\nShe spoke of her friend Bartholomew again #emotion/joy.\n" });
		const preview = await previewClientExport(app, "attune:export-qdpx", "Export for qualitative analysis (QDPX)");
		expect(preview.contentEl.textContent).toContain("Bartholomew");
		expect(preview.controls.previewAgain).toBeDefined();
		await click(preview.controls.previewAgain);
		const again = Modal.current;
		if (!(again instanceof ExportPreviewModal)) throw new Error("no second preview");
		expect(again).not.toBe(preview);
		expect(again.controls.export!.buttonEl.textContent).toBe("Export project");
		expect(app.vault.writes).toEqual([]);
	});

	it("writes nothing when the folder appeared while the preview was open", async () => {
		const { app } = await exportSetup();
		const preview = await previewClientExport(app, "attune:export-qdpx", "Export for qualitative analysis (QDPX)");
		await app.vault.create(`${FOLDER}/mine.md`, "mine");
		app.vault.writes.length = 0;
		await click(preview.controls.export);
		expect(app.vault.writes).toEqual([]);
		expect(app.vault.text(`${FOLDER}/mine.md`)).toBe("mine");
		expect(Notice.messages.at(-1)).toMatch(/appeared while the preview was open/);
	});

	it("says so, and keeps the copies, when the project cannot be written", async () => {
		const { app, before } = await exportSetup();
		const preview = await previewClientExport(app, "attune:export-qdpx", "Export for qualitative analysis (QDPX)");
		// A disk that fails on the last write: the copies are in, the project is not.
		app.vault.createBinary = () => Promise.reject(new Error("disk full"));
		await click(preview.controls.export);
		expect(Notice.messages.at(-1)).toBe(`The de-identified copies were written to “${FOLDER}”, but the project could not be (disk full). Nothing was overwritten; run the export again to write a new folder.`);
		expect(app.vault.getMarkdownFiles().filter((f) => f.path.startsWith(`${FOLDER}/`)).length).toBeGreaterThan(0);
		for (const [p, t] of before) expect(app.vault.text(p)).toBe(t);
	});
});
