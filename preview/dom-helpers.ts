/**
 * A small stand-in for the DOM helpers Obsidian adds to every element
 * (`createEl`, `createDiv`, `createSpan`, `empty`, `setText`, `addClass`, ...),
 * so the sidebar's real rendering code runs outside Obsidian: in the browser
 * preview (Chromium) and in the benchmark (jsdom). Only what the renderer
 * uses, with Obsidian's semantics.
 */

/** The options Obsidian's `createEl` takes (the subset used here). */
interface ElementInfo {
	cls?: string | string[];
	text?: string | DocumentFragment;
	attr?: Record<string, string | number | boolean | null>;
	title?: string;
	type?: string;
	value?: string;
	placeholder?: string;
	href?: string;
}

type Callback = (el: HTMLElement) => void;

function apply(el: HTMLElement, o: ElementInfo | string | undefined): void {
	if (o === undefined) return;
	if (typeof o === "string") {
		el.className = o;
		return;
	}
	if (o.cls !== undefined) el.classList.add(...(Array.isArray(o.cls) ? o.cls : o.cls.split(" ")).filter((c) => c !== ""));
	if (typeof o.text === "string") el.textContent = o.text;
	else if (o.text !== undefined) el.appendChild(o.text);
	if (o.title !== undefined) el.title = o.title;
	if (o.type !== undefined) el.setAttribute("type", o.type);
	if (o.value !== undefined) (el as HTMLInputElement).value = o.value;
	if (o.placeholder !== undefined) el.setAttribute("placeholder", o.placeholder);
	if (o.href !== undefined) el.setAttribute("href", o.href);
	for (const [k, v] of Object.entries(o.attr ?? {})) if (v !== null && v !== false) el.setAttribute(k, String(v));
}

const XHTML = "http://www.w3.org/1999/xhtml";

/** Obsidian's `createEl`: a new element with its options, appended to `parent`. */
function createIn(parent: Node, tag: string, o: ElementInfo | string | undefined, cb: Callback | undefined): HTMLElement {
	const doc = parent.ownerDocument ?? (parent as Document);
	const el: HTMLElement = doc.createElementNS(XHTML, tag);
	apply(el, o);
	parent.appendChild(el);
	cb?.(el);
	return el;
}

/** The globals of one window: a browser's, or a jsdom instance's. */
export interface DomWindow {
	Node: typeof Node;
	HTMLElement: typeof HTMLElement;
	SVGElement: typeof SVGElement;
}

/**
 * Installs the helpers on a window's prototypes. Does nothing where they
 * already exist (inside Obsidian, or installed before).
 */
export function installDomHelpers(win: DomWindow): void {
	const node = win.Node.prototype as unknown as Record<string, unknown>;
	if ("createEl" in node) return;
	node.createEl = function (this: Node, tag: string, o?: ElementInfo | string, cb?: Callback): HTMLElement {
		return createIn(this, tag, o, cb);
	};
	node.createDiv = function (this: Node, o?: ElementInfo | string, cb?: Callback): HTMLElement {
		return createIn(this, "div", o, cb);
	};
	node.createSpan = function (this: Node, o?: ElementInfo | string, cb?: Callback): HTMLElement {
		return createIn(this, "span", o, cb);
	};
	node.empty = function (this: Node): void {
		while (this.firstChild) this.removeChild(this.firstChild);
	};
	node.setText = function (this: Node, text: string): void {
		this.textContent = text;
	};
	for (const proto of [win.HTMLElement.prototype, win.SVGElement.prototype] as unknown as Record<string, unknown>[]) {
		proto.addClass = function (this: Element, ...c: string[]): void {
			this.classList.add(...c);
		};
		proto.removeClass = function (this: Element, ...c: string[]): void {
			this.classList.remove(...c);
		};
		proto.toggleClass = function (this: Element, c: string, on: boolean): void {
			this.classList.toggle(c, on);
		};
		proto.setAttr = function (this: Element, k: string, v: string | number | boolean | null): void {
			if (v === null) this.removeAttribute(k);
			else this.setAttribute(k, String(v));
		};
	}
	(win.HTMLElement.prototype as unknown as Record<string, unknown>).isShown = function (this: HTMLElement): boolean {
		return this.isConnected;
	};
}
