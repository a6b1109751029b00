/**
 * Properties of FORMAT.md section 3: typed reading of a note's frontmatter,
 * with a diagnostic for each value of the wrong type. The YAML itself is parsed
 * by the shell (Obsidian's cache, or a YAML library in the command line).
 */
import type { TagProblem } from "../vocabulary/tags";
import { CODER, CODING_OF } from "../training/blind";

/** The six ratings a supervisor gives, 1 to 5. */
export const RATING_KEYS = Object.freeze([
	"rating-empathy", "rating-congruence", "rating-warmth", "rating-compassion", "rating-responsiveness", "rating-presence",
] as const);
/** One of the rating keys. */
export type RatingKey = (typeof RATING_KEYS)[number];

/** The properties Attune understands, typed; everything optional. */
export interface NoteProperties {
	noteType?: string;
	/** The client code; a link counts by its target's name. */
	client?: string;
	/** `YYYY-MM-DD`: from `date`, else from the file name. */
	date?: string;
	session?: number;
	/** Link target of `previous`. */
	previous?: string;
	modality?: string;
	clinician?: string;
	supervisor?: string;
	review?: string;
	reviewedBy?: string;
	reviewedOn?: string;
	/** Link targets of `reviews`. */
	reviews?: string[];
	ratings?: Partial<Record<RatingKey, number>>;
	/**
	 * Link target of `coding-of` (version 1.10): this note is a second coder's
	 * copy of that note, so summaries leave it out rather than count the session twice.
	 */
	codingOf?: string;
	/** Who coded a coding copy (`coder`). */
	coder?: string;
	/** Length of the session or supervision in minutes (FORMAT.md section 3, version 1.8). */
	duration?: number;
	/** The `duration` as written when it is no number of minutes: Hours lists it as unknown, never guesses. */
	durationWritten?: string;
	/**
	 * The measures named in settings that the note holds as numbers, by
	 * lowercase property name, in the settings' order. A rating is a measure
	 * only when it is a valid rating; any other value that is not a number is a
	 * problem, and absent here: never 0.
	 */
	measures?: Record<string, number>;
}

/**
 * The longest duration read as one: a day. Anything longer is no session's
 * length but a slip (hours typed as minutes twice over, a year), so it is
 * refused rather than counted.
 */
export const MAX_DURATION_MINUTES = 1440;

/**
 * A duration in minutes from a property or a form field: a number, or text
 * holding only a number (`50`, `52.5`), from 0 to a day. Anything else
 * (`50 min`, `1:30`, `-5`) is undefined: a duration is never guessed.
 */
export function durationMinutes(v: unknown): number | undefined {
	const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+(?:\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
	return Number.isFinite(n) && n >= 0 && n <= MAX_DURATION_MINUTES ? n : undefined;
}

/** A property problem, with the key it concerns. */
export interface PropertyProblem extends TagProblem {
	key: string;
}

/** Strips `[[...]]` (and an alias or heading) from a link, leaving its target's name. */
export function linkTarget(value: string): string {
	let v = value.trim();
	const m = /^!?\[\[([^\]|#]*)(?:[#|][^\]]*)?\]\]$/.exec(v);
	if (m) v = m[1]!.trim();
	else {
		const md = /^\[[^\]]*\]\(([^)]*)\)$/.exec(v);
		if (md) {
			v = md[1]!.trim();
			try {
				v = decodeURIComponent(v);
			} catch {
				// A stray % is not an escape: keep the target as written.
			}
		}
	}
	return v;
}

/**
 * A link as YAML gave it: `"[[C-017]]"` is text, but an unquoted `[[C-017]]`
 * is YAML for a list holding a list. Both mean the link; anything else is not one.
 */
export function linkValue(v: unknown): string | undefined {
	if (typeof v === "string") return v.trim() === "" ? undefined : v;
	if (typeof v === "number") return String(v);
	if (Array.isArray(v) && v.length === 1) {
		const inner: unknown = v[0];
		if (Array.isArray(inner) && inner.length === 1 && (typeof inner[0] === "string" || typeof inner[0] === "number")) return `[[${String(inner[0])}]]`;
		if (typeof inner === "string" || typeof inner === "number") return String(inner);
	}
	return undefined;
}

/** The name a link counts by: its target without folders or `.md`. */
export function linkName(value: string): string {
	const t = linkTarget(value);
	const base = t.slice(t.lastIndexOf("/") + 1);
	return base.replace(/\.md$/i, "");
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** `YYYY-MM-DD` from a date or ISO date-time, or undefined when it is no real date. */
export function toIsoDate(v: unknown): string | undefined {
	if (v instanceof Date && !isNaN(v.getTime())) return v.toISOString().slice(0, 10);
	if (typeof v !== "string") return undefined;
	const m = ISO_DATE.exec(v.trim());
	if (!m) return undefined;
	const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
	// Every month has 28 days: only a later day needs the month's length.
	if (mo < 1 || mo > 12 || d < 1 || (d > 28 && d > new Date(Date.UTC(y, mo, 0)).getUTCDate())) return undefined;
	return `${m[1]}-${m[2]}-${m[3]}`;
}

/** The first real `YYYY-MM-DD` in a file name, for notes without a `date`. */
export function dateFromFileName(path: string): string | undefined {
	const name = path.slice(path.lastIndexOf("/") + 1);
	const re = /(\d{4}-\d{2}-\d{2})/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(name))) {
		const d = toIsoDate(m[1]);
		if (d) return d;
	}
	return undefined;
}

/** A value as a person would recognize it in a message. */
function show(v: unknown): string {
	return typeof v === "string" ? v : JSON.stringify(v) ?? "";
}

/** A property looked up by key in any case, as Obsidian finds `tags`: the key as written and its value. */
type KeyLookup = (key: string) => { key: string; value: unknown } | undefined;

/**
 * Looks keys up in any case. When every key is written in lowercase (almost
 * every note), a key not present as written is not there at all, and no
 * folded copy of the keys is built.
 */
function keyLookup(fm: Record<string, unknown>): KeyLookup {
	const keys = Object.keys(fm);
	let lower: Map<string, string> | undefined;
	if (keys.some((k) => k !== k.toLowerCase())) {
		lower = new Map();
		for (const k of keys) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), k);
	}
	// The keys asked for are lowercase: as written, or through the folded copy.
	return (key) => {
		if (Object.prototype.hasOwnProperty.call(fm, key)) return { key, value: fm[key] };
		const k = lower?.get(key);
		return k === undefined ? undefined : { key: k, value: fm[k] };
	};
}

