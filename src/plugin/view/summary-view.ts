/**
 * The emotion summary sidebar: a thin shell around the core's model and the
 * plain-DOM renderer. It follows the open note, re-renders debounced and only
 * while visible, and reads a passage's text only when the passage is shown.
 */
import { ItemView, Notice, TFile, type ViewStateResult, type WorkspaceLeaf, debounce } from "obsidian";
import { type ScopeChoice, choiceFromSettings, choiceFromState, settingsWithChoice } from "../../core/sidebar/scope";
import { type Selection } from "../../core/sidebar/queries";
import { type SummaryViewModel, buildViewModel } from "../../core/sidebar/view-model";
import { VaultInsights } from "../../core/sidebar/vault-insights";
import { localIsoDate } from "../../core/time";
import { passageAt } from "../../core/markdown/passages";
import type { AttuneContext } from "../context";
import { copySummary, insertSummary, saveSummaryCsv } from "./export";
import { type SummaryViewHandlers, type SummaryViewUi, defaultUi, renderSummaryView, sectionsFromState } from "./render";
import { trendUiFromState, trendUiState } from "./trend-chart";
import { clientSessionFolder } from "../../core/authoring/new-note";

/** The view type Obsidian stores in the workspace layout. */
export const VIEW_TYPE_SUMMARY = "attune-summary";
/** The view's and the ribbon's icon (Lucide). */
export const SUMMARY_ICON = "heart-pulse";

/**
 * Index changes arrive one note at a time, in bursts while the vault is
 * first read; at most one render per this many milliseconds keeps the
 * sidebar live without re-rendering for every note.
 */
export const RENDER_DEBOUNCE_MS = 300;

/** The sidebar view. Holds no reference outside itself: everything it registers dies with it. */
export class SummaryView extends ItemView {
	private choice: ScopeChoice;
	private selection: Selection | undefined;
	private readonly ui: SummaryViewUi = defaultUi();
	/** The Markdown note last active in the workspace: what "this note" and "this client" follow. */
	private focusPath: string | undefined;
	private insights: VaultInsights | undefined;
	/** What the last render showed; a render with the same key would show the same thing. */
	private renderedKey = "";
	/** A change arrived while hidden: render when shown again. */
	private stale = false;
	private model: SummaryViewModel | undefined;
	private readonly scheduleRender = debounce(() => this.renderIfVisible(), RENDER_DEBOUNCE_MS, false);
	private readonly handlers: SummaryViewHandlers;

	constructor(leaf: WorkspaceLeaf, private readonly ctx: AttuneContext) {
		super(leaf);
		this.choice = choiceFromSettings(ctx.settings());
		this.handlers = {
			setChoice: (patch) => this.setChoice(patch),
			select: (sel) => {
				this.selection = sel;
				this.render();
			},
			open: (path, line) => void this.openAt(path, line),
			loadPassage: (path, line) => this.loadPassage(path, line),
			exportSummary: (how) => void this.exportSummary(how),
			// Obsidian saves the open and closed sections, and the chart's shares or counts, with the layout (see getState).
			saveUi: () => this.app.workspace.requestSaveLayout(),
		};
	}

	getViewType(): string {
		return VIEW_TYPE_SUMMARY;
	}

	getDisplayText(): string {
		return "Emotion summary";
	}

	getIcon(): string {
		return SUMMARY_ICON;
	}

	/** A render is waiting for the vault to be read in full. */
	private awaitingReading = false;

	async onOpen(): Promise<void> {
		const { workspace, vault } = this.app;
		this.insights = new VaultInsights(this.ctx.index);
		this.register(() => this.insights?.dispose());
		this.register(this.ctx.index.onChange(() => this.scheduleRender()));
		this.register(this.ctx.records.onChange(() => this.scheduleRender()));
		this.register(() => this.scheduleRender.cancel());
		this.registerEvent(workspace.on("active-leaf-change", () => this.followActive()));
		this.registerEvent(workspace.on("file-open", () => this.followActive()));
		this.registerEvent(workspace.on("layout-change", () => this.renderIfVisible()));
		this.registerEvent(vault.on("rename", (file, oldPath) => {
			if (oldPath === this.focusPath) {
				this.focusPath = file.path;
				this.scheduleRender();
			}
		}));
		this.focusPath = workspace.getActiveFile()?.path;
		this.stale = true;
		this.renderIfVisible();
	}

	async onClose(): Promise<void> {
		this.scheduleRender.cancel();
		this.contentEl.empty();
	}

	/** Obsidian calls this when the view is resized, including when its sidebar is shown again. */
	onResize(): void {
		this.renderIfVisible();
	}

	getState(): Record<string, unknown> {
		return { ...super.getState(), ...this.choice, sections: { ...this.ui.sections }, ...trendUiState(this.ui.trend) };
	}

