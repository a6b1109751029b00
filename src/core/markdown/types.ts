/**
 * What a scan of one note's Markdown finds, shaped like the parts of
 * Obsidian's `CachedMetadata` that Attune needs. Lines and columns are
 * 0-based, as in Obsidian's `Pos`; anything shown to a person adds 1.
 */

/** One inline tag occurrence in the body, as Obsidian's metadata cache lists it. */
export interface RawTag {
	/** The tag as written, without the leading `#` (case kept). */
	tag: string;
	/** 0-based line of the `#`. */
	line: number;
	/** 0-based column of the `#` within its line (UTF-16 code units). */
	col: number;
	/** 0-based offset of the `#` in the whole text (UTF-16 code units, BOM excluded). */
	offset: number;
}

/** A heading (ATX `#` or setext), as Obsidian's `HeadingCache`. */
export interface RawHeading {
	/** Heading text without the markers, trimmed. */
	heading: string;
	/** 1 to 6. */
	level: number;
	/** 0-based line the heading starts on. */
	line: number;
}

/** A callout block (`> [!type] title`). Nested callouts are listed too. */
export interface RawCallout {
	/** The callout type, lowercase, as written between `[!` and `]` (e.g. `supervisor`). */
	type: string;
	/** 0-based line of the `[!type]` marker. */
	line: number;
	/** The title text after the marker (and any fold sign `+`/`-`), trimmed; may be empty. */
	title: string;
	/** The first non-empty line of text of the callout: the title if it has one, else the first body line. */
	firstText: string;
}

/** The YAML properties block at the very top of a note, if any. */
export interface RawFrontmatter {
	/** The YAML text between the `---` fences (without them). The opening fence is always line 0. */
	yaml: string;
	/** 0-based line of the closing `---`. */
	endLine: number;
}

/** Everything the Markdown scanner reports for one note. */
export interface MarkdownScan {
	frontmatter: RawFrontmatter | null;
	/** Inline tags in the body, in reading order, every occurrence. */
	tags: RawTag[];
	headings: RawHeading[];
	callouts: RawCallout[];
	/** Number of lines in the text (after BOM removal; CRLF counts as one break). */
	lineCount: number;
}
