/**
 * De-identification for supervision: turns session notes into copies that
 * carry the clinical content (Attune's tags, headings, supervisor comments,
 * passage text) without who the client is. Pure: the shell passes in the
 * notes' text, how links resolve, and a YAML parser and printer.
 *
 * Redaction is pattern-based and works line by line, so that no replacement
 * ever joins or splits lines: headings stay headings and every tag keeps its
 * line. Each line is cut into pieces; a piece that a rule has replaced (or a
 * tag that must not change) is final, and later rules only see the rest.
 */
import { scanMarkdown } from "./markdown/scan";
import type { RawTag } from "./markdown/types";
import { readNote, type YamlParser } from "./note/reader";
import { parseTag } from "./vocabulary/tags";
import type { ExportDates } from "./settings";
import type { Vocabulary } from "./vocabulary/vocabulary";

/** What a replacement replaced, as the preview and the report group it. */
export type Category = "client" | "email" | "phone" | "url" | "ip" | "address" | "id" | "date" | "age" | "link" | "property";

/** Every category, in the order the preview and the report list them. */
export const CATEGORIES: readonly Category[] = Object.freeze(["client", "email", "phone", "url", "ip", "address", "id", "date", "age", "link", "property"]);

/** Words people see for each category. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = Object.freeze({
	client: "Client names and codes",
	email: "E-mail addresses",
	phone: "Phone and fax numbers",
	url: "Web addresses",
	ip: "IP addresses",
	address: "Street addresses and postcodes",
	id: "Record, insurance, account and licence numbers",
	date: "Dates",
	age: "Ages over 89",
	link: "Links to notes not exported",
	property: "Properties removed",
});

/** The reminder that every export and its preview carry. */
export const FREE_TEXT_WARNING =
	"Pattern-based redaction can miss identifiers written in free text, such as a partner's name, a workplace or a rare event. Read the whole export before you share it.";

/** A client as the export knows it: the code and the names recorded in the client note. */
export interface ClientIdentity {
	/** The client code (`C-101`). */
	code: string;
	/** The client note's `aliases` and `identifiers`. */
	names: string[];
}

/** One replacement, for the preview. The original never reaches the export. */
export interface Replacement {
	category: Category;
	/** The text as found in the source. */
	from: string;
	/** What the export holds instead. */
	to: string;
}

/** A note to export. */
export interface ExportSource {
	/** Vault path. */
	path: string;
	text: string;
}

/** Everything an export needs besides the notes. */
export interface ExportOptions {
	/** How dates are treated. */
	dates: ExportDates;
	/** Property keys kept (any case); `tags` is always kept so the summary stays the same. */
	allowedProperties: readonly string[];
	vocab: Vocabulary;
	parseYaml: YamlParser;
	/** Prints properties back as YAML (without the `---` fences). */
	stringifyYaml: (data: Record<string, unknown>) => string;
	/** Every client known in the vault, with the names from its client note. */
	identities: readonly ClientIdentity[];
	/** Codes of the clients being exported: they are given pseudonyms first (`Client A`). */
	primary: readonly string[];
	/** Session numbers by session date (`YYYY-MM-DD`), for dates replaced by session number. */
	sessionByDate: ReadonlyMap<string, number>;
	/** The vault path a link points at, or null when it points nowhere (Obsidian's resolution). */
	resolveLink: (linkpath: string, sourcePath: string) => string | null;
	/** The folder the copies are written to. */
	targetFolder: string;
}

/** One exported copy. */
export interface ExportedNote {
	sourcePath: string;
	/** The copy's file name, without `.md`; free of identifiers. */
	name: string;
	/** The copy's vault path. */
	path: string;
	text: string;
	/** Replacements in this note, per category. */
	counts: Record<Category, number>;
}

/** A note that cannot be exported safely, and why. */
export interface ExportProblem {
	path: string;
	message: string;
}

/** What an export will write, computed before anything is written. */
export interface ExportPlan {
	notes: ExportedNote[];
	/** Replacements per category over the whole export. */
	counts: Record<Category, number>;
	/** A few distinct replacements per category, for the preview only. */
	examples: Record<Category, Replacement[]>;
	/** Notes that cannot be exported safely: when any, nothing should be written. */
	problems: ExportProblem[];
}

/** How many examples per category the preview shows. */
const MAX_EXAMPLES = 3;

/** Where a piece of text ends up: note text, a file name, a property value, or the text of a tag that is not Attune's. */
export type Form = "text" | "name" | "property" | "tag";

/** A stretch of one line: `done` pieces are final and no later rule looks at them. */
interface Piece {
	text: string;
	done: boolean;
}

/**
 * What a rule does with one match: replace it (and count it or not), keep it
 * as written but final (a date the user chose to keep), or leave it to later rules.
 */
type Outcome = { text: string; count: boolean; keep?: boolean } | null;

/** A match kept as written, and shielded from later rules (a kept date is no phone number). */
const KEEP: Outcome = { text: "", count: false, keep: true };

/**
 * A replacement rule. Patterns use no lookbehind, which iOS before 16.4 cannot
 * compile: `notAfter` says which character may not come right before a match
 * (the letter before a name, the digit before a number), checked by hand.
 */
interface Rule {
	category: Category;
	/** A match right after one of these characters is no match; the search goes on one character later. */
	notAfter?: RegExp;
	re: RegExp;
	apply: (m: RegExpExecArray, form: Form) => Outcome;
}

/** An empty count per category. */
export function emptyCounts(): Record<Category, number> {
	const c = {} as Record<Category, number>;
	for (const k of CATEGORIES) c[k] = 0;
	return c;
}

// ---------------------------------------------------------------------------
// Pseudonyms

/** Words never taken alone from a recorded name: titles, particles and words such as "Client". */
const NAME_STOPWORDS = new Set([
	"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir", "the", "and", "of", "van", "de", "der", "den", "het", "von", "zu", "la", "le",
	"du", "da", "di", "del", "client", "patient", "jr", "sr",
]);

