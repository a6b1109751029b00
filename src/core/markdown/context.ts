/**
 * Hidden contexts for the editing commands: whether a position in a note sits
 * where Obsidian reads no tag (properties, code, math, an HTML comment, a
 * link), answered by the scanner itself so that the commands and the index
 * never disagree about what is hidden.
 */
import { Scanner } from "./block";
import { H_CODE, H_COMMENT, H_MATH, HiddenRegions } from "./block-state";
import { SPAN_CODE, SPAN_COMMENT, SPAN_LINK } from "./inline";

/** Why a position cannot take a tag, in words for a notice; null when it can. */
export type BlockedContext = "properties" | "code block" | "math block" | "inline code" | "comment" | "link";

/** The text the scanner reads: without a leading byte-order mark. */
function body(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The 0-based line of the closing fence of the properties block, or -1 when
 * there is none: `---` alone on the first line, up to the next line that is
 * `---` (trailing spaces and tabs allowed), as the scanner reads it.
 */
export function frontmatterEnd(lines: readonly string[]): number {
	const fm = new Scanner(body(lines.join("\n"))).frontmatterOnly();
	return fm ? fm.endLine : -1;
}

/** What a scan finds hidden in a text: the properties block's last line, and the hidden regions. */
interface Hidden {
	text: string;
	propertiesEnd: number;
	regions: HiddenRegions;
}

function hiddenIn(text: string): Hidden {
	const s = body(text);
	const regions = new HiddenRegions();
	const scan = new Scanner(s, regions).run();
	return { text: s, propertiesEnd: scan.frontmatter ? scan.frontmatter.endLine : -1, regions };
}

/** The hidden block a line sits in, whatever the column. */
function blockContext(h: Hidden, line: number): BlockedContext | null {
	if (line <= h.propertiesEnd && line >= 0) return "properties";
	switch (h.regions.lineKinds[line]) {
		case H_CODE: return "code block";
		case H_MATH: return "math block";
		case H_COMMENT: return "comment";
		// Other HTML blocks hide tags too, but none of the words above names them.
		default: return null;
	}
}

/**
 * Which block-level context line `line` sits in: properties, a code block
 * (fenced or indented, in quotes and list items too), a math block or an
 * HTML comment block; null when none.
 */
export function blockContextAt(lines: readonly string[], line: number): BlockedContext | null {
	return blockContext(hiddenIn(lines.join("\n")), line);
}

/**
 * Where in a note a position is, when no tag can be inserted there; null when
 * one can. A block context covers its whole lines; an inline one (code, a
 * comment, a link) covers what lies strictly between its first and last
 * characters, so that a position right before its opening marker or right
 * after its closing one is outside.
 */
export function blockedContextAt(text: string, line: number, ch: number): BlockedContext | null {
	const h = hiddenIn(text);
	const block = blockContext(h, line);
	if (block !== null) return block;
	const starts = h.regions.lineStarts;
	if (line < 0 || line >= starts.length) return null;
	// A column past the end of the line stays on it.
	const lineStart = starts[line]!;
	let lineEnd = line + 1 < starts.length ? starts[line + 1]! : h.text.length;
	while (lineEnd > lineStart && (h.text.charCodeAt(lineEnd - 1) === 10 || h.text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
	// Columns on the first line count from after a byte-order mark, as the scan does.
	const bom = line === 0 && text.length !== h.text.length ? 1 : 0;
	const at = Math.min(lineStart + Math.max(0, ch - bom), lineEnd);
	const spans = h.regions.spans;
	for (let k = 0; k < spans.length; k += 3) {
		if (spans[k + 1]! < at && at < spans[k + 2]!) {
			switch (spans[k]) {
				case SPAN_CODE: return "inline code";
				case SPAN_COMMENT: return "comment";
				case SPAN_LINK: return "link";
				default: break;
			}
		}
	}
	return null;
}
