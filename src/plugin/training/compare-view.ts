/**
 * The "Compare coding" view: κ and agreement per family and per code for two
 * codings of one session, and the disagreements side by side, each opening
 * its passage in either note. The numbers are those of `attune agree`; note
 * text is drawn as text. It follows edits to either note.
 */
import { ItemView, MarkdownView, Notice, type TFile, type ViewStateResult, type WorkspaceLeaf, debounce } from "obsidian";
import type { AttuneContext } from "../context";
import { compareCodings } from "../../core/training/agree";
import { type ComparisonModel, type DifferingCode, comparisonModel, formatKappa, formatPercent } from "../../core/training/compare";
import { LANDIS_KOCH } from "../../core/training/kappa";
import { isNote } from "./coding-pair";

/** The view type Obsidian stores in the workspace layout. */
export const VIEW_TYPE_COMPARE = "attune-compare-coding";

/**
 * Edits arrive as index changes, one per save; a quarter second gathers a
 * burst of them (typing with autosave) into one comparison, which reads both notes.
 */
const RENDER_DEBOUNCE_MS = 250;

/** What the view compares: two vault paths, coder A's (the original) and coder B's. */
export interface CompareState {
	a: string;
	b: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const codeText = (d: DifferingCode) => `${d.label}: ${d.code}`;

export class CompareCodingView extends ItemView {
	private state: CompareState | undefined;
	private model: ComparisonModel | undefined;
	private readonly scheduleRender = debounce(() => void this.render(), RENDER_DEBOUNCE_MS, true);

	constructor(leaf: WorkspaceLeaf, private readonly ctx: AttuneContext) {
		super(leaf);
	}

	getViewType(): string {
		return VIEW_TYPE_COMPARE;
	}

	getDisplayText(): string {
		return "Compare coding";
	}

	getIcon(): string {
		return "columns-2";
	}

	async onOpen(): Promise<void> {
		this.register(this.ctx.index.onChange((change) => {
			const s = this.state;
			if (s && (change.kind === "clear" || [change.path, change.oldPath].some((p) => p === s.a || p === s.b))) this.scheduleRender();
		}));
		this.register(() => this.scheduleRender.cancel());
		this.registerEvent(this.app.vault.on("rename", (file, oldPath) => {
			const s = this.state;
			if (!s || (oldPath !== s.a && oldPath !== s.b)) return;
			this.state = { a: oldPath === s.a ? file.path : s.a, b: oldPath === s.b ? file.path : s.b };
			this.app.workspace.requestSaveLayout();
		}));
		await this.render();
	}

	async onClose(): Promise<void> {
		this.scheduleRender.cancel();
		this.contentEl.empty();
	}

	getState(): Record<string, unknown> {
		return this.state ? { ...super.getState(), ...this.state } : super.getState();
	}

	async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const s = state as Partial<CompareState> | null;
		if (s && typeof s.a === "string" && typeof s.b === "string") this.state = { a: s.a, b: s.b };
		await super.setState(state, result);
		await this.render();
	}

	/** The model last drawn (for tests). */
	get currentModel(): ComparisonModel | undefined {
		return this.model;
	}

	/** Reads both notes, compares them, and draws the result. */
	async render(): Promise<void> {
		const el = this.contentEl;
		const s = this.state;
		const files = s ? [this.app.vault.getAbstractFileByPath(s.a), this.app.vault.getAbstractFileByPath(s.b)] : [];
		const [fa, fb] = files;
		if (!s || !isNote(fa) || !isNote(fb)) {
			this.model = undefined;
			el.empty();
			el.addClass("attune-compare");
			el.createEl("p", { cls: "attune-empty", text: s ? "One of the two notes no longer exists. Open a note and run \"Compare coding\" again." : "Open a session note or its coding copy and run \"Compare coding\"." });
			return;
		}
		const [ta, tb] = await Promise.all([this.app.vault.cachedRead(fa), this.app.vault.cachedRead(fb)]);
		const vocab = this.ctx.vocab();
		this.model = comparisonModel(compareCodings(ta, tb, vocab), vocab);
		this.draw(this.model, fa, fb);
	}

	private coderName(file: TFile): string {
		const coder = this.ctx.index.get(file.path)?.props.coder;
		return coder ? `${file.basename}, coded by ${coder}` : file.basename;
	}

