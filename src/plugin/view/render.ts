/**
 * Renders the emotion summary from its model, over plain DOM: Obsidian's
 * element helpers (`createEl`, `createDiv`, `setText`, `empty`) and SVG built
 * with `createElementNS`. Nothing here imports `obsidian`, so the same code
 * runs in the sidebar, in the browser preview and in the benchmark.
 *
 * Note text is only ever set as text. Every control is a button, a select or
 * an input, so it takes keyboard focus; nothing depends on hovering.
 *
 * Drawing is what costs (a large vault's summary has hundreds of rows), so
 * the view draws what is read at a glance and the rest on demand: the other
 * sections start closed and build their body only when opened, long lists
 * show their first rows, and opening a section, sorting or showing a whole
 * list redraws that section alone, without a new model.
 */
import { type AntecedentRow, type OccurrenceRef, RATING_LABELS, type Selection, antecedentLabel, sameSelection } from "../../core/sidebar/queries";
import { PROCESS_ORDER } from "../../core/vocabulary/families";
import { RATING_KEYS } from "../../core/note/properties";
import { type SummaryViewModel } from "../../core/sidebar/view-model";
import type { SessionTrend } from "../../core/sidebar/trend";
import { type ScopeChoice } from "../../core/sidebar/scope";
import type { SummaryRow } from "../../core/index/summary";
import { FAMILY_TABLE, PROCESS_LABELS, type ProcessOrUnclassified, labelFor } from "../../core/vocabulary/families";
import { type ViewRange, type ViewScope } from "../../core/settings";
import { ACTIONS, FOCUS_KEYS, actionButton, svgEl } from "./view-kit";
import { STATUS_WORDS } from "../../core/record/verify";
import { readableDateTime } from "../../core/record/finalized-editing";
import { type TrendUi, defaultTrendUi, drawTrend } from "./trend-chart";
import { codebook, compassion, modesByModality, movesByClass, relationship, therapistSide } from "./family-sections";
import { drawHours } from "./hours-section";
import { hoursOf } from "../../core/sidebar/hours";

/** What the rendered view asks its host to do. */
export interface SummaryViewHandlers {
	/** The scope bar changed. */
	setChoice(patch: Partial<ScopeChoice>): void;
	/** A row or cell was selected (or the selection cleared). */
	select(selection: Selection | undefined): void;
	/** Open a note, at a 0-based line when given. */
	open(path: string, line?: number): void;
	/** The text of the passage around a 0-based line, read only when shown. */
	loadPassage(path: string, line: number): Promise<string>;
	/** Export the current summary. */
	exportSummary(how: "copy" | "insert" | "csv"): void;
	/** A section was opened or closed (already redrawn): keep `ui.sections` with the view's saved state. */
	saveUi(): void;
}

/** Sort keys of the emotions table. */
export type EmotionSortKey = "emotion" | "process" | "count" | "notes";

/** The view's sections, in the order drawn. */
export const SECTION_KEYS = ["overview", "emotions", "sessions", "sequence", "byclass", "responses", "resonance", "relationship", "compassion", "bymodality", "codebook", "supervision", "hours", "attention", "export"] as const;
/** A section of the view. */
export type SectionKey = (typeof SECTION_KEYS)[number];

/**
 * Which sections are open until the user says otherwise: what is read at a
 * glance (the process overview, the emotions table, the chart of this
 * client's sessions, and in the note scope the note's sequence, which is
 * what that scope is for). The others show their heading, with a count where
 * one says what they hold, and are built when opened.
 */
export const DEFAULT_OPEN: Readonly<Record<SectionKey, boolean>> = Object.freeze({
	overview: true, emotions: true, sessions: true, sequence: true,
	byclass: false, responses: false, resonance: false, relationship: false, compassion: false, bymodality: false, codebook: false, supervision: false, hours: false, attention: false, export: false,
});

/** What the view remembers between renders that is not in the model. */
export interface SummaryViewUi {
	sort: { key: EmotionSortKey; descending: boolean };
	/** Long lists the user chose to show in full. */
	expanded: Set<string>;
	/** Sections the user opened (`true`) or closed (`false`); the rest follow `DEFAULT_OPEN`. Saved with the view's state. */
	sections: Partial<Record<SectionKey, boolean>>;
	/** "Across sessions": shares or counts, the table, the selected bar. */
	trend: TrendUi;
	/** The view's width in CSS pixels when last rendered (0 when not laid out): the chart is drawn to it. */
	width: number;
}

