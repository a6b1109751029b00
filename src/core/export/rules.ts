/**
 * The pattern rules of a de-identified export, named and in the order they
 * run. Each replaces one kind of identifier; a piece a rule has replaced is
 * final, so later rules never see it.
 */
import { parseTag } from "../vocabulary/tags";
import { DATE_RULES } from "./dates";
import { NAME_BOUNDARY } from "./pseudonyms";
import type { Outcome, RedactionRule, RuleContext } from "./rule";

/** Phrases that label a record, insurance, account or licence number, in any case; the number after them is replaced. */
const ID_LABEL_WORDS = [
	"medical record number", "medical record", "record number", "record no", "mrn", "nhs number", "nhs no", "nhs", "chi number", "chi",
	"hospital number", "patient number", "patient id", "client number", "case number", "insurance number", "insurance id", "insurance no",
	"insurance", "policy number", "policy no", "policy", "member id", "membership number", "member number", "account number", "account no",
	"account", "acct", "sort code", "bank account", "licence number", "license number", "licence no", "license no", "licence", "license",
	"driver's licence", "driver's license", "driving licence number", "driving license number", "driving licence", "driving license", "registration number", "registration no", "bsn", "burgerservicenummer", "ssn",
	"social security number", "social security", "national insurance number", "national insurance", "ni number", "nino", "passport number",
	"passport no", "passport", "id number", "id no", "id", "medicare", "medicaid", "polisnummer", "verzekeringsnummer", "klantnummer",
	"rekeningnummer", "versicherungsnummer", "kontonummer", "steuernummer", "tax number", "tin", "ihi",
	// Canada, the Netherlands and Germany in their own words.
	"social insurance number", "health card number", "health card", "health number", "paspoortnummer", "paspoort", "rijbewijsnummer", "rijbewijs",
	"id-kaart", "reisepassnummer", "reisepass", "führerscheinnummer", "führerschein", "personalausweisnummer", "personalausweis", "steuer-id",
	"krankenversichertennummer", "sozialversicherungsnummer",
];
/** Labels that are everyday words in lower case ("sin", "ohip" is safe but short): only as written in capitals. */
const ID_LABEL_CAPITALS = ["SIN", "OHIP", "RAMQ", "NI", "AHV"];

/** A phrase matched in any case, without the `i` flag, so that the number after it can be matched case by case. */
function anyCase(phrase: string): string {
	return [...phrase]
		.map((ch) => (ch === "'" ? "['’]?" : ch === " " ? "[ \\t]+" : ch === "-" ? "[- ]?" : ch.toLowerCase() !== ch.toUpperCase() ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : ch))
		.join("");
}

const ID_LABELS = [...ID_LABEL_WORDS.map((w) => ({ w, re: anyCase(w) })), ...ID_LABEL_CAPITALS.map((w) => ({ w, re: w }))]
	.sort((a, b) => b.w.length - a.w.length)
	.map((l) => l.re)
	.join("|");

const PHONE_LABELS = "telephone|phone|tel|ph|mobile|mob|cell|fax|telefoon|telefon|tel\\.?nr|mobiel|handy|whatsapp";

const STREET_TYPES = "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Way|Close|Crescent|Cres|Terrace|Gardens|Square|Sq|Hill|Row|Mews|Parkway|Pkwy|Highway|Hwy|Grove|Walk|Circle|Cir";
// Not "ring" or "pad": "Spring 12" and "Notepad 3" are no addresses.
const STREET_SUFFIXES = "straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|hof|straße|strasse|gasse|allee|platz|damm|ufer|chaussee";

/** Street types written short, whose full stop is the abbreviation's, not the sentence's. */
const STREET_ABBREVIATIONS: ReadonlySet<string> = new Set(["St", "Rd", "Ave", "Ln", "Dr", "Blvd", "Ct", "Pl", "Cres", "Sq", "Pkwy", "Hwy", "Cir"]);

const digitCount = (s: string) => (s.match(/\d/g) ?? []).length;

