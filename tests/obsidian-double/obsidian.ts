/**
 * A small test double of the `obsidian` module. See README.md beside it for
 * what it models and how faithfully.
 */
import moment from "moment";
import { parse as yamlParse, stringify as yamlStringify } from "yaml";
import { scanMarkdown } from "../../src/core/markdown/scan";

export { moment };

type Listener = (...args: unknown[]) => unknown;

// Obsidian always runs in a window; plain-Node tests and the benchmark get one.
if (typeof (globalThis as { window?: unknown }).window === "undefined") (globalThis as { window?: unknown }).window = globalThis;

/** Positions as Obsidian reports them. */
export interface Loc { line: number; col: number; offset: number }
export interface Pos { start: Loc; end: Loc }

export class Events {
	private handlers = new Map<string, Set<Listener>>();
	on(name: string, callback: Listener, _ctx?: unknown): EventRef {
		let set = this.handlers.get(name);
		if (!set) this.handlers.set(name, (set = new Set()));
		set.add(callback);
		return { events: this, name, callback };
	}
	off(name: string, callback: Listener): void {
		this.handlers.get(name)?.delete(callback);
	}
	offref(ref: EventRef): void {
		ref.events.off(ref.name, ref.callback);
	}
	trigger(name: string, ...data: unknown[]): void {
		for (const h of [...(this.handlers.get(name) ?? [])]) h(...data);
	}
	/** Test helper: how many listeners are attached to an event. */
	listenerCount(name: string): number {
		return this.handlers.get(name)?.size ?? 0;
	}
}
export interface EventRef { events: Events; name: string; callback: Listener }

export class Component {
	private children: Component[] = [];
	private cleanups: (() => void)[] = [];
	_loaded = false;
	/** Loads the component; returns onload's promise when it is async, so tests can await it. */
	load(): void | Promise<void> {
		if (this._loaded) return;
		this._loaded = true;
		const r = this.onload() as unknown;
		for (const c of this.children) void c.load();
		return r instanceof Promise ? (r as Promise<void>) : undefined;
	}
	onload(): void | Promise<void> {}
	unload(): void {
		if (!this._loaded) return;
		this._loaded = false;
		for (const c of this.children.splice(0)) c.unload();
		for (const fn of this.cleanups.splice(0).reverse()) fn();
		this.onunload();
	}
	onunload(): void {}
	addChild<T extends Component>(c: T): T {
		this.children.push(c);
		if (this._loaded) void c.load();
		return c;
	}
	removeChild<T extends Component>(c: T): T {
		this.children = this.children.filter((x) => x !== c);
		c.unload();
		return c;
	}
	register(cb: () => unknown): void {
		this.cleanups.push(() => void cb());
	}
	registerEvent(ref: EventRef): void {
		this.cleanups.push(() => ref.events.offref(ref));
	}
	registerDomEvent(el: EventTarget, type: string, cb: (ev: Event) => unknown, opts?: boolean | AddEventListenerOptions): void {
		el.addEventListener(type, cb, opts);
		this.cleanups.push(() => el.removeEventListener(type, cb, opts));
	}
	registerInterval(id: number): number {
		this.cleanups.push(() => clearInterval(id));
		return id;
	}
}

export abstract class TAbstractFile {
	vault!: Vault;
	path: string;
	name: string;
	parent: TFolder | null = null;
	constructor(path: string) {
		this.path = path;
		this.name = path.slice(path.lastIndexOf("/") + 1);
	}
}
export class TFile extends TAbstractFile {
	stat = { ctime: 0, mtime: 0, size: 0 };
	get basename(): string {
		return this.name.replace(/\.[^.]*$/, "");
	}
	get extension(): string {
		const i = this.name.lastIndexOf(".");
		return i < 0 ? "" : this.name.slice(i + 1);
	}
}
export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];
	isRoot(): boolean {
		return this.path === "/" || this.path === "";
	}
}

export function normalizePath(p: string): string {
	return p.replace(/\\/g, "/").replace(/\/+/g, "/").replace(/^\/|\/$/g, "").normalize("NFC") || "/";
}

/**
 * The vault's file-system adapter, as far as plugins use it for files the
 * vault does not index (the config folder: a plugin's data.json and its
 * copies). It keeps those files as text in memory; `exists` and `read` also
 * see the vault's notes. Writes through the adapter to a note are refused (the
 * double does not model them; Attune writes notes through the Vault API).
 */
export class DataAdapter {
	private files = new Map<string, string>();
	/** Every adapter write, in order: which method, which path. */
	writes: { op: string; path: string }[] = [];
	constructor(private readonly vault: Vault) {}
	async exists(path: string): Promise<boolean> {
		return this.files.has(path) || this.vault.exists(path);
	}
	async read(path: string): Promise<string> {
		const t = this.files.get(path);
		if (t !== undefined) return t;
		return this.vault.text(path);
	}
	async write(path: string, data: string): Promise<void> {
		if (this.vault.getFileByPath(path)) throw new Error(`double: adapter.write on a note (${path}); use the Vault API`);
		this.writes.push({ op: "write", path });
		this.files.set(path, data);
	}
	async copy(from: string, to: string): Promise<void> {
		if (await this.exists(to)) throw new Error("Destination file already exists!");
		const text = await this.read(from);
		this.writes.push({ op: "copy", path: to });
		this.files.set(to, text);
	}
	async remove(path: string): Promise<void> {
		if (!this.files.has(path)) throw new Error(`ENOENT: ${path}`);
		this.writes.push({ op: "remove", path });
		this.files.delete(path);
	}
	/** Test helper: puts a file in place without recording a write (the disk as it was at startup). */
	_seed(path: string, text: string): void {
		this.files.set(path, text);
	}
	/** Test helper: the exact text of a file the adapter holds, or null. */
	_text(path: string): string | null {
		return this.files.get(path) ?? null;
	}
	/** Test helper: the paths the adapter holds (not the vault's notes), sorted. */
	_paths(): string[] {
		return [...this.files.keys()].sort();
	}
}

