/**
 * The study notes for the vocabulary: one concept note per value, with its
 * definition, its reference and a search for the passages tagged with it.
 */
import { yamlScalar } from "../note/yaml-lite";
import { safeNamePart } from "../vault-paths";
import { type Concept, STUDY_REFERENCES } from "../vocabulary/concepts";
import { FAMILY_TABLE, PROCESS_CLASSES, labelFor } from "../vocabulary/families";
import type { Vocabulary } from "../vocabulary/vocabulary";

/** One study note to create: its file name (without folder and `.md`) and its text. */
export interface StudyNote {
	name: string;
	text: string;
}

/** A value's label as a note title: the field's term, with a capital. */
function title(value: string): string {
	const l = labelFor(value);
	return l.charAt(0).toUpperCase() + l.slice(1);
}

function escapeRegex(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function studyNote(heading: string, kind: string, tagShown: string, query: string, concept: Concept | undefined): StudyNote {
	const definition = concept?.definition ?? "A word added to the vocabulary in Attune's settings. Write its definition here, in your own words and with its source.";
	const refs = concept ? concept.references.map((r) => `- ${STUDY_REFERENCES[r]}`) : ["- "];
	const lines = [
		"---",
		"note-type: study",
		`topic: ${yamlScalar(kind)}`,
		"---",
		`# ${heading}`,
		"",
		`${kind.charAt(0).toUpperCase()}${kind.slice(1)}, tagged \`${tagShown}\`.`,
		"",
		definition,
		"",
		"## Reference",
		...refs,
		"",
		"## Passages tagged with it",
		"```query",
		query,
		"```",
		"",
		"## My notes",
		"",
	];
	return { name: safeNamePart(heading), text: lines.join("\n") };
}

/**
 * The study notes for the vocabulary in force: one concept note per empathy
 * mode, emotion process, empathic response and emotion-process move, each
 * with its definition, its reference, and an embedded search listing the
 * passages tagged with it. Tags are shown in inline code, so the study notes
 * themselves never add to the counts.
 */
export function studyNotes(vocab: Vocabulary): StudyNote[] {
	const out: StudyNote[] = [];
	for (const def of FAMILY_TABLE) {
		const study = def.study;
		if (study === undefined) continue;
		const word = vocab.families[def.key];
		if (study.of === "classes") {
			for (const p of PROCESS_CLASSES) {
				const shown = `#${word}/<emotion>/${p}`;
				// No tag search matches a tag's last segment, so a regular expression finds the class under any emotion.
				// `<` and `>` are excluded so that the note's own "#emotion/<emotion>/..." is not listed.
				const query = `/#${escapeRegex(word)}\\/[^\\s#\\/<>]+\\/${escapeRegex(p)}(?![\\w\\/-])/`;
				out.push(studyNote(`${title(p)} emotion`, study.kind, shown, query, study.concepts[p]));
			}
			continue;
		}
		for (const w of vocab.words[def.key]) {
			const tag = `#${word}/${w}`;
			out.push(studyNote(title(w), study.kind, tag, `tag:${tag}`, study.concepts[w]));
		}
	}
	return out;
}
