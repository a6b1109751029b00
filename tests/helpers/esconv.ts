/**
 * Real text for tests: emotional-support conversations from ESConv (Liu et
 * al., ACL 2021; CC BY-NC 4.0), read from `../shared` beside the repository
 * and never copied into the project. Each conversation becomes a session
 * note, one paragraph per utterance.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const CORPUS = path.resolve(__dirname, "../../../shared/real-corpus-data/esconv-test.jsonl");

export interface Conversation {
	situation: string;
	emotion_type: string;
	dialog: { text: string; speaker: string }[];
}

/** The Attune tags appended, in turn, to every third utterance. */
const ATTUNE_TAGS = [
	"#emotion/sadness/primary-adaptive",
	"#empathy/attunement",
	"#response/reflection",
	"#emotion/shame/primary-maladaptive",
	"#process/symbolizing",
	"#resonance/compassion",
	"#emotion/tristeza",
];

export interface Note {
	text: string;
	/** The tags added, as the scanner should report them: name without `#`, and line. */
	added: [string, number][];
}

/**
 * A session note from a conversation. With `tagged`, every third utterance
 * ends with an Attune tag, after a space, as a clinician would write it.
 */
export function noteOf(c: Conversation, tagged: boolean, seed: number): Note {
	const lines = ["---", "note-type: session", `emotion: ${c.emotion_type}`, "---", "", "# Session", "", c.situation.replace(/\s+/g, " ").trim(), "", "## Dialogue", ""];
	const added: [string, number][] = [];
	c.dialog.forEach((u, i) => {
		const who = u.speaker === "usr" ? "Client" : "Therapist";
		let text = `${who}: ${u.text.replace(/\s+/g, " ").trim()}`;
		if (tagged && (i + seed) % 3 === 0) {
			const tag = ATTUNE_TAGS[(i + seed) % ATTUNE_TAGS.length]!;
			text += ` ${tag}`;
			added.push([tag.slice(1), lines.length]);
		}
		lines.push(text, "");
	});
	return { text: lines.join("\n"), added };
}

export const corpusPresent = fs.existsSync(CORPUS);
/** In CI the real text must be there: a run without it must not pass. (`CI=false` or `CI=0` is not CI.) */
const inCI = !!process.env.CI && !/^(false|0)$/i.test(process.env.CI);

/**
 * The `describe` for tests on the real text: skipped, saying why, where the
 * corpus is absent; under CI its absence is a failing test instead.
 */
export function describeOnCorpus(name: string): jest.Describe {
	if (!corpusPresent && !inCI) {
		// Tell the reader why these tests did not run, rather than pass silently.
		console.warn(`Real-text tests SKIPPED: ${CORPUS} not found (the shared folder sits beside the repository). With CI set, this is a failure.`);
	}
	if (!corpusPresent && inCI) {
		describe(name, () => {
			it("are present (CI is set, so a missing corpus fails instead of skipping)", () => {
				throw new Error(`CI is set but ${CORPUS} is missing: the real-text tests cannot run. Place ../shared/real-corpus-data beside the repository.`);
			});
		});
	}
	return corpusPresent ? describe : describe.skip;
}

/** The conversations, or none where the corpus is absent. */
export function conversations(): Conversation[] {
	if (!corpusPresent) return [];
	return fs.readFileSync(CORPUS, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Conversation);
}