/** In-memory vault. Records every write in `writes`. */
export class Vault extends Events {
	private files = new Map<string, { file: TFile; text: string }>();
	private folders = new Set<string>([""]);
	private bytes = new Map<string, Uint8Array>();
	configDir = ".obsidian";
	/** Files outside the vault's index (the config folder), for `loadData`/`saveData` and plugins. */
	adapter: DataAdapter = new DataAdapter(this);
	/** Every write, in order: which method, which path. */
	writes: { op: string; path: string }[] = [];
	/** `app.json` settings returned by getConfig. */
	config: Record<string, unknown> = {};
	constructor(private readonly app: App) {
		super();
	}
	getConfig(key: string): unknown {
		return this.config[key];
	}
	getName(): string {
		return "Test vault";
	}
	/** Test helper: puts a file in place without events (the vault as it was at startup). */
	seed(path: string, text: string): TFile {
		const file = new TFile(path);
		file.vault = this;
		file.stat.size = text.length;
		this.files.set(path, { file, text });
		this.addFolders(path);
		return file;
	}
	private addFolders(path: string): void {
		const parts = path.split("/");
		for (let i = 1; i < parts.length; i++) this.folders.add(parts.slice(0, i).join("/"));
	}
	getAbstractFileByPath(path: string): TAbstractFile | null {
		const f = this.files.get(path);
		if (f) return f.file;
		if (this.folders.has(path)) {
			const folder = new TFolder(path);
			folder.children = [...this.files.values()].filter((x) => x.file.path.startsWith(path + "/")).map((x) => x.file);
			return folder;
		}
		return null;
	}
	getFileByPath(path: string): TFile | null {
		return this.files.get(path)?.file ?? null;
	}
	getFolderByPath(path: string): TFolder | null {
		const f = this.getAbstractFileByPath(path);
		return f instanceof TFolder ? f : null;
	}
	getMarkdownFiles(): TFile[] {
		return [...this.files.values()].map((x) => x.file).filter((f) => f.extension === "md");
	}
	getFiles(): TFile[] {
		return [...this.files.values()].map((x) => x.file);
	}
	getAllLoadedFiles(): TAbstractFile[] {
		return this.getFiles();
	}
	async read(file: TFile): Promise<string> {
		return this.text(file.path);
	}
	async cachedRead(file: TFile): Promise<string> {
		return this.text(file.path);
	}
	/** Test helper: the current text of a path. */
	text(path: string): string {
		const f = this.files.get(path);
		if (!f) throw new Error(`ENOENT: ${path}`);
		return f.text;
	}
	async create(path: string, data: string): Promise<TFile> {
		if (this.files.has(path)) throw new Error("File already exists.");
		this.writes.push({ op: "create", path });
		const file = this.seed(path, data);
		this.trigger("create", file);
		this.app.metadataCache._refresh(file, data);
		return file;
	}
	/** As Obsidian: a new file of bytes; refuses an existing path, like `create`. */
	async createBinary(path: string, data: ArrayBuffer): Promise<TFile> {
		if (this.exists(path)) throw new Error("File already exists.");
		this.writes.push({ op: "createBinary", path });
		const file = this.seed(path, "");
		file.stat.size = data.byteLength;
		this.bytes.set(path, new Uint8Array(data.slice(0)));
		this.trigger("create", file);
		return file;
	}
	/** Test helper: the bytes of a file made by `createBinary`, or null. */
	binary(path: string): Uint8Array | null {
		return this.bytes.get(path) ?? null;
	}
	async createFolder(path: string): Promise<TFolder> {
		if (this.folders.has(path)) throw new Error("Folder already exists.");
		this.writes.push({ op: "createFolder", path });
		this.folders.add(path);
		this.addFolders(path + "/x");
		return new TFolder(path);
	}
	async modify(file: TFile, data: string): Promise<void> {
		this.writes.push({ op: "modify", path: file.path });
		this.setText(file, data);
	}
	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		const cur = this.text(file.path);
		const next = fn(cur);
		this.writes.push({ op: "process", path: file.path });
		if (next !== cur) this.setText(file, next);
		return next;
	}
	async append(file: TFile, data: string): Promise<void> {
		this.writes.push({ op: "append", path: file.path });
		this.setText(file, this.text(file.path) + data);
	}
	private setText(file: TFile, data: string): void {
		const f = this.files.get(file.path);
		if (!f) throw new Error(`ENOENT: ${file.path}`);
		f.text = data;
		file.stat.mtime++;
		file.stat.size = data.length;
		this.trigger("modify", file);
		this.app.metadataCache._refresh(file, data);
	}
	async rename(file: TAbstractFile, newPath: string): Promise<void> {
		if (this.files.has(newPath)) throw new Error("Destination file already exists!");
		const f = this.files.get(file.path);
		if (!f) throw new Error(`ENOENT: ${file.path}`);
		const old = file.path;
		this.files.delete(old);
		file.path = newPath;
		file.name = newPath.slice(newPath.lastIndexOf("/") + 1);
		this.files.set(newPath, f);
		this.addFolders(newPath);
		this.writes.push({ op: "rename", path: newPath });
		this.app.metadataCache._move(old, newPath);
		this.trigger("rename", file, old);
	}
	async delete(file: TAbstractFile): Promise<void> {
		this.writes.push({ op: "delete", path: file.path });
		this.files.delete(file.path);
		this.app.metadataCache._forget(file.path);
		this.trigger("delete", file);
	}
	async trash(file: TAbstractFile): Promise<void> {
		await this.delete(file);
	}
	/** Test helper: whether a path exists. */
	exists(path: string): boolean {
		return this.files.has(path) || this.folders.has(path);
	}
}

