/**
 * `attune trend`: one row per dated note in a scope, the numbers the sidebar's
 * "Across sessions" draws (FORMAT.md section 6).
 */
import { readVaultConfig, summaryOptions } from "./vault";
import { indexCounts } from "./parallel-read";
import { csvText } from "../core/csv";
import { buildTrend, type Trend, type TrendRow } from "../core/sidebar/trend";
import { type SummaryFilter, summarize } from "../core/index/summary";
import { PROCESS_LABELS, PROCESS_ORDER, labelFor } from "../core/vocabulary/families";
import { oneOf, parseArgs, type RunResult, SCOPE_OPTIONS, scopeFilter, scopeJson, stderrText, vaultArg } from "./args";

/** The JSON document of a trend, keys in the order FORMAT.md section 6 lists them. */
export function trendJson(t: Trend, filter: SummaryFilter, warnings: string[] = []): unknown {
	return {
		format: 1,
		scope: scopeJson(filter),
		sessions: t.sessions.map((r) => ({
			path: r.path,
			date: r.date,
			session: r.session ?? null,
			classes: r.classes,
			emotions: r.emotions,
			modes: r.modes,
			responses: r.responses,
			moves: r.moves,
			measures: r.measures,
		})),
		undated: t.undated,
		warnings,
	};
}

/** The columns of the table, CSV and Markdown formats: header for people, key for CSV, and the cell. */
function columns(t: Trend): { header: string; key: string; cell: (r: TrendRow) => string }[] {
	const first = t.sessions[0];
	const n = (x: number | undefined) => String(x ?? 0);
	const measures = [...new Set(t.sessions.flatMap((r) => Object.keys(r.measures)))];
	return [
		{ header: "Session", key: "session", cell: (r) => (r.session === undefined ? "" : String(r.session)) },
		{ header: "Date", key: "date", cell: (r) => r.date },
		...PROCESS_ORDER.map((p) => ({ header: PROCESS_LABELS[p], key: p, cell: (r: TrendRow) => n(r.classes[p]) })),
		{ header: "Emotions", key: "emotions", cell: (r) => String(r.emotions) },
		...Object.keys(first?.modes ?? {}).map((m) => ({ header: labelFor(m), key: `mode:${m}`, cell: (r: TrendRow) => n(r.modes[m]) })),
		{ header: "Empathic responses", key: "responses:empathic", cell: (r) => String(r.responses.empathic) },
		{ header: "Procedures", key: "responses:procedure", cell: (r) => String(r.responses.procedure) },
		...Object.keys(first?.moves ?? {}).map((m) => ({ header: labelFor(m), key: `move:${m}`, cell: (r: TrendRow) => n(r.moves[m]) })),
		...measures.map((m) => ({ header: m, key: `measure:${m}`, cell: (r: TrendRow) => (r.measures[m] === undefined ? "" : String(r.measures[m])) })),
		{ header: "Note", key: "path", cell: (r) => r.path },
	];
}

const undatedLine = (n: number) => (n === 0 ? [] : [`${n} undated ${n === 1 ? "note is" : "notes are"} in this scope and on no session axis; give ${n === 1 ? "it" : "them"} a date property to place ${n === 1 ? "it" : "them"}.`]);

function mdCell(s: string): string {
	return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/#/g, "\\#").replace(/\[\[/g, "\\[\\[").replace(/\r?\n/g, " ");
}

/** The trend in one of the four formats. */
export function renderTrend(t: Trend, filter: SummaryFilter, format: string, warnings: string[] = []): string {
	if (format === "json") return JSON.stringify(trendJson(t, filter, warnings), null, 2) + "\n";
	const cols = columns(t);
	const cells = t.sessions.map((r) => cols.map((c) => c.cell(r)));
	if (format === "csv") return csvText([cols.map((c) => c.key), ...cells]);
	if (format === "markdown") {
		const out = ["## Attune trend", "", `Dated notes: ${t.sessions.length}`];
		for (const l of [...warnings, ...undatedLine(t.undated)]) out.push("", `> ${mdCell(l)}`);
		if (t.sessions.length > 0) {
			out.push("", `| ${cols.map((c) => mdCell(c.header)).join(" | ")} |`, `| ${cols.map((c) => (c.key === "path" || c.key === "date" ? "---" : "---:")).join(" | ")} |`);
			for (const r of cells) out.push(`| ${r.map(mdCell).join(" | ")} |`);
		}
		return out.join("\n") + "\n";
	}
	const out = [`Dated notes: ${t.sessions.length}`];
	for (const l of [...warnings, ...undatedLine(t.undated)]) out.push("", `Note: ${l}`);
	if (t.sessions.length > 0) {
		const all = [cols.map((c) => c.header), ...cells];
		const widths = cols.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? "")].length)));
		const left = (i: number) => cols[i]?.key === "path" || cols[i]?.key === "date";
		const line = (r: string[]) => r.map((c, i) => (left(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ").trimEnd();
		out.push("", line(all[0]!), widths.map((w) => "-".repeat(w)).join("  "));
		for (const r of cells) out.push(line(r));
	}
	return out.join("\n") + "\n";
}

export function trendCommand(args: string[]): RunResult {
	const p = parseArgs(args, [...SCOPE_OPTIONS, "format"]);
	const format = oneOf("format", p.options.get("format"), ["table", "json", "csv", "markdown"], "table");
	const root = vaultArg(p, "trend");
	const filter = scopeFilter(p, root);
	const config = readVaultConfig(root);
	const { index } = indexCounts(root, config);
	const trend = buildTrend(index, filter, { vocab: config.vocab });
	// The scope's warnings are summarize's: notes it could not place, or that nothing matched.
	const { warnings } = summarize(index, filter, summaryOptions(config));
	return { stdout: renderTrend(trend, filter, format, warnings), stderr: stderrText(p, config.warnings), code: 0 };
}
