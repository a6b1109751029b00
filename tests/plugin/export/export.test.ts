/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * The export command inside the test double: choose, preview, write. Source
 * notes never change; only new folders and notes appear under the export
 * folder; a step that cannot act safely writes nothing and says why.
 */
import { type App, type ButtonComponent, type DropdownComponent, Modal, Notice, TFile, type TextComponent } from "../../obsidian-double/obsidian";
import { type Summary, summarize, summaryJson } from "../../../src/core/index/summary";
import type { AttuneSettings } from "../../../src/core/settings";
import type { AttuneContext } from "../../../src/plugin/context";
import { ExportPreviewModal } from "../../../src/plugin/export/preview-modal";
import { registerExport } from "../../../src/plugin/export/register";
import { ExportScopeModal } from "../../../src/plugin/export/scope-modal";
import { prepareExport } from "../../../src/plugin/export/prepare";
import { writeExport } from "../../../src/plugin/export/write";
import { exampleVaultFiles, makeContext } from "../../helpers/harness";
import { FIXTURE_CLIENT, KEPT_PROPERTY, NEAR_MISSES, fixtureClientNote, plantedNotes } from "../../helpers/planted";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { parse as parseYaml } from "yaml";
import { NoteIndex } from "../../../src/core/index/index";
import { readNote } from "../../../src/core/note/reader";
import { vaultSnapshot } from "../../helpers/snapshot";

/**
 * The copies as a supervisor's vault would summarize them. The clinician's own
 * index leaves the export folder out, so that nothing is counted twice.
 */
function summaryOfCopies(app: App, ctx: AttuneContext): Summary {
	const index = new NoteIndex();
	for (const f of app.vault.getMarkdownFiles()) {
		if (f.path.startsWith(FOLDER + "/")) index.set(readNote(f.path, app.vault.text(f.path), ctx.vocab(), (y) => parseYaml(y) as unknown));
	}
	expect(index.size).toBeGreaterThan(0);
	expect(summarize(ctx.index, { folder: FOLDER }).notes).toBe(0);
	return summarize(index);
}

/** Midday local time, so the dated folder is the same day in every time zone. */
const NOW = new Date(2026, 2, 16, 12, 0, 0);
const FOLDER = "Supervision exports/Export 2026-03-16";
const SESSION_2 = "Clients/C-101/2026-01-20 session 2.md";

async function setup(files: Record<string, string> = exampleVaultFiles(), settings: Partial<AttuneSettings> = {}) {
	const made = await makeContext(files, { now: NOW, settings });
	registerExport(made.ctx);
	const app: App = made.app;
	const before = new Map<string, string>(Object.keys(files).map((p) => [p, app.vault.text(p)]));
	return { app, ctx: made.ctx, saved: made.saved, before };
}

/** The form's controls are typed with Obsidian's typings; in tests they are the double's, which can be clicked and typed into. */
const click = (b: unknown) => (b as ButtonComponent)._click();
const input = (c: unknown, v: string) => (c as TextComponent | DropdownComponent)._input(v);

async function open(app: App, path: string): Promise<void> {
	const file = app.vault.getFileByPath(path);
	if (!file) throw new Error(`no ${path}`);
	await app.workspace.getLeaf(true).openFile(file);
}

/** Runs the command and returns the form it opens. */
function runCommand(app: App): ExportScopeModal {
	const cmd = app.commands.get("attune:export-deidentified");
	if (!cmd?.callback) throw new Error("command not registered");
	cmd.callback();
	const modal = Modal.current;
	if (!(modal instanceof ExportScopeModal)) throw new Error("the export form did not open");
	return modal;
}

async function toPreview(form: ExportScopeModal): Promise<ExportPreviewModal> {
	await click(form.controls.preview);
	const modal = Modal.current;
	if (!(modal instanceof ExportPreviewModal)) throw new Error(`no preview; notices: ${Notice.messages.join(" | ")}`);
	return modal;
}

/** Every source note still has its text, byte for byte. */
function expectSourcesUnchanged(app: App, before: Map<string, string>): void {
	for (const [p, text] of before) expect(app.vault.text(p)).toBe(text);
}

/** Only new folders and notes, all inside the export folder. */
function expectOnlyCreatedUnder(app: App, folder: string): void {
	expect(app.vault.writes.length).toBeGreaterThan(0);
	for (const w of app.vault.writes) {
		expect(["create", "createFolder"]).toContain(w.op);
		expect(folder.startsWith(w.path) || w.path.startsWith(`${folder}/`) || w.path === folder).toBe(true);
	}
}