/** A fresh UI state: emotions by occurrences, lists shortened, sections as `DEFAULT_OPEN` has them. */
export function defaultUi(): SummaryViewUi {
	return { sort: { key: "count", descending: true }, expanded: new Set(), sections: {}, trend: defaultTrendUi(), width: 0 };
}

/** Whether a section is open in this UI state (`fallback` when the user has not said: `DEFAULT_OPEN`'s). */
export function isSectionOpen(ui: SummaryViewUi, key: SectionKey, fallback = DEFAULT_OPEN[key]): boolean {
	return ui.sections[key] ?? fallback;
}

/** The open and closed sections from a saved view state, ignoring what is not valid; `undefined` when the state has none. */
export function sectionsFromState(raw: unknown): Partial<Record<SectionKey, boolean>> | undefined {
	if (typeof raw !== "object" || raw === null) return undefined;
	const saved = (raw as Record<string, unknown>).sections;
	if (typeof saved !== "object" || saved === null) return undefined;
	const out: Partial<Record<SectionKey, boolean>> = {};
	for (const k of SECTION_KEYS) {
		const v = (saved as Record<string, unknown>)[k];
		if (typeof v === "boolean") out[k] = v;
	}
	return out;
}

/** Lists longer than this show their first items and a button for the rest: ten rows are what a sidebar shows without scrolling. */
export const LIST_LIMIT = 10;

const SCOPE_OPTIONS: readonly [ViewScope, string][] = [["note", "This note"], ["client", "This client"], ["folder", "Folder"], ["vault", "Whole vault"]];
const RANGE_OPTIONS: readonly [ViewRange, string][] = [["30", "Last 30 days"], ["90", "Last 90 days"], ["365", "Last 365 days"], ["all", "All dates"], ["custom", "From and to dates"]];

/** Lowercase class words for running text: "primary maladaptive". */
const processWords = (p: ProcessOrUnclassified) => (p === "unclassified" ? "not classified" : PROCESS_LABELS[p].toLowerCase());
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Renders the whole view into `container`, replacing what was there. Keyboard
 * focus stays on the same control across renders.
 */
export function renderSummaryView(container: HTMLElement, model: SummaryViewModel, handlers: SummaryViewHandlers, ui: SummaryViewUi): void {
	keepFocus(container, () => {
		container.addClass("attune-summary");
		ui.width = container.clientWidth;
		// Built off the document, then put in place in one step: each element
		// inserted into a live tree costs more than one inserted into a detached one.
		const fresh = container.createDiv({ cls: "attune-summary-content" });
		fresh.remove();
		fresh.addEventListener("click", runAction);
		const r = new Renderer(fresh, model, handlers, ui);
		r.scopeBar();
		if (model.reading) {
			// Partial numbers would read as the summary; say how far reading has come instead.
			const { done, total } = model.reading;
			r.notice(total > 0 ? `Reading the vault… ${done} of ${total} notes.` : "Reading the vault…");
		} else {
			// What the scope could not place, or that nothing matched: said before any number.
			for (const w of model.summary.warnings) r.notice(w);
		}
		if (model.reading) {
			// Nothing more until the whole vault is read.
		} else if (model.scope.problem !== undefined) {
			r.notice(model.scope.problem);
		} else if (model.empty) {
			r.emptyState();
			codebook(r);
			r.supervision();
			r.hours();
			r.attention();
		} else {
			r.overview();
			r.emotions();
			if (model.trend) r.acrossSessions(model.trend);
			if (model.sequence) r.withinSession();
			movesByClass(r);
			r.responses();
			therapistSide(r);
			relationship(r);
			compassion(r);
			modesByModality(r);
			codebook(r);
			r.supervision();
			r.hours();
			r.attention();
			r.exportBar();
		}
		container.empty();
		container.appendChild(fresh);
	});
}

function runAction(ev: MouseEvent): void {
	const target = ev.target as Element | null;
	const button = target?.closest?.("button");
	const action = button ? ACTIONS.get(button) : undefined;
	if (!action) return;
	ev.preventDefault();
	action();
}

