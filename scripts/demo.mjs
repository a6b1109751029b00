// `npm run demo`: installs the freshly built plugin into the bundled example
// vault (as Obsidian expects it under .obsidian/plugins/attune) and prints the
// vault's summary with the command line, exactly as the sidebar computes it.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vault = join(root, "example-vault");
const pluginDir = join(vault, ".obsidian", "plugins", "attune");
mkdirSync(pluginDir, { recursive: true });
for (const f of ["main.js", "manifest.json", "styles.css"]) {
	if (existsSync(join(root, f))) copyFileSync(join(root, f), join(pluginDir, f));
}
console.log(`Installed Attune into ${pluginDir}`);
console.log("Open example-vault/ as a vault in Obsidian and enable Attune under Settings → Community plugins.\n");
const out = execFileSync(process.execPath, [join(root, "dist", "cli.js"), "summarize", vault], { encoding: "utf8" });
process.stdout.write(out);
