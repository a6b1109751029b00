/**
 * The port between a shell and the core: `NoteFacts` is what a shell knows of
 * one note (from Obsidian's metadata cache, or from the headless reader), and
 * `interpretNote` turns it into the note's Attune record.
 */
import { detach } from "../detach";
import type { RawCallout, RawHeading, RawTag } from "../markdown/types";
import { type Family, type ProcessOrUnclassified, perFamily } from "../vocabulary/families";
import { type TagsByLine, codingBlocks } from "../markdown/passages";
import { TextLines } from "../markdown/text-lines";
import { splitLines } from "../markdown/lines";
import { type DiagnosticCode, MODALITY_KEY, MODE_MODALITY_KEY, MOVE_CLASS_KEY, countKey, parseTag } from "../vocabulary/tags";
import type { Vocabulary } from "../vocabulary/vocabulary";
import { type NoteProperties, readProperties, readPropertyTags } from "./properties";
import { CountScratch, NO_HEADINGS, keyNumber, packedFamilies, OCCURRENCE_WIDTH, PackedCounts, SUMMARY_KEYS, kindId, packOccurrence, pathBelow, unpackOccurrences } from "./packed";

/** What a shell reports about one note. Lines are 0-based, as in Obsidian. */
export interface NoteFacts {
	/** Vault-relative path, `/`-separated. */
	path: string;
	/** Parsed properties, or null when there are none (or they did not parse). */
	frontmatter: Record<string, unknown> | null;
	/** Set when a properties block exists but is not valid YAML: the reason. */
	frontmatterError?: string;
	/** The raw YAML text (without fences), to find the line of a property. */
	frontmatterYaml?: string;
	/** Inline tags of the body, every occurrence, in reading order. */
	tags: RawTag[];
	headings: RawHeading[];
	callouts: RawCallout[];
	/**
	 * The note's text, when the shell has read it: the passages of its body
	 * (FORMAT.md section 2) are placed from it. Without it, a note that holds
	 * both a client emotion and a move in its body counts no move by class
	 * (see `needsPassages`).
	 */
	text?: string;
	/** 0-based line where the body starts (after the properties block), with `text`. */
	bodyStart?: number;
}

/** One diagnostic of FORMAT.md section 5. */
export interface Diagnostic {
	/** Vault-relative path. */
	path: string;
	/** 1-based line. */
	line: number;
	/** The tag (with `#`) or property concerned. */
	tag: string;
	code: DiagnosticCode;
	/** A sentence a clinician understands. */
	message: string;
}

/** One counted Attune tag occurrence. */
export interface Occurrence {
	family: Family;
	/** Lowercase value. */
	value: string;
	/** For client emotions. */
	process?: ProcessOrUnclassified;
	/** For compassion: `self`, `other` or `unspecified`. */
	direction?: string;
	/** The tag as written, without `#`. */
	tag: string;
	/** 0-based line; for a property tag, the line of the property. */
	line: number;
	/** True for a tag in the `tags` property (it belongs to the note as a whole). */
	inProperties: boolean;
	/** Headings above the tag, outermost first (shared by every occurrence under them: do not modify). */
	headings: readonly string[];
	/**
	 * The 0-based first line of the passage the tag belongs to (FORMAT.md
	 * section 2), for client emotions and moves in the body of a note that
	 * holds both; unset elsewhere.
	 */
	passage?: number;
}

/** A supervisor comment callout. */
export interface SupervisorComment {
	/** 0-based line. */
	line: number;
	resolved: boolean;
	/** The comment's first line of text. */
	text: string;
}

/** Everything the core keeps about one note. */
export interface NoteRecord {
	path: string;
	/** File name without `.md`. */
	name: string;
	/** Folder path, `""` at the vault root. */
	folder: string;
	props: NoteProperties;
	/**
	 * Counted occurrences: property tags first, then the body in reading order.
	 * Kept packed (see packed.ts) and read back on each use: a new array each time.
	 */
	readonly occurrences: readonly Occurrence[];
	comments: SupervisorComment[];
	diagnostics: Diagnostic[];
	/** Occurrences per summary key (see `countKey` in tags.ts), precomputed for fast queries. */
	counts: ReadonlyMap<string, number>;
	/** True when the file could not be read: it has a diagnostic and counts as no note. */
	unreadable?: boolean;
	/**
	 * Why the properties could not be read, when they are not valid YAML: the
	 * note's client, date and type are then unknown, so a scope by them cannot place it.
	 */
	propertiesError?: string;
}