/** Runs `redraw` on `root`, then puts keyboard focus back on the control that had it, if it is drawn again. */
function keepFocus(root: HTMLElement, redraw: () => void): void {
	const active = root.ownerDocument.activeElement;
	const key = active && root.contains(active) ? FOCUS_KEYS.get(active) : undefined;
	redraw();
	if (key === undefined) return;
	for (const el of Array.from(root.querySelectorAll<HTMLElement | SVGElement>("button, select, input, [tabindex]"))) {
		if (FOCUS_KEYS.get(el) === key) {
			el.focus();
			return;
		}
	}
}

/** Draws a section's body into `body`; `redraw` draws it again, alone, after a sort or "Show all". */
type SectionBody = (body: HTMLElement, redraw: () => void) => void;

/** Draws the view's sections; the sections of the other families (family-sections.ts) draw with its helpers. */
export class Renderer {
	constructor(
		private readonly root: HTMLElement,
		readonly m: SummaryViewModel,
		readonly h: SummaryViewHandlers,
		readonly ui: SummaryViewUi,
	) {}

	/**
	 * A section that opens and closes: its heading is a button (a disclosure,
	 * with `aria-expanded`), and its body exists only while it is open, so a
	 * closed section costs two elements. `count`, beside the title, says what
	 * a closed section holds.
	 */
	section(key: SectionKey, title: string, count: string | undefined, draw: SectionBody, defaultOpen = DEFAULT_OPEN[key]): void {
		const heading = this.root.createEl("h4", { cls: ["attune-section-title", `attune-section-${key}`] });
		const toggle = heading.createEl("button", { cls: "attune-section-toggle", text: title, attr: { type: "button" } });
		FOCUS_KEYS.set(toggle, `section-${key}`);
		if (count !== undefined) toggle.createSpan({ cls: "attune-section-count", text: ` (${count})` });
		let body: HTMLElement | undefined;
		const redraw = () => {
			const b = body;
			if (b) keepFocus(b, () => {
				b.empty();
				draw(b, redraw);
			});
		};
		const show = (open: boolean) => {
			toggle.setAttribute("aria-expanded", String(open));
			body?.remove();
			body = undefined;
			if (!open) {
				toggle.removeAttribute("aria-controls");
				return;
			}
			// The ids link heading and body for screen readers; a closed section has no body to link.
			toggle.id = `attune-heading-${key}`;
			const b = this.root.createEl("section", { cls: "attune-section-body", attr: { id: `attune-body-${key}`, "aria-labelledby": toggle.id } });
			// Drawn detached, then placed under its heading in one step.
			b.remove();
			draw(b, redraw);
			heading.after(b);
			toggle.setAttribute("aria-controls", b.id);
			body = b;
		};
		show(isSectionOpen(this.ui, key, defaultOpen));
		ACTIONS.set(toggle, () => {
			const open = !isSectionOpen(this.ui, key, defaultOpen);
			this.ui.sections[key] = open;
			show(open);
			this.h.saveUi();
		});
	}

	button(parent: HTMLElement, text: string, focusKey: string, label: string, onClick: () => void, cls?: string | string[]): HTMLButtonElement {
		return actionButton(parent, text, focusKey, label, onClick, cls);
	}

	muted(parent: HTMLElement, text: string): HTMLElement {
		return parent.createEl("p", { cls: "attune-muted", text });
	}

	private select<T extends string>(parent: HTMLElement, key: string, label: string, options: readonly [T, string][], value: string, onChange: (v: T) => void): void {
		const wrap = parent.createEl("label", { cls: "attune-field" });
		wrap.createSpan({ cls: "attune-field-label", text: label });
		const sel = wrap.createEl("select", { cls: "dropdown attune-select", attr: { "aria-label": label } });
		FOCUS_KEYS.set(sel, key);
		for (const [v, text] of options) {
			const o = sel.createEl("option", { text, attr: { value: v } });
			if (v === value) o.selected = true;
		}
		sel.value = value;
		sel.addEventListener("change", () => onChange(sel.value as T));
	}

