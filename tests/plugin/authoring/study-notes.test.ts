/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { Notice } from "../../obsidian-double/obsidian";
import { authoring, settle } from "./setup";

describe("create-study-notes", () => {
	it("creates one concept note per value in the study folder, then leaves them alone", async () => {
		const mine = "---\nnote-type: study\n---\n# Communicative attunement\nMy own notes.\n";
		const a = await authoring({ "Study/Communicative attunement.md": mine }, { studyFolder: "Study" });
		a.run("create-study-notes");
		await settle();
		const created = a.app.vault.writes.filter((w) => w.op === "create").map((w) => w.path);
		expect(created).toHaveLength(40);
		expect(created).toContain("Study/Primary maladaptive emotion.md");
		expect(created).toContain("Study/Letting go.md");
		expect(a.app.vault.text("Study/Communicative attunement.md")).toBe(mine);
		expect(a.app.vault.text("Study/Person empathy.md")).toContain("```query\ntag:#empathy/person\n```");
		expect(Notice.messages).toEqual(["Created 40 study notes in “Study”; 1 already existed and was left alone."]);

		a.app.vault.writes.length = 0;
		Notice.messages.length = 0;
		a.run("create-study-notes");
		await settle();
		expect(a.app.vault.writes).toEqual([]);
		expect(Notice.messages).toEqual(["Created 0 study notes in “Study”; 41 already existed and were left alone."]);
	});

	it("creates missing folders, and the notes add nothing to the summary's counts", async () => {
		const a = await authoring({ "s.md": "#empathy/person" }, { studyFolder: "Course/Concepts" });
		a.run("create-study-notes");
		await settle();
		expect(a.app.vault.writes.slice(0, 2)).toEqual([{ op: "createFolder", path: "Course" }, { op: "createFolder", path: "Course/Concepts" }]);
		expect(a.ctx.index.get("Course/Concepts/Person empathy.md")?.occurrences).toEqual([]);
		expect(a.ctx.index.vaultTotals.get("empathy\u0000person")?.count).toBe(1);
	});

	it("a file where the folder should be: nothing is created", async () => {
		const a = await authoring({ Study: "not a folder" });
		a.run("create-study-notes");
		await settle();
		expect(a.app.vault.writes).toEqual([]);
		expect(Notice.messages[0]).toMatch(/No study notes were created/);
	});
});
