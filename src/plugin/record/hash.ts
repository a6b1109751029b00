/**
 * The plugin's content hash: Web Crypto (`crypto.subtle`, on desktop and
 * mobile) where it exists, else the pure SHA-256 of the core. Same digest.
 */
import { type TFile, parseYaml } from "obsidian";
import { contentHashBytes } from "../../core/record/content-hash";
import { sha256Hex } from "../../core/record/sha256";
import { frontmatterEnd } from "../../core/markdown/context";
import { splitLines } from "../../core/markdown/lines";
import type { AttuneContext } from "../context";

/** SHA-256 hex of bytes. */
export async function sha256(bytes: Uint8Array): Promise<string> {
	// `crypto` is a global of Obsidian on desktop and mobile; an environment without Web Crypto gets the pure digest.
	const subtle = typeof crypto === "undefined" ? undefined : crypto.subtle;
	if (!subtle) return sha256Hex(bytes);
	const digest = await subtle.digest("SHA-256", new Uint8Array(bytes));
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The text of a note's properties block (without its fences), or undefined when it has none. */
export function propertiesText(text: string): string | undefined {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const lines = splitLines(body);
	const end = frontmatterEnd(lines);
	return end < 0 ? undefined : lines.slice(1, end).join("\n");
}

/** A note's properties parsed from its text, or throws when they are not valid YAML. */
export function propertiesOf(text: string, yaml = propertiesText(text)): Record<string, unknown> | null {
	if (yaml === undefined || yaml.trim() === "") return null;
	const data = parseYaml(yaml) as unknown;
	if (data === null || data === undefined) return null;
	if (typeof data !== "object" || Array.isArray(data)) throw new Error("they are not a list of named properties");
	return data as Record<string, unknown>;
}

/** The content hash of a note's text as it is now. */
export function contentHashOf(text: string, fm: Record<string, unknown> | null): Promise<string> {
	return sha256(contentHashBytes(text, fm));
}

/** Reads a note and its parsed properties, from the current text. */
export async function readNote(ctx: AttuneContext, file: TFile): Promise<{ text: string; fm: Record<string, unknown> | null }> {
	const text = await ctx.app.vault.read(file);
	return { text, fm: propertiesOf(text) };
}
