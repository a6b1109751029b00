/**
 * De-identification: every planted identifier goes, Attune's tags and the
 * summary stay. All notes here are synthetic, written for these tests; the
 * names, numbers and addresses belong to nobody (reserved ranges and example
 * domains where such exist).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { parseProperties } from "../../../src/cli/vault";
import { deidentifyNote, namesFromProperties, planExport } from "../../../src/core/export/plan";
import { Redactor } from "../../../src/core/export/redactor";
import { type ClientIdentity, type ExportOptions, type ExportSource, FREE_TEXT_WARNING } from "../../../src/core/export/types";
import { NoteIndex } from "../../../src/core/index/index";
import { scanMarkdown } from "../../../src/core/markdown/scan";
import { readNote } from "../../../src/core/note/reader";
import { isCodingCopy } from "../../../src/core/note/note";
import { summarize, summaryJson } from "../../../src/core/index/summary";
import { DEFAULT_SETTINGS, type ExportDates } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";

const vocab = vocabularyFrom(DEFAULT_SETTINGS);

const IDENTITIES: ClientIdentity[] = [
	{ code: "C-101", names: ["Client 101", "Mara Quill"] },
	{ code: "C-205", names: ["Joris van Dijk", "Hope Ellery"] },
	{ code: "C-306", names: ["Aoife O'Brien"] },
];

function options(over: Partial<ExportOptions> = {}): ExportOptions {
	return {
		dates: "month",
		allowedProperties: DEFAULT_SETTINGS.exportAllowedProperties,
		vocab,
		parseYaml: parseProperties,
		stringifyYaml: (d) => stringify(d),
		identities: IDENTITIES,
		primary: ["C-101"],
		sessionByDate: new Map([["2026-01-13", 1], ["2026-01-20", 2]]),
		resolveLink: () => null,
		targetFolder: "Exports/Export 1",
		...over,
	};
}

/** Redacts one line of free text with a fresh redactor. */
function redactLine(line: string, over: Partial<ExportOptions> = {}): { out: string; categories: string[] } {
	const r = new Redactor(options(over));
	r.begin("Clients/C-101/note.md");
	const out = r.text(line);
	return { out, categories: r.collected().map((x) => x.category) };
}

