/**
 * A fast reader for the simple properties blocks almost every note has (flat
 * `key: value` lines, lists of scalars, inline arrays), giving exactly what a
 * YAML 1.2 core-schema parser gives. Anything beyond that subset returns
 * `undefined`, and the caller falls back to a full YAML parser: the subset is
 * a speed-up, never a different reading.
 */
import { detach } from "../detach";
import { splitLines } from "../markdown/lines";

/** Not handled here: the caller must use a full parser. */
const UNSUPPORTED = undefined;

const NULL_RE = /^(?:~|null|Null|NULL)?$/;
const TRUE_RE = /^(?:true|True|TRUE)$/;
const FALSE_RE = /^(?:false|False|FALSE)$/;
const INT_RE = /^[-+]?[0-9]+$/;
const OCT_RE = /^0o[0-7]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF_RE = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN_RE = /^\.(?:nan|NaN|NAN)$/;
/** A plain key: no indicators, no quotes. */
const KEY_RE = /^([A-Za-z0-9_][A-Za-z0-9_\- .]*?):(?: +(.*))?$/;

/**
 * Whether a plain scalar's first character can begin anything but text: null
 * (`~`, `n`, `N`), a boolean (`t`, `T`, `f`, `F`), a number (a digit, a sign
 * or `.`), or the empty scalar. Any other first character is text, with no
 * pattern tried.
 */
function mayBeNonText(s: string): boolean {
	if (s === "") return true;
	const c = s.charCodeAt(0);
	return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
}

/** Resolves a plain scalar as the core schema does. */
function plain(s: string): unknown {
	if (!mayBeNonText(s)) return s;
	if (NULL_RE.test(s)) return null;
	if (TRUE_RE.test(s)) return true;
	if (FALSE_RE.test(s)) return false;
	if (INT_RE.test(s)) return Number(s);
	if (OCT_RE.test(s)) return parseInt(s.slice(2), 8);
	if (HEX_RE.test(s)) return parseInt(s.slice(2), 16);
	if (FLOAT_RE.test(s)) return Number(s);
	if (INF_RE.test(s)) return s.startsWith("-") ? -Infinity : Infinity;
	if (NAN_RE.test(s)) return NaN;
	return s;
}

/** Whether a plain (unquoted) scalar reads back as exactly this text, not as a number, boolean or null. */
export function readsBackAsText(s: string): boolean {
	return plain(s) === s;
}

/** A scalar in block context, or UNSUPPORTED when it needs a full parser. */
function scalar(raw: string): unknown {
	const s = raw.trim();
	if (s === "") return null;
	const c = s[0]!;
	if (c === '"') {
		if (s.length < 2 || s[s.length - 1] !== '"') return UNSUPPORTED;
		const inner = s.slice(1, -1);
		return inner.includes('"') || inner.includes("\\") ? UNSUPPORTED : inner;
	}
	if (c === "'") {
		if (s.length < 2 || s[s.length - 1] !== "'") return UNSUPPORTED;
		const inner = s.slice(1, -1);
		return inner.includes("'") ? UNSUPPORTED : inner;
	}
	// Indicators that start something other than a plain scalar.
	if ("[]{},#&*!|>%@`".includes(c)) return UNSUPPORTED;
	if ((c === "-" || c === "?" || c === ":") && (s.length === 1 || s[1] === " ")) return UNSUPPORTED;
	if (s.includes(": ") || s.includes(" #") || s.endsWith(":") || s.includes("\t")) return UNSUPPORTED;
	return plain(s);
}