/** Builds `CachedMetadata` from text, shaped as Obsidian's (positions 0-based). */
export function buildCache(text: string): CachedMetadata {
	const body = text.replace(/^\uFEFF/, "");
	const scan = scanMarkdown(body);
	const lineStarts = [0];
	for (let i = 0; i < body.length; i++) if (body[i] === "\n") lineStarts.push(i + 1);
	const loc = (line: number, col: number): Loc => ({ line, col, offset: (lineStarts[line] ?? body.length) + col });
	const lines = body.split(/\r?\n/);
	const cache: CachedMetadata = {};
	const sections: SectionCache[] = [];
	if (scan.frontmatter) {
		const fmEnd = loc(scan.frontmatter.endLine, 3);
		cache.frontmatterPosition = { start: loc(0, 0), end: fmEnd };
		sections.push({ type: "yaml", position: { start: loc(0, 0), end: fmEnd } });
		try {
			const data = yamlParse(scan.frontmatter.yaml, { schema: "core" }) as unknown;
			if (data && typeof data === "object" && !Array.isArray(data)) cache.frontmatter = data as FrontMatterCache;
		} catch {
			// Obsidian leaves frontmatter out when the YAML does not parse.
		}
	}
	if (scan.tags.length) {
		cache.tags = scan.tags.map((t) => ({ tag: "#" + t.tag, position: { start: loc(t.line, t.col), end: loc(t.line, t.col + t.tag.length + 1) } }));
	}
	if (scan.headings.length) {
		cache.headings = scan.headings.map((h) => ({ heading: h.heading, level: h.level, position: { start: loc(h.line, 0), end: loc(h.line, lines[h.line]?.length ?? 0) } }));
		for (const h of scan.headings) sections.push({ type: "heading", position: { start: loc(h.line, 0), end: loc(h.line, lines[h.line]?.length ?? 0) } });
	}
	for (const c of scan.callouts) {
		if (!/^\s{0,3}>\s*\[!/.test(lines[c.line] ?? "")) continue;
		let end = c.line;
		while (end + 1 < lines.length && /^\s{0,3}>/.test(lines[end + 1]!)) end++;
		sections.push({ type: "callout", position: { start: loc(c.line, 0), end: loc(end, lines[end]!.length) } });
	}
	sections.sort((a, b) => a.position.start.line - b.position.start.line);
	if (sections.length) cache.sections = sections;
	return cache;
}

export interface CacheItem { position: Pos }
export interface TagCache extends CacheItem { tag: string }
export interface HeadingCache extends CacheItem { heading: string; level: number }
export interface SectionCache extends CacheItem { type: string; id?: string }
export interface ListItemCache extends CacheItem { parent: number; task?: string }
export type FrontMatterCache = Record<string, unknown>;
export interface CachedMetadata {
	tags?: TagCache[];
	headings?: HeadingCache[];
	sections?: SectionCache[];
	listItems?: ListItemCache[];
	frontmatter?: FrontMatterCache;
	frontmatterPosition?: Pos;
	links?: { link: string; original: string; displayText?: string; position: Pos }[];
}

export class MetadataCache extends Events {
	private caches = new Map<string, CachedMetadata>();
	private pinned = new Set<string>();
	/** Test helper: installs a recorded cache for a path (kept until the file changes). */
	setCache(path: string, cache: CachedMetadata): void {
		this.caches.set(path, cache);
		this.pinned.add(path);
	}
	constructor(private readonly app: App) {
		super();
	}
	getFileCache(file: TFile): CachedMetadata | null {
		const c = this.caches.get(file.path);
		if (c) return c;
		let text: string;
		try {
			text = this.app.vault.text(file.path);
		} catch {
			return null;
		}
		const built = buildCache(text);
		this.caches.set(file.path, built);
		return built;
	}
	/**
	 * Test helper: builds every note's cache now, as Obsidian has it at
	 * start-up (read back from its own store, or parsed before the layout is
	 * ready), so that a later `getFileCache` is only a look-up.
	 */
	_buildAll(): void {
		for (const f of this.app.vault.getMarkdownFiles()) this.getFileCache(f);
	}
	getCache(path: string): CachedMetadata | null {
		const f = this.app.vault.getFileByPath(path);
		return f ? this.getFileCache(f) : null;
	}
	getFirstLinkpathDest(linkpath: string, _source: string): TFile | null {
		const name = linkpath.replace(/\.md$/, "");
		return this.app.vault.getMarkdownFiles().find((f) => f.path === name + ".md" || f.basename === name) ?? null;
	}
	fileToLinktext(file: TFile, _source: string, omitMdExtension = true): string {
		return omitMdExtension ? file.basename : file.name;
	}
	resolvedLinks: Record<string, Record<string, number>> = {};
	unresolvedLinks: Record<string, Record<string, number>> = {};
	_refresh(file: TFile, text: string): void {
		this.pinned.delete(file.path);
		const cache = buildCache(text);
		this.caches.set(file.path, cache);
		this.trigger("changed", file, text, cache);
	}
	_move(oldPath: string, newPath: string): void {
		const c = this.caches.get(oldPath);
		this.caches.delete(oldPath);
		if (c) this.caches.set(newPath, c);
	}
	_forget(path: string): void {
		this.caches.delete(path);
	}
}

export class FileManager {
	constructor(private readonly app: App) {}
	async processFrontMatter(file: TFile, fn: (fm: Record<string, unknown>) => void): Promise<void> {
		await this.app.vault.process(file, (whole) => {
			// Obsidian reads the properties block after a leading byte-order mark, edits that block, and keeps the mark.
			const bom = whole.charCodeAt(0) === 0xfeff ? "\uFEFF" : "";
			const text = whole.slice(bom.length);
			const m = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(\r?\n|$)/.exec(text);
			const eol = text.includes("\r\n") ? "\r\n" : "\n";
			let data: Record<string, unknown> = {};
			if (m) {
				const parsed = yamlParse(m[1]!) as unknown;
				if (parsed && typeof parsed === "object") data = parsed as Record<string, unknown>;
			}
			fn(data);
			const yaml = yamlStringify(data).replace(/\n$/, "").replace(/\n/g, eol);
			const block = `---${eol}${yaml}${eol}---${eol}`;
			return bom + (m ? block + text.slice(m[0].length) : block + text);
		});
	}
	generateMarkdownLink(file: TFile, _source: string): string {
		return `[[${file.basename}]]`;
	}
	async trashFile(file: TAbstractFile): Promise<void> {
		await this.app.vault.trash(file);
	}
	getNewFileParent(_source: string): TFolder {
		return new TFolder("");
	}
}

export class View extends Component {
	app: App;
	containerEl: HTMLElement;
	icon = "";
	navigation = false;
	constructor(public leaf: WorkspaceLeaf) {
		super();
		this.app = leaf.app;
		this.containerEl = typeof document !== "undefined" ? document.createElement("div") : ({} as HTMLElement);
		if (typeof document !== "undefined") {
			this.containerEl.appendChild(document.createElement("div"));
			this.containerEl.appendChild(document.createElement("div"));
		}
	}
	getViewType(): string {
		return "";
	}
	getDisplayText(): string {
		return "";
	}
	getIcon(): string {
		return this.icon;
	}
	getState(): Record<string, unknown> {
		return {};
	}
	async setState(_state: unknown, _result: unknown): Promise<void> {}
	async onOpen(): Promise<void> {}
	async onClose(): Promise<void> {}
}
export class ItemView extends View {
	contentEl: HTMLElement;
	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.contentEl = (this.containerEl.children?.[1] as HTMLElement) ?? ({} as HTMLElement);
	}
	addAction(icon: string, title: string, cb: (ev: MouseEvent) => unknown): HTMLElement {
		const el = document.createElement("button");
		el.setAttribute("aria-label", title);
		el.dataset.icon = icon;
		el.addEventListener("click", cb as EventListener);
		this.containerEl.prepend(el);
		return el;
	}
}