function scalarText(v: unknown): string | undefined {
	if (typeof v === "string") return v.trim() === "" ? undefined : v.trim();
	if (typeof v === "number" || typeof v === "boolean") return String(v);
	return undefined;
}

/** A number as a property holds it: a YAML number, or text that is one number ("12", " -1.5 "). */
function numberValue(v: unknown): number | undefined {
	// Decimal only: Number() would also read "0x10", "0b101" and "1e2", which no clinician writes as a score.
	const n = typeof v === "number" ? v : typeof v === "string" && /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)\s*$/.test(v) ? Number(v) : NaN;
	return Number.isFinite(n) ? n : undefined;
}

/**
 * Reads the properties Attune understands, and the numeric properties named
 * in `measures` (lowercase). Wrong types and out-of-range values are left out
 * with a problem; the rest is kept.
 */
export function readProperties(fm: Record<string, unknown> | null, path: string, measures: readonly string[] = []): { props: NoteProperties; problems: PropertyProblem[] } {
	const props: NoteProperties = {};
	const problems: PropertyProblem[] = [];
	const bad = (key: string, message: string) => problems.push({ key, code: "bad-property", message });
	const getKey = fm ? keyLookup(fm) : () => undefined;
	const text = (key: string, set: (s: string) => void) => {
		const e = getKey(key);
		if (!e || e.value === null || e.value === undefined) return;
		const s = scalarText(e.value);
		if (s !== undefined) set(s);
		else if (!(typeof e.value === "string")) bad(e.key, `“${e.key}” should be text; it is ignored.`);
	};
	if (fm) {
		text("note-type", (s) => (props.noteType = s.toLowerCase()));
		const c = getKey("client");
		if (c && c.value !== null && c.value !== undefined) {
			const s = linkValue(c.value);
			if (s !== undefined) props.client = linkName(s);
			else bad(c.key, "“client” should be one client code or link, written in quotes: client: \"[[C-017]]\"; it is ignored.");
		}
		const d = getKey("date");
		if (d && d.value !== null && d.value !== undefined && d.value !== "") {
			const iso = toIsoDate(d.value);
			if (iso) props.date = iso;
			else bad(d.key, `“date” is “${show(d.value)}”, which is not a date (write YYYY-MM-DD); the note is dated from its file name if it can be.`);
		}
		const s = getKey("session");
		if (s && s.value !== null && s.value !== undefined && s.value !== "") {
			const n = typeof s.value === "number" ? s.value : typeof s.value === "string" && /^\d+$/.test(s.value.trim()) ? +s.value : NaN;
			if (Number.isInteger(n) && n >= 0) props.session = n;
			else bad(s.key, `“session” should be a whole number; “${show(s.value)}” is ignored.`);
		}
		const p = getKey("previous");
		const prev = p ? linkValue(p.value) : undefined;
		if (prev !== undefined) props.previous = linkName(prev);
		text("modality", (v) => (props.modality = v));
		text("clinician", (v) => (props.clinician = v));
		text("supervisor", (v) => (props.supervisor = v));
		text("review", (v) => (props.review = v.toLowerCase()));
		text("reviewed-by", (v) => (props.reviewedBy = v));
		const ro = getKey("reviewed-on");
		if (ro && ro.value !== null && ro.value !== undefined && ro.value !== "") {
			const iso = toIsoDate(ro.value);
			if (iso) props.reviewedOn = iso;
			else bad(ro.key, `“reviewed-on” is “${show(ro.value)}”, which is not a date (write YYYY-MM-DD); it is ignored.`);
		}
		const r = getKey("reviews");
		if (r && r.value !== null && r.value !== undefined) {
			// An unquoted [[link]] item is a list inside the list; each is still a link.
			const list: unknown[] = Array.isArray(r.value) && linkValue(r.value) === undefined ? r.value : [r.value];
			props.reviews = list.map(linkValue).filter((x): x is string => x !== undefined).map(linkName);
		}
		const co = getKey(CODING_OF);
		if (co && co.value !== null && co.value !== undefined && co.value !== "") {
			const link = linkValue(co.value);
			if (link !== undefined && linkTarget(link) !== "") props.codingOf = linkTarget(link);
			else bad(co.key, `“${co.key}” should be a link to the note this one is a coding copy of, written in quotes: ${CODING_OF}: "[[note]]"; it is ignored, and this note counts as a note of its own.`);
		}
		text(CODER, (v) => (props.coder = v));
		for (const key of RATING_KEYS) {
			const e = getKey(key);
			if (!e || e.value === null || e.value === undefined || e.value === "") continue;
			const n = numberValue(e.value);
			if (n !== undefined && n >= 1 && n <= 5) (props.ratings ??= {})[key] = n;
			else bad(e.key, `“${e.key}” is ${JSON.stringify(e.value)}; ratings are numbers from 1 to 5, so it is ignored.`);
		}
		for (const key of measures) {
			// A rating was checked above, with its range, and its problem told once.
			if ((RATING_KEYS as readonly string[]).includes(key)) {
				const n = props.ratings?.[key as RatingKey];
				if (n !== undefined) (props.measures ??= {})[key] = n;
				continue;
			}
			const e = getKey(key);
			if (!e || e.value === null || e.value === undefined || e.value === "") continue;
			const n = numberValue(e.value);
			if (n !== undefined) (props.measures ??= {})[key] = n;
			else bad(e.key, `“${e.key}” is ${JSON.stringify(e.value)}, which is not a number; as a measure it is left out of the trend, not drawn as 0.`);
		}
	}
	const du = getKey("duration");
	if (du && du.value !== null && du.value !== undefined && du.value !== "") {
		const n = durationMinutes(du.value);
		if (n !== undefined) props.duration = n;
		else {
			props.durationWritten = show(du.value);
			bad(du.key, `“${du.key}” is “${show(du.value)}”; write the length in minutes as a number from 0 to ${MAX_DURATION_MINUTES}, such as 50. Until then Hours counts this note's duration as unknown.`);
		}
	}
	if (!props.date) {
		const fromName = dateFromFileName(path);
		if (fromName) props.date = fromName;
	}
	return { props, problems };
}

