/**
 * The port between a shell and the core: `NoteFacts` is what a shell knows of
 * one note (from Obsidian's metadata cache, or from the headless reader), and
 * `interpretNote` turns it into the note's Attune record.
 */
import { detach } from "../detach";
import type { RawCallout, RawHeading, RawTag } from "../markdown/types";
import { type Family, type ProcessOrUnclassified, perFamily } from "../vocabulary/families";
import { LineTags } from "../markdown/passages";
import { Placed } from "./placing";
import { splitLines } from "../markdown/lines";
import { type DiagnosticCode, MODALITY_KEY, MODE_MODALITY_KEY, countKey, parseTag } from "../vocabulary/tags";
import type { Vocabulary } from "../vocabulary/vocabulary";
import { type NoteProperties, readProperties, readPropertyTags } from "./properties";
import {
	CountScratch, NO_HEADINGS, OCCURRENCE_WIDTH, OccurrencePacker, intsAfter, keyNumber, packedFamily, packedInProperties, PackedCounts, pairsOf,
	SUMMARY_KEYS, kindId, pathBelow, unpackOccurrences,
} from "./packed";

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
	readonly counts: ReadonlyMap<string, number>;
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

/** How many numbers a record's packed occurrences take (see packed.ts), stored right after its counts' pairs. */
const OCCURRENCE_INTS: unique symbol = Symbol("packed occurrences");

/**
 * A note's record as `interpretNote` makes it: its occurrences packed, read
 * back on each use. The packed occurrences follow the counts' pairs in one
 * buffer (`intsAfter`), so `counts` is only ever replaced with them (`repack`).
 */
class StoredRecord implements NoteRecord {
	unreadable?: boolean;
	propertiesError?: string;
	private [OCCURRENCE_INTS]: number;

	constructor(
		readonly path: string,
		readonly name: string,
		readonly folder: string,
		readonly props: NoteProperties,
		readonly comments: SupervisorComment[],
		readonly diagnostics: Diagnostic[],
		readonly counts: PackedCounts,
		occurrenceInts: number,
	) {
		this[OCCURRENCE_INTS] = occurrenceInts;
		Object.defineProperty(this, "occurrences", OCCURRENCES);
	}

	/** The packed occurrences (see packed.ts): a view of the numbers after the counts' pairs. */
	packed(): Int32Array {
		return intsAfter(pairsOf(this.counts)!, this[OCCURRENCE_INTS]);
	}

	/** Puts in new counts, packed with `occurrenceInts` numbers of occurrences after them. */
	repack(counts: PackedCounts, occurrenceInts: number): void {
		// The one place counts change, so that the occurrences after them always change with them.
		(this as { counts: PackedCounts }).counts = counts;
		this[OCCURRENCE_INTS] = occurrenceInts;
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
		return unpackOccurrences(this.packed());
	},
};

/**
 * A record that crossed between threads (structured cloning keeps its fields
 * but not its class) made whole again, with its counts and no occurrences: a
 * counts-only reading keeps none.
 */
export function countsOnlyRecord(fields: Omit<NoteRecord, "counts" | "occurrences">, counts: ReadonlyMap<string, number>): NoteRecord {
	const rec = new StoredRecord(fields.path, fields.name, fields.folder, fields.props, fields.comments, fields.diagnostics, PackedCounts.from(counts), 0);
	if (fields.unreadable) rec.unreadable = true;
	if (fields.propertiesError !== undefined) rec.propertiesError = fields.propertiesError;
	return rec;
}

/**
 * One note being read, reused for every note (reading never nests), so that
 * reading a tag allocates nothing: its counts, its packed occurrences, its
 * body emotions and moves for their passages, its Attune tags by line, its
 * empathy modes and the headings above the tag being read.
 */
class Reading {
	readonly counts = new CountScratch();
	readonly packing = new OccurrencePacker();
	readonly placed = new Placed();
	readonly attuneTags = new LineTags();
	readonly modes: string[] = [];
	modeCount = 0;
	/** The open headings, outermost first: each one's level, and the number of the path down to it (see `pathBelow`). */
	readonly levels: number[] = [];
	readonly paths: number[] = [];
	depth = 0;
	private vocab!: Vocabulary;
	private path = "";
	private countsOnly = false;
	private diagnostics: Diagnostic[] = [];

	/** Starts on a note, its diagnostics gathered in `diagnostics`. */
	start(path: string, vocab: Vocabulary, countsOnly: boolean, diagnostics: Diagnostic[]): void {
		this.path = path;
		this.vocab = vocab;
		this.countsOnly = countsOnly;
		this.diagnostics = diagnostics;
		this.counts.reset();
		this.packing.reset();
		this.placed.reset();
		this.attuneTags.reset();
		this.modeCount = this.depth = 0;
	}

