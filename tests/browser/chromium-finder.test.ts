/** The browser tests' Chromium finder, over pretend file systems for each platform. */
import { findChromium } from "../helpers/chromium";

const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe("findChromium", () => {
	it("takes CHROMIUM_PATH first", () => {
		expect(findChromium(only("/opt/c", "/usr/bin/chromium"), "linux", { CHROMIUM_PATH: "/opt/c" })).toBe("/opt/c");
	});

	it("says so when CHROMIUM_PATH points at nothing, instead of looking elsewhere", () => {
		expect(() => findChromium(only("/usr/bin/chromium"), "linux", { CHROMIUM_PATH: "/nope" })).toThrow(/CHROMIUM_PATH is \/nope/);
	});

	it("finds Debian's Chromium and Google Chrome on Linux", () => {
		expect(findChromium(only("/usr/bin/chromium"), "linux", {})).toBe("/usr/bin/chromium");
		expect(findChromium(only("/usr/bin/google-chrome"), "linux", {})).toBe("/usr/bin/google-chrome");
	});

	it("finds Chrome in /Applications on macOS", () => {
		const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
		expect(findChromium(only(chrome), "darwin", { HOME: "/Users/a" })).toBe(chrome);
	});

	it("finds Chrome under Program Files on Windows", () => {
		const chrome = "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";
		expect(findChromium(only(chrome), "win32", { PROGRAMFILES: "C:\\Program Files" })).toBe(chrome);
	});

	it("fails, saying what to install, when there is none", () => {
		expect(() => findChromium(only(), "linux", {})).toThrow(/apt-get install chromium.*CHROMIUM_PATH/);
		expect(() => findChromium(only(), "darwin", {})).toThrow(/Install Google Chrome/);
		expect(() => findChromium(only(), "win32", {})).toThrow(/Install Google Chrome/);
	});
});
