/**
 * The incremental index: one record per note, and vault-wide totals kept
 * current as notes are added, replaced or removed. Each change costs in
 * proportion to the note changed, never to the vault's size.
 */
import { type NoteRecord, isCodingCopy, isSessionNote } from "../note/note";
import { SUMMARY_KEYS, pairsOf } from "../note/packed";

/** Occurrences and distinct notes for one summary key. */
export interface Tally {
	count: number;
	notes: number;
}

/**
 * What changed in the index. `rename` names both paths; `clear` (settings
 * changed, everything is read again) names no note, and its path is `""`.
 */
export interface IndexChange {
	kind: "set" | "delete" | "rename" | "clear";
	path: string;
	/** The note's path before a rename. */
	oldPath?: string;
}

/** A client seen in the vault, for pickers: most recent first. */
export interface ClientInfo {
	client: string;
	/** Latest session date, `YYYY-MM-DD`, if any note is dated. */
	lastDate?: string;
	/** Highest session number recorded. */
	lastSession?: number;
	/** Path of the latest session note. */
	lastPath?: string;
	/** Number of notes about this client. */
	notes: number;
}

/** The index of Attune records. Listeners hear about every change (debounce them in views). */
export class NoteIndex {
	private readonly notes = new Map<string, NoteRecord>();
	/** Vault-wide occurrences and notes per summary key, by key number; `vaultTotals` names them. */
	private totalCount: number[] = [];
	private totalNotes: number[] = [];
	/** `vaultTotals` as last built, until the next change. */
	private totalsMap: Map<string, Tally> | null = null;
	private readonly byClient = new Map<string, Set<string>>();
	private readonly withDiagnostics = new Set<string>();
	/** Coding copies (`coding-of`): kept, found by client, but in no total (see `account`). */
	private readonly copies = new Set<string>();
	/**
	 * Each readable note's counts as pairs of key number (`SUMMARY_KEYS`) and
	 * count, for fast filtered summaries, for records whose counts are not
	 * packed; a record that packs them (every record `interpretNote` makes) is its own.
	 */
	private readonly tallies = new Map<string, Int32Array>();

	private readonly listeners = new Set<(change: IndexChange) => void>();
	private open = 0;
	private resolved = 0;
	private readable = 0;
	/** Increases with every change; views compare it before re-rendering. */
	revision = 0;

	/** Number of notes in the index, readable or not. */
	get size(): number {
		return this.notes.size;
	}

	/** Notes that were read and count in summaries (unreadable files and coding copies excluded). */
	get readableCount(): number {
		return this.readable;
	}

	/** Coding copies (notes with `coding-of`), which no summary counts. */
	*codingCopies(): IterableIterator<NoteRecord> {
		for (const p of this.copies) {
			const r = this.notes.get(p);
			if (r) yield r;
		}
	}

	/** How many coding copies the index holds. */
	get codingCopyCount(): number {
		return this.copies.size;
	}

	/** Adds a note, or replaces the record at the same path. */
	set(rec: NoteRecord): void {
		this.put(rec);
		this.changed({ kind: "set", path: rec.path });
	}

	/** Removes a note; unknown paths are ignored. */
	remove(path: string): void {
		const old = this.notes.get(path);
		if (!old) return;
		this.unaccount(old);
		this.notes.delete(path);
		this.changed({ kind: "delete", path });
	}

	/** A rename: the old path goes, the re-read record comes, and listeners hear one change naming both. */
	rename(oldPath: string, rec: NoteRecord): void {
		const old = this.notes.get(oldPath);
		if (old) {
			this.unaccount(old);
			this.notes.delete(oldPath);
		}
		this.put(rec);
		this.changed({ kind: "rename", path: rec.path, oldPath });
	}

	/** Empties the index (settings changed, everything is re-read). */
	clear(): void {
		this.notes.clear();
		this.totalCount = [];
		this.totalNotes = [];
		this.byClient.clear();
		this.withDiagnostics.clear();
		this.copies.clear();
		this.tallies.clear();
		this.open = this.resolved = this.readable = 0;
		this.changed({ kind: "clear", path: "" });
	}

	get(path: string): NoteRecord | undefined {
		return this.notes.get(path);
	}

	/** Every record, in insertion order. */
	all(): IterableIterator<NoteRecord> {
		return this.notes.values();
	}

	/** Records of one client (case-insensitive code). */
	ofClient(client: string): NoteRecord[] {
		const paths = this.byClient.get(client.toLowerCase());
		if (!paths) return [];
		const out: NoteRecord[] = [];
		for (const p of paths) {
			const r = this.notes.get(p);
			if (r) out.push(r);
		}
		return out;
	}

	/**
	 * The client's session note just before a date (and, on the same date, a
	 * lower session number): what a new note's `previous` links, also when an
	 * earlier session is written up late.
	 */
	previousSession(client: string, date: string, session?: number): NoteRecord | undefined {
		let best: NoteRecord | undefined;
		for (const r of this.ofClient(client)) {
			const d = r.props.date;
			if (!d || !isSessionNote(r) || isCodingCopy(r)) continue;
			const before = d < date || (d === date && session !== undefined && r.props.session !== undefined && r.props.session < session);
			if (!before) continue;
			const bd = best?.props.date ?? "";
			if (!best || d > bd || (d === bd && (r.props.session ?? 0) > (best.props.session ?? 0))) best = r;
		}
		return best;
	}