	/** Lets go of the note, so that the next one does not keep it alive. */
	finish(): void {
		this.diagnostics = [];
		this.path = "";
	}

	/** Counts a tag (and keeps its occurrence, packed, under heading path `heads`); false when the tag is not Attune's. */
	addTag(tag: string, line: number, inProperties: boolean, heads: number): boolean {
		const parsed = parseTag(tag, this.vocab);
		if (!parsed) return false;
		if (parsed.problem) this.diagnostics.push({ path: this.path, line: line + 1, tag: hash(tag), code: parsed.problem.code, message: parsed.problem.message });
		if (!parsed.counted) return true;
		let at = -1;
		if (!this.countsOnly) {
			parsed.kind ??= kindId({ family: parsed.family, value: parsed.value, process: parsed.process, direction: parsed.direction, tag: parsed.written ?? detach(tag) });
			at = this.packing.add(parsed.kind, inProperties, line, heads);
		}
		if (!inProperties && (parsed.family === "emotion" || parsed.family === "process")) this.placed.add(parsed.family === "process", parsed.family === "process" ? parsed.value : parsed.process ?? "unclassified", line, at);
		if (parsed.family === "empathy") this.modes[this.modeCount++] = parsed.value;
		this.counts.bump(parsed.keyId ?? SUMMARY_KEYS.id(countKey(parsed.family, parsed.value, parsed.process ?? parsed.direction)));
		// Also per class, so that summaries know how many notes hold each class.
		if (parsed.process) this.counts.bump(parsed.classKeyId ?? SUMMARY_KEYS.id(countKey("class", parsed.process)));
		return true;
	}

	/** The path of the headings above line `line`, taking in those of `heads` from `h` on that start at or before it; returns where it stopped in `heads`. */
	headingsTo(heads: readonly RawHeading[], h: number, line: number): number {
		while (h < heads.length && heads[h]!.line <= line) {
			const hd = heads[h++]!;
			while (this.depth > 0 && this.levels[this.depth - 1]! >= hd.level) this.depth--;
			const path = pathBelow(this.depth > 0 ? this.paths[this.depth - 1]! : NO_HEADINGS, hd.heading);
			this.levels[this.depth] = hd.level;
			this.paths[this.depth++] = path;
		}
		return h;
	}

	/** The path of the headings open now. */
	get headings(): number {
		return this.depth > 0 ? this.paths[this.depth - 1]! : NO_HEADINGS;
	}
}

/** The note being read (see `Reading`). */
const reading = new Reading();
/** Counts a key of a family and two parts in the note being read. */
const bumpReading = (family: string, a: string, b: string) => reading.counts.bump(keyNumber(family, a, b, partsKey));

/** Turns what a shell knows of a note into its Attune record. Never throws on bad input. */
export function interpretNote(facts: NoteFacts, vocab: Vocabulary, opts: InterpretOptions = {}): NoteRecord {
	const countsOnly = opts.countsOnly === true;
	const path = facts.path;
	const slash = path.lastIndexOf("/");
	const file = path.slice(slash + 1);
	const name = file.replace(/\.md$/i, "");
	const folder = slash < 0 ? "" : shared(path.slice(0, slash));
	const diagnostics: Diagnostic[] = [];
	const r = reading;
	r.start(path, vocab, countsOnly, diagnostics);

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

	for (const t of propTags) r.addTag(t.tag, propertyLine(facts.frontmatterYaml, "tags", t.tag.toLowerCase()), true, NO_HEADINGS);

	// Headings above each tag: walk both lists once. The body's Attune tags, counted or not, go by line to
	// `attuneTags` (what a passage's text leaves out); the emotions and moves to `placed`, kept even when occurrences are not.
	const heads = facts.headings;
	let h = 0;
	for (const t of facts.tags) {
		if (!countsOnly) h = r.headingsTo(heads, h, t.line);
		if (r.addTag(t.tag, t.line, false, countsOnly ? NO_HEADINGS : r.headings)) r.attuneTags.add(t);
	}

	if (facts.text !== undefined && r.placed.both()) r.placed.count(r.attuneTags, facts.text, facts.bodyStart ?? 0, bumpReading, r.packing.data);
	// Every note counts once under its modality (none: ""), and each empathy mode under it.
	const modality = props.modality ?? "";
	r.counts.bump(keyNumber(MODALITY_KEY, modality, "", partsKey));
	for (let i = 0; i < r.modeCount; i++) r.counts.bump(keyNumber(MODE_MODALITY_KEY, modality, r.modes[i]!, partsKey));

	const comments: SupervisorComment[] = [];
	for (const c of facts.callouts) {
		if (c.type === "supervisor" || c.type === "supervisor-resolved") {
			comments.push({ line: c.line, resolved: c.type === "supervisor-resolved", text: detach(c.firstText) });
		}
	}
	diagnostics.sort((a, b) => a.line - b.line);
	const rec = new StoredRecord(path, name, folder, props, comments, diagnostics, r.counts.pack(r.packing.data, r.packing.length), r.packing.length);
	if (facts.frontmatterError !== undefined) rec.propertiesError = facts.frontmatterError;
	r.finish();
	return rec;
}

