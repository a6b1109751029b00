/**
 * Creating session and supervision notes from templates: the logic the
 * new-note form and the supervision command share, testable without any UI.
 * A new note never replaces a file: when the name is taken, a free one is
 * picked and the notice says which.
 */
import { MarkdownView, Notice, TFile, TFolder, moment, normalizePath } from "obsidian";
import { type PropertyValue, expandPathPattern, fillProperties, firstSectionPosition } from "../../core/authoring/new-note";
import { freePath } from "../../core/vault-paths";
import { BUILT_IN_TEMPLATES, type TemplateKey, type TemplateValues, isTemplateKey, renderTemplate } from "../../core/authoring/templates";
import { dateAt } from "../../core/time";
import type { AttuneContext } from "../context";
import { isSessionNote } from "../../core/note/note";

/**
 * Obsidian's `moment` is the moment function at run time, but its typings
 * declare a namespace import, which TypeScript with `esModuleInterop` does
 * not let us call.
 */
const momentOf = moment as unknown as (date: Date) => { format(format: string): string };

/** Moment from Obsidian, as the core's date formatter. */
export const formatDate = (date: Date, format: string): string => momentOf(date).format(format);

/** What the new-note form collects. */
export interface NewNoteRequest {
	kind: "session" | "supervision";
	client: string;
	/** The note's date, `YYYY-MM-DD`. */
	date: string;
	/** Session notes: the session's number. */
	session?: number;
	modality?: string;
	/** A built-in template key; the user's file replaces it when settings name one. */
	template: TemplateKey;
	/** Clinician; defaults to the settings' clinician name. */
	clinician?: string;
	/** Supervision notes: paths of the session notes reviewed. */
	reviews?: string[];
	/** The session's or supervision's length in minutes, written as `duration`; none when not given. */
	duration?: number;
}

/** The outcome of a creation: the new file, or why nothing was created. */
export type CreateResult = { file: TFile; path: string; renamed: boolean } | { error: string };

/** Reads the template for a key: the user's file when settings name one that exists, else the built-in. */
export async function loadTemplate(ctx: AttuneContext, key: TemplateKey): Promise<string> {
	const builtIn = BUILT_IN_TEMPLATES[key].body;
	const configured = ctx.settings().templatePaths[key]?.trim();
	if (!configured) return builtIn;
	let path = normalizePath(configured);
	let file = ctx.app.vault.getAbstractFileByPath(path);
	if (!file && !path.toLowerCase().endsWith(".md")) {
		path = `${path}.md`;
		file = ctx.app.vault.getAbstractFileByPath(path);
	}
	if (!(file instanceof TFile)) {
		new Notice(`The template file “${configured}” was not found, so the built-in ${BUILT_IN_TEMPLATES[key].label.toLowerCase()} template was used. Check the path in Attune's settings.`);
		return builtIn;
	}
	return ctx.app.vault.cachedRead(file);
}

/** A link to a note, as Obsidian would write it from `sourcePath`, wrapped as a wiki link. */
function wikiLink(ctx: AttuneContext, path: string, sourcePath: string): string | undefined {
	const file = ctx.app.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) return undefined;
	return `[[${ctx.app.metadataCache.fileToLinktext(file, sourcePath, true)}]]`;
}

/** Creates each missing folder of a path (Obsidian does not create parents itself). Returns an error when a file stands where a folder must go. */
export async function ensureFolder(ctx: AttuneContext, folder: string): Promise<string | null> {
	if (folder === "" || folder === "/") return null;
	const parts = folder.split("/");
	for (let i = 1; i <= parts.length; i++) {
		const sub = parts.slice(0, i).join("/");
		const existing = ctx.app.vault.getAbstractFileByPath(sub);
		if (existing instanceof TFolder) continue;
		if (existing) return `“${sub}” is a file, so the folder cannot be created there. Change the folder in Attune's settings.`;
		try {
			await ctx.app.vault.createFolder(sub);
		} catch (e) {
			// On a disk that ignores case, "c-101" may already exist as "C-101".
			return `The folder “${sub}” could not be created (${e instanceof Error ? e.message : String(e)}); nothing was written.`;
		}
	}
	return null;
}

/**
 * The sessions a supervision note made from the form reviews: the client's
 * session notes waiting for review (`review: requested`) up to its date, or
 * else the client's last session before it. The supervisor can edit the list.
 */
function sessionsToReview(ctx: AttuneContext, client: string, date: string): string[] {
	const requested = ctx.index.ofClient(client)
		.filter((r) => r.props.review === "requested" && isSessionNote(r) && (r.props.date ?? "") <= date)
		.sort((a, b) => (a.props.date ?? "").localeCompare(b.props.date ?? "") || (a.props.session ?? 0) - (b.props.session ?? 0));
	if (requested.length > 0) return requested.map((r) => r.path);
	const last = ctx.index.previousSession(client, nextDay(date));
	return last ? [last.path] : [];
}