	private dateInput(parent: HTMLElement, key: string, label: string, value: string, onChange: (v: string) => void): void {
		const wrap = parent.createEl("label", { cls: "attune-field" });
		wrap.createSpan({ cls: "attune-field-label", text: label });
		const input = wrap.createEl("input", { cls: "attune-date", attr: { type: "date", "aria-label": label } });
		FOCUS_KEYS.set(input, key);
		input.value = value;
		input.addEventListener("change", () => onChange(input.value));
	}

	scopeBar(): void {
		const { choice, scope, options, summary } = this.m;
		const bar = this.root.createDiv({ cls: "attune-scope-bar", attr: { role: "group", "aria-label": "Summary scope" } });
		this.select(bar, "scope", "Scope", SCOPE_OPTIONS, choice.scope, (v) => this.h.setChoice({ scope: v }));
		if (choice.scope === "folder") {
			const folders: [string, string][] = [["", "Folder of the open note"], ...options.folders.map((f): [string, string] => [f, f])];
			if (choice.folder !== "" && !options.folders.includes(choice.folder)) folders.push([choice.folder, choice.folder]);
			this.select(bar, "folder", "Folder", folders, choice.folder, (v) => this.h.setChoice({ folder: v }));
		}
		this.select(bar, "range", "Dates", RANGE_OPTIONS, choice.range, (v) => this.h.setChoice({ range: v }));
		if (choice.range === "custom") {
			this.dateInput(bar, "from", "From", choice.from, (v) => this.h.setChoice({ from: v }));
			this.dateInput(bar, "to", "To", choice.to, (v) => this.h.setChoice({ to: v }));
		}
		const types: [string, string][] = [["", "All note types"], ...options.noteTypes.map((t): [string, string] => [t, t])];
		if (choice.noteType !== "" && !options.noteTypes.includes(choice.noteType)) types.push([choice.noteType, choice.noteType]);
		this.select(bar, "note-type", "Note type", types, choice.noteType, (v) => this.h.setChoice({ noteType: v }));
		const line = this.root.createDiv({ cls: "attune-scope-line", attr: { "aria-live": "polite" } });
		line.createSpan({ cls: "attune-scope-label", text: scope.label });
		line.createSpan({ cls: "attune-muted", text: ` · ${scope.dates} · ${plural(summary.notes, "note")}` });
	}

	notice(text: string): void {
		this.root.createDiv({ cls: "attune-empty" }).createEl("p", { text });
	}

	emptyState(): void {
		const box = this.root.createDiv({ cls: "attune-empty" });
		box.createEl("p", { cls: "attune-empty-title", text: "Nothing is tagged here yet." });
		const how = box.createEl("p");
		how.createSpan({ text: "To code an emotion, open a session note and run this command from the command palette: " });
		how.createEl("strong", { text: "Code client emotion" });
		how.createSpan({ text: ". It writes a tag such as #emotion/sadness/primary-adaptive where the text cursor is, and this summary counts it." });
	}

	overview(): void {
		this.section("overview", "Emotion process", undefined, (s) => {
			const shares = this.m.summary.processShares;
			const total = this.m.emotionTotal;
			const svg = svgEl(s, "svg", { class: "attune-share-bar", viewBox: "0 0 100 6", preserveAspectRatio: "none", role: "img", "aria-label": shares.filter((p) => p.count > 0).map((p) => `${PROCESS_LABELS[p.process]} ${pct(p.share)}`).join(", ") || "No client emotions" });
			let x = 0;
			for (const p of shares) {
				if (p.count === 0) continue;
				const w = total === 0 ? 0 : (p.count / total) * 100;
				svgEl(svg, "rect", { x: x.toFixed(3), width: w.toFixed(3), height: "6", class: `attune-fill-${p.process}` });
				x += w;
			}
			const list = s.createEl("ul", { cls: "attune-share-list" });
			for (const p of shares) {
				// The swatch is the item's ::before: one element fewer per line.
				const li = list.createEl("li", { cls: `attune-dot-${p.process}`, text: PROCESS_LABELS[p.process] });
				li.createSpan({ cls: "attune-share-count", text: `${p.count} (${pct(p.share)})` });
			}
			this.muted(s, `${plural(total, "client emotion")} in ${plural(this.m.summary.notes, "note")}.`);
		});
	}