/** A flow sequence of simple scalars: `[a, "b", 3]`. */
function flowSeq(s: string): unknown[] | undefined {
	const inner = s.slice(1, -1).trim();
	if (inner === "") return [];
	if (/[[\]{}"']/.test(inner)) return UNSUPPORTED;
	const parts = inner.split(",");
	const out: unknown[] = [];
	for (let i = 0; i < parts.length; i++) {
		const p = parts[i]!.trim();
		// A trailing comma is allowed by YAML; an empty item elsewhere is not.
		if (p === "") {
			if (i === parts.length - 1 && i > 0) break;
			return UNSUPPORTED;
		}
		if (p.includes(":") || p.includes("#")) return UNSUPPORTED;
		const v = scalar(p);
		if (v === UNSUPPORTED) return UNSUPPORTED;
		out.push(v);
	}
	return out;
}

/**
 * Parses a simple properties block, or returns `undefined` when the block uses
 * anything outside the subset (the caller then uses a full YAML parser).
 */
export function parseSimpleYaml(yaml: string): Record<string, unknown> | null | undefined {
	const lines = splitLines(yaml);
	const out: Record<string, unknown> = {};
	let any = false;
	let listKey: string | null = null;
	let listIndent = -1;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const trimmed = line.trim();
		if (trimmed === "" || trimmed.startsWith("#")) continue;
		if (line.includes("\t")) return UNSUPPORTED;
		const indent = line.length - line.trimStart().length;
		if (listKey !== null && (trimmed === "-" || trimmed.startsWith("- "))) {
			if (listIndent < 0) listIndent = indent;
			else if (indent !== listIndent) return UNSUPPORTED;
			const v = scalar(trimmed.slice(1));
			if (v === UNSUPPORTED) return UNSUPPORTED;
			const cur = out[listKey];
			if (Array.isArray(cur)) cur.push(v);
			else out[listKey] = [v];
			continue;
		}
		if (indent !== 0) return UNSUPPORTED;
		const read = keyLine(line);
		if (read === null) return UNSUPPORTED;
		const key = read.key;
		if (Object.prototype.hasOwnProperty.call(out, key) || key === "__proto__") return UNSUPPORTED;
		any = true;
		listKey = null;
		listIndent = -1;
		if (read.opensList) {
			out[key] = null;
			listKey = key;
			continue;
		}
		const v = read.value === FRESH ? compound(read.rest) : read.value;
		if (v === UNSUPPORTED) return UNSUPPORTED;
		out[key] = v;
	}
	return any ? out : null;
}

/** What a `key: value` line says, on its own. */
interface KeyLine {
	key: string;
	/** Nothing after the colon: a list may follow. */
	opensList: boolean;
	/** The value (`UNSUPPORTED`: not one this reader takes), or `FRESH` for a list or map, made anew for each note. */
	value: unknown;
	/** The text after the colon, trimmed. */
	rest: string;
}

/** Marks a value that is an object: each note gets its own, so it is not remembered. */
const FRESH: unique symbol = Symbol("fresh");

/**
 * Lines read before, by their text: most notes repeat most of their lines
 * (`note-type: session`, `modality: EFMT`), and a line's reading does not
 * depend on the lines around it. Bounded, so that a vault of ever new lines
 * cannot grow it.
 */
const keyLines = new Map<string, KeyLine | null>();
const KEY_LINES_LIMIT = 4096;

/** A top-level line read as a key and its value; null when it is no `key: value` line. */
function keyLine(line: string): KeyLine | null {
	const known = keyLines.get(line);
	if (known !== undefined) return known;
	const m = KEY_RE.exec(line);
	let read: KeyLine | null = null;
	if (m) {
		const rest = (m[2] ?? "").trim();
		const compoundValue = rest === "{}" || (rest[0] === "[" && rest[rest.length - 1] === "]");
		const value = rest === "" ? null : compoundValue ? FRESH : scalar(rest);
		// Remembered strings are copies: a slice would keep this note's text alive (see detach.ts).
		read = { key: detach(m[1]!.trimEnd()), opensList: rest === "", value: typeof value === "string" ? detach(value) : value, rest: compoundValue ? rest : "" };
	}
	if (keyLines.size >= KEY_LINES_LIMIT) keyLines.clear();
	keyLines.set(detach(line), read);
	return read;
}

/** A flow sequence or `{}`, made anew. */
function compound(rest: string): unknown {
	return rest === "{}" ? {} : flowSeq(rest);
}

const RESERVED_PLAIN = /^(true|false|yes|no|on|off|null|~)$/i;

/**
 * A value as YAML: plain when it reads back as the same text (or number, or
 * date), double-quoted otherwise (links, names with punctuation), so that a
 * clinician's name with a colon never breaks the properties.
 */
export function yamlScalar(value: string | number): string {
	if (typeof value === "number") return String(value);
	if (value === "") return "";
	// Codes such as 017 or 1e3 would read back as numbers: those are quoted.
	if (/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u.test(value) && !/\s$/.test(value) && !RESERVED_PLAIN.test(value) && readsBackAsText(value)) return value;
	return JSON.stringify(value);
}
