/**
 * How a record keeps its numbers and its occurrences small. At 50,000 notes a
 * vault holds about a million tag occurrences and 1.3 million count entries:
 * as objects and maps they took 200 MB of the index's 250. Here each
 * occurrence is four integers, each count two, and what they name (the tag's
 * family, value, class and spelling; the heading path above it; the summary
 * key) is kept once per process, in the tables below, however many notes
 * share it.
 *
 * The tables only grow: by the distinct tag spellings, heading paths and
 * summary keys seen since the program started, which are few beside the
 * occurrences that point at them.
 */
import { detach } from "../detach";
import type { Family, ProcessOrUnclassified } from "../vocabulary/families";
import type { Occurrence } from "./note";

/** The summary keys seen so far, each with a number that never changes. */
class KeyTable {
	private readonly ids = new Map<string, number>();
	private readonly byId: string[] = [];

	/** The number of a key, numbering it if it is new. */
	id(key: string): number {
		let id = this.ids.get(key);
		if (id === undefined) {
			id = this.byId.length;
			this.byId.push(key);
			this.ids.set(key, id);
		}
		return id;
	}

	/** The number of a key already numbered, else undefined. */
	find(key: string): number | undefined {
		return this.ids.get(key);
	}

	/** The key with a given number. */
	key(id: number): string {
		const key = this.byId[id];
		if (key === undefined) throw new RangeError(`no summary key has number ${id}`);
		return key;
	}

	/** How many keys are numbered: numbers run from 0 to this, exclusive. */
	get size(): number {
		return this.byId.length;
	}
}

/** Every summary key's number, shared by all records and indexes of this program. */
export const SUMMARY_KEYS = new KeyTable();

/** Numbers of keys of a family and two parts (`countKey(family, a, b)`), found without building the key's text. */
const twoPart = new Map<string, Map<string, Map<string, number>>>();

/** The number of `countKey(family, a, b)` (b empty: `countKey(family, a)`), numbering it if it is new. */
export function keyNumber(family: string, a: string, b: string, key: (family: string, a: string, b: string) => string): number {
	let byA = twoPart.get(family);
	if (!byA) twoPart.set(family, (byA = new Map<string, Map<string, number>>()));
	let byB = byA.get(a);
	if (!byB) byA.set(a, (byB = new Map<string, number>()));
	let id = byB.get(b);
	if (id === undefined) byB.set(detach(b), (id = SUMMARY_KEYS.id(key(family, a, b))));
	return id;
}

const PAIRS: unique symbol = Symbol("pairs");

/**
 * A record's counts per summary key, as pairs of key number and count in the
 * order the keys were first counted. Read like a `Map`; never changed.
 */
export class PackedCounts implements ReadonlyMap<string, number> {
	readonly [PAIRS]: Int32Array;

	constructor(pairs: Int32Array) {
		this[PAIRS] = pairs;
	}

	/**
	 * The same counts from any map of them; with `tail`, packed anew with
	 * those numbers right after the pairs (see `intsAfter`).
	 */
	static from(counts: ReadonlyMap<string, number>, tail?: Int32Array): PackedCounts {
		if (counts instanceof PackedCounts && tail === undefined) return counts;
		const pairs = slab.ints(counts.size * 2, tail);
		let i = 0;
		for (const [k, n] of counts) {
			pairs[i++] = SUMMARY_KEYS.id(k);
			pairs[i++] = n;
		}
		return new PackedCounts(pairs);
	}

	/** These counts with more added, and `tail` after them as in `from`; this one is unchanged (and returned when there is nothing to add or store). */
	plus(more: ReadonlyMap<string, number>, tail?: Int32Array): PackedCounts {
		if (more.size === 0) return PackedCounts.from(this, tail);
		const sum = new Map(this);
		for (const [k, n] of more) sum.set(k, (sum.get(k) ?? 0) + n);
		return PackedCounts.from(sum, tail);
	}

	get size(): number {
		return this[PAIRS].length >> 1;
	}

	get(key: string): number | undefined {
		const id = SUMMARY_KEYS.find(key);
		if (id === undefined) return undefined;
		const p = this[PAIRS];
		for (let i = 0; i < p.length; i += 2) if (p[i] === id) return p[i + 1];
		return undefined;
	}

	has(key: string): boolean {
		return this.get(key) !== undefined;
	}

