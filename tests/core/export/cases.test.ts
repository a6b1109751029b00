/**
 * Before/after tables per rule family, run through every rule together (as an
 * export runs them), in the manner of obsidian-linter's rule tests: what a
 * clinician writes, and what the copy must say. The second table of each
 * family is what must stay as written. Names and numbers are synthetic.
 */
import { stringify, parse as parseYaml } from "yaml";
import { Redactor } from "../../../src/core/export/redactor";
import type { ExportOptions } from "../../../src/core/export/types";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { vocabularyFrom } from "../../../src/core/vocabulary/vocabulary";

function options(over: Partial<ExportOptions> = {}): ExportOptions {
	return {
		dates: "month",
		allowedProperties: ["session", "summary"],
		vocab: vocabularyFrom(DEFAULT_SETTINGS),
		parseYaml: (y) => parseYaml(y) as unknown,
		stringifyYaml: (d) => stringify(d),
		identities: [{ code: "C-101", names: ["Mara Quill", "Hope"] }],
		primary: ["C-101"],
		sessionByDate: new Map([["2026-01-20", 2]]),
		resolveLink: (link) => (link === "Shared" ? "Shared.md" : null),
		targetFolder: "Export",
		...over,
	};
}

function redact(line: string, over: Partial<ExportOptions> = {}): string {
	const r = new Redactor(options(over));
	r.setExported(new Map([["Shared.md", "Export/Shared.md"]]));
	r.begin("Clients/C-101/note.md");
	return r.line(line, []);
}

type Case = readonly [before: string, after: string];
const same = (lines: string[]): Case[] => lines.map((l) => [l, l] as const);