/**
 * First names that are also everyday words: matched only when written with a
 * capital, so that "she felt some hope" keeps its hope while "Hope" goes.
 */
const COMMON_WORD_NAMES = new Set([
	"hope", "joy", "grace", "faith", "will", "may", "june", "april", "rose", "dawn", "summer", "autumn", "bill", "mark", "art",
	"frank", "pat", "sue", "rich", "amber", "ruby", "ivy", "lily", "honey", "sunny", "holly", "destiny", "trust", "chance",
]);

/** The letters of the n-th pseudonym: A..Z, then AA, AB, ... */
function letters(n: number): string {
	let s = "";
	let i = n;
	do {
		s = String.fromCharCode(65 + (i % 26)) + s;
		i = Math.floor(i / 26) - 1;
	} while (i >= 0);
	return s;
}

/** Key under which a matched name or code is looked up: case, spaces and separators ignored. */
function identityKey(s: string): string {
	// Straight and curly apostrophes are one (phones type the curly one).
	return s.toLowerCase().replace(/[\s\-_.]+/g, "").replace(/’/g, "'");
}

function escapeRe(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A name or code as a pattern: separators between its parts may be written differently. */
function flexible(s: string): string {
	return s.trim().split(/[\s\-_.]+/).filter((p) => p !== "").map((p) => escapeRe(p).replace(/['’]/g, "['’]")).join("[-_. \\t]{0,2}");
}

/**
 * The per-export mapping from clients to pseudonyms. The clients being
 * exported come first (`Client A`); any other known client gets the next
 * letter when first met. Letters follow the order of the export, never the
 * codes, so the output cannot be turned back into a code.
 */
export class Pseudonyms {
	private readonly byKey = new Map<string, number>();
	private readonly assigned = new Map<number, string>();
	private next = 0;
	/** Codes, full names and names safe to match in any case; null when there is nothing to match. */
	readonly anyCase: RegExp | null;
	/** Names that are also everyday words, matched only as written with a capital. */
	readonly capitalized: RegExp | null;

	constructor(identities: readonly ClientIdentity[], primary: readonly string[]) {
		const anyCase: string[] = [];
		const capitalized: string[] = [];
		identities.forEach((id, i) => {
			const add = (s: string, list: string[]) => {
				const key = identityKey(s);
				if (key === "" || this.byKey.has(key)) return;
				this.byKey.set(key, i);
				list.push(s.trim());
			};
			add(id.code, anyCase);
			for (const name of id.names) {
				if (typeof name !== "string" || name.trim() === "") continue;
				const parts = name.trim().split(/\s+/);
				// A whole name is matched as written; a single word only when it can be a name on its own.
				if (parts.length > 1 || isNameWord(parts[0])) add(name, COMMON_WORD_NAMES.has(name.trim().toLowerCase()) ? capitalized : anyCase);
				if (parts.length > 1) {
					for (const p of parts) {
						const w = p.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
						if (!isNameWord(w)) continue;
						add(w, COMMON_WORD_NAMES.has(w.toLowerCase()) ? capitalized : anyCase);
					}
				}
			}
		});
		for (const code of primary) {
			const i = this.byKey.get(identityKey(code));
			if (i !== undefined) this.labelOf(i);
		}
		this.anyCase = alternation(anyCase, "giu");
		// "Hope" and "HOPE" are the name; "hope" is the word.
		this.capitalized = alternation(capitalized.flatMap((w) => [w[0].toUpperCase() + w.slice(1), w.toUpperCase()]), "gu");
	}

	/** The pseudonym for a matched name or code, or null when it is no known client's. */
	forMatch(text: string): string | null {
		const i = this.byKey.get(identityKey(text));
		return i === undefined ? null : this.labelOf(i);
	}

	/** The pseudonym of a client code, assigning one if needed. */
	forCode(code: string): string | null {
		return this.forMatch(code);
	}

	private labelOf(i: number): string {
		let label = this.assigned.get(i);
		if (!label) {
			label = `Client ${letters(this.next++)}`;
			this.assigned.set(i, label);
		}
		return label;
	}
}

/** A word that can stand for a person on its own: two letters or more, no digits, not a title or particle. */
function isNameWord(w: string): boolean {
	return /^\p{L}[\p{L}'’-]+$/u.test(w) && !NAME_STOPWORDS.has(w.toLowerCase());
}

/** One pattern matching any of the strings, longest first so that "Mara Quill" wins over "Mara". */
function alternation(strings: string[], flags: string): RegExp | null {
	if (strings.length === 0) return null;
	const sorted = [...strings].sort((a, b) => b.length - a.length);
	return new RegExp(`(?:${sorted.map(flexible).join("|")})(?![\\p{L}\\p{N}])`, flags);
}

/** A name or code starts only where no letter or digit comes before it. */
const NAME_BOUNDARY = /[\p{L}\p{N}]/u;

/** A pseudonym as tag text: `Client A` becomes `client-a`. */
function tagSafe(label: string): string {
	return label.toLowerCase().replace(/\s+/g, "-");
}

// ---------------------------------------------------------------------------
// Dates

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Month words in English, Dutch and German (full and abbreviated), lowercase, to month number. */
const MONTH_WORDS: ReadonlyMap<string, number> = (() => {
	const m = new Map<string, number>();
	const lists: string[][] = [
		["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
		["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
		["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
		["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sept", "okt", "nov", "dec"],
		["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
		["jänner", "feber", "maerz", "sept", "dez", "okt"],
	];
	const extra: number[] = [1, 2, 3, 9, 12, 10];
	lists.forEach((list, li) => {
		if (li < 5) list.forEach((w, i) => m.set(w, i + 1));
		else list.forEach((w, i) => m.set(w, extra[i]));
	});
	return m;
})();

const MONTH_ALT = [...MONTH_WORDS.keys()].sort((a, b) => b.length - a.length).join("|");

/** Whether y-m-d is a real calendar date. */
function realDate(y: number, m: number, d: number): boolean {
	return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): string {
	return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A date replaced by session number, as each form writes it; a date that is no session's date says only that it was a date. */
function sessionText(session: number | undefined, form: Form): string {
	switch (form) {
		case "name":
			// In a file name the session number is usually written already ("2026-01-20 session 3").
			return "";
		case "tag":
			return session !== undefined ? `session-${session}` : "date";
		default:
			return session !== undefined ? `session ${session}` : "[date]";
	}
}

function fullYear(y: string): number {
	if (y.length === 4) return +y;
	// Two-digit years: 00-49 read as 20xx, 50-99 as 19xx (a birth year is the likely reading).
	const n = +y;
	return n < 50 ? 2000 + n : 1900 + n;
}

// ---------------------------------------------------------------------------
// The redactor

/** Phrases that label a record, insurance, account or licence number; the number after them is replaced. */
const ID_LABELS = [
	"medical record number", "medical record", "record number", "record no", "mrn", "nhs number", "nhs no", "nhs", "chi number", "chi",
	"hospital number", "patient number", "patient id", "client number", "case number", "insurance number", "insurance id", "insurance no",
	"insurance", "policy number", "policy no", "policy", "member id", "membership number", "member number", "account number", "account no",
	"account", "acct", "sort code", "bank account", "licence number", "license number", "licence no", "license no", "licence", "license",
	"driver's licence", "driver's license", "registration number", "registration no", "bsn", "burgerservicenummer", "ssn",
	"social security number", "social security", "national insurance number", "national insurance", "ni number", "nino", "passport number",
	"passport no", "passport", "id number", "id no", "id", "medicare", "medicaid", "polisnummer", "verzekeringsnummer", "klantnummer",
	"rekeningnummer", "versicherungsnummer", "kontonummer", "steuernummer", "tax number", "tin", "ihi",
].sort((a, b) => b.length - a.length).map((l) => l.replace(/'/g, "['’]?").replace(/ /g, "[ \\t]+")).join("|");

const PHONE_LABELS = "telephone|phone|tel|ph|mobile|mob|cell|fax|telefoon|telefon|tel\\.?nr|mobiel|handy|whatsapp";

const STREET_TYPES = "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Way|Close|Crescent|Cres|Terrace|Gardens|Square|Sq|Hill|Row|Mews|Parkway|Pkwy|Highway|Hwy|Grove|Walk|Circle|Cir";
// Not "ring" or "pad": "Spring 12" and "Notepad 3" are no addresses.
const STREET_SUFFIXES = "straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|hof|straße|strasse|gasse|allee|platz|damm|ufer|chaussee";

const digitCount = (s: string) => (s.match(/\d/g) ?? []).length;

/** A valid IPv6 address (full, compressed, or with an IPv4 tail). */
function isIpv6(s: string): boolean {
	const parts = s.split("::");
	if (parts.length > 2) return false;
	const groups = (p: string) => (p === "" ? [] : p.split(":"));
	const all = [...groups(parts[0]), ...(parts.length === 2 ? groups(parts[1]) : [])];
	let count = 0;
	for (let i = 0; i < all.length; i++) {
		const g = all[i];
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

/**
 * Replaces identifiers in a set of notes, keeping one pseudonym mapping for
 * the whole export. Construct one per export.
 */
export class Redactor {
	readonly pseudonyms: Pseudonyms;
	private readonly rules: Rule[];
	private readonly dates: Rule[];
	private readonly exported = new Map<string, string>();
	private records: Replacement[] = [];
	private sourcePath = "";

	constructor(private readonly opts: ExportOptions) {
		this.pseudonyms = new Pseudonyms(opts.identities, opts.primary);
		this.dates = this.dateRules();
		this.rules = this.buildRules();
	}

	/** Tells the redactor which source notes are exported and where, so links to them stay links. */
	setExported(map: ReadonlyMap<string, string>): void {
		this.exported.clear();
		for (const [k, v] of map) this.exported.set(k, v);
	}

	/** Starts collecting the replacements of one note. */
	begin(sourcePath: string): void {
		this.sourcePath = sourcePath;
		this.records = [];
	}

	/** The replacements collected since `begin`. */
	collected(): Replacement[] {
		return this.records;
	}

	/** Redacts free text (no links, no scanner tags known): used for link texts, titles and tests. */
	text(s: string, form: Form = "text"): string {
		return this.runRules([{ text: s, done: false }], form);
	}

	/** Redacts one line of a note's body, keeping the tags the scanner found on it. */
	line(line: string, tags: readonly RawTag[]): string {
		const pieces: Piece[] = [];
		let at = 0;
		for (const t of [...tags].sort((a, b) => a.col - b.col)) {
			const end = t.col + 1 + t.tag.length;
			if (t.col < at || line.slice(t.col, end) !== `#${t.tag}`) continue;
			if (t.col > at) pieces.push({ text: line.slice(at, t.col), done: false });
			pieces.push({ text: this.tag(t.tag), done: true });
			at = end;
		}
		if (at < line.length) pieces.push({ text: line.slice(at), done: false });
		return this.runRules(this.splitLinkDestinations(this.links(pieces)), "text");
	}

	/**
	 * A Markdown link whose text holds a tag (`[#emotion/shame](Clients/Mara Quill.md)`)
	 * is cut by the tag, so the link pattern cannot see it whole; its destination
	 * still gets the name and code rules, so that nothing leaks through it.
	 */
	private splitLinkDestinations(pieces: Piece[]): Piece[] {
		const out: Piece[] = [];
		for (let i = 0; i < pieces.length; i++) {
			const p = pieces[i];
			const m = !p.done && i > 0 && pieces[i - 1].done ? /^([^[\]\n]*)\]\(([^()\n]*)\)/.exec(p.text) : null;
			if (!m) {
				out.push(p);
				continue;
			}
			let dest = m[2];
			try {
				dest = decodeURIComponent(dest);
			} catch {
				// A stray % in a hand-written link: use it as written.
			}
			const redacted = encodeURI(this.text(dest));
			if (m[1] !== "") out.push({ text: m[1], done: false });
			out.push({ text: `](${redacted})`, done: true });
			if (redacted !== m[2]) this.record("link", m[2], redacted);
			if (m[0].length < p.text.length) out.push({ text: p.text.slice(m[0].length), done: false });
		}
		return out;
	}

	/** A file name for the copy: identifiers replaced, dates per the date choice, and no characters Obsidian refuses. */
	name(basename: string): string {
		const out = this.text(basename, "name")
			.replace(/[\\/:*?"<>|#^[\]]/g, " ")
			.replace(/\s+/g, " ")
			.trim();
		return out === "" ? "Note" : out;
	}

	/** A tag: Attune's stay exactly as written; in any other, a client's name or code becomes its pseudonym. */
	tag(tag: string): string {
		if (parseTag(tag, this.opts.vocab) !== null) return `#${tag}`;
		return `#${this.tagText(tag)}`;
	}

	private tagText(tag: string): string {
		let out = tag;
		for (const re of [this.pseudonyms.anyCase, this.pseudonyms.capitalized]) {
			if (!re) continue;
			out = out.replace(new RegExp(re.source, re.flags), (m: string, offset: number, whole: string) => {
				const label = this.pseudonyms.forMatch(m);
				if (!label || (offset > 0 && NAME_BOUNDARY.test(whole[offset - 1]))) return m;
				this.records.push({ category: "client", from: m, to: tagSafe(label) });
				return tagSafe(label);
			});
		}
		// Dates too, written so that the tag stays one tag (`2026-01`, `session-3`).
		return this.applyDates(out);
	}

	private applyDates(tag: string): string {
		let pieces: Piece[] = [{ text: tag, done: false }];
		for (const rule of this.dates) pieces = this.applyRule(pieces, rule, "tag");
		const out = pieces.map((p) => p.text).join("");
		return out === "" ? "date" : out;
	}

	/** A property value: strings redacted (links resolved), lists and maps walked, numbers and booleans kept. */
	value(v: unknown): unknown {
		if (typeof v === "string") return this.text(v, "property");
		if (Array.isArray(v)) return (v as unknown[]).map((x) => this.value(x));
		if (v instanceof Date) return isNaN(v.getTime()) ? v : this.text(v.toISOString().slice(0, 10), "property");
		if (v && typeof v === "object") {
			const out: Record<string, unknown> = {};
			for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = this.value(x);
			return out;
		}
		return v;
	}

	/** The `tags` property: Attune's tags kept as written, others redacted as tags, the shape unchanged. */
	tagsValue(v: unknown): unknown {
		if (Array.isArray(v)) return (v as unknown[]).map((x) => (typeof x === "string" ? this.tagWords(x) : x));
		if (typeof v === "string") return this.tagWords(v);
		return v;
	}

	private tagWords(s: string): string {
		return s.replace(/[^\s,]+/g, (w) => {
			const hash = w.startsWith("#") ? "#" : "";
			const t = hash ? w.slice(1) : w;
			return parseTag(t, this.opts.vocab) !== null ? w : hash + this.tagText(t);
		});
	}

	private record(category: Category, from: string, to: string): void {
		this.records.push({ category, from, to });
	}

	private runRules(pieces: Piece[], form: Form): string {
		let ps = pieces;
		for (const rule of this.rules) ps = this.applyRule(ps, rule, form);
		return ps.map((p) => p.text).join("");
	}

	private applyRule(pieces: Piece[], rule: Rule, form: Form): Piece[] {
		const out: Piece[] = [];
		let before = "";
		for (const p of pieces) {
			if (p.done) {
				out.push(p);
				before = p.text.slice(-1);
				continue;
			}
			const re = new RegExp(rule.re.source, rule.re.flags);
			let at = 0;
			let m: RegExpExecArray | null;
			while ((m = re.exec(p.text))) {
				if (m[0] === "") {
					re.lastIndex++;
					continue;
				}
				if (rule.notAfter && rule.notAfter.test(m.index > 0 ? p.text[m.index - 1] : before)) {
					re.lastIndex = m.index + 1;
					continue;
				}
				const r = rule.apply(m, form);
				if (!r) continue;
				if (m.index > at) out.push({ text: p.text.slice(at, m.index), done: false });
				out.push({ text: r.keep ? m[0] : r.text, done: true });
				if (r.count) this.record(rule.category, m[0], r.text);
				at = m.index + m[0].length;
			}
			if (at < p.text.length) out.push({ text: p.text.slice(at), done: false });
			before = p.text.slice(-1);
		}
		return out;
	}

	// -- links ---------------------------------------------------------------

	/** Wiki links and Markdown links: kept when they point at an exported note, else plain text. */
	private links(pieces: Piece[]): Piece[] {
		const wiki: Rule = { category: "link", re: /(!?)\[\[([^[\]\n]+?)\]\]/g, apply: (m) => ({ text: this.wikiLink(m[1] === "!", m[2]), count: false }) };
		const md: Rule = { category: "link", re: /(!?)\[([^[\]\n]*)\]\(([^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)/g, apply: (m) => ({ text: this.mdLink(m[1] === "!", m[2], m[3]), count: false }) };
		return this.applyRule(this.applyRule(pieces, wiki, "text"), md, "text");
	}

	private wikiLink(embed: boolean, inner: string): string {
		const pipe = inner.indexOf("|");
		const target = (pipe < 0 ? inner : inner.slice(0, pipe)).trim();
		const alias = pipe < 0 ? "" : inner.slice(pipe + 1).trim();
		const hash = target.indexOf("#");
		const linkpath = hash < 0 ? target : target.slice(0, hash);
		const sub = hash < 0 ? "" : target.slice(hash + 1);
		const resolved = linkpath === "" ? this.sourcePath : this.opts.resolveLink(linkpath, this.sourcePath);
		const exported = resolved ? this.exported.get(resolved) : undefined;
		const subOut = sub.startsWith("^") ? sub : sub === "" ? "" : this.text(sub);
		if (exported !== undefined) {
			const to = exported.replace(/\.md$/i, "");
			const base = to.slice(to.lastIndexOf("/") + 1);
			const anchor = subOut === "" ? "" : `#${subOut}`;
			if (embed) return `![[${to}${anchor}]]`;
			const display = alias !== "" ? this.text(alias) : subOut !== "" && !sub.startsWith("^") ? `${base} > ${subOut}` : base;
			return `[[${to}${anchor}|${display}]]`;
		}
		const isNote = resolved ? /\.md$/i.test(resolved) : !/\.[a-z0-9]{2,5}$/i.test(linkpath) || /\.md$/i.test(linkpath);
		if (!isNote) {
			this.record("link", `${embed ? "!" : ""}[[${inner}]]`, "[attachment not exported]");
			return "[attachment not exported]";
		}
		const name = linkpath.slice(linkpath.lastIndexOf("/") + 1).replace(/\.md$/i, "");
		const plain = alias !== "" ? this.text(alias) : this.text(name) + (subOut !== "" && !sub.startsWith("^") ? ` > ${subOut}` : "");
		this.record("link", `${embed ? "!" : ""}[[${inner}]]`, plain);
		return plain;
	}

	private mdLink(embed: boolean, label: string, destRaw: string): string {
		let dest = destRaw.trim();
		// A title after the destination (`(url "title")`) says nothing the export needs.
		const titled = /^(<[^>]*>|\S+)\s+(?:"[^"]*"|'[^']*'|\([^)]*\))$/.exec(dest);
		if (titled) dest = titled[1];
		dest = dest.replace(/^<|>$/g, "");
		const text = label.trim() === "" ? "" : this.text(label);
		if (/^mailto:/i.test(dest)) {
			this.record("email", dest, "[email]");
			return text === "" ? "[email]" : `${text} [email]`;
		}
		if (/^[a-z][a-z0-9+.-]*:/i.test(dest) || /^www\./i.test(dest)) {
			this.record("url", dest, "[web address]");
			return text === "" ? "[web address]" : `${text} [web address]`;
		}
		let path = dest;
		try {
			path = decodeURIComponent(dest);
		} catch {
			// A stray % in a hand-written link: use it as written.
		}
		const hash = path.indexOf("#");
		const linkpath = hash < 0 ? path : path.slice(0, hash);
		const sub = hash < 0 ? "" : path.slice(hash + 1);
		const resolved = linkpath === "" ? this.sourcePath : this.opts.resolveLink(linkpath, this.sourcePath);
		const exported = resolved ? this.exported.get(resolved) : undefined;
		if (exported !== undefined) {
			const anchor = sub === "" ? "" : `#${encodeURI(this.text(sub))}`;
			return `${embed ? "!" : ""}[${text}](${encodeURI(exported)}${anchor})`;
		}
		const isNote = resolved ? /\.md$/i.test(resolved) : !/\.[a-z0-9]{2,5}$/i.test(linkpath) || /\.md$/i.test(linkpath);
		if (embed || !isNote) {
			this.record("link", `${embed ? "!" : ""}[${label}](${destRaw})`, "[attachment not exported]");
			return "[attachment not exported]";
		}
		const plain = text !== "" ? text : this.text(linkpath.slice(linkpath.lastIndexOf("/") + 1).replace(/\.md$/i, ""));
		this.record("link", `[${label}](${destRaw})`, plain);
		return plain;
	}

	// -- the rules -------------------------------------------------------------

	private buildRules(): Rule[] {
		const rules: Rule[] = [];
		const vocab = this.opts.vocab;
		const replace = (text: string): Outcome => ({ text, count: true });

		// Attune's tags that the scanner did not list (in link texts, titles, file names) are never altered.
		rules.push({
			category: "client",
			notAfter: /[\p{L}\p{N}_/:.#&@\\]/u,
			re: /#[\p{L}\p{N}\p{M}_\-/\p{Extended_Pictographic}]+/gu,
			apply: (m) => (parseTag(m[0].slice(1), vocab) !== null ? { text: m[0], count: false } : null),
		});

		rules.push({ category: "email", notAfter: /[\w.%+-]/u, re: /(?:mailto:)?[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu, apply: () => replace("[email]") });

		const url = (m: RegExpExecArray): Outcome => {
			const { url: u, rest } = trimUrl(m[0]);
			if (u.length < 4) return null;
			return { text: `[web address]${rest}`, count: true };
		};
		rules.push({ category: "url", re: /<?(?:[a-z][a-z0-9+.-]{1,15}:\/\/|www\.)[^\s<>"'`]+>?/gi, apply: (m) => (m[0].startsWith("<") && m[0].endsWith(">") ? replace("[web address]") : url(m)) });
		rules.push({ category: "url", notAfter: /[\w@./-]/u, re: new RegExp(`[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.(?:${BARE_TLDS})(?:\\/[^\\s<>"'\`]*)?(?![\\w-])`, "gi"), apply: url });

		rules.push({ category: "ip", notAfter: /[\d.]/u, re: /(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\/\d{1,2})?(?![\d.]*\d)/g, apply: () => replace("[IP address]") });
		rules.push({ category: "ip", notAfter: /[\w:]/u, re: /(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?:\/\d{1,3})?(?![\w:])/gi, apply: (m) => (/[0-9a-f]/i.test(m[0]) && isIpv6(m[0].replace(/\/\d+$/, "")) ? replace("[IP address]") : null) });

		const client = (m: RegExpExecArray): Outcome => {
			const label = this.pseudonyms.forMatch(m[0]);
			return label ? replace(label) : null;
		};
		if (this.pseudonyms.anyCase) rules.push({ category: "client", notAfter: NAME_BOUNDARY, re: this.pseudonyms.anyCase, apply: client });
		if (this.pseudonyms.capitalized) rules.push({ category: "client", notAfter: NAME_BOUNDARY, re: this.pseudonyms.capitalized, apply: client });

		rules.push({
			category: "id",
			notAfter: /[\p{L}\p{N}]/u, re: /[A-Z]{2}\d{2}(?:[ \t]?[A-Z0-9]{4}){2,7}(?:[ \t]?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu,
			apply: (m) => (digitCount(m[0]) >= 8 ? replace("[account number]") : null),
		});
		rules.push({
			category: "id",
			notAfter: /[\p{L}\p{N}]/u, re: new RegExp(`((?:${ID_LABELS})(?![\\p{L}])\\.?(?:[ \\t]+(?:no\\.?|nr\\.?|number|#))?[ \\t]*[:#]?[ \\t]*)((?:\\p{L}{1,4}[ \\t-]?)?\\d[\\dA-Za-z]*(?:[ \\t/.-]\\d[\\dA-Za-z]*)*)`, "giu"),
			apply: (m) => (digitCount(m[2]) >= 4 ? replace(`${m[1]}[ID number]`) : null),
		});
		rules.push({ category: "id", notAfter: /[\d-]/u, re: /\d{3}-\d{2}-\d{4}(?![\d-])/g, apply: () => replace("[ID number]") });

		const ageText = "90 or older";
		rules.push({
			category: "age",
			notAfter: /[\d.]/u, re: /(\d{2,3})(?:([ \t]*-[ \t]*|[ \t]+)(?:years?|yrs?)(?:[ \t]*-[ \t]*|[ \t]+)old|[ \t]*(?:y\/o|yo|y\.o\.)|[ \t]+(?:jaar(?:[ \t]+oud)?|Jahre(?:[ \t]+alt)?))(?![\p{L}\p{N}])/giu,
			apply: (m) => (+m[1] >= 90 ? replace(m[2] !== undefined && m[2].includes("-") ? "90-plus-year-old" : ageText) : null),
		});
		rules.push({
			category: "age",
			notAfter: /[\p{L}]/u, re: /((?:aged?|age:|leeftijd:?|Alter:?)[ \t]+)(\d{2,3})(?![\p{N}])/giu,
			apply: (m) => (+m[2] >= 90 ? replace(`${m[1]}${ageText}`) : null),
		});

		rules.push(...this.dates);

		const phone = (min: number, max: number) => (m: RegExpExecArray): Outcome => {
			const n = digitCount(m[0]);
			return n >= min && n <= max ? replace("[phone]") : null;
		};
		rules.push({
			category: "phone",
			notAfter: /[\p{L}]/u, re: new RegExp(`((?:${PHONE_LABELS})\\.?(?:[ \\t]*(?:no\\.?|nr\\.?|number))?[ \\t]*[:.]?[ \\t]*)(\\+?[\\d(][\\d \\t().\\/-]{4,}\\d)`, "giu"),
			apply: (m) => (digitCount(m[2]) >= 6 ? replace(`${m[1]}[phone]`) : null),
		});
		rules.push({ category: "phone", notAfter: /[\w+]/u, re: /(?:\+|00)[1-9]\d{0,2}(?:[ \t.-]?\(?\d{1,5}\)?){1,6}(?![\d])/g, apply: phone(8, 15) });
		rules.push({ category: "phone", notAfter: /[\w(]/u, re: /(?:\(\d{3}\)[ \t]?|\d{3}[-. \t])\d{3}[-. \t]\d{4}(?!\d)/g, apply: phone(10, 10) });
		rules.push({ category: "phone", notAfter: /[\w.+-]/u, re: /\(?0\d{1,4}\)?(?:[ \t./-]?\d{2,8}){1,4}(?![\d])/g, apply: phone(9, 12) });

		rules.push({
			category: "address",
			notAfter: /[\p{L}\p{N}]/u, re: new RegExp(`\\d{1,5}[A-Za-z]?,?[ \\t]+(?:\\p{Lu}[\\p{L}'’.-]*[ \\t]+){1,4}(?:${STREET_TYPES})(?![\\p{L}])\\.?`, "gu"),
			apply: () => replace("[street address]"),
		});
		rules.push({
			category: "address",
			notAfter: /[\p{L}]/u, re: new RegExp(`\\p{Lu}[\\p{L}-]*?(?:${STREET_SUFFIXES})[ \\t]+\\d{1,5}(?:[ \\t]?[a-zA-Z](?![\\p{L}])|-\\d+)?(?![\\p{N}])`, "gu"),
			apply: () => replace("[street address]"),
		});
		rules.push({
			category: "address",
			notAfter: /[\p{L}]/u, re: /(?:\p{Lu}[\p{L}-]*[ \t]+)(?:Straße|Strasse|Weg|Allee|Platz|Gasse|Laan|Straat)[ \t]+\d{1,5}[a-zA-Z]?(?![\p{L}\p{N}])/gu,
			apply: () => replace("[street address]"),
		});
		rules.push({ category: "address", notAfter: /[\p{L}]/u, re: /(?:P\.?[ \t]?O\.?[ \t]?Box|Postbus|Postfach)[ \t]+\d+/giu, apply: () => replace("[street address]") });
		rules.push({ category: "address", notAfter: /[\p{L}]/u, re: /(?:Flat|Apt\.?|Apartment|Unit|Suite)[ \t]+\d+[A-Za-z]?(?![\p{L}\p{N}])/gu, apply: () => replace("[street address]") });
		// Postcodes: UK, Dutch, Canadian, US ZIP+4 or after a state, and five digits before a town (German, French, ...).
		rules.push({ category: "address", notAfter: /[\p{L}\p{N}]/u, re: /(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[ \t]?\d[A-Z]{2}(?![\p{L}\p{N}])/gu, apply: () => replace("[postcode]") });
		rules.push({ category: "address", notAfter: /[\p{L}\p{N}]/u, re: /[1-9]\d{3}[ \t]?(?!SA|SD|SS|UK|US|EU|NL|DE|BE|FR|AM|PM)[A-Z]{2}(?![\p{L}\p{N}])/gu, apply: () => replace("[postcode]") });
		rules.push({ category: "address", notAfter: /[\p{L}\p{N}]/u, re: /[A-Z]\d[A-Z][ \t]?\d[A-Z]\d(?![\p{L}\p{N}])/gu, apply: () => replace("[postcode]") });
		rules.push({ category: "address", notAfter: /[\p{N}-]/u, re: /\d{5}-\d{4}(?![\p{N}])/gu, apply: () => replace("[postcode]") });
		rules.push({ category: "address", notAfter: /\p{L}/u, re: /([A-Z]{2},?[ \t]+)\d{5}(?![\p{N}-])/gu, apply: (m) => replace(`${m[1]}[postcode]`) });
		rules.push({ category: "address", notAfter: /[\p{L}\p{N}.,-]/u, re: /(?:[A-Z]{1,2}-)?\d{5}(?=[ \t]+\p{Lu}\p{Ll}{2,})/gu, apply: () => replace("[postcode]") });

		// Any remaining run of eight or more digits is some kind of number that identifies.
		rules.push({ category: "id", notAfter: /[\p{L}\p{N}]/u, re: /\d{8,}(?![\p{L}\p{N}])/gu, apply: () => replace("[ID number]") });
		return rules;
	}

	private dateRules(): Rule[] {
		const rules: Rule[] = [];
		const month = (w: string) => MONTH_WORDS.get(w.toLowerCase().replace(/\.$/, ""));
		const full = (y: number, m: number, d: number, form: Form): Outcome => (realDate(y, m, d) ? this.dateOut(y, m, d, form) : null);

		rules.push({
			category: "date",
			notAfter: /[\p{N}]/u, re: /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\p{N}])/gu,
			apply: (m, form) => full(+m[1], +m[3], +m[4], form),
		});
		rules.push({
			category: "date",
			notAfter: /[\p{N}./-]/u, re: /(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{N}])(?!\.\d)/gu,
			apply: (m, form) => {
				const a = +m[1], b = +m[3], y = fullYear(m[4]);
				const dmy = realDate(y, b, a), mdy = realDate(y, a, b);
				if (!dmy && !mdy) return null;
				// Day and month can only be told apart when one is above 12, or by the European separators.
				if (dmy && (!mdy || a === b || m[2] !== "/")) return this.dateOut(y, b, a, form);
				if (mdy && !dmy) return this.dateOut(y, a, b, form);
				return this.ambiguousDate(y, [iso(y, b, a), iso(y, a, b)], form);
			},
		});
		rules.push({
			category: "date",
			notAfter: /[\p{L}\p{N}]/u, re: new RegExp(`(\\d{1,2})(?:st|nd|rd|th|e|\\.)?[ \\t]+(?:of[ \\t]+)?(${MONTH_ALT})\\.?,?[ \\t]+(\\d{4})(?![\\p{N}])`, "giu"),
			apply: (m, form) => {
				const mo = month(m[2]);
				return mo ? full(+m[3], mo, +m[1], form) : null;
			},
		});
		rules.push({
			category: "date",
			notAfter: /[\p{L}]/u, re: new RegExp(`(${MONTH_ALT})\\.?[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]+(\\d{4})(?![\\p{N}])`, "giu"),
			apply: (m, form) => {
				const mo = month(m[1]);
				return mo ? full(+m[3], mo, +m[2], form) : null;
			},
		});
		rules.push({
			category: "date",
			notAfter: /[\p{L}\p{N}.:]/u, re: new RegExp(`(\\d{1,2})(?:st|nd|rd|th|e|\\.)?[ \\t]+(?:of[ \\t]+)?(${MONTH_ALT})(?![\\p{L}])`, "giu"),
			apply: (m, form) => {
				const mo = month(m[2]);
				return mo && +m[1] >= 1 && +m[1] <= 31 ? this.dayMonthOut(mo, form) : null;
			},
		});
		rules.push({
			category: "date",
			notAfter: /[\p{L}]/u, re: new RegExp(`(${MONTH_ALT})\\.?[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}:.])`, "gu"),
			apply: (m, form) => {
				const mo = month(m[1]);
				// Without a year, only a capitalized month word is taken as a date ("may 5 people" is not one).
				if (!mo || !/^\p{Lu}/u.test(m[1]) || +m[2] < 1 || +m[2] > 31) return null;
				return this.dayMonthOut(mo, form);
			},
		});
		return rules;
	}

	private dateOut(y: number, m: number, d: number, form: Form): Outcome {
		switch (this.opts.dates) {
			case "keep":
				return KEEP;
			case "month":
				return { text: form === "text" ? `${MONTH_NAMES[m - 1]} ${y}` : `${y}-${String(m).padStart(2, "0")}`, count: true };
			case "session": {
				const s = this.opts.sessionByDate.get(iso(y, m, d));
				return { text: sessionText(s, form), count: true };
			}
		}
	}

	private ambiguousDate(y: number, candidates: string[], form: Form): Outcome {
		switch (this.opts.dates) {
			case "keep":
				return KEEP;
			case "month":
				return { text: String(y), count: true };
			case "session": {
				const found = [...new Set(candidates.map((c) => this.opts.sessionByDate.get(c)).filter((s): s is number => s !== undefined))];
				return { text: sessionText(found.length === 1 ? found[0] : undefined, form), count: true };
			}
		}
	}

	private dayMonthOut(m: number, form: Form): Outcome {
		switch (this.opts.dates) {
			case "keep":
				return KEEP;
			case "month":
				return { text: MONTH_NAMES[m - 1], count: true };
			case "session":
				return { text: sessionText(undefined, form), count: true };
		}
	}
}

// ---------------------------------------------------------------------------
// Notes and exports

/** The reader's view of a note, reduced to what the summary counts, for comparing source and copy. */
function countedFacts(path: string, text: string, opts: ExportOptions): string {
	const rec = readNote(path, text, opts.vocab, opts.parseYaml);
	const tags = rec.occurrences.map((o) => `${o.family}/${o.value}/${o.process ?? ""}/${o.inProperties ? "p" : "b"}`);
	const comments = rec.comments.map((c) => (c.resolved ? "resolved" : "open"));
	return JSON.stringify([tags, comments]);
}

/** The report that opens each copy: what was replaced, and the reminder to read it. */
export function reportCallout(counts: Record<Category, number>, dates: ExportDates, eol = "\n"): string {
	const replaced = CATEGORIES.filter((c) => c !== "link" && c !== "property" && counts[c] > 0).map((c) => `${CATEGORY_LABELS[c].toLowerCase()} ${counts[c]}`);
	const dateWord = dates === "month" ? "Dates are shown as month and year." : dates === "session" ? "Dates are replaced by session number." : "Dates are kept as written.";
	const lines = [
		"> [!warning] De-identified copy: read before sharing",
		`> Replaced in this note: ${replaced.length > 0 ? replaced.join(", ") : "nothing"}. ${dateWord}`,
		`> Properties removed: ${counts.property}. Links to notes outside this export, made plain text: ${counts.link}.`,
		`> ${FREE_TEXT_WARNING}`,
	];
	return lines.join(eol) + eol;
}

/**
 * De-identifies one note. Returns the copy's text, or a problem when the note
 * cannot be exported safely (properties that are not valid YAML, or a copy
 * whose tags would not read back the same).
 */
export function deidentifyNote(source: ExportSource, redactor: Redactor, opts: ExportOptions): { text: string; counts: Record<Category, number>; replacements: Replacement[] } | { problem: string } {
	const raw = source.text.replace(/^\uFEFF/, "");
	const eol = raw.includes("\r\n") ? "\r\n" : "\n";
	const scan = scanMarkdown(raw);
	redactor.begin(source.path);
	let removed = 0;
	let head = "";
	let firstBodyLine = 0;
	if (scan.frontmatter) {
		firstBodyLine = scan.frontmatter.endLine + 1;
		const yaml = scan.frontmatter.yaml;
		let data: unknown = null;
		try {
			data = yaml.trim() === "" ? null : opts.parseYaml(yaml);
		} catch {
			return { problem: "its properties are not valid YAML, so what they hold cannot be checked. Fix them first." };
		}
		if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) {
			return { problem: "its properties are not a list of named properties, so what they hold cannot be checked. Fix them first." };
		}
		const allowed = new Set(opts.allowedProperties.map((k) => k.toLowerCase()));
		const kept: Record<string, unknown> = {};
		for (const [key, value] of Object.entries((data ?? {}) as Record<string, unknown>)) {
			const lk = key.toLowerCase();
			if (lk === "tags") kept[key] = redactor.tagsValue(value);
			else if (allowed.has(lk)) kept[key] = redactor.value(value);
			else removed++;
		}
		if (Object.keys(kept).length > 0) {
			const printed = opts.stringifyYaml(kept).replace(/\r?\n$/, "").split(/\r?\n/).join(eol);
			head = `---${eol}${printed}${eol}---${eol}`;
		}
	}
	const lines = raw.split(/\r\n|\r|\n/);
	const tagsByLine = new Map<number, RawTag[]>();
	for (const t of scan.tags) {
		const list = tagsByLine.get(t.line);
		if (list) list.push(t);
		else tagsByLine.set(t.line, [t]);
	}
	const body: string[] = [];
	for (let i = firstBodyLine; i < lines.length; i++) body.push(redactor.line(lines[i], tagsByLine.get(i) ?? []));
	const replacements = [...redactor.collected()];
	const counts = emptyCounts();
	for (const r of replacements) counts[r.category]++;
	counts.property += removed;
	const text = head + reportCallout(counts, opts.dates, eol) + eol + body.join(eol);
	if (countedFacts(source.path, raw, opts) !== countedFacts(source.path, text, opts)) {
		return { problem: "its copy would not read back with the same tags and supervisor comments, so it is not exported. Please report this note's layout as a bug." };
	}
	return { text, counts, replacements };
}

/** A folder path joined with a name. */
function join(folder: string, name: string): string {
	return folder === "" || folder === "/" ? name : `${folder.replace(/\/+$/, "")}/${name}`;
}

/**
 * Plans an export: every copy's name, path and text, the counts per category
 * and a few examples for the preview. Writes nothing. Notes keep the order
 * given; pseudonyms are assigned in that order.
 */
export function planExport(sources: readonly ExportSource[], opts: ExportOptions): ExportPlan {
	const redactor = new Redactor(opts);
	const names = new Set<string>();
	const targets = new Map<string, string>();
	const named: { source: ExportSource; name: string; path: string }[] = [];
	for (const s of sources) {
		redactor.begin(s.path);
		const base = s.path.slice(s.path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
		const wanted = redactor.name(base);
		let name = wanted;
		for (let n = 2; names.has(name.toLowerCase()); n++) name = `${wanted} ${n}`;
		names.add(name.toLowerCase());
		const path = join(opts.targetFolder, `${name}.md`);
		targets.set(s.path, path);
		named.push({ source: s, name, path });
	}
	redactor.setExported(targets);
	const plan: ExportPlan = { notes: [], counts: emptyCounts(), examples: {} as Record<Category, Replacement[]>, problems: [] };
	for (const c of CATEGORIES) plan.examples[c] = [];
	for (const n of named) {
		const out = deidentifyNote(n.source, redactor, opts);
		if ("problem" in out) {
			plan.problems.push({ path: n.source.path, message: out.problem });
			continue;
		}
		plan.notes.push({ sourcePath: n.source.path, name: n.name, path: n.path, text: out.text, counts: out.counts });
		for (const c of CATEGORIES) plan.counts[c] += out.counts[c];
		for (const r of out.replacements) {
			const ex = plan.examples[r.category];
			if (ex.length < MAX_EXAMPLES && !ex.some((e) => e.from.toLowerCase() === r.from.toLowerCase())) ex.push(r);
		}
	}
	return plan;
}

/** Reads the names recorded in a client note's properties: `aliases` and `identifiers`, as lists or single text. */
export function namesFromProperties(fm: Record<string, unknown> | null | undefined): string[] {
	if (!fm) return [];
	const out: string[] = [];
	for (const [k, v] of Object.entries(fm)) {
		const lk = k.toLowerCase();
		if (lk !== "aliases" && lk !== "alias" && lk !== "identifiers") continue;
		const list = Array.isArray(v) ? v : [v];
		for (const x of list) if (typeof x === "string" && x.trim() !== "") out.push(x.trim());
	}
	return out;
}
