/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import type { AttuneSettings } from "../../../src/core/settings";
import { registerSummaryView } from "../../../src/plugin/view/register";
import { RENDER_DEBOUNCE_MS, type SummaryView, VIEW_TYPE_SUMMARY } from "../../../src/plugin/view/summary-view";
import { makeContext } from "../../helpers/harness";
import { CONCEPTS } from "../../../src/core/vocabulary/concepts";

/** The sections of the families beyond the client's emotions, in the plugin's double. */
const A = `---
note-type: session
client: C-1
date: 2026-03-02
modality: EFMT
clinician: Ada
---
- Nobody bothers with me #emotion/loneliness/primary-maladaptive; we stayed with it #process/soothing.
- I felt the pull to rescue #resonance/helplessness and steadied myself #therapist/regulating.
- Steady, unhurried #relationship/presence #empathy/attunement.
- She was kind to the frightened girl #compassion/feeling/self.
`;
const B = `---
note-type: session
client: C-1
date: 2026-03-09
modality: CBT
clinician: Ada
---
Angry at me #emotion/anger/secondary, then hurt #emotion/hurt/primary-adaptive; named both #process/symbolizing.

I lost my footing #therapist/empathic-distress. A rupture #relationship/rupture and its repair #relationship/repair.
`;
const SUP = `---
note-type: supervision
client: C-1
date: 2026-03-10
clinician: Ada
rating-presence: 4
rating-warmth: 3
---
Reviewed.
`;
const FILES = { "Clients/C-1/a.md": A, "Clients/C-1/b.md": B, "Supervision/sup.md": SUP, "Other/c.md": "No modality #empathy/rapport\n" };

async function setup(settings: Partial<AttuneSettings> = {}) {
	jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask"] });
	const made = await makeContext(FILES, { settings: { viewScope: "vault", ...settings } });
	registerSummaryView(made.ctx);
	await made.app.commands.get("attune:open-summary")!.callback!();
	const view = made.app.workspace.getLeavesOfType(VIEW_TYPE_SUMMARY)[0]!.view as unknown as SummaryView;
	document.body.appendChild(view.containerEl);
	view.onResize();
	await settle();
	return { app: made.app, view, el: view.contentEl };
}
afterEach(() => {
	jest.useRealTimers();
	document.body.replaceChildren();
});

