/**
 * Reading a vault folder from disk, the way Obsidian sees it: Markdown files
 * outside dot-folders and excluded paths, symbolic links followed once.
 * Never writes anything.
 */
import { isUtf8 } from "node:buffer";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { compileExcludes, inFolder, inHiddenFolder } from "../core/vault-paths";
import { NoteIndex } from "../core/index/index";
import { type InterpretOptions, type NoteFacts, type NoteRecord, interpretNote, unreadableRecord } from "../core/note/note";
import { factsFromText } from "../core/note/reader";
import { scanMarkdown } from "../core/markdown/scan";
import { type VerifyRow, recordDiagnostic } from "../core/record/verify";
import { verifyFacts } from "./record-check";
import { parseSimpleYaml } from "../core/note/yaml-lite";
import { type AttuneSettings, migrateSettings, settingsProblems } from "../core/settings";
import { type Vocabulary, vocabularyFrom } from "../core/vocabulary/vocabulary";
import type { SummaryOptions } from "../core/index/summary";
import { clientSessionFolder } from "../core/authoring/new-note";

/**
 * YAML as Obsidian reads properties: YAML 1.2 core schema, dates kept as text.
 * Simple blocks take the fast path; anything else gets the full parser.
 */
export function parseProperties(yaml: string): unknown {
	const simple = parseSimpleYaml(yaml);
	if (simple !== undefined) return simple;
	// logLevel "error": YAML warnings (an unknown !tag) must not leak onto the terminal.
	return parseYaml(yaml, { schema: "core", uniqueKeys: false, prettyErrors: false, maxAliasCount: 100, logLevel: "error" });
}

/** A vault's configuration, read from its config folder. */
export interface VaultConfig {
	settings: AttuneSettings;
	vocab: Vocabulary;
	/** Whether a path is left unread: the vault's excluded files, or Attune's export folder. */
	excluded: (p: string) => boolean;
	/** The vault's excluded files alone (Settings, Files and links), for wording. */
	userExcluded: (p: string) => boolean;
	/** Problems reading configuration, reported as warnings, never fatal. */
	warnings: string[];
}

function readJson(file: string, warnings: string[]): unknown {
	try {
		if (!fs.existsSync(file)) return undefined;
		return JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
	} catch (e) {
		warnings.push(`${file} could not be read (${e instanceof Error ? e.message : String(e)}); defaults are used.`);
		return undefined;
	}
}

/** How a summary of this vault is worded: its client folders, its words, its excluded files. */
export function summaryOptions(config: VaultConfig): SummaryOptions {
	return { clientFolder: (c) => clientSessionFolder(config.settings.sessionFolder, c), vocab: config.vocab, excluded: config.userExcluded, exportFolder: config.settings.exportFolder };
}

/** Reads `.obsidian/app.json` and the plugin's saved settings. */
export function readVaultConfig(root: string, configDir = ".obsidian"): VaultConfig {
	const warnings: string[] = [];
	const app = readJson(path.join(root, configDir, "app.json"), warnings) as { userIgnoreFilters?: unknown } | undefined;
	const data = readJson(path.join(root, configDir, "plugins", "attune", "data.json"), warnings);
	const settings = migrateSettings(data);
	for (const p of settingsProblems(data)) warnings.push(`the plugin's saved settings: ${p}`);
	const userExcluded = compileExcludes(app?.userIgnoreFilters);
	// De-identified copies are for a supervisor's vault; here they would count every note twice.
	const excluded = (p: string) => userExcluded(p) || inFolder(p, settings.exportFolder);
	return { settings, vocab: vocabularyFrom(settings), excluded, userExcluded, warnings };
}

const lenient = new TextDecoder("utf-8");

/** The note files' bytes, read into one buffer reused from note to note (grown when a note is larger). */
let scratch = Buffer.allocUnsafe(1 << 16);

/**
 * A file's bytes, in `scratch` (valid until the next call): open, read, close.
 * `readFileSync` would also ask the file's size and allocate a buffer for each
 * note; on 10,000 notes that was a tenth of the reading.
 */
function readBytes(file: string): Buffer {
	const fd = fs.openSync(file, "r");
	try {
		let length = 0;
		for (;;) {
			if (length === scratch.length) {
				const grown = Buffer.allocUnsafe(scratch.length * 2);
				scratch.copy(grown, 0, 0, length);
				scratch = grown;
			}
			const n = fs.readSync(fd, scratch, length, scratch.length - length, null);
			if (n === 0) return scratch.subarray(0, length);
			length += n;
		}
	} finally {
		fs.closeSync(fd);
	}
}

/** A note file's text, or why it could not be read. */
export type NoteText = { text: string; notUtf8: boolean } | { error: string };

/**
 * Reads a note file as Obsidian would: UTF-8, without a leading byte-order
 * mark, with replacement characters where the bytes are not UTF-8.
 */