const FAMILIES: Record<string, { changed: Case[]; kept: Case[]; over?: Partial<ExportOptions> }> = {
	"dates, as month and year": {
		changed: [
			["seen 2026-01-20 again", "seen January 2026 again"],
			["seen 2026/01/20 again", "seen January 2026 again"],
			["seen 2026.01.20 again", "seen January 2026 again"],
			["at 2026-01-20T14:30:00Z", "at January 2026"],
			["born 20.01.1984", "born January 1984"],
			["born 20-01-1984", "born January 1984"],
			["born 20/01/84", "born January 1984"],
			["on 1/20/2026", "on January 2026"],
			["on 03/04/2025", "on 2025"],
			["on 20 January 2026", "on January 2026"],
			["on 20th January 2026", "on January 2026"],
			["on the 5th of March 2025", "on the March 2025"],
			["on January 20, 2026", "on January 2026"],
			["on Jan 20 2026", "on January 2026"],
			["on Jan. 20, 2026", "on January 2026"],
			["on March 5th, 2025", "on March 2025"],
			["op 5 maart 2025", "op March 2025"],
			["am 3. März 2024", "am March 2024"],
			["am 3. Dezember 2024", "am December 2024"],
			["since 20 Feb", "since February"],
			["since 20 Feb.", "since February."],
			["on the 5th of March", "on the March"],
			["op 5 mei", "op May"],
			["Again on March 12.", "Again on March."],
			["since February 20th", "since February"],
			["on Sept 3", "on September"],
			["on 5 May", "on May"],
			["since 5 jan", "since January"],
			["on 12 March", "on March"],
		],
		kept: same([
			"she may 5 people invite",
			"the 5 may come later",
			"we march 5 miles",
			"PHQ-9: 14",
			"GAD-7 score 12, down from 15",
			"session 12 of 20",
			"50 minutes, 2 hours, 1.5 hrs",
			"at 14:30 she left",
			"rated 4/5 and 7/10",
			"in March 2026",
			"CORE-10 at 18",
		]),
	},
	"dates, by session number": {
		over: { dates: "session" },
		changed: [
			["seen 2026-01-20 again", "seen session 2 again"],
			["seen 2026-02-03 again", "seen [date] again"],
			["since February 20th", "since [date]"],
			["on 20 January 2026", "on session 2"],
		],
		kept: same(["session 3 went well", "PHQ-9: 14"]),
	},
	"addresses and postcodes": {
		changed: [
			["lives at 221B Baker Street now", "lives at [street address] now"],
			["at 12 Elm Road, Leeds", "at [street address], Leeds"],
			["at 42 Wallaby Way.", "at [street address]."],
			["at 9 Elm St. now", "at [street address] now"],
			["at 1600 Pennsylvania Avenue", "at [street address]"],
			["at 350 Fifth Ave", "at [street address]"],
			["woont Keizersgracht 123", "woont [street address]"],
			["woont Kerkstraat 12a", "woont [street address]"],
			["wohnt Hauptstraße 5", "wohnt [street address]"],
			["in Berliner Straße 12a", "in [street address]"],
			["write to PO Box 1234", "write to [street address]"],
			["moved to Flat 3B", "moved to [street address]"],
			["London SW1A 1AA", "London [postcode]"],
			["Leeds LS1 4AP", "Leeds [postcode]"],
			["Manchester M1 1AE", "Manchester [postcode]"],
			["Amsterdam 1012 AB", "Amsterdam [postcode]"],
			["Utrecht 3511AB", "Utrecht [postcode]"],
			["Ottawa K1A 0B1", "Ottawa [postcode]"],
			["Toronto M5V3L9", "Toronto [postcode]"],
			["Chicago 60614-1234", "Chicago [postcode]"],
			["Chicago, IL 60614", "Chicago, IL [postcode]"],
			["zip code 60614", "zip code [postcode]"],
			["ZIP: 10001", "ZIP: [postcode]"],
			["postal code K1A 0B1", "postal code [postcode]"],
			["in 10115 Berlin", "in [postcode] Berlin"],
			["in D-10115 Berlin", "in [postcode] Berlin"],
		],
		kept: same([
			"Spring 12 was hard",
			"20 minutes on the way home",
			"the 3 Steps model",
			"chair work in 2 rounds",
		]),
	},
	"labelled numbers (UK, US, NL, DE, CA)": {
		changed: [
			["NHS number 943 476 5919", "NHS number [ID number]"],
			["NHS no. 9434765919", "NHS no. [ID number]"],
			["NI number QQ 12 34 56 C", "NI number [ID number]"],
			["National Insurance number QQ123456C", "National Insurance number [ID number]"],
			["driving licence number MORGA753116SM9IJ", "driving licence number [ID number]"],
			["passport number 123456789", "passport number [ID number]"],
			["passport no. 502135326", "passport no. [ID number]"],
			["SSN 078-05-1120", "SSN [ID number]"],
			["on file 078-05-1120", "on file [ID number]"],
			["driver's license D123-4567-8901", "driver's license [ID number]"],
			["Medicare 1EG4-TE5-MK73", "Medicare [ID number]"],
			["insurance id XJH123456789", "insurance id [ID number]"],
			["BSN 123456782", "BSN [ID number]"],
			["paspoortnummer NX1234567", "paspoortnummer [ID number]"],
			["rijbewijsnummer 5012345678", "rijbewijsnummer [ID number]"],
			["Versicherungsnummer A123456780", "Versicherungsnummer [ID number]"],
			["Reisepass C01X00T47", "Reisepass [ID number]"],
			["Führerschein B072RRE2I55", "Führerschein [ID number]"],
			["Steuer-ID 12345678901", "Steuer-ID [ID number]"],
			["SIN 046 454 286", "SIN [ID number]"],
			["health card 1234-567-890-AB", "health card [ID number]"],
			["OHIP 1234-567-890", "OHIP [ID number]"],
			["MRN: 4455-221", "MRN: [ID number]"],
			["IBAN NL91 ABNA 0417 1643 00", "IBAN [account number]"],
			["ref 123456789", "ref [ID number]"],
		],
		kept: same(["PHQ-9: 14", "id like to stop", "policy of openness", "licence to feel", "session 14 of 20"]),
	},
	"ages over 89": {
		changed: [
			["her mother, 93 years old", "her mother, 90 or older"],
			["a 91-year-old", "a 90-plus-year-old"],
			["grandfather aged 94", "grandfather aged 90 or older"],
			["age: 96", "age: 90 or older"],
			["95 y/o", "90 or older"],
			["oma van 92 jaar", "oma van 90 or older"],
			["Alter: 97", "Alter: 90 or older"],
		],
		kept: same(["aged 45", "she is 89 years old", "wanted to alter 95 percent of it", "page 93", "the 90 minutes"]),
	},
	"links and embeds": {
		changed: [
			["see [[Peter Pan notes]]", "see Peter Pan notes"],
			["![[face-2024.jpg]]", "[attachment not exported]"],
			["![photo](face.png)", "[attachment not exported]"],
			["[her blog](https://example.org/mara)", "her blog [web address]"],
			["[[Shared]] and [[Mara Quill|her]]", "[[Export/Shared|Shared]] and her"],
			["[[Mara Quill]]", "Client A"],
		],
		kept: same([]),
	},
	"clinical words and Attune's words": {
		changed: [["Mara felt hope", "Client A felt hope"]],
		kept: same([
			"she felt some hope and will",
			"grace under shame, joy in the room",
			"markers of frank anger",
			"EFT and EFMT work, chair work",
		]),
	},
};

describe.each(Object.entries(FAMILIES))("%s", (_family, { changed, kept, over }) => {
	if (changed.length > 0) it.each(changed)("%s → %s", (before, after) => expect(redact(before, over)).toBe(after));
	if (kept.length > 0) it.each(kept)("keeps %s", (before, after) => expect(redact(before, over)).toBe(after));
});