describe("identifiers replaced, category by category", () => {
	it.each([
		["email", "Wrote from mara.quill@example.org last night.", "mara.quill@example.org", "[email]"],
		["email", "Her work address: M.Quill+notes@mail.example.co.uk.", "M.Quill+notes@mail.example.co.uk", "[email]"],
		["phone", "Call +31 6 1234 5678 if late.", "+31 6 1234 5678", "[phone]"],
		["phone", "UK landline +44 20 7946 0958 at home.", "+44 20 7946 0958", "[phone]"],
		["phone", "Mobile 07700 900123 only.", "07700 900123", "[phone]"],
		["phone", "US cell (555) 123-4567 on file.", "(555) 123-4567", "[phone]"],
		["phone", "Number 555-123-4567 given.", "555-123-4567", "[phone]"],
		["phone", "Dutch mobile 06-12345678.", "06-12345678", "[phone]"],
		["phone", "Berlin 030 1234567 office.", "030 1234567", "[phone]"],
		["phone", "Fax: 0131 496 0000 (GP).", "0131 496 0000", "Fax: [phone]"],
		["phone", "International 0044 20 7946 0123.", "0044 20 7946 0123", "[phone]"],
		["url", "Blog at https://www.quillfamily.example.com/about?x=1.", "quillfamily", "[web address]."],
		["url", "See www.example.nl/page for it.", "www.example.nl", "[web address]"],
		["url", "Her shop quill-pottery.nl is closing.", "quill-pottery.nl", "[web address]"],
		["url", "Link <https://example.org/a>", "example.org", "[web address]"],
		["ip", "Logged in from 192.168.10.24 at home.", "192.168.10.24", "[IP address]"],
		["ip", "And from 2001:db8::8a2e:370:7334 too.", "2001:db8::8a2e:370:7334", "[IP address]"],
		["ip", "Loopback fe80::1 seen.", "fe80::1", "[IP address]"],
		["address", "Lives at 221B Baker Street now.", "221B Baker Street", "[street address]"],
		["address", "Moved to 12 Elm Road, Leeds.", "12 Elm Road", "[street address]"],
		["address", "Flat above Keizersgracht 123 in town.", "Keizersgracht 123", "[street address]"],
		["address", "Grew up at Hauptstraße 5.", "Hauptstraße 5", "[street address]"],
		["address", "Office on Berliner Straße 12a.", "Berliner Straße 12a", "[street address]"],
		["address", "Postcode EC1A 1BB.", "EC1A 1BB", "[postcode]"],
		["address", "Near SW1A 2AA.", "SW1A 2AA", "[postcode]"],
		["address", "Dutch postcode 1012 AB Amsterdam.", "1012 AB", "[postcode]"],
		["address", "Springfield, IL 62704 was home.", "62704", "[postcode]"],
		["address", "ZIP 90210-1234 noted.", "90210-1234", "[postcode]"],
		["address", "Moved to 10115 Berlin last year.", "10115", "[postcode] Berlin"],
		["address", "Post to P.O. Box 42.", "Box 42", "[street address]"],
		["address", "Flat 3 on the top floor.", "Flat 3", "[street address]"],
		["id", "MRN 12345678 on the referral.", "12345678", "MRN [ID number]"],
		["id", "NHS 943 476 5919 confirmed.", "943 476 5919", "NHS [ID number]"],
		["id", "Refund to NL91 ABNA 0417 1643 00 please.", "NL91 ABNA 0417 1643 00", "[account number]"],
		["id", "Old account GB29NWBK60161331926819.", "GB29NWBK60161331926819", "[account number]"],
		["id", "Insurance policy no. AB-1234567 covers it.", "AB-1234567", "[ID number]"],
		["id", "Driving licence number: DL 9924 317.", "9924 317", "[ID number]"],
		["id", "SSN 123-45-6789.", "123-45-6789", "[ID number]"],
		["id", "BSN: 123456782.", "123456782", "BSN: [ID number]"],
		["id", "Claim reference 1234567890123 pending.", "1234567890123", "[ID number]"],
		["age", "Her grandmother, aged 93, lives alone.", "93", "aged 90 or older"],
		["age", "A 94-year-old neighbour helps.", "94", "90-plus-year-old"],
		["age", "Her father is 91 years old.", "91", "90 or older"],
		["age", "Patient 92 y/o.", "92", "90 or older"],
		["client", "Spoke with C-101 about it.", "C-101", "Client A"],
		["client", "Also written C101 or c 101.", "101", "Client A or Client A"],
		["client", "Mara Quill arrived late; Mara's coat was wet.", "Mara", "Client A arrived late; Client A's coat was wet."],
		["client", "QUILL written in capitals.", "QUILL", "Client A written"],
		["client", "The alias Client 101 too.", "101", "The alias Client A too."],
	])("%s: %s", (category, input, planted, expected) => {
		const { out, categories } = redactLine(input);
		expect(out.toLowerCase()).not.toContain(planted.toLowerCase());
		expect(out).toContain(expected);
		expect(categories).toContain(category);
	});

	it.each([
		["an age of 89 or less", "Her mother, aged 89, visits."],
		["a year alone", "Since 2019 she has worked nights."],
		["a session count", "Session 4 of 12 in the plan."],
		["a time", "Arrived at 10:30:00 sharp."],
		["everyday words that are also names", "She felt some hope, and will try again in may."],
		["a small number with a label", "Account 12 only."],
		["a rating", "Rated 4/5 by her."],
	])("leaves %s alone", (_what, input) => {
		const { out, categories } = redactLine(input);
		expect(out).toBe(input);
		expect(categories).toEqual([]);
	});

	it("matches a name that is also a word only when it is written as a name", () => {
		const { out } = redactLine("Hope Ellery said Hope was tired; hope returned. Joris van Dijk too; Dijk agreed.", { primary: ["C-205"] });
		expect(out).toBe("Client A said Client A was tired; hope returned. Client A too; Client A agreed.");
	});

	it("a link whose text holds a tag does not leak its destination", () => {
		const x = new Redactor(options());
		x.begin("Clients/C-101/2026-01-20 session 2.md");
		const line = "See [#emotion/shame](Clients/Mara%20Quill.md) here";
		const tags = scanMarkdown(line).tags;
		const out = x.line(line, tags);
		expect(out).toContain("#emotion/shame");
		expect(out).not.toMatch(/Mara|Quill/);
	});

	it("matches a name written in capitals", () => {
		expect(redactLine("HOPE ELLERY, and HOPE again; hope stays.", { primary: ["C-205"] }).out).toBe("Client A, and Client A again; hope stays.");
	});

	it("matches a name typed with a curly apostrophe, as phones type it", () => {
		expect(redactLine("Aoife O’Brien rang; O’Brien said so, and O'Brien too.", { primary: ["C-306"] }).out).toBe("Client A rang; Client A said so, and Client A too.");
	});
});

