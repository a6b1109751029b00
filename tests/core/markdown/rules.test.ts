/**
 * The scanner's rules, one small named fixture each. Where Obsidian departs
 * from CommonMark the fixture says so; those expectations come from
 * Obsidian's own readback (see conformance.test.ts).
 */
import { scanMarkdown } from "../../../src/core/markdown/scan";

/** Each tag occurrence as `[tag, line]`, 0-based lines. */
function tagsOf(markdown: string): [string, number][] {
	return scanMarkdown(markdown).tags.map((t) => [t.tag, t.line]);
}

const FENCE = "```";

describe("where a tag starts", () => {
	it.each<[string, string, [string, number][]]>([
		["at the start of a line", "#start of line", [["start", 0]]],
		["after a space", "text #after", [["after", 0]]],
		["after a tab", "text\t#tab", [["tab", 0]]],
		["after a no-break space", "text\u00a0#nbsp", [["nbsp", 0]]],
		["not after a zero-width space", "text\u200b#zwsp", []],
		["right after closing bold", "**bold**#glued", [["glued", 0]]],
		["right after italic that closes later", "a *#open b* c", [["open", 0]]],
		["not glued to a word", "word#tag", []],
		["not after a digit", "1#tag", []],
		["not after most punctuation", "(#a) \"#b\" .#c a -#d", []],
		["not after unclosed strikethrough", "a ~~#x b", []],
		["not after unclosed highlight", "a ==#x b", []],
		["after an escape", "a \\]#escaped", [["escaped", 0]]],
		["not when the hash is escaped", "a \\#escaped", []],
		["right after an HTML tag", "<span>x</span>#html", [["html", 0]]],
		["not mid-line after a lone greater-than", "x >#quote", []],
		["right after a link", "[text](u)#after", [["after", 0]]],
		["glued tags give both", "#a#b", [["a", 0], ["b", 0]]],
	])("%s", (_name, markdown, expected) => {
		expect(tagsOf(markdown)).toEqual(expected);
	});
});

describe("what a tag is", () => {
	it.each<[string, string, [string, number][]]>([
		["letters, digits, -, _ and / continue it", "#emotion/shame/primary-maladaptive x", [["emotion/shame/primary-maladaptive", 0]]],
		["punctuation ends it", "#sad, then #glad.", [["sad", 0], ["glad", 0]]],
		["all ASCII digits is no tag", "#1984 and #2024", []],
		["digits with a letter are a tag", "#1990s", [["1990s", 0]]],
		["the Unicode hyphen U+2010 ends it", "#tag\u2010more", [["tag", 0]]],
		["an em dash ends it", "#tag\u2014more", [["tag", 0]]],
		["any script counts", "#emoción/tristeza", [["emoción/tristeza", 0]]],
		["CJK counts", "#感情/悲しみ x", [["感情/悲しみ", 0]]],
		["emoji count", "#✅done #love❤\ufe0f", [["✅done", 0], ["love❤\ufe0f", 0]]],
		["a lone hash is no tag", "# x #", []],
		["a doubled hash is no tag", "x ##two", []],
		["a trailing underscore stays in the tag", "#tag_ x", [["tag_", 0]]],
	])("%s", (_name, markdown, expected) => {
		expect(tagsOf(markdown)).toEqual(expected);
	});
});

describe("where tags are hidden", () => {
	it.each<[string, string, [string, number][]]>([
		["fenced code with an info string", `${FENCE}markdown\n#hidden\n${FENCE}\n#shown`, [["shown", 3]]],
		["a closing fence shorter than the opener does not close", `${"````"}\n#a\n${FENCE}\n#b\n${"````"}\n#shown`, [["shown", 5]]],
		["a closing fence may carry trailing spaces", `${FENCE}\n#a\n${FENCE}   \n#shown`, [["shown", 3]]],
		["a tilde fence is closed only by tildes", `~~~\n#a\n${FENCE}\n#b\n~~~\n#shown`, [["shown", 5]]],
		["an unclosed fence runs to the end", `${FENCE}\n#a\n\n#b`, []],
		["a fence inside a list item", `- ${FENCE}\n  #a\n  ${FENCE}\n#shown`, [["shown", 3]]],
		["indented code after a blank line", "para\n\n    #hidden\n#shown", [["shown", 3]]],
		["a tab indents code too", "para\n\n\t#hidden", []],
		["but an indented line continues a paragraph", "para\n    #lazy", [["lazy", 1]]],
		["and list content indented under its item", "- item\n\n    #content", [["content", 2]]],
		["indented code inside a list item", "- item\n\n      #hidden", []],
		["inline code", "a `#hidden` #shown", [["shown", 0]]],
		["inline code with double backticks", "a ``b ` #hidden`` #shown", [["shown", 0]]],
		["inline math", "a $x #hidden y$ #shown", [["shown", 0]]],
		["prices are not math", "costs $5 and #shown for $10", [["shown", 0]]],
		["inline display math", "a $$ #hidden $$ #shown", [["shown", 0]]],
		["a math block", "$$\n#hidden\n$$\n#shown", [["shown", 3]]],
		["an HTML comment on one line", "a <!-- #hidden --> #shown", [["shown", 0]]],
		["an HTML comment over several lines", "<!--\n#hidden\n-->\n#shown", [["shown", 3]]],
		["an HTML block", "<div>\n#hidden\n</div>\n\n#shown", [["shown", 4]]],
		["a script block runs to its end tag", "<script>\n#a\n\n#b\n</script>\n#shown", [["shown", 5]]],
		["a link destination", "[x](https://example.org/#frag)", []],
		["an image's alt text and source", "![a #hidden](x.png#frag)", []],
		["a wikilink", "[[Note#Heading|see #alias]]", []],
		["an embed", "![[Note#Heading]]", []],
		["a bare URL", "see https://example.org/#frag end", []],
		["the properties block", "---\ntags: x\ntitle: a #b\n---\n#body", [["body", 4]]],
	])("%s", (_name, markdown, expected) => {
		expect(tagsOf(markdown)).toEqual(expected);
	});
});

