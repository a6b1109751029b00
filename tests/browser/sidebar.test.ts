/**
 * The sidebar in a real browser: the preview page runs the view's own
 * rendering code and core queries over the example vault (read by the command
 * line's reader), in Obsidian's default light and dark colours, in headless
 * Chromium (Obsidian's renderer). With ATTUNE_SCREENSHOTS=1 (`npm run screenshots`)
 * it saves the README's screenshots; `npm test` writes nothing into the working tree.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { type Browser, type Page, chromium } from "playwright-core";
import { indexVault, readVaultConfig } from "../../src/cli/vault";
import { summarize, summaryJson } from "../../src/core/index/summary";
import { buildTrend } from "../../src/core/sidebar/trend";
import { PROCESS_LABELS } from "../../src/core/vocabulary/families";
import { LIST_LIMIT } from "../../src/plugin/view/render";
import { type PreviewData, serializeRecords } from "../../preview/data";
import { findChromium } from "../helpers/chromium";

const ROOT = path.join(__dirname, "../..");
const VAULT = path.join(ROOT, "example-vault");
/** The preview page is built outside the working tree, so that `npm test` leaves it as it was. */
const ARTIFACTS = fs.mkdtempSync(path.join(os.tmpdir(), "attune-preview-"));
const SHOTS = path.join(ROOT, "docs/screenshots");
/** Screenshots are written only when asked for (`npm run screenshots`). */
const SAVE_SHOTS = process.env.ATTUNE_SCREENSHOTS === "1";
const ACTIVE = "Clients/C-101/2026-02-10 session 4.md";

const cli = indexVault(VAULT, readVaultConfig(VAULT));

/** Bundles the preview and writes its page; returns the page's URL. */
async function buildPreview(): Promise<string> {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	await build({ entryPoints: [path.join(ROOT, "preview/main.ts")], bundle: true, format: "iife", platform: "browser", target: "chrome120", outfile: path.join(ARTIFACTS, "preview.js"), logLevel: "silent" });
	const texts: Record<string, string> = {};
	for (const r of cli.all()) texts[r.path] = fs.readFileSync(path.join(VAULT, r.path), "utf8");
	const data: PreviewData = { records: serializeRecords(cli.all()), texts, activePath: ACTIVE, now: "2026-03-16T09:30:00" };
	fs.writeFileSync(path.join(ARTIFACTS, "preview-data.js"), `window.ATTUNE_PREVIEW = ${JSON.stringify(data)};\n`);
	fs.copyFileSync(path.join(ROOT, "preview/obsidian-vars.css"), path.join(ARTIFACTS, "obsidian-vars.css"));
	fs.copyFileSync(path.join(ROOT, "styles.css"), path.join(ARTIFACTS, "styles.css"));
	const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' file:; style-src 'self' file:; img-src 'self' data:">
<title>Attune: emotion summary preview</title>
<link rel="stylesheet" href="obsidian-vars.css">
<link rel="stylesheet" href="styles.css">
</head>
<body>
<script src="preview-data.js"></script>
<script src="preview.js"></script>
</body>
</html>
`;
	const page = path.join(ARTIFACTS, "preview.html");
	fs.writeFileSync(page, html);
	return pathToFileURL(page).href;
}

const tableRows = (page: Page, sel: string) =>
	page.$$eval(`${sel} tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? "")));

