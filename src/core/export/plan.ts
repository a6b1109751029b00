/**
 * De-identification for supervision: turns session notes into copies that
 * carry the clinical content (Attune's tags, headings, supervisor comments,
 * passage text) without who the client is. Pure: the shell passes in the
 * notes' text, how links resolve, and a YAML parser and printer.
 *
 * Redaction is pattern-based and works line by line, so that no replacement
 * ever joins or splits lines: headings stay headings and every tag keeps its
 * line.
 */
import { scanMarkdown } from "../markdown/scan";
import type { RawTag } from "../markdown/types";
import { readNote } from "../note/reader";
import type { ExportDates } from "../settings";
import { freePath } from "../vault-paths";
import { Redactor } from "./redactor";
import type { ResidueHit, ResidueItem } from "./residue";
import { CATEGORIES, CATEGORY_LABELS, type Category, type ExportOptions, type ExportPlan, type ExportSource, FREE_TEXT_WARNING, type Replacement, emptyCounts } from "./types";

/** How many examples per category the preview shows. */
const MAX_EXAMPLES = 3;

/** The reader's view of a note, reduced to what the summary counts, for comparing source and copy. */
function countedFacts(path: string, text: string, opts: ExportOptions): string {
	const rec = readNote(path, text, opts.vocab, opts.parseYaml);
	const tags = rec.occurrences.map((o) => `${o.family}/${o.value}/${o.process ?? o.direction ?? ""}/${o.inProperties ? "p" : "b"}`);
	const comments = rec.comments.map((c) => (c.resolved ? "resolved" : "open"));
	return JSON.stringify([tags, comments]);
}

/** The report that opens each copy: what was replaced, and the reminder to read it. */
export function reportCallout(counts: Record<Category, number>, dates: ExportDates, review: number, eol = "\n"): string {
	const replaced = CATEGORIES.filter((c) => c !== "link" && c !== "property" && counts[c] > 0).map((c) => `${CATEGORY_LABELS[c].toLowerCase()} ${counts[c]}`);
	const dateWord = dates === "month" ? "Dates are shown as month and year." : dates === "session" ? "Dates are replaced by session number." : "Dates are kept as written.";
	const lines = [
		"> [!warning] De-identified copy: read before sharing",
		`> Replaced in this note: ${replaced.length > 0 ? replaced.join(", ") : "nothing"}. ${dateWord}`,
		`> Properties removed: ${counts.property}. Links to notes outside this export, made plain text: ${counts.link}.`,
		`> ${review} possible ${review === 1 ? "identifier was" : "identifiers were"} shown for review before this copy was written.`,
		`> ${FREE_TEXT_WARNING}`,
	];
	return lines.join(eol) + eol;
}

/**
 * De-identifies one note. Returns the copy's text, or a problem when the note
 * cannot be exported safely (properties that are not valid YAML, or a copy
 * whose tags would not read back the same).
 */
export function deidentifyNote(
	source: ExportSource,
	redactor: Redactor,
	opts: ExportOptions,
	/** What the copy's file name replaced, so that the report counts it too. */
	nameReplacements: readonly Replacement[] = [],
): { text: string; counts: Record<Category, number>; replacements: Replacement[]; review: ResidueItem[] } | { problem: string } {
	const raw = source.text.replace(/^\uFEFF/, "");
	const eol = raw.includes("\r\n") ? "\r\n" : "\n";
	const scan = scanMarkdown(raw);
	redactor.begin(source.path);
	let removed = 0;
	let head = "";
	let firstBodyLine = 0;
	if (scan.frontmatter) {
		firstBodyLine = scan.frontmatter.endLine + 1;
		const yaml = scan.frontmatter.yaml;
		let data: unknown = null;
		try {
			data = yaml.trim() === "" ? null : opts.parseYaml(yaml);
		} catch {
			return { problem: "its properties are not valid YAML, so what they hold cannot be checked. Fix them first." };
		}
		if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) {
			return { problem: "its properties are not a list of named properties, so what they hold cannot be checked. Fix them first." };
		}
		const allowed = new Set(opts.allowedProperties.map((k) => k.toLowerCase()));
		const kept: Record<string, unknown> = {};
		for (const [key, value] of Object.entries((data ?? {}) as Record<string, unknown>)) {
			const lk = key.toLowerCase();
			if (lk === "tags") kept[key] = redactor.tagsValue(value);
			else if (allowed.has(lk)) kept[key] = redactor.value(value);
			else removed++;
		}
		if (Object.keys(kept).length > 0) {
			const printed = opts.stringifyYaml(kept).replace(/\r?\n$/, "").split(/\r?\n/).join(eol);
			head = `---${eol}${printed}${eol}---${eol}`;
		}
	}
	const lines = raw.split(/\r\n|\r|\n/);
	const tagsByLine = new Map<number, RawTag[]>();
	for (const t of scan.tags) {
		const list = tagsByLine.get(t.line);
		if (list) list.push(t);
		else tagsByLine.set(t.line, [t]);
	}
	const body: string[] = [];
	for (let i = firstBodyLine; i < lines.length; i++) body.push(redactor.line(lines[i]!, tagsByLine.get(i) ?? []));
	const replacements = [...nameReplacements, ...redactor.collected()];
	const counts = emptyCounts();
	for (const r of replacements) counts[r.category]++;
	counts.property += removed;
	const review = reviewItems(source.path, redactor.residueOf(source.path));
	const text = head + reportCallout(counts, opts.dates, review.length, eol) + eol + body.join(eol);
	if (countedFacts(source.path, raw, opts) !== countedFacts(source.path, text, opts)) {
		return { problem: "its copy would not read back with the same tags and supervisor comments, so it is not exported. Please report this note's layout as a bug." };
	}
	return { text, counts, replacements, review };
}