describe("where tags count", () => {
	it.each<[string, string, [string, number][]]>([
		["inside %% comments", "%% #inline %%\n%%\n#block\n%%", [["inline", 0], ["block", 2]]],
		["in a Markdown link's text", "[see #linktext](https://example.org)", [["linktext", 0]]],
		["in a bracketed span", "[#bracketed] x", [["bracketed", 0]]],
		["in a heading's text", "# Title #heading", [["heading", 0]]],
		["not a heading without the space", "#tag at line start", [["tag", 0]]],
		["in a block quote", "> quoted #a\n>#b", [["a", 0], ["b", 1]]],
		["in a callout's title and body", "> [!supervisor] Title #a\n> Body #b", [["a", 0], ["b", 1]]],
		["in table cells, header included", "| #h | b |\n|---|---|\n|#a|x #b|", [["h", 0], ["a", 2], ["b", 2]]],
		["in a list item", "- [ ] #task item", [["task", 0]]],
		["after a lazy line in a quote", "> a\n#lazy", [["lazy", 1]]],
	])("%s", (_name, markdown, expected) => {
		expect(tagsOf(markdown)).toEqual(expected);
	});
});

describe("Obsidian's own departures from CommonMark", () => {
	it.each<[string, string, [string, number][]]>([
		["a tab-only line is not blank: the paragraph goes on", "a $b\n\t\n#x c$ d", []],
		["a spaces-only line is blank", "a $b\n  \n#x c$ d", [["x", 2]]],
		["an unquoted line indented four columns does not continue a quote", "> para\n    #code", []],
		["a tab after `>` indents code", ">\t#code", []],
		["an unquoted line is swallowed by a quoted fence", `> ${FENCE}\n> a\n#hidden`, []],
		["a table cannot interrupt a paragraph", "para\n|a|b|\n|-|-|\n|#x|y|", []],
		["table rows keep the header's leading pipe", "|a|b|\n|-|-|\nx #in|#out", [["in", 2]]],
		["an HTML comment cannot contain `--`", "a <!-- x -- #shown --> b", [["shown", 0]]],
		["an underscore may open inside a word", "snake_case_#tag", [["tag", 0]]],
		["but not close before a letter", "x _#no_b y", []],
		["emphasis takes the first closer", "x _#em_ y", [["em", 0]]],
		["a closer may sit inside a later code span", "x _a `c_` _#no", []],
		["a double closer does not close a single opener", "x _#no__ y", []],
		["an opener and closer around white space only do not pair", "a_ _#no", []],
		["a code span may open on the tail of a longer run", "a ``b #hidden` d #shown", [["shown", 0]]],
	])("%s", (_name, markdown, expected) => {
		expect(tagsOf(markdown)).toEqual(expected);
	});
});

describe("emphasis that spans other constructs", () => {
	it.each<[string, string, [string, number][]]>([
		["stars around an HTML tag", "x *a <b> c*#t", [["t", 0]]],
		["underscores around a link", "x _a [b](u) c_#t", [["t", 0]]],
		["tildes around code", "x ~~a `b` c~~#t", [["t", 0]]],
		["an underscore closing inside a tag name", "x _a #b_ c", [["b", 0]]],
	])("%s", (_name, markdown, expected) => {
		expect(tagsOf(markdown)).toEqual(expected);
	});
});

