/**
 * What a de-identified export is made of: the categories of what it replaces,
 * the notes in and out, and the options the shell passes in.
 */
import type { YamlParser } from "../note/reader";
import type { ExportDates } from "../settings";
import type { Vocabulary } from "../vocabulary/vocabulary";
import type { ResidueItem } from "./residue";

/** What a replacement replaced, as the preview and the report group it. */
export type Category = "client" | "email" | "phone" | "url" | "ip" | "address" | "id" | "date" | "age" | "link" | "property";

/** Every category, in the order the preview and the report list them. */
export const CATEGORIES: readonly Category[] = Object.freeze(["client", "email", "phone", "url", "ip", "address", "id", "date", "age", "link", "property"]);

/** Words people see for each category. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = Object.freeze({
	client: "Client names and codes",
	email: "E-mail addresses",
	phone: "Phone and fax numbers",
	url: "Web addresses",
	ip: "IP addresses",
	address: "Street addresses and postcodes",
	id: "Record, insurance, account and licence numbers",
	date: "Dates",
	age: "Ages over 89",
	link: "Links to notes not exported",
	property: "Properties removed",
});

/** The reminder that every export and its preview carry. */
export const FREE_TEXT_WARNING =
	"Pattern-based redaction can miss identifiers written in free text, such as a partner's name, a workplace or a rare event. Read the whole export before you share it.";

/** A client as the export knows it: the code and the names recorded in the client note. */
export interface ClientIdentity {
	/** The client code (`C-101`). */
	code: string;
	/** The client note's `aliases` and `identifiers`. */
	names: string[];
}

/** One replacement, for the preview. The original never reaches the export. */
export interface Replacement {
	category: Category;
	/** The text as found in the source. */
	from: string;
	/** What the export holds instead. */
	to: string;
}

/** A note to export. */
export interface ExportSource {
	/** Vault path. */
	path: string;
	text: string;
}

/** Everything an export needs besides the notes. */
export interface ExportOptions {
	/** How dates are treated. */
	dates: ExportDates;
	/** Property keys kept (any case); `tags` is always kept so the summary stays the same. */
	allowedProperties: readonly string[];
	vocab: Vocabulary;
	parseYaml: YamlParser;
	/** Prints properties back as YAML (without the `---` fences). */
	stringifyYaml: (data: Record<string, unknown>) => string;
	/** Every client known in the vault, with the names from its client note. */
	identities: readonly ClientIdentity[];
	/** Codes of the clients being exported: they are given pseudonyms first (`Client A`). */
	primary: readonly string[];
	/** Session numbers by session date (`YYYY-MM-DD`), for dates replaced by session number. */
	sessionByDate: ReadonlyMap<string, number>;
	/** The vault path a link points at, or null when it points nowhere (Obsidian's resolution). */
	resolveLink: (linkpath: string, sourcePath: string) => string | null;
	/** The folder the copies are written to. */
	targetFolder: string;
}

/** One exported copy. */
export interface ExportedNote {
	sourcePath: string;
	/** The copy's file name, without `.md`; free of identifiers. */
	name: string;
	/** The copy's vault path. */
	path: string;
	text: string;
	/** Replacements in this note, per category. */
	counts: Record<Category, number>;
	/** How many possible identifiers this copy still holds, shown for review before it is written. */
	review: number;
}

/** A note that cannot be exported safely, and why. */
export interface ExportProblem {
	path: string;
	message: string;
}

/** What an export will write, computed before anything is written. */
export interface ExportPlan {
	notes: ExportedNote[];
	/** Replacements per category over the whole export. */
	counts: Record<Category, number>;
	/** A few distinct replacements per category, for the preview only. */
	examples: Record<Category, Replacement[]>;
	/** Notes that cannot be exported safely: when any, nothing should be written. */
	problems: ExportProblem[];
	/** What the copies still hold that could identify, one item per note and text, for "Check these before sharing". */
	review: ResidueItem[];
}

/** Where a piece of text ends up: note text, a file name, a property value, or the text of a tag that is not Attune's. */
export type Form = "text" | "name" | "property" | "tag";

/** An empty count per category. */
export function emptyCounts(): Record<Category, number> {
	const c = {} as Record<Category, number>;
	for (const k of CATEGORIES) c[k] = 0;
	return c;
}
