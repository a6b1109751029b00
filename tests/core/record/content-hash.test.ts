import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parseProperties } from "../../../src/cli/vault";
import { factsFromText } from "../../../src/core/note/reader";
import { sha256Hex } from "../../../src/core/record/sha256";
import { contentHashBytes, contentSha256, hashedBody } from "../../../src/core/record/content-hash";

const utf8 = (s: string) => new TextEncoder().encode(s);
const node = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("sha256Hex", () => {
	// FIPS 180-4 examples (NIST CSRC "SHA256.pdf") and the million-a vector.
	it.each([
		["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
		["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
		["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
		["a".repeat(1000000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"],
	])("NIST vector %#", (input, digest) => {
		expect(sha256Hex(utf8(input))).toBe(digest);
	});

	it("agrees with Node's crypto at every length around the block edges", () => {
		for (let n = 0; n <= 130; n++) {
			const b = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
			expect(sha256Hex(b)).toBe(node(b));
		}
	});
});

/** The worked example of FORMAT.md section 7: the note, and the hash it states. */
function formatExample(): { note: string; hash: string } {
	const doc = readFileSync(path.join(__dirname, "../../../docs/FORMAT.md"), "utf8");
	const section = doc.slice(doc.indexOf("## 7. Finalized notes"));
	const note = /```markdown\n([\s\S]*?)```/.exec(section)![1]!;
	const hash = /content-sha256: ([0-9a-f]{64})/.exec(note)![1]!;
	return { note, hash };
}

describe("content hash", () => {
	const hashOf = (text: string) => contentSha256(text, factsFromText("n.md", text, parseProperties).frontmatter);

	it("gives the hash that FORMAT.md's worked example states, by both implementations", () => {
		const { note, hash } = formatExample();
		const fm = factsFromText("n.md", note, parseProperties).frontmatter;
		expect(hashOf(note)).toBe(hash);
		expect(node(contentHashBytes(note, fm))).toBe(hash);
	});

	const base = "---\nclient: C-101\nsession: 2\n---\nShe cried. #emotion/grief\n\nÉmotion très forte — 悲しみ\n";
	it.each([
		["CRLF line endings", base.replace(/\n/g, "\r\n")],
		["a byte-order mark", "\uFEFF" + base],
		["properties rewritten by Obsidian (quotes, order, record fields)", "---\nsession: 2\nclient: \"C-101\"\nfinalized-on: 2026-01-13T17:05\ncontent-sha256: x\n---\nShe cried. #emotion/grief\n\nÉmotion très forte — 悲しみ\n"],
		["an addendum added", base + "\n## Addenda\n\n> [!addendum] Dana, 2026-01-14T09:00\n> A correction. #emotion/anger\n"],
	])("stays the same with %s", (_, text) => {
		expect(hashOf(text)).toBe(hashOf(base));
	});

	it.each([
		["a word of the body", base.replace("cried", "wept")],
		["a property value", base.replace("session: 2", "session: 3")],
		["a tag", base.replace("grief", "sadness")],
	])("changes when %s changes", (_, text) => {
		expect(hashOf(text)).not.toBe(hashOf(base));
	});

	it("cuts the body at the Addenda heading, not at one inside a code block", () => {
		const text = "Body\n\n```\n## Addenda\n```\n";
		expect(hashedBody(text)).toBe("Body\n\n```\n## Addenda\n```");
	});
});