describe("dates by the user's choice", () => {
	it.each<[ExportDates, string, string]>([
		["month", "Seen 2026-01-20 and 13 January 2026.", "Seen January 2026 and January 2026."],
		["month", "On 20/01/2026 and 20.01.2026 and January 13, 2026.", "On January 2026 and January 2026 and January 2026."],
		["month", "Dutch 3 februari 2026, German 4. März 2026.", "Dutch February 2026, German March 2026."],
		["month", "Born 03/04/1985.", "Born 1985."],
		["month", "Again on 12 March.", "Again on March."],
		["month", "Timestamp 2026-01-20T10:30:00Z.", "Timestamp January 2026."],
		["session", "Seen 2026-01-20, then 13 January 2026.", "Seen session 2, then session 1."],
		["session", "Her birthday 1985-04-03 matters.", "Her birthday [date] matters."],
		["keep", "Seen 2026-01-20 and 13 January 2026.", "Seen 2026-01-20 and 13 January 2026."],
	])("%s: %s", (dates, input, expected) => {
		expect(redactLine(input, { dates }).out).toBe(expected);
	});

	it("counts kept dates as nothing replaced", () => {
		expect(redactLine("Seen 2026-01-20.", { dates: "keep" }).categories).toEqual([]);
		expect(redactLine("Seen 2026-01-20.", { dates: "month" }).categories).toEqual(["date"]);
	});
});

describe("Attune's tags are never altered", () => {
	const note = [
		"Felt it #emotion/2026-01-20 and #emotion/mara and #resonance/c-101 today.",
		"Shame #emotion/shame/primary-maladaptive, #process/letting-go, #Emotion/Shame and #empathy/atunement.",
		"Other tags change: #client/C-101, #Mara and #visit/2026-01-20.",
	].join("\n");

	it("keeps each Attune tag as written, and pseudonymizes identifiers in other tags", () => {
		const out = deidentifyNote({ path: "n.md", text: note }, new Redactor(options()), options());
		if ("problem" in out) throw new Error(out.problem);
		const before = scanMarkdown(note).tags.map((t) => t.tag);
		const after = scanMarkdown(out.text).tags.map((t) => t.tag);
		expect(after).toEqual([...before.slice(0, -3), "client/client-a", "client-a", "visit/2026-01"]);
		expect(out.text).toContain("#emotion/2026-01-20 and #emotion/mara and #resonance/c-101 today.");
	});

	it.each<[ExportDates, string]>([["session", "#visit/session-2 #seen-date"], ["keep", "#visit/2026-01-20 #seen-1999-12-31"]])("writes dates in other tags so they stay one tag (%s)", (dates, expected) => {
		const o = options({ dates });
		const out = deidentifyNote({ path: "n.md", text: "#visit/2026-01-20 #seen-1999-12-31\n" }, new Redactor(o), o);
		if ("problem" in out) throw new Error(out.problem);
		expect(out.text.endsWith(`\n${expected}\n`)).toBe(true);
	});

	it("keeps the tags property, whatever the allow list says", () => {
		const text = "---\ntags: [emotion/anger/secondary, client/C-101]\nclient: C-101\n---\nBody #emotion/fear\n";
		const out = deidentifyNote({ path: "n.md", text }, new Redactor(options({ allowedProperties: [] })), options({ allowedProperties: [] }));
		if ("problem" in out) throw new Error(out.problem);
		expect(out.text.startsWith("---\ntags:\n  - emotion/anger/secondary\n  - client/client-a\n---\n")).toBe(true);
		expect(out.counts.property).toBe(1);
	});
});

