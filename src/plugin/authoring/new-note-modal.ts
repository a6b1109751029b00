/**
 * The new-note form: one modal, usable from the keyboard alone (fields in tab
 * order, each with a label, Enter creates). It only collects the fields; the
 * note is made by `createNoteFromRequest`.
 */
import { AbstractInputSuggest, type App, Modal } from "obsidian";
import type { ClientInfo } from "../../core/index/index";
import { BUILT_IN_TEMPLATES, SESSION_TEMPLATE_KEYS, type TemplateKey, isTemplateKey } from "../../core/authoring/templates";
import { dateAt, localIsoDate } from "../../core/time";
import { MAX_DURATION_MINUTES, durationMinutes } from "../../core/note/properties";
import type { AttuneContext } from "../context";
import type { NewNoteRequest } from "./create-note";

/** Modalities offered when typing one; any other text is fine. */
const MODALITIES = ["EFMT", "EFT", "MBCT", "CBT", "person-centred", "psychodynamic"];

/** Type-ahead over the vault's clients, most recent first. */
class ClientSuggest extends AbstractInputSuggest<ClientInfo> {
	constructor(app: App, inputEl: HTMLInputElement, private readonly clients: () => ClientInfo[]) {
		super(app, inputEl);
	}

	protected getSuggestions(query: string): ClientInfo[] {
		const q = query.trim().toLowerCase();
		return this.clients().filter((c) => c.client.toLowerCase().includes(q));
	}

	renderSuggestion(c: ClientInfo, el: HTMLElement): void {
		el.addClass("attune-picker-item");
		el.createDiv({ cls: "attune-picker-label", text: c.client });
		const detail = [c.lastSession !== undefined ? `Session ${c.lastSession}` : "", c.lastDate ?? ""].filter(Boolean).join(" · ");
		if (detail) el.createDiv({ cls: "attune-picker-detail", text: detail });
	}
}

/** Type-ahead over a fixed list of words. */
class WordSuggest extends AbstractInputSuggest<string> {
	constructor(app: App, inputEl: HTMLInputElement, private readonly words: () => string[]) {
		super(app, inputEl);
	}

	protected getSuggestions(query: string): string[] {
		const q = query.trim().toLowerCase();
		return this.words().filter((w) => w.toLowerCase().includes(q));
	}

	renderSuggestion(word: string, el: HTMLElement): void {
		el.setText(word);
	}
}

/** The form for a new session note, or for a supervision note when there is no session note to start from. */
export class NewNoteModal extends Modal {
	/** The form's inputs, exposed for tests and for focus order. */
	inputs!: {
		client: HTMLInputElement;
		date: HTMLInputElement;
		session?: HTMLInputElement;
		/** Minutes, written as `duration`; emptied, the note gets none. */
		duration: HTMLInputElement;
		modality?: HTMLInputElement;
		template?: HTMLSelectElement;
	};
	private errorEl!: HTMLElement;
	/** The client type-ahead (kept for tests: the popover is Obsidian's). */
	clientSuggest?: AbstractInputSuggest<ClientInfo>;
	/** Fields the user changed by hand, which a client change must not overwrite. */
	private readonly touched = new Set<string>();
	private submitting = false;

	constructor(
		app: App,
		private readonly ctx: AttuneContext,
		private readonly kind: "session" | "supervision",
		private readonly onSubmit: (req: NewNoteRequest) => Promise<unknown>,
	) {
		super(app);
	}