function counts(summary: Summary) {
	const s = summaryJson(summary);
	return { notes: s.notes, emotions: s.emotions, resonance: s.resonance, empathy: s.empathy, responses: s.responses, processes: s.processes, comments: s.supervisorComments };
}

async function settle(ctx: AttuneContext): Promise<void> {
	// The indexer hears of new notes through metadata events and reads them asynchronously.
	for (let i = 0; i < 5; i++) await new Promise((r) => window.setTimeout(r, 0));
	await ctx.indexer.ready;
}

beforeEach(() => {
	Notice.messages.length = 0;
	Modal.current = null;
});

describe("export of the active note", () => {
	it("previews, then writes one de-identified copy into a new dated folder", async () => {
		const { app, ctx, before } = await setup();
		await open(app, SESSION_2);
		const form = runCommand(app);
		expect(form.controls.kind!.getValue()).toBe("note");
		const preview = await toPreview(form);
		expect(app.vault.writes).toEqual([]);
		const text = preview.contentEl.textContent ?? "";
		expect(text).toContain(`1 note will be written to the new folder “${FOLDER}”`);
		expect(preview.contentEl.querySelector('tr[data-category="client"] .attune-deid-count')?.textContent).toBe("1");
		expect(text).toContain("Mara → Client A");
		expect(text).toContain("Pattern-based redaction can miss identifiers");

		await click(preview.controls.export);
		expectOnlyCreatedUnder(app, FOLDER);
		expect(app.vault.writes).toEqual([
			{ op: "createFolder", path: "Supervision exports" },
			{ op: "createFolder", path: FOLDER },
			{ op: "create", path: `${FOLDER}/2026-01 session 2.md` },
		]);
		const copy = app.vault.text(`${FOLDER}/2026-01 session 2.md`);
		for (const p of ["Mara", "Quill", "C-101", "2026-01-20", "Lindqvist", "Verhoeven"]) expect(copy).not.toContain(p);
		expect(copy).toContain("Client A arrived late");
		expect(copy).toContain("#emotion/shame/primary-maladaptive");
		expect(Notice.messages).toContain(`Exported 1 de-identified note to “${FOLDER}”. Read the report at the top of each before sharing.`);
		expectSourcesUnchanged(app, before);
		await settle(ctx);
		expect(counts(summaryOfCopies(app, ctx))).toEqual(counts(summarize(ctx.index, { path: SESSION_2 })));
	});

	it.each([
		["a note without properties", "Loose notes/Call.md", "Call with C-101: mara.quill@example.org #emotion/fear\n", "Client A: [email] #emotion/fear\n"],
		["a note with CRLF line endings", "Loose notes/Crlf.md", "---\r\nnote-type: session\r\nclient: C-101\r\n---\r\nMara rang 06-12345678.\r\n#emotion/joy\r\n", "Client A rang [phone].\r\n#emotion/joy\r\n"],
	])("exports %s", async (_what, path, source, ending) => {
		const { app, before } = await setup({ ...exampleVaultFiles(), [path]: source });
		await open(app, path);
		const preview = await toPreview(runCommand(app));
		await click(preview.controls.export);
		expectOnlyCreatedUnder(app, FOLDER);
		const created = app.vault.writes.filter((w) => w.op === "create").map((w) => w.path);
		expect(created).toHaveLength(1);
		const copy = app.vault.text(created[0]!);
		expect(copy.endsWith(ending)).toBe(true);
		expect(copy).not.toContain("C-101");
		expectSourcesUnchanged(app, before);
	});

	it("refuses a note whose properties are not valid YAML: nothing written, a Notice says why", async () => {
		const path = "Clients/C-101/Broken.md";
		const source = "---\nclient: [C-101\nnote-type: session\n---\nMara #emotion/fear\n";
		const { app, before } = await setup({ ...exampleVaultFiles(), [path]: source });
		await open(app, path);
		const form = runCommand(app);
		await click(form.controls.preview);
		expect(Modal.current).toBeNull();
		expect(app.vault.writes).toEqual([]);
		expect(app.vault.text(path)).toBe(source);
		expect(Notice.messages.join("\n")).toContain("Nothing was exported: “Clients/C-101/Broken.md” cannot be exported, because its properties are not valid YAML");
		expectSourcesUnchanged(app, before);
	});

	it("writes nothing when the preview is cancelled", async () => {
		const { app, before } = await setup();
		await open(app, SESSION_2);
		const preview = await toPreview(runCommand(app));
		await click(preview.controls.cancel);
		expect(Modal.current).toBeNull();
		expect(app.vault.writes).toEqual([]);
		expectSourcesUnchanged(app, before);
	});

	it("writes nothing when the form is cancelled", async () => {
		const { app } = await setup();
		await open(app, SESSION_2);
		const form = runCommand(app);
		await click(form.controls.cancel);
		expect(Modal.current).toBeNull();
		expect(app.vault.writes).toEqual([]);
	});
});

