/**
 * The redactor: replaces identifiers in the notes of one export, line by
 * line, keeping one pseudonym mapping for the whole export. Attune's tags are
 * never altered; the rules of rules.ts run in order over what remains.
 */
import type { RawTag } from "../markdown/types";
import { parseTag } from "../vocabulary/tags";
import { DATE_RULES, DateWriter } from "./dates";
import { LinkRewriter } from "./links";
import { type Piece, applyRule } from "./pieces";
import { NAME_BOUNDARY, Pseudonyms, tagSafe } from "./pseudonyms";
import { type CompiledRule, type RedactionRule, type RuleContext, compileRules } from "./rule";
import { MASK, type ResidueHit, ResidueFinder } from "./residue";
import { REDACTION_RULES } from "./rules";
import type { Category, ExportOptions, Form, Replacement } from "./types";

/**
 * Replaces identifiers in a set of notes, keeping one pseudonym mapping for
 * the whole export. Construct one per export.
 */
export class Redactor {
	readonly pseudonyms: Pseudonyms;
	private readonly context: RuleContext;
	private readonly rules: CompiledRule[];
	private readonly dates: CompiledRule[];
	private readonly links: LinkRewriter;
	private readonly exported = new Map<string, string>();
	private records: Replacement[] = [];
	private sourcePath = "";
	private readonly residue: ResidueFinder;
	/** What each note's copy still holds that could identify (see residue.ts), by source path; kept across `begin`. */
	private readonly residueByNote = new Map<string, ResidueHit[]>();

	constructor(private readonly opts: ExportOptions, rules: readonly RedactionRule[] = REDACTION_RULES) {
		this.pseudonyms = new Pseudonyms(opts.identities, opts.primary);
		this.residue = new ResidueFinder(opts.vocab);
		this.context = { vocab: opts.vocab, pseudonyms: this.pseudonyms, dates: new DateWriter(opts) };
		this.rules = compileRules(rules, this.context);
		this.dates = compileRules(DATE_RULES, this.context);
		this.links = new LinkRewriter({
			sourcePath: () => this.sourcePath,
			resolveLink: (linkpath) => this.opts.resolveLink(linkpath, this.sourcePath),
			exportedPath: (resolved) => this.exported.get(resolved),
			text: (s) => this.text(s),
			record: (category, from, to) => this.record(category, from, to),
		});
	}

	/** Tells the redactor which source notes are exported and where, so links to them stay links. */
	setExported(map: ReadonlyMap<string, string>): void {
		this.exported.clear();
		for (const [k, v] of map) this.exported.set(k, v);
	}

	/** Starts collecting the replacements of one note. */
	begin(sourcePath: string): void {
		this.sourcePath = sourcePath;
		this.records = [];
	}

	/** The replacements collected since `begin`. */
	collected(): Replacement[] {
		return this.records;
	}

	/** What the copy of a note still holds that could identify, in order of appearance (file name, properties, body). */
	residueOf(sourcePath: string): ResidueHit[] {
		return this.residueByNote.get(sourcePath) ?? [];
	}

	/** Redacts free text (no links, no scanner tags known): used for link texts, titles and tests. */
	text(s: string, form: Form = "text"): string {
		return this.runRules([{ text: s, done: false }], form);
	}

	/** Redacts one line of a note's body, keeping the tags the scanner found on it. */
	line(line: string, tags: readonly RawTag[]): string {
		const pieces: Piece[] = [];
		let at = 0;
		for (const t of [...tags].sort((a, b) => a.col - b.col)) {
			const end = t.col + 1 + t.tag.length;
			if (t.col < at || line.slice(t.col, end) !== `#${t.tag}`) continue;
			if (t.col > at) pieces.push({ text: line.slice(at, t.col), done: false });
			pieces.push({ text: this.tag(t.tag), done: true });
			at = end;
		}
		if (at < line.length) pieces.push({ text: line.slice(at), done: false });
		return this.runRules(this.links.splitDestinations(this.links.rewrite(pieces)), "text");
	}

