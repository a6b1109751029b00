/**
 * Colour science for the palette test: sRGB to CIELAB (D65), colour-vision
 * deficiency simulated with Machado, Oliveira & Fernandes (2009) at severity
 * 1.0, and the CIEDE2000 difference (Sharma, Wu & Dalal 2005). Test-only.
 */

export type Rgb = readonly [number, number, number];

/** `#rrggbb` as 0..1 channels. */
export function hex(h: string): Rgb {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(h.trim());
	if (!m) throw new Error(`not a #rrggbb colour: ${h}`);
	return [parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255];
}

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const fromLinear = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const clip = (c: number) => Math.min(1, Math.max(0, c));

/** Machado et al. (2009), severity 1.0, applied to linear RGB. */
export const CVD_MATRICES = {
	protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
	deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
	tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
} as const;

export type Deficiency = keyof typeof CVD_MATRICES | "normal";

/** How a colour looks with a deficiency. */
export function simulate(c: Rgb, d: Deficiency): Rgb {
	if (d === "normal") return c;
	const m = CVD_MATRICES[d];
	const l = c.map(toLinear);
	const out = m.map((row) => fromLinear(clip(row[0] * l[0]! + row[1] * l[1]! + row[2] * l[2]!)));
	return [out[0]!, out[1]!, out[2]!];
}

/** sRGB (0..1) to CIELAB under D65. */
export function lab(c: Rgb): [number, number, number] {
	const [r, g, b] = c.map(toLinear) as [number, number, number];
	const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
	const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
	const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
	const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
	const fx = f(x), fy = f(y), fz = f(z);
	return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** CIEDE2000 between two CIELAB colours (kL = kC = kH = 1). */
export function ciede2000(p: readonly number[], q: readonly number[]): number {
	const [L1, a1, b1] = p as [number, number, number];
	const [L2, a2, b2] = q as [number, number, number];
	const C1 = Math.hypot(a1, b1), C2 = Math.hypot(a2, b2);
	const Cm = (C1 + C2) / 2;
	const G = 0.5 * (1 - Math.sqrt(Cm ** 7 / (Cm ** 7 + 25 ** 7)));
	const a1p = (1 + G) * a1, a2p = (1 + G) * a2;
	const C1p = Math.hypot(a1p, b1), C2p = Math.hypot(a2p, b2);
	const h = (b: number, a: number) => (b === 0 && a === 0 ? 0 : (deg(Math.atan2(b, a)) + 360) % 360);
	const h1p = h(b1, a1p), h2p = h(b2, a2p);
	const dLp = L2 - L1;
	const dCp = C2p - C1p;
	let dhp = 0;
	if (C1p * C2p !== 0) {
		dhp = h2p - h1p;
		if (dhp > 180) dhp -= 360;
		else if (dhp < -180) dhp += 360;
	}
	const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin(rad(dhp / 2));
	const Lpm = (L1 + L2) / 2;
	const Cpm = (C1p + C2p) / 2;
	let hpm = h1p + h2p;
	if (C1p * C2p !== 0) {
		if (Math.abs(h1p - h2p) <= 180) hpm = (h1p + h2p) / 2;
		else hpm = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
	}
	const T = 1 - 0.17 * Math.cos(rad(hpm - 30)) + 0.24 * Math.cos(rad(2 * hpm)) + 0.32 * Math.cos(rad(3 * hpm + 6)) - 0.2 * Math.cos(rad(4 * hpm - 63));
	const dTheta = 30 * Math.exp(-(((hpm - 275) / 25) ** 2));
	const Rc = 2 * Math.sqrt(Cpm ** 7 / (Cpm ** 7 + 25 ** 7));
	const Sl = 1 + (0.015 * (Lpm - 50) ** 2) / Math.sqrt(20 + (Lpm - 50) ** 2);
	const Sc = 1 + 0.045 * Cpm;
	const Sh = 1 + 0.015 * Cpm * T;
	const Rt = -Math.sin(rad(2 * dTheta)) * Rc;
	return Math.sqrt((dLp / Sl) ** 2 + (dCp / Sc) ** 2 + (dHp / Sh) ** 2 + Rt * (dCp / Sc) * (dHp / Sh));
}

/** CIEDE2000 between two sRGB colours as seen with a deficiency. */
export function difference(x: Rgb, y: Rgb, d: Deficiency): number {
	return ciede2000(lab(simulate(x, d)), lab(simulate(y, d)));
}
