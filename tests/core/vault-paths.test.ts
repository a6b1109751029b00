import { compileExcludes, freePath, inFolder, inHiddenFolder, normalizeFolder, safeNamePart } from "../../src/core/vault-paths";

describe("compileExcludes: Obsidian's excluded files", () => {
	const excluded = compileExcludes(["Archive/", "/\\.excalidraw\\.md$/", "/[unclosed/", 42, null, "  ", "/Templates"]);
	it.each([
		["a path under a plain entry", "Archive/2025/a.md", true],
		["a path that only begins like one", "Archived.md", false],
		["a path a /regex/ entry matches", "Drawings/plan.excalidraw.md", true],
		["a plain entry with a leading slash, read from the root", "Templates/Session.md", true],
		["anything else", "Clients/C-1/a.md", false],
	])("%s: %s", (_n, path, want) => {
		expect(excluded(path)).toBe(want);
	});
	it("an invalid pattern excludes nothing, and entries that are not text are ignored", () => {
		expect(excluded("[unclosed/a.md")).toBe(false);
		expect(compileExcludes(["/[unclosed/", 3, { a: 1 }])("[unclosed/a.md")).toBe(false);
	});
	it("excludes nothing without a list", () => {
		expect(compileExcludes(undefined)("a.md")).toBe(false);
		expect(compileExcludes("Archive/")("Archive/a.md")).toBe(false);
	});
});

describe("hidden folders and folders", () => {
	it.each([
		[".obsidian/plugins/attune/data.json", true],
		["Clients/.trash/a.md", true],
		[".hidden.md", true],
		["Clients/C-1/a.md", false],
		["Clients/notes.v2/a.md", false],
	])("inHiddenFolder(%s) is %s", (path, want) => {
		expect(inHiddenFolder(path)).toBe(want);
	});
	it.each([
		["Clients\\C-1", "Clients/C-1"],
		["/Clients/C-1/", "Clients/C-1"],
		["//Clients//", "Clients"],
		["/", ""],
		["", ""],
	])("normalizeFolder(%j) is %j", (folder, want) => {
		expect(normalizeFolder(folder)).toBe(want);
	});
	it.each([
		["Attune exports/Export/a.md", "Attune exports", true],
		["Attune exports/a.md", "\\Attune exports\\", true],
		["Attune exports.md", "Attune exports", false],
		["Attune exports 2/a.md", "Attune exports", false],
		["a.md", "", false],
		["Clients/a.md", "/", false],
	])("inFolder(%s, %j) is %s", (path, folder, want) => {
		expect(inFolder(path, folder)).toBe(want);
	});
});

describe("freePath", () => {
	it("never returns a taken path", () => {
		const taken = new Set(["a/b.md", "a/b (2).md"]);
		expect(freePath("a/b.md", (p) => taken.has(p))).toBe("a/b (3).md");
		expect(freePath("a/c.md", (p) => taken.has(p))).toBe("a/c.md");
	});
	it.each([
		["a note", "Clients/C-1/2026-03-16 session 7.md", "Clients/C-1/2026-03-16 session 7 (2).md"],
		["a folder", "Attune exports/Export 2026-03-16", "Attune exports/Export 2026-03-16 (2)"],
		["a folder inside a folder with a dot in its name", "notes.v2/Export", "notes.v2/Export (2)"],
		["a file whose name starts with a dot", "a/.md", "a/.md (2)"],
		["a name whose dot is no extension", "Dr. Smith", "Dr. Smith (2)"],
		["a hidden file", "a/.hidden", "a/.hidden (2)"],
	])("numbers %s from 2, before any extension", (_n, path, want) => {
		expect(freePath(path, (p) => p === path)).toBe(want);
	});
});

describe("safeNamePart", () => {
	it.each([
		["C-101", "C-101"],
		["A/B:C#1", "A-B-C-1"],
		['a\\b*c?d"e<f>g|h^i[j]k', "a-b-c-d-e-f-g-h-i-j-k"],
		["  two   spaces\tand a tab ", "two spaces and a tab"],
		["..hidden", "hidden"],
	])("%j becomes %j", (value, want) => {
		expect(safeNamePart(value)).toBe(want);
	});
});
