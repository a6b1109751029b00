/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { MarkdownView, Modal, Notice, type Scope, TFile } from "../../obsidian-double/obsidian";
import { parse as parseYaml } from "yaml";
import { readProperties } from "../../../src/core/note/properties";
import { createNoteFromRequest, type NewNoteRequest } from "../../../src/plugin/authoring/create-note";
import { NewNoteModal } from "../../../src/plugin/authoring/new-note-modal";
import { newSupervisionNote } from "../../../src/plugin/authoring/register";
import { exampleVaultFiles } from "../../helpers/harness";
import { authoring, currentModal, openNote, settle } from "./setup";

function props(text: string) {
	const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
	return m ? (parseYaml(m[1]!) as Record<string, unknown>) : {};
}

const session = (over: Partial<NewNoteRequest> = {}): NewNoteRequest => ({ kind: "session", client: "C-101", date: "2026-03-16", session: 7, template: "efmt", ...over });

describe("creating a session note", () => {
	it("follows the folder and file-name patterns and fills the properties, previous linking the client's last session", async () => {
		const a = await authoring(exampleVaultFiles(), { clinicianName: "Dr. Ada Lindqvist (example)", defaultModality: "EFMT" });
		const r = await createNoteFromRequest(a.ctx, session({ modality: "EFMT" }));
		expect(r).toMatchObject({ path: "Clients/C-101/2026-03-16 session 7.md", renamed: false });
		const text = a.app.vault.text("Clients/C-101/2026-03-16 session 7.md");
		const { props: p, problems } = readProperties(props(text), "x.md");
		expect(problems).toEqual([]);
		expect(p).toEqual({
			noteType: "session", client: "C-101", date: "2026-03-16", session: 7, previous: "2026-02-24 session 6", modality: "EFMT", clinician: "Dr. Ada Lindqvist (example)",
		});
		expect(text).toContain('previous: "[[2026-02-24 session 6]]"');
		expect(text).toContain("## Emotions symbolized");
		expect(a.app.vault.writes).toEqual([{ op: "create", path: "Clients/C-101/2026-03-16 session 7.md" }]);
	});

	it("a known client typed in another case keeps the vault's spelling", async () => {
		const a = await authoring(exampleVaultFiles());
		const r = await createNoteFromRequest(a.ctx, session({ client: "c-101" }));
		expect(r).toMatchObject({ path: "Clients/C-101/2026-03-16 session 7.md" });
		expect(props(a.app.vault.text("Clients/C-101/2026-03-16 session 7.md"))).toMatchObject({ client: "C-101" });
	});

	it("a folder that cannot be created is a clear answer, and nothing is written", async () => {
		const a = await authoring({});
		a.app.vault.createFolder = () => Promise.reject(new Error("Folder already exists."));
		const r = await createNoteFromRequest(a.ctx, session({ client: "C-9", session: 1 }));
		expect("error" in r && r.error).toContain("could not be created");
		expect(a.app.vault.writes).toEqual([]);
	});

	it("a session written up late links the session before it, not the latest", async () => {
		const a = await authoring(exampleVaultFiles());
		// C-101's sessions are dated 2026-01-13 ... 2026-02-24; a missed write-up for 2026-02-01.
		const r = await createNoteFromRequest(a.ctx, session({ date: "2026-02-01", session: 3 }));
		const text = a.app.vault.text((r as { path: string }).path);
		expect(text).toContain('previous: "[[2026-01-27 session 3]]"');
	});

	it("never overwrites: a taken name gets (2), then (3)", async () => {
		const taken = "Clients/C-1/2026-03-16 session 1.md";
		const a = await authoring({ [taken]: "My own words.\n", "Clients/C-1/2026-03-16 session 1 (2).md": "Also mine.\n" });
		const r = await createNoteFromRequest(a.ctx, session({ client: "C-1", session: 1 }));
		expect(r).toMatchObject({ path: "Clients/C-1/2026-03-16 session 1 (3).md", renamed: true });
		expect(a.app.vault.text(taken)).toBe("My own words.\n");
		expect(a.app.vault.text("Clients/C-1/2026-03-16 session 1 (2).md")).toBe("Also mine.\n");
		expect(a.app.vault.writes.map((w) => w.op)).toEqual(["create"]);
	});

	it("a new client: the folders are created, no previous link, and the title placeholder is the note's name", async () => {
		const a = await authoring({}, { sessionFolder: "Practice/{{client}}", sessionFileName: "{{client}} {{date:YYYY MM DD}} #{{session}}" });
		a.ctx.settings().templatePaths.efmt = "T.md";
		a.app.vault.seed("T.md", "---\nnote-type: session\n---\n# {{title}}\n");
		const r = await createNoteFromRequest(a.ctx, session({ client: "New/One", session: 1 }));
		// `/` and `#` in a client code or pattern value cannot go into a file name.
		expect(r).toMatchObject({ path: "Practice/New-One/New-One 2026 03 16 #1.md" });
		expect(a.app.vault.writes).toEqual([
			{ op: "createFolder", path: "Practice" },
			{ op: "createFolder", path: "Practice/New-One" },
			{ op: "create", path: "Practice/New-One/New-One 2026 03 16 #1.md" },
		]);
		const text = a.app.vault.text("Practice/New-One/New-One 2026 03 16 #1.md");
		expect(text).toBe("---\nnote-type: session\nclient: \"New/One\"\ndate: 2026-03-16\nsession: 1\n---\n# New-One 2026 03 16 #1\n");
	});

	it("a user's template replaces the built-in one; its properties are filled and its own values kept", async () => {
		const tpl = "---\r\nnote-type: progress\r\nclient: {{client}}\r\nmood:\r\n---\r\n## Notes {{date:D MMMM}}\r\n<% tp.file.cursor() %>\r\n";
		const a = await authoring({ "Templates/Mine.md": tpl }, { templatePaths: { soap: "Templates/Mine" } });
		const r = await createNoteFromRequest(a.ctx, session({ template: "soap", modality: "CBT" }));
		const text = a.app.vault.text((r as { path: string }).path);
		expect(text).toBe("---\r\nnote-type: progress\r\nclient: C-101\r\nmood:\r\ndate: 2026-03-16\r\nsession: 7\r\nmodality: CBT\r\n---\r\n## Notes 16 March\r\n<% tp.file.cursor() %>\r\n");
		expect(Notice.messages).toEqual([]);
	});

	it("a template path that does not exist: a notice, and the built-in template", async () => {
		const a = await authoring({}, { templatePaths: { efmt: "Templates/Gone.md" } });
		const r = await createNoteFromRequest(a.ctx, session());
		expect(a.app.vault.text((r as { path: string }).path)).toContain("### Compassion reflection");
		expect(Notice.messages).toHaveLength(1);
		expect(Notice.messages[0]).toMatch(/“Templates\/Gone\.md” was not found/);
	});

	it("a file where the folder should be: nothing is created", async () => {
		const a = await authoring({ Clients: "a file named like the folder" });
		const r = await createNoteFromRequest(a.ctx, session());
		expect(r).toHaveProperty("error");
		expect(a.app.vault.writes).toEqual([]);
	});

	it.each([
		{ name: "no client", req: session({ client: "  " }) },
		{ name: "no date", req: session({ date: "2026-02-30" }) },
	])("$name: refused, nothing written", async ({ req }) => {
		const a = await authoring({});
		expect(await createNoteFromRequest(a.ctx, req)).toHaveProperty("error");
		expect(a.app.vault.writes).toEqual([]);
	});
});

