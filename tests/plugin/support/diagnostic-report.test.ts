/**
 * "Copy diagnostic report" over the example vault, loaded in the double as
 * Obsidian loads the plugin: the clipboard gets versions, platform and counts
 * that agree with the command line's reading of the same vault, and nothing
 * a client could be recognised by: no path, file or folder name, client code,
 * tag value or line of note text.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { indexVault, readVaultConfig } from "../../../src/cli/vault";
import { DIAGNOSTIC_CODES } from "../../../src/core/support/diagnostic-report";
import { FAMILIES } from "../../../src/core/vocabulary/families";
import { platformName } from "../../../src/plugin/support/register";
import { Notice, apiVersion } from "../../obsidian-double/obsidian";
import { MANIFEST, exampleVaultFiles, loadPlugin } from "../../helpers/harness";

const ROOT = path.join(__dirname, "../../../example-vault");
const cli = indexVault(ROOT, readVaultConfig(ROOT));

/** Runs the command as the palette does and returns what reached the clipboard. */
async function copyReport(fail = false): Promise<string | undefined> {
	const { app } = await loadPlugin(exampleVaultFiles(), { config: JSON.parse(fs.readFileSync(path.join(ROOT, ".obsidian/app.json"), "utf8")) as Record<string, unknown> });
	let copied: string | undefined;
	let done!: () => void;
	const written = new Promise<void>((r) => (done = r));
	Object.defineProperty(globalThis, "navigator", {
		configurable: true,
		value: { clipboard: { writeText: (t: string) => { copied = t; done(); return fail ? Promise.reject(new Error("denied")) : Promise.resolve(); } } },
	});
	Notice.messages = [];
	await app.commands.get("attune:copy-diagnostic-report")!.callback!();
	await written;
	// Let the command's Notice follow the clipboard write.
	await new Promise((r) => setTimeout(r, 0));
	return copied;
}

describe("Copy diagnostic report, on the example vault", () => {
	let report: string;
	beforeAll(async () => {
		report = (await copyReport())!;
	});

	it("says it copied, and that it holds counts only", () => {
		expect(Notice.messages).toEqual(["Diagnostic report copied. It holds counts only, no note text or names."]);
	});

	it("gives the versions and the platform", () => {
		expect(report).toContain(`Attune: ${MANIFEST.version}\n`);
		expect(report).toContain(`Obsidian: ${apiVersion}\n`);
		expect(report).toContain("Platform: Linux (desktop)\n");
	});

	it("counts notes, tags by family and diagnostics by code as the command line reads the vault", () => {
		const records = [...cli.all()];
		expect(report).toContain(`Notes: ${records.length}\n`);
		expect(records.length).toBeGreaterThan(5);
		for (const f of FAMILIES) {
			const n = records.reduce((s, r) => s + r.occurrences.filter((o) => o.family === f).length, 0);
			expect(report).toContain(`\n  ${f}: ${n}\n`);
		}
		let diagnostics = 0;
		for (const code of DIAGNOSTIC_CODES) {
			const n = records.reduce((s, r) => s + r.diagnostics.filter((d) => d.code === code).length, 0);
			diagnostics += n;
			expect(report).toContain(`\n  ${code}: ${n}\n`);
		}
		// The example vault has deliberate mistakes, so the report has something to show.
		expect(diagnostics).toBeGreaterThan(0);
	});

	it("holds no path, name, client code, tag value or note text", () => {
		const records = [...cli.all()];
		const lower = report.toLowerCase();
		const secrets = new Set<string>();
		for (const r of records) {
			secrets.add(r.path).add(r.name);
			for (const seg of r.folder.split("/")) if (seg) secrets.add(seg);
			if (r.props.client) secrets.add(r.props.client);
			for (const o of r.occurrences) if (o.value) secrets.add(o.value);
			for (const c of r.comments) secrets.add(c.text);
			for (const d of r.diagnostics) secrets.add(d.tag).add(d.message);
		}
		expect(secrets.size).toBeGreaterThan(20);
		// Family keys, codes and the report's own labels are fixed words, which a value may happen to equal ("emotion", "tags").
		const labels = "attune diagnostic report counts only no note text names paths or client codes obsidian platform linux desktop notes session with tags unreadable files supervisor comments by family diagnostics code";
		const fixed = new Set<string>([...FAMILIES, ...DIAGNOSTIC_CODES, ...labels.split(" ")]);
		for (const s of secrets) if (!fixed.has(s.toLowerCase()) && s.trim().length > 2) expect(lower).not.toContain(s.toLowerCase());
		for (const file of fs.readdirSync(path.join(ROOT, "Clients"))) expect(report).not.toContain(file);
		// Every line of note text longer than a word or two stays out.
		for (const text of Object.values(exampleVaultFiles())) {
			for (const line of text.split("\n")) if (line.trim().length >= 16) expect(report).not.toContain(line.trim());
		}
		// Nothing but fixed labels, versions and numbers: each line has one of these shapes.
		const shapes = [/^$/, /^Attune diagnostic report$/, /^\(counts only: no note text, names, paths or client codes\)$/, /^(Attune|Obsidian): [\w.-]+$/, /^Platform: (macOS|Windows|Linux|iOS|Android|unknown) \((desktop|mobile)\)$/, /^(Notes|Session notes|Notes with Attune tags|Unreadable files|Supervisor comments): \d+$/, /^(Tags by family|Diagnostics by code):$/, new RegExp(`^ {2}(${[...FAMILIES, ...DIAGNOSTIC_CODES].join("|")}): \\d+$`)];
		for (const line of report.trimEnd().split("\n")) expect(shapes.some((s) => s.test(line)) ? line : `unexpected: ${line}`).toBe(line);
	});

	it("says so, and copies nothing it could not, when the clipboard refuses", async () => {
		await copyReport(true);
		expect(Notice.messages).toEqual(["Attune could not copy the diagnostic report to the clipboard."]);
	});
});

describe("platformName", () => {
	it("names the system in fixed words", () => {
		expect(platformName({ isIosApp: true, isMobile: true })).toBe("iOS (mobile)");
		expect(platformName({ isAndroidApp: true, isMobile: true })).toBe("Android (mobile)");
		expect(platformName({ isMacOS: true })).toBe("macOS (desktop)");
		expect(platformName({ isWin: true })).toBe("Windows (desktop)");
		expect(platformName({})).toBe("unknown (desktop)");
	});
});