describe("large and hostile input is read correctly", () => {
	// A search restarting from every opener would make these take minutes and hit
	// the test timeout; no timing is asserted here (shared machines are noisy).
	it.each<[string, string, string[]]>([
		["an unclosed HTML comment block", "<!--\n".repeat(16_000) + "#t", []],
		["unclosed inline openers", "a [#t `x $y <!-- _z ".repeat(8_000), []],
		["prices and tags", "cost $5 and #rc for $10 ".repeat(20_000), ["rc"]],
		["deeply nested list markers", `${"- ".repeat(20_000)}a #t${"\n".repeat(20_000)}`, ["t"]],
		["a tag full of underscores", `#${"a_".repeat(40_000)}`, ["a_".repeat(40_000)]],
	])("%s", (_name, markdown, expected) => {
		const tags = [...new Set(scanMarkdown(markdown).tags.map((t) => t.tag))];
		expect(tags).toEqual(expected);
	});
});

describe("line endings and positions", () => {
	it("reads CRLF line endings", () => {
		expect(scanMarkdown("a #one\r\nb #two\r\n\r\n    #code").tags).toEqual([
			{ tag: "one", line: 0, col: 2, offset: 2 },
			{ tag: "two", line: 1, col: 2, offset: 10 },
		]);
	});

	it("reads lone CR line endings", () => {
		expect(tagsOf("a #one\rb #two\r\r#three")).toEqual([["one", 0], ["two", 1], ["three", 3]]);
	});

	it("reads a lone CR among LF line endings", () => {
		expect(tagsOf("a #one\nb #two\rc #three\r\n#four")).toEqual([["one", 0], ["two", 1], ["three", 2], ["four", 3]]);
	});

	it("ignores a leading byte-order mark and leaves it out of offsets", () => {
		expect(scanMarkdown("\uFEFF#first x\n#second").tags).toEqual([
			{ tag: "first", line: 0, col: 0, offset: 0 },
			{ tag: "second", line: 1, col: 0, offset: 9 },
		]);
	});

	it("counts UTF-16 code units in columns", () => {
		expect(scanMarkdown("😀 #x").tags).toEqual([{ tag: "x", line: 0, col: 3, offset: 3 }]);
	});

	it.each<[string, string, number]>([
		["one line", "a", 1],
		["a trailing line break starts an empty line", "a\n", 2],
		["CRLF counts once", "a\r\nb\r\nc", 3],
		["the empty text", "", 1],
	])("counts lines: %s", (_name, text, count) => {
		expect(scanMarkdown(text).lineCount).toBe(count);
	});
});

describe("the properties block", () => {
	it.each<[string, string, { yaml: string; endLine: number } | null]>([
		["fences on line 0 and a later line", "---\na: 1\nb: 2\n---\nbody", { yaml: "a: 1\nb: 2", endLine: 3 }],
		["an empty block", "---\n---\nbody", { yaml: "", endLine: 1 }],
		["trailing white space after the closing fence", "---\na: 1\n---  \nbody", { yaml: "a: 1", endLine: 2 }],
		["CRLF inside", "---\r\na: 1\r\n---\r\nbody", { yaml: "a: 1", endLine: 2 }],
		["no closing fence: no properties", "---\na: 1\nbody", null],
		["`---` not on line 0: no properties", "\n---\na: 1\n---\nbody", null],
		["trailing white space after the opening fence: no properties", "--- \na: 1\n---\nbody", null],
	])("%s", (_name, text, expected) => {
		expect(scanMarkdown(text).frontmatter).toEqual(expected);
	});

	it("reads the body after an unclosed block as Markdown", () => {
		expect(tagsOf("---\ntitle: x\n#tag")).toEqual([["tag", 2]]);
	});
});

describe("headings", () => {
	it("lists ATX and setext headings with their levels and lines", () => {
		expect(scanMarkdown("# One #tag\n\n## Two ##\n#not\n\n####### seven\n\nSetext\n===\n> # quoted\n- # listed").headings).toEqual([
			{ heading: "One #tag", level: 1, line: 0 },
			{ heading: "Two", level: 2, line: 2 },
			{ heading: "Setext", level: 1, line: 7 },
		]);
	});
});

describe("callouts", () => {
	it("reads the type (lowercase), the title and the first text", () => {
		expect(scanMarkdown("> [!Supervisor]+ Stayed with the shame\n> Consider a conjecture.").callouts).toEqual([
			{ type: "supervisor", line: 0, title: "Stayed with the shame", firstText: "Stayed with the shame" },
		]);
	});

	it("takes the first body line when there is no title", () => {
		expect(scanMarkdown("para\n\n> [!supervisor-resolved]\n>\n> Answered in session 4.\n> More.").callouts).toEqual([
			{ type: "supervisor-resolved", line: 2, title: "", firstText: "Answered in session 4." },
		]);
	});

	it("lists nested callouts too", () => {
		expect(scanMarkdown("> [!note] Outer\n> > [!supervisor] Inner\n> > text").callouts).toEqual([
			{ type: "note", line: 0, title: "Outer", firstText: "Outer" },
			{ type: "supervisor", line: 1, title: "Inner", firstText: "Inner" },
		]);
	});

	it("reads a callout only on a quote's first line", () => {
		expect(scanMarkdown("> text\n> [!note] not a callout").callouts).toEqual([]);
	});
});