	forEach(fn: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
		const p = this[PAIRS];
		for (let i = 0; i < p.length; i += 2) fn.call(thisArg, p[i + 1]!, SUMMARY_KEYS.key(p[i]!), this);
	}

	*entries(): MapIterator<[string, number]> {
		const p = this[PAIRS];
		for (let i = 0; i < p.length; i += 2) yield [SUMMARY_KEYS.key(p[i]!), p[i + 1]!];
	}

	*keys(): MapIterator<string> {
		const p = this[PAIRS];
		for (let i = 0; i < p.length; i += 2) yield SUMMARY_KEYS.key(p[i]!);
	}

	*values(): MapIterator<number> {
		const p = this[PAIRS];
		for (let i = 1; i < p.length; i += 2) yield p[i]!;
	}

	[Symbol.iterator](): MapIterator<[string, number]> {
		return this.entries();
	}
}

/** A record's counts as pairs of summary key number (see `SUMMARY_KEYS`) and count, when they are packed. Do not modify. */
export function pairsOf(counts: ReadonlyMap<string, number>): Int32Array | undefined {
	return counts instanceof PackedCounts ? counts[PAIRS] : undefined;
}

/**
 * Counts for one note being read, by key number, in the order first counted.
 * One is reused for every note (reading is never re-entered), so counting a
 * tag allocates nothing.
 */
export class CountScratch {
	private counts = new Int32Array(256);
	/** The key numbers counted, in the order first counted: `order[0, n)`. */
	private order = new Int32Array(64);
	private n = 0;

	/** Forgets the last note's counts. */
	reset(): void {
		for (let i = 0; i < this.n; i++) this.counts[this.order[i]!] = 0;
		this.n = 0;
	}

	bump(id: number, n = 1): void {
		if (id >= this.counts.length) this.counts = grown(this.counts, id + 1);
		if (this.counts[id] === 0) {
			if (this.n === this.order.length) this.order = grown(this.order, this.n + 1);
			this.order[this.n++] = id;
		}
		this.counts[id]! += n;
	}

	/** The counts so far, packed, with `tail[0, tailLength)` right after them (see `intsAfter`). */
	pack(tail?: Int32Array, tailLength?: number): PackedCounts {
		const pairs = slab.ints(this.n * 2, tail, tailLength);
		for (let i = 0; i < this.n; i++) {
			const id = this.order[i]!;
			pairs[2 * i] = id;
			pairs[2 * i + 1] = this.counts[id]!;
		}
		return new PackedCounts(pairs);
	}
}

/**
 * Room for a record's packed numbers, cut from buffers shared by many
 * records: a typed array with a buffer of its own costs far more to make
 * than its numbers, and each such buffer is swept on its own. A shared
 * buffer lives as long as any record cut from it, so it is kept small.
 */
class Slab {
	private static readonly INTS = 16 * 1024;
	/** The whole of the current buffer, for writing tails without a view of their own. */
	private all = new Int32Array(Slab.INTS);
	private used = 0;

	/**
	 * A new array of `n` numbers, zero (one of its own when large), with
	 * `tail[0, tailLength)` (all of it by default) stored right after it in
	 * the same buffer, where `intsAfter` finds it.
	 */
	ints(n: number, tail?: Int32Array, tailLength = tail?.length ?? 0): Int32Array {
		const total = n + tailLength;
		let all = this.all;
		let at = this.used;
		if (total > Slab.INTS / 16) {
			all = new Int32Array(total);
			at = 0;
		} else {
			if (at + total > Slab.INTS) {
				this.all = all = new Int32Array(Slab.INTS);
				at = 0;
			}
			this.used = at + total;
		}
		for (let i = 0; i < tailLength; i++) all[at + n + i] = tail![i]!;
		return new Int32Array(all.buffer, at * 4, n);
	}
}

/** No numbers at all. */
const NO_INTS = new Int32Array(0);

/**
 * The `n` numbers stored right after `ints` in its buffer (a record's
 * occurrences after its counts' pairs: one typed array a record instead of
 * two, each of which costs about 100 bytes of heap beside its numbers).
 */
export function intsAfter(ints: Int32Array, n: number): Int32Array {
	return n === 0 ? NO_INTS : new Int32Array(ints.buffer, ints.byteOffset + ints.byteLength, n);
}

const slab = new Slab();

/** A copy of `a` with room for `size` numbers at least (twice its length, or more). */
function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
	const b = new Int32Array(Math.max(size, a.length * 2));
	b.set(a);
	return b;
}

