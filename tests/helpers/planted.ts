/**
 * Planted identifiers: one row per form of every category the README promises
 * to replace, and near-misses that must stay. `plantedNotes` builds a fixture
 * client from any such table, placing each identifier in a note's body, in a
 * kept property, in a dropped property and (where Obsidian allows the
 * characters) in the file name, so that a test asserts every placement. All
 * values are synthetic: reserved ranges, example domains, invented names.
 */

/** One planted identifier: a sentence holding it, and the text that must not survive anywhere in the copy. */
export interface Plant {
	category: string;
	/** The line as a clinician writes it. */
	line: string;
	/** What must be gone from the copy (defaults to the identifier found between « and » in `line`). */
	gone: string;
}

/** The client the fixture is about, as its client note records it. */
export const FIXTURE_CLIENT = { code: "C-404", names: ["Wren Halloway", "Bex", "Hope"] };

/** `«…»` marks the identifier in a line; the marks are removed when the note is built. */
function plant(category: string, marked: string): Plant {
	const m = /«([^»]+)»/.exec(marked);
	if (!m) throw new Error(`no «identifier» in ${marked}`);
	return { category, line: marked.replace(/[«»]/g, ""), gone: m[1]! };
}

/** Every category the README promises, in the forms clinicians write them (UK, US, NL, DE, CA). */
export const PLANTS: readonly Plant[] = [
	plant("client", "«Wren Halloway» arrived early"),
	plant("client", "«Wren» cried when talking about it"),
	plant("client", "«HALLOWAY» was written on the form"),
	plant("client", "«Bex» said she was tired"),
	plant("client", "then «Hope» phoned twice"),
	plant("client", "code «C-404» in the referral"),
	plant("email", "wrote from «wren.h@example.org» last night"),
	plant("email", "contact «mailto:bex@example.co.uk» now"),
	plant("phone", "call «+44 20 7946 0958» if late"),
	plant("phone", "mobile «07700 900123» only"),
	plant("phone", "US cell «(312) 555-0199» on file"),
	plant("phone", "mobiel «06-12345678» please"),
	plant("phone", "Berlin «030 1234567» office"),
	plant("phone", "Toronto «416-555-0142» work"),
	plant("url", "blog «https://wren.example.com/about»"),
	plant("url", "shop «halloway-pottery.nl» closing"),
	plant("url", "see «www.example.org/wren» too"),
	plant("ip", "logged in from «192.0.2.44» today"),
	plant("ip", "and «2001:db8::8a2e:370:7334» too"),
	plant("address", "lives at «221B Baker Street» now"),
	plant("address", "moved to «42 Wallaby Way» last year"),
	plant("address", "woont «Keizersgracht 123» in town"),
	plant("address", "wohnt «Hauptstraße 5» seit Jahren"),
	plant("address", "office «1600 Pennsylvania Avenue» there"),
	plant("address", "post to «PO Box 1234» only"),
	plant("address", "moved to «Flat 3B» recently"),
	plant("postcode", "London «SW1A 1AA» area"),
	plant("postcode", "Leeds «LS1 4AP» area"),
	plant("postcode", "Amsterdam «1012 AB» area"),
	plant("postcode", "Ottawa «K1A 0B1» area"),
	plant("postcode", "Chicago «60614-1234» area"),
	plant("postcode", "Chicago, IL «60614» area"),
	plant("postcode", "zip code «60615» on the form"),
	plant("postcode", "in «10115» Berlin"),
	plant("id", "NHS number «943 476 5919» on file"),
	plant("id", "NI number «QQ 12 34 56 C» on file"),
	plant("id", "driving licence number «MORGA753116SM9IJ» on file"),
	plant("id", "passport number «502135326» on file"),
	plant("id", "SSN «078-05-1120» on file"),
	plant("id", "on file «078-05-1121» too"),
	plant("id", "Medicare «1EG4-TE5-MK73» card"),
	plant("id", "BSN «123456782» op het formulier"),
	plant("id", "paspoortnummer «NX1234567» gezien"),
	plant("id", "Versicherungsnummer «A123456780» gesehen"),
	plant("id", "Führerschein «B072RRE2I55» gesehen"),
	plant("id", "SIN «046 454 286» on file"),
	plant("id", "health card «1234-567-890-AB» on file"),
	plant("id", "MRN: «4455-221» on file"),
	plant("id", "paid from «NL91 ABNA 0417 1643 00» account"),
	plant("id", "reference «123456789» on the letter"),
	plant("date", "seen on «2026-01-20» again"),
	plant("date", "born «20.01.1984» in the north"),
	plant("date", "on «1/20/2026» she rang"),
	plant("date", "on «20 January 2026» she rang"),
	plant("date", "on «January 20, 2026» she rang"),
	plant("date", "since «February 20th» she sleeps"),
	plant("date", "since «20 Feb» she sleeps"),
	plant("date", "op «5 maart 2025» gebeld"),
	plant("date", "am «3. März 2024» angerufen"),
	plant("age", "her mother, «93 years old», visits"),
	plant("age", "grandfather «aged 94» died"),
	plant("age", "a «91-year-old» neighbour"),
	plant("link", "see «![[wren-face-2024.jpg]]» attached"),
	plant("link", "photo «![scan](wren-scan.png)» attached"),
];

