/**
 * A zip archive writer in plain TypeScript, for the plugin (no Node, runs on
 * mobile) and the command line alike. Entries are stored, not compressed: a
 * REFI-QDA project is small text, and every zip reader reads stored entries.
 */

/** One file of the archive: its path inside it (`/`-separated) and its bytes. */
export interface ZipEntry {
	name: string;
	data: Uint8Array;
}

/** The CRC-32 table (polynomial 0xEDB88320, as zip uses), computed once. */
const CRC_TABLE = (() => {
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	return t;
})();

/** The CRC-32 of bytes, as zip records it. */
export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** Bit 11 of the flags: the names are UTF-8. */
const UTF8_NAMES = 0x0800;
/** 1980-01-01, the earliest date zip can hold: a fixed date keeps the same project the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Version 2.0: what a reader needs for stored entries and folders. */
const VERSION = 20;
/** Without Zip64, sizes, offsets and the number of entries have these limits. */
const MAX_SIZE = 0xffffffff;
const MAX_ENTRIES = 0xffff;

/** The archive's bytes: each entry stored, then the central directory. */
export function zipStored(entries: readonly ZipEntry[]): Uint8Array {
	if (entries.length > MAX_ENTRIES) throw new Error(`A zip archive without Zip64 holds at most ${MAX_ENTRIES} files.`);
	const encoder = new TextEncoder();
	const locals: Uint8Array[] = [];
	const centrals: Uint8Array[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = encoder.encode(e.name);
		const crc = crc32(e.data);
		if (e.data.length > MAX_SIZE || offset > MAX_SIZE) throw new Error("A zip archive without Zip64 holds at most 4 GiB.");
		const local = new Uint8Array(30 + name.length);
		const l = new DataView(local.buffer);
		l.setUint32(0, 0x04034b50, true);
		l.setUint16(4, VERSION, true);
		l.setUint16(6, UTF8_NAMES, true);
		l.setUint16(8, 0, true); // stored
		l.setUint16(10, 0, true); // time 00:00
		l.setUint16(12, DOS_DATE, true);
		l.setUint32(14, crc, true);
		l.setUint32(18, e.data.length, true);
		l.setUint32(22, e.data.length, true);
		l.setUint16(26, name.length, true);
		l.setUint16(28, 0, true);
		local.set(name, 30);
		const central = new Uint8Array(46 + name.length);
		const c = new DataView(central.buffer);
		c.setUint32(0, 0x02014b50, true);
		c.setUint16(4, VERSION, true);
		c.setUint16(6, VERSION, true);
		c.setUint16(8, UTF8_NAMES, true);
		c.setUint16(10, 0, true);
		c.setUint16(12, 0, true);
		c.setUint16(14, DOS_DATE, true);
		c.setUint32(16, crc, true);
		c.setUint32(20, e.data.length, true);
		c.setUint32(24, e.data.length, true);
		c.setUint16(28, name.length, true);
		// Extra field, comment, disk number, internal and external attributes: none.
		c.setUint32(42, offset, true);
		central.set(name, 46);
		locals.push(local, e.data);
		centrals.push(central);
		offset += local.length + e.data.length;
	}
	const centralSize = centrals.reduce((n, c) => n + c.length, 0);
	const end = new Uint8Array(22);
	const d = new DataView(end.buffer);
	d.setUint32(0, 0x06054b50, true);
	d.setUint16(8, entries.length, true);
	d.setUint16(10, entries.length, true);
	d.setUint32(12, centralSize, true);
	d.setUint32(16, offset, true);
	const out = new Uint8Array(offset + centralSize + end.length);
	let p = 0;
	for (const part of [...locals, ...centrals, end]) {
		out.set(part, p);
		p += part.length;
	}
	return out;
}
