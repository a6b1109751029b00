/**
 * `attune hours`: direct client hours and supervision hours per supervisor,
 * per month and in total, for a scope: the numbers the sidebar's "Hours"
 * shows (FORMAT.md section 6). Notes whose duration is unknown are listed.
 */
import { indexVault, readVaultConfig, summaryOptions } from "./vault";
import { type Hours, type Minutes, type SupervisorMinutes, UNNAMED_SUPERVISOR as UNNAMED, buildHours, hoursOf, unknownReasonText } from "../core/sidebar/hours";
import { type SummaryFilter, summarize } from "../core/index/summary";
import { csvText } from "../core/csv";
import { oneOf, parseArgs, type RunResult, SCOPE_OPTIONS, scopeFilter, scopeJson, stderrText, vaultArg } from "./args";

const minutesJson = (m: Minutes) => ({ minutes: m.minutes, hours: hoursOf(m.minutes), notes: m.notes });
const supervisorJson = (s: SupervisorMinutes) => ({ supervisor: s.supervisor, ...minutesJson(s) });

/** The JSON document of FORMAT.md section 6, keys in the order it lists them. */
export function hoursJson(h: Hours, filter: SummaryFilter, warnings: string[] = []): unknown {
	return {
		format: 1,
		scope: scopeJson(filter),
		direct: minutesJson(h.direct),
		supervision: minutesJson(h.supervision),
		supervisors: h.supervisors.map(supervisorJson),
		months: h.months.map((m) => ({ month: m.month, direct: minutesJson(m.direct), supervision: minutesJson(m.supervision), supervisors: m.supervisors.map(supervisorJson), unknown: m.unknown })),
		undated: { direct: minutesJson(h.undated.direct), supervision: minutesJson(h.undated.supervision) },
		unknown: h.unknown.map((u) => ({ path: u.path, kind: u.kind, date: u.date ?? null, reason: u.reason, written: u.written ?? null })),
		warnings,
	};
}

/**
 * One CSV row per number: each month's direct, supervision and per-supervisor
 * hours (kind `direct`, `supervision`, `supervisor`), the same for `total`
 * and `undated`, then one `unknown` row per note whose duration is unknown.
 */
function renderCsv(h: Hours): string {
	const rows: string[][] = [["month", "kind", "supervisor", "hours", "minutes", "notes", "path", "reason"]];
	const put = (month: string, kind: string, m: Minutes, supervisor = "") => rows.push([month, kind, supervisor, String(hoursOf(m.minutes)), String(m.minutes), String(m.notes), "", ""]);
	const block = (month: string, direct: Minutes, supervision: Minutes, supervisors: SupervisorMinutes[]) => {
		put(month, "direct", direct);
		put(month, "supervision", supervision);
		for (const s of supervisors) put(month, "supervisor", s, s.supervisor ?? "");
	};
	for (const m of h.months) block(m.month, m.direct, m.supervision, m.supervisors);
	if (h.undated.direct.notes + h.undated.supervision.notes > 0) block("undated", h.undated.direct, h.undated.supervision, []);
	block("total", h.direct, h.supervision, h.supervisors);
	for (const u of h.unknown) rows.push([u.date?.slice(0, 7) ?? "undated", "unknown", "", "", "", "1", u.path, u.reason]);
	return csvText(rows);
}

/** Columns aligned for a terminal: the first left, the others right. */
function aligned(rows: string[][]): string[] {
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
	const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
	return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)];
}

function renderTable(h: Hours, warnings: string[]): string {
	const n = (m: Minutes) => String(hoursOf(m.minutes));
	const notes = (k: number) => `${k} ${k === 1 ? "note" : "notes"}`;
	const out = [`Direct client hours: ${n(h.direct)} (${notes(h.direct.notes)})`, `Supervision hours: ${n(h.supervision)} (${notes(h.supervision.notes)})`];
	for (const s of h.supervisors) out.push(`  ${s.supervisor ?? UNNAMED}: ${n(s)} (${notes(s.notes)})`);
	for (const w of warnings) out.push("", `Note: ${w}`);
	if (h.months.length > 0 || h.undated.direct.notes + h.undated.supervision.notes > 0) {
		const rows = [["Month", "Direct", "Supervision", ...h.supervisors.map((s) => s.supervisor ?? UNNAMED), "Unknown"]];
		for (const m of h.months) rows.push([m.month, n(m.direct), n(m.supervision), ...m.supervisors.map(n), String(m.unknown)]);
		const u = h.undated;
		if (u.direct.notes + u.supervision.notes > 0) rows.push(["Undated", n(u.direct), n(u.supervision), ...h.supervisors.map(() => "–"), "–"]);
		out.push("", ...aligned(rows));
	}
	out.push("", `Duration unknown: ${notes(h.unknown.length)}${h.unknown.length > 0 ? ", not counted above. Add a duration in minutes to each:" : ""}`);
	for (const u of h.unknown) out.push(`  ${u.path}: ${unknownReasonText(u)}`);
	return out.join("\n") + "\n";
}

/** The hours in one of the three formats. */
export function renderHours(h: Hours, filter: SummaryFilter, format: string, warnings: string[] = []): string {
	if (format === "json") return JSON.stringify(hoursJson(h, filter, warnings), null, 2) + "\n";
	if (format === "csv") return renderCsv(h);
	return renderTable(h, warnings);
}

export function hoursCommand(args: string[]): RunResult {
	const p = parseArgs(args, [...SCOPE_OPTIONS, "format"]);
	const format = oneOf("format", p.options.get("format"), ["table", "json", "csv"], "table");
	const root = vaultArg(p, "hours");
	const filter = scopeFilter(p, root);
	const config = readVaultConfig(root);
	const index = indexVault(root, config, { countsOnly: true });
	// The scope's warnings are summarize's: notes it could not place, or that nothing matched.
	const { warnings } = summarize(index, filter, summaryOptions(config));
	// CSV has no place for sentences: they go to stderr, with the other warnings.
	const stderr = stderrText(p, format === "csv" ? [...config.warnings, ...warnings] : config.warnings);
	return { stdout: renderHours(buildHours(index, filter), filter, format, warnings), stderr, code: 0 };
}
