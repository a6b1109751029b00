/**
 * Suggestions while typing a tag: `#emotion/` offers the emotions, and after
 * the next `/` the four emotion processes; the other families offer their
 * vocabularies. Family words come from settings.
 */
import { type App, type Editor, type EditorPosition, EditorSuggest, type EditorSuggestContext, type EditorSuggestTriggerInfo, type TFile } from "obsidian";
import { blockedContextAt } from "../../core/markdown/context";
import { wordChoices } from "../../core/authoring/word-choices";
import { type Family, familyDef } from "../../core/vocabulary/families";
import { type Vocabulary } from "../../core/vocabulary/vocabulary";

/** One suggestion: the text that replaces the typed part, and what is shown. */
export interface TagSuggestion {
	value: string;
	label: string;
	detail?: string;
}

/** What the typed tag is: a family, and which segment is being typed. */
export interface TagQuery {
	family: Family;
	/** `value` while typing the first segment, `process` while typing the second (an emotion's class, compassion's direction). */
	segment: "value" | "process";
	/** The text typed so far in that segment. */
	typed: string;
	/** Column where that segment starts. */
	startCh: number;
}

/**
 * Reads the tag being typed before the cursor, if it is one of Attune's
 * families: `#family/` at the start of a line or after white space.
 */
export function tagQueryAt(lineBeforeCursor: string, vocab: Vocabulary): TagQuery | null {
	const m = /(?:^|\s)#([^\s#/]+)\/([^\s#/]*)(?:\/([^\s#/]*))?$/u.exec(lineBeforeCursor);
	if (!m) return null;
	const family = vocab.byWord.get(m[1]!.toLowerCase());
	if (family === undefined) return null;
	if (m[3] !== undefined) {
		if (!familyDef(family).qualifier) return null;
		return { family, segment: "process", typed: m[3], startCh: lineBeforeCursor.length - m[3].length };
	}
	const typed = m[2]!;
	return { family, segment: "value", typed, startCh: lineBeforeCursor.length - typed.length };
}

/** The suggestions for a typed tag, filtered by what was typed (prefix matches first). */
export function tagSuggestions(q: TagQuery, vocab: Vocabulary, used: (family: Family) => { value: string; count: number }[]): TagSuggestion[] {
	const typed = q.typed.toLowerCase();
	const qualifier = familyDef(q.family).qualifier;
	const items: TagSuggestion[] = q.segment === "process"
		? (qualifier?.words ?? []).map((p) => ({ value: p, label: p, detail: qualifier?.labels[p] }))
		: wordChoices(vocab, q.family, used(q.family)).map((c) => ({
			value: c.value,
			label: c.value,
			detail: [c.label !== c.value ? c.label : "", c.uses ? `used ${c.uses}×` : ""].filter(Boolean).join(" · ") || undefined,
		}));
	if (typed === "") return items;
	const prefix = items.filter((i) => i.value.startsWith(typed));
	const inside = items.filter((i) => !i.value.startsWith(typed) && (i.value.includes(typed) || (i.detail ?? "").toLowerCase().includes(typed)));
	return [...prefix, ...inside];
}

/** The editor suggestion for Attune's tag families. */
export class TagSuggest extends EditorSuggest<TagSuggestion> {
	constructor(
		app: App,
		private readonly vocab: () => Vocabulary,
		private readonly used: (family: Family) => { value: string; count: number }[],
	) {
		super(app);
		this.limit = 50;
	}

	onTrigger(cursor: EditorPosition, editor: Editor, _file: TFile | null): EditorSuggestTriggerInfo | null {
		const before = editor.getLine(cursor.line).slice(0, cursor.ch);
		// Cheap test first: this runs on every key press.
		if (!before.includes("#") || !before.includes("/")) return null;
		const q = tagQueryAt(before, this.vocab());
		if (!q) return null;
		if (blockedContextAt(editor.getValue(), cursor.line, q.startCh) !== null) return null;
		return { start: { line: cursor.line, ch: q.startCh }, end: cursor, query: q.typed };
	}

	getSuggestions(context: EditorSuggestContext): TagSuggestion[] {
		const before = context.editor.getLine(context.end.line).slice(0, context.end.ch);
		const q = tagQueryAt(before, this.vocab());
		return q ? tagSuggestions(q, this.vocab(), this.used) : [];
	}

	renderSuggestion(item: TagSuggestion, el: HTMLElement): void {
		el.addClass("attune-picker-item");
		el.createDiv({ cls: "attune-picker-label", text: item.label });
		if (item.detail) el.createDiv({ cls: "attune-picker-detail", text: item.detail });
	}

	selectSuggestion(item: TagSuggestion, _evt: MouseEvent | KeyboardEvent): void {
		const ctx = this.context;
		if (!ctx) return;
		const end = { line: ctx.end.line, ch: ctx.end.ch };
		ctx.editor.replaceRange(item.value, ctx.start, end);
		ctx.editor.setCursor({ line: ctx.start.line, ch: ctx.start.ch + item.value.length });
		this.close();
	}
}
