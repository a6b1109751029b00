/**
 * Where the browser tests find Chrome or Chromium: `CHROMIUM_PATH` when set,
 * else the places macOS, Windows and Debian (and most Linux) install them.
 * Throws, with what to install, when there is none: a browser test never skips.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The usual install locations, per platform, in the order they are tried. */
export function chromiumCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
	if (platform === "darwin") {
		const apps = ["Google Chrome.app/Contents/MacOS/Google Chrome", "Chromium.app/Contents/MacOS/Chromium", "Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing"];
		const roots = ["/Applications", ...(env.HOME ? [path.join(env.HOME, "Applications")] : [])];
		return roots.flatMap((r) => apps.map((a) => `${r}/${a}`));
	}
	if (platform === "win32") {
		const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter((r): r is string => !!r);
		const exes = ["Google\\Chrome\\Application\\chrome.exe", "Chromium\\Application\\chrome.exe"];
		return roots.flatMap((r) => exes.map((e) => `${r}\\${e}`));
	}
	return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium", "/opt/google/chrome/chrome"];
}

/** What to install, said for the platform at hand. */
export function installHint(platform: NodeJS.Platform = process.platform): string {
	if (platform === "darwin") return "Install Google Chrome (https://www.google.com/chrome/) into /Applications, or `brew install --cask chromium`";
	if (platform === "win32") return "Install Google Chrome (https://www.google.com/chrome/)";
	return "Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; .ci/run does this) or Google Chrome";
}

/** The browser to launch, or an error that says what to install. */
export function findChromium(exists: (p: string) => boolean = fs.existsSync, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
	const given = env.CHROMIUM_PATH;
	if (given) {
		if (exists(given)) return given;
		throw new Error(`CHROMIUM_PATH is ${given}, but there is no file there. Point it at a Chrome or Chromium executable.`);
	}
	const candidates = chromiumCandidates(platform, env);
	const found = candidates.find(exists);
	if (found) return found;
	throw new Error(`No Chrome or Chromium found for the browser tests. ${installHint(platform)}, or set CHROMIUM_PATH to its executable. Looked in: ${candidates.join(", ")}. The browser tests do not skip.`);
}
