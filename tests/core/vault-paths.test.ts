import { freePath } from "../../src/core/vault-paths";

describe("freePath", () => {
	it("never returns a taken path", () => {
		const taken = new Set(["a/b.md", "a/b (2).md"]);
		expect(freePath("a/b.md", (p) => taken.has(p))).toBe("a/b (3).md");
		expect(freePath("a/c.md", (p) => taken.has(p))).toBe("a/c.md");
	});
});