/** `countKey` of a family and one or two parts (the second empty: none). */
const partsKey = (family: string, a: string, b: string) => (b === "" ? countKey(family, a) : countKey(family, a, b));

/** The tag for a diagnostic, with `#`. */
const hash = (t: string) => detach(t.startsWith("#") ? t : `#${t}`);

/**
 * The 0-based line of a property in the note (the fence is line 0, YAML starts
 * on line 1); with `needle`, the line within that property holding it.
 */
export function propertyLine(yaml: string | undefined, key: string, needle?: string): number {
	if (!yaml) return 0;
	const lines = splitLines(yaml);
	const lk = key.toLowerCase();
	let keyLine = -1;
	for (let i = 0; i < lines.length; i++) {
		const l = lines[i]!;
		if (keyLine < 0) {
			const m = /^(?:"([^"]*)"|'([^']*)'|([^\s:#"'][^:]*)):/.exec(l);
			if (m && (m[1] ?? m[2] ?? m[3]!).trim().toLowerCase() === lk) {
				keyLine = i;
				if (!needle || l.toLowerCase().includes(needle)) return i + 1;
			}
		} else {
			if (/^\S/.test(l)) break;
			if (needle && l.toLowerCase().includes(needle)) return i + 1;
		}
	}
	return keyLine < 0 ? 0 : keyLine + 1;
}

/** How a note is read: `countsOnly` for what needs only its numbers. */
export interface InterpretOptions {
	/**
	 * Count the tags without keeping an occurrence for each: `occurrences` is
	 * empty, and no occurrence or heading path is ever built, so a summary of a
	 * large vault allocates nothing per tag. Counts, comments, properties and
	 * diagnostics are exactly those of a full reading.
	 */
	countsOnly?: boolean;
}

/** Where a record keeps its occurrences, packed (see packed.ts). */
const PACKED: unique symbol = Symbol("packed occurrences");

/** A note's record as `interpretNote` makes it: its occurrences packed, read back on each use. */
class StoredRecord implements NoteRecord {
	unreadable?: boolean;
	propertiesError?: string;
	readonly [PACKED]: Int32Array;

	constructor(
		readonly path: string,
		readonly name: string,
		readonly folder: string,
		readonly props: NoteProperties,
		readonly comments: SupervisorComment[],
		readonly diagnostics: Diagnostic[],
		public counts: ReadonlyMap<string, number>,
		packed: Int32Array,
	) {
		this[PACKED] = packed;
		Object.defineProperty(this, "occurrences", OCCURRENCES);
	}

	/** Read back from the packed integers on each use (see `OCCURRENCES`). */
	declare readonly occurrences: Occurrence[];
}

/**
 * A record's occurrences, as an own enumerable property whose getter decodes
 * the packed integers: spreading a record (`{ ...rec }`), cloning it or
 * turning it into JSON keeps them, as it would for a plain object. One
 * descriptor for every record, so that all records share one shape.
 */
const OCCURRENCES: PropertyDescriptor = {
	enumerable: true,
	get(this: StoredRecord): Occurrence[] {
		return unpackOccurrences(this[PACKED]);
	},
};

/** No occurrence at all: shared by every counts-only record. */
const NO_OCCURRENCES = new Int32Array(0);

/**
 * A record that crossed between threads (structured cloning keeps its fields
 * but not its class) made whole again, with its counts and no occurrences: a
 * counts-only reading keeps none.
 */
export function countsOnlyRecord(fields: Omit<NoteRecord, "counts" | "occurrences">, counts: ReadonlyMap<string, number>): NoteRecord {
	const rec = new StoredRecord(fields.path, fields.name, fields.folder, fields.props, fields.comments, fields.diagnostics, PackedCounts.from(counts), NO_OCCURRENCES);
	if (fields.unreadable) rec.unreadable = true;
	if (fields.propertiesError !== undefined) rec.propertiesError = fields.propertiesError;
	return rec;
}