describe("the sidebar in Chromium", () => {
	let browser: Browser;
	let page: Page;
	const errors: string[] = [];
	const requests: string[] = [];

	beforeAll(async () => {
		const executablePath = findChromium();
		const url = await buildPreview();
		browser = await chromium.launch({
			executablePath,
			args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
		});
		page = await browser.newPage({ viewport: { width: 1200, height: 2000 }, deviceScaleFactor: 1 });
		page.on("pageerror", (e) => errors.push(e.message));
		page.on("console", (m) => {
			if (m.type() === "error") errors.push(m.text());
		});
		// Nothing leaves the machine: every request must be a local file.
		await page.route("**/*", (route) => {
			requests.push(route.request().url());
			return route.request().url().startsWith("file:") ? route.continue() : route.abort();
		});
		await page.goto(url);
		await page.waitForSelector(".attune-emotion-table");
	});

	afterAll(async () => {
		await browser?.close();
		fs.rmSync(ARTIFACTS, { recursive: true, force: true });
	});

	it("shows this client's emotions, counted as the command line counts them", async () => {
		expect(await page.textContent(".attune-scope-label")).toBe("Client C-101");
		const expected = summaryJson(summarize(cli, { client: "C-101" }));
		const all = [...expected.emotions].sort((a, b) => b.count - a.count || a.emotion.localeCompare(b.emotion)).map((r) => [r.emotion, PROCESS_LABELS[r.process], String(r.count), String(r.notes)]);
		expect(all.length).toBeGreaterThan(LIST_LIMIT);
		// The most frequent first; the rest one button away, and back.
		expect(await tableRows(page, ".attune-emotion-table")).toEqual(all.slice(0, LIST_LIMIT));
		await page.getByRole("button", { name: `Show all ${all.length} emotions` }).click();
		expect(await tableRows(page, ".attune-emotion-table")).toEqual(all);
		await page.getByRole("button", { name: /^Show fewer/ }).click();
		expect(await tableRows(page, ".attune-emotion-table")).toEqual(all.slice(0, LIST_LIMIT));
		// One bar per dated note of the client, as `attune trend` lists them: six sessions and a supervision note.
		const rows = buildTrend(cli, { client: "C-101" }).sessions;
		expect(rows.map((r) => r.session ?? null)).toEqual([1, 2, 3, null, 4, 5, 6]);
		expect(await page.$$eval(".attune-chart-mark", (ms) => ms.length)).toBe(rows.length);
	});

	it("lists an emotion's passages, opens one at its line, in light and dark", async () => {
		await page.getByRole("button", { name: /^Show passages for shame, primary maladaptive/ }).click();
		await page.waitForSelector(".attune-passage-text");
		const texts = await page.$$eval(".attune-passage-text", (els) => els.map((e) => e.textContent ?? ""));
		expect(texts.length).toBe(summaryJson(summarize(cli, { client: "C-101" })).emotions.find((r) => r.emotion === "shame" && r.process === "primary-maladaptive")!.count);
		for (const t of texts) expect(t).toMatch(/#emotion\/shame\/primary-maladaptive/i);

		if (SAVE_SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
		// The whole sidebar as it first opens, with one emotion selected: scope, overview, emotions and
		// the passages of the selected row, the chart, and the headings of the sections that start closed.
		const box = (await page.locator(".preview-sidebar").boundingBox())!;
		const content = (await page.locator(".preview-sidebar .view-content").boundingBox())!;
		const clip = { x: box.x, y: box.y, width: box.width, height: Math.min(content.y + content.height + 12 - box.y, box.height) };
		const light = await page.screenshot({ clip });
		expect(light.length).toBeGreaterThan(0);
		if (SAVE_SHOTS) fs.writeFileSync(path.join(SHOTS, "sidebar-light.png"), light);
		await page.evaluate(() => (window as unknown as { attunePreview: { setTheme(t: string): void } }).attunePreview.setTheme("dark"));
		expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(30, 30, 30)");
		const dark = await page.screenshot({ clip });
		expect(dark.equals(light)).toBe(false);
		if (SAVE_SHOTS) fs.writeFileSync(path.join(SHOTS, "sidebar-dark.png"), dark);
		await page.evaluate(() => (window as unknown as { attunePreview: { setTheme(t: string): void } }).attunePreview.setTheme("light"));

		const first = page.locator(".attune-passage-open").first();
		const label = await first.getAttribute("aria-label");
		const m = /^Open (.+) at line (\d+)$/.exec(label ?? "");
		expect(m).not.toBeNull();
		await first.click();
		expect(await page.textContent(".preview-note-title")).toBe(m![1]);
		expect(await page.getAttribute(".preview-line.is-target", "data-line")).toBe(String(Number(m![2]) - 1));
		expect(await page.textContent(".preview-line.is-target")).toMatch(/#emotion\/shame\/primary-maladaptive/i);
	});

	it("draws this client's sessions in shares, a bar's readout that stays and the selected emotion's strip, in light and dark", async () => {
		// The emotion selected above (shame, primary maladaptive) gives its strip under the bars.
		const rows = buildTrend(cli, { client: "C-101" }).sessions;
		const section = page.locator("#attune-body-sessions");
		expect(await page.getAttribute("button[aria-label^='Show each session as shares']", "aria-pressed")).toBe("true");
		expect(await section.locator("h5", { hasText: "shame per session, by class" }).count()).toBe(1);
		// A tap on a bar, through the bars drawn over its column.
		const chosen = rows.findIndex((r) => r.session === 4);
		await section.locator(".attune-chart-mark").nth(chosen).click();
		const r = rows[chosen]!;
		expect(await page.textContent(".attune-readout-head")).toBe(`Session 4 · ${r.date} · ${r.path.slice(r.path.lastIndexOf("/") + 1, -3)}`);
		const readout = await tableRows(page, ".attune-readout-table");
		expect(readout.map((x) => x[1])).toEqual(Object.values(r.classes).map(String));
		expect(await page.textContent(".attune-readout-table tfoot td")).toBe(String(r.emotions));
		// The readout stays: moving the pointer away changes nothing.
		await page.mouse.move(0, 0);
		expect(await page.locator(".attune-readout-head").count()).toBe(1);
		// From the keyboard: focus a bar and press Enter; focus stays on that bar as the chart is redrawn.
		const next = rows.findIndex((x) => x.session === 5);
		await section.locator(".attune-chart-mark").nth(next).focus();
		await page.keyboard.press("Enter");
		expect(await page.textContent(".attune-readout-head")).toMatch(/^Session 5 · /);
		expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/^Session 5, /);
		await page.keyboard.press("Shift+Tab");
		await page.keyboard.press("Enter");
		expect(await page.textContent(".attune-readout-head")).toBe(`Session 4 · ${r.date} · ${r.path.slice(r.path.lastIndexOf("/") + 1, -3)}`);

		// The pictures show the selection, not the keyboard's focus ring.
		await page.evaluate(() => (document.activeElement as HTMLElement | SVGElement | null)?.blur());
		// From the section's heading to the emotion's strip, scrolled to the top of the window so that all of it is in view.
		await page.locator(".attune-section-sessions").evaluate((h) => h.scrollIntoView({ block: "start" }));
		const head = (await page.locator(".attune-section-sessions").boundingBox())!;
		const body = (await section.boundingBox())!;
		const strip = (await section.locator("h5:has-text('shame per session, by class') + svg").boundingBox())!;
		const clip = { x: body.x - 8, y: head.y - 4, width: body.width + 16, height: strip.y + strip.height - head.y + 12 };
		const light = await page.screenshot({ clip });
		await page.evaluate(() => (window as unknown as { attunePreview: { setTheme(t: string): void } }).attunePreview.setTheme("dark"));
		const dark = await page.screenshot({ clip });
		expect(dark.equals(light)).toBe(false);
		await page.evaluate(() => (window as unknown as { attunePreview: { setTheme(t: string): void } }).attunePreview.setTheme("light"));
		if (SAVE_SHOTS) {
			fs.mkdirSync(SHOTS, { recursive: true });
			fs.writeFileSync(path.join(SHOTS, "across-sessions-light.png"), light);
			fs.writeFileSync(path.join(SHOTS, "across-sessions-dark.png"), dark);
		}
	});

	it("opens and closes a section from the keyboard, drawing its body only while open", async () => {
		const json = summaryJson(summarize(cli, { client: "C-101" }));
		const resonance = json.resonance;
		const therapist = json.therapist as { count: number }[];
		const side = [...resonance, ...therapist].reduce((n, r) => n + r.count, 0);
		const toggle = page.getByRole("button", { name: /^The therapist's side/ });
		const region = page.getByRole("region", { name: /^The therapist's side/ });
		const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? "");
		expect(await toggle.getAttribute("aria-expanded")).toBe("false");
		expect(await region.count()).toBe(0);
		await toggle.focus();
		await page.keyboard.press("Enter");
		expect(await toggle.getAttribute("aria-expanded")).toBe("true");
		expect(await region.locator(".attune-resonance-table tbody tr").count()).toBe(Math.min(resonance.length, LIST_LIMIT));
		expect(await focusedText()).toBe(`The therapist's side (${side})`);
		// Tab goes from the heading into what it opened.
		await page.keyboard.press("Tab");
		expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/^Show passages for therapist resonance /);
		await page.keyboard.press("Shift+Tab");
		await page.keyboard.press("Space");
		expect(await toggle.getAttribute("aria-expanded")).toBe("false");
		expect(await region.count()).toBe(0);
		expect(await focusedText()).toBe(`The therapist's side (${side})`);
	});

	it("switches scope with the keyboard-reachable scope menu", async () => {
		await page.selectOption("select[aria-label='Scope']", "vault");
		await page.waitForFunction(() => document.querySelector(".attune-scope-label")?.textContent === "Whole vault");
		const all = summarize(cli, {});
		expect(await page.textContent(".attune-scope-line")).toContain(`${all.notes} notes`);
		expect(await page.$$eval(".attune-share-count", (els) => els.map((e) => e.textContent))).toEqual(all.processShares.map((p) => `${p.count} (${Math.round(p.share * 100)}%)`));
		await page.selectOption("select[aria-label='Scope']", "note");
		await page.waitForSelector(".attune-sequence");
		const steps = await page.$$eval(".attune-step-emotion", (els) => els.map((e) => e.textContent));
		const note = cli.get((await page.getAttribute(".preview-note-title", "data-path"))!)!;
		expect(steps).toEqual(note.occurrences.filter((o) => o.family === "emotion").map((o) => o.value));
		await page.focus("select[aria-label='Scope']");
		await page.keyboard.press("Tab");
		expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Dates");
	});

	it("ran without errors and without a network request", () => {
		expect(errors).toEqual([]);
		expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
	});
});
