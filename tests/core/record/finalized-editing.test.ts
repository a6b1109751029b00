/**
 * What the read-only editor lets through in a finalized note, and the banner
 * it shows: the pure rules, one named case each.
 */
import { addendaStart, finalizedBanner, keepsRecord, mayBeFinalized, readableDateTime } from "../../../src/core/record/finalized-editing";

const NOTE = "---\nclient: C-1\nfinalized-on: 2026-03-16T09:30\n---\nShe felt ashamed. #emotion/shame\n";
const WITH_ADDENDA = `${NOTE}\n## Addenda\n\n> [!addendum] Dana Reyes, 2026-03-17T10:00\n> Fix.\n`;

describe("keepsRecord", () => {
	it.each<[string, string, string, boolean]>([
		["an addendum added at the end, with its heading", NOTE, `${NOTE}\n## Addenda\n\n> [!addendum] Dana Reyes, 2026-03-17T10:00\n> `, true],
		["text typed into an addendum", WITH_ADDENDA, WITH_ADDENDA.replace("Fix.", "Fix: the session was the 4th."), true],
		["an addendum deleted", WITH_ADDENDA, `${NOTE}\n## Addenda\n`, true],
		["a blank line added at the end of the body", NOTE, `${NOTE}\n\n`, true],
		["a word of the body changed", NOTE, NOTE.replace("ashamed", "afraid"), false],
		["a tag added to the body", NOTE, NOTE.replace("shame\n", "shame #emotion/fear\n"), false],
		["text typed at the end of the body, with no addenda", NOTE, `${NOTE}More.`, false],
		["a property changed", NOTE, NOTE.replace("C-1", "C-2"), false],
		["a property's quoting changed (the block is kept as written)", NOTE, NOTE.replace("C-1", '"C-1"'), false],
		["the finalized-on line deleted", NOTE, NOTE.replace("finalized-on: 2026-03-16T09:30\n", ""), false],
		["the Addenda heading renamed, so the addenda join the body", WITH_ADDENDA, WITH_ADDENDA.replace("## Addenda", "## Notes"), false],
		["text typed into the body above the addenda", WITH_ADDENDA, WITH_ADDENDA.replace("ashamed.", "ashamed. Then calm."), false],
	])("%s", (_what, before, after, keeps) => {
		expect(keepsRecord(before, after)).toBe(keeps);
	});
});

describe("addendaStart", () => {
	it("is the start of the line after the Addenda heading", () => {
		const at = addendaStart(WITH_ADDENDA);
		expect(WITH_ADDENDA.slice(at - "## Addenda\n".length, at)).toBe("## Addenda\n");
	});
	it("counts CRLF line breaks as two characters", () => {
		const crlf = WITH_ADDENDA.replace(/\n/g, "\r\n");
		const at = addendaStart(crlf);
		expect(crlf.slice(at - "## Addenda\r\n".length, at)).toBe("## Addenda\r\n");
	});
	it.each([
		["no addenda", NOTE],
		["the heading as the last line, with nothing after it", `${NOTE}\n## Addenda`],
		["a heading inside a code block", `${NOTE}\n\`\`\`\n## Addenda\n\`\`\`\n`],
	])("is -1 with %s", (_what, text) => {
		expect(addendaStart(text)).toBe(-1);
	});
});

describe("finalizedBanner", () => {
	it.each<[string, Record<string, string>, string]>([
		["finalized", { finalizedOn: "2026-03-16T09:30", finalizedBy: "Dana Reyes", contentSha256: "a".repeat(64) }, "Finalized on 2026-03-16 at 09:30 by Dana Reyes. Corrections go in an addendum: run “Add addendum”."],
		["co-signed", { finalizedOn: "2026-03-16T09:30", finalizedBy: "Dana Reyes", cosignedBy: "Sam Lee", cosignedOn: "2026-03-18T14:05" }, "Finalized on 2026-03-16 at 09:30 by Dana Reyes. Co-signed on 2026-03-18 at 14:05 by Sam Lee. Corrections go in an addendum: run “Add addendum”."],
		["a hash only, with no name or time", { contentSha256: "a".repeat(64) }, "Finalized. Corrections go in an addendum: run “Add addendum”."],
		["not finalized", { cosignedBy: "Sam Lee" }, ""],
	])("%s", (_what, fields, banner) => {
		expect(finalizedBanner(fields)).toBe(banner);
	});
});

describe("readableDateTime", () => {
	it.each([
		["2026-03-16T09:30", "2026-03-16 at 09:30"],
		["2026-03-16T09:30:15", "2026-03-16 at 09:30"],
		["2026-03-16T09:30:00.000Z", "2026-03-16 at 09:30 Z"],
		["16 March 2026", "16 March 2026"],
	])("%s reads as %s", (value, text) => {
		expect(readableDateTime(value)).toBe(text);
	});
});

describe("mayBeFinalized", () => {
	it.each([
		["a finalized-on property", NOTE, true],
		["a content hash in any case", "---\nContent-SHA256: ab\n---\n", true],
		["a draft", "---\nclient: C-1\n---\nText about being finalized-on time.\n", false],
	])("%s", (_what, head, may) => {
		expect(mayBeFinalized(head)).toBe(may);
	});
});