/** One note's counts while it is read, reused for every note (reading never nests). */
const scratch = new CountScratch();
/** One note's packed occurrences while it is read, likewise reused. */
const packing: number[] = [];
/** Counts a key of a family and two parts in `scratch`. */
const bumpScratch = (family: string, a: string, b: string) => scratch.bump(keyNumber(family, a, b, partsKey));

/** Turns what a shell knows of a note into its Attune record. Never throws on bad input. */
export function interpretNote(facts: NoteFacts, vocab: Vocabulary, opts: InterpretOptions = {}): NoteRecord {
	const countsOnly = opts.countsOnly === true;
	const path = facts.path;
	const slash = path.lastIndexOf("/");
	const file = path.slice(slash + 1);
	const name = file.replace(/\.md$/i, "");
	const folder = slash < 0 ? "" : path.slice(0, slash);
	const diagnostics: Diagnostic[] = [];
	scratch.reset();
	packing.length = 0;

	if (facts.frontmatterError !== undefined) {
		diagnostics.push({
			path, line: 1, tag: "properties", code: "invalid-frontmatter",
			message: `The properties at the top of this note are not valid YAML (${facts.frontmatterError}); they are ignored, but the tags in the text still count.`,
		});
	}
	const { props, problems } = readProperties(facts.frontmatter, path, vocab.measures);
	detachProps(props);
	for (const p of problems) diagnostics.push({ path, line: propertyLine(facts.frontmatterYaml, p.key) + 1, tag: p.key, code: p.code, message: p.message });


	const { tags: propTags, misread } = readPropertyTags(facts.frontmatter);
	for (const m of misread) {
		const attune = m.words.filter((w) => parseTag(w, vocab) !== null);
		if (attune.length === 0) continue;
		const list = attune.map(hash).join(", ");
		const verb = attune.length > 1 ? "are" : "is";
		const msg = m.kind === "old-key"
			? `Obsidian no longer reads the “${m.key}” property, so ${list} ${verb} not counted. Rename it to “tags” and write one tag per list item.`
			: m.kind === "item"
				? `A tag cannot contain a space, so Obsidian reads nothing from the item “${m.words.join(" ")}” and ${list} ${verb} not counted. Join words with “-”, or put each tag on its own line.`
				: `Obsidian reads nothing from several tags in one text value, so ${list} ${verb} not counted. Write them as a list: tags: [${attune.join(", ")}].`;
		diagnostics.push({ path, line: propertyLine(facts.frontmatterYaml, m.key) + 1, tag: m.key, code: "bad-property", message: msg });
	}

	// The body's client emotions and moves, for their passages: kept even when occurrences are not.
	const placed = placing.reset();
	let modes: string[] | undefined;
	/** Counts a tag (and keeps its occurrence, packed, under heading path `heads`); false when the tag is not Attune's. */
	const addTag = (tag: string, line: number, inProperties: boolean, heads: number): boolean => {
		const parsed = parseTag(tag, vocab);
		if (!parsed) return false;
		if (parsed.problem) diagnostics.push({ path, line: line + 1, tag: hash(tag), code: parsed.problem.code, message: parsed.problem.message });
		if (!parsed.counted) return true;
		let at = -1;
		if (!countsOnly) {
			at = packing.length / OCCURRENCE_WIDTH;
			parsed.kind ??= kindId({ family: parsed.family, value: parsed.value, process: parsed.process, direction: parsed.direction, tag: parsed.written ?? detach(tag) });
			packOccurrence(packing, parsed.kind, inProperties, line, heads);
		}
		if (!inProperties && (parsed.family === "emotion" || parsed.family === "process")) placed.add(parsed.family === "process", parsed.family === "process" ? parsed.value : parsed.process ?? "unclassified", line, at);
		if (parsed.family === "empathy") (modes ??= []).push(parsed.value);
		scratch.bump(parsed.keyId ?? SUMMARY_KEYS.id(countKey(parsed.family, parsed.value, parsed.process ?? parsed.direction)));
		// Also per class, so that summaries know how many notes hold each class.
		if (parsed.process) scratch.bump(parsed.classKeyId ?? SUMMARY_KEYS.id(countKey("class", parsed.process)));
		return true;
	};
	for (const t of propTags) addTag(t.tag, propertyLine(facts.frontmatterYaml, "tags", t.tag.toLowerCase()), true, NO_HEADINGS);

	// Headings above each tag: walk both lists once, keeping a stack by level.
	const heads = facts.headings;
	let h = 0;
	// Each entry: a heading's level, and the number of the path down to it (see `pathBelow`).
	const stack: { level: number; path: number }[] = [];
	// The body's Attune tags by line, counted or not: what a passage's text leaves out.
	const attuneTags = new Map<number, RawTag[]>();
	for (const t of facts.tags) {
		if (countsOnly) {
			if (addTag(t.tag, t.line, false, NO_HEADINGS)) addToLine(attuneTags, t);
			continue;
		}
		while (h < heads.length && heads[h]!.line <= t.line) {
			const hd = heads[h++]!;
			while (stack.length > 0 && stack[stack.length - 1]!.level >= hd.level) stack.pop();
			stack.push({ level: hd.level, path: pathBelow(stack.length > 0 ? stack[stack.length - 1]!.path : NO_HEADINGS, hd.heading) });
		}
		if (addTag(t.tag, t.line, false, stack.length > 0 ? stack[stack.length - 1]!.path : NO_HEADINGS)) addToLine(attuneTags, t);
	}

	if (facts.text !== undefined && placed.both()) placed.count(attuneTags, facts.text, facts.bodyStart ?? 0, bumpScratch, packing);
	// Every note counts once under its modality (none: ""), and each empathy mode under it.
	const modality = props.modality ?? "";
	scratch.bump(keyNumber(MODALITY_KEY, modality, "", partsKey));
	for (const m of modes ?? []) scratch.bump(keyNumber(MODE_MODALITY_KEY, modality, m, partsKey));

	const comments: SupervisorComment[] = [];
	for (const c of facts.callouts) {
		if (c.type === "supervisor" || c.type === "supervisor-resolved") {
			comments.push({ line: c.line, resolved: c.type === "supervisor-resolved", text: detach(c.firstText) });
		}
	}
	diagnostics.sort((a, b) => a.line - b.line);
	const rec = new StoredRecord(path, name, folder, props, comments, diagnostics, scratch.pack(), packing.length === 0 ? NO_OCCURRENCES : Int32Array.from(packing));
	if (facts.frontmatterError !== undefined) rec.propertiesError = facts.frontmatterError;
	return rec;
}