const settle = () => jest.advanceTimersByTimeAsync(RENDER_DEBOUNCE_MS + 1);
const titles = (el: HTMLElement) => [...el.querySelectorAll<HTMLButtonElement>(".attune-section-title button")].map((b) => b.firstChild?.textContent);
const open = (el: HTMLElement, title: string) => {
	const b = [...el.querySelectorAll<HTMLButtonElement>(".attune-section-title button")].find((x) => x.firstChild?.textContent === title);
	if (!b) throw new Error(`no section ${title}`);
	if (b.getAttribute("aria-expanded") !== "true") b.click();
	// Within this view: the document may still hold an earlier test's view, with the same ids.
	return el.querySelector<HTMLElement>(`#${b.getAttribute("aria-controls")!}`)!;
};
const rows = (el: Element, sel: string) => [...el.querySelectorAll(`${sel} tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent ?? ""));
const button = (el: Element, label: RegExp) => {
	const b = [...el.querySelectorAll("button")].find((x) => label.test(x.getAttribute("aria-label") ?? ""));
	if (!b) throw new Error(`no button ${label}`);
	return b;
};
const passageTexts = (el: Element) => [...el.querySelectorAll(".attune-passage-text")].map((x) => x.textContent);

describe("the sections of the other families", () => {
	it("shows the therapist's side apart from the client's emotions, and per clinician over time in the vault", async () => {
		const { el } = await setup();
		const body = open(el, "The therapist's side");
		expect(rows(body, ".attune-resonance-table")).toEqual([["helplessness", "1", "1"]]);
		expect(rows(body, ".attune-therapist-table")).toEqual([["Empathic distress", "1", "1"], ["Regulating own resonance", "1", "1"], ["Perspective-taking", "0", "0"]]);
		expect(body.querySelector(".attune-therapist-time caption")?.textContent).toBe("Clinician Ada");
		expect(rows(body, ".attune-therapist-time")).toEqual([["2026-03-02", "1", "0", "1", "0"], ["2026-03-09", "0", "0", "0", "1"]]);
		expect(body.textContent).not.toContain("loneliness");
		button(body, /Show the 1 passage: regulating own resonance/).click();
		await settle();
		expect(passageTexts(el)).toEqual(["- I felt the pull to rescue #resonance/helplessness and steadied myself #therapist/regulating."]);
	});

	it("shows the relationship's ingredients beside the supervisor's ratings, zero shown as zero", async () => {
		const { el } = await setup();
		const body = open(el, "Relationship");
		expect(rows(body, ".attune-relationship-table")).toEqual([
			["Therapeutic presence", "1", "1", "4.0 (1 rating)"],
			["Repair", "1", "1", "not rated"],
			["Rupture", "1", "1", "not rated"],
			["Congruence", "0", "0", "0 ratings"],
			["Positive regard and warmth", "0", "0", "3.0 (1 rating)"],
			["Compassion", "0", "0", "0 ratings"],
			["Responsiveness", "0", "0", "0 ratings"],
		]);
	});

	it("shows compassion's elements by direction, each number opening its passages", async () => {
		const { app, el } = await setup();
		const body = open(el, "Compassion");
		const table = rows(body, ".attune-compassion-table");
		expect(table).toHaveLength(5);
		expect(table.find((r) => r[0] === "Feeling for the person")).toEqual(["Feeling for the person", "1", "0", "0", "1"]);
		button(body, /Show the 1 passage: feeling for the person, for oneself/).click();
		await settle();
		button(el, /Open a at line 11/).click();
		expect(app.workspace.getLeaf(false).opened.at(-1)).toEqual({ path: "Clients/C-1/a.md", state: { active: true, eState: { line: 10 } } });
	});

	it("shows what was done with each class, each number listing the passages it counts", async () => {
		const { el } = await setup();
		const body = open(el, "What was done with each class");
		const table = rows(body, ".attune-byclass-table");
		expect(table.find((r) => r[0] === "Soothing")).toEqual(["Soothing", "0", "1", "0", "0", "0"]);
		expect(table.find((r) => r[0] === "Symbolizing")).toEqual(["Symbolizing", "1", "0", "1", "0", "0"]);
		button(body, /Show the 1 passage: symbolizing beside secondary emotion/).click();
		await settle();
		expect(passageTexts(el)).toEqual(["Angry at me #emotion/anger/secondary, then hurt #emotion/hurt/primary-adaptive; named both #process/symbolizing."]);
	});

	it("shows empathy modes by modality in the vault and folder scopes only", async () => {
		const { el, view } = await setup();
		expect(rows(open(el, "Empathy modes by modality"), ".attune-bymodality-table")).toEqual([
			["CBT", "1", "0", "0", "0"], ["EFMT", "1", "0", "1", "0"], ["No modality", "2", "1", "0", "0"],
		]);
		await view.setState({ scope: "folder", folder: "Clients" }, { history: false });
		await settle();
		expect(rows(open(el, "Empathy modes by modality"), ".attune-bymodality-table")).toEqual([
			["CBT", "1", "0", "0", "0"], ["EFMT", "1", "0", "1", "0"], ["No modality", "0", "0", "0", "0"],
		]);
		await view.setState({ scope: "client" }, { history: false });
		await settle();
		expect(titles(el)).not.toContain("Empathy modes by modality");
	});

	it("lists each term of the codebook with its definition and count in the scope, a count opening its passages", async () => {
		const { el, view } = await setup();
		const body = open(el, "Codebook");
		const terms = [...body.querySelectorAll(".attune-codebook-term")];
		const term = (tag: string) => {
			const dt = terms.find((t) => t.querySelector(".attune-codebook-tag")?.textContent === tag);
			if (!dt) throw new Error(`no term ${tag}`);
			return { label: dt.firstChild?.textContent, count: dt.querySelector(".attune-codebook-count")?.textContent, definition: dt.nextElementSibling?.textContent };
		};
		expect(term("#therapist/regulating")).toEqual({ label: "Regulating own resonance", count: "1 in this scope", definition: CONCEPTS.therapist.regulating!.definition });
		expect(term("#relationship/congruence")).toEqual({ label: "Congruence", count: "0 in this scope", definition: CONCEPTS.relationship.congruence!.definition });
		expect(term("#emotion/<emotion>/primary-adaptive").count).toBe("1 in this scope");
		expect(term("#compassion/feeling").count).toBe("1 in this scope");
		// Every closed word of every family on, and the four classes.
		expect(terms).toHaveLength(4 + 3 + 7 + 12 + 3 + 7 + 5);
		button(body, /Show the 1 passage coded primary adaptive emotion/).click();
		await settle();
		expect(passageTexts(el)).toEqual(["Angry at me #emotion/anger/secondary, then hurt #emotion/hurt/primary-adaptive; named both #process/symbolizing."]);
		// The count follows the scope.
		await view.setState({ scope: "folder", folder: "Other" }, { history: false });
		await settle();
		expect(open(el, "Codebook").textContent).toContain("#therapist/regulating0 in this scope");
	});

	it("does not show a switched-off family's section", async () => {
		const { el } = await setup({ switchedOff: ["relationship", "compassion", "therapist", "resonance", "process"] });
		const shown = titles(el);
		for (const t of ["The therapist's side", "Relationship", "Compassion", "What was done with each class"]) expect(shown).not.toContain(t);
		expect(shown).toContain("Empathy modes by modality");
		const tags = [...open(el, "Codebook").querySelectorAll(".attune-codebook-tag")].map((t) => t.textContent ?? "");
		expect(tags.filter((t) => /^#(relationship|compassion|therapist|process)\//.test(t))).toEqual([]);
		expect(tags).toContain("#empathy/rapport");
	});
});
