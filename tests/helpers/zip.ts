/**
 * A zip archive read back through its central directory, with a reader of
 * the tests' own, not the code that wrote it (the packager, the QDPX writer).
 */

/** The entries of a zip, read from its central directory: name, method, CRC-32 and the stored bytes. */
export function readZip(zip: Buffer): { name: string; method: number; crc: number; data: Buffer }[] {
	const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	if (end < 0) throw new Error("no end of central directory: not a zip");
	const count = zip.readUInt16LE(end + 10);
	let at = zip.readUInt32LE(end + 16);
	const entries = [];
	for (let i = 0; i < count; i++) {
		if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`central directory entry ${i} is malformed`);
		const method = zip.readUInt16LE(at + 10);
		const crc = zip.readUInt32LE(at + 16);
		const size = zip.readUInt32LE(at + 20);
		const nameLength = zip.readUInt16LE(at + 28);
		const extra = zip.readUInt16LE(at + 30);
		const comment = zip.readUInt16LE(at + 32);
		const local = zip.readUInt32LE(at + 42);
		const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
		if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: no local header where the directory points`);
		const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
		entries.push({ name, method, crc, data: zip.subarray(dataAt, dataAt + size) });
		at += 46 + nameLength + extra + comment;
	}
	return entries;
}