	/** A file name for the copy: identifiers replaced, dates per the date choice, and no characters Obsidian refuses. */
	name(basename: string): string {
		const out = this.text(basename, "name")
			.replace(/[\\/:*?"<>|#^[\]]/g, " ")
			.replace(/\s+/g, " ")
			.trim();
		return out === "" ? "Note" : out;
	}

	/** A tag: Attune's stay exactly as written; in any other, a client's name or code becomes its pseudonym. */
	tag(tag: string): string {
		if (parseTag(tag, this.opts.vocab) !== null) return `#${tag}`;
		return `#${this.tagText(tag)}`;
	}

	private tagText(tag: string): string {
		let out = tag;
		for (const re of [this.pseudonyms.anyCase, this.pseudonyms.capitalized]) {
			if (!re) continue;
			out = out.replace(new RegExp(re.source, re.flags), (m: string, offset: number, whole: string) => {
				const label = this.pseudonyms.forMatch(m);
				if (!label || (offset > 0 && NAME_BOUNDARY.test(whole[offset - 1]!))) return m;
				this.records.push({ category: "client", from: m, to: tagSafe(label) });
				return tagSafe(label);
			});
		}
		// Dates too, written so that the tag stays one tag (`2026-01`, `session-3`).
		return this.applyDates(out);
	}

	private applyDates(tag: string): string {
		let pieces: Piece[] = [{ text: tag, done: false }];
		for (const rule of this.dates) pieces = this.applyRule(pieces, rule, "tag");
		const out = pieces.map((p) => p.text).join("");
		return out === "" ? "date" : out;
	}

	/** A property value: strings redacted (links resolved), lists and maps walked, numbers and booleans kept. */
	value(v: unknown): unknown {
		// Links and embeds too, as in the body: a kept property is de-identified like the rest of the note.
		if (typeof v === "string") return this.runRules(this.links.splitDestinations(this.links.rewrite([{ text: v, done: false }])), "property");
		if (Array.isArray(v)) return (v as unknown[]).map((x) => this.value(x));
		if (v instanceof Date) return isNaN(v.getTime()) ? v : this.text(v.toISOString().slice(0, 10), "property");
		if (v && typeof v === "object") {
			const out: Record<string, unknown> = {};
			for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = this.value(x);
			return out;
		}
		return v;
	}

	/** The `tags` property: Attune's tags kept as written, others redacted as tags, the shape unchanged. */
	tagsValue(v: unknown): unknown {
		if (Array.isArray(v)) return (v as unknown[]).map((x) => (typeof x === "string" ? this.tagWords(x) : x));
		if (typeof v === "string") return this.tagWords(v);
		return v;
	}

	private tagWords(s: string): string {
		return s.replace(/[^\s,]+/g, (w) => {
			const hash = w.startsWith("#") ? "#" : "";
			const t = hash ? w.slice(1) : w;
			return parseTag(t, this.opts.vocab) !== null ? w : hash + this.tagText(t);
		});
	}

	private record(category: Category, from: string, to: string): void {
		this.records.push({ category, from, to });
	}

	private runRules(pieces: Piece[], form: Form): string {
		let ps = pieces;
		for (const rule of this.rules) ps = this.applyRule(ps, rule, form);
		const shown = ps.map((p) => p.text).join("");
		// What no rule replaced, looked at once more: the residue the clinician checks before sharing.
		const masked = ps.map((p) => (p.done ? MASK.repeat(p.text.length) : p.text)).join("");
		const hits = this.residue.find(shown, masked);
		if (hits.length > 0) {
			const list = this.residueByNote.get(this.sourcePath);
			if (list) list.push(...hits);
			else this.residueByNote.set(this.sourcePath, hits);
		}
		return shown;
	}

	private applyRule(pieces: Piece[], { rule, re }: CompiledRule, form: Form): Piece[] {
		return applyRule(pieces, { re, notAfter: rule.notAfter, apply: (m) => rule.apply(m, form, this.context) }, (from, to) => this.record(rule.category, from, to));
	}
}
