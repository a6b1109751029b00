// `npm run package`: after the production build, writes release/ with the
// three files a release carries (main.js, manifest.json, styles.css) and
// attune-<version>.zip holding them in an attune/ folder, ready to unzip into
// a vault's .obsidian/plugins/. `--out <dir>` writes elsewhere (the tests do).
// It refuses, changing nothing, when the versions disagree or main.js is a development build.
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

const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/**
 * The fields a zip's local header and its central-directory entry share, in
 * the same order in both: version needed, flags (UTF-8 names), method
 * (stored), time, date, CRC-32, both sizes and the name's length.
 */
function writeEntryFields(header, at, { crc, size, nameLength }) {
	header.writeUInt16LE(20, at);
	header.writeUInt16LE(0x0800, at + 2);
	header.writeUInt16LE(0, at + 4);
	header.writeUInt16LE(DOS_TIME, at + 6);
	header.writeUInt16LE(DOS_DATE, at + 8);
	header.writeUInt32LE(crc, at + 10);
	header.writeUInt32LE(size, at + 14);
	header.writeUInt32LE(size, at + 18);
	header.writeUInt16LE(nameLength, at + 22);
}

/** A zip of stored (uncompressed) files: [{ name, data: Buffer }]. Dates are fixed, so the same files give the same zip. */
export function zip(files) {
	const locals = [], centrals = [];
	let offset = 0;
	for (const { name, data } of files) {
		const nameBytes = Buffer.from(name, "utf8");
		const fields = { crc: crc32(data), size: data.length, nameLength: nameBytes.length };
		const local = Buffer.alloc(30); // extra field length (28) stays 0
		local.writeUInt32LE(0x04034b50, 0);
		writeEntryFields(local, 4, fields);
		const central = Buffer.alloc(46); // extra, comment, disk and attributes stay 0
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4); // version made by
		writeEntryFields(central, 6, fields);
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

const readJson = (root, name) => JSON.parse(readFileSync(join(root, name), "utf8"));

/**
 * Why these files cannot make a release, or null: the manifest must carry the
 * package's version, and versions.json must map it to the manifest's minAppVersion
 * (`npm version` keeps the three in step; see version-bump.mjs).
 */
export function versionProblem(pkg, manifest, versions) {
	if (manifest.version !== pkg.version) return `manifest.json has version ${manifest.version} but package.json has ${pkg.version}: change versions with \`npm version\`, which updates both.`;
	if (versions[pkg.version] !== manifest.minAppVersion) return `versions.json maps ${pkg.version} to ${versions[pkg.version] ?? "nothing"}, not to the manifest's minAppVersion ${manifest.minAppVersion}.`;
	return null;
}

/** Writes the release files into `out` (emptied first) from the built files in `root`. */
export function packageRelease(out, root = ROOT) {
	const pkg = readJson(root, "package.json");
	const problem = versionProblem(pkg, readJson(root, "manifest.json"), readJson(root, "versions.json"));
	if (problem) throw new Error(problem);
	const version = pkg.version;
	for (const a of ASSETS) {
		if (!existsSync(join(root, a))) throw new Error(`${a} is missing: run \`npm run build\` first (npm run package does).`);
	}
	const files = ASSETS.map((name) => ({ name, data: readFileSync(join(root, name)) }));
	// `npm run dev` inlines a source map (the whole source, base64) into main.js; a release never carries one.
	if (files[0].data.includes("sourceMappingURL")) throw new Error("main.js carries a source map (a development build): run `npm run package`, which builds for production.");
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	for (const f of files) writeFileSync(join(out, f.name), f.data);
	const zipName = `attune-${version}.zip`;
	writeFileSync(join(out, zipName), zip(files.map((f) => ({ name: `attune/${f.name}`, data: f.data }))));
	return { version, files: [...ASSETS, zipName] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const i = process.argv.indexOf("--out");
	const out = i >= 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : join(ROOT, "release");
	try {
		const { files } = packageRelease(out);
		console.log(`${out}: ${files.join(", ")}`);
	} catch (e) {
		console.error(`npm run package: ${e instanceof Error ? e.message : String(e)}`);
		process.exit(1);
	}
}
