/**
 * What a finalized note's `content-sha256` covers (FORMAT.md section 7): the
 * body up to its addenda, with LF line endings, and the properties as parsed,
 * less the record fields, as canonical JSON. Obsidian rewriting the
 * properties block (quotes, order, spacing) therefore never changes it.
 */
import { scanMarkdown } from "../markdown/scan";
import type { MarkdownScan } from "../markdown/types";
import { splitLines } from "../markdown/lines";
import { sha256Hex } from "./sha256";

/** The properties a finalize or co-sign writes: never part of the hash. */
export const RECORD_FIELDS = Object.freeze(["finalized-on", "finalized-by", "content-sha256", "cosigned-by", "cosigned-on", "cosigned-sha256"] as const);

const RECORD_KEYS: ReadonlySet<string> = new Set(RECORD_FIELDS);

/**
 * JSON with object keys sorted (by UTF-16 code units, as JavaScript sorts),
 * no white space, `undefined` members left out, numbers that are not finite
 * written as `null`, dates as ISO text: one text for one value.
 */
export function canonicalJson(value: unknown): string {
	if (value === null || value === undefined) return "null";
	if (value instanceof Date) return JSON.stringify(isNaN(value.getTime()) ? null : value.toISOString());
	if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
	if (typeof value === "object") {
		const obj = value as Record<string, unknown>;
		const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
		return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
	}
	if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : "null";
	if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
	return "null";
}

/** The properties that count: all but the record fields (in any case of the key). */
export function hashedProperties(frontmatter: Record<string, unknown> | null): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(frontmatter ?? {})) if (!RECORD_KEYS.has(k.toLowerCase())) out[k] = v;
	return out;
}

/** The 0-based line of the `## Addenda` heading, or -1 when the note has none. `scan` is the text's, when already made. */
export function addendaLine(text: string, scan: MarkdownScan = scanMarkdown(text)): number {
	const h = scan.headings.find((x) => x.level === 2 && x.heading.toLowerCase() === "addenda");
	return h ? h.line : -1;
}

/**
 * The body that counts: after the properties block, before the `## Addenda`
 * heading, with a leading byte-order mark dropped, every line ending as LF,
 * blank lines at the start and white space at the end removed.
 */
export function hashedBody(text: string, scan: MarkdownScan = scanMarkdown(text)): string {
	const lines = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	const start = scan.frontmatter ? scan.frontmatter.endLine + 1 : 0;
	const cut = addendaLine(text, scan);
	const body = lines.slice(start, cut < 0 ? lines.length : cut).join("\n");
	return body.replace(/^(?:[ \t]*\n)+/, "").replace(/[ \t\n]+$/, "");
}

/** The exact text hashed: the canonical JSON of the properties, one LF, then the body. */
export function contentHashInput(text: string, frontmatter: Record<string, unknown> | null, scan?: MarkdownScan): string {
	return `${canonicalJson(hashedProperties(frontmatter))}\n${hashedBody(text, scan)}`;
}

/** Turns the hashed text's UTF-8 bytes into a SHA-256 hex digest: Web Crypto, Node's crypto, or `sha256Hex`. */
export type Sha256 = (bytes: Uint8Array) => string | Promise<string>;

/** The UTF-8 bytes that are hashed; `scan` is the text's, when already made (one scan per note). */
export function contentHashBytes(text: string, frontmatter: Record<string, unknown> | null, scan?: MarkdownScan): Uint8Array {
	return new TextEncoder().encode(contentHashInput(text, frontmatter, scan));
}

/** The content hash with the pure implementation (synchronous). */
export function contentSha256(text: string, frontmatter: Record<string, unknown> | null): string {
	return sha256Hex(contentHashBytes(text, frontmatter));
}
