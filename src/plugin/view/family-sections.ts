/**
 * The sidebar's sections beyond the client's emotions: the therapist's side,
 * the relationship, compassion, what was done with each class, and empathy
 * modes by modality. Drawn with the renderer's helpers (render.ts), from the
 * model's numbers, which are `attune summarize`'s. A switched-off family's
 * section is not drawn; a zero is shown as 0.
 */
import { type Selection, sameSelection } from "../../core/sidebar/queries";
import { MODES_BY_MODALITY_TITLE, MOVES_BY_CLASS_TITLE, modalityLabel } from "../../core/sidebar/report";
import { compassionColumns } from "../../core/sidebar/families";
import { PROCESS_LABELS, PROCESS_ORDER, type ProcessOrUnclassified, labelFor } from "../../core/vocabulary/families";
import type { Renderer } from "./render";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const classWords = (p: ProcessOrUnclassified) => (p === "unclassified" ? "not classified" : PROCESS_LABELS[p].toLowerCase());

/** A number that lists its passages when pressed; a zero is plain text, since it has none. */
function countButton(r: Renderer, td: HTMLElement, n: number, sel: Selection, focusKey: string, what: string): void {
	if (n === 0) {
		td.setText("0");
		return;
	}
	const on = sameSelection(sel, r.m.selection);
	if (on) td.addClass("attune-selected");
	r.button(td, String(n), focusKey, `${on ? "Hide" : "Show"} the ${plural(n, "passage")}: ${what}`, () => r.h.select(on ? undefined : sel), ["attune-cell-button"])
		.setAttribute("aria-pressed", String(on));
}

/** A table head: a first column, then numeric ones. */
function head(table: HTMLElement, first: string, numeric: readonly string[]): void {
	const tr = table.createEl("thead").createEl("tr");
	tr.createEl("th", { text: first, attr: { scope: "col" } });
	for (const t of numeric) tr.createEl("th", { cls: "attune-num", text: t, attr: { scope: "col" } });
}

/**
 * "The therapist's side": the clinician's resonance and the therapist's
 * processes, each row listing its passages, and in the whole vault per
 * clinician over time. Never mixed with the client's emotions.
 */
export function therapistSide(r: Renderer): void {
	const { on, summary } = r.m;
	if (!on.resonance && !on.therapist) return;
	const resonance = on.resonance ? summary.rows.resonance : [];
	const processes = on.therapist ? summary.rows.therapist : [];
	const total = [...resonance, ...processes].reduce((n, x) => n + x.count, 0);
	r.section("resonance", "The therapist's side", String(total), (s, redraw) => {
		r.muted(s, "The clinician's own resonance and processes, kept apart from the client's emotions.");
		if (on.resonance) {
			s.createEl("h5", { text: "Resonance" });
			if (resonance.length === 0) r.muted(s, "No therapist resonance coded in this scope.");
			else {
				const table = s.createEl("table", { cls: "attune-table attune-resonance-table" });
				head(table, "Emotion", ["Occurrences", "Notes"]);
				const body = table.createEl("tbody");
				for (const row of r.limit("resonance", resonance)) {
					const sel: Selection = { kind: "resonance", emotion: row.value };
					const selected = sameSelection(sel, r.m.selection);
					const tr = body.createEl("tr", selected ? { cls: "attune-selected" } : undefined);
					r.button(tr.createEl("td"), row.value, `resonance-${row.value}`, `${selected ? "Hide" : "Show"} passages for therapist resonance ${row.value}`, () => r.h.select(selected ? undefined : sel), ["attune-row-button"])
						.setAttribute("aria-pressed", String(selected));
					tr.createEl("td", { cls: "attune-num", text: String(row.count) });
					tr.createEl("td", { cls: "attune-num", text: String(row.notes) });
				}
				r.more(s, "resonance", resonance.length, "emotions", redraw);
				if (r.m.selection?.kind === "resonance") r.passages(s, `therapist resonance ${r.m.selection.emotion}`, redraw);
			}
		}
		if (on.therapist) {
			s.createEl("h5", { text: "Therapist's processes" });
			const table = s.createEl("table", { cls: "attune-table attune-therapist-table" });
			head(table, "Process", ["Occurrences", "Notes"]);
			const body = table.createEl("tbody");
			for (const row of processes) {
				const tr = body.createEl("tr");
				tr.createEl("th", { text: labelFor(row.value), attr: { scope: "row" } });
				countButton(r, tr.createEl("td", { cls: "attune-num" }), row.count, { kind: "code", family: "therapist", value: row.value, where: "resonance" }, `therapist-${row.value}`, labelFor(row.value).toLowerCase());
				tr.createEl("td", { cls: "attune-num", text: String(row.notes) });
			}
			const sel = r.m.selection;
			if (sel?.kind === "code" && sel.where === "resonance") r.passages(s, labelFor(sel.value).toLowerCase(), redraw);
		}
		const over = r.m.therapistOverTime?.();
		if (!over) return;
		s.createEl("h5", { text: "Per clinician over time" });
		if (over.length === 0) {
			r.muted(s, "No note in the vault holds the therapist's side yet.");
			return;
		}
		// The therapist's processes in the vocabulary's order, as every point lists them.
		const words = Object.keys(over[0]!.points[0]!.processes);
		for (const series of over) {
			const wrap = s.createDiv({ cls: "attune-table-scroll" });
			const table = wrap.createEl("table", { cls: "attune-table attune-therapist-time" });
			table.createEl("caption", { text: series.label });
			head(table, "Date", [...(on.resonance ? ["Resonance"] : []), ...(on.therapist ? words.map(labelFor) : [])]);
			const body = table.createEl("tbody");
			for (const p of series.points) {
				const tr = body.createEl("tr");
				r.button(tr.createEl("th", { attr: { scope: "row" } }), p.date ?? "Undated", `therapist-time-${p.path}`, `Open ${p.name}`, () => r.h.open(p.path), ["attune-link"]);
				if (on.resonance) tr.createEl("td", { cls: "attune-num", text: String(p.resonance) });
				if (on.therapist) for (const w of words) tr.createEl("td", { cls: "attune-num", text: String(p.processes[w] ?? 0) });
			}
		}
	});
}

