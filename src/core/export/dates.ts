/**
 * Dates in an export: the calendar words Attune knows, how each date choice
 * (month and year, session number, kept) writes a date, and the date rules.
 */
import { KEEP, type Outcome, type RedactionRule } from "./rule";
import type { ExportOptions, Form } from "./types";

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
		else list.forEach((w, i) => m.set(w, extra[i]!));
	});
	return m;
})();

/** Every month word Attune knows, lowercase, full and abbreviated. */
export const MONTH_WORD_LIST: readonly string[] = [...MONTH_WORDS.keys()];

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

/** Writes dates as the export's date choice says. */
export class DateWriter {
	constructor(private readonly choice: Pick<ExportOptions, "dates" | "sessionByDate">) {}

	/** A full date, as the date choice writes it. */
	full(y: number, m: number, d: number, form: Form): Outcome {
		switch (this.choice.dates) {
			case "keep":
				return KEEP;
			case "month":
				return { text: form === "text" ? `${MONTH_NAMES[m - 1]} ${y}` : `${y}-${String(m).padStart(2, "0")}`, count: true };
			case "session": {
				const s = this.choice.sessionByDate.get(iso(y, m, d));
				return { text: sessionText(s, form), count: true };
			}
		}
	}

	/** A date whose day and month cannot be told apart: the year, or a session when only one fits. */
	ambiguous(y: number, candidates: string[], form: Form): Outcome {
		switch (this.choice.dates) {
			case "keep":
				return KEEP;
			case "month":
				return { text: String(y), count: true };
			case "session": {
				const found = [...new Set(candidates.map((c) => this.choice.sessionByDate.get(c)).filter((s): s is number => s !== undefined))];
				return { text: sessionText(found.length === 1 ? found[0] : undefined, form), count: true };
			}
		}
	}

	/** A day and month without a year. */
	dayMonth(m: number, form: Form): Outcome {
		switch (this.choice.dates) {
			case "keep":
				return KEEP;
			case "month":
				return { text: MONTH_NAMES[m - 1]!, count: true };
			case "session":
				return { text: sessionText(undefined, form), count: true };
		}
	}
}

/** Month words that are also everyday English words, written in lower case. */
const EVERYDAY_MONTH_WORDS: ReadonlySet<string> = new Set(["may", "mar", "march"]);

const month = (w: string) => MONTH_WORDS.get(w.toLowerCase().replace(/\.$/, ""));
const full = (dates: DateWriter, y: number, m: number, d: number, form: Form): Outcome => (realDate(y, m, d) ? dates.full(y, m, d, form) : null);

/** The date rules, in the order they run: full dates first, then a day and month without a year. */
export const DATE_RULES: readonly RedactionRule[] = Object.freeze([
	{
		name: "iso-date",
		category: "date",
		description: "A year-first date, with `-`, `/` or `.`, and an optional time.",
		examples: [{ before: "Seen on 2026-01-20.", after: "Seen on January 2026." }, { before: "at 2026-01-20T14:30Z", after: "at January 2026" }],
		notAfter: /[\p{N}]/u,
		pattern: /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\p{N}])/gu,
		apply: (m, form, ctx) => full(ctx.dates, +m[1]!, +m[3]!, +m[4]!, form),
	},
	{
		name: "numeric-date",
		category: "date",
		description: "A day-month-year or month-day-year date in digits; when both readings are real dates, only the year is kept.",
		examples: [{ before: "born 20.01.1984", after: "born January 1984" }, { before: "on 03/04/2025", after: "on 2025" }],
		notAfter: /[\p{N}./-]/u,
		pattern: /(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{N}])(?!\.\d)/gu,
		apply: (m, form, ctx) => {
			const a = +m[1]!, b = +m[3]!, y = fullYear(m[4]!);
			const dmy = realDate(y, b, a), mdy = realDate(y, a, b);
			if (!dmy && !mdy) return null;
			// Day and month can only be told apart when one is above 12, or by the European separators.
			if (dmy && (!mdy || a === b || m[2]! !== "/")) return ctx.dates.full(y, b, a, form);
			if (mdy && !dmy) return ctx.dates.full(y, a, b, form);
			return ctx.dates.ambiguous(y, [iso(y, b, a), iso(y, a, b)], form);
		},
	},
	{
		name: "day-month-year",
		category: "date",
		description: "A day, a month word (English, Dutch or German) and a year.",
		examples: [{ before: "on 5th of March 2025", after: "on March 2025" }, { before: "am 3. März 2024", after: "am March 2024" }],
		notAfter: /[\p{L}\p{N}]/u,
		pattern: new RegExp(`(\\d{1,2})(?:st|nd|rd|th|e|\\.)?[ \\t]+(?:of[ \\t]+)?(${MONTH_ALT})\\.?,?[ \\t]+(\\d{4})(?![\\p{N}])`, "giu"),
		apply: (m, form, ctx) => {
			const mo = month(m[2]!);
			return mo ? full(ctx.dates, +m[3]!, mo, +m[1]!, form) : null;
		},
	},
	{
		name: "month-day-year",
		category: "date",
		description: "A month word, a day and a year.",
		examples: [{ before: "March 5th, 2025 was hard", after: "March 2025 was hard" }],
		notAfter: /[\p{L}]/u,
		pattern: new RegExp(`(${MONTH_ALT})\\.?[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]+(\\d{4})(?![\\p{N}])`, "giu"),
		apply: (m, form, ctx) => {
			const mo = month(m[1]!);
			return mo ? full(ctx.dates, +m[3]!, mo, +m[2]!, form) : null;
		},
	},
	{
		name: "day-month",
		category: "date",
		description: "A day and a month word, without a year.",
		examples: [
			{ before: "since 20 Feb", after: "since February" },
			{ before: "op 5 mei", after: "op May" },
			{ before: "the 5 may come", after: "the 5 may come" },
		],
		notAfter: /[\p{L}\p{N}.:]/u,
		pattern: new RegExp(`(\\d{1,2})(?:st|nd|rd|th|e|\\.)?[ \\t]+(?:of[ \\t]+)?(${MONTH_ALT})(?![\\p{L}])`, "giu"),
		apply: (m, form, ctx) => {
			const mo = month(m[2]!);
			// Without a year, a month word that is also an English word ("the 5 may come") counts only with its capital.
			if (EVERYDAY_MONTH_WORDS.has(m[2]!.replace(/\.$/, ""))) return null;
			return mo && +m[1]! >= 1 && +m[1]! <= 31 ? ctx.dates.dayMonth(mo, form) : null;
		},
	},
	{
		name: "month-day",
		category: "date",
		description: "A capitalized month word and a day, without a year (\"may 5 people\" is not a date).",
		examples: [
			{ before: "Again on March 12.", after: "Again on March." },
			{ before: "since February 20th", after: "since February" },
			{ before: "may 5 people come", after: "may 5 people come" },
		],
		notAfter: /[\p{L}]/u,
		// Case-insensitive, as the month words are lower case; the capital is checked below.
		pattern: new RegExp(`(${MONTH_ALT})\\.?[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}:])(?!\\.\\d)`, "giu"),
		apply: (m, form, ctx) => {
			const mo = month(m[1]!);
			// Without a year, only a capitalized month word is taken as a date ("may 5 people" is not one).
			if (!mo || !/^\p{Lu}/u.test(m[1]!) || +m[2]! < 1 || +m[2]! > 31) return null;
			return ctx.dates.dayMonth(mo, form);
		},
	},
]);