describe("export of a client's notes in a date range", () => {
	it("exports sessions and supervision of the range, linking the copies to each other", async () => {
		const { app, ctx, before } = await setup();
		const form = runCommand(app);
		// No active note: the form starts with a client.
		expect(form.controls.kind).toBeUndefined();
		await input(form.controls.client, "C-101");
		await input(form.controls.from, "2026-01-20");
		await input(form.controls.to, "2026-02-17");
		const preview = await toPreview(form);
		expect(preview.contentEl.textContent).toContain("5 notes will be written");
		// The example vault's coding copy of session 3 is in the range: it is left out, and named.
		expect(preview.contentEl.textContent).toContain("1 coding copy is left out, as summaries leave them out, so that no session counts twice: Clients/C-101/2026-01-27 session 3 (blind copy).md");
		await click(preview.controls.export);
		expectOnlyCreatedUnder(app, FOLDER);
		const created = app.vault.writes.filter((w) => w.op === "create").map((w) => w.path.slice(FOLDER.length + 1));
		expect(created).toEqual(["2026-01 session 2.md", "2026-01 session 3.md", "2026-02 supervision Client A.md", "2026-02 session 4.md", "2026-02 session 5.md"]);
		const supervision = app.vault.text(`${FOLDER}/2026-02 supervision Client A.md`);
		expect(supervision).toContain(`[[${FOLDER}/2026-01 session 2|2026-01 session 2]] and [[${FOLDER}/2026-01 session 3|2026-01 session 3]]`);
		for (const p of created) {
			const copy = app.vault.text(`${FOLDER}/${p}`);
			for (const id of ["Mara", "Quill", "C-101", "Client 101"]) expect(copy).not.toContain(id);
		}
		expectSourcesUnchanged(app, before);
		await settle(ctx);
		expect(counts(summaryOfCopies(app, ctx))).toEqual(counts(summarize(ctx.index, { client: "C-101", from: "2026-01-20", to: "2026-02-17" })));
		// The opened copy is the first one, for the clinician to read.
		expect(app.workspace.getActiveFile()?.path).toBe(`${FOLDER}/2026-01 session 2.md`);
	});

	it("remembers the date choice as a setting and uses it", async () => {
		const { app, saved } = await setup();
		await open(app, SESSION_2);
		const form = runCommand(app);
		await input(form.controls.kind, "client");
		await input(form.controls.dates, "session");
		expect(saved.map((s) => s.exportDates)).toEqual(["session"]);
		const preview = await toPreview(form);
		await click(preview.controls.export);
		const created = app.vault.writes.filter((w) => w.op === "create").map((w) => w.path.slice(FOLDER.length + 1));
		expect(created).toContain("session 2.md");
		expect(created).toContain("supervision Client A.md");
		const supervision = app.vault.text(`${FOLDER}/supervision Client A.md`);
		expect(supervision).toContain(`[[${FOLDER}/session 2|session 2]] and [[${FOLDER}/session 3|session 3]]`);
		// The only date left is the export folder's own.
		expect(supervision.split(FOLDER).join("")).not.toMatch(/\d{4}-\d{2}/);
	});

	it("remembers the export folder and the properties kept, and uses them", async () => {
		const { app, saved } = await setup();
		await open(app, SESSION_2);
		const form = runCommand(app);
		await input(form.controls.folder, "Shared/For supervision/");
		await input(form.controls.properties, "Session, note-type,, session");
		const preview = await toPreview(form);
		expect(saved.map((s) => [s.exportFolder, s.exportAllowedProperties])).toEqual([["Shared/For supervision", ["session", "note-type"]]]);
		expect(preview.contentEl.textContent).toContain("Properties kept: session, note-type, and tags.");
		await click(preview.controls.export);
		const path = "Shared/For supervision/Export 2026-03-16/2026-01 session 2.md";
		expect(app.vault.writes.map((w) => w.path)).toEqual(["Shared", "Shared/For supervision", "Shared/For supervision/Export 2026-03-16", path]);
		expect(app.vault.text(path).startsWith("---\nnote-type: session\nsession: 2\n---\n")).toBe(true);
	});

	it.each([
		["a from date that is no date", "2026-13-01", "", "“2026-13-01” is not a date"],
		["a range that ends before it starts", "2026-03-01", "2026-01-01", "The range ends before it starts."],
	])("refuses %s in the form, writing nothing", async (_what, from, to, message) => {
		const { app } = await setup();
		const form = runCommand(app);
		await input(form.controls.from, from);
		await input(form.controls.to, to);
		await click(form.controls.preview);
		expect(Modal.current).toBe(form);
		expect(form.contentEl.querySelector(".attune-deid-error")?.textContent).toContain(message);
		expect(app.vault.writes).toEqual([]);
	});

	it("says so when the range holds no notes", async () => {
		const { app } = await setup();
		const form = runCommand(app);
		await input(form.controls.client, "C-101");
		await input(form.controls.from, "2030-01-01");
		await click(form.controls.preview);
		expect(Notice.messages).toEqual(["No notes of C-101 in that date range were found, so there is nothing to export."]);
		expect(app.vault.writes).toEqual([]);
	});
});

