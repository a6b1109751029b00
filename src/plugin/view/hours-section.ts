/**
 * The sidebar's "Hours": direct client hours and supervision hours per
 * supervisor, in total and per month, then the notes whose duration is
 * unknown, each opening its note. Text only, over plain DOM (no `obsidian`),
 * the numbers `attune hours` prints; zero is shown as 0.
 */
import { type Hours, type Minutes, UNNAMED_SUPERVISOR, hoursOf, unknownReasonText } from "../../core/sidebar/hours";
import { actionButton } from "./view-kit";

/** What the section needs from the view. */
export interface HoursDrawing {
	/** Opens a note. */
	open(path: string): void;
	/** The items of a long list to draw now (the first ones, until "Show all"). */
	limit<T>(key: string, items: readonly T[]): readonly T[];
	/** "Show all N" under a shortened list. */
	more(parent: HTMLElement, key: string, total: number, noun: string): void;
}

const hoursText = (m: Minutes) => String(hoursOf(m.minutes));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function row(body: HTMLElement, label: string, m: Minutes, cls?: string): void {
	const tr = body.createEl("tr", cls ? { cls } : undefined);
	tr.createEl("th", { text: label, attr: { scope: "row" } });
	tr.createEl("td", { cls: "attune-num", text: hoursText(m) });
	tr.createEl("td", { cls: "attune-num", text: String(m.notes) });
}

/** Draws the section's body. */
export function drawHours(s: HTMLElement, hours: Hours, d: HoursDrawing): void {
	s.createEl("p", { cls: "attune-muted", text: "From each note's duration, in minutes, shown as hours. A note without one is listed below and never guessed." });
	const totals = s.createEl("table", { cls: "attune-table attune-hours-totals" });
	const head = totals.createEl("thead").createEl("tr");
	for (const [text, cls] of [["", ""], ["Hours", "attune-num"], ["Notes", "attune-num"]]) head.createEl("th", { cls: cls || undefined, text, attr: { scope: "col" } });
	const body = totals.createEl("tbody");
	row(body, "Direct client hours", hours.direct);
	row(body, "Supervision hours", hours.supervision);
	for (const sup of hours.supervisors) row(body, sup.supervisor ?? UNNAMED_SUPERVISOR, sup, "attune-hours-supervisor");

	if (hours.months.length > 0 || hours.undated.direct.notes + hours.undated.supervision.notes > 0) {
		s.createEl("h5", { text: "By month" });
		const wrap = s.createDiv({ cls: "attune-table-scroll" });
		const table = wrap.createEl("table", { cls: "attune-table attune-hours-months" });
		const mh = table.createEl("thead").createEl("tr");
		mh.createEl("th", { text: "Month", attr: { scope: "col" } });
		for (const t of ["Direct", "Supervision", ...hours.supervisors.map((x) => x.supervisor ?? UNNAMED_SUPERVISOR), "Unknown"]) mh.createEl("th", { cls: "attune-num", text: t, attr: { scope: "col" } });
		const mb = table.createEl("tbody");
		for (const m of hours.months) {
			const tr = mb.createEl("tr");
			tr.createEl("th", { text: m.month, attr: { scope: "row" } });
			for (const x of [m.direct, m.supervision, ...m.supervisors]) tr.createEl("td", { cls: "attune-num", text: hoursText(x) });
			tr.createEl("td", { cls: "attune-num", text: String(m.unknown) });
		}
		const u = hours.undated;
		if (u.direct.notes + u.supervision.notes > 0) {
			const tr = mb.createEl("tr");
			tr.createEl("th", { text: "Undated", attr: { scope: "row" } });
			for (const x of [u.direct, u.supervision]) tr.createEl("td", { cls: "attune-num", text: hoursText(x) });
			// Undated supervision is not split by supervisor here: the totals above hold it.
			for (let i = 0; i < hours.supervisors.length; i++) tr.createEl("td", { cls: "attune-num", text: "–" });
			tr.createEl("td", { cls: "attune-num", text: "–" });
		}
	}

	const unknown = hours.unknown;
	s.createEl("h5", { text: `Duration unknown (${unknown.length})` });
	if (unknown.length === 0) {
		s.createEl("p", { cls: "attune-muted", text: "Every note in this scope has a duration." });
		return;
	}
	s.createEl("p", { cls: "attune-muted", text: `Not counted in the hours above: ${plural(unknown.length, "note")}. Add a duration in minutes to each to count it.` });
	const ul = s.createEl("ul", { cls: "attune-link-list attune-hours-unknown" });
	for (const u of d.limit("hours-unknown", unknown)) {
		const why = unknownReasonText(u);
		const b = actionButton(ul.createEl("li"), "", `hours-unknown-${u.path}`, `Open ${u.name}: ${why.toLowerCase()}`, () => d.open(u.path), ["attune-link"]);
		b.createSpan({ text: `${u.date ?? "Undated"} · ${u.name}` });
		b.createSpan({ cls: "attune-muted", text: why });
	}
	d.more(s, "hours-unknown", unknown.length, "notes");
}