	private draw(m: ComparisonModel, fa: TFile, fb: TFile): void {
		const el = this.contentEl;
		el.empty();
		el.addClass("attune-compare");
		el.createEl("h4", { text: "Compare coding" });
		const who = el.createEl("p", { cls: "attune-compare-coders" });
		who.createEl("strong", { text: "A: " });
		who.createSpan({ text: this.coderName(fa) });
		who.createEl("br");
		who.createEl("strong", { text: "B: " });
		who.createSpan({ text: this.coderName(fb) });
		el.createEl("p", { cls: "attune-muted", text: `Units matched: ${m.units.matched}. Left out, found in one note only: ${m.units.onlyA} in A, ${m.units.onlyB} in B.` });

		el.createEl("h5", { text: "Agreement" });
		const table = el.createEl("table", { cls: ["attune-table", "attune-compare-table"] });
		const head = table.createEl("thead").createEl("tr");
		for (const h of ["Code", "κ", "Agreement", "Both", "A only", "B only", "Neither"]) head.createEl("th", { text: h });
		const body = table.createEl("tbody");
		for (const f of m.families) {
			const row = body.createEl("tr", { cls: "attune-compare-family", attr: { "data-family": f.key } });
			row.createEl("th", { text: f.label, attr: { scope: "row" } });
			row.createEl("td", { cls: "attune-compare-kappa", text: f.kappa === null ? formatKappa(f.kappa) : `${formatKappa(f.kappa)} (${f.verbal})` });
			row.createEl("td", { cls: "attune-compare-agreement", text: formatPercent(f.agreement) });
			row.createEl("td", { cls: "attune-muted", text: f.codes.length === 0 ? "no code given by either coder" : "pooled", attr: { colspan: "4" } });
			for (const c of f.codes) {
				const cr = body.createEl("tr", { cls: "attune-compare-code", attr: { "data-family": f.key, "data-code": c.code } });
				cr.createEl("td", { cls: "attune-compare-code-name", text: c.code });
				cr.createEl("td", { cls: "attune-compare-kappa", text: formatKappa(c.kappa) });
				cr.createEl("td");
				for (const n of [c.both, c.aOnly, c.bOnly, c.neither]) cr.createEl("td", { cls: "attune-compare-count", text: String(n) });
			}
		}
		el.createEl("p", { cls: "attune-muted", text: `Pooled κ: De Vries et al. (2008). Verbal labels: ${LANDIS_KOCH} The figures describe the two coders, never the client.` });

		el.createEl("h5", { text: m.disagreements.length === 0 ? "No disagreements in the matched units" : `Where the coders differ (${plural(m.disagreements.length, "passage")})` });
		for (const d of m.disagreements) {
			const unit = el.createDiv({ cls: "attune-compare-unit" });
			unit.createEl("p", { cls: "attune-compare-text", text: d.text });
			const sides = unit.createDiv({ cls: "attune-compare-sides" });
			this.side(sides, "A", fa, d.lineA, d.tagsA, d.onlyA);
			this.side(sides, "B", fb, d.lineB, d.tagsB, d.onlyB);
		}
	}

	/** One coder's column of a disagreement: their tags, what only they gave, and a button to the passage. */
	private side(parent: HTMLElement, coder: "A" | "B", file: TFile, line: number, tags: string[], only: DifferingCode[]): void {
		const col = parent.createDiv({ cls: "attune-compare-side", attr: { "data-coder": coder.toLowerCase() } });
		col.createEl("strong", { text: `${coder}, line ${line}` });
		col.createEl("p", { cls: "attune-compare-tags", text: tags.length === 0 ? "no codes" : tags.map((t) => `#${t}`).join(" ") });
		if (only.length > 0) col.createEl("p", { cls: "attune-compare-only", text: `Only ${coder}: ${only.map(codeText).join(", ")}` });
		const open = col.createEl("button", { text: `Open in ${coder}`, attr: { type: "button", "aria-label": `Open line ${line} of ${file.basename}` } });
		open.addEventListener("click", () => void this.openAt(file.path, line));
	}

	/** Opens a note at a 1-based line: in a tab already showing it, else in a new tab beside this view. */
	private async openAt(path: string, line: number): Promise<void> {
		const file = this.app.vault.getFileByPath(path);
		if (!file) {
			new Notice(`“${path}” no longer exists.`);
			return;
		}
		const { workspace } = this.app;
		const showing = workspace.getLeavesOfType("markdown").find((l) => l.view instanceof MarkdownView && l.view.file?.path === path);
		const leaf = showing ?? workspace.getLeaf("tab");
		// Obsidian's `line` is 0-based.
		await leaf.openFile(file, { active: true, eState: { line: line - 1 } });
	}
}