describe("never overwriting", () => {
	it("uses a new dated folder when today's already exists, and leaves it alone", async () => {
		const earlier = `${FOLDER}/2026-01 session 2.md`;
		const { app } = await setup({ ...exampleVaultFiles(), [earlier]: "An earlier export.\n" });
		await open(app, SESSION_2);
		const preview = await toPreview(runCommand(app));
		await click(preview.controls.export);
		expect(app.vault.text(earlier)).toBe("An earlier export.\n");
		expect(app.vault.writes).toEqual([
			{ op: "createFolder", path: `${FOLDER} (2)` },
			{ op: "create", path: `${FOLDER} (2)/2026-01 session 2.md` },
		]);
	});

	it("refuses when the folder appears while the preview is open", async () => {
		const { app } = await setup();
		await open(app, SESSION_2);
		const preview = await toPreview(runCommand(app));
		await app.vault.createFolder("Supervision exports");
		await app.vault.createFolder(FOLDER);
		app.vault.writes.length = 0;
		await click(preview.controls.export);
		expect(app.vault.writes).toEqual([]);
		expect(Notice.messages.join("\n")).toContain("an export never writes into an existing folder");
	});

	it("refuses when the export folder setting names a file", async () => {
		const { app } = await setup({ ...exampleVaultFiles(), "Exports.md": "x" }, { exportFolder: "Exports.md" });
		await open(app, SESSION_2);
		await click(runCommand(app).controls.preview);
		expect(app.vault.writes).toEqual([]);
		expect(Notice.messages).toEqual(["The export folder “Exports.md” is a file. Choose another folder in Attune's settings."]);
		expect(app.vault.getFileByPath("Exports.md")).toBeInstanceOf(TFile);
	});
});