	async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const next = choiceFromState(state, this.choice);
		if (JSON.stringify(next) !== JSON.stringify(this.choice)) {
			this.choice = next;
			await this.ctx.saveSettings(settingsWithChoice(this.ctx.settings(), next), { incidental: true });
		}
		const sections = sectionsFromState(state);
		if (sections && JSON.stringify(sections) !== JSON.stringify(this.ui.sections)) {
			this.ui.sections = sections;
			// The model is unchanged but what is drawn is not: render even if the key matches.
			this.stale = true;
		}
		const trend = trendUiFromState(state, this.ui.trend);
		if (trend.mode !== this.ui.trend.mode || trend.table !== this.ui.trend.table) {
			this.ui.trend = trend;
			this.stale = true;
		}
		await super.setState(state, result);
		this.renderIfVisible();
	}

	/** The model last rendered (for tests and the benchmark). */
	get currentModel(): SummaryViewModel | undefined {
		return this.model;
	}

	private followActive(): void {
		const file = this.app.workspace.getActiveFile();
		// The sidebar itself, or a non-note view, keeps the note it followed.
		if (!file || file.extension !== "md" || file.path === this.focusPath) return;
		this.focusPath = file.path;
		if (this.choice.scope === "vault" || (this.choice.scope === "folder" && this.choice.folder !== "")) return;
		this.renderIfVisible();
	}

	private setChoice(patch: Partial<ScopeChoice>): void {
		this.choice = { ...this.choice, ...patch };
		if (patch.range === "custom" && this.choice.from === "" && this.choice.to === "") {
			// Start a custom range where "last 30 days" would, so the inputs are never blank.
			const now = this.ctx.now();
			this.choice.from = localIsoDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 29));
			this.choice.to = localIsoDate(now);
		}
		void this.ctx.saveSettings(settingsWithChoice(this.ctx.settings(), this.choice), { incidental: true });
		this.app.workspace.requestSaveLayout();
		this.render();
	}

	private renderIfVisible(): void {
		if (!this.containerEl.isShown()) {
			this.stale = true;
			return;
		}
		this.render(this.stale);
	}

	/** Renders unless nothing it shows has changed since the last render. */
	private render(force = false): void {
		if (!this.insights) return;
		const now = this.ctx.now();
		// The width is in the key: the chart is drawn to the sidebar's width, so a resize draws it again.
		const key = JSON.stringify([this.ctx.index.revision, this.ctx.records.revision, this.choice, this.focusPath, this.selection, localIsoDate(now), this.contentEl.clientWidth]);
		if (!force && key === this.renderedKey) return;
		this.renderedKey = key;
		this.stale = false;
		const sessionFolder = this.ctx.settings().sessionFolder;
		this.model = buildViewModel(this.ctx.index, this.insights, this.choice, this.focusPath, now, this.selection, { clientFolder: (c) => clientSessionFolder(sessionFolder, c), vocab: this.ctx.vocab(), changedRecords: this.ctx.records.changed(), excluded: (p) => this.ctx.indexer.userExcluded(p), exportFolder: this.ctx.settings().exportFolder });
		const reading = this.ctx.indexer.reading;
		if (reading) {
			this.model.reading = reading;
			// The last notes may change nothing in the index: render again once reading is done.
			this.renderedKey = "";
			if (!this.awaitingReading) {
				this.awaitingReading = true;
				void this.ctx.indexer.ready.then(() => {
					this.awaitingReading = false;
					this.scheduleRender();
				});
			}
		}
		renderSummaryView(this.contentEl, this.model, this.handlers, this.ui);
	}

	private async openAt(path: string, line?: number): Promise<void> {
		const file = this.app.vault.getFileByPath(path);
		if (!file) {
			new Notice(`“${path}” no longer exists.`);
			return;
		}
		await this.app.workspace.getLeaf(false).openFile(file, line === undefined ? { active: true } : { active: true, eState: { line } });
	}

	private async loadPassage(path: string, line: number): Promise<string> {
		const file = this.app.vault.getAbstractFileByPath(path);
		if (!(file instanceof TFile)) throw new Error("The note no longer exists.");
		return passageAt(await this.app.vault.cachedRead(file), line).text;
	}

	private async exportSummary(how: "copy" | "insert" | "csv"): Promise<void> {
		const model = this.model;
		if (!model) return;
		if (model.reading) {
			new Notice("The vault is still being read, so the summary is not complete yet. Try again in a moment.");
			return;
		}
		if (how === "copy") await copySummary(model);
		else if (how === "insert") insertSummary(this.app, model, this.focusPath);
		else await saveSummaryCsv(this.app, model, this.focusPath, this.ctx.now());
	}
}