/**
 * Whether a note's moves are counted by class only from its text: it holds a
 * client emotion and a move in its body. A shell that has not read the text
 * reads it for these notes alone.
 */
export function needsPassages(rec: { readonly occurrences: readonly Occurrence[] }): boolean {
	let emotion = false;
	let move = false;
	for (const o of familiesOf(rec)) {
		if (o.inProperties) continue;
		if (o.family === "emotion") emotion = true;
		else if (o.family === "process") move = true;
		if (emotion && move) return true;
	}
	return false;
}

/** Whether a record holds a tag of its `tags` property (whose line only the text tells). */
export function hasPropertyTags(rec: { readonly occurrences: readonly Occurrence[] }): boolean {
	for (const o of familiesOf(rec)) if (o.inProperties) return true;
	return false;
}

/** Each occurrence's family and whether it is in the properties: from the packed form when there is one, so nothing is read back. */
function familiesOf(rec: { readonly occurrences: readonly Occurrence[] }): Iterable<{ family: Family; inProperties: boolean }> {
	return rec instanceof StoredRecord ? packedFamilies(rec[PACKED]) : rec.occurrences;
}

/**
 * For a record read without its text (see `needsPassages`): places its body
 * emotions and moves in their passages from the text, and counts its moves
 * by class, as `interpretNote` does when given the text. `tags` are the
 * facts' body tags; `bodyStart` the 0-based line after the properties.
 */
export function placePassages(rec: NoteRecord, tags: readonly RawTag[], text: string, bodyStart: number, vocab: Vocabulary): void {
	if (!(rec instanceof StoredRecord)) return;
	const placed = passagesOf(rec, tags, text, bodyStart, vocab);
	if (!placed) return;
	rec[PACKED].set(placed.packed);
	rec.counts = placed.counts;
}