export class Editor {
	private text: string;
	private anchor: EditorPosition = { line: 0, ch: 0 };
	private head: EditorPosition = { line: 0, ch: 0 };
	constructor(text = "") {
		this.text = text;
	}
	getValue(): string {
		return this.text;
	}
	setValue(v: string): void {
		this.text = v;
	}
	private lines(): string[] {
		return this.text.split(/\r?\n/);
	}
	private eol(): string {
		return this.text.includes("\r\n") ? "\r\n" : "\n";
	}
	lineCount(): number {
		return this.lines().length;
	}
	lastLine(): number {
		return this.lineCount() - 1;
	}
	getLine(n: number): string {
		return this.lines()[n] ?? "";
	}
	posToOffset(p: EditorPosition): number {
		const ls = this.lines();
		const e = this.eol().length;
		let off = 0;
		for (let i = 0; i < p.line && i < ls.length; i++) off += ls[i]!.length + e;
		return off + Math.min(p.ch, ls[p.line]?.length ?? 0);
	}
	offsetToPos(off: number): EditorPosition {
		const ls = this.lines();
		const e = this.eol().length;
		for (let i = 0; i < ls.length; i++) {
			const l = ls[i]!;
			if (off <= l.length) return { line: i, ch: off };
			off -= l.length + e;
		}
		// split() gives at least one line.
		return { line: ls.length - 1, ch: ls[ls.length - 1]!.length };
	}
	getCursor(which: "from" | "to" | "head" | "anchor" = "head"): EditorPosition {
		const [from, to] = this.ordered();
		return which === "from" ? from : which === "to" ? to : which === "anchor" ? { ...this.anchor } : { ...this.head };
	}
	setCursor(pos: EditorPosition | number, ch?: number): void {
		const p = typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos;
		this.anchor = { ...p };
		this.head = { ...p };
	}
	setSelection(anchor: EditorPosition, head?: EditorPosition): void {
		this.anchor = { ...anchor };
		this.head = { ...(head ?? anchor) };
	}
	somethingSelected(): boolean {
		return this.posToOffset(this.anchor) !== this.posToOffset(this.head);
	}
	private ordered(): [EditorPosition, EditorPosition] {
		return this.posToOffset(this.anchor) <= this.posToOffset(this.head) ? [{ ...this.anchor }, { ...this.head }] : [{ ...this.head }, { ...this.anchor }];
	}
	getSelection(): string {
		const [a, b] = this.ordered();
		return this.text.slice(this.posToOffset(a), this.posToOffset(b));
	}
	getRange(from: EditorPosition, to: EditorPosition): string {
		return this.text.slice(this.posToOffset(from), this.posToOffset(to));
	}
	replaceSelection(s: string): void {
		const [a, b] = this.ordered();
		this.replaceRange(s, a, b);
		const end = this.offsetToPos(this.posToOffset(a) + s.length);
		this.setCursor(end);
	}
	replaceRange(s: string, from: EditorPosition, to?: EditorPosition): void {
		const f = this.posToOffset(from);
		const t = to ? this.posToOffset(to) : f;
		this.text = this.text.slice(0, f) + s + this.text.slice(t);
	}
	transaction(tx: { changes?: { from: EditorPosition; to?: EditorPosition; text: string }[]; selection?: { from: EditorPosition; to?: EditorPosition } }): void {
		const changes = [...(tx.changes ?? [])].sort((x, y) => this.posToOffset(y.from) - this.posToOffset(x.from));
		for (const c of changes) this.replaceRange(c.text, c.from, c.to);
		if (tx.selection) this.setSelection(tx.selection.from, tx.selection.to);
	}
	focus(): void {}
	scrollIntoView(): void {}
}
export interface EditorPosition { line: number; ch: number }

export class MarkdownView extends ItemView {
	editor: Editor;
	file: TFile | null = null;
	constructor(leaf: WorkspaceLeaf, file: TFile | null = null, text = "") {
		super(leaf);
		this.file = file;
		this.editor = new Editor(text);
	}
	getViewType(): string {
		return "markdown";
	}
	getMode(): string {
		return "source";
	}
}

export class WorkspaceLeaf extends Events {
	view: View;
	app: App;
	/** Test helper: what this leaf last opened. */
	opened: { path: string; state?: unknown }[] = [];
	constructor(app: App) {
		super();
		this.app = app;
		this.view = new View(this);
	}
	async setViewState(state: { type: string; active?: boolean; state?: unknown }): Promise<void> {
		// As in Obsidian: a leaf already showing a view of that type keeps it and only passes it the new state.
		if (!(this.view && this.view._loaded && this.view.getViewType() === state.type)) {
			const ctor = this.app.workspace._viewCreators.get(state.type);
			if (this.view && this.view._loaded) {
				await this.view.onClose();
				this.view.unload();
			}
			this.view = ctor ? ctor(this) : new View(this);
			await this.view.load();
			await this.view.onOpen();
		}
		if (state.state !== undefined) await this.view.setState(state.state, { history: false });
	}
	getViewState(): { type: string } {
		return { type: this.view.getViewType() };
	}
	async openFile(file: TFile, state?: { eState?: unknown; active?: boolean }): Promise<void> {
		this.opened.push({ path: file.path, state });
		const text = this.app.vault.text(file.path);
		this.view = new MarkdownView(this, file, text);
		this.app.workspace._setActive(this);
	}
	detach(): void {
		this.app.workspace._removeLeaf(this);
		if (this.view._loaded) this.view.unload();
	}
	setEphemeralState(_s: unknown): void {}
}

export class Workspace extends Events {
	_viewCreators = new Map<string, (leaf: WorkspaceLeaf) => View>();
	private leaves: WorkspaceLeaf[] = [];
	private active: WorkspaceLeaf | null = null;
	private ready = false;
	private readyQueue: (() => void)[] = [];
	activeEditor: { editor: Editor; file: TFile | null } | null = null;
	containerEl = typeof document !== "undefined" ? document.createElement("div") : ({} as HTMLElement);
	constructor(private readonly app: App, layoutReady: boolean) {
		super();
		this.ready = layoutReady;
	}
	get layoutReady(): boolean {
		return this.ready;
	}
	onLayoutReady(cb: () => void): void {
		if (this.ready) cb();
		else this.readyQueue.push(cb);
	}
	/** Test helper: the layout becomes ready. */
	setLayoutReady(): void {
		this.ready = true;
		for (const cb of this.readyQueue.splice(0)) cb();
	}
	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.view.getViewType() === type);
	}
	getRightLeaf(_split: boolean): WorkspaceLeaf {
		return this.newLeaf();
	}
	getLeftLeaf(_split: boolean): WorkspaceLeaf {
		return this.newLeaf();
	}
	getLeaf(_newLeaf?: unknown): WorkspaceLeaf {
		if (!_newLeaf && this.active && this.active.view instanceof MarkdownView) return this.active;
		return this.newLeaf();
	}
	private newLeaf(): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app);
		this.leaves.push(leaf);
		return leaf;
	}
	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		this.trigger("test:reveal", leaf);
	}
	getActiveViewOfType<T>(type: abstract new (...a: never[]) => T): T | null {
		const v = this.active?.view;
		return v instanceof (type as unknown as typeof View) ? (v as unknown as T) : null;
	}
	getActiveFile(): TFile | null {
		const v = this.active?.view;
		return v instanceof MarkdownView ? v.file : null;
	}
	_setActive(leaf: WorkspaceLeaf): void {
		this.active = leaf;
		const v = leaf.view;
		this.activeEditor = v instanceof MarkdownView ? { editor: v.editor, file: v.file } : null;
		this.trigger("active-leaf-change", leaf);
		this.trigger("file-open", v instanceof MarkdownView ? v.file : null);
	}
	_removeLeaf(leaf: WorkspaceLeaf): void {
		this.leaves = this.leaves.filter((l) => l !== leaf);
		if (this.active === leaf) this.active = null;
	}
	detachLeavesOfType(type: string): void {
		for (const l of this.getLeavesOfType(type)) l.detach();
	}
	iterateAllLeaves(cb: (leaf: WorkspaceLeaf) => void): void {
		this.leaves.forEach(cb);
	}
	/** Test helper: how many times `updateOptions` asked every editor to read its extensions again. */
	_optionUpdates = 0;
	updateOptions(): void {
		this._optionUpdates++;
	}
	/** Saving the layout is debounced in Obsidian; the double counts requests in `_layoutSaves`. */
	_layoutSaves = 0;
	requestSaveLayout: (() => void) & { cancel(): void; run(): void } = Object.assign(() => void this._layoutSaves++, { cancel: () => {}, run: () => {} });
	/**
	 * A plugin unloaded and its view type went away: as in Obsidian, the views
	 * of that type close and unload, so nothing they registered survives. The
	 * leaves stay (plugins must not detach them); the double empties them.
	 */
	_unregisterView(type: string): void {
		this._viewCreators.delete(type);
		for (const leaf of this.getLeavesOfType(type)) {
			const view = leaf.view;
			leaf.view = new View(leaf);
			if (view._loaded) {
				void view.onClose();
				view.unload();
			}
		}
	}
	async openLinkText(linktext: string, sourcePath: string): Promise<void> {
		const f = this.app.metadataCache.getFirstLinkpathDest(linktext, sourcePath);
		if (f) await this.getLeaf(false).openFile(f);
	}
}

