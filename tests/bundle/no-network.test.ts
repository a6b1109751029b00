/**
 * Nothing leaves the vault: the built main.js, as it ships, has no network
 * API, builds no HTML from strings and requires only what Obsidian provides
 * The checker is tested on bad samples first, so a pass means something.
 */
import { FORBIDDEN, bundleProblems } from "./check";
import { freshBundle } from "../helpers/bundle";

describe("the bundle checker", () => {
	it.each<[string, string]>([
		...FORBIDDEN.map((f): [string, string] => [f.name, `const r = await window.${f.name}(x);`]),
		["fetch called bare", "fetch(url).then(r => r.json());"],
		["navigator.sendBeacon", "navigator.sendBeacon('/t', data);"],
		["innerHTML assigned", "el.innerHTML = note;"],
		["Obsidian's requestUrl", "(0, import_obsidian.requestUrl)({ url });"],
		["Obsidian's request", "await (0, import_obsidian2.request)({ url });"],
		["a Node module", 'var fs = require("fs");'],
		["a node: module", "var p = require('node:path');"],
		["electron", 'const { shell } = require("electron");'],
		["a CodeMirror package Attune does not use", 'var lang = require("@codemirror/language");'],
		["a computed require", "var m = require(name);"],
		["esbuild's dynamic require", 'var x = __require("os");'],
		["a dynamic import", 'const m = await import("https://example.org/x.js");'],
	])("finds %s", (_what, sample) => {
		expect(bundleProblems(`var import_obsidian = require("obsidian");\n${sample}\n`)).not.toEqual([]);
	});

	it("passes clean code, including words that merely contain a forbidden name", () => {
		const clean = [
			'var import_obsidian = require("obsidian");',
			"const prefetched = true; el.setText(note.textContent);",
			'new import_obsidian.Notice("Review requested");',
			'var import_state = require("@codemirror/state"); var import_view = require("@codemirror/view");',
			"const fetchCount = 2; el.createEl(\"p\", { text });",
		].join("\n");
		expect(bundleProblems(clean)).toEqual([]);
	});

	it("says where and why", () => {
		expect(bundleProblems('var a = 1;\nel.outerHTML = "<b>";\n')).toEqual(["line 2: outerHTML (HTML built from a string)"]);
	});
});

describe("main.js", () => {
	const source = freshBundle();

	it("is the real plugin, with the export in it", () => {
		expect(source).toContain('require("obsidian")');
		expect(source).toContain("export-deidentified");
		expect(source.length).toBeGreaterThan(10_000);
	});

	it("makes no network request, builds no HTML from strings, and requires only what Obsidian provides", () => {
		expect(bundleProblems(source)).toEqual([]);
	});
});
