/**
 * The browser preview: the sidebar's real rendering code and core queries,
 * over a vault's records, in a page styled with Obsidian's default variables.
 * A note pane on the left stands in for the editor: opening a passage shows
 * its note with the line marked, and the sidebar follows the open note.
 */
import { type ScopeChoice } from "../src/core/sidebar/scope";
import { type Selection } from "../src/core/sidebar/queries";
import { VaultInsights } from "../src/core/sidebar/vault-insights";
import { buildViewModel } from "../src/core/sidebar/view-model";
import { passageAt } from "../src/core/markdown/passages";
import { renderMarkdown } from "../src/core/sidebar/report";
import { type SummaryViewHandlers, defaultUi, renderSummaryView } from "../src/plugin/view/render";
import { type PreviewData, indexFrom } from "./data";
import { installDomHelpers } from "./dom-helpers";

installDomHelpers(window);

const data = (window as unknown as { ATTUNE_PREVIEW: PreviewData }).ATTUNE_PREVIEW;
const index = indexFrom(data.records);
const insights = new VaultInsights(index);
const now = new Date(data.now);
let choice: ScopeChoice = { scope: "client", folder: "", range: "all", from: "", to: "", noteType: "" };
let selection: Selection | undefined;
let activePath = data.activePath;
const ui = defaultUi();

const app = document.body.createDiv({ cls: "preview-app" });
const notePane = app.createDiv({ cls: "preview-note", attr: { role: "main", "aria-label": "Note" } });
const sidebar = app.createDiv({ cls: "preview-sidebar", attr: { role: "complementary", "aria-label": "Emotion summary" } });
const content = sidebar.createDiv({ cls: "view-content" });
const status = sidebar.createDiv({ cls: "attune-muted preview-status", attr: { "aria-live": "polite" } });

function showNote(path: string, line?: number): void {
	notePane.empty();
	const pick = notePane.createEl("label", { cls: "attune-field" });
	pick.createSpan({ cls: "attune-field-label", text: "Open note" });
	const sel = pick.createEl("select", { cls: "dropdown preview-open", attr: { "aria-label": "Open note" } });
	for (const p of Object.keys(data.texts).sort()) sel.createEl("option", { text: p, attr: { value: p } });
	sel.value = path;
	sel.addEventListener("change", () => open(sel.value));
	notePane.createEl("h2", { cls: "preview-note-title", text: path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/, ""), attr: { "data-path": path } });
	const pre = notePane.createEl("pre", { cls: "preview-note-text" });
	(data.texts[path] ?? "").split(/\r\n|\r|\n/).forEach((l, i) => {
		const span = pre.createSpan({ cls: "preview-line", text: `${l}\n`, attr: { "data-line": String(i) } });
		if (i === line) {
			span.addClass("is-target");
			span.scrollIntoView({ block: "center" });
		}
	});
}

function open(path: string, line?: number): void {
	activePath = path;
	showNote(path, line);
	render();
}

const handlers: SummaryViewHandlers = {
	setChoice: (patch) => {
		choice = { ...choice, ...patch };
		render();
	},
	select: (s) => {
		selection = s;
		render();
	},
	open: (path, line) => open(path, line),
	loadPassage: (path, line) => Promise.resolve(passageAt(data.texts[path] ?? "", line).text),
	exportSummary: (how) => {
		if (how !== "copy") {
			status.setText("Inside Obsidian this inserts the summary into the open note or saves it as a CSV file.");
			return;
		}
		const model = buildViewModel(index, insights, choice, activePath, now, selection);
		navigator.clipboard.writeText(renderMarkdown(model.summary)).then(
			() => status.setText("Copied the summary as a Markdown table."),
			() => status.setText("The clipboard is not available in this preview."),
		);
	},
	// The page has no workspace layout to save into; `ui` keeps the sections for the page's life.
	saveUi: () => {},
};

function render(): void {
	renderSummaryView(content, buildViewModel(index, insights, choice, activePath, now, selection), handlers, ui);
}

/** The preview's theme, switched by the browser test: `light` or `dark`. */
function setTheme(theme: "light" | "dark"): void {
	document.body.removeClass("theme-light", "theme-dark");
	document.body.addClass(`theme-${theme}`);
}
(window as unknown as { attunePreview: { setTheme: typeof setTheme } }).attunePreview = { setTheme };

setTheme("light");
showNote(activePath);
render();