/** One item per text (any case) in a note: the first context, and how often it occurs. */
function reviewItems(note: string, hits: readonly ResidueHit[]): ResidueItem[] {
	const byText = new Map<string, ResidueItem>();
	for (const h of hits) {
		const key = h.text.toLowerCase();
		const had = byText.get(key);
		if (had) had.count++;
		else byText.set(key, { ...h, note, count: 1 });
	}
	return [...byText.values()];
}

/** A folder path joined with a name. */
function join(folder: string, name: string): string {
	return folder === "" || folder === "/" ? name : `${folder.replace(/\/+$/, "")}/${name}`;
}

/**
 * Plans an export: every copy's name, path and text, the counts per category
 * and a few examples for the preview. Writes nothing. Notes keep the order
 * given; pseudonyms are assigned in that order.
 */
export function planExport(sources: readonly ExportSource[], opts: ExportOptions): ExportPlan {
	const redactor = new Redactor(opts);
	const names = new Set<string>();
	const targets = new Map<string, string>();
	const named: { source: ExportSource; name: string; path: string; replaced: Replacement[] }[] = [];
	for (const s of sources) {
		redactor.begin(s.path);
		const base = s.path.slice(s.path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
		const wanted = redactor.name(base);
		// Two notes can become one name (dates made months): the second gets `(2)`, as new notes do.
		const name = freePath(wanted, (n) => names.has(n.toLowerCase()));
		names.add(name.toLowerCase());
		const path = join(opts.targetFolder, `${name}.md`);
		targets.set(s.path, path);
		named.push({ source: s, name, path, replaced: [...redactor.collected()] });
	}
	redactor.setExported(targets);
	const plan: ExportPlan = { notes: [], counts: emptyCounts(), examples: {} as Record<Category, Replacement[]>, problems: [], review: [] };
	for (const c of CATEGORIES) plan.examples[c] = [];
	for (const n of named) {
		const out = deidentifyNote(n.source, redactor, opts, n.replaced);
		if ("problem" in out) {
			plan.problems.push({ path: n.source.path, message: out.problem });
			continue;
		}
		plan.notes.push({ sourcePath: n.source.path, name: n.name, path: n.path, text: out.text, counts: out.counts, review: out.review.length });
		plan.review.push(...out.review);
		for (const c of CATEGORIES) plan.counts[c] += out.counts[c];
		for (const r of out.replacements) {
			const ex = plan.examples[r.category];
			if (ex.length < MAX_EXAMPLES && !ex.some((e) => e.from.toLowerCase() === r.from.toLowerCase())) ex.push(r);
		}
	}
	return plan;
}

/** Reads the names recorded in a client note's properties: `aliases` and `identifiers`, as lists or single text. */
export function namesFromProperties(fm: Record<string, unknown> | null | undefined): string[] {
	if (!fm) return [];
	const out: string[] = [];
	for (const [k, v] of Object.entries(fm)) {
		const lk = k.toLowerCase();
		if (lk !== "aliases" && lk !== "alias" && lk !== "identifiers") continue;
		const list = Array.isArray(v) ? v : [v];
		for (const x of list) if (typeof x === "string" && x.trim() !== "") out.push(x.trim());
	}
	return out;
}