/** A synthetic session note with identifiers of every category planted in it. */
const PLANTED_NOTE = `---
note-type: session
client: "[[C-101]]"
date: 2026-01-20
session: 2
modality: EFMT
clinician: Dr. Example Clinician
aliases: [Mara]
address: 221B Baker Street
rating-empathy: 4
tags: [emotion/sadness]
---
# Session 2 with Mara Quill (C-101), 2026-01-20

## Presenting experience
Mara Quill (MRN 12345678, NHS 943 476 5919) came in from 12 Elm Road, Leeds LS1 4AP.
She e-mailed mara.quill@example.org and asked us to call +44 20 7946 0958; fax 0131 496 0000.
Her sister's blog https://quill-sisters.example.com/about and IP 192.168.10.24 came up.
Her grandmother, aged 93, was born 03/04/1931; her account NL91 ABNA 0417 1643 00 is frozen.
Mara felt small #emotion/shame/primary-maladaptive and then angry #emotion/anger/secondary.

## Empathic responses
I reflected it #response/reflection and stayed close #empathy/attunement. We slowed down #process/deepening.

> [!supervisor] Good pacing with C-101 on 20 January 2026
> Mara's shame marker came fast; call me on 07700 900123 before the next one.

> [!supervisor-resolved] Follow up
> Done at Keizersgracht 123, 1017 EA Amsterdam.

## Therapist resonance
Sad at the image #resonance/sadness.

See [[2026-01-13 session 1]], [[C-101|her file]] and ![[scan of letter.png]].
`;

const PLANTED = [
	"Mara", "Quill", "C-101", "12345678", "943 476 5919", "12 Elm Road", "LS1 4AP", "mara.quill@example.org", "7946 0958", "496 0000",
	"quill-sisters", "192.168.10.24", "aged 93", "03/04/1931", "NL91 ABNA", "07700 900123", "Keizersgracht", "1017 EA", "20 January 2026",
	"2026-01-20", "2026-01-13", "Baker Street", "Example Clinician", "scan of letter",
];

function summaryOf(files: ExportSource[]) {
	const index = new NoteIndex();
	for (const f of files) index.set(readNote(f.path, f.text, vocab, parseProperties));
	const s = summaryJson(summarize(index, {}));
	return { notes: s.notes, emotions: s.emotions, resonance: s.resonance, empathy: s.empathy, responses: s.responses, processes: s.processes, shares: s.processShares, comments: s.supervisorComments };
}