	emotions(): void {
		const all = this.m.summary.rows.emotion;
		this.section("emotions", "Emotions", String(all.length), (s, redraw) => {
			if (all.length === 0) {
				this.muted(s, "No client emotions in this scope.");
				return;
			}
			const { key, descending } = this.ui.sort;
			const cmp: Record<EmotionSortKey, (a: SummaryRow, b: SummaryRow) => number> = {
				emotion: (a, b) => a.value.localeCompare(b.value),
				process: (a, b) => PROCESS_ORDER.indexOf(a.process ?? "unclassified") - PROCESS_ORDER.indexOf(b.process ?? "unclassified"),
				count: (a, b) => a.count - b.count,
				notes: (a, b) => a.notes - b.notes,
			};
			const rows = [...all].sort((a, b) => (descending ? -1 : 1) * cmp[key](a, b) || b.count - a.count || a.value.localeCompare(b.value));
			const table = s.createEl("table", { cls: "attune-table attune-emotion-table" });
			const head = table.createEl("thead").createEl("tr");
			const columns: [EmotionSortKey, string][] = [["emotion", "Emotion"], ["process", "Process"], ["count", "Occurrences"], ["notes", "Notes"]];
			for (const [k, title] of columns) {
				const th = head.createEl("th", { attr: { scope: "col", "aria-sort": k === key ? (descending ? "descending" : "ascending") : "none" } });
				const next = k === key ? !descending : k === "count" || k === "notes";
				this.button(th, title + (k === key ? (descending ? " ↓" : " ↑") : ""), `sort-${k}`, `Sort by ${title.toLowerCase()}, ${next ? "descending" : "ascending"}`, () => {
					this.ui.sort = { key: k, descending: next };
					redraw();
				}, ["attune-sort"]);
			}
			const body = table.createEl("tbody");
			for (const row of this.limit("emotions", rows)) {
				const emotion = row.value;
				const process = row.process ?? "unclassified";
				const sel: Selection = { kind: "emotion", emotion, process };
				const on = sameSelection(sel, this.m.selection);
				const tr = body.createEl("tr", on ? { cls: "attune-selected" } : undefined);
				// The row button and the numbers are styled by column in the style sheet, not by a class on every cell.
				this.button(tr.createEl("td"), emotion, `emotion-${emotion}-${process}`, `${on ? "Hide" : "Show"} passages for ${emotion}, ${processWords(process)} (${plural(row.count, "occurrence")})`, () => this.h.select(on ? undefined : sel))
					.setAttribute("aria-pressed", String(on));
				tr.createEl("td", { cls: `attune-dot-${process}`, text: PROCESS_LABELS[process] });
				tr.createEl("td", { text: String(row.count) });
				tr.createEl("td", { text: String(row.notes) });
			}
			this.more(s, "emotions", rows.length, "emotions", redraw);
			if (this.m.selection?.kind === "emotion") this.passages(s, `${this.m.selection.emotion}, ${processWords(this.m.selection.process)}`, redraw);
		});
	}

	/** The passages behind the selection: note, date, text; each opens the note at its line. */
	passages(parent: HTMLElement, title: string, redraw: () => void): void {
		const box = parent.createDiv({ cls: "attune-passages", attr: { role: "region", "aria-label": `Passages: ${title}` } });
		const head = box.createDiv({ cls: "attune-passages-head" });
		head.createEl("h5", { cls: "attune-passages-title", text: `Passages: ${title}` });
		this.button(head, "Close", "passages-close", "Close the passages", () => this.h.select(undefined), ["attune-small"]);
		const all = this.m.passages;
		if (all.length === 0) {
			this.muted(box, "No passages in this scope.");
			return;
		}
		const list = box.createEl("ol", { cls: "attune-passage-list" });
		for (const p of this.limit("passages", all)) this.passage(list.createEl("li", { cls: "attune-passage" }), p);
		this.more(box, "passages", all.length, "passages", redraw);
	}

	private passage(li: HTMLElement, p: OccurrenceRef): void {
		const where = `${p.date ?? "Undated"} · ${p.name} · line ${p.line + 1}`;
		const b = this.button(li, "", `passage-${p.path}-${p.line}-${p.tag}`, `Open ${p.name} at line ${p.line + 1}`, () => this.h.open(p.path, p.line), ["attune-passage-open"]);
		b.createSpan({ cls: "attune-passage-where", text: where });
		if (p.headings.length > 0) b.createSpan({ cls: "attune-passage-headings", text: p.headings.join(" › ") });
		const text = li.createDiv({ cls: "attune-passage-text", text: p.inProperties ? `In the note's properties: #${p.tag}` : "Reading…" });
		if (!p.inProperties) {
			this.h.loadPassage(p.path, p.line).then(
				(t) => text.setText(t === "" ? "(This line is empty now.)" : t),
				() => text.setText("This passage could not be read."),
			);
		}
	}

