/**
 * The inline pass of a scan: the inline content that the block pass queued
 * (paragraphs, headings and table cells holding a `#`, or all of them when
 * hidden regions are asked for), read once the block pass is done, since
 * link definitions may come after their use. It turns what the inline
 * reader finds into tags with lines and columns, and hidden spans.
 */
import type { RawTag } from "./types";
import { InlineReader, type TagSink } from "./inline";

/** Where no tag is read, as a scan records it when asked (see `HiddenRegions` in block.ts). */
export interface SpanRecord {
	readonly spans: number[];
}

/**
 * A queued unit of inline content: its start and end, -1 for a plain range
 * of the text or the index in `segs` of line pieces to join, and the range of
 * `hashes` holding its `#` positions.
 */
const U_START = 0, U_END = 1, U_SEGS = 2, U_HASH_FROM = 3, U_HASH_TO = 4, UNIT_SIZE = 5;

/**
 * Characters that open the inline constructs able to hide a `#` after white
 * space: code, math, HTML and links. (Emphasis hides nothing; what it changes,
 * right before a `#` or inside a tag name, the reader checks where it looks.)
 */
const OPENER_CHARS = ["`", "$", "<", "["];

/**
 * The queue of inline content and its reading. One is shared by every scan
 * (scans run one at a time), so that its arrays are reused: `begin` empties
 * it for a new note.
 */
export class InlinePass implements TagSink {
	private s = "";
	/** Queued units, `UNIT_SIZE` numbers each (see `U_START`). */
	private readonly units: number[] = [];
	private unitN = 0;
	/** Line pieces of joined units: a count, then start and end of each piece. */
	private readonly segs: number[] = [];
	private readonly reader = new InlineReader();

	// Set for `read`.
	private hashes: readonly number[] = [];
	private lineStarts: readonly number[] = [];
	private lineN = 0;
	private hidden: SpanRecord | null = null;
	private tags: RawTag[] = [];

	/** The text being read by the inline reader, and its pieces when joined. */
	private unitText = "";
	private unitSegs = -1;

	/** Next position of each character that opens an inline construct, found by native search. */
	private readonly openers = [-2, -2, -2, -2];

	/** Tags arrive in reading order, so their lines are found by walking forward. */
	private lineCursor = 0;

	/** Empties the queue for the note `s`. */
	begin(s: string): void {
		this.s = s;
		this.unitN = 0;
		this.segs.length = 0;
		this.openers.fill(-2);
	}

	/** Queues `[start, end)` of the note, whose `#`s are `hashes[hashFrom]` up to `hashes[hashTo]`. */
	queue(start: number, end: number, hashFrom: number, hashTo: number): void {
		this.push(start, end, -1, hashFrom, hashTo);
	}

	/** Queues the lines pieces `pieces[0..count)` (start and end of each), to be read joined by line breaks. */
	queueJoined(start: number, end: number, pieces: readonly number[], count: number): void {
		const at = this.segs.length;
		this.segs.push(count / 2);
		for (let k = 0; k < count; k++) this.segs.push(pieces[k]!);
		this.push(start, end, at, 0, 0);
	}

	private push(start: number, end: number, segs: number, hashFrom: number, hashTo: number): void {
		const u = this.units, k = this.unitN;
		u[k + U_START] = start;
		u[k + U_END] = end;
		u[k + U_SEGS] = segs;
		u[k + U_HASH_FROM] = hashFrom;
		u[k + U_HASH_TO] = hashTo;
		this.unitN = k + UNIT_SIZE;
	}

	/**
	 * Reads the queued units into `tags`, given the positions of the note's
	 * `#`s, where its `lineN` lines start, its link definitions, and where to
	 * record hidden spans (null when not asked).
	 */
	read(hashes: readonly number[], lineStarts: readonly number[], lineN: number, defs: Set<string> | null, hidden: SpanRecord | null, tags: RawTag[]): void {
		if (this.unitN === 0) return;
		this.hashes = hashes;
		this.lineStarts = lineStarts;
		this.lineN = lineN;
		this.hidden = hidden;
		this.tags = tags;
		const reader = this.reader;
		reader.recordSpans = this.hidden !== null;
		this.lineCursor = 0;
		for (let u = 0; u < this.unitN; u += UNIT_SIZE) {
			const start = this.units[u + U_START]!, end = this.units[u + U_END]!;
			this.unitSegs = this.units[u + U_SEGS]!;
			if (this.unitSegs < 0) {
				this.unitText = this.s;
				reader.read(this.s, start, end, this.hidden === null && this.plain(start, end), this.hashes, this.units[u + U_HASH_FROM]!, this.units[u + U_HASH_TO]!, defs, this);
			} else {
				const count = this.segs[this.unitSegs]!;
				const parts: string[] = [];
				for (let k = 0; k < count; k++) parts.push(this.s.slice(this.segs[this.unitSegs + 1 + 2 * k], this.segs[this.unitSegs + 2 + 2 * k]));
				this.unitText = parts.join("\n");
				reader.read(this.unitText, 0, this.unitText.length, false, this.hashes, 0, 0, defs, this);
			}
		}
		this.unitText = "";
		this.s = "";
		this.hidden = null;
		this.tags = [];
	}

	/** Whether `[start, end)` holds no character that may open a construct hiding a `#` (code, math, HTML, a link). */
	private plain(start: number, end: number): boolean {
		const s = this.s;
		for (let k = 0; k < OPENER_CHARS.length; k++) {
			let at = this.openers[k]!;
			if (at === -2 || (at >= 0 && at < start)) {
				at = s.indexOf(OPENER_CHARS[k]!, start);
				this.openers[k] = at;
			}
			if (at >= 0 && at < end) return false;
		}
		return true;
	}

	mark(): number {
		return this.tags.length;
	}

	rollback(count: number): void {
		this.tags.length = count;
	}

	/** Records a tag found by the inline reader. */
	onTag(start: number, end: number): void {
		const offset = this.unitSegs >= 0 ? this.noteOffset(start) : start;
		const line = this.lineOf(offset);
		this.tags.push({ tag: this.unitText.slice(start + 1, end), line, col: offset - this.lineStarts[line]!, offset });
	}

	/** Records a hidden inline span found by the inline reader (only when `hidden` is set). */
	onSpan(kind: number, start: number, end: number): void {
		if (this.hidden === null) return;
		const joined = this.unitSegs >= 0;
		this.hidden.spans.push(kind, joined ? this.noteOffset(start) : start, joined ? this.noteOffset(end) : end);
	}

	/** Maps a position in the joined text of the current unit back to the note. */
	private noteOffset(pos: number): number {
		const at = this.unitSegs, count = this.segs[at]!;
		let base = 0;
		for (let k = 0; k < count; k++) {
			const a = this.segs[at + 1 + 2 * k]!, b = this.segs[at + 2 + 2 * k]!;
			if (pos <= base + (b - a)) return a + (pos - base);
			base += b - a + 1;
		}
		return pos;
	}

	private lineOf(offset: number): number {
		const ls = this.lineStarts;
		let c = this.lineCursor;
		if (ls[c]! <= offset) {
			while (c + 1 < this.lineN && ls[c + 1]! <= offset) c++;
			this.lineCursor = c;
			return c;
		}
		let lo = 0, hi = this.lineN - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (ls[mid]! <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}
}