	/** A readable note's counts as pairs of key number (see `keyOf`) and count. Do not modify. */
	tallyOf(path: string): Int32Array | undefined {
		const rec = this.notes.get(path);
		if (!rec || rec.unreadable) return undefined;
		return pairsOf(rec.counts) ?? this.tallies.get(path);
	}

	/** How many summary keys are numbered: key numbers run from 0 to this, exclusive. */
	get keyCount(): number {
		return SUMMARY_KEYS.size;
	}

	/** The summary key with a given number. */
	keyOf(id: number): string {
		return SUMMARY_KEYS.key(id);
	}

	/** Vault-wide occurrences and notes per summary key. Do not modify. */
	get vaultTotals(): ReadonlyMap<string, Tally> {
		if (this.totalsMap) return this.totalsMap;
		const map = new Map<string, Tally>();
		for (let id = 0; id < this.totalNotes.length; id++) {
			const notes = this.totalNotes[id]!;
			if (notes > 0) map.set(SUMMARY_KEYS.key(id), { count: this.totalCount[id]!, notes });
		}
		return (this.totalsMap = map);
	}

	/** Vault-wide supervisor comments. */
	get vaultComments(): { open: number; resolved: number } {
		return { open: this.open, resolved: this.resolved };
	}

	/** Records that have at least one diagnostic. */
	*diagnosed(): IterableIterator<NoteRecord> {
		for (const p of this.withDiagnostics) {
			const r = this.notes.get(p);
			if (r) yield r;
		}
	}

	/** Clients seen, most recent first (then by code). */
	clients(): ClientInfo[] {
		const out: ClientInfo[] = [];
		for (const [, paths] of this.byClient) {
			let info: ClientInfo | undefined;
			for (const p of paths) {
				const r = this.notes.get(p);
				if (!r || !r.props.client || isCodingCopy(r)) continue;
				info ??= { client: r.props.client, notes: 0 };
				info.notes++;
				const s = r.props.session;
				if (s !== undefined && (info.lastSession === undefined || s > info.lastSession)) info.lastSession = s;
				if (isSessionNote(r) && r.props.date && (!info.lastDate || r.props.date > info.lastDate || (r.props.date === info.lastDate && (s ?? 0) >= (this.notes.get(info.lastPath ?? "")?.props.session ?? 0)))) {
					info.lastDate = r.props.date;
					info.lastPath = r.path;
				}
			}
			if (info) out.push(info);
		}
		return out.sort((a, b) => (b.lastDate ?? "").localeCompare(a.lastDate ?? "") || a.client.localeCompare(b.client));
	}

	/** Listens to changes; returns the function that stops listening. */
	onChange(fn: (change: IndexChange) => void): () => void {
		this.listeners.add(fn);
		return () => this.listeners.delete(fn);
	}

	private changed(change: IndexChange): void {
		this.revision++;
		for (const fn of this.listeners) fn(change);
	}

	/** Adds or replaces a record without announcing it. */
	private put(rec: NoteRecord): void {
		const old = this.notes.get(rec.path);
		if (old) this.unaccount(old);
		this.notes.set(rec.path, rec);
		this.account(rec);
	}

	private account(rec: NoteRecord): void {
		if (rec.unreadable) {
			this.withDiagnostics.add(rec.path);
			return;
		}
		const client = rec.props.client?.toLowerCase();
		if (client) {
			let set = this.byClient.get(client);
			if (!set) this.byClient.set(client, (set = new Set()));
			set.add(rec.path);
		}
		if (rec.diagnostics.length > 0) this.withDiagnostics.add(rec.path);
		const tally = tallyOf(rec.counts);
		if (tally !== pairsOf(rec.counts)) this.tallies.set(rec.path, tally);
		// A second coder's copy of a session would count that session twice: it is
		// found (by client, and by path for a scope of that one note) but in no total.
		if (isCodingCopy(rec)) {
			this.copies.add(rec.path);
			return;
		}
		this.readable++;
		this.addTotals(tally, 1);
		for (const c of rec.comments) c.resolved ? this.resolved++ : this.open++;
	}

	/** Adds a note's tally to the totals (`sign` 1), or takes it away (-1). */
	private addTotals(tally: Int32Array, sign: 1 | -1): void {
		this.totalsMap = null;
		const count = this.totalCount;
		const notes = this.totalNotes;
		for (let i = 0; i < tally.length; i += 2) {
			const id = tally[i]!;
			// Numbers past the end are keys new since the last note: their totals start at zero.
			while (notes.length <= id) {
				notes.push(0);
				count.push(0);
			}
			count[id]! += sign * tally[i + 1]!;
			notes[id]! += sign;
		}
	}

	private unaccount(rec: NoteRecord): void {
		this.withDiagnostics.delete(rec.path);
		this.tallies.delete(rec.path);
		if (rec.unreadable) return;
		const client = rec.props.client?.toLowerCase();
		if (client) {
			const set = this.byClient.get(client);
			set?.delete(rec.path);
			if (set && set.size === 0) this.byClient.delete(client);
		}
		if (this.copies.delete(rec.path)) return;
		this.readable--;
		this.addTotals(tallyOf(rec.counts), -1);
		for (const c of rec.comments) c.resolved ? this.resolved-- : this.open--;
	}
}

/** A record's counts as pairs of key number and count: its own when packed, else numbered here. */
function tallyOf(counts: ReadonlyMap<string, number>): Int32Array {
	const packed = pairsOf(counts);
	if (packed) return packed;
	const tally = new Int32Array(counts.size * 2);
	let i = 0;
	counts.forEach((n, k) => {
		tally[i++] = SUMMARY_KEYS.id(k);
		tally[i++] = n;
	});
	return tally;
}