/** What must stay exactly as written, in the body and in a kept property. */
export const NEAR_MISSES: readonly string[] = [
	"PHQ-9: 14, GAD-7 at 12, CORE-10 at 18",
	"session 12 of 20, 50 minutes, 1.5 hrs",
	"she felt some hope and will, grace and joy",
	"markers of frank anger, the art of waiting",
	"the 5 may come later",
	"to alter 95 doses",
	"insurance since 2019 and",
	"she is 89 years old",
	"aged 45 at the time",
	"id like to stop",
	"licence to feel",
	"Spring 12 was hard",
	"rated 4/5 and 7/10 at 14:30",
];

/** Characters Obsidian refuses in a file name. */
const NOT_IN_NAMES = /[\\/:*?"<>|#^[\]]/;

/** One fixture note and the planted identifier it holds. */
export interface PlantedNote {
	path: string;
	text: string;
	plant: Plant;
	where: "body" | "kept property" | "dropped property" | "file name";
}

/** The property a fixture note keeps; the export under test must allow it. */
export const KEPT_PROPERTY = "summary";

function note(props: Record<string, string>, body: string): string {
	// Every value quoted, so that YAML reads the identifier as text.
	const yaml = Object.entries(props).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join("\n");
	return `---\n${yaml}\n---\n${body}\n`;
}

/**
 * The fixture client: each plant in each placement, one note apiece, all
 * session notes of `FIXTURE_CLIENT`, each with an Attune tag and the near-misses.
 */
export function plantedNotes(plants: readonly Plant[] = PLANTS, folder = `Clients/${FIXTURE_CLIENT.code}`): PlantedNote[] {
	const out: PlantedNote[] = [];
	const base = { "note-type": "session", client: FIXTURE_CLIENT.code };
	const nearMisses = NEAR_MISSES.join("\n\n");
	plants.forEach((p, i) => {
		const n = String(i + 1).padStart(2, "0");
		const body = (line: string) => `## Session\n\n${line} #emotion/shame\n\n${nearMisses}`;
		out.push({ where: "body", plant: p, path: `${folder}/planted ${n} body.md`, text: note(base, body(p.line)) });
		out.push({ where: "kept property", plant: p, path: `${folder}/planted ${n} kept.md`, text: note({ ...base, [KEPT_PROPERTY]: p.line }, body("nothing here")) });
		out.push({ where: "dropped property", plant: p, path: `${folder}/planted ${n} dropped.md`, text: note({ ...base, contact: p.line }, body("nothing here")) });
		// The whole line, so that what makes the identifier recognizable (a label, a town after a postcode) is there too.
		if (!NOT_IN_NAMES.test(p.line)) out.push({ where: "file name", plant: p, path: `${folder}/planted ${n} ${p.line}.md`, text: note(base, body("nothing here")) });
	});
	return out;
}

/** The client note of the fixture client, recording its names. */
export function fixtureClientNote(): { path: string; text: string } {
	const { code, names } = FIXTURE_CLIENT;
	return { path: `Clients/${code}/${code}.md`, text: `---\nnote-type: client\nidentifiers: ${JSON.stringify(names)}\n---\n# ${code}\n` };
}