	onOpen(): void {
		const settings = this.ctx.settings();
		this.setTitle(this.kind === "session" ? "New session note" : "New supervision note");
		this.modalEl.addClass("attune-new-note");
		const form = this.contentEl.createDiv({ cls: "attune-form" });
		const field = (id: string, label: string): HTMLElement => {
			const row = form.createDiv({ cls: "attune-form-row" });
			row.createEl("label", { text: label, attr: { for: `attune-new-note-${id}` } });
			return row;
		};
		const input = (row: HTMLElement, id: string, type: string, value: string): HTMLInputElement =>
			row.createEl("input", { type, value, attr: { id: `attune-new-note-${id}`, name: id } });

		const client = input(field("client", "Client"), "client", "text", "");
		client.setAttr("placeholder", "Client code, such as C-017");
		client.setAttr("autocomplete", "off");
		const date = input(field("date", "Date"), "date", "date", localIsoDate(this.ctx.now()));
		const session = this.kind === "session" ? input(field("session", "Session number"), "session", "number", "1") : undefined;
		session?.setAttr("min", "0");
		session?.setAttr("step", "1");
		const minutes = this.kind === "session" ? settings.defaultSessionDuration : settings.defaultSupervisionDuration;
		const duration = input(field("duration", "Duration in minutes"), "duration", "number", String(minutes));
		duration.setAttr("min", "0");
		duration.setAttr("max", String(MAX_DURATION_MINUTES));
		this.inputs = { client, date, duration };

		if (session) {
			const modality = input(field("modality", "Modality"), "modality", "text", settings.defaultModality);
			modality.setAttr("autocomplete", "off");
			const template = field("template", "Template").createEl("select", { attr: { id: "attune-new-note-template", name: "template" } });
			for (const key of SESSION_TEMPLATE_KEYS) template.createEl("option", { value: key, text: BUILT_IN_TEMPLATES[key].label });
			template.value = (SESSION_TEMPLATE_KEYS as readonly string[]).includes(settings.defaultTemplate) ? settings.defaultTemplate : "efmt";
			this.inputs = { client, date, session, duration, modality, template };
			for (const [name, el] of [["session", session], ["modality", modality]] as const) el.addEventListener("input", () => this.touched.add(name));
			const modalitySuggest = new WordSuggest(this.app, modality, () => this.modalities()).onSelect((w) => {
				modalitySuggest.setValue(w);
				modalitySuggest.close();
				this.touched.add("modality");
			});
		}

		// A pick fills the field and closes the list, so the next Enter creates the note.
		const clientSuggest = new ClientSuggest(this.app, client, () => this.ctx.index.clients()).onSelect((c, _evt) => {
			clientSuggest.setValue(c.client);
			clientSuggest.close();
			this.clientChanged();
		});
		this.clientSuggest = clientSuggest;
		client.addEventListener("input", () => this.clientChanged());

		this.errorEl = form.createDiv({ cls: "attune-form-error", attr: { role: "alert", "aria-live": "polite" } });
		const buttons = form.createDiv({ cls: "attune-form-buttons" });
		buttons.createEl("button", { text: "Cancel", type: "button" }).addEventListener("click", () => this.close());
		const create = buttons.createEl("button", { text: "Create", type: "button", cls: "mod-cta" });
		create.addEventListener("click", () => void this.submit());
		// Enter creates the note from any field; an open suggestion list takes Enter first.
		this.scope.register([], "Enter", (evt: KeyboardEvent) => {
			// Enter on a button is that button's (Cancel must cancel); Enter that
			// confirms a word being composed (IME) is the input method's.
			if (evt.isComposing || evt.target instanceof HTMLButtonElement) return true;
			evt.preventDefault();
			void this.submit();
			return false;
		});
		client.focus();
	}

	/** The session number and modality follow the client, unless typed by hand. */
	private clientChanged(): void {
		const info = this.clientInfo();
		const { session, modality } = this.inputs;
		if (session && !this.touched.has("session")) session.value = String((info?.lastSession ?? 0) + 1);
		if (modality && !this.touched.has("modality")) {
			const last = info?.lastPath ? this.ctx.index.get(info.lastPath)?.props.modality : undefined;
			modality.value = last ?? this.ctx.settings().defaultModality;
		}
	}

	private clientInfo(): ClientInfo | undefined {
		const code = this.inputs.client.value.trim().toLowerCase();
		return code === "" ? undefined : this.ctx.index.clients().find((c) => c.client.toLowerCase() === code);
	}

	/** Modalities to offer: the usual ones, then those the vault's notes use. */
	private modalities(): string[] {
		const seen = new Set(MODALITIES.map((m) => m.toLowerCase()));
		const out = [...MODALITIES];
		for (const r of this.ctx.index.all()) {
			const m = r.props.modality;
			if (m && !seen.has(m.toLowerCase())) {
				seen.add(m.toLowerCase());
				out.push(m);
			}
		}
		return out;
	}

	/** The fields as a request, or a message saying what to fix. */
	request(): NewNoteRequest | { error: string } {
		const { client, date, session, duration, modality, template } = this.inputs;
		const code = client.value.trim();
		if (code === "") return { error: "Enter a client code." };
		if (!dateAt(date.value, this.ctx.now())) return { error: "Enter a date as YYYY-MM-DD." };
		let number: number | undefined;
		if (session) {
			const s = session.value.trim();
			if (s !== "" && !/^\d+$/.test(s)) return { error: "The session number must be a whole number." };
			number = s === "" ? undefined : Number(s);
		}
		const d = duration.value.trim();
		const minutes = d === "" ? undefined : durationMinutes(d);
		if (d !== "" && minutes === undefined) return { error: `The duration must be a number of minutes from 0 to ${MAX_DURATION_MINUTES}, such as 50.` };
		const key: TemplateKey = template && isTemplateKey(template.value) ? template.value : this.kind === "session" ? "efmt" : "supervision";
		return { kind: this.kind, client: code, date: date.value.trim(), session: number, modality: modality?.value.trim() || undefined, template: key, duration: minutes };
	}

	/** Validates, closes, and hands the fields over. */
	async submit(): Promise<void> {
		if (this.submitting) return;
		const req = this.request();
		if ("error" in req) {
			this.errorEl.setText(req.error);
			return;
		}
		this.submitting = true;
		this.close();
		await this.onSubmit(req);
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