/** The day after a `YYYY-MM-DD` date (so that a session on the supervision's own date counts as before it). */
function nextDay(date: string): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

/**
 * Creates a session or supervision note from its template in the folder and
 * under the file name the settings give, with the properties of FORMAT.md
 * section 3 filled in (`previous` links the client's last session note).
 * Never overwrites: a taken name gets ` (2)`, ` (3)`, ... and a notice.
 */
export async function createNoteFromRequest(ctx: AttuneContext, req: NewNoteRequest): Promise<CreateResult> {
	const settings = ctx.settings();
	// A known client typed in another case keeps the spelling the vault already uses.
	const typed = req.client.trim();
	const client = ctx.index.clients().find((c) => c.client.toLowerCase() === typed.toLowerCase())?.client ?? typed;
	if (req.kind === "session" && client === "") return { error: "Enter a client code (for example C-017) to create a session note." };
	const now = ctx.now();
	const date = dateAt(req.date, now);
	if (!date) return { error: `“${req.date}” is not a date; write it as YYYY-MM-DD.` };

	const folderPattern = req.kind === "session" ? settings.sessionFolder : settings.supervisionFolder;
	const namePattern = req.kind === "session" ? settings.sessionFileName : settings.supervisionFileName;
	const values = { client, session: req.session, date };
	const folder = normalizePath(expandPathPattern(folderPattern, values, formatDate));
	const name = expandPathPattern(namePattern, values, formatDate) || (req.kind === "session" ? "Session note" : "Supervision note");
	const wanted = normalizePath(`${folder === "/" ? "" : folder}/${name}.md`);
	const path = freePath(wanted, (p) => ctx.app.vault.getAbstractFileByPath(p) !== null);
	const slash = path.lastIndexOf("/");
	const folderError = await ensureFolder(ctx, slash < 0 ? "" : path.slice(0, slash));
	if (folderError) return { error: folderError };

	const info = client === "" ? undefined : ctx.index.clients().find((c) => c.client.toLowerCase() === client.toLowerCase());
	const prevNote = req.kind === "session" && info ? ctx.index.previousSession(info.client, formatDate(date, "YYYY-MM-DD"), req.session) : undefined;
	const previous = prevNote ? wikiLink(ctx, prevNote.path, path) : undefined;
	const reviews = (req.reviews ?? (req.kind === "supervision" && info ? sessionsToReview(ctx, info.client, formatDate(date, "YYYY-MM-DD")) : []))
		.map((p) => wikiLink(ctx, p, path)).filter((l): l is string => l !== undefined);
	const clinician = req.clinician ?? settings.clinicianName;
	const title = path.slice(slash + 1).replace(/\.md$/i, "");
	const templateValues: TemplateValues = {
		title, date, client, session: req.session, previous, modality: req.modality, clinician, supervisor: settings.supervisorName,
	};
	const key = isTemplateKey(req.template) ? req.template : req.kind === "session" ? "efmt" : "supervision";
	const rendered = renderTemplate(await loadTemplate(ctx, key), templateValues, now, formatDate);
	const props: [string, PropertyValue | undefined][] = req.kind === "session"
		? [["note-type", "session"], ["client", client], ["date", req.date.trim()], ["session", req.session], ["previous", previous], ["modality", req.modality?.trim()], ["clinician", clinician.trim()], ["duration", req.duration]]
		: [["note-type", "supervision"], ["client", client], ["date", req.date.trim()], ["clinician", clinician.trim()], ["supervisor", settings.supervisorName.trim()], ["reviews", reviews], ["duration", req.duration]];
	const text = fillProperties(rendered, props);

	let file: TFile;
	try {
		file = await ctx.app.vault.create(path, text);
	} catch (e) {
		// Another device or plugin created the file in the meantime: still nothing is overwritten.
		return { error: `The note could not be created at “${path}” (${e instanceof Error ? e.message : String(e)}).` };
	}
	return { file, path, renamed: path !== wanted };
}

/** Opens a new note with the cursor in its first section. */
export async function openAtFirstSection(ctx: AttuneContext, file: TFile): Promise<void> {
	const leaf = ctx.app.workspace.getLeaf(false);
	// In editing mode, so that the cursor placed in the first section can be seen and typed at.
	await leaf.openFile(file, { active: true, state: { mode: "source" } });
	const view = leaf.view;
	if (view instanceof MarkdownView) {
		const pos = firstSectionPosition(view.editor.getValue());
		view.editor.setCursor(pos);
		view.editor.focus();
	}
}

/** Creates the note, says where (and why, when the name was taken), and opens it. */
export async function createAndOpen(ctx: AttuneContext, req: NewNoteRequest): Promise<TFile | null> {
	const result = await createNoteFromRequest(ctx, req);
	if ("error" in result) {
		new Notice(result.error);
		return null;
	}
	if (result.renamed) new Notice(`A note of that name already exists, so the new note is “${result.path}”.`);
	await openAtFirstSection(ctx, result.file);
	return result.file;
}