/**
 * `placePassages` without changing the record: a new record with its
 * passages placed and its moves counted by class, or the same record when
 * there is nothing to place. For a record already in an index, whose
 * counts the index holds: put the new one in its place.
 */
export function withPassagesPlaced(rec: NoteRecord, tags: readonly RawTag[], text: string, bodyStart: number, vocab: Vocabulary): NoteRecord {
	if (!(rec instanceof StoredRecord)) return rec;
	const placed = passagesOf(rec, tags, text, bodyStart, vocab);
	if (!placed) return rec;
	const copy = new StoredRecord(rec.path, rec.name, rec.folder, rec.props, rec.comments, rec.diagnostics, placed.counts, placed.packed);
	if (rec.unreadable) copy.unreadable = true;
	if (rec.propertiesError !== undefined) copy.propertiesError = rec.propertiesError;
	return copy;
}

/** A record's occurrences with their passages placed, and its counts with its moves by class; null when there is nothing to place. */
function passagesOf(rec: StoredRecord, tags: readonly RawTag[], text: string, bodyStart: number, vocab: Vocabulary): { packed: Int32Array; counts: PackedCounts } | null {
	if (rec.unreadable || !needsPassages(rec)) return null;
	const occurrences = rec.occurrences;
	if (occurrences.some((o) => o.passage !== undefined)) return null;
	const attuneTags = new Map<number, RawTag[]>();
	for (const t of tags) if (parseTag(t.tag, vocab) !== null) addToLine(attuneTags, t);
	const placed = placing.reset();
	occurrences.forEach((o, i) => {
		if (!o.inProperties && (o.family === "emotion" || o.family === "process")) placed.add(o.family === "process", o.family === "process" ? o.value : o.process ?? "unclassified", o.line, i);
	});
	const more = new Map<string, number>();
	const packed = rec[PACKED].slice();
	placed.count(attuneTags, text, bodyStart, (f, a, b) => {
		const k = partsKey(f, a, b);
		more.set(k, (more.get(k) ?? 0) + 1);
	}, packed);
	return { packed, counts: PackedCounts.from(rec.counts).plus(more) };
}

function addToLine(byLine: Map<number, RawTag[]>, t: RawTag): void {
	const onLine = byLine.get(t.line);
	if (onLine) onLine.push(t);
	else byLine.set(t.line, [t]);
}

/**
 * A note's body emotions and moves in reading order, as parallel lists (a
 * counts-only reading keeps no occurrence): whether each is a move, its move
 * or class, its line, and the number of its packed occurrence (-1: none).
 */
class Placed {
	private readonly isMove: boolean[] = [];
	private readonly words: string[] = [];
	private readonly lines: number[] = [];
	private readonly occurrences: number[] = [];
	private emotions = 0;
	private moves = 0;
	// Scratch for `count`: each one's passage, and the classes of each passage's emotions.
	private readonly owners: number[] = [];
	private readonly classes: ClassLists = { first: [], words: [], next: [] };

	/** Forgets the last note's. */
	reset(): this {
		this.isMove.length = 0;
		this.words.length = 0;
		this.lines.length = 0;
		this.occurrences.length = 0;
		this.emotions = this.moves = 0;
		return this;
	}

	add(isMove: boolean, word: string, line: number, occurrence: number): void {
		this.isMove.push(isMove);
		this.words.push(word);
		this.lines.push(line);
		this.occurrences.push(occurrence);
		if (isMove) this.moves++;
		else this.emotions++;
	}

	/** Whether there is an emotion and a move to place. */
	both(): boolean {
		return this.emotions > 0 && this.moves > 0;
	}

