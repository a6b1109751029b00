/**
 * Renders a summary for people: a terminal table, Markdown tables (for a note)
 * and CSV (for a spreadsheet). JSON is the summary object itself.
 */
import { csvText } from "../csv";
import { type Summary, type SummaryRow, qualifierOf } from "../index/summary";
import { FAMILY_TABLE, PROCESS_LABELS, PROCESS_ORDER, labelFor } from "../vocabulary/families";
import { MODE_MODALITY_KEY, MOVE_CLASS_KEY } from "../vocabulary/tags";

/** A titled table: a header row and data rows, all text. */
export interface ReportTable {
	title: string;
	header: string[];
	rows: string[][];
	/** A closing row of totals, when the table has one. */
	total?: string[];
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The summary as tables, in the order the sidebar shows them. Empty tables are left out. */
export function summaryTables(s: Summary): ReportTable[] {
	const tables: ReportTable[] = [];
	const sum = (rows: { count: number }[]) => String(rows.reduce((n, r) => n + r.count, 0));
	const emotionTotal = s.processShares.reduce((n, r) => n + r.count, 0);
	// Nothing counted at all: no tables, and the reader is told how to start.
	const counted = emotionTotal > 0 || FAMILY_TABLE.some((f) => s.rows[f.key].some((r) => r.count > 0));
	if (!counted) return tables;
	{
		tables.push({
			title: "Emotion process",
			header: ["Process", "Occurrences", "Notes", "Share"],
			// Every class, zero included: a class never seen is information too.
			rows: s.processShares.map((p) => [PROCESS_LABELS[p.process], String(p.count), String(p.notes), pct(p.share)]),
			total: ["Total", String(emotionTotal), "", emotionTotal > 0 ? "100%" : "0%"],
		});
	}
	// One table per family, as the families table names it; classes get their own column.
	for (const def of FAMILY_TABLE) {
		const rows = s.rows[def.key];
		if (rows.length === 0) continue;
		const q = def.qualifier;
		const name = (v: string) => (def.open ? v : labelFor(v));
		// A zero row (a word never used) has no class or direction to show.
		const qualifier = (r: SummaryRow) => {
			const v = qualifierOf(r);
			return v === undefined ? "" : q?.labels[v] ?? v;
		};
		tables.push({
			title: def.summary.title,
			header: q ? [def.summary.column, q.column, "Occurrences", "Notes"] : [def.summary.column, "Occurrences", "Notes"],
			rows: rows.map((r) => (q ? [name(r.value), qualifier(r), String(r.count), String(r.notes)] : [name(r.value), String(r.count), String(r.notes)])),
			total: q ? ["Total", "", sum(rows), ""] : ["Total", sum(rows), ""],
		});
	}
	tables.push(...crossTables(s));
	const c = s.supervisorComments;
	if (c.open + c.resolved > 0) {
		tables.push({ title: "Supervisor comments", header: ["State", "Comments"], rows: [["Open", String(c.open)], ["Resolved", String(c.resolved)]] });
	}
	return tables;
}

/** What was done with each class, and the empathy modes by modality: counts only, zero included. */
function crossTables(s: Summary): ReportTable[] {
	const tables: ReportTable[] = [];
	const coded = (rows: SummaryRow[]) => rows.some((r) => r.count > 0);
	// Each once there is something to cross: moves and emotions, empathy modes.
	const classes = coded(s.rows.process) && coded(s.rows.emotion) ? PROCESS_ORDER.filter((p) => s.movesByClass[p] !== undefined) : [];
	if (classes.length > 0) {
		const moves = Object.keys(s.movesByClass[classes[0]!]!);
		tables.push({
			title: MOVES_BY_CLASS_TITLE,
			header: ["Move", ...classes.map((p) => PROCESS_LABELS[p])],
			rows: moves.map((m) => [labelFor(m), ...classes.map((p) => String(s.movesByClass[p]![m] ?? 0))]),
		});
	}
	if (s.modesByModality.length > 0 && coded(s.rows.empathy)) {
		const modes = Object.keys(s.modesByModality[0]!.modes);
		tables.push({
			title: MODES_BY_MODALITY_TITLE,
			header: ["Modality", "Notes", ...modes.map(labelFor)],
			rows: s.modesByModality.map((r) => [modalityLabel(r.modality), String(r.notes), ...modes.map((m) => String(r.modes[m] ?? 0))]),
		});
	}
	return tables;
}

/** The title of the moves-by-class table, in the sidebar and in reports. */
export const MOVES_BY_CLASS_TITLE = "What was done with each class";

/** The title of the modes-by-modality table, in the sidebar and in reports. */
export const MODES_BY_MODALITY_TITLE = "Empathy modes by modality";

/** A modality as a person reads it: the notes without one say so. */
export function modalityLabel(modality: string | null): string {
	return modality ?? "No modality";
}

function pad(cells: string[], widths: number[], numeric: boolean[]): string {
	// A cell past the header's columns (none are built so) is left unpadded.
	return cells.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
}

/** Display width, counting each code point once (good enough for terminals with Latin and most scripts). */
const width = (s: string) => [...s].length;

/** Renders tables with aligned columns for a terminal. */
export function renderTable(s: Summary): string {
	const out: string[] = [`Notes summarized: ${s.notes}`];
	for (const w of s.warnings) out.push("", `Note: ${w}`);
	const tables = summaryTables(s);
	// "No tags" would read as "you have no data" when no note matched at all.
	if (tables.length === 0 && s.notes > 0) out.push("", "No Attune tags found. Code an emotion with a tag such as #emotion/sadness/primary-adaptive.");
	for (const t of tables) {
		const all = [t.header, ...t.rows, ...(t.total ? [t.total] : [])];
		const widths = t.header.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ""))));
		const numeric = t.header.map((_, i) => i > 0 && t.rows.every((r) => /^\d+%?$/.test(r[i] ?? "")));
		const rule = widths.map((w) => "-".repeat(w)).join("  ");
		out.push("", t.title, pad(t.header, widths, numeric), rule);
		for (const r of t.rows) out.push(pad(r, widths, numeric));
		if (t.total) out.push(rule, pad(t.total, widths, numeric));
	}
	if (s.diagnostics.length > 0) {
		out.push("", `Needs attention (${s.diagnostics.length})`);
		for (const d of s.diagnostics) out.push(`${d.path}:${d.line}  ${d.code}  ${d.tag}  ${d.message}`);
	}
	return out.join("\n") + "\n";
}

