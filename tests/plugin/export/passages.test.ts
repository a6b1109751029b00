/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * "Export coded passages" in the test double: the same form, preview and
 * de-identification as "Export de-identified copy", then the copies and one
 * CSV of their coded passages (the columns of `attune segments`) in a new
 * folder. The CSV is read back as a spreadsheet would read it.
 */
import "../view/node-globals";
import { Modal, Notice } from "../../obsidian-double/obsidian";
import { PASSAGES_FILE } from "../../../src/plugin/export/write-passages";
import { SEGMENT_COLUMNS } from "../../../src/core/export/segments";
import { FOLDER, click, exportSetup, previewClientExport } from "../../helpers/export-flow";
import { readCsv } from "../../helpers/csv";
import { readNote } from "../../../src/core/note/reader";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";
import { parseYaml } from "../../obsidian-double/obsidian";

beforeEach(() => {
	Notice.messages.length = 0;
	Modal.current = null;
});

describe("Export coded passages", () => {
	it("is a command with no default hotkey, and its preview writes nothing", async () => {
		const { app } = await exportSetup();
		const cmd = app.commands.get("attune:export-passages")!;
		expect(cmd.hotkeys ?? []).toEqual([]);
		const preview = await previewClientExport(app, "attune:export-passages", "Export coded passages");
		expect(preview.titleEl.textContent).toBe("Preview export of coded passages");
		expect(preview.controls.export!.buttonEl.textContent).toBe("Export passages");
		expect(app.vault.writes).toEqual([]);
	});

	it("writes the copies and one CSV of their passages into a new folder, and nothing else", async () => {
		const { app, before } = await exportSetup();
		const preview = await previewClientExport(app, "attune:export-passages", "Export coded passages");
		const n = preview["prepared"].plan.notes.length;
		await click(preview.controls.export);
		const csvPath = `${FOLDER}/${PASSAGES_FILE}`;
		for (const w of app.vault.writes) {
			expect(["create", "createFolder"]).toContain(w.op);
			expect(FOLDER.startsWith(w.path) || w.path.startsWith(`${FOLDER}/`)).toBe(true);
		}
		for (const [p, t] of before) expect(app.vault.text(p)).toBe(t);
		const copies = app.vault.getFiles().filter((f) => f.path.startsWith(`${FOLDER}/`) && f.extension === "md");
		expect(copies).toHaveLength(n);

		const [header, ...rows] = readCsv(app.vault.text(csvPath));
		expect(header).toEqual([...SEGMENT_COLUMNS]);
		// One row per Attune tag that the copies hold as Attune reads them, each naming its copy and carrying its passage.
		const vocab = vocabularyFrom(DEFAULT_SETTINGS);
		const perCopy = new Map(copies.map((f) => [f.path, readNote(f.path, app.vault.text(f.path), vocab, (y) => parseYaml(y)).occurrences.length]));
		expect(rows.length).toBeGreaterThan(10);
		for (const [p, k] of perCopy) expect([p, rows.filter((r) => r[0] === p).length]).toEqual([p, k]);
		const at = (name: string) => header!.indexOf(name);
		expect(rows.filter((r) => r[at("text")] !== "").length).toBeGreaterThan(10);
		for (const r of rows) {
			expect(copies.map((f) => f.path)).toContain(r[at("path")]);
			// A tag in the properties (tags:) has no passage; every other row carries its tag's text.
			if (r[at("text")] !== "") expect(r[at("text")]!.toLowerCase()).toContain(`/${r[at("value")]}`);
		}
		expect(Notice.messages.some((m) => m.includes(`${rows.length} coded passages to “${csvPath}”`))).toBe(true);
	});

	it("carries no identifier that the copies do not: names, client code, dates", async () => {
		const { app } = await exportSetup();
		await click((await previewClientExport(app, "attune:export-passages", "Export coded passages")).controls.export);
		const csv = app.vault.text(`${FOLDER}/${PASSAGES_FILE}`);
		for (const p of ["Mara", "Quill", "C-101", "2026-01-20", "Lindqvist", "Verhoeven"]) expect(csv).not.toContain(p);
	});
});
