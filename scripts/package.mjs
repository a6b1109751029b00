// `npm run package`: after the production build, writes release/ with the
// three files a release carries (main.js, manifest.json, styles.css) and
// attune-<version>.zip holding them in an attune/ folder, ready to unzip into
// a vault's .obsidian/plugins/. `--out <dir>` writes elsewhere (the tests do).
// The zip is written here (stored, no compression, CRC-32), so it needs no dependency.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const ASSETS = ["main.js", "manifest.json", "styles.css"];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

export function crc32(bytes) {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** A zip of stored (uncompressed) files: [{ name, data: Buffer }]. Dates are fixed, so the same files give the same zip. */
export function zip(files) {
	const DOS_TIME = 0, DOS_DATE = (2026 - 1980) << 9 | 1 << 5 | 1;
	const locals = [], centrals = [];
	let offset = 0;
	for (const { name, data } of files) {
		const nameBytes = Buffer.from(name, "utf8");
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4); // version needed
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(0, 8); // stored
		local.writeUInt16LE(DOS_TIME, 10);
		local.writeUInt16LE(DOS_DATE, 12);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		local.writeUInt16LE(0, 28);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4); // made by
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(0, 10);
		central.writeUInt16LE(DOS_TIME, 12);
		central.writeUInt16LE(DOS_DATE, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(nameBytes.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, nameBytes, data);
		centrals.push(central, nameBytes);
		offset += local.length + nameBytes.length + data.length;
	}
	const dir = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(files.length, 8);
	end.writeUInt16LE(files.length, 10);
	end.writeUInt32LE(dir.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, dir, end]);
}

export function packageRelease(out) {
	const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
	for (const a of ASSETS) {
		if (!existsSync(join(ROOT, a))) throw new Error(`${a} is missing: run \`npm run build\` first (npm run package does).`);
	}
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	const files = ASSETS.map((name) => ({ name, data: readFileSync(join(ROOT, name)) }));
	for (const f of files) writeFileSync(join(out, f.name), f.data);
	const zipName = `attune-${version}.zip`;
	writeFileSync(join(out, zipName), zip(files.map((f) => ({ name: `attune/${f.name}`, data: f.data }))));
	return { version, files: [...ASSETS, zipName] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const i = process.argv.indexOf("--out");
	const out = i >= 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : join(ROOT, "release");
	const { files } = packageRelease(out);
	console.log(`${out}: ${files.join(", ")}`);
}