export function readNoteText(file: string): NoteText {
	let bytes: Buffer;
	try {
		bytes = readBytes(file);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		return { error: code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ELOOP" ? "a symbolic link that loops" : code ?? String(e) };
	}
	// Checked first, then decoded: both faster than a decoder that throws on bad bytes. The mark is dropped, as a decoder drops it.
	if (isUtf8(bytes)) return { text: bytes.toString("utf8", bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0), notUtf8: false };
	return { text: lenient.decode(bytes), notUtf8: true };
}

/** A read note: its record, and for a finalized note its verify row (FORMAT.md section 7). */
export interface ReadNote {
	rec: NoteRecord;
	row: VerifyRow | null;
	/** The facts the record was made from; absent for a file that could not be read. */
	facts?: NoteFacts;
}

/**
 * Turns a read note into its record; a file that could not be read becomes a
 * diagnostic, and so does a finalized note that changed since (`record-changed`),
 * hashed here from the text already read rather than in a second pass.
 */
export function readNoteRecord(read: NoteText, vaultPath: string, vocab: Vocabulary, opts: InterpretOptions = {}): ReadNote {
	if ("error" in read) return { rec: unreadableRecord(vaultPath, read.error), row: null };
	const scan = scanMarkdown(read.text);
	const facts = factsFromText(vaultPath, read.text, parseProperties, scan);
	const rec = interpretNote(facts, vocab, opts);
	const row = verifyFacts(read.text, facts, scan);
	const changed = row && recordDiagnostic(row);
	if (changed) rec.diagnostics.push(changed);
	if (read.notUtf8) {
		rec.diagnostics.unshift({
			path: vaultPath, line: 1, tag: "file", code: "unreadable-file",
			message: "Part of this note is not UTF-8 text; those bytes were read as “�”, and tags in them may be missed. Re-save the note as UTF-8.",
		});
	}
	return { rec, row, facts };
}

/** Turns a read note into its record (see `readNoteRecord`). */
export function recordFromText(read: NoteText, vaultPath: string, vocab: Vocabulary, opts: InterpretOptions = {}): NoteRecord {
	return readNoteRecord(read, vaultPath, vocab, opts).rec;
}

/** Reads one note file into its record; a file that cannot be read becomes a diagnostic. */
export function readNoteFile(file: string, vaultPath: string, vocab: Vocabulary, opts: InterpretOptions = {}): NoteRecord {
	return recordFromText(readNoteText(file), vaultPath, vocab, opts);
}

/** Lists a vault's Markdown notes as vault-relative paths, sorted, following each folder once. */
export function listNotes(root: string, excluded: (p: string) => boolean, onProblem: (vaultPath: string, reason: string) => void): { file: string; vaultPath: string }[] {
	const out: { file: string; vaultPath: string }[] = [];
	const seen = new Set<string>();
	// An explicit stack rather than recursion: deep folders cannot overflow the call stack.
	const stack: { dir: string; rel: string }[] = [{ dir: root, rel: "" }];
	while (stack.length > 0) {
		const { dir, rel } = stack.pop()!;
		let real: string;
		try {
			// One system call per folder (the JavaScript realpath walks every component).
			real = fs.realpathSync.native(dir);
		} catch (e) {
			onProblem(rel || ".", (e as NodeJS.ErrnoException).code === "ELOOP" ? "a symbolic link that loops" : "the folder cannot be read");
			continue;
		}
		if (seen.has(real)) continue;
		seen.add(real);
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(dir, { withFileTypes: true });
		} catch {
			onProblem(rel || ".", "the folder cannot be read (permission denied)");
			continue;
		}
		for (const ent of entries) {
			const childRel = rel ? `${rel}/${ent.name}` : ent.name;
			if (ent.name.startsWith(".") || inHiddenFolder(childRel)) continue;
			const child = path.join(dir, ent.name);
			let isDir = ent.isDirectory();
			let isFile = ent.isFile();
			if (ent.isSymbolicLink()) {
				try {
					const st = fs.statSync(child);
					isDir = st.isDirectory();
					isFile = st.isFile();
				} catch (e) {
					if (/\.md$/i.test(ent.name)) onProblem(childRel, (e as NodeJS.ErrnoException).code === "ELOOP" ? "a symbolic link that loops" : "a broken symbolic link");
					continue;
				}
			}
			if (isDir) {
				if (!excluded(childRel + "/")) stack.push({ dir: child, rel: childRel });
			} else if (isFile && /\.md$/i.test(ent.name) && !excluded(childRel)) {
				out.push({ file: child, vaultPath: childRel });
			}
		}
	}
	return out.sort((a, b) => (a.vaultPath < b.vaultPath ? -1 : a.vaultPath > b.vaultPath ? 1 : 0));
}

/** Reads a whole vault into an index. */
export function indexVault(root: string, config: VaultConfig, opts: { countsOnly?: boolean } = {}): NoteIndex {
	const index = new NoteIndex();
	const notes = listNotes(root, config.excluded, (p, reason) => index.set(unreadableRecord(p, reason)));
	for (const n of notes) {
		// A summary needs the counts, not every occurrence: none is built.
		index.set(readNoteFile(n.file, n.vaultPath, config.vocab, { countsOnly: opts.countsOnly }));
	}
	return index;
}

/** Finds the vault holding a note: the nearest folder above it with a `.obsidian` folder. */
export function findVaultRoot(file: string): string | undefined {
	return findVaultRootOfFolder(path.dirname(path.resolve(file)));
}

/** Finds the vault holding a folder: the folder itself or the nearest one above it with a `.obsidian` folder. */
export function findVaultRootOfFolder(folder: string): string | undefined {
	let dir = path.resolve(folder);
	for (;;) {
		if (fs.existsSync(path.join(dir, ".obsidian"))) return dir;
		const up = path.dirname(dir);
		if (up === dir) return undefined;
		dir = up;
	}
}
