/**
 * The sidebar's whole-vault answers beyond the summary, kept current as the
 * index changes, one note at a time.
 */
import type { IndexChange, NoteIndex } from "../index/index";
import { type NoteRecord, isCodingCopy } from "../note/note";
import type { ProcessOrUnclassified } from "../vocabulary/families";
import { type AntecedentKey, type AntecedentRow, antecedentRows, emotionAntecedents } from "./queries";

/** What is derived from one note once, and reused until the note changes. */
interface NoteInsight {
	antecedents: Map<string, number>;
	review: boolean;
	openComments: number;
	ratings: boolean;
	noteType?: string;
	folder: string;
}

function insightOf(rec: NoteRecord): NoteInsight {
	const antecedents = new Map<string, number>();
	// A coding copy counts in no whole-vault answer, as in the summary; its folder and type still offer a scope.
	if (isCodingCopy(rec)) return { antecedents, review: false, openComments: 0, ratings: false, noteType: rec.props.noteType, folder: rec.folder };
	if (!rec.unreadable) {
		for (const { occurrence, antecedent } of emotionAntecedents(rec)) {
			const k = `${antecedent}\u0000${occurrence.process ?? "unclassified"}`;
			antecedents.set(k, (antecedents.get(k) ?? 0) + 1);
		}
	}
	return {
		antecedents,
		review: !rec.unreadable && rec.props.review === "requested",
		openComments: rec.unreadable ? 0 : rec.comments.filter((c) => !c.resolved).length,
		ratings: !rec.unreadable && rec.props.ratings !== undefined && Object.keys(rec.props.ratings).length > 0,
		noteType: rec.props.noteType,
		folder: rec.folder,
	};
}

/**
 * Keeps the sidebar's whole-vault answers current as the index changes, one
 * note at a time, so that a change costs in proportion to the note, not the
 * vault. Narrower scopes are computed from their few notes on demand.
 */
export class VaultInsights {
	private readonly perNote = new Map<string, NoteInsight>();
	private readonly antecedents = new Map<string, number>();
	private readonly reviewPaths = new Set<string>();
	private readonly commentPaths = new Set<string>();
	private readonly ratingPaths = new Set<string>();
	private readonly types = new Map<string, number>();
	private readonly folderCounts = new Map<string, number>();
	private readonly stop: () => void;

	constructor(private readonly index: NoteIndex) {
		for (const rec of index.all()) this.add(rec.path, insightOf(rec));
		this.stop = index.onChange((change) => this.update(change));
	}

	/** Stops following the index. */
	dispose(): void {
		this.stop();
	}

	private update(change: IndexChange): void {
		if (change.kind === "clear") {
			// The index was cleared: everything is re-read and arrives again.
			this.perNote.clear();
			this.antecedents.clear();
			this.reviewPaths.clear();
			this.commentPaths.clear();
			this.ratingPaths.clear();
			this.types.clear();
			this.folderCounts.clear();
			for (const rec of this.index.all()) this.add(rec.path, insightOf(rec));
			return;
		}
		for (const path of change.oldPath === undefined ? [change.path] : [change.oldPath, change.path]) {
			const old = this.perNote.get(path);
			if (old) this.remove(path, old);
			const rec = this.index.get(path);
			if (rec) this.add(path, insightOf(rec));
		}
	}

	private add(path: string, n: NoteInsight): void {
		this.perNote.set(path, n);
		for (const [k, c] of n.antecedents) this.antecedents.set(k, (this.antecedents.get(k) ?? 0) + c);
		if (n.review) this.reviewPaths.add(path);
		if (n.openComments > 0) this.commentPaths.add(path);
		if (n.ratings) this.ratingPaths.add(path);
		if (n.noteType) this.types.set(n.noteType, (this.types.get(n.noteType) ?? 0) + 1);
		for (const f of ancestors(n.folder)) this.folderCounts.set(f, (this.folderCounts.get(f) ?? 0) + 1);
	}

	private remove(path: string, n: NoteInsight): void {
		this.perNote.delete(path);
		for (const [k, c] of n.antecedents) {
			const left = (this.antecedents.get(k) ?? 0) - c;
			if (left > 0) this.antecedents.set(k, left);
			else this.antecedents.delete(k);
		}
		this.reviewPaths.delete(path);
		this.commentPaths.delete(path);
		this.ratingPaths.delete(path);
		if (n.noteType) decrement(this.types, n.noteType);
		for (const f of ancestors(n.folder)) decrement(this.folderCounts, f);
	}

	/** Note types in use, most used first. */
	noteTypes(): string[] {
		return [...this.types.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
	}

	/** Folders holding notes, alphabetically. */
	folders(): string[] {
		return [...this.folderCounts.keys()].sort((a, b) => a.localeCompare(b));
	}

	/** The whole vault's responses-and-emotions table, from running totals. */
	vaultAntecedentTable(): AntecedentRow[] {
		return antecedentRows([...this.antecedents].map(([k, c]) => {
			const [antecedent, process] = k.split("\u0000") as [AntecedentKey, ProcessOrUnclassified];
			return [antecedent, process, c];
		}));
	}

	/** Records of the notes in one of the running sets. */
	recordsOf(which: "review" | "comments" | "ratings"): NoteRecord[] {
		const set = which === "review" ? this.reviewPaths : which === "comments" ? this.commentPaths : this.ratingPaths;
		const out: NoteRecord[] = [];
		for (const p of set) {
			const r = this.index.get(p);
			if (r) out.push(r);
		}
		return out;
	}
}

function ancestors(folder: string): string[] {
	if (folder === "") return [];
	const parts = folder.split("/");
	return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}

function decrement(m: Map<string, number>, k: string): void {
	const left = (m.get(k) ?? 0) - 1;
	if (left > 0) m.set(k, left);
	else m.delete(k);
}