describe("check these before sharing", () => {
	const PARTNER = "Clients/C-101/2026-01-27 partner call.md";
	const partnerNote = "---\nnote-type: session\nclient: C-101\ndate: 2026-01-27\nsession: 3\n---\nMara said her partner Tomasz came too. #emotion/anger\n";
	const CLIENT_NOTE = "Clients/C-101/C-101.md";

	async function previewPartner(files: Record<string, string> = { ...exampleVaultFiles(), [PARTNER]: partnerNote }) {
		const made = await setup(files);
		await open(made.app, PARTNER);
		return { ...made, preview: await toPreview(runCommand(made.app)) };
	}

	function reviewRow(preview: ExportPreviewModal, text: string): HTMLElement | undefined {
		return [...preview.contentEl.querySelectorAll<HTMLElement>("tr[data-kind]")].find((r) => r.querySelector("td")?.textContent === text);
	}

	it("lists what the copy still holds, with context and note, before anything is written", async () => {
		const { app, preview } = await previewPartner();
		expect(preview.contentEl.textContent).toContain("Check these before sharing");
		const row = reviewRow(preview, "Tomasz");
		expect(row?.dataset.kind).toBe("capitalized");
		expect(row?.textContent).toContain("Client A said her partner Tomasz came too.");
		expect(row?.textContent).toContain(PARTNER);
		expect(app.vault.writes).toEqual([]);
		await click(preview.controls.export);
		const copy = app.vault.text(`${FOLDER}/2026-01 partner call.md`);
		expect(copy).toContain("> 1 possible identifier was shown for review before this copy was written.");
		expect(copy).toContain("Tomasz");
	});

	it("adds a word to the client note's identifiers in one action, and the next preview replaces it", async () => {
		const { app, preview, before } = await previewPartner();
		const index = [...preview.contentEl.querySelectorAll("tr[data-kind]")].indexOf(reviewRow(preview, "Tomasz")!);
		await click(preview.controls.add[index]);
		expect(app.vault.writes).toEqual([{ op: "process", path: CLIENT_NOTE }]);
		const client = app.vault.text(CLIENT_NOTE);
		expect(client).toContain("identifiers:\n  - Mara Quill\n  - Tomasz\n");
		// The rest of the client note is as it was: only the property changed.
		expect(client.slice(client.indexOf("\n---\n"))).toBe(before.get(CLIENT_NOTE)!.slice(before.get(CLIENT_NOTE)!.indexOf("\n---\n")));
		expect(Notice.messages).toContain(`“Tomasz” was added to the identifiers of “${CLIENT_NOTE}”. Preview again to replace it.`);

		await click(preview.controls.previewAgain);
		const again = Modal.current;
		if (!(again instanceof ExportPreviewModal)) throw new Error("no second preview");
		expect(reviewRow(again, "Tomasz")).toBeUndefined();
		await click(again.controls.export);
		const copy = app.vault.text(`${FOLDER}/2026-01 partner call.md`);
		expect(copy).not.toContain("Tomasz");
		expect(copy).toContain("her partner Client A came too");
		expect(copy).toContain("> 0 possible identifiers were shown for review");
		for (const [p, text] of before) if (p !== CLIENT_NOTE) expect(app.vault.text(p)).toBe(text);
	});

	it("refuses safely when the client note's properties are not valid YAML", async () => {
		const broken = "---\nnote-type: client\nidentifiers: [Mara Quill\n---\n# C-101\n";
		const { app, preview } = await previewPartner({ ...exampleVaultFiles(), [PARTNER]: partnerNote, [CLIENT_NOTE]: broken });
		const index = [...preview.contentEl.querySelectorAll("tr[data-kind]")].indexOf(reviewRow(preview, "Tomasz")!);
		await click(preview.controls.add[index]);
		expect(app.vault.writes).toEqual([]);
		expect(app.vault.text(CLIENT_NOTE)).toBe(broken);
		expect(Notice.messages).toContain(`The properties of “${CLIENT_NOTE}” are not valid YAML, so nothing was added. Fix them first.`);
	});

	it("writes nothing when the list was never shown", async () => {
		const { app, ctx } = await setup({ ...exampleVaultFiles(), [PARTNER]: partnerNote });
		const prepared = await prepareExport(ctx, { kind: "note", path: PARTNER }, "month");
		if ("error" in prepared) throw new Error(prepared.error);
		const result = await writeExport(ctx, prepared);
		expect(result).toEqual({ error: "Nothing was written: the list of what to check before sharing has not been shown yet. Preview the export first." });
		expect(app.vault.writes).toEqual([]);
	});
});

describe("the planted client, exported inside the double", () => {
	const snapshot = vaultSnapshot;

	it("replaces every planted identifier, changes no file, and writes only inside the new export folder", async () => {
		const planted = plantedNotes();
		const client = fixtureClientNote();
		const files: Record<string, string> = { ...exampleVaultFiles(), [client.path]: client.text };
		for (const n of planted) files[n.path] = n.text;
		const { app } = await setup(files, { exportAllowedProperties: [...DEFAULT_SETTINGS.exportAllowedProperties, KEPT_PROPERTY] });
		const before = snapshot(app);

		const form = runCommand(app);
		await input(form.controls.client, FIXTURE_CLIENT.code);
		const preview = await toPreview(form);
		expect(preview.contentEl.textContent).toContain("Check these before sharing");
		await click(preview.controls.export);

		const after = snapshot(app);
		for (const [p, text] of before) expect([p, after.get(p)]).toEqual([p, text]);
		const created = [...after.keys()].filter((p) => !before.has(p));
		expect(created).toHaveLength(planted.length);
		for (const p of created) expect(p.startsWith(`${FOLDER}/`)).toBe(true);
		expect(app.vault.writes.filter((w) => w.op !== "create" && w.op !== "createFolder")).toEqual([]);
		for (const p of created) {
			const copy = after.get(p)!;
			for (const n of planted) {
				expect([p, copy.includes(n.plant.gone)]).toEqual([p, false]);
				expect([p, p.includes(n.plant.gone)]).toEqual([p, false]);
			}
			for (const line of NEAR_MISSES) expect(copy).toContain(line);
			expect(copy).toMatch(/> \d+ possible identifiers? (?:was|were) shown for review/);
		}
	});
});