/** "Relationship": each ingredient coded, its passages, beside the mean of the supervisor's ratings of it. */
export function relationship(r: Renderer): void {
	if (!r.m.on.relationship) return;
	const rows = r.m.relationship;
	r.section("relationship", "Relationship", String(rows.reduce((n, x) => n + x.count, 0)), (s, redraw) => {
		r.muted(s, "Where each ingredient of the relationship was coded, beside the supervisor's ratings (1 to 5) in the same scope.");
		const table = s.createEl("table", { cls: "attune-table attune-relationship-table" });
		head(table, "Ingredient", ["Occurrences", "Notes", "Rated"]);
		const body = table.createEl("tbody");
		for (const row of rows) {
			const tr = body.createEl("tr");
			tr.createEl("th", { text: row.label, attr: { scope: "row" } });
			countButton(r, tr.createEl("td", { cls: "attune-num" }), row.count, { kind: "code", family: "relationship", value: row.ingredient, where: "relationship" }, `relationship-${row.ingredient}`, row.label.toLowerCase());
			tr.createEl("td", { cls: "attune-num", text: String(row.notes) });
			const rated = row.ratingKey === undefined ? "not rated" : row.rating ? `${row.rating.mean.toFixed(1)} (${plural(row.rating.n, "rating")})` : "0 ratings";
			tr.createEl("td", { cls: "attune-num", text: rated });
		}
		const sel = r.m.selection;
		if (sel?.kind === "code" && sel.where === "relationship") r.passages(s, labelFor(sel.value).toLowerCase(), redraw);
	});
}

/** "Compassion": the five elements by direction, each number listing its passages. */
export function compassion(r: Renderer): void {
	if (!r.m.on.compassion) return;
	const rows = r.m.compassion;
	const columns = compassionColumns();
	r.section("compassion", "Compassion", String(rows.reduce((n, x) => n + x.total, 0)), (s, redraw) => {
		r.muted(s, "Strauss et al.'s five elements of compassion, for oneself or for another.");
		const wrap = s.createDiv({ cls: "attune-table-scroll" });
		const table = wrap.createEl("table", { cls: "attune-table attune-compassion-table" });
		head(table, "Element", [...columns.map((c) => c.label), "Total"]);
		const body = table.createEl("tbody");
		for (const row of rows) {
			const tr = body.createEl("tr");
			tr.createEl("th", { text: row.label, attr: { scope: "row" } });
			for (const c of columns) {
				const sel: Selection = { kind: "code", family: "compassion", value: row.element, direction: c.direction, where: "compassion" };
				countButton(r, tr.createEl("td", { cls: "attune-num" }), row.byDirection[c.direction] ?? 0, sel, `compassion-${row.element}-${c.direction}`, `${row.label.toLowerCase()}, ${c.label.toLowerCase()}`);
			}
			tr.createEl("td", { cls: "attune-num", text: String(row.total) });
		}
		const sel = r.m.selection;
		if (sel?.kind === "code" && sel.where === "compassion") {
			const direction = columns.find((c) => c.direction === sel.direction)?.label.toLowerCase();
			r.passages(s, `${labelFor(sel.value).toLowerCase()}${direction ? `, ${direction}` : ""}`, redraw);
		}
	});
}