describe("the new-session form", () => {
	async function openForm(files: Record<string, string>, settings = {}) {
		const a = await authoring(files, settings);
		a.run("new-session-note");
		const modal = currentModal<NewNoteModal>();
		expect(modal).toBeInstanceOf(NewNoteModal);
		return { a, modal };
	}

	it("labels every field, in tab order, and starts with today's date and the defaults", async () => {
		const { modal } = await openForm({}, { defaultModality: "EFMT", defaultTemplate: "soap" });
		const labels = [...modal.contentEl.querySelectorAll("label")].map((l) => [l.textContent, l.getAttribute("for")]);
		expect(labels).toEqual([
			["Client", "attune-new-note-client"], ["Date", "attune-new-note-date"], ["Session number", "attune-new-note-session"],
			["Duration in minutes", "attune-new-note-duration"], ["Modality", "attune-new-note-modality"], ["Template", "attune-new-note-template"],
		]);
		expect(modal.inputs.date.value).toBe("2026-03-16");
		expect(modal.inputs.session?.value).toBe("1");
		expect(modal.inputs.duration.value).toBe("50");
		expect(modal.inputs.modality?.value).toBe("EFMT");
		expect(modal.inputs.template?.value).toBe("soap");
		expect(document.activeElement).toBe(modal.inputs.client);
	});

	it("suggests the vault's clients, most recent first; choosing one fills the next session number and the client's modality", async () => {
		const { a, modal } = await openForm(exampleVaultFiles());
		const suggest = modal.inputs.client;
		const clients = a.ctx.index.clients().map((c) => c.client);
		expect(clients.slice(0, 3)).toEqual(["C-103", "C-102", "C-101"]);
		const offered = await (modal as unknown as { clientSuggest: { _suggestions(q: string): Promise<{ client: string }[]> } }).clientSuggest._suggestions("10");
		expect(offered.map((c) => c.client)).toEqual(["C-103", "C-102", "C-101"]);
		suggest.value = "c-102";
		suggest.dispatchEvent(new Event("input"));
		expect(modal.inputs.session?.value).toBe("6");
		expect(modal.inputs.modality?.value).toBe("MBCT");
	});

	it("a number typed by hand is kept when the client changes", async () => {
		const { modal } = await openForm(exampleVaultFiles());
		modal.inputs.session!.value = "12";
		modal.inputs.session!.dispatchEvent(new Event("input"));
		modal.inputs.client.value = "C-101";
		modal.inputs.client.dispatchEvent(new Event("input"));
		expect(modal.inputs.session!.value).toBe("12");
	});

	it("Enter creates the note and opens it with the cursor in the first section", async () => {
		const { a, modal } = await openForm(exampleVaultFiles());
		modal.inputs.client.value = "C-101";
		modal.inputs.client.dispatchEvent(new Event("input"));
		expect((modal.scope as unknown as Scope)._press("Enter")).toBe(true);
		await settle();
		await settle();
		expect(Modal.current).toBeNull();
		const view = a.app.workspace.getActiveViewOfType(MarkdownView)!;
		expect(view.file?.path).toBe("Clients/C-101/2026-03-16 session 7.md");
		const cursor = view.editor.getCursor();
		expect(view.editor.getLine(cursor.line - 1)).toBe("## Meditation or presenting experience");
	});

	it("Enter on Cancel cancels: the form does not take it", async () => {
		const { a, modal } = await openForm(exampleVaultFiles());
		modal.inputs.client.value = "C-101";
		const cancel = [...modal.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Cancel")!;
		expect((modal.scope as unknown as Scope)._press("Enter", cancel)).toBe(false);
		cancel.click();
		await settle();
		expect(Modal.current).toBeNull();
		expect(a.app.vault.writes).toEqual([]);
	});

	it("the existing note is never replaced, and the notice names the new one", async () => {
		const files = { ...exampleVaultFiles(), "Clients/C-101/2026-03-16 session 7.md": "Written by hand.\n" };
		const { a, modal } = await openForm(files);
		modal.inputs.client.value = "C-101";
		modal.inputs.client.dispatchEvent(new Event("input"));
		await modal.submit();
		expect(a.app.vault.text("Clients/C-101/2026-03-16 session 7.md")).toBe("Written by hand.\n");
		expect(Notice.messages).toEqual(["A note of that name already exists, so the new note is “Clients/C-101/2026-03-16 session 7 (2).md”."]);
		expect(a.app.workspace.getActiveFile()?.path).toBe("Clients/C-101/2026-03-16 session 7 (2).md");
	});

	it("writes the duration typed as minutes, the default from settings, and none when the field is emptied", async () => {
		for (const [typed, want] of [["", undefined], ["75", 75]] as const) {
			const { a, modal } = await openForm(exampleVaultFiles(), { defaultSessionDuration: 45 });
			expect(modal.inputs.duration.value).toBe("45");
			modal.inputs.client.value = "C-101";
			modal.inputs.client.dispatchEvent(new Event("input"));
			modal.inputs.duration.value = typed;
			await modal.submit();
			const fm = props(a.app.vault.text("Clients/C-101/2026-03-16 session 7.md"));
			expect(fm.duration).toBe(want);
			expect(readProperties(fm, "x.md").problems).toEqual([]);
		}
	});

	it("a duration that is no number of minutes keeps the form open, saying so, and writes nothing", async () => {
		const { a, modal } = await openForm(exampleVaultFiles());
		modal.inputs.client.value = "C-101";
		modal.inputs.duration.value = "-10";
		await modal.submit();
		expect(Modal.current).toBe(modal);
		expect(modal.contentEl.querySelector(".attune-form-error")?.textContent).toBe("The duration must be a number of minutes from 0 to 1440, such as 50.");
		expect(a.app.vault.writes).toEqual([]);
	});

	it("without a client the form stays open and says what is missing", async () => {
		const { a, modal } = await openForm({});
		await modal.submit();
		expect(Modal.current).toBe(modal);
		expect(modal.contentEl.querySelector(".attune-form-error")?.textContent).toBe("Enter a client code.");
		expect(a.app.vault.writes).toEqual([]);
	});
});

describe("new supervision note", () => {
	it("from the active session note: client, clinician and a reviews link, no form", async () => {
		const a = await authoring(exampleVaultFiles(), { supervisorName: "Dr. Tomas Verhoeven (example)" });
		await openNote(a.app, "Clients/C-102/2026-02-26 session 5.md");
		await newSupervisionNote(a.ctx);
		expect(Modal.current).toBeNull();
		const path = "Supervision/2026-03-16 supervision C-102.md";
		expect(a.app.workspace.getActiveFile()?.path).toBe(path);
		const fm = props(a.app.vault.text(path));
		expect(fm).toMatchObject({ "note-type": "supervision", client: "C-102", date: "2026-03-16", supervisor: "Dr. Tomas Verhoeven (example)", reviews: ["[[2026-02-26 session 5]]"], duration: 60 });
		expect(fm.clinician).toBe(readProperties(props(a.app.vault.text("Clients/C-102/2026-02-26 session 5.md")), "x").props.clinician);
	});

	it("otherwise the form asks for the client", async () => {
		const a = await authoring(exampleVaultFiles());
		await newSupervisionNote(a.ctx);
		const modal = currentModal<NewNoteModal>();
		expect(modal).toBeInstanceOf(NewNoteModal);
		expect(modal.inputs.session).toBeUndefined();
		expect([...modal.contentEl.querySelectorAll("label")].map((l) => l.textContent)).toEqual(["Client", "Date", "Duration in minutes"]);
		expect(modal.inputs.duration.value).toBe("60");
		modal.inputs.client.value = "C-103";
		await modal.submit();
		const file = a.app.workspace.getActiveFile();
		expect(file).toBeInstanceOf(TFile);
		expect(file?.path).toBe("Supervision/2026-03-16 supervision C-103.md");
		// C-103's session 4 asked for review; the supervision note lists it.
		expect(props(a.app.vault.text(file!.path))).toMatchObject({ "note-type": "supervision", client: "C-103", reviews: ["[[2026-03-02 session 4]]"], duration: 60 });
	});

	it("from the form, with nothing waiting for review, it reviews the client's last session", async () => {
		const a = await authoring(exampleVaultFiles());
		await newSupervisionNote(a.ctx);
		const modal = currentModal<NewNoteModal>();
		modal.inputs.client.value = "C-102";
		await modal.submit();
		const file = a.app.workspace.getActiveFile();
		expect(props(a.app.vault.text(file!.path))).toMatchObject({ client: "C-102", reviews: ["[[2026-02-26 session 5]]"] });
	});
});
