/**
 * What the sidebar's drawing code shares across its files: the focus keys that
 * keep keyboard focus on a control across redraws, the actions its buttons
 * run (one click listener per view finds them), and SVG elements. Plain DOM,
 * no `obsidian`, so it runs in the sidebar, the preview and the benchmark.
 */

/**
 * What each control is across renders ("sort-emotion", "more-emotions"), so
 * keyboard focus can return to it after a redraw. Kept beside the DOM, not in
 * an attribute: an attribute on every control is drawing time spent on every render.
 */
export const FOCUS_KEYS = new WeakMap<Element, string>();

/** What each button does. One click listener per view finds it, rather than a listener on every button. */
export const ACTIONS = new WeakMap<Element, () => void>();

const SVG_NS = "http://www.w3.org/2000/svg";

/** Creates an SVG element with attributes and appends it. */
export function svgEl(parent: Element, tag: string, attrs: Record<string, string>): SVGElement {
	const el: SVGElement = parent.ownerDocument.createElementNS(SVG_NS, tag);
	for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
	parent.appendChild(el);
	return el;
}

/** A button that runs `onClick` (through the view's one listener) and keeps focus across redraws by `focusKey`. */
export function actionButton(parent: HTMLElement, text: string, focusKey: string, label: string, onClick: () => void, cls?: string | string[]): HTMLButtonElement {
	const b = parent.createEl("button", { cls, text, attr: { type: "button", "aria-label": label } });
	FOCUS_KEYS.set(b, focusKey);
	ACTIONS.set(b, onClick);
	return b;
}
