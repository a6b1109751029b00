/**
 * Deterministic synthetic vaults for the benchmark: session notes of realistic
 * length (about 2.5 KB, properties, headings, prose) with about 20 Attune tags each.
 */
import { DEFAULT_VOCABULARY, PROCESS_CLASSES } from "../core/vocabulary/families";

/** A small seeded PRNG (mulberry32): the same seed gives the same vault. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = ("the client spoke about her week and the argument with her partner she noticed a tightness in the chest when "
	+ "we slowed down and stayed with it there was a long pause then tears came I reflected how alone she had felt as a child "
	+ "and she nodded we returned to the meditation and she described the feeling as heavy grey and familiar").split(" ");

/** One synthetic note: path and text. */
export interface GeneratedNote {
	path: string;
	text: string;
}

/** Generates `n` notes deterministically. */
export function generateVault(n: number, seed = 42): GeneratedNote[] {
	const r = rng(seed);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
	const sentence = (len: number) => {
		const ws: string[] = [];
		for (let i = 0; i < len; i++) ws.push(pick(WORDS));
		const first = ws[0]!;
		ws[0] = first.charAt(0).toUpperCase() + first.slice(1);
		return ws.join(" ") + ".";
	};
	const tag = (): string => {
		const k = r();
		if (k < 0.45) return `#emotion/${pick(DEFAULT_VOCABULARY.emotion)}${r() < 0.8 ? "/" + pick(PROCESS_CLASSES) : ""}`;
		if (k < 0.55) return `#resonance/${pick(DEFAULT_VOCABULARY.emotion)}`;
		if (k < 0.65) return `#empathy/${pick(DEFAULT_VOCABULARY.empathy)}`;
		if (k < 0.85) return `#response/${pick(DEFAULT_VOCABULARY.response)}`;
		return `#process/${pick(DEFAULT_VOCABULARY.process)}`;
	};
	const sections = ["Presenting experience", "Emotions symbolized", "Empathic responses", "Therapist resonance", "Transformation and carrying forward", "Plan"];
	const notes: GeneratedNote[] = [];
	const clients = Math.max(1, Math.floor(n / 12));
	for (let i = 0; i < n; i++) {
		const client = `C-${String(i % clients).padStart(4, "0")}`;
		const session = Math.floor(i / clients) + 1;
		const day = new Date(Date.UTC(2024, 0, 1 + session * 7 + (i % 7)));
		const date = day.toISOString().slice(0, 10);
		const lines = [
			"---", "note-type: session", `client: "[[${client}]]"`, `date: ${date}`, `session: ${session}`, "modality: EFMT", "clinician: Example clinician", "---", "",
			`# Session ${session}`, "",
		];
		let tags = 0;
		for (const s of sections) {
			lines.push(`## ${s}`, "");
			for (let p = 0; p < 2; p++) {
				const parts: string[] = [];
				for (let k = 0; k < 3; k++) {
					parts.push(sentence(8 + Math.floor(r() * 10)));
					if (tags < 20 && r() < 0.6) {
						parts.push(tag());
						tags++;
					}
				}
				lines.push(parts.join(" "), "");
			}
		}
		while (tags < 20) {
			lines.push(`${sentence(6)} ${tag()}`);
			tags++;
		}
		notes.push({ path: `Clients/${client}/${date} session ${session}.md`, text: lines.join("\n") + "\n" });
	}
	return notes;
}
