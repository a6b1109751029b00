/**
 * Local calendar dates. A clinician's "today" is the day on their wall
 * calendar, not in UTC.
 */

/** A local date from `YYYY-MM-DD` at the given time of day (so `{{time}}` still means now), or undefined. */
export function dateAt(isoDate: string, timeOf: Date): Date | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.trim());
	if (!m) return undefined;
	const d = new Date(+m[1]!, +m[2]! - 1, +m[3]!, timeOf.getHours(), timeOf.getMinutes(), timeOf.getSeconds());
	return localIsoDate(d) === isoDate.trim() ? d : undefined;
}

/** Formats a date with a moment-style format; passed in so that the core never imports moment. */
export type DateFormatter = (date: Date, format: string) => string;

/**
 * `YYYY-MM-DD` of a moment in local time: a clinician's "today" is the day on
 * their wall calendar, not in UTC.
 */
export function localIsoDate(d: Date): string {
	const p = (n: number) => String(n).padStart(2, "0");
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
