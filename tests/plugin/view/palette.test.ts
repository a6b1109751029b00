/**
 * The five process-class colours stay apart for readers with protanopia,
 * deuteranopia and tritanopia, in Obsidian's default light and dark themes.
 *
 * The colours are read from styles.css (Attune's --attune-class-* variables)
 * and resolved with Obsidian's default theme values as the preview carries
 * them (preview/obsidian-vars.css). Each deficiency is simulated with the
 * matrices of Machado, Oliveira & Fernandes (2009) at full severity; the
 * difference is CIEDE2000 (Sharma, Wu & Dalal 2005).
 *
 * Threshold: ΔE00 ≥ 10 for every pair. In graphic-arts practice a ΔE00 above
 * about 3 is an obvious difference between patches side by side; the bars of
 * a chart are small and apart, and Szafir (2017, "Modeling color difference
 * for visualization design") shows that the difference needed grows as marks
 * shrink, so Attune asks for about three times "obvious". This is a chosen
 * engineering margin, not a standard.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ciede2000, type Deficiency, difference, hex, type Rgb } from "../../helpers/colour";
import { PROCESS_ORDER } from "../../../src/core/vocabulary/families";

const ROOT = path.join(__dirname, "../../..");
const THRESHOLD = 10;

/** The custom properties set in one CSS block, by selector. */
function block(css: string, selector: string): Map<string, string> {
	// At the start of a line: `tbody {` is not `body {`.
	const found = css.indexOf(`\n${selector} {`);
	if (found < 0) throw new Error(`no ${selector} block`);
	const at = found + 1;
	const body = css.slice(css.indexOf("{", at) + 1, css.indexOf("}", at));
	const out = new Map<string, string>();
	for (const m of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out.set(m[1]!, m[2]!.trim());
	return out;
}

const styles = fs.readFileSync(path.join(ROOT, "styles.css"), "utf8");
const vars = fs.readFileSync(path.join(ROOT, "preview/obsidian-vars.css"), "utf8");
const attune = block(styles, "body");
const THEMES = { light: block(vars, "body.theme-light"), dark: block(vars, "body.theme-dark") };

/** A CSS colour value as sRGB: `#rrggbb`, `var(--x)`, or `color-mix(in srgb, A p%, B)`. */
function resolve(value: string, theme: Map<string, string>): Rgb {
	const v = value.trim();
	if (v.startsWith("#")) return hex(v);
	const ref = /^var\((--[\w-]+)\)$/.exec(v);
	if (ref) {
		const inner = theme.get(ref[1]!) ?? attune.get(ref[1]!);
		if (inner === undefined) throw new Error(`${ref[1]} is not defined in the theme`);
		return resolve(inner, theme);
	}
	const mix = /^color-mix\(in srgb,\s*(var\([^)]+\)|#[0-9a-f]{6})\s+(\d+(?:\.\d+)?)%,\s*(var\([^)]+\)|#[0-9a-f]{6})\)$/i.exec(v);
	if (mix) {
		const a = resolve(mix[1]!, theme);
		const b = resolve(mix[3]!, theme);
		const t = Number(mix[2]) / 100;
		return [a[0] * t + b[0] * (1 - t), a[1] * t + b[1] * (1 - t), a[2] * t + b[2] * (1 - t)];
	}
	throw new Error(`cannot resolve the colour “${v}”`);
}

describe("the CIEDE2000 implementation", () => {
	// Sharma, Wu & Dalal (2005), test data pairs 1, 2 and 17.
	it.each([
		[[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
		[[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
		[[50, 2.5, 0], [73, 25, -18], 27.1492],
	])("gives the published difference for %j and %j", (p, q, expected) => {
		expect(ciede2000(p, q)).toBeCloseTo(expected, 3);
	});
	it("sees no difference between a colour and itself, under any deficiency", () => {
		expect(difference(hex("#086ddd"), hex("#086ddd"), "deuteranopia")).toBe(0);
	});
	it("finds red and green close for deuteranopia, as the old palette was", () => {
		// The palette this test replaced: Obsidian's red and green, light theme.
		expect(difference(hex("#e93147"), hex("#08b94e"), "normal")).toBeGreaterThan(THRESHOLD);
		expect(difference(hex("#e93147"), hex("#08b94e"), "deuteranopia")).toBeLessThan(THRESHOLD);
	});
});

describe("the process-class palette", () => {
	it("defines a colour of Attune's own for every class, from Obsidian's variables", () => {
		for (const c of PROCESS_ORDER) expect(attune.get(`--attune-class-${c}`)).toMatch(/var\(--(color|text)-/);
		for (const c of PROCESS_ORDER) expect(styles).toContain(`.attune-fill-${c} { fill: var(--attune-class-${c}); }`);
	});

	const deficiencies: Deficiency[] = ["normal", "protanopia", "deuteranopia", "tritanopia"];
	const cases = (Object.keys(THEMES) as (keyof typeof THEMES)[]).flatMap((theme) => deficiencies.map((d) => [theme, d] as const));
	it.each(cases)("keeps every pair of classes at least ΔE00 10 apart in the %s theme, seen with %s", (theme, d) => {
		const colours = PROCESS_ORDER.map((c) => [c, resolve(`var(--attune-class-${c})`, THEMES[theme])] as const);
		const close: string[] = [];
		for (let i = 0; i < colours.length; i++) {
			for (let j = i + 1; j < colours.length; j++) {
				const de = difference(colours[i]![1], colours[j]![1], d);
				if (de < THRESHOLD) close.push(`${colours[i]![0]} / ${colours[j]![0]}: ${de.toFixed(1)}`);
			}
		}
		expect(close).toEqual([]);
	});
});
