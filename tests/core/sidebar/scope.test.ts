import { buildViewModel } from "../../../src/core/sidebar/view-model";
import { choiceFromState, rangeDates, resolveScope } from "../../../src/core/sidebar/scope";
import { VaultInsights } from "../../../src/core/sidebar/vault-insights";
import { summarize, summaryJson } from "../../../src/core/index/summary";
import { indexOf } from "../../helpers/notes";
import { NOW, VAULT_CHOICE, other, s1, s2 } from "../../helpers/sessions";

describe("scope", () => {
	const index = indexOf({ "Clients/C-1/s1.md": s1, "Clients/C-1/s2.md": s2, "Clients/C-2/o.md": other, "Study/plain.md": "# Study\n#emotion/joy" });
	it.each([
		["30", { from: "2026-02-15", to: "2026-03-16" }],
		["90", { from: "2025-12-17", to: "2026-03-16" }],
		["365", { from: "2025-03-17", to: "2026-03-16" }],
		["all", {}],
	] as const)("the last %s days end today", (range, expected) => {
		expect(rangeDates({ range, from: "", to: "" }, NOW)).toEqual(expected);
	});
	it("keeps valid custom dates and drops invalid ones", () => {
		expect(rangeDates({ range: "custom", from: "2026-01-01", to: "2026-02-30" }, NOW)).toEqual({ from: "2026-01-01", to: undefined });
	});
	it("follows the open note's client", () => {
		const r = resolveScope({ ...VAULT_CHOICE, scope: "client" }, index, "Clients/C-1/s2.md", NOW);
		expect(r.filter).toEqual({ client: "C-1" });
		expect(r.label).toBe("Client C-1");
	});
	it("says what to do when the open note names no client, and selects nothing", () => {
		const r = resolveScope({ ...VAULT_CHOICE, scope: "client" }, index, "Study/plain.md", NOW);
		expect(r.problem).toMatch(/names no client/);
		expect(summarize(index, r.filter).notes).toBe(0);
	});
	it("selects nothing in the note scope when no note is open (not the whole vault)", () => {
		const insights = new VaultInsights(index);
		const m = buildViewModel(index, insights, { ...VAULT_CHOICE, scope: "note" }, undefined, NOW);
		expect(m.scope.problem).toMatch(/Open a note/);
		expect(m.summary.notes).toBe(0);
		expect(summaryJson(m.summary).emotions).toEqual([]);
	});
	it("uses the open note's folder when no folder is chosen", () => {
		expect(resolveScope({ ...VAULT_CHOICE, scope: "folder" }, index, "Clients/C-2/o.md", NOW).filter).toEqual({ folder: "Clients/C-2" });
		expect(resolveScope({ ...VAULT_CHOICE, scope: "folder", folder: "/Clients/" }, index, "Clients/C-2/o.md", NOW).filter).toEqual({ folder: "Clients" });
	});
	it("combines dates and note type with the scope", () => {
		const r = resolveScope({ ...VAULT_CHOICE, range: "30", noteType: "Session" }, index, undefined, NOW);
		expect(r.filter).toEqual({ from: "2026-02-15", to: "2026-03-16", noteType: "session" });
		expect(summarize(index, r.filter).notes).toBe(2);
	});
	it("reads saved view state field by field, keeping the fallback for anything invalid", () => {
		expect(choiceFromState({ scope: "client", range: "forever", folder: 3, noteType: "session" }, VAULT_CHOICE)).toEqual({ ...VAULT_CHOICE, scope: "client", noteType: "session" });
		expect(choiceFromState(null, VAULT_CHOICE)).toEqual(VAULT_CHOICE);
	});
});
