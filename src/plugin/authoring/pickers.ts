/**
 * The pickers of the coding commands: fuzzy lists of tag values and of the
 * four emotion processes, each resolving to the choice, or null when closed.
 */
import { type App, FuzzySuggestModal, type FuzzyMatch } from "obsidian";
import { type WordChoice, typedWord } from "../../core/authoring/word-choices";
import { type QualifierDef, familyDef, labelFor } from "../../core/vocabulary/families";

/**
 * Obsidian closes a suggest modal before it calls `onChooseItem`, so "closed
 * without a choice" is only known once the current task has finished.
 */
function settleOnClose(settle: () => void): void {
	void Promise.resolve().then(settle);
}

/** One item of the value picker: a known word, or the word being typed. */
interface ValueItem extends WordChoice {
	/** Set on the item that offers the typed word itself. */
	typed?: boolean;
}

/** Picks a tag value. Open families also offer the word being typed. */
export class ValuePicker extends FuzzySuggestModal<ValueItem> {
	private resolve: (value: string | null) => void = () => undefined;
	private chosen = false;

	constructor(app: App, private readonly choices: WordChoice[], private readonly open_: boolean, placeholder: string) {
		super(app);
		this.setPlaceholder(placeholder);
		this.emptyStateText = open_ ? "Type a word to use it as a new value." : "No value of this vocabulary matches.";
	}

	/** Opens the picker; resolves to the chosen value, or null. */
	pick(): Promise<string | null> {
		return new Promise((resolve) => {
			this.resolve = resolve;
			this.open();
		});
	}

	getItems(): ValueItem[] {
		return this.choices;
	}

	getItemText(item: ValueItem): string {
		return item.label === item.value ? item.value : `${item.label} ${item.value}`;
	}

	getSuggestions(query: string): FuzzyMatch<ValueItem>[] {
		const found = super.getSuggestions(query);
		const q = query.trim();
		if (!this.open_ || q === "") return found;
		const typed = typedWord(q);
		if ("error" in typed || this.choices.some((c) => c.value === typed.value)) return found;
		// The clinician's own word, last, so a known word that matches stays first.
		return [...found, { item: { value: typed.value, label: typed.value, known: false, typed: true }, match: { score: -Infinity, matches: [] } }];
	}

	renderSuggestion(match: FuzzyMatch<ValueItem>, el: HTMLElement): void {
		const item = match.item;
		el.addClass("attune-picker-item");
		el.createDiv({ cls: "attune-picker-label", text: item.typed ? `Use “${item.value}”` : item.label });
		const detail = item.typed ? "A new word" : [item.label !== item.value ? item.value : "", item.uses ? `used ${item.uses} ${item.uses === 1 ? "time" : "times"} in this vault` : ""].filter(Boolean).join(" · ");
		if (detail) el.createDiv({ cls: "attune-picker-detail", text: detail });
	}

	onChooseItem(item: ValueItem): void {
		this.chosen = true;
		this.resolve(item.value);
	}

	onClose(): void {
		settleOnClose(() => {
			if (!this.chosen) this.resolve(null);
		});
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
export class ProcessPicker extends FuzzySuggestModal<ProcessItem> {
	private resolve: (value: string | null) => void = () => undefined;
	private chosen = false;
	private readonly items: ProcessItem[];

	constructor(app: App, value: string, qualifier?: QualifierDef) {
		super(app);
		const q = qualifier ?? familyDef("emotion").qualifier!;
		this.items = [...q.words, q.none].map((p) => ({ process: p, label: q.labels[p] ?? p }));
		this.setPlaceholder(q.field === "process" ? `Emotion process of ${value}` : `Direction of ${labelFor(value).toLowerCase()}`);
	}

	/** Opens the picker; resolves to the chosen class or direction, or null. */
	pick(): Promise<string | null> {
		return new Promise((resolve) => {
			this.resolve = resolve;
			this.open();
		});
	}

	getItems(): ProcessItem[] {
		return this.items;
	}

	getItemText(item: ProcessItem): string {
		return item.label;
	}

	onChooseItem(item: ProcessItem): void {
		this.chosen = true;
		this.resolve(item.process);
	}

	onClose(): void {
		settleOnClose(() => {
			if (!this.chosen) this.resolve(null);
		});
	}
}
