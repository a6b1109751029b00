import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { parseSimpleYaml, yamlScalar } from "../../../src/core/note/yaml-lite";
import { generateVault } from "../../../src/bench/generate";

const full = (y: string) => parseYaml(y, { schema: "core" }) as unknown;

describe("parseSimpleYaml gives what a full YAML parser gives, or declines", () => {
	it.each([
		"note-type: session\nclient: \"[[C-101]]\"\ndate: 2026-01-13\nsession: 1",
		"tags:\n  - emotion/shame\n  - '#emotion/hope'\n",
		"tags:\n- a\n- b",
		"tags: [emotion/fear, emotion/anger]",
		"tags: [a, b,]",
		"tags: []\naliases:",
		"rating-warmth: 9\nrating-empathy: 4.5\nx: -3\ny: +7\nz: 0x1F\nw: 0o17\nv: 1e3",
		"a: true\nb: False\nc: NULL\nd: ~\ne: .inf\nf: -.Inf",
		"title: Session 4 - the chair work\nurl: https://example.org/a?b=c",
		"a: nan\nb: Nope\nc: true-ish\nd: Falsehood\ne: .nan\nf: NaN\ng: Yes\nh: ~x\ni: null\nj: N\nk: TRUE\nl: -.5\nm: .5e2\nn: +0x1\no: 007",
		"date: 2026-01-13T10:00:00Z\nreviewed-on: 2026-02-01",
		"# a comment\nclient: C-103\n\nmodality: CBT",
		"empty:\nnext: 1",
		"quoted: 'it''s'",
		"weird: \"a \\\" b\"",
		"clinician: \"Dr. Ada",
		"nested:\n  a: 1",
		"link: [[C-101]]",
		"k: v # comment",
		"- a\n- b",
		"a: 1\na: 2",
		"flow: {a: 1}",
		"multi: |\n  line",
		"anchor: &x 1\nref: *x",
		"tabs:\t1",
		"key with spaces: yes",
		"",
	])("%j", (y) => {
		const lite = parseSimpleYaml(y);
		if (lite !== undefined) expect(lite).toEqual(full(y) ?? null);
	});

	it("handles the common cases itself (the speed-up is real)", () => {
		expect(parseSimpleYaml("note-type: session\nclient: \"[[C-101]]\"\ntags:\n  - a")).toEqual({ "note-type": "session", client: "[[C-101]]", tags: ["a"] });
		expect(parseSimpleYaml("link: [[C-101]]")).toBeUndefined();
		expect(parseSimpleYaml("clinician: \"Dr. Ada")).toBeUndefined();
	});

	it("reads a line the same way in every note, and gives each note lists of its own", () => {
		const a = parseSimpleYaml("note-type: session\ntags: [a, b]\nmap: {}\nlist:\n  - x") as Record<string, unknown[]>;
		const b = parseSimpleYaml("note-type: session\ntags: [a, b]\nmap: {}\nlist:\n  - x") as Record<string, unknown[]>;
		expect(b).toEqual(a);
		a.tags!.push("c");
		a.list!.push("y");
		expect(b).toEqual({ "note-type": "session", tags: ["a", "b"], map: {}, list: ["x"] });
		expect(b.map).not.toBe(a.map);
		// A key seen before is still refused when a note repeats it.
		expect(parseSimpleYaml("note-type: session\nnote-type: session")).toBeUndefined();
	});

	it("agrees with the full parser on every note of the example vault and a generated vault", () => {
		const texts: string[] = generateVault(200).map((n) => n.text);
		const walk = (d: string) => {
			for (const e of fs.readdirSync(d, { withFileTypes: true })) {
				const p = path.join(d, e.name);
				if (e.isDirectory()) walk(p);
				else if (e.name.endsWith(".md")) texts.push(fs.readFileSync(p, "utf8"));
			}
		};
		walk(path.join(__dirname, "../../../example-vault"));
		let handled = 0;
		for (const t of texts) {
			const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(t);
			if (!m) continue;
			const lite = parseSimpleYaml(m[1]!);
			if (lite === undefined) continue;
			handled++;
			expect(lite).toEqual(full(m[1]!));
		}
		expect(handled).toBeGreaterThan(200);
	});
});

describe("yamlScalar", () => {
	it.each([
		["C-017", "C-017"],
		["2026-03-16", "2026-03-16"],
		["EFMT", "EFMT"],
		["[[2026-02-24 session 6]]", '"[[2026-02-24 session 6]]"'],
		["Dr. Ada Lindqvist (example)", '"Dr. Ada Lindqvist (example)"'],
		["Name: with colon", '"Name: with colon"'],
		["yes", '"yes"'],
		["017", '"017"'],
		["0423", '"0423"'],
		["1e3", '"1e3"'],
		["0x1A", '"0x1A"'],
		["12.50", '"12.50"'],
		["", ""],
	])("%s", (value, want) => {
		expect(yamlScalar(value)).toBe(want);
		if (want !== "") expect(parseYaml(`k: ${want}`)).toEqual({ k: value === "2026-03-16" ? "2026-03-16" : value });
	});
});
