/**
 * "Copy diagnostic report": puts on the clipboard what a problem report needs
 * (versions, platform, counts, diagnostic codes) and nothing about clients.
 * The report itself is built in core (support/diagnostic-report.ts).
 */
import { Notice, Platform, apiVersion } from "obsidian";
import { type ReportEnvironment, diagnosticReport } from "../../core/support/diagnostic-report";
import type { AttuneContext } from "../context";

/** The platform in fixed words: the operating system, and desktop or mobile. */
export function platformName(p: Partial<typeof Platform>): string {
	const os = p.isIosApp ? "iOS" : p.isAndroidApp ? "Android" : p.isMacOS ? "macOS" : p.isWin ? "Windows" : p.isLinux ? "Linux" : "unknown";
	return `${os} (${p.isMobile ? "mobile" : "desktop"})`;
}

export function reportEnvironment(ctx: AttuneContext): ReportEnvironment {
	return { attuneVersion: ctx.plugin.manifest.version, obsidianVersion: apiVersion, platform: platformName(Platform) };
}

/** Waits for the vault to be read and its finalized notes verified, then copies the report; says so either way. */
export async function copyDiagnosticReport(ctx: AttuneContext): Promise<void> {
	await ctx.indexer.ready;
	// Finalized notes that changed are verified apart from the index, as the sidebar lists them.
	await ctx.records.settled();
	const changed = ctx.records.changed().map(() => ({ code: "record-changed" as const }));
	const text = diagnosticReport(reportEnvironment(ctx), ctx.index.all(), changed);
	try {
		await navigator.clipboard.writeText(text);
	} catch {
		new Notice("Attune could not copy the diagnostic report to the clipboard.");
		return;
	}
	new Notice("Diagnostic report copied. It holds counts only, no note text or names.");
}

export function registerSupport(ctx: AttuneContext): void {
	ctx.plugin.addCommand({ id: "copy-diagnostic-report", name: "Copy diagnostic report", callback: () => void copyDiagnosticReport(ctx) });
}