export class App {
	vault: Vault;
	metadataCache: MetadataCache;
	fileManager: FileManager;
	workspace: Workspace;
	/** Test helper: commands registered by plugins, by full id. */
	commands = new Map<string, Command>();
	constructor(opts: { layoutReady?: boolean } = {}) {
		this.vault = new Vault(this);
		this.metadataCache = new MetadataCache(this);
		this.fileManager = new FileManager(this);
		this.workspace = new Workspace(this, opts.layoutReady ?? true);
	}
}

export interface Command {
	id: string;
	name: string;
	icon?: string;
	hotkeys?: unknown[];
	callback?: () => unknown;
	checkCallback?: (checking: boolean) => boolean | void;
	editorCallback?: (editor: Editor, ctx: unknown) => unknown;
	editorCheckCallback?: (checking: boolean, editor: Editor, ctx: unknown) => boolean | void;
}

export interface PluginManifest { id: string; name: string; version: string; minAppVersion: string; description: string; author: string; isDesktopOnly?: boolean; dir?: string }

export class Plugin extends Component {
	private loadReturnsNull = false;
	/** Test helper: what was registered. */
	_views = new Map<string, (leaf: WorkspaceLeaf) => View>();
	_ribbon: { icon: string; title: string; cb: (ev: MouseEvent) => unknown }[] = [];
	_settingTabs: PluginSettingTab[] = [];
	_editorSuggests: EditorSuggest<unknown>[] = [];
	constructor(public app: App, public manifest: PluginManifest) {
		super();
	}
	/** `<manifest.dir>/data.json`; Obsidian sets `dir` to `<configDir>/plugins/<id>`, as the double does when it is missing. */
	_dataPath(): string {
		return normalizePath(`${this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`}/data.json`);
	}
	/** As Obsidian: null when data.json is missing, its parsed JSON otherwise; a `SyntaxError` when it is not valid JSON. */
	async loadData(): Promise<unknown> {
		const path = this._dataPath();
		if (this.loadReturnsNull) {
			this.loadReturnsNull = false;
			return null;
		}
		if (!(await this.app.vault.adapter.exists(path))) return null;
		return JSON.parse(await this.app.vault.adapter.read(path)) as unknown;
	}
	/** As Obsidian: writes data.json through the adapter, as JSON indented by two spaces. */
	async saveData(d: unknown): Promise<void> {
		await this.app.vault.adapter.write(this._dataPath(), JSON.stringify(d, null, 2));
	}
	/** Test helper: data.json parsed, or null when it is missing. */
	_savedData(): unknown {
		const text = this.app.vault.adapter._text(this._dataPath());
		return text === null ? null : (JSON.parse(text) as unknown);
	}
	/** Test helper: pre-seeds data.json with `d` as JSON (no write is recorded). */
	_setData(d: unknown): void {
		this._setDataText(JSON.stringify(d, null, 2));
	}
	/** Test helper: pre-seeds data.json with exactly this text (which need not be valid JSON). */
	_setDataText(text: string): void {
		this.app.vault.adapter._seed(this._dataPath(), text);
	}
	/** Test helper: the next `loadData` returns null even though data.json exists (a sync that has not arrived yet). */
	_loadDataReturnsNullOnce(): void {
		this.loadReturnsNull = true;
	}
	addCommand(cmd: Command): Command {
		const full = { ...cmd, id: `${this.manifest.id}:${cmd.id}` };
		this.app.commands.set(full.id, full);
		this.register(() => this.app.commands.delete(full.id));
		return full;
	}
	registerView(type: string, creator: (leaf: WorkspaceLeaf) => View): void {
		this._views.set(type, creator);
		this.app.workspace._viewCreators.set(type, creator);
		this.register(() => this.app.workspace._unregisterView(type));
	}
	addRibbonIcon(icon: string, title: string, cb: (ev: MouseEvent) => unknown): HTMLElement {
		this._ribbon.push({ icon, title, cb });
		return typeof document !== "undefined" ? document.createElement("div") : ({} as HTMLElement);
	}
	addSettingTab(tab: PluginSettingTab): void {
		this._settingTabs.push(tab);
	}
	registerEditorSuggest(s: EditorSuggest<unknown>): void {
		this._editorSuggests.push(s);
	}
	/** Test helper: the editor extensions registered, as given (Obsidian keeps the array and reads it again on `updateOptions`). */
	_editorExtensions: unknown[] = [];
	registerEditorExtension(extension: unknown): void {
		this._editorExtensions.push(extension);
	}
	addStatusBarItem(): HTMLElement {
		return document.createElement("div");
	}
	registerMarkdownPostProcessor(_p: unknown): void {}
	onExternalSettingsChange?(): unknown;
}

/**
 * One item of a `Menu`, as a plugin fills it in. Test helpers: `_title`,
 * `_icon`, `_section` read what was set; `_click()` runs `onClick` as a click would.
 */
export class MenuItem {
	_title = "";
	_icon: string | null = null;
	_section = "";
	_disabled = false;
	private clickHandler: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;
	setTitle(title: string | DocumentFragment): this {
		this._title = typeof title === "string" ? title : title.textContent ?? "";
		return this;
	}
	setIcon(icon: string | null): this {
		this._icon = icon;
		return this;
	}
	setSection(section: string): this {
		this._section = section;
		return this;
	}
	setDisabled(disabled: boolean): this {
		this._disabled = disabled;
		return this;
	}
	setChecked(_checked: boolean | null): this {
		return this;
	}
	onClick(cb: (evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.clickHandler = cb;
		return this;
	}
	/** Test helper: a click on the item (nothing happens when it is disabled, as in Obsidian). */
	_click(): unknown {
		return this._disabled ? undefined : this.clickHandler?.({} as MouseEvent);
	}
}

/**
 * A context menu. As in Obsidian, `addItem` calls its callback at once with a
 * new `MenuItem`; the menu is not drawn. Test helpers: `_items` in order, and
 * `_item(title)` finds one by its title.
 */
export class Menu extends Component {
	_items: MenuItem[] = [];
	_shown = false;
	addItem(cb: (item: MenuItem) => unknown): this {
		const item = new MenuItem();
		cb(item);
		this._items.push(item);
		return this;
	}
	addSeparator(): this {
		return this;
	}
	showAtMouseEvent(_evt: MouseEvent): this {
		this._shown = true;
		return this;
	}
	showAtPosition(_pos: { x: number; y: number }): this {
		this._shown = true;
		return this;
	}
	hide(): this {
		this._shown = false;
		return this;
	}
	close(): void {
		this._shown = false;
	}
	/** Test helper: the item with this title, or undefined. */
	_item(title: string): MenuItem | undefined {
		return this._items.find((i) => i._title === title);
	}
}

export class Notice {
	static messages: string[] = [];
	noticeEl: HTMLElement;
	constructor(public message: string | DocumentFragment, public duration?: number) {
		Notice.messages.push(typeof message === "string" ? message : message.textContent ?? "");
		this.noticeEl = typeof document !== "undefined" ? document.createElement("div") : ({} as HTMLElement);
	}
	setMessage(m: string): this {
		Notice.messages.push(m);
		return this;
	}
	hide(): void {}
}

/** Keyboard bindings of a modal or view. Handlers are recorded; tests press keys with `_press`. */
export class Scope {
	private handlers: { modifiers: string[] | null; key: string | null; func: (evt: KeyboardEvent, ctx: unknown) => unknown; scope: Scope }[] = [];
	constructor(public parent?: Scope) {}
	register(modifiers: string[] | null, key: string | null, func: (evt: KeyboardEvent, ctx: unknown) => unknown): { modifiers: string | null; key: string | null; scope: Scope } {
		const h = { modifiers, key, func, scope: this };
		this.handlers.push(h);
		return { modifiers: modifiers ? modifiers.join(",") : null, key, scope: this };
	}
	unregister(handler: { key: string | null; scope: Scope }): void {
		this.handlers = this.handlers.filter((h) => !(h.key === handler.key && h.scope === handler.scope));
	}
	/**
	 * Test helper: a key press with no modifiers, on `target` when given (the
	 * focused element), reaches the handlers bound to that key (then the
	 * parent's). As in Obsidian, a handler that returns false has handled the
	 * key and stops its default action; returns whether that happened.
	 */
	_press(key: string, target?: EventTarget): boolean {
		const evt = typeof KeyboardEvent !== "undefined" ? new KeyboardEvent("keydown", { key, cancelable: true }) : ({ key, preventDefault() {} } as unknown as KeyboardEvent);
		// Dispatching sets evt.target, as a real key press on a focused element does.
		target?.dispatchEvent(evt);
		for (const h of this.handlers) {
			if (h.key !== null && h.key !== key) continue;
			if (h.modifiers !== null && h.modifiers.length > 0) continue;
			return h.func(evt, { vkey: key, key, modifiers: "" }) === false;
		}
		return this.parent?._press(key, target) ?? false;
	}
}

export class Modal extends Component {
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	scope = new Scope();
	/** Test helper: the modal currently open, if any. */
	static current: Modal | null = null;
	constructor(public app: App) {
		super();
		const d = typeof document !== "undefined";
		this.containerEl = d ? document.createElement("div") : ({} as HTMLElement);
		this.modalEl = d ? document.createElement("div") : ({} as HTMLElement);
		this.titleEl = d ? document.createElement("div") : ({} as HTMLElement);
		this.contentEl = d ? document.createElement("div") : ({} as HTMLElement);
		if (d) {
			this.modalEl.append(this.titleEl, this.contentEl);
			this.containerEl.append(this.modalEl);
		}
	}
	open(): void {
		Modal.current = this;
		if (typeof document !== "undefined") document.body.appendChild(this.containerEl);
		this.onOpen();
	}
	close(): void {
		if (Modal.current === this) Modal.current = null;
		this.containerEl.remove?.();
		this.onClose();
	}
	setTitle(t: string): this {
		this.titleEl.textContent = t;
		return this;
	}
	setContent(c: string | DocumentFragment): this {
		if (typeof c === "string") this.contentEl.textContent = c;
		else this.contentEl.append(c);
		return this;
	}
	onOpen(): void {}
	onClose(): void {}
}

export interface Instruction { command: string; purpose: string }

export abstract class SuggestModal<T> extends Modal {
	inputEl: HTMLInputElement;
	resultContainerEl: HTMLElement;
	emptyStateText = "";
	limit = 100;
	/** Test helper: the last placeholder and instructions. */
	_placeholder = "";
	constructor(app: App) {
		super(app);
		this.inputEl = (typeof document !== "undefined" ? document.createElement("input") : ({} as HTMLInputElement));
		this.resultContainerEl = typeof document !== "undefined" ? document.createElement("div") : ({} as HTMLElement);
	}
	setPlaceholder(p: string): void {
		this._placeholder = p;
	}
	setInstructions(_i: Instruction[]): void {}
	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
	/** Test helper: types a query and picks the n-th suggestion. */
	async _choose(query: string, n = 0): Promise<T> {
		const items = await this.getSuggestions(query);
		const item = items[n];
		if (item === undefined) throw new Error(`no suggestion ${n} for “${query}”`);
		this.close();
		this.onChooseSuggestion(item, {} as KeyboardEvent);
		return item;
	}
}

export interface FuzzyMatch<T> { item: T; match: { score: number; matches: [number, number][] } }

/** Obsidian's fuzzy search: every query character in order; here with a simple score. */
export function prepareFuzzySearch(query: string): (text: string) => { score: number; matches: [number, number][] } | null {
	const q = query.toLowerCase().replace(/\s+/g, "");
	return (text: string) => {
		const t = text.toLowerCase();
		let pos = -1;
		let score = 0;
		const matches: [number, number][] = [];
		for (const ch of q) {
			const next = t.indexOf(ch, pos + 1);
			if (next < 0) return null;
			score -= next - pos - 1;
			matches.push([next, next + 1]);
			pos = next;
		}
		return { score, matches };
	};
}
export function prepareSimpleSearch(query: string): (text: string) => { score: number; matches: [number, number][] } | null {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	return (text: string) => {
		const t = text.toLowerCase();
		for (const w of words) if (!t.includes(w)) return null;
		return { score: 0, matches: [] };
	};
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
	getSuggestions(query: string): FuzzyMatch<T>[] {
		const search = prepareFuzzySearch(query);
		const out: FuzzyMatch<T>[] = [];
		for (const item of this.getItems()) {
			const m = search(this.getItemText(item));
			if (m) out.push({ item, match: m });
		}
		return query ? out.sort((a, b) => b.match.score - a.match.score) : out;
	}
	renderSuggestion(value: FuzzyMatch<T>, el: HTMLElement): void {
		el.textContent = this.getItemText(value.item);
	}
	onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
		this.onChooseItem(item.item, evt);
	}
}

export interface EditorSuggestTriggerInfo { start: EditorPosition; end: EditorPosition; query: string }
export interface EditorSuggestContext extends EditorSuggestTriggerInfo { editor: Editor; file: TFile | null }
export abstract class EditorSuggest<T> {
	context: EditorSuggestContext | null = null;
	limit = 100;
	constructor(public app: App) {}
	abstract onTrigger(cursor: EditorPosition, editor: Editor, file: TFile | null): EditorSuggestTriggerInfo | null;
	abstract getSuggestions(context: EditorSuggestContext): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void;
	setInstructions(_i: Instruction[]): void {}
	close(): void {}
}

/** Type-ahead for an `<input>` (Obsidian 1.4.10+). The popover is not drawn; tests call `_suggestions` and `selectSuggestion`. */
export abstract class AbstractInputSuggest<T> {
	limit = 100;
	private selectCb?: (value: T, evt: MouseEvent | KeyboardEvent) => unknown;
	constructor(public app: App, protected textInputEl: HTMLInputElement | HTMLDivElement) {}
	setValue(value: string): void {
		if (this.textInputEl instanceof HTMLInputElement) this.textInputEl.value = value;
		else this.textInputEl.textContent = value;
	}
	getValue(): string {
		return this.textInputEl instanceof HTMLInputElement ? this.textInputEl.value : this.textInputEl.textContent ?? "";
	}
	protected abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	/** As in Obsidian: calls the `onSelect` callback. */
	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		void this.selectCb?.(value, evt);
	}
	onSelect(callback: (value: T, evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.selectCb = callback;
		return this;
	}
	open(): void {}
	close(): void {}
	/** Test helper: the suggestions for what the input holds (or for `query`). */
	async _suggestions(query?: string): Promise<T[]> {
		return this.getSuggestions(query ?? this.getValue());
	}
}

export class PluginSettingTab {
	containerEl: HTMLElement;
	constructor(public app: App, public plugin: Plugin) {
		this.containerEl = typeof document !== "undefined" ? document.createElement("div") : ({} as HTMLElement);
	}
	display(): void {}
	hide(): void {}
}

abstract class ValueComponent<T> {
	protected value!: T;
	protected changeCb?: (v: T) => unknown;
	disabled = false;
	getValue(): T {
		return this.value;
	}
	setValue(v: T): this {
		this.value = v;
		return this;
	}
	onChange(cb: (v: T) => unknown): this {
		this.changeCb = cb;
		return this;
	}
	setDisabled(d: boolean): this {
		this.disabled = d;
		return this;
	}
	/** Test helper: the user changes the value. */
	async _input(v: T): Promise<void> {
		this.value = v;
		await this.changeCb?.(v);
	}
}
export class TextComponent extends ValueComponent<string> {
	inputEl: HTMLInputElement;
	constructor(containerEl: HTMLElement) {
		super();
		this.value = "";
		this.inputEl = document.createElement("input");
		containerEl.appendChild(this.inputEl);
	}
	setPlaceholder(p: string): this {
		this.inputEl.placeholder = p;
		return this;
	}
	setValue(v: string): this {
		this.value = v;
		this.inputEl.value = v;
		return this;
	}
}
export class TextAreaComponent extends TextComponent {}
export class SearchComponent extends TextComponent {}
export class ToggleComponent extends ValueComponent<boolean> {
	toggleEl: HTMLElement;
	constructor(containerEl: HTMLElement) {
		super();
		this.value = false;
		this.toggleEl = document.createElement("div");
		containerEl.appendChild(this.toggleEl);
	}
}
export class DropdownComponent extends ValueComponent<string> {
	selectEl: HTMLSelectElement;
	options: Record<string, string> = {};
	constructor(containerEl: HTMLElement) {
		super();
		this.value = "";
		this.selectEl = document.createElement("select");
		containerEl.appendChild(this.selectEl);
	}
	addOption(value: string, display: string): this {
		this.options[value] = display;
		const o = document.createElement("option");
		o.value = value;
		o.textContent = display;
		this.selectEl.appendChild(o);
		return this;
	}
	addOptions(opts: Record<string, string>): this {
		for (const [k, v] of Object.entries(opts)) this.addOption(k, v);
		return this;
	}
	setValue(v: string): this {
		this.value = v;
		this.selectEl.value = v;
		return this;
	}
}
export class ButtonComponent {
	buttonEl: HTMLButtonElement;
	private cb?: (ev: MouseEvent) => unknown;
	constructor(containerEl: HTMLElement) {
		this.buttonEl = document.createElement("button");
		containerEl.appendChild(this.buttonEl);
	}
	setButtonText(t: string): this {
		this.buttonEl.textContent = t;
		return this;
	}
	setCta(): this {
		return this;
	}
	setWarning(): this {
		return this;
	}
	setIcon(_i: string): this {
		return this;
	}
	setTooltip(t: string): this {
		this.buttonEl.setAttribute("aria-label", t);
		return this;
	}
	setDisabled(d: boolean): this {
		this.buttonEl.disabled = d;
		return this;
	}
	onClick(cb: (ev: MouseEvent) => unknown): this {
		this.cb = cb;
		this.buttonEl.addEventListener("click", (e) => void cb(e));
		return this;
	}
	/** Test helper: clicks the button. */
	async _click(): Promise<void> {
		await this.cb?.({} as MouseEvent);
	}
}
export class ExtraButtonComponent extends ButtonComponent {}

export class Setting {
	settingEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	infoEl: HTMLElement;
	/** Test helper: the controls added, in order. */
	components: unknown[] = [];
	private static readonly byEl = new WeakMap<Element, Setting>();
	/** Test helper: the settings inside a container, in the order they appear. */
	static _in(containerEl: HTMLElement): Setting[] {
		return [...containerEl.querySelectorAll("div")].map((el) => Setting.byEl.get(el)).filter((x): x is Setting => x !== undefined);
	}
	constructor(containerEl: HTMLElement) {
		this.settingEl = document.createElement("div");
		Setting.byEl.set(this.settingEl, this);
		this.infoEl = document.createElement("div");
		this.nameEl = document.createElement("div");
		this.descEl = document.createElement("div");
		this.controlEl = document.createElement("div");
		this.infoEl.append(this.nameEl, this.descEl);
		this.settingEl.append(this.infoEl, this.controlEl);
		containerEl.appendChild(this.settingEl);
	}
	setName(n: string | DocumentFragment): this {
		if (typeof n === "string") this.nameEl.textContent = n;
		else this.nameEl.append(n);
		return this;
	}
	setDesc(d: string | DocumentFragment): this {
		if (typeof d === "string") this.descEl.textContent = d;
		else this.descEl.append(d);
		return this;
	}
	setHeading(): this {
		this.settingEl.classList.add("setting-item-heading");
		return this;
	}
	setClass(c: string): this {
		this.settingEl.classList.add(c);
		return this;
	}
	setDisabled(_d: boolean): this {
		return this;
	}
	setTooltip(_t: string): this {
		return this;
	}
	private add<T>(c: T, cb: (c: T) => unknown): this {
		this.components.push(c);
		cb(c);
		return this;
	}
	addText(cb: (c: TextComponent) => unknown): this {
		return this.add(new TextComponent(this.controlEl), cb);
	}
	addTextArea(cb: (c: TextAreaComponent) => unknown): this {
		return this.add(new TextAreaComponent(this.controlEl), cb);
	}
	addSearch(cb: (c: SearchComponent) => unknown): this {
		return this.add(new SearchComponent(this.controlEl), cb);
	}
	addToggle(cb: (c: ToggleComponent) => unknown): this {
		return this.add(new ToggleComponent(this.controlEl), cb);
	}
	addDropdown(cb: (c: DropdownComponent) => unknown): this {
		return this.add(new DropdownComponent(this.controlEl), cb);
	}
	addButton(cb: (c: ButtonComponent) => unknown): this {
		return this.add(new ButtonComponent(this.controlEl), cb);
	}
	addExtraButton(cb: (c: ExtraButtonComponent) => unknown): this {
		return this.add(new ExtraButtonComponent(this.controlEl), cb);
	}
}

export function setIcon(el: HTMLElement, icon: string): void {
	el.dataset.icon = icon;
}
export function setTooltip(el: HTMLElement, tooltip: string): void {
	el.setAttribute("aria-label", tooltip);
}
export function addIcon(_id: string, _svg: string): void {}

export function debounce<A extends unknown[]>(fn: (...a: A) => unknown, wait = 0, resetTimer = false): ((...a: A) => void) & { cancel(): void; run(): void } {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let lastArgs: A | null = null;
	const d = ((...a: A) => {
		lastArgs = a;
		if (timer && !resetTimer) return;
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => {
			timer = null;
			if (lastArgs) fn(...lastArgs);
		}, wait);
	}) as ((...a: A) => void) & { cancel(): void; run(): void };
	d.cancel = () => {
		if (timer) clearTimeout(timer);
		timer = null;
	};
	d.run = () => {
		if (timer) {
			clearTimeout(timer);
			timer = null;
			if (lastArgs) fn(...lastArgs);
		}
	};
	return d;
}

export function parseYaml(yaml: string): unknown {
	return yamlParse(yaml);
}
export function stringifyYaml(obj: unknown): string {
	return yamlStringify(obj);
}
export function getAllTags(cache: CachedMetadata): string[] | null {
	const out: string[] = [];
	const fm = cache.frontmatter?.tags;
	if (Array.isArray(fm)) for (const t of fm) out.push("#" + String(t).replace(/^#/, ""));
	else if (typeof fm === "string" && !/[\s,]/.test(fm.trim())) out.push("#" + fm.trim().replace(/^#/, ""));
	for (const t of cache.tags ?? []) out.push(t.tag);
	return out;
}
export function getLinkpath(link: string): string {
	return link.replace(/[#|].*$/, "");
}
export function getFrontMatterInfo(content: string): { exists: boolean; frontmatter: string; from: number; to: number; contentStart: number } {
	const m = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(\r?\n|$)/.exec(content);
	if (!m) return { exists: false, frontmatter: "", from: 0, to: 0, contentStart: 0 };
	const frontmatter = m[1]!;
	return { exists: true, frontmatter, from: 4, to: 4 + frontmatter.length, contentStart: m[0].length };
}
export const Platform = { isMobile: false, isDesktop: true, isDesktopApp: true, isMobileApp: false, isIosApp: false, isAndroidApp: false, isMacOS: false, isWin: false, isLinux: true };
export const apiVersion = "1.7.2";

/** Obsidian's DOM helpers on HTMLElement, installed when a DOM exists. */
interface DomElementInfo { cls?: string | string[]; text?: string; attr?: Record<string, string | number | boolean | null>; title?: string; type?: string; value?: string; href?: string; placeholder?: string }
function applyInfo(el: HTMLElement, o?: DomElementInfo | string): void {
	if (!o) return;
	if (typeof o === "string") {
		el.className = o;
		return;
	}
	if (o.cls) el.classList.add(...(Array.isArray(o.cls) ? o.cls : o.cls.split(" ")).filter(Boolean));
	if (o.text !== undefined) el.textContent = o.text;
	if (o.title) el.title = o.title;
	if (o.type) el.setAttribute("type", o.type);
	if (o.value !== undefined) (el as HTMLInputElement).value = o.value;
	if (o.href) el.setAttribute("href", o.href);
	if (o.placeholder) el.setAttribute("placeholder", o.placeholder);
	for (const [k, v] of Object.entries(o.attr ?? {})) if (v !== null && v !== false) el.setAttribute(k, String(v));
}
if (typeof HTMLElement !== "undefined" && !("createEl" in HTMLElement.prototype)) {
	const P = HTMLElement.prototype as unknown as Record<string, unknown>;
	const N = Node.prototype as unknown as Record<string, unknown>;
	N.createEl = function (this: HTMLElement, tag: string, o?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
		const ns = ["svg", "rect", "circle", "line", "path", "g", "text", "title", "polyline"].includes(tag) && (this.namespaceURI?.includes("svg") || tag === "svg");
		const el = (ns ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag)) as HTMLElement;
		applyInfo(el, o);
		this.appendChild(el);
		cb?.(el);
		return el;
	};
	N.createDiv = function (this: HTMLElement, o?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
		return (this as unknown as { createEl: (t: string, o?: unknown, cb?: unknown) => HTMLElement }).createEl("div", o, cb);
	};
	N.createSpan = function (this: HTMLElement, o?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
		return (this as unknown as { createEl: (t: string, o?: unknown, cb?: unknown) => HTMLElement }).createEl("span", o, cb);
	};
	N.empty = function (this: HTMLElement) {
		while (this.firstChild) this.removeChild(this.firstChild);
	};
	N.setText = function (this: HTMLElement, t: string) {
		this.textContent = t;
	};
	P.addClass = function (this: HTMLElement, ...c: string[]) {
		this.classList.add(...c);
	};
	P.removeClass = function (this: HTMLElement, ...c: string[]) {
		this.classList.remove(...c);
	};
	P.toggleClass = function (this: HTMLElement, c: string, on: boolean) {
		this.classList.toggle(c, on);
	};
	P.hasClass = function (this: HTMLElement, c: string) {
		return this.classList.contains(c);
	};
	P.setAttr = function (this: HTMLElement, k: string, v: string | number | boolean | null) {
		if (v === null) this.removeAttribute(k);
		else this.setAttribute(k, String(v));
	};
	P.detach = function (this: HTMLElement) {
		this.remove();
	};
	P.isShown = function (this: HTMLElement) {
		return this.isConnected;
	};
	(SVGElement.prototype as unknown as Record<string, unknown>).addClass = P.addClass;
	(SVGElement.prototype as unknown as Record<string, unknown>).setAttr = P.setAttr;
	(globalThis as unknown as Record<string, unknown>).createEl = (tag: string, o?: DomElementInfo | string) => {
		const el = document.createElement(tag);
		applyInfo(el, o);
		return el;
	};
	(globalThis as unknown as Record<string, unknown>).createDiv = (o?: DomElementInfo | string) => (globalThis as unknown as { createEl: (t: string, o?: unknown) => HTMLElement }).createEl("div", o);
	(globalThis as unknown as Record<string, unknown>).createFragment = (cb?: (f: DocumentFragment) => void) => {
		const f = document.createDocumentFragment();
		cb?.(f);
		return f;
	};
}