	/**
	 * "Across sessions" (trend-chart.ts). Open at first for a client, which is
	 * what it is for; closed elsewhere, where it is built only when opened
	 * (the whole vault's is a pass over every note).
	 */
	acrossSessions(trend: () => SessionTrend): void {
		const client = this.m.scope.client !== undefined;
		const wholeVault = Object.values(this.m.scope.filter).every((v) => v === undefined || v === "");
		const count = wholeVault ? undefined : String(trend().sessions.length);
		this.section("sessions", "Across sessions", count, (s, redraw) => {
			drawTrend(s, trend(), { ui: this.ui.trend, width: this.ui.width, open: (path) => this.h.open(path), saveUi: () => this.h.saveUi(), redraw });
		}, client);
	}

	withinSession(): void {
		const steps = this.m.sequence ?? [];
		this.section("sequence", "Within this session", String(steps.length), (s) => {
			if (steps.length === 0) {
				this.muted(s, "No client emotions in this note.");
				return;
			}
			const ol = s.createEl("ol", { cls: "attune-sequence" });
			steps.forEach((st, i) => {
				const li = ol.createEl("li", { cls: "attune-step" });
				const b = this.button(li, "", `step-${i}`, `${i + 1}: ${processWords(st.process)} ${st.emotion}, line ${st.line + 1}. Open the note there.`, () => this.h.open(st.path, st.line), ["attune-step-button", `attune-dot-${st.process}`]);
				b.createSpan({ cls: "attune-step-process", text: PROCESS_LABELS[st.process] });
				b.createSpan({ cls: "attune-step-emotion", text: st.emotion });
				if (st.antecedent !== "none") li.createSpan({ cls: "attune-step-after attune-muted", text: `after ${antecedentLabel(st.antecedent).toLowerCase()}` });
			});
		});
	}

	responses(): void {
		this.section("responses", "Responses and emotions", undefined, (s, redraw) => {
			const rows = this.m.antecedents;
			if (rows.length > 0) {
				this.muted(s, "The response or empathy mode coded just before each client emotion, by the emotion's process.");
				const wrap = s.createDiv({ cls: "attune-table-scroll" });
				const table = wrap.createEl("table", { cls: "attune-table attune-response-table" });
				const head = table.createEl("thead").createEl("tr");
				head.createEl("th", { text: "Coded just before", attr: { scope: "col" } });
				for (const c of PROCESS_ORDER) head.createEl("th", { cls: "attune-num", text: PROCESS_LABELS[c], attr: { scope: "col" } });
				head.createEl("th", { cls: "attune-num", text: "Total", attr: { scope: "col" } });
				const body = table.createEl("tbody");
				for (const row of rows) this.responseRow(body, row);
				if (this.m.selection?.kind === "antecedent") this.passages(s, `${processWords(this.m.selection.process)} emotions after ${antecedentLabel(this.m.selection.antecedent).toLowerCase()}`, redraw);
			}
			// Each closed family's counts, titled as the families table titles it.
			const counts = s.createDiv({ cls: "attune-count-groups" });
			for (const def of FAMILY_TABLE) {
				// A qualified value (compassion for oneself, for another) is one row each, said in words.
				const q = def.qualifier;
				if (!def.open) this.countList(counts, def.summary.title, this.m.summary.rows[def.key].map((r) => [labelFor(r.value) + (q && r.direction !== undefined ? `: ${(q.labels[r.direction] ?? r.direction).toLowerCase()}` : ""), r.count, r.notes]));
			}
		});
	}