/**
 * Whether a note's moves are counted by class only from its text: it holds a
 * client emotion and a move in its body. A shell that has not read the text
 * reads it for these notes alone.
 */
export function needsPassages(rec: { readonly occurrences: readonly Occurrence[] }): boolean {
	// Asked of every note counted from the cache: the packed form is read in place, no occurrence made.
	const data = rec instanceof StoredRecord ? rec.packed() : null;
	const list = data ? null : rec.occurrences;
	const n = data ? data.length / OCCURRENCE_WIDTH : list!.length;
	let emotion = false;
	let move = false;
	for (let i = 0; i < n; i++) {
		if (data ? packedInProperties(data, i) : list![i]!.inProperties) continue;
		const family = data ? packedFamily(data, i) : list![i]!.family;
		if (family === "emotion") emotion = true;
		else if (family === "process") move = true;
		if (emotion && move) return true;
	}
	return false;
}

/** Whether a record holds a tag of its `tags` property (whose line only the text tells). */
export function hasPropertyTags(rec: { readonly occurrences: readonly Occurrence[] }): boolean {
	if (!(rec instanceof StoredRecord)) return rec.occurrences.some((o) => o.inProperties);
	const data = rec.packed();
	for (let i = 0; i < data.length / OCCURRENCE_WIDTH; i++) if (packedInProperties(data, i)) return true;
	return false;
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
	rec.repack(placed.counts, placed.occurrenceInts);
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
	const copy = new StoredRecord(rec.path, rec.name, rec.folder, rec.props, rec.comments, rec.diagnostics, placed.counts, placed.occurrenceInts);
	if (rec.unreadable) copy.unreadable = true;
	if (rec.propertiesError !== undefined) copy.propertiesError = rec.propertiesError;
	return copy;
}

/** A record's occurrences with their passages placed, and its counts with its moves by class; null when there is nothing to place. */
function passagesOf(rec: StoredRecord, tags: readonly RawTag[], text: string, bodyStart: number, vocab: Vocabulary): { counts: PackedCounts; occurrenceInts: number } | null {
	if (rec.unreadable || !needsPassages(rec)) return null;
	const occurrences = rec.occurrences;
	if (occurrences.some((o) => o.passage !== undefined)) return null;
	const attuneTags = reading.attuneTags.reset();
	for (const t of tags) if (parseTag(t.tag, vocab) !== null) attuneTags.add(t);
	const placed = reading.placed.reset();
	occurrences.forEach((o, i) => {
		if (!o.inProperties && (o.family === "emotion" || o.family === "process")) placed.add(o.family === "process", o.family === "process" ? o.value : o.process ?? "unclassified", o.line, i);
	});
	const more = new Map<string, number>();
	const packed = rec.packed().slice();
	placed.count(attuneTags, text, bodyStart, (f, a, b) => {
		const k = partsKey(f, a, b);
		more.set(k, (more.get(k) ?? 0) + 1);
	}, packed);
	return { counts: rec.counts.plus(more, packed), occurrenceInts: packed.length };
}

/** The record's properties, kept as long as the index, hold no slice of the note's text (see detach.ts). */
function detachProps(props: NoteProperties): void {
	const p = props as Record<string, unknown>;
	for (const k of Object.keys(p)) {
		const v = p[k];
		if (typeof v === "string") p[k] = shared(v);
		else if (Array.isArray(v)) p[k] = v.map((x: unknown) => (typeof x === "string" ? shared(x) : x));
	}
}

/**
 * Short texts that repeat from note to note (a note type, a modality, a
 * clinician, a client, a folder), kept once: each record would otherwise
 * hold a copy of its own. Bounded, as a vault of ever new values cannot grow it.
 */
const SHARED_TEXTS = new Map<string, string>();
const SHARED_LIMIT = 20_000;
const SHARED_MAX_LENGTH = 80;

/** The kept copy of `s` (detached, see detach.ts), keeping it when it is new. */
function shared(s: string): string {
	if (s.length > SHARED_MAX_LENGTH) return detach(s);
	const known = SHARED_TEXTS.get(s);
	if (known !== undefined) return known;
	if (SHARED_TEXTS.size >= SHARED_LIMIT) SHARED_TEXTS.clear();
	const own = detach(s);
	SHARED_TEXTS.set(own, own);
	return own;
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
