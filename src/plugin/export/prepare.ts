/**
 * Everything the export needs from the vault, gathered before anything is
 * written: the notes in scope, the clients' recorded names, session dates,
 * how links resolve, and a folder that does not exist yet. Reads only.
 */
import { TFile, normalizePath, parseYaml, stringifyYaml } from "obsidian";
import { namesFromProperties, planExport } from "../../core/export/plan";
import type { ClientIdentity, ExportPlan, ExportSource } from "../../core/export/types";
import type { NoteRecord } from "../../core/note/note";
import { toIsoDate } from "../../core/note/properties";
import { scopeNotes } from "../../core/index/summary";
import { DEFAULT_SETTINGS, type ExportDates } from "../../core/settings";
import type { AttuneContext } from "../context";
import { isSessionNote } from "../../core/note/note";
import { localIsoDate } from "../../core/time";
import { freePath, inFolder } from "../../core/vault-paths";
import { clientNoteFile } from "./identifiers";

/** What to export: the active note, or a client's notes in a date range. */
export type ExportScope =
	| { kind: "note"; path: string }
	| { kind: "client"; client: string; from?: string; to?: string };

/**
 * What an export writes: de-identified copies of the notes, or those copies
 * and a REFI-QDA project (`.qdpx`) of them for qualitative-analysis tools.
 */
export type ExportTarget = "notes" | "qdpx" | "passages";

/** A planned export, ready to preview and write. */
export interface PreparedExport {
	plan: ExportPlan;
	/** What is written once confirmed. */
	target: ExportTarget;
	/** The new folder the copies go into. */
	folder: string;
	scope: ExportScope;
	dates: ExportDates;
	/** The properties kept, as the settings said when it was planned. */
	allowedProperties: string[];
	/** The client whose client note "Add to identifiers" changes; null for a note without a client. */
	client: string | null;
	/** Set by the preview once "Check these before sharing" has been shown: nothing is written before. */
	reviewShown: boolean;
	/** Coding copies (`coding-of`) of the scope left out, as summaries leave them out; the preview names them. */
	codingCopies: string[];
}

/** The export folder from the settings, as a vault path. */
export function exportRoot(ctx: AttuneContext): string {
	const configured = ctx.settings().exportFolder.trim();
	const root = normalizePath(configured === "" ? DEFAULT_SETTINGS.exportFolder : configured);
	return root === "/" ? "" : root;
}

/** A dated sub-folder of the export folder that does not exist yet: each export gets its own, so nothing is ever overwritten. */
export function freeExportFolder(ctx: AttuneContext): string {
	const root = exportRoot(ctx);
	return freePath(`${root === "" ? "" : `${root}/`}Export ${localIsoDate(ctx.now())}`, (p) => ctx.app.vault.getAbstractFileByPath(p) !== null);
}

/** The client note of a code: the note named by it, whose `aliases` and `identifiers` list the client's names. */
function clientIdentity(ctx: AttuneContext, code: string): ClientIdentity {
	const file = clientNoteFile(ctx, code);
	if (!file) return { code, names: [] };
	return { code, names: namesFromProperties(ctx.app.metadataCache.getFileCache(file)?.frontmatter ?? null) };
}

/** Session numbers by date for the clients exported, so dates can become "session 3". */
function sessionDates(records: Iterable<NoteRecord>): Map<string, number> {
	const out = new Map<string, number>();
	for (const r of records) {
		const { date, session } = r.props;
		if (!date || session === undefined || !isSessionNote(r)) continue;
		const had = out.get(date);
		if (had === undefined || session < had) out.set(date, session);
	}
	return out;
}

/** Orders notes as a reader would meet them: by date, undated last, then by path. */
function byDate(a: NoteRecord, b: NoteRecord): number {
	const da = a.props.date ?? "\uffff";
	const db = b.props.date ?? "\uffff";
	return da < db ? -1 : da > db ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Checks a from/to range typed by the user; returns why it cannot be used, or null. */
export function rangeProblem(from: string, to: string): string | null {
	if (from !== "" && !toIsoDate(from)) return `“${from}” is not a date; write it as YYYY-MM-DD, or leave it empty.`;
	if (to !== "" && !toIsoDate(to)) return `“${to}” is not a date; write it as YYYY-MM-DD, or leave it empty.`;
	if (from !== "" && to !== "" && from > to) return "The range ends before it starts.";
	return null;
}

/**
 * Plans an export without writing anything. Returns a sentence saying why
 * when there is nothing that can be exported.
 */
export async function prepareExport(ctx: AttuneContext, scope: ExportScope, dates: ExportDates, target: ExportTarget = "notes"): Promise<PreparedExport | { error: string }> {
	const { vault, metadataCache } = ctx.app;
	await ctx.indexer.ready;
	const root = exportRoot(ctx);
	const rootFile = root === "" ? null : vault.getAbstractFileByPath(root);
	if (rootFile instanceof TFile) return { error: `The export folder “${root}” is a file. Choose another folder in Attune's settings.` };

	let records: NoteRecord[];
	let primary: string[];
	let codingCopies: string[] = [];
	if (scope.kind === "note") {
		const file = vault.getFileByPath(scope.path);
		if (!file || file.extension !== "md") return { error: "Open the note you want to export first." };
		const rec = ctx.index.get(file.path);
		records = rec ? [rec] : [];
		if (!rec) {
			return { error: "This note is not read by Attune (it may be in an excluded folder), so it cannot be exported." };
		}
		primary = rec.props.client ? [rec.props.client] : [];
	} else {
		const problem = rangeProblem(scope.from ?? "", scope.to ?? "");
		if (problem) return { error: problem };
		const filter = { client: scope.client, from: scope.from || undefined, to: scope.to || undefined };
		// Coding copies stay out, as in the summary: without `coding-of` (not a kept property) a copy would count its session twice.
		const scoped = scopeNotes(ctx.index, filter);
		codingCopies = scoped.codingCopies.map((r) => r.path).sort();
		records = scoped.counted.filter((r) => !r.unreadable && !inFolder(r.path, root)).sort(byDate);
		if (records.length === 0) return { error: `No notes of ${scope.client} ${filter.from || filter.to ? "in that date range " : ""}were found, so there is nothing to export.` };
		primary = [scope.client];
	}

	const codes = new Map<string, string>();
	for (const code of [...primary, ...ctx.index.clients().map((c) => c.client)]) if (!codes.has(code.toLowerCase())) codes.set(code.toLowerCase(), code);
	const identities = [...codes.values()].map((code) => clientIdentity(ctx, code));
	const sources: ExportSource[] = [];
	for (const r of records) {
		const file = vault.getFileByPath(r.path);
		if (file) sources.push({ path: r.path, text: await vault.read(file) });
	}
	const folder = freeExportFolder(ctx);
	const settings = ctx.settings();
	const plan = planExport(sources, {
		dates,
		allowedProperties: settings.exportAllowedProperties,
		vocab: ctx.vocab(),
		parseYaml: (y) => parseYaml(y) as unknown,
		stringifyYaml: (d) => stringifyYaml(d),
		identities,
		primary,
		sessionByDate: sessionDates(primary.flatMap((c) => ctx.index.ofClient(c))),
		resolveLink: (link, source) => metadataCache.getFirstLinkpathDest(link, source)?.path ?? null,
		targetFolder: folder,
	});
	return { plan, target, folder, scope, dates, allowedProperties: [...settings.exportAllowedProperties], client: primary[0] ?? null, reviewShown: false, codingCopies };
}