	private responseRow(body: HTMLElement, row: AntecedentRow): void {
		const tr = body.createEl("tr");
		tr.createEl("th", { text: row.label, attr: { scope: "row" } });
		for (const c of PROCESS_ORDER) {
			const td = tr.createEl("td", { cls: "attune-num" });
			const n = row.counts[c];
			if (n === 0) {
				td.setText("·");
				td.setAttribute("aria-label", "None");
				continue;
			}
			const sel: Selection = { kind: "antecedent", antecedent: row.antecedent, process: c };
			const on = sameSelection(sel, this.m.selection);
			if (on) td.addClass("attune-selected");
			this.button(td, String(n), `cell-${row.antecedent}-${c}`, `${on ? "Hide" : "Show"} the ${plural(n, `${processWords(c)} emotion`)} after ${row.label.toLowerCase()}`, () => this.h.select(on ? undefined : sel), ["attune-cell-button"])
				.setAttribute("aria-pressed", String(on));
		}
		tr.createEl("td", { cls: "attune-num", text: String(row.total) });
	}

	private countList(parent: HTMLElement, title: string, rows: [string, number, number][]): void {
		const box = parent.createDiv({ cls: "attune-count-group" });
		box.createEl("h5", { text: title });
		if (rows.length === 0) {
			this.muted(box, "None coded.");
			return;
		}
		const ul = box.createEl("ul", { cls: "attune-count-list" });
		for (const [label, count, notes] of rows) {
			const li = ul.createEl("li", { text: label });
			li.createSpan({ cls: "attune-num attune-muted", text: `${count} in ${plural(notes, "note")}` });
		}
	}

	supervision(): void {
		const { review, comments, ratings, summary } = this.m;
		const c = summary.supervisorComments;
		if (review.length === 0 && c.open + c.resolved === 0 && ratings.length === 0) return;
		this.section("supervision", "Supervision", `${review.length} to review, ${plural(c.open, "open comment")}`, (s, redraw) => {
			s.createEl("h5", { text: `Review requested (${review.length})` });
			if (review.length === 0) this.muted(s, "No notes wait for review.");
			else {
				const ul = s.createEl("ul", { cls: "attune-link-list" });
				for (const item of this.limit("review", review)) {
					const who = [item.client, item.clinician].filter(Boolean).join(" · ");
					const b = this.button(ul.createEl("li"), "", `review-${item.path}`, `Open ${item.name}, review requested`, () => this.h.open(item.path), ["attune-link"]);
					b.createSpan({ text: `${item.date ?? "Undated"} · ${item.name}` });
					if (who) b.createSpan({ cls: "attune-muted", text: who });
				}
				this.more(s, "review", review.length, "notes", redraw);
			}
			s.createEl("h5", { text: `Open supervisor comments (${c.open} open, ${c.resolved} resolved)` });
			if (comments.length === 0) this.muted(s, "No open supervisor comments.");
			else {
				const ul = s.createEl("ul", { cls: "attune-link-list" });
				for (const cm of this.limit("comments", comments)) {
					const b = this.button(ul.createEl("li"), "", `comment-${cm.path}-${cm.line}`, `Open the comment in ${cm.name} at line ${cm.line + 1}`, () => this.h.open(cm.path, cm.line), ["attune-link"]);
					b.createSpan({ text: cm.text === "" ? "(No text)" : cm.text });
					b.createSpan({ cls: "attune-muted", text: `${cm.date ?? "Undated"} · ${cm.name} · line ${cm.line + 1}` });
				}
				this.more(s, "comments", comments.length, "comments", redraw);
			}
			if (ratings.length > 0) {
				s.createEl("h5", { text: "Ratings over time" });
				for (const series of ratings) {
					const wrap = s.createDiv({ cls: "attune-table-scroll" });
					const table = wrap.createEl("table", { cls: "attune-table attune-ratings" });
					table.createEl("caption", { text: series.label });
					const head = table.createEl("thead").createEl("tr");
					head.createEl("th", { text: "Date", attr: { scope: "col" } });
					for (const k of RATING_KEYS) head.createEl("th", { cls: "attune-num", text: RATING_LABELS[k], attr: { scope: "col" } });
					const body = table.createEl("tbody");
					for (const p of series.points) {
						const tr = body.createEl("tr");
						const th = tr.createEl("th", { attr: { scope: "row" } });
						this.button(th, p.date ?? "Undated", `rating-${p.path}`, `Open ${p.name}`, () => this.h.open(p.path), ["attune-link"]);
						for (const k of RATING_KEYS) tr.createEl("td", { cls: "attune-num", text: p.ratings[k] !== undefined ? String(p.ratings[k]) : "–" });
					}
				}
			}
		});
	}

