// `npm version <patch|minor|major|x.y.z>` hook: after npm has changed
// package.json, copy the new version into manifest.json and map it to the
// manifest's minAppVersion in versions.json, so the three always agree.
// Change minAppVersion in manifest.json by hand first when a release needs a newer Obsidian.
import { readFileSync, writeFileSync } from "node:fs";

const version = process.env.npm_package_version;
if (!version) {
	console.error("version-bump.mjs runs from `npm version`, which sets npm_package_version.");
	process.exit(1);
}

const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));
manifest.version = version;
writeFileSync("manifest.json", JSON.stringify(manifest, null, 2) + "\n");

const versions = JSON.parse(readFileSync("versions.json", "utf8"));
versions[version] = manifest.minAppVersion;
writeFileSync("versions.json", JSON.stringify(versions, null, 2) + "\n");

console.log(`manifest.json and versions.json: ${version} (Obsidian ${manifest.minAppVersion} or later)`);
