/**
 * Containers of the block scanner: the open block quotes and list items,
 * and the callouts that quotes start (a callout's first words may come on a
 * later line of its quote, so it waits for them).
 */
import type { RawCallout } from "./types";
import { BANG, PLUS, DASH, GT, BRACK_O, isSpaceOrTab, indexBefore } from "./chars";

/** Kinds of container. */
export const Q_QUOTE = 0, Q_ITEM = 1;

/** Block quotes and list items nest; past this depth their markers are read as text. */
export const MAX_CONTAINERS = 100;

/**
 * The open block quotes and list items, outermost first, as parallel arrays
 * (a line walks them from the outside in, matching each one's marker or
 * indentation).
 */
export class ContainerStack {
	/** `Q_QUOTE` or `Q_ITEM`. */
	readonly kind: number[] = [];
	/** A list item's content indentation, in columns (0 for a quote). */
	readonly width: number[] = [];
	/** Where the container's marker ended on the latest line that matched it (for callout text). */
	readonly markEnd: number[] = [];

	get depth(): number {
		return this.kind.length;
	}

	push(kind: number, width: number, markEnd: number): void {
		this.kind.push(kind);
		this.width.push(width);
		this.markEnd.push(markEnd);
	}

	/** Closes the containers deeper than `depth`. */
	truncate(depth: number): void {
		this.kind.length = depth;
		this.width.length = depth;
		this.markEnd.length = depth;
	}
}

/** A callout still looking for its first line of text. */
interface PendingCallout {
	callout: RawCallout;
	depth: number;
}

/**
 * A callout body line as text: a nested callout's marker line counts by its
 * title, so an untitled callout wrapping others still finds its first words.
 */
function calloutBodyText(line: string): string {
	const text = line.trim();
	const m = /^\[![^\]]*\][+-]?/.exec(text);
	return m ? text.slice(m[0].length).trim() : text;
}

/** The callouts of a note, in order, and those still waiting for their first words. */
export class Callouts {
	readonly list: RawCallout[] = [];
	private pending: PendingCallout[] = [];

	/** Whether some callout still waits for its first words. */
	get waiting(): boolean {
		return this.pending.length > 0;
	}

	/**
	 * A new block quote, the container at `depth`, whose first line reads
	 * `s` from `p` (its first non-blank after the marker) to `end`: a callout
	 * when it starts with `[!type]`.
	 */
	start(s: string, p: number, end: number, line: number, depth: number): void {
		if (s.charCodeAt(p) !== BRACK_O || s.charCodeAt(p + 1) !== BANG) return;
		const close = indexBefore(s, "]", p + 2, end);
		if (close < 0 || close === p + 2) return;
		const type = s.slice(p + 2, close).trim().toLowerCase();
		if (type === "" || type.includes("[")) return;
		let t = close + 1;
		if (t < end && (s.charCodeAt(t) === PLUS || s.charCodeAt(t) === DASH)) t++;
		const title = s.slice(t, end).trim();
		const callout: RawCallout = { type, line, title, firstText: title };
		this.list.push(callout);
		if (title === "") this.pending.push({ callout, depth });
	}

	/**
	 * Gives waiting callouts the text of the line ending at `end`, when their
	 * quote continues on it (`matched` containers did; `markEnd` says where
	 * each one's marker ended).
	 */
	text(s: string, end: number, matched: number, markEnd: readonly number[]): void {
		const keep: PendingCallout[] = [];
		for (const w of this.pending) {
			if (w.depth >= matched) {
				keep.push(w);
				continue;
			}
			let p = markEnd[w.depth]!;
			while (p < end) {
				const c = s.charCodeAt(p);
				if (c !== GT && !isSpaceOrTab(c)) break;
				p++;
			}
			const text = calloutBodyText(s.slice(p, end));
			if (text === "") keep.push(w);
			else w.callout.firstText = text;
		}
		this.pending = keep;
	}

	/** Gives every waiting callout the text of a lazy paragraph line, `s` from `p` to `end`. */
	lazyText(s: string, p: number, end: number): void {
		const text = s.slice(p, end).trim();
		if (text === "") return;
		for (const w of this.pending) w.callout.firstText = text;
		this.pending = [];
	}

	/** Forgets the waiting callouts of containers at `depth` and deeper, which closed. */
	closeTo(depth: number): void {
		if (this.pending.length > 0) this.pending = this.pending.filter((x) => x.depth < depth);
	}
}