describe("a whole note with every category planted", () => {
	it.each([["LF", "\n"], ["CRLF", "\r\n"]])("%s: replaces every planted identifier and keeps the summary", (_name, eol) => {
		const text = PLANTED_NOTE.replace(/\n/g, eol);
		const source = { path: "Clients/C-101/2026-01-20 session 2.md", text };
		const plan = planExport([source], options());
		expect(plan.problems).toEqual([]);
		const copy = plan.notes[0]!;
		for (const p of PLANTED) expect(copy.text.toLowerCase()).not.toContain(p.toLowerCase());
		for (const p of PLANTED) expect(copy.path.toLowerCase()).not.toContain(p.toLowerCase());
		expect(copy.path).toBe("Exports/Export 1/2026-01 session 2.md");
		expect(summaryOf(plan.notes.map((n) => ({ path: n.path, text: n.text })))).toEqual(summaryOf([source]));
		// Line endings stay as the source wrote them.
		expect(copy.text.split("\r\n").length > 1).toBe(eol === "\r\n");
		// Headings and supervisor comments are all still there.
		const before = scanMarkdown(text);
		const after = scanMarkdown(copy.text);
		expect(after.headings.map((h) => h.level)).toEqual(before.headings.map((h) => h.level));
		expect(after.callouts.filter((c) => c.type.startsWith("supervisor")).map((c) => c.type)).toEqual(["supervisor", "supervisor-resolved"]);
		expect(after.headings[0]!.heading).toBe("Session 2 with Client A (Client A), January 2026");
	});

	it("keeps only allowed properties and opens with the report", () => {
		const plan = planExport([{ path: "s.md", text: PLANTED_NOTE }], options());
		const text = plan.notes[0]!.text;
		expect(text.split("\n---\n")[0]).toBe("---\nnote-type: session\nsession: 2\nmodality: EFMT\nrating-empathy: 4\ntags:\n  - emotion/sadness");
		const body = text.split("\n---\n")[1]!;
		expect(body.startsWith("> [!warning] De-identified copy: read before sharing\n")).toBe(true);
		expect(body).toContain(FREE_TEXT_WARNING);
		expect(body).toContain("Properties removed: 5.");
		expect(plan.counts.property).toBe(5);
		for (const c of ["client", "email", "phone", "url", "ip", "address", "id", "date", "age", "link"] as const) expect(plan.counts[c]).toBeGreaterThan(0);
		expect(plan.examples.client[0]).toEqual({ category: "client", from: "Mara Quill", to: "Client A" });
	});

	it("writes a note without properties without inventing any", () => {
		const plan = planExport([{ path: "C-101 notes.md", text: "Mara rang.\n#emotion/fear\n" }], options());
		expect(plan.notes[0]!.name).toBe("Client A notes");
		expect(plan.notes[0]!.text.startsWith("> [!warning]")).toBe(true);
		expect(plan.notes[0]!.text.endsWith("\nClient A rang.\n#emotion/fear\n")).toBe(true);
	});

	it("refuses a note whose properties are not valid YAML, and writes nothing for it", () => {
		const bad = "---\nclient: [C-101\nname: Mara Quill\n---\nText #emotion/fear\n";
		const plan = planExport([{ path: "bad.md", text: bad }, { path: "good.md", text: "Fine #emotion/joy\n" }], options());
		expect(plan.problems.map((p) => p.path)).toEqual(["bad.md"]);
		expect(plan.problems[0]!.message).toContain("not valid YAML");
		expect(plan.notes.map((n) => n.sourcePath)).toEqual(["good.md"]);
	});
});

describe("links, file names and pseudonyms", () => {
	const files: ExportSource[] = [
		{ path: "Clients/C-101/2026-01-13 session 1.md", text: "---\nsession: 1\n---\nFirst #emotion/fear\n" },
		{ path: "Supervision/2026-02-05 supervision C-101.md", text: "Reviewed [[2026-01-13 session 1]], [[2026-01-13 session 1#Plan|the plan]], [[C-101]], [[C-205|Joris]], ![[scan.pdf]], [the file](Clients/C-101/C-101.md), [site](https://example.org/x).\nC-205 was mentioned after C-101.\n" },
	];
	const paths = ["Clients/C-101/2026-01-13 session 1.md", "Clients/C-101/C-101.md", "Clients/C-205/C-205.md", "Supervision/2026-02-05 supervision C-101.md"];
	const resolveLink = (link: string) => paths.find((p) => p === link || p.endsWith(`/${link}.md`) || p === `${link}.md` || p.endsWith(`/${link}`)) ?? null;

	it("points links at exported copies and turns the rest into plain text", () => {
		const plan = planExport(files, options({ resolveLink }));
		const sup = plan.notes[1]!;
		expect(sup.name).toBe("2026-02 supervision Client A");
		expect(sup.text).toContain("Reviewed [[Exports/Export 1/2026-01 session 1|2026-01 session 1]], [[Exports/Export 1/2026-01 session 1#Plan|the plan]], Client A, Client B, [attachment not exported], the file, site [web address].");
		expect(sup.text).toContain("Client B was mentioned after Client A.");
		expect(sup.counts.link).toBe(4);
	});

	it.each<[ExportDates, string[]]>([
		["month", ["2026-01 session 1", "2026-02 supervision Client A"]],
		["session", ["session 1", "supervision Client A"]],
		["keep", ["2026-01-13 session 1", "2026-02-05 supervision Client A"]],
	])("names copies without codes or names (%s)", (dates, names) => {
		expect(planExport(files, options({ dates, resolveLink })).notes.map((n) => n.name)).toEqual(names);
	});

	it("gives two copies with the same name distinct names", () => {
		const same = [{ path: "a/2026-01-13 x.md", text: "a" }, { path: "b/2026-01-14 x.md", text: "b" }];
		expect(planExport(same, options()).notes.map((n) => n.path)).toEqual(["Exports/Export 1/2026-01 x.md", "Exports/Export 1/2026-01 x (2).md"]);
	});

	it("gives the exported client the first letter, whatever its code", () => {
		const plan = planExport([{ path: "x.md", text: "C-101 then C-205." }], options({ primary: ["C-205"] }));
		expect(plan.notes[0]!.text).toContain("Client B then Client A.");
	});

	it("reads the names a client note records", () => {
		expect(namesFromProperties({ aliases: ["Client 101"], identifiers: "Mara Quill", other: "x" })).toEqual(["Client 101", "Mara Quill"]);
		expect(namesFromProperties(null)).toEqual([]);
	});
});