	/**
	 * Places each in its passage (writing it into the packed occurrences), and
	 * counts each move once under every class of the client emotions in its passage.
	 */
	count(attuneTags: TagsByLine, text: string, bodyStart: number, bump: (family: string, a: string, b: string) => void, packed: { [i: number]: number }): void {
		const n = this.lines.length;
		const blocks = codingBlocks(noteLines.reset(text), bodyStart, attuneTags, n > 0 ? this.lines[n - 1]! : 0);
		// Each one's passage, as the number of the block that owns it (-1: none).
		const owners = this.owners;
		owners.length = 0;
		const classes = this.classes;
		classes.first.length = 0;
		for (let k = 0; k < blocks.length; k++) classes.first.push(-1);
		classes.words.length = 0;
		classes.next.length = 0;
		// Blocks are in line order, and so are the tags: walk both lists once.
		let b = 0;
		for (let i = 0; i < n; i++) {
			const line = this.lines[i]!;
			while (b < blocks.length && blocks[b]!.end < line) b++;
			const block = blocks[b];
			const owner = !block || block.start > line ? -1 : block.owner;
			owners.push(owner);
			if (owner < 0) continue;
			const o = this.occurrences[i]!;
			if (o >= 0) packed[o * OCCURRENCE_WIDTH + 3] = blocks[owner]!.start;
			if (!this.isMove[i]) addClass(classes, owner, this.words[i]!);
		}
		for (let i = 0; i < n; i++) {
			if (!this.isMove[i] || owners[i]! < 0) continue;
			for (let c = classes.first[owners[i]!]!; c >= 0; c = classes.next[c]!) bump(MOVE_CLASS_KEY, this.words[i]!, classes.words[c]!);
		}
	}
}

/**
 * The classes of the emotions in each passage, once each, in the order first
 * seen: for each block that owns a passage, where its list starts in `words`
 * (-1: empty), and for each entry, where its passage's next one is (-1: none).
 */
interface ClassLists {
	readonly first: number[];
	readonly words: string[];
	readonly next: number[];
}

/** Adds a class to the list of the passage owned by block `owner`, unless it is there. */
function addClass(classes: ClassLists, owner: number, word: string): void {
	let c = classes.first[owner]!;
	if (c < 0) {
		classes.first[owner] = classes.words.length;
	} else {
		while (classes.words[c] !== word && classes.next[c]! >= 0) c = classes.next[c]!;
		if (classes.words[c] === word) return;
		classes.next[c] = classes.words.length;
	}
	classes.words.push(word);
	classes.next.push(-1);
}

/** The note whose passages are being placed: its emotions and moves, and its lines; reused (reading never nests). */
const placing = new Placed();
const noteLines = new TextLines();

/** The record's properties, kept as long as the index, hold no slice of the note's text (see detach.ts). */
function detachProps(props: NoteProperties): void {
	const p = props as Record<string, unknown>;
	for (const k of Object.keys(p)) {
		const v = p[k];
		if (typeof v === "string") p[k] = detach(v);
		else if (Array.isArray(v)) p[k] = v.map((x: unknown) => (typeof x === "string" ? detach(x) : x));
	}
}

/** A diagnostic for a file that could not be read at all. */
export function unreadableRecord(path: string, reason: string): NoteRecord {
	const rec = interpretNote({ path, frontmatter: null, tags: [], headings: [], callouts: [] }, EMPTY_VOCAB);
	rec.diagnostics.push({ path, line: 1, tag: "file", code: "unreadable-file", message: `This note could not be read (${reason}); it is left out of the summary.` });
	rec.unreadable = true;
	return rec;
}

/** A vocabulary that reads no tag as Attune's. */
const EMPTY_VOCAB: Vocabulary = {
	families: perFamily(() => ""),
	byWord: new Map(),
	words: perFamily((): string[] => []),
	sets: perFamily(() => new Set<string>()),
	on: perFamily(() => false),
	measures: [],
};

/** Whether a note is a session note: `note-type: session`, or no type at all. */
export function isSessionNote(rec: { props: Pick<NoteProperties, "noteType"> }): boolean {
	return rec.props.noteType === undefined || rec.props.noteType === "session";
}

/**
 * Whether a note is a coding copy: a second coder's copy of a session note
 * (`coding-of`), compared with `attune agree` and left out of summaries so
 * that the session is not counted twice.
 */
export function isCodingCopy(rec: { props: Pick<NoteProperties, "codingOf">; unreadable?: boolean }): boolean {
	return rec.props.codingOf !== undefined && !rec.unreadable;
}