/** One tag from the `tags` property, as Obsidian reads it. */
export interface PropertyTag {
	/** As written, without `#`. */
	tag: string;
}

/** Property text that Obsidian does not read as tags, kept so that Attune words in it can be reported. */
export interface MisreadTags {
	key: string;
	words: string[];
	/** `string`: several tags in one text value; `item`: a list item with a space; `old-key`: the `tag` key. */
	kind: "string" | "item" | "old-key";
}

/**
 * The tags Obsidian reads from properties: the `tags` key in any case, as a
 * list, an inline array, or one tag as text. A string holding several tags
 * (`a, b` or `a b`) and the old `tag` key give nothing; `misread` returns what
 * they held so the caller can report it when Attune tags are among them.
 */
export function readPropertyTags(fm: Record<string, unknown> | null): { tags: PropertyTag[]; misread: MisreadTags[] } {
	const tags: PropertyTag[] = [];
	const misread: MisreadTags[] = [];
	if (!fm) return { tags, misread };
	const clean = (s: string) => s.trim().replace(/^#/, "");
	for (const k of Object.keys(fm)) {
		const lk = k.toLowerCase();
		const v = fm[k];
		if (lk === "tags") {
			if (Array.isArray(v)) {
				for (const item of v) {
					if (typeof item !== "string" && typeof item !== "number") continue;
					const t = clean(String(item));
					if (/[\s,]/.test(t)) misread.push({ key: k, words: t.split(/[\s,]+/).filter(Boolean).map(clean), kind: "item" });
					else if (t !== "" && !/^\d+$/.test(t)) tags.push({ tag: t });
				}
			} else if (typeof v === "string") {
				const t = clean(v);
				if (/[\s,]/.test(t)) misread.push({ key: k, words: t.split(/[\s,]+/).filter(Boolean).map(clean), kind: "string" });
				else if (t !== "" && !/^\d+$/.test(t)) tags.push({ tag: t });
			}
		} else if (lk === "tag") {
			const list = Array.isArray(v) ? v : typeof v === "string" ? v.split(/[\s,]+/) : [];
			misread.push({ key: k, words: list.filter((x): x is string => typeof x === "string" && x.trim() !== "").map(clean), kind: "old-key" });
		}
	}
	return { tags, misread };
}