	/**
	 * "Hours" (hours-section.ts): direct client and supervision hours. Its
	 * heading says the scope's totals, except for the whole vault, whose hours
	 * are a pass over every note, made only when the section is opened.
	 */
	hours(): void {
		const wholeVault = Object.values(this.m.scope.filter).every((v) => v === undefined || v === "");
		const h = wholeVault ? undefined : this.m.hours();
		const count = h ? `${hoursOf(h.direct.minutes)} direct, ${hoursOf(h.supervision.minutes)} supervision` : undefined;
		this.section("hours", "Hours", count, (s, redraw) => {
			drawHours(s, this.m.hours(), {
				open: (path) => this.h.open(path),
				limit: (key, items) => this.limit(key, items),
				more: (parent, key, total, noun) => this.more(parent, key, total, noun, redraw),
			});
		});
	}

	attention(): void {
		const list = this.m.diagnostics;
		const records = this.m.changedRecords;
		if (list.length === 0 && records.length === 0) return;
		this.section("attention", "Needs attention", String(records.length + list.length), (s, redraw) => {
			if (records.length > 0) {
				// A changed record first: it is what a reviewer or an auditor would ask about.
				const ul = s.createEl("ul", { cls: "attune-link-list attune-changed-records" });
				for (const r of this.limit("records", records)) {
					const b = this.button(ul.createEl("li"), "", `record-${r.path}`, `Open ${r.path}: ${STATUS_WORDS[r.status].toLowerCase()}`, () => this.h.open(r.path), ["attune-link"]);
					b.createSpan({ cls: "attune-diagnostic-where", text: r.path });
					b.createSpan({ cls: "attune-diagnostic-message", text: `${STATUS_WORDS[r.status]}${r.finalizedOn ? ` (finalized ${readableDateTime(r.finalizedOn)})` : ""}.` });
				}
				this.more(s, "records", records.length, "changed notes", redraw);
			}
			if (list.length === 0) return;
			const ul = s.createEl("ul", { cls: "attune-link-list attune-diagnostics" });
			for (const d of this.limit("diagnostics", list)) {
				const b = this.button(ul.createEl("li"), "", `diagnostic-${d.path}-${d.line}-${d.code}-${d.tag}`, `Open ${d.path} at line ${d.line}: ${d.message}`, () => this.h.open(d.path, d.line - 1), ["attune-link"]);
				b.createSpan({ cls: "attune-diagnostic-where", text: `${d.path}:${d.line} · ${d.tag}` });
				b.createSpan({ cls: "attune-diagnostic-message", text: d.message });
			}
			this.more(s, "diagnostics", list.length, "problems", redraw);
		});
	}

	exportBar(): void {
		this.section("export", "Export", undefined, (s) => {
			const row = s.createDiv({ cls: "attune-export" });
			this.button(row, "Copy as Markdown", "export-copy", "Copy the summary as a Markdown table", () => this.h.exportSummary("copy"));
			this.button(row, "Insert into note", "export-insert", "Insert the summary into the open note at the cursor", () => this.h.exportSummary("insert"));
			this.button(row, "Save as CSV", "export-csv", "Save the summary as a new CSV file", () => this.h.exportSummary("csv"));
		});
	}

	limit<T>(key: string, items: readonly T[]): readonly T[] {
		return this.ui.expanded.has(key) || items.length <= LIST_LIMIT ? items : items.slice(0, LIST_LIMIT);
	}

	/** "Show all N" under a shortened list, and "Show fewer" once it is shown in full; both redraw only their section. */
	more(parent: HTMLElement, key: string, total: number, noun: string, redraw: () => void): void {
		if (total <= LIST_LIMIT) return;
		const all = this.ui.expanded.has(key);
		const text = all ? "Show fewer" : `Show all ${total} ${noun}`;
		const label = all ? `Show fewer: the first ${LIST_LIMIT} ${noun}` : text;
		// One focus key for both, so keyboard focus stays on the button as it flips.
		this.button(parent, text, `more-${key}`, label, () => {
			if (all) this.ui.expanded.delete(key);
			else this.ui.expanded.add(key);
			redraw();
		}, ["attune-small", "attune-more"]);
	}
}