/** Escapes a cell for a Markdown table: pipes, and anything Obsidian would read as a tag or link. */
function mdCell(s: string): string {
	return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/#/g, "\\#").replace(/\[\[/g, "\\[\\[").replace(/\r?\n/g, " ");
}

/** Renders Markdown tables, for pasting into a note. Tag-like text is escaped so the summary does not count itself. */
export function renderMarkdown(s: Summary, title = "Attune summary"): string {
	const out: string[] = [`## ${title}`, "", `Notes summarized: ${s.notes}`];
	for (const w of s.warnings) out.push("", `> ${mdCell(w)}`);
	for (const t of summaryTables(s)) {
		out.push("", `### ${t.title}`, "", `| ${t.header.map(mdCell).join(" | ")} |`, `| ${t.header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`);
		for (const r of [...t.rows, ...(t.total ? [t.total] : [])]) out.push(`| ${r.map(mdCell).join(" | ")} |`);
	}
	if (s.diagnostics.length > 0) {
		out.push("", "### Needs attention", "", "| Note | Line | Code | Message |", "| --- | ---: | --- | --- |");
		for (const d of s.diagnostics) out.push(`| ${mdCell(d.path)} | ${d.line} | ${d.code} | ${mdCell(d.message)} |`);
	}
	return out.join("\n") + "\n";
}

/** Renders one CSV table: one row per counted value, with its family. */
export function renderCsv(s: Summary): string {
	const rows: string[][] = [["family", "value", "process", "count", "notes"]];
	for (const def of FAMILY_TABLE) {
		for (const r of s.rows[def.key]) rows.push([def.key, r.value, r.process ?? "", String(r.count), String(r.notes)]);
	}
	// The cross tables: a move under each class (in the process column), a mode under each modality (in the same column, empty for none); counts only.
	for (const t of crossTables(s)) {
		if (t.title === MOVES_BY_CLASS_TITLE) for (const p of PROCESS_ORDER) for (const [move, n] of Object.entries(s.movesByClass[p] ?? {})) rows.push([MOVE_CLASS_KEY, move, p, String(n), ""]);
		else for (const r of s.modesByModality) for (const [mode, n] of Object.entries(r.modes)) rows.push([MODE_MODALITY_KEY, mode, r.modality ?? "", String(n), ""]);
	}
	return csvText(rows);
}