describe("the example vault's client C-101", () => {
	const root = path.join(__dirname, "../../../example-vault");
	const read = (p: string) => fs.readFileSync(path.join(root, p), "utf8");
	const folder = "Clients/C-101";
	// The client's notes as an export takes them: without the client note, and without coding copies (they count in no summary).
	const sources: ExportSource[] = fs.readdirSync(path.join(root, folder)).filter((f) => f !== "C-101.md").sort().map((f) => ({ path: `${folder}/${f}`, text: read(`${folder}/${f}`) })).filter((s) => !isCodingCopy(readNote(s.path, s.text, vocab, parseProperties)));
	sources.push({ path: "Supervision/2026-02-05 supervision C-101.md", text: read("Supervision/2026-02-05 supervision C-101.md") });
	const clientNote = parseProperties(scanMarkdown(read(`${folder}/C-101.md`)).frontmatter!.yaml) as Record<string, unknown>;
	const identities = [{ code: "C-101", names: namesFromProperties(clientNote) }, { code: "C-102", names: [] }, { code: "C-103", names: [] }];

	it("has the invented name in a session note, so the test means something", () => {
		expect(identities[0]!.names).toContain("Mara Quill");
		expect(sources.some((s) => s.text.includes("Mara arrived late"))).toBe(true);
	});

	it.each<ExportDates>(["month", "session", "keep"])("exports without the name or the code, with the same summary (%s)", (dates) => {
		const plan = planExport(sources, options({ dates, identities, primary: ["C-101"] }));
		expect(plan.problems).toEqual([]);
		expect(plan.notes).toHaveLength(sources.length);
		for (const n of plan.notes) {
			for (const p of ["Mara", "Quill", "C-101", "Client 101"]) {
				expect(n.text).not.toContain(p);
				expect(n.path).not.toContain(p);
			}
		}
		expect(summaryOf(plan.notes.map((n) => ({ path: n.path, text: n.text })))).toEqual(summaryOf(sources));
	});
});

describe("kept properties are de-identified like the body", () => {
	it("replaces an embed, a link to a note not exported, and a name in a kept property", () => {
		const text = "---\nmodality: \"EFMT with Mara Quill, see ![[face-2024.jpg]] and [[Clients/C-101]]\"\n---\nBody.\n";
		const plan = planExport([{ path: "s.md", text }], options({ allowedProperties: ["modality"] }));
		expect(plan.problems).toEqual([]);
		const head = plan.notes[0]!.text.split("\n---\n")[0]!;
		expect(head).toContain("modality: EFMT with Client A, see [attachment not exported] and Client A");
		expect(head).not.toMatch(/face-2024|Mara|Quill|C-101/);
	});
});
