/**
 * A `.qdpx` read back the way a QDA tool reads it, with the checks every
 * project must pass: well-formed XML in the project namespace, children in
 * the order the schema requires, every GUID referred to defined once, every
 * source's text in the archive, and every selection's positions (in code
 * points) inside its source's text.
 */
import { descendants, elements, parseXml, unzip } from "./refi";

/** One coded selection as read back. */
export interface ReadSelection {
	guid: string;
	start: number;
	end: number;
	/** The text the positions cut out of the source, counted in code points. */
	cut: string;
	/** GUIDs of the codes its codings refer to. */
	codes: string[];
}

/** One text source as read back. */
export interface ReadSource {
	guid: string;
	name: string;
	description: string;
	text: string;
	selections: ReadSelection[];
	/** Codes of the source as a whole. */
	codes: string[];
	variables: Record<string, string>;
}

/** The project as read back, after its checks passed. */
export interface ReadProject {
	doc: Document;
	/** Every code by GUID: its name, its parent's name and its description. */
	codes: Map<string, { name: string; parent: string | null; description: string; codable: boolean }>;
	sources: ReadSource[];
	cases: Map<string, string[]>;
}

const childrenNamed = (el: Element, name: string) => Array.from(el.children).filter((c) => c.localName === name);

/**
 * The order of children that the REFI-QDA schema's sequences require, for
 * the elements Attune writes (Project.xsd, version 1.0): an importer that
 * validates rejects a project with them out of order.
 */
const SEQUENCES: Record<string, string[]> = {
	Project: ["Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets", "Graphs", "Description", "NoteRef"],
	Code: ["Description", "NoteRef", "Code"],
	Case: ["Description", "CodeRef", "VariableValue", "SourceRef", "SelectionRef"],
	TextSource: ["Description", "PlainTextContent", "PlainTextSelection", "Coding", "NoteRef", "VariableValue"],
	PlainTextSelection: ["Description", "Coding", "NoteRef"],
	Coding: ["CodeRef", "NoteRef"],
	VariableValue: ["VariableRef", "TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue"],
};

/** Throws when an element's children are not in its schema sequence. */
function checkOrder(doc: Document): void {
	for (const el of descendants(doc)) {
		const order = SEQUENCES[el.localName];
		if (order === undefined) continue;
		const ranks = Array.from(el.children).map((c) => order.indexOf(c.localName));
		if (ranks.some((r, i) => r < 0 || (i > 0 && r < ranks[i - 1]!))) throw new Error(`${el.localName}'s children are not in the schema's order: ${Array.from(el.children).map((c) => c.localName).join(", ")}`);
	}
}

/** Unzips and reads a project; throws when any of the checks fails. */
export function readQdpx(bytes: Uint8Array): ReadProject {
	const files = unzip(bytes);
	const qde = files.get("project.qde");
	if (!qde) throw new Error("no project.qde in the archive");
	const doc = parseXml(Buffer.from(qde).toString("utf8"));
	if (doc.documentElement.localName !== "Project" || doc.documentElement.namespaceURI !== "urn:QDA-XML:project:1.0") throw new Error("the root is not a REFI-QDA Project");
	checkOrder(doc);
	const all = descendants(doc);
	const guids = all.map((e) => e.getAttribute("guid")).filter((g): g is string => g !== null);
	if (new Set(guids).size !== guids.length) throw new Error("a GUID is used twice");
	for (const g of guids) if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(g)) throw new Error(`“${g}” is not shaped as a GUID`);
	const codes = new Map<string, { name: string; parent: string | null; description: string; codable: boolean }>();
	for (const c of elements(doc, "Code")) {
		const parent = c.parentElement?.localName === "Code" ? c.parentElement.getAttribute("name") : null;
		codes.set(c.getAttribute("guid")!, { name: c.getAttribute("name")!, parent, description: childrenNamed(c, "Description")[0]?.textContent ?? "", codable: c.getAttribute("isCodable") === "true" });
	}
	const defined = new Set(guids);
	for (const e of all) {
		const target = e.getAttribute("targetGUID");
		if (target !== null && !defined.has(target)) throw new Error(`${e.localName} refers to ${target}, which nothing defines`);
	}
	for (const ref of elements(doc, "CodeRef")) if (!codes.has(ref.getAttribute("targetGUID")!)) throw new Error("a CodeRef refers to something that is not a code");
	const variableNames = new Map(elements(doc, "Variable").map((v) => [v.getAttribute("guid"), v.getAttribute("name")!]));
	const sources: ReadSource[] = [];
	for (const s of elements(doc, "TextSource")) {
		const guid = s.getAttribute("guid")!;
		const m = /^internal:\/\/(.+)$/.exec(s.getAttribute("plainTextPath") ?? "");
		const file = m ? files.get(`sources/${m[1]}`) : undefined;
		if (!file) throw new Error(`the text of source ${guid} is not in the archive`);
		const text = Buffer.from(file).toString("utf8");
		const chars = Array.from(text);
		const selections = childrenNamed(s, "PlainTextSelection").map((sel) => {
			const start = Number(sel.getAttribute("startPosition"));
			const end = Number(sel.getAttribute("endPosition"));
			if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= chars.length)) throw new Error(`selection ${sel.getAttribute("guid")} lies outside its source`);
			return { guid: sel.getAttribute("guid")!, start, end, cut: chars.slice(start, end).join(""), codes: elements(sel, "CodeRef").map((r) => r.getAttribute("targetGUID")!) };
		});
		const variables: Record<string, string> = {};
		for (const v of childrenNamed(s, "VariableValue")) {
			const name = variableNames.get(elements(v, "VariableRef")[0]!.getAttribute("targetGUID"))!;
			variables[name] = v.children[1]!.textContent ?? "";
		}
		const codings = childrenNamed(s, "Coding").map((c) => elements(c, "CodeRef")[0]!.getAttribute("targetGUID")!);
		sources.push({ guid, name: s.getAttribute("name") ?? "", description: childrenNamed(s, "Description")[0]?.textContent ?? "", text, selections, codes: codings, variables });
	}
	const cases = new Map<string, string[]>();
	for (const c of elements(doc, "Case")) cases.set(c.getAttribute("name")!, elements(c, "SourceRef").map((r) => r.getAttribute("targetGUID")!));
	return { doc, codes, sources, cases };
}

/**
 * The tag a value code stands for, from its description ("Tagged
 * #emotion/shame."); for a class or direction code, a pattern of the tags.
 */
export function codeTagPattern(description: string): RegExp | null {
	const m = /^Tagged (#[^\s]+?)\.(?:\s|$)/.exec(description);
	if (!m) return null;
	const tag = m[1]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/<[a-z]+>/g, "[^\\s/#]+");
	return new RegExp(`${tag}(?![\\p{L}\\p{N}_-])`, "iu");
}
