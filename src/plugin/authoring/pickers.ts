/**
 * The pickers of the coding commands: fuzzy lists of tag values (of one
 * family, or of every family for "Code passage…") and of a value's second
 * segment, each resolving to the choice, or null when closed.
 */
import { type App, FuzzySuggestModal, type FuzzyMatch } from "obsidian";
import { type PassageChoice, type WordChoice, typedWord } from "../../core/authoring/word-choices";
import { FAMILY_LABELS, type Family, type QualifierDef, familyDef, labelFor } from "../../core/vocabulary/families";

/**
 * A fuzzy picker that resolves to the chosen item's result, or to null when
 * closed without a choice. Obsidian closes a suggest modal before it calls
 * `onChooseItem`, so "closed without a choice" is only known once the
 * current task has finished.
 */
abstract class ResolvingPicker<T, R> extends FuzzySuggestModal<T> {
	private resolve: (value: R | null) => void = () => undefined;
	private chosen = false;

	/** What choosing an item resolves to. */
	protected abstract result(item: T): R;

	/** Opens the picker; resolves to the chosen item's result, or null. */
	pick(): Promise<R | null> {
		return new Promise((resolve) => {
			this.resolve = resolve;
			this.open();
		});
	}

	onChooseItem(item: T): void {
		this.chosen = true;
		this.resolve(this.result(item));
	}

	onClose(): void {
		void Promise.resolve().then(() => {
			if (!this.chosen) this.resolve(null);
		});
	}
}

/** "used 3 times in this vault", or nothing for a word not used yet. */
function usesText(uses: number | undefined): string {
	return uses ? `used ${uses} ${uses === 1 ? "time" : "times"} in this vault` : "";
}

/** One item of the value picker: a known word, or the word being typed. */
interface ValueItem extends WordChoice {
	/** Set on the item that offers the typed word itself. */
	typed?: boolean;
}

/** What a picker shows for a value, and what it detail line says. */
function valueTexts(item: ValueItem): { label: string; detail: string } {
	if (item.typed) return { label: `Use “${item.value}”`, detail: "A new word" };
	return { label: item.label, detail: [item.label !== item.value ? item.value : "", usesText(item.uses)].filter(Boolean).join(" · ") };
}

/** The text a picker searches for a value: the field's words and the tag word, so either finds it. */
function valueSearchText(item: ValueItem): string {
	return item.label === item.value ? item.value : `${item.label} ${item.value}`;
}

/** Draws one suggestion: its label, and a quieter detail line when there is one. */
function renderItem(el: HTMLElement, label: string, detail: string): void {
	el.addClass("attune-picker-item");
	el.createDiv({ cls: "attune-picker-label", text: label });
	if (detail) el.createDiv({ cls: "attune-picker-detail", text: detail });
}

/** A suggestion listed after every match, whatever its score: the clinician's own word. */
function lastSuggestion<T>(item: T): FuzzyMatch<T> {
	return { item, match: { score: -Infinity, matches: [] } };
}

/** Picks a tag value. Open families also offer the word being typed. */
export class ValuePicker extends ResolvingPicker<ValueItem, string> {
	constructor(app: App, private readonly choices: WordChoice[], private readonly open_: boolean, placeholder: string) {
		super(app);
		this.setPlaceholder(placeholder);
		this.emptyStateText = open_ ? "Type a word to use it as a new value." : "No value of this vocabulary matches.";
	}

	protected result(item: ValueItem): string {
		return item.value;
	}

	getItems(): ValueItem[] {
		return this.choices;
	}

	getItemText(item: ValueItem): string {
		return valueSearchText(item);
	}

	getSuggestions(query: string): FuzzyMatch<ValueItem>[] {
		const found = super.getSuggestions(query);
		const q = query.trim();
		if (!this.open_ || q === "") return found;
		const typed = typedWord(q);
		if ("error" in typed || this.choices.some((c) => c.value === typed.value)) return found;
		// The clinician's own word, last, so a known word that matches stays first.
		return [...found, lastSuggestion({ value: typed.value, label: typed.value, known: false, typed: true })];
	}

	renderSuggestion(match: FuzzyMatch<ValueItem>, el: HTMLElement): void {
		const { label, detail } = valueTexts(match.item);
		renderItem(el, label, detail);
	}
}

/** One item of the "Code passage…" picker: a value of a family, or the word being typed for an open family. */
interface PassageItem extends PassageChoice {
	/** Set on an item that offers the typed word itself. */
	typed?: boolean;
}

/**
 * Picks a value of any family switched on, for "Code passage…": one fuzzy
 * list, searched by the field's words, the tag word and the family's name,
 * so "shame", "warmth" or "perspective" finds its value. A word typed that
 * no family knows is offered, last, for each open family.
 */
export class PassagePicker extends ResolvingPicker<PassageItem, { family: Family; value: string }> {
	constructor(app: App, private readonly choices: PassageChoice[], private readonly openFamilies: readonly Family[]) {
		super(app);
		this.setPlaceholder("Code passage: type a word, a term or a family");
		this.emptyStateText = openFamilies.length > 0 ? "Type a word to use it as a new value." : "No value of the families switched on matches.";
		// Every value of every family fits, so a query that matches many still shows them all.
		this.limit = Math.max(this.limit, choices.length + openFamilies.length);
	}

	protected result(item: PassageItem): { family: Family; value: string } {
		return { family: item.family, value: item.value };
	}

	getItems(): PassageItem[] {
		return this.choices;
	}

	getItemText(item: PassageItem): string {
		return `${valueSearchText(item)} ${FAMILY_LABELS[item.family]}`;
	}

	getSuggestions(query: string): FuzzyMatch<PassageItem>[] {
		const found = super.getSuggestions(query);
		const q = query.trim();
		if (q === "") return found;
		const typed = typedWord(q);
		if ("error" in typed) return found;
		// A word another family already has ("presence" is a relationship word) can still be a new emotion or resonance word.
		const extra = this.openFamilies
			.filter((family) => !this.choices.some((c) => c.family === family && c.value === typed.value))
			.map((family) => lastSuggestion<PassageItem>({ value: typed.value, label: typed.value, known: false, typed: true, family }));
		return [...found, ...extra];
	}

	renderSuggestion(match: FuzzyMatch<PassageItem>, el: HTMLElement): void {
		const { label, detail } = valueTexts(match.item);
		renderItem(el, label, [FAMILY_LABELS[match.item.family], detail].filter(Boolean).join(" · "));
	}
}

interface ProcessItem {
	process: string;
	label: string;
}

/**
 * Picks a tag's second segment: one of the four emotion processes or "not
 * classified yet"; for compassion, a direction or "direction not said".
 */
export class ProcessPicker extends ResolvingPicker<ProcessItem, string> {
	private readonly items: ProcessItem[];

	constructor(app: App, value: string, qualifier?: QualifierDef) {
		super(app);
		const q = qualifier ?? familyDef("emotion").qualifier!;
		this.items = [...q.words, q.none].map((p) => ({ process: p, label: q.labels[p] ?? p }));
		this.setPlaceholder(q.field === "process" ? `Emotion process of ${value}` : `Direction of ${labelFor(value).toLowerCase()}`);
	}

	protected result(item: ProcessItem): string {
		return item.process;
	}

	getItems(): ProcessItem[] {
		return this.items;
	}

	getItemText(item: ProcessItem): string {
		return item.label;
	}
}
