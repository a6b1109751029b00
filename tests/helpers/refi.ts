/**
 * Reading back what the REFI-QDA writers produce, independently of them: an
 * XML parser (jsdom's DOMParser, strict XML) and a small unzip for stored
 * entries that checks each entry's CRC-32 with Node's own zlib.
 */
import * as zlib from "node:zlib";
import { JSDOM } from "jsdom";

/** The environment's DOMParser under jest's jsdom environment, else jsdom's own. */
const Parser: typeof DOMParser = typeof DOMParser === "undefined" ? new JSDOM("").window.DOMParser : DOMParser;

/** Parses XML strictly; throws with the parser's message when it is not well formed. */
export function parseXml(text: string): Document {
	const doc = new Parser().parseFromString(text, "application/xml");
	const error = doc.getElementsByTagName("parsererror")[0];
	if (error) throw new Error(`not well-formed XML: ${error.textContent ?? ""}`);
	return doc;
}

/** Every element of a document with a local name, in any namespace, in document order. */
export function elements(doc: Document | Element, name: string): Element[] {
	return Array.from(doc.getElementsByTagNameNS("*", name));
}

/**
 * The entries of a zip archive, by name, read through its central directory.
 * Only stored (uncompressed) entries are supported; any other method, a bad
 * signature or a CRC that does not match throws.
 */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let eocd = -1;
	for (let i = buf.length - 22; i >= 0; i--) {
		if (buf.readUInt32LE(i) === 0x06054b50) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new Error("no end of central directory record");
	const count = buf.readUInt16LE(eocd + 10);
	let p = buf.readUInt32LE(eocd + 16);
	const out = new Map<string, Uint8Array>();
	for (let n = 0; n < count; n++) {
		if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`);
		const flags = buf.readUInt16LE(p + 8);
		const method = buf.readUInt16LE(p + 10);
		const crc = buf.readUInt32LE(p + 16);
		const size = buf.readUInt32LE(p + 20);
		const nameLength = buf.readUInt16LE(p + 28);
		const extraLength = buf.readUInt16LE(p + 30);
		const commentLength = buf.readUInt16LE(p + 32);
		const local = buf.readUInt32LE(p + 42);
		const name = buf.subarray(p + 46, p + 46 + nameLength).toString(flags & 0x800 ? "utf8" : "latin1");
		if (method !== 0) throw new Error(`${name}: compression method ${method}, expected stored`);
		if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: bad local header`);
		const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
		const data = buf.subarray(start, start + size);
		if (zlib.crc32(data) !== crc) throw new Error(`${name}: CRC-32 does not match`);
		out.set(name, new Uint8Array(data));
		p += 46 + nameLength + extraLength + commentLength;
	}
	return out;
}