/** What an occurrence's kind names: all but its place in the note. */
export interface OccurrenceKind {
	family: Family;
	value: string;
	process?: ProcessOrUnclassified;
	direction?: string;
	/** The tag as written, without `#`. */
	tag: string;
}

const kinds: OccurrenceKind[] = [];
const kindIds = new Map<string, number>();

/** The number of a kind of occurrence, numbering it if it is new. */
export function kindId(k: OccurrenceKind): number {
	const key = `${k.family}\u0000${k.value}\u0000${k.process ?? ""}\u0000${k.direction ?? ""}\u0000${k.tag}`;
	let id = kindIds.get(key);
	if (id === undefined) {
		id = kinds.length;
		kinds.push({ family: k.family, value: detach(k.value), process: k.process, direction: k.direction, tag: detach(k.tag) });
		kindIds.set(key, id);
	}
	return id;
}

/**
 * Heading paths above tags, each kept once and frozen, since every occurrence
 * under it shares it. Numbered as a tree: a path is its parent's path and one
 * more heading, so reading a heading costs one look-up, whatever its depth.
 */
const paths: (readonly string[])[] = [Object.freeze([])];
/** For each path, the paths one heading deeper, by that heading. */
const children: (Map<string, number> | undefined)[] = [undefined];

/** The path with no heading: tags above every heading. */
export const NO_HEADINGS = 0;

/** The number of path `parent` with `heading` below it, numbering it if it is new. */
export function pathBelow(parent: number, heading: string): number {
	let map = children[parent];
	if (!map) children[parent] = map = new Map();
	let id = map.get(heading);
	if (id === undefined) {
		id = paths.length;
		// A fresh string: a heading cut from a note's text would keep that text alive.
		const own = detach(heading);
		paths.push(Object.freeze([...paths[parent]!, own]));
		children.push(undefined);
		map.set(own, id);
	}
	return id;
}

/** The family of packed occurrence `i` of `data` (counted from 0), read in place. */
export function packedFamily(data: Int32Array, i: number): Family {
	return kinds[data[i * OCCURRENCE_WIDTH]! >> 1]!.family;
}

/** Whether packed occurrence `i` of `data` is in the properties. */
export function packedInProperties(data: Int32Array, i: number): boolean {
	return (data[i * OCCURRENCE_WIDTH]! & 1) === 1;
}

/** Integers per occurrence: kind and whether in the properties, line, heading path, passage (-1: none). */
export const OCCURRENCE_WIDTH = 4;

/**
 * One note's occurrences while it is read, packed into a buffer reused for
 * every note (reading never nests), so that packing one allocates nothing.
 */
export class OccurrencePacker {
	/** The packed occurrences, `OCCURRENCE_WIDTH` numbers each; those past `count` are left from earlier notes. */
	data = new Int32Array(64 * OCCURRENCE_WIDTH);
	count = 0;

	/** Forgets the last note's. */
	reset(): void {
		this.count = 0;
	}

	/** Packs one occurrence (its passage unset); returns its number. */
	add(kind: number, inProperties: boolean, line: number, path: number): number {
		const at = this.count * OCCURRENCE_WIDTH;
		if (at + OCCURRENCE_WIDTH > this.data.length) this.data = grown(this.data, at + OCCURRENCE_WIDTH);
		this.data[at] = kind * 2 + (inProperties ? 1 : 0);
		this.data[at + 1] = line;
		this.data[at + 2] = path;
		this.data[at + 3] = -1;
		return this.count++;
	}

	/** How many numbers the occurrences packed so far take in `data`. */
	get length(): number {
		return this.count * OCCURRENCE_WIDTH;
	}
}

/** A record's occurrences, read back from their packed form; a new array each time. */
export function unpackOccurrences(data: Int32Array): Occurrence[] {
	const out: Occurrence[] = [];
	for (let i = 0; i < data.length; i += OCCURRENCE_WIDTH) {
		const k = kinds[data[i]! >> 1]!;
		const o: Occurrence = {
			family: k.family, value: k.value, process: k.process, tag: k.tag,
			line: data[i + 1]!, inProperties: (data[i]! & 1) === 1, headings: paths[data[i + 2]!]!,
		};
		if (k.direction !== undefined) o.direction = k.direction;
		const passage = data[i + 3]!;
		if (passage >= 0) o.passage = passage;
		out.push(o);
	}
	return out;
}