/** A valid IPv6 address (full, compressed, or with an IPv4 tail). */
function isIpv6(s: string): boolean {
	const parts = s.split("::");
	if (parts.length > 2) return false;
	const groups = (p: string) => (p === "" ? [] : p.split(":"));
	const all = [...groups(parts[0]!), ...(parts.length === 2 ? groups(parts[1]!) : [])];
	let count = 0;
	for (let i = 0; i < all.length; i++) {
		const g = all[i]!;
		if (i === all.length - 1 && /^\d{1,3}(\.\d{1,3}){3}$/.test(g)) count += 2;
		else if (/^[0-9a-f]{1,4}$/i.test(g)) count++;
		else return false;
	}
	return parts.length === 2 ? count < 8 : count === 8;
}

/** Trailing punctuation that ends a sentence rather than a web address. */
function trimUrl(s: string): { url: string; rest: string } {
	const m = /[.,;:!?'")\]]+$/.exec(s);
	if (!m) return { url: s, rest: "" };
	let url = s.slice(0, m.index);
	let rest = m[0];
	// Keep a closing parenthesis that closes one opened inside the address (Wikipedia-style links).
	if (rest.startsWith(")") && (url.match(/\(/g) ?? []).length > (url.match(/\)/g) ?? []).length) {
		url += ")";
		rest = rest.slice(1);
	}
	return { url, rest };
}

/** Domain endings common enough to treat a bare `name.tld` as a web address. */
// Endings that are also everyday words after a missing space ("to.me", "about.us") are left out.
const BARE_TLDS = "com|org|net|edu|gov|io|co\\.uk|org\\.uk|nhs\\.uk|ac\\.uk|uk|nl|de|fr|eu|ch|ie|info|app|dev|health|online|site|au|nz";

const replace = (text: string): Outcome => ({ text, count: true });

const url = (m: RegExpExecArray): Outcome => {
	const { url: u, rest } = trimUrl(m[0]);
	if (u.length < 4) return null;
	return { text: `[web address]${rest}`, count: true };
};

const client = (m: RegExpExecArray, _form: unknown, ctx: RuleContext): Outcome => {
	const label = ctx.pseudonyms.forMatch(m[0]);
	return label ? replace(label) : null;
};

const phone = (min: number, max: number) => (m: RegExpExecArray): Outcome => {
	const n = digitCount(m[0]);
	return n >= min && n <= max ? replace("[phone]") : null;
};

const AGE_TEXT = "90 or older";

/** Every rule, in the order it runs. */
export const REDACTION_RULES: readonly RedactionRule[] = Object.freeze([
	{
		name: "attune-tag",
		category: "client",
		description: "Attune's own tags in text the scanner did not list (link texts, titles, file names) are kept exactly as written.",
		examples: [{ before: "[#emotion/shame](x)", after: "[#emotion/shame](x)" }],
		notAfter: /[\p{L}\p{N}_/:.#&@\\]/u,
		pattern: /#[\p{L}\p{N}\p{M}_\-/\p{Extended_Pictographic}]+/gu,
		apply: (m, _form, ctx) => (parseTag(m[0].slice(1), ctx.vocab) !== null ? { text: m[0], count: false } : null),
	},
	{
		name: "email",
		category: "email",
		description: "An e-mail address, with or without `mailto:`.",
		examples: [{ before: "wrote from mara.quill@example.org today", after: "wrote from [email] today" }],
		notAfter: /[\w.%+-]/u,
		pattern: /(?:mailto:)?[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu,
		apply: () => replace("[email]"),
	},
	{
		name: "url-with-scheme",
		category: "url",
		description: "A web address with a scheme (`https://`) or starting with `www.`; closing punctuation stays.",
		examples: [{ before: "see https://example.org/mara.", after: "see [web address]." }],
		pattern: /<?(?:[a-z][a-z0-9+.-]{1,15}:\/\/|www\.)[^\s<>"'`]+>?/gi,
		apply: (m) => (m[0].startsWith("<") && m[0].endsWith(">") ? replace("[web address]") : url(m)),
	},
	{
		name: "bare-domain",
		category: "url",
		description: "A bare `name.tld` with a common ending (`quill-family.nl`).",
		examples: [{ before: "her blog quill-family.nl/about", after: "her blog [web address]" }],
		notAfter: /[\w@./-]/u,
		pattern: new RegExp(`[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.(?:${BARE_TLDS})(?:\\/[^\\s<>"'\`]*)?(?![\\w-])`, "gi"),
		apply: url,
	},
	{
		name: "ipv4",
		category: "ip",
		description: "An IPv4 address, with an optional prefix length.",
		examples: [{ before: "logged in from 192.168.1.20", after: "logged in from [IP address]" }],
		notAfter: /[\d.]/u,
		pattern: /(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\/\d{1,2})?(?![\d.]*\d)/g,
		apply: () => replace("[IP address]"),
	},
	{
		name: "ipv6",
		category: "ip",
		description: "A valid IPv6 address (full, compressed, or with an IPv4 tail).",
		examples: [{ before: "address 2001:db8::1 seen", after: "address [IP address] seen" }],
		notAfter: /[\w:]/u,
		pattern: /(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?:\/\d{1,3})?(?![\w:])/gi,
		apply: (m) => (/[0-9a-f]/i.test(m[0]) && isIpv6(m[0].replace(/\/\d+$/, "")) ? replace("[IP address]") : null),
	},
	{
		name: "client-name",
		category: "client",
		description: "A client's code, full name or a name that cannot be an everyday word, in any case.",
		examples: [{ before: "C-101 said MARA QUILL was her name", after: "Client A said Client A was her name" }],
		notAfter: NAME_BOUNDARY,
		pattern: (ctx) => ctx.pseudonyms.anyCase,
		apply: client,
	},
	{
		name: "client-name-capitalized",
		category: "client",
		description: "A client's name that is also an everyday word (Hope, Will), only as written with a capital.",
		examples: [{ before: "Hope felt some hope", after: "Client A felt some hope" }],
		notAfter: NAME_BOUNDARY,
		pattern: (ctx) => ctx.pseudonyms.capitalized,
		apply: client,
	},
	{
		name: "iban",
		category: "id",
		description: "An IBAN-shaped account number with eight digits or more.",
		examples: [{ before: "paid from NL91 ABNA 0417 1643 00", after: "paid from [account number]" }],
		notAfter: /[\p{L}\p{N}]/u,
		pattern: /[A-Z]{2}\d{2}(?:[ \t]?[A-Z0-9]{4}){2,7}(?:[ \t]?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu,
		apply: (m) => (digitCount(m[0]) >= 8 ? replace("[account number]") : null),
	},
	{
		name: "labelled-number",
		category: "id",
		description: "A number of four digits or more after a label such as MRN, NHS number, policy or passport; the label stays.",
		examples: [
			{ before: "MRN: 4455-221", after: "MRN: [ID number]" },
			{ before: "NHS number 943 476 5919", after: "NHS number [ID number]" },
			{ before: "driving licence number MORGA753116SM9IJ", after: "driving licence number [ID number]" },
			{ before: "NI number QQ 12 34 56 C", after: "NI number [ID number]" },
			{ before: "Medicare 1EG4-TE5-MK73", after: "Medicare [ID number]" },
			{ before: "insurance since 2019 and", after: "insurance since 2019 and" },
			{ before: "PHQ-9: 14", after: "PHQ-9: 14" },
		],
		notAfter: /[\p{L}\p{N}]/u,
		// The number: letter-and-digit groups, each with a digit, after optional capitals ("QQ 12 34 56 C",
		// "1EG4-TE5-MK73", "MORGA753116SM9IJ"); a last group of one or two letters only in capitals.
		pattern: new RegExp(
			`((?:${ID_LABELS})(?![\\p{L}])\\.?(?:[ \\t]+(?:${anyCase("no")}\\.?|${anyCase("nr")}\\.?|${anyCase("number")}|#))?[ \\t]*[:#]?[ \\t]*)((?:[A-Z]{1,5}[ \\t-]?)?[A-Za-z]*\\d[A-Za-z\\d]*(?:[ \\t/.-][A-Za-z]*\\d[A-Za-z\\d]*)*(?:[ \\t-][A-Z]{1,2})?)(?![\\p{L}\\p{N}])`,
			"gu",
		),
		apply: (m) => (digitCount(m[2]!) >= 4 ? replace(`${m[1]!}[ID number]`) : null),
	},
	{
		name: "us-ssn",
		category: "id",
		description: "A US social security number written `123-45-6789`.",
		examples: [{ before: "SSN on file 078-05-1120", after: "SSN on file [ID number]" }],
		notAfter: /[\d-]/u,
		pattern: /\d{3}-\d{2}-\d{4}(?![\d-])/g,
		apply: () => replace("[ID number]"),
	},
	{
		name: "age-years-old",
		category: "age",
		description: "An age of 90 or over followed by years old, y/o, jaar or Jahre.",
		examples: [{ before: "her mother, 93 years old", after: "her mother, 90 or older" }, { before: "a 91-year-old", after: "a 90-plus-year-old" }],
		notAfter: /[\d.]/u,
		pattern: /(\d{2,3})(?:([ \t]*-[ \t]*|[ \t]+)(?:years?|yrs?)(?:[ \t]*-[ \t]*|[ \t]+)old|[ \t]*(?:y\/o|yo|y\.o\.)|[ \t]+(?:jaar(?:[ \t]+oud)?|Jahre(?:[ \t]+alt)?))(?![\p{L}\p{N}])/giu,
		apply: (m) => (+m[1]! >= 90 ? replace(m[2] !== undefined && m[2].includes("-") ? "90-plus-year-old" : AGE_TEXT) : null),
	},
	{
		name: "age-label",
		category: "age",
		description: "An age of 90 or over after aged, age:, leeftijd or Alter.",
		examples: [
			{ before: "grandfather aged 94", after: "grandfather aged 90 or older" },
			{ before: "Alter: 97", after: "Alter: 90 or older" },
			{ before: "to alter 95 doses", after: "to alter 95 doses" },
		],
		notAfter: /[\p{L}]/u,
		// "Alter" only with its capital: "alter 95 doses" is the English verb.
		pattern: /((?:[Aa]ged?|AGED?|[Aa]ge:|AGE:|[Ll]eeftijd:?|LEEFTIJD:?|Alter:?|ALTER:)[ \t]+)(\d{2,3})(?![\p{N}])/gu,
		apply: (m) => (+m[2]! >= 90 ? replace(`${m[1]!}${AGE_TEXT}`) : null),
	},
	...DATE_RULES,
	{
		name: "labelled-phone",
		category: "phone",
		description: "A number of six digits or more after a label such as phone, tel, mobile or fax; the label stays.",
		examples: [{ before: "mobile: 06 1234 5678", after: "mobile: [phone]" }],
		notAfter: /[\p{L}]/u,
		pattern: new RegExp(`((?:${PHONE_LABELS})\\.?(?:[ \\t]*(?:no\\.?|nr\\.?|number))?[ \\t]*[:.]?[ \\t]*)(\\+?[\\d(][\\d \\t().\\/-]{4,}\\d)`, "giu"),
		apply: (m) => (digitCount(m[2]!) >= 6 ? replace(`${m[1]!}[phone]`) : null),
	},
	{
		name: "international-phone",
		category: "phone",
		description: "A number with a country code (`+44 20 7946 0958`, `0031 ...`), 8 to 15 digits.",
		examples: [{ before: "call +44 20 7946 0958 now", after: "call [phone] now" }],
		notAfter: /[\w+]/u,
		pattern: /(?:\+|00)[1-9]\d{0,2}(?:[ \t.-]?\(?\d{1,5}\)?){1,6}(?![\d])/g,
		apply: phone(8, 15),
	},
	{
		name: "north-american-phone",
		category: "phone",
		description: "A ten-digit North American number (`(312) 555-0199`).",
		examples: [{ before: "at (312) 555-0199", after: "at [phone]" }],
		notAfter: /[\w(]/u,
		pattern: /(?:\(\d{3}\)[ \t]?|\d{3}[-. \t])\d{3}[-. \t]\d{4}(?!\d)/g,
		apply: phone(10, 10),
	},
	{
		name: "national-phone",
		category: "phone",
		description: "A national number starting with 0, 9 to 12 digits.",
		examples: [{ before: "home 020 7946 0958", after: "home [phone]" }],
		notAfter: /[\w.+-]/u,
		pattern: /\(?0\d{1,4}\)?(?:[ \t./-]?\d{2,8}){1,4}(?![\d])/g,
		apply: phone(9, 12),
	},
	{
		name: "street-number-first",
		category: "address",
		description: "A house number, capitalized words and a street type (`42 Wallaby Way`).",
		examples: [
			{ before: "lives at 12 Baker Street now", after: "lives at [street address] now" },
			// A full stop after a whole street word ends the sentence and stays; after "St." it is the abbreviation's.
			{ before: "She lives at 42 Wallaby Way.", after: "She lives at [street address]." },
			{ before: "at 9 Elm St. now", after: "at [street address] now" },
		],
		notAfter: /[\p{L}\p{N}]/u,
		pattern: new RegExp(`\\d{1,5}[A-Za-z]?,?[ \\t]+(?:\\p{Lu}[\\p{L}'’.-]*[ \\t]+){1,4}(${STREET_TYPES})(?![\\p{L}])(\\.?)`, "gu"),
		apply: (m) => replace(m[2] === "." && !STREET_ABBREVIATIONS.has(m[1]!) ? "[street address]." : "[street address]"),
	},
	{
		name: "street-suffix-number",
		category: "address",
		description: "A Dutch or German street name ending in -straat, -laan, -straße... and a number.",
		examples: [{ before: "woont Kerkstraat 12a", after: "woont [street address]" }],
		notAfter: /[\p{L}]/u,
		pattern: new RegExp(`\\p{Lu}[\\p{L}-]*?(?:${STREET_SUFFIXES})[ \\t]+\\d{1,5}(?:[ \\t]?[a-zA-Z](?![\\p{L}])|-\\d+)?(?![\\p{N}])`, "gu"),
		apply: () => replace("[street address]"),
	},
	{
		name: "street-word-number",
		category: "address",
		description: "A name, a separate street word (Straße, Weg, Laan...) and a number.",
		examples: [{ before: "in Berliner Straße 5", after: "in [street address]" }],
		notAfter: /[\p{L}]/u,
		pattern: /(?:\p{Lu}[\p{L}-]*[ \t]+)(?:Straße|Strasse|Weg|Allee|Platz|Gasse|Laan|Straat)[ \t]+\d{1,5}[a-zA-Z]?(?![\p{L}\p{N}])/gu,
		apply: () => replace("[street address]"),
	},
	{
		name: "po-box",
		category: "address",
		description: "A PO box, Postbus or Postfach and its number.",
		examples: [{ before: "write to PO Box 1234", after: "write to [street address]" }],
		notAfter: /[\p{L}]/u,
		pattern: /(?:P\.?[ \t]?O\.?[ \t]?Box|Postbus|Postfach)[ \t]+\d+/giu,
		apply: () => replace("[street address]"),
	},
	{
		name: "flat-number",
		category: "address",
		description: "A flat, apartment, unit or suite number.",
		examples: [{ before: "moved to Flat 3B", after: "moved to [street address]" }],
		notAfter: /[\p{L}]/u,
		pattern: /(?:Flat|Apt\.?|Apartment|Unit|Suite)[ \t]+\d+[A-Za-z]?(?![\p{L}\p{N}])/gu,
		apply: () => replace("[street address]"),
	},
	{
		name: "uk-postcode",
		category: "address",
		description: "A UK postcode.",
		examples: [{ before: "London SW1A 1AA", after: "London [postcode]" }],
		notAfter: /[\p{L}\p{N}]/u,
		pattern: /(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[ \t]?\d[A-Z]{2}(?![\p{L}\p{N}])/gu,
		apply: () => replace("[postcode]"),
	},
	{
		name: "dutch-postcode",
		category: "address",
		description: "A Dutch postcode (`1012 AB`), not followed by a unit or country code.",
		examples: [{ before: "Amsterdam 1012 AB", after: "Amsterdam [postcode]" }],
		notAfter: /[\p{L}\p{N}]/u,
		pattern: /[1-9]\d{3}[ \t]?(?!SA|SD|SS|UK|US|EU|NL|DE|BE|FR|AM|PM)[A-Z]{2}(?![\p{L}\p{N}])/gu,
		apply: () => replace("[postcode]"),
	},
	{
		name: "canadian-postcode",
		category: "address",
		description: "A Canadian postal code (`K1A 0B1`).",
		examples: [{ before: "Ottawa K1A 0B1", after: "Ottawa [postcode]" }],
		notAfter: /[\p{L}\p{N}]/u,
		pattern: /[A-Z]\d[A-Z][ \t]?\d[A-Z]\d(?![\p{L}\p{N}])/gu,
		apply: () => replace("[postcode]"),
	},
	{
		name: "labelled-postcode",
		category: "address",
		description: "A five-digit US ZIP code, or a postcode, after a label (zip, zip code, postal code); the label stays.",
		examples: [{ before: "zip code 60614, Chicago", after: "zip code [postcode], Chicago" }, { before: "ZIP: 10001", after: "ZIP: [postcode]" }],
		notAfter: /[\p{L}]/u,
		pattern: /((?:zip(?:[ \t]+code)?|postal[ \t]+code|post[ \t]?code)[ \t]*[:#]?[ \t]*)(\d{5})(?![\p{N}-])/giu,
		apply: (m) => replace(`${m[1]}[postcode]`),
	},
	{
		name: "zip-plus-four",
		category: "address",
		description: "A US ZIP+4 code.",
		examples: [{ before: "Chicago 60614-1234", after: "Chicago [postcode]" }],
		notAfter: /[\p{N}-]/u,
		pattern: /\d{5}-\d{4}(?![\p{N}])/gu,
		apply: () => replace("[postcode]"),
	},
	{
		name: "state-zip",
		category: "address",
		description: "A US ZIP code after a two-letter state; the state stays.",
		examples: [{ before: "Chicago, IL 60614", after: "Chicago, IL [postcode]" }],
		notAfter: /\p{L}/u,
		pattern: /([A-Z]{2},?[ \t]+)\d{5}(?![\p{N}-])/gu,
		apply: (m) => replace(`${m[1]!}[postcode]`),
	},
	{
		name: "postcode-before-town",
		category: "address",
		description: "Five digits before a town's name, as German, French and other postcodes are written.",
		examples: [{ before: "in 10115 Berlin", after: "in [postcode] Berlin" }],
		notAfter: /[\p{L}\p{N}.,-]/u,
		pattern: /(?:[A-Z]{1,2}-)?\d{5}(?=[ \t]+\p{Lu}\p{Ll}{2,})/gu,
		apply: () => replace("[postcode]"),
	},
	{
		name: "long-number",
		category: "id",
		description: "Any remaining run of eight digits or more: some kind of number that identifies.",
		examples: [{ before: "ref 123456789", after: "ref [ID number]" }],
		notAfter: /[\p{L}\p{N}]/u,
		pattern: /\d{8,}(?![\p{L}\p{N}])/gu,
		apply: () => replace("[ID number]"),
	},
] satisfies readonly RedactionRule[]);
