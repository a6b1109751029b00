/**
 * Reading back what the REFI-QDA writers produce, independently of them: an
 * XML parser (jsdom's DOMParser, strict XML) and an unzip for stored entries
 * that checks each entry's CRC-32 with Node's own zlib.
 */
import * as zlib from "node:zlib";
import { JSDOM } from "jsdom";
import { readZip } from "./zip";

/** The environment's DOMParser under jest's jsdom environment, else jsdom's own. */
const Parser: typeof DOMParser = typeof DOMParser === "undefined" ? new JSDOM("").window.DOMParser : DOMParser;

/** Parses XML strictly; throws with the parser's message when it is not well formed. */
export function parseXml(text: string): Document {
	const doc = new Parser().parseFromString(text, "application/xml");
	const error = doc.getElementsByTagName("parsererror")[0];
	if (error) throw new Error(`not well-formed XML: ${error.textContent ?? ""}`);
	return doc;
}

/**
 * Every element below a node, in document order, walked through `children`
 * (jsdom's live collections of a large document are slow to turn into arrays).
 */
export function descendants(node: Document | Element): Element[] {
	const out: Element[] = [];
	const stack: Element[] = [...Array.from(node.children)].reverse();
	while (stack.length > 0) {
		const el = stack.pop()!;
		out.push(el);
		for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
	}
	return out;
}

/** Every element below a node with a local name, in any namespace, in document order. */
export function elements(node: Document | Element, name: string): Element[] {
	return descendants(node).filter((e) => e.localName === name);
}

/**
 * The entries of a zip archive, by name. Only stored (uncompressed) entries
 * are accepted; any other method, or a CRC-32 that Node's zlib does not
 * confirm, throws.
 */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
	const out = new Map<string, Uint8Array>();
	for (const e of readZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) {
		if (e.method !== 0) throw new Error(`${e.name}: compression method ${e.method}, expected stored`);
		if (zlib.crc32(e.data) !== e.crc) throw new Error(`${e.name}: CRC-32 does not match`);
		out.set(e.name, new Uint8Array(e.data));
	}
	return out;
}