/** "What was done with each class": each move by the class of the emotions in its passage; each number lists its passages. */
export function movesByClass(r: Renderer): void {
	const byClass = r.m.summary.movesByClass;
	const classes = PROCESS_ORDER.filter((p) => byClass[p] !== undefined);
	if (classes.length === 0) return;
	const moves = Object.keys(byClass[classes[0]!]!);
	r.section("byclass", MOVES_BY_CLASS_TITLE, undefined, (s, redraw) => {
		r.muted(s, "Each move counted under the class of every client emotion in its passage (its paragraph, list item or table row).");
		const wrap = s.createDiv({ cls: "attune-table-scroll" });
		const table = wrap.createEl("table", { cls: "attune-table attune-byclass-table" });
		head(table, "Move", classes.map((p) => PROCESS_LABELS[p]));
		const body = table.createEl("tbody");
		for (const move of moves) {
			const tr = body.createEl("tr");
			tr.createEl("th", { text: labelFor(move), attr: { scope: "row" } });
			for (const p of classes) {
				countButton(r, tr.createEl("td", { cls: "attune-num" }), byClass[p]![move] ?? 0, { kind: "move-class", move, process: p }, `byclass-${move}-${p}`, `${labelFor(move).toLowerCase()} beside ${classWords(p)} emotion`);
			}
		}
		const sel = r.m.selection;
		if (sel?.kind === "move-class") r.passages(s, `${labelFor(sel.move).toLowerCase()} beside ${classWords(sel.process)} emotion`, redraw);
	});
}

/** "Empathy modes by modality", in the vault and folder scopes: counts only. */
export function modesByModality(r: Renderer): void {
	const rows = r.m.summary.modesByModality;
	const scope = r.m.choice.scope;
	if (rows.length === 0 || (scope !== "vault" && scope !== "folder")) return;
	const modes = Object.keys(rows[0]!.modes);
	r.section("bymodality", MODES_BY_MODALITY_TITLE, undefined, (s) => {
		r.muted(s, "The empathy modes coded in the notes of each modality (the modality property).");
		const wrap = s.createDiv({ cls: "attune-table-scroll" });
		const table = wrap.createEl("table", { cls: "attune-table attune-bymodality-table" });
		head(table, "Modality", ["Notes", ...modes.map(labelFor)]);
		const body = table.createEl("tbody");
		for (const row of rows) {
			const tr = body.createEl("tr");
			tr.createEl("th", { text: modalityLabel(row.modality), attr: { scope: "row" } });
			tr.createEl("td", { cls: "attune-num", text: String(row.notes) });
			for (const m of modes) tr.createEl("td", { cls: "attune-num", text: String(row.modes[m] ?? 0) });
		}
	});
}

/**
 * "Codebook": each defined term of each switched-on family, with its tag, its
 * definition in the field's words, and its count in the scope; a count lists
 * the term's passages, each opening the note at its line.
 */
export function codebook(r: Renderer): void {
	const families = r.m.codebook;
	if (families.length === 0) return;
	const terms = families.reduce((n, f) => n + f.terms.length, 0);
	r.section("codebook", "Codebook", plural(terms, "term"), (s, redraw) => {
		r.muted(s, "Each term with its definition and how often it was coded in this scope.");
		for (const fam of families) {
			s.createEl("h5", { text: fam.label });
			const dl = s.createEl("dl", { cls: "attune-codebook" });
			for (const t of fam.terms) {
				const dt = dl.createEl("dt", { cls: "attune-codebook-term" });
				dt.createSpan({ text: t.label });
				dt.createEl("code", { cls: "attune-codebook-tag", text: `#${t.tag}` });
				const count = dt.createSpan({ cls: "attune-num attune-codebook-count" });
				if (t.count === 0) count.setText(`${t.count} in this scope`);
				else {
					const on = sameSelection(t.selection, r.m.selection);
					r.button(count, `${t.count} in this scope`, `codebook-${t.tag}`, `${on ? "Hide" : "Show"} the ${plural(t.count, "passage")} coded ${t.label.toLowerCase()}`, () => r.h.select(on ? undefined : t.selection), ["attune-cell-button"])
						.setAttribute("aria-pressed", String(on));
				}
				const dd = dl.createEl("dd", { cls: "attune-codebook-definition", text: t.definition ?? "A word added in the settings: Attune has no definition for it. Write one in its study note." });
				if (sameSelection(t.selection, r.m.selection)) r.passages(dd, t.label.toLowerCase(), redraw);
			}
		}
	});
}
