/**
 * The scanner on real text: emotional-support conversations from ESConv
 * (Liu et al., ACL 2021; CC BY-NC 4.0), read from `../shared` and never
 * copied into the project. Each conversation becomes a session note, one
 * paragraph per utterance. Real prose carries apostrophes, prices, stars,
 * `<3` and stray backslashes; none of it may invent a tag, and none of it may
 * swallow a tag a clinician adds at the end of an utterance; and a REFI-QDA
 * project of the notes cuts each tagged utterance out exactly.
 */
import { scanMarkdown } from "../../../src/core/markdown/scan";
import { parse as parseYaml } from "yaml";
import { buildProject, qdpxArchive } from "../../../src/core/export/qdpx";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";
import { readQdpx } from "../../helpers/qdpx";
import { conversations as readConversations, describeOnCorpus, noteOf } from "../../helpers/esconv";

const describeIfCorpus = describeOnCorpus("real conversations from ESConv");

describeIfCorpus("real conversations from ESConv", () => {
	const conversations = readConversations();

	it("has a few hundred conversations with real utterances to read", () => {
		expect(conversations.length).toBeGreaterThanOrEqual(150);
		expect(conversations.every((c) => c.dialog.length > 0)).toBe(true);
	});

	it("finds no tag in notes whose conversation holds no #", () => {
		let notes = 0;
		for (const c of conversations) {
			// The note's own headings use `#` too; what matters is the real text.
			if ([c.situation, ...c.dialog.map((u) => u.text)].some((t) => t.includes("#"))) continue;
			notes++;
			expect(scanMarkdown(noteOf(c, false, 0).text).tags).toEqual([]);
		}
		expect(notes).toBeGreaterThanOrEqual(150);
	});

	it("finds exactly the Attune tags appended to utterances, on their lines", () => {
		let tags = 0;
		conversations.forEach((c, k) => {
			const note = noteOf(c, true, k);
			const found = scanMarkdown(note.text).tags.map((t) => [t.tag, t.line]);
			expect(found).toEqual(note.added);
			tags += note.added.length;
		});
		expect(tags).toBeGreaterThan(1000);
	});

	it("finds them again with Windows line endings and inside a supervisor callout", () => {
		const c = conversations[0]!;
		const note = noteOf(c, true, 0);
		const crlf = note.text.replace(/\n/g, "\r\n");
		expect(scanMarkdown(crlf).tags.map((t) => [t.tag, t.line])).toEqual(note.added);
		const quoted = note.text.split("\n").map((l, i) => (i < 5 ? l : `> ${l}`)).join("\n").replace("> # Session", "> [!supervisor] Review");
		const scan = scanMarkdown(quoted);
		expect(scan.tags.map((t) => [t.tag, t.line])).toEqual(note.added);
		expect(scan.callouts).toEqual([{ type: "supervisor", line: 5, title: "Review", firstText: "Review" }]);
	});

	it("cuts each tagged utterance exactly out of a REFI-QDA project of all the notes", () => {
		const notes = conversations.map((c, k) => ({ path: `Sessions/${k}.md`, name: String(k), note: noteOf(c, true, k) }));
		const project = buildProject(notes.map((n) => ({ path: n.path, name: n.name, text: n.note.text })), { vocab: vocabularyFrom(DEFAULT_SETTINGS), parseYaml: (y) => parseYaml(y) as unknown, name: "ESConv", origin: "test" });
		const read = readQdpx(qdpxArchive(project));
		let cut = 0;
		read.sources.forEach((s, k) => {
			const lines = notes[k]!.note.text.split("\n");
			// Each tagged utterance is its own paragraph: its selection is that line, exactly.
			expect(s.selections.map((x) => x.cut)).toEqual(notes[k]!.note.added.map(([, line]) => lines[line]));
			cut += s.selections.length;
		});
		expect(cut).toBeGreaterThan(1000);
	});
});
