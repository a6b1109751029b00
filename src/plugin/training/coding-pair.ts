/**
 * Which two notes "Compare coding" compares: from a coding copy, the note its
 * `coding-of` links to; from an original, the copy whose `coding-of` links to
 * it. Anything else (no copy, several, a link that leads nowhere) is a choice
 * the user makes in a picker. The original is always coder A, as in
 * `attune agree <original> <copy>`.
 */
import { type App, FuzzySuggestModal, Notice, TFile } from "obsidian";
import type { AttuneContext } from "../context";

/** The two codings: the original (coder A) and the copy (coder B). */
export interface CodingPair {
	a: TFile;
	b: TFile;
}

/** Notes to choose the other coding from; `fileIs` says which coder the open note is. */
export interface PairChoice {
	offer: TFile[];
	prompt: string;
	fileIs: "a" | "b";
}

const byPath = (x: TFile, y: TFile) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0);

/** The file a record's `coding-of` leads to, as Obsidian resolves the link. */
function originalOf(ctx: AttuneContext, copyPath: string, codingOf: string): TFile | null {
	return ctx.app.metadataCache.getFirstLinkpathDest(codingOf, copyPath);
}

/** The coding copies whose `coding-of` leads to this note. */
export function copiesOf(ctx: AttuneContext, file: TFile): TFile[] {
	const out: TFile[] = [];
	for (const r of ctx.index.codingCopies()) {
		if (r.path === file.path || originalOf(ctx, r.path, r.props.codingOf!)?.path !== file.path) continue;
		const f = ctx.app.vault.getFileByPath(r.path);
		if (f) out.push(f);
	}
	return out.sort(byPath);
}

/**
 * The pair for a note, found through `coding-of` in either direction, or
 * the notes to offer in a picker, with the picker's prompt.
 */
export function findPair(ctx: AttuneContext, file: TFile): CodingPair | PairChoice {
	const codingOf = ctx.index.get(file.path)?.props.codingOf;
	if (codingOf !== undefined) {
		const original = originalOf(ctx, file.path, codingOf);
		if (original && original.path !== file.path) return { a: original, b: file };
		new Notice(`This note is a coding copy of “${codingOf}”, which was not found. Choose the note to compare it with.`);
		return { offer: notesBut(ctx, file), prompt: "Choose the original note of this coding copy", fileIs: "b" };
	}
	const copies = copiesOf(ctx, file);
	if (copies.length === 1) return { a: file, b: copies[0]! };
	if (copies.length > 1) return { offer: copies, prompt: "Choose the coding copy to compare with", fileIs: "a" };
	return { offer: notesBut(ctx, file), prompt: "No coding copy links to this note: choose the other coding", fileIs: "a" };
}

/** Every other Markdown note, by path. */
function notesBut(ctx: AttuneContext, file: TFile): TFile[] {
	return ctx.app.vault.getMarkdownFiles().filter((f) => f.path !== file.path).sort(byPath);
}

/** Picks a note to compare with. */
export class CodingPicker extends FuzzySuggestModal<TFile> {
	constructor(app: App, private readonly notes: TFile[], prompt: string, private readonly chosen: (file: TFile) => void) {
		super(app);
		this.setPlaceholder(prompt);
		this.emptyStateText = "No note matches.";
	}

	getItems(): TFile[] {
		return this.notes;
	}

	getItemText(file: TFile): string {
		return file.path;
	}

	onChooseItem(file: TFile): void {
		this.chosen(file);
	}
}

/** Whether a file is a note that can be compared. */
export const isNote = (f: unknown): f is TFile => f instanceof TFile && f.extension === "md";
