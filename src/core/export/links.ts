/**
 * Links in an export: a wiki link or Markdown link to a note that is exported
 * too stays a link, to the copy; any other becomes plain text, and an
 * attachment or web address says that it was left out.
 */
import { type Piece, type PieceRule, applyRule } from "./pieces";
import type { Category } from "./types";

/** What link rewriting asks of the export it works for. */
export interface LinkHost {
	/** The vault path of the note being exported. */
	sourcePath(): string;
	/** The vault path a link points at from that note, or null (Obsidian's resolution). */
	resolveLink(linkpath: string): string | null;
	/** The copy's path when the note a link resolves to is exported too. */
	exportedPath(resolved: string): string | undefined;
	/** Free text redacted by the pattern rules (link texts, aliases, headings). */
	text(s: string): string;
	/** Notes a replacement for the preview and the report. */
	record(category: Category, from: string, to: string): void;
}

const WIKI_LINK = /(!?)\[\[([^[\]\n]+?)\]\]/g;
const MARKDOWN_LINK = /(!?)\[([^[\]\n]*)\]\(([^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)/g;

/** Rewrites the links of one export. */
export class LinkRewriter {
	constructor(private readonly host: LinkHost) {}

	/**
	 * A Markdown link whose text holds a tag (`[#emotion/shame](Clients/Mara Quill.md)`)
	 * is cut by the tag, so the link pattern cannot see it whole; its destination
	 * still gets the name and code rules, so that nothing leaks through it.
	 */
	splitDestinations(pieces: readonly Piece[]): Piece[] {
		const out: Piece[] = [];
		for (let i = 0; i < pieces.length; i++) {
			const p = pieces[i]!;
			const m = !p.done && i > 0 && pieces[i - 1]!.done ? /^([^[\]\n]*)\]\(([^()\n]*)\)/.exec(p.text) : null;
			if (!m) {
				out.push(p);
				continue;
			}
			let dest = m[2]!;
			try {
				dest = decodeURIComponent(dest);
			} catch {
				// A stray % in a hand-written link: use it as written.
			}
			const redacted = encodeURI(this.host.text(dest));
			if (m[1]! !== "") out.push({ text: m[1]!, done: false });
			out.push({ text: `](${redacted})`, done: true });
			if (redacted !== m[2]!) this.host.record("link", m[2]!, redacted);
			if (m[0].length < p.text.length) out.push({ text: p.text.slice(m[0].length), done: false });
		}
		return out;
	}

	/** Wiki links and Markdown links: kept when they point at an exported note, else plain text. */
	rewrite(pieces: readonly Piece[]): Piece[] {
		const none = () => undefined;
		const wiki: PieceRule = { re: WIKI_LINK, apply: (m) => ({ text: this.wikiLink(m[1]! === "!", m[2]!), count: false }) };
		const md: PieceRule = { re: MARKDOWN_LINK, apply: (m) => ({ text: this.mdLink(m[1]! === "!", m[2]!, m[3]!), count: false }) };
		return applyRule(applyRule(pieces, wiki, none), md, none);
	}

	private wikiLink(embed: boolean, inner: string): string {
		const pipe = inner.indexOf("|");
		const target = (pipe < 0 ? inner : inner.slice(0, pipe)).trim();
		const alias = pipe < 0 ? "" : inner.slice(pipe + 1).trim();
		const hash = target.indexOf("#");
		const linkpath = hash < 0 ? target : target.slice(0, hash);
		const sub = hash < 0 ? "" : target.slice(hash + 1);
		const resolved = linkpath === "" ? this.host.sourcePath() : this.host.resolveLink(linkpath);
		const exported = resolved ? this.host.exportedPath(resolved) : undefined;
		const subOut = sub.startsWith("^") ? sub : sub === "" ? "" : this.host.text(sub);
		if (exported !== undefined) {
			const to = exported.replace(/\.md$/i, "");
			const base = to.slice(to.lastIndexOf("/") + 1);
			const anchor = subOut === "" ? "" : `#${subOut}`;
			if (embed) return `![[${to}${anchor}]]`;
			const display = alias !== "" ? this.host.text(alias) : subOut !== "" && !sub.startsWith("^") ? `${base} > ${subOut}` : base;
			return `[[${to}${anchor}|${display}]]`;
		}
		const isNote = resolved ? /\.md$/i.test(resolved) : !/\.[a-z0-9]{2,5}$/i.test(linkpath) || /\.md$/i.test(linkpath);
		if (!isNote) {
			this.host.record("link", `${embed ? "!" : ""}[[${inner}]]`, "[attachment not exported]");
			return "[attachment not exported]";
		}
		const name = linkpath.slice(linkpath.lastIndexOf("/") + 1).replace(/\.md$/i, "");
		const plain = alias !== "" ? this.host.text(alias) : this.host.text(name) + (subOut !== "" && !sub.startsWith("^") ? ` > ${subOut}` : "");
		this.host.record("link", `${embed ? "!" : ""}[[${inner}]]`, plain);
		return plain;
	}

	private mdLink(embed: boolean, label: string, destRaw: string): string {
		let dest = destRaw.trim();
		// A title after the destination (`(url "title")`) says nothing the export needs.
		const titled = /^(<[^>]*>|\S+)\s+(?:"[^"]*"|'[^']*'|\([^)]*\))$/.exec(dest);
		if (titled) dest = titled[1]!;
		dest = dest.replace(/^<|>$/g, "");
		const text = label.trim() === "" ? "" : this.host.text(label);
		if (/^mailto:/i.test(dest)) {
			this.host.record("email", dest, "[email]");
			return text === "" ? "[email]" : `${text} [email]`;
		}
		if (/^[a-z][a-z0-9+.-]*:/i.test(dest) || /^www\./i.test(dest)) {
			this.host.record("url", dest, "[web address]");
			return text === "" ? "[web address]" : `${text} [web address]`;
		}
		let path = dest;
		try {
			path = decodeURIComponent(dest);
		} catch {
			// A stray % in a hand-written link: use it as written.
		}
		const hash = path.indexOf("#");
		const linkpath = hash < 0 ? path : path.slice(0, hash);
		const sub = hash < 0 ? "" : path.slice(hash + 1);
		const resolved = linkpath === "" ? this.host.sourcePath() : this.host.resolveLink(linkpath);
		const exported = resolved ? this.host.exportedPath(resolved) : undefined;
		if (exported !== undefined) {
			const anchor = sub === "" ? "" : `#${encodeURI(this.host.text(sub))}`;
			return `${embed ? "!" : ""}[${text}](${encodeURI(exported)}${anchor})`;
		}
		const isNote = resolved ? /\.md$/i.test(resolved) : !/\.[a-z0-9]{2,5}$/i.test(linkpath) || /\.md$/i.test(linkpath);
		if (embed || !isNote) {
			this.host.record("link", `${embed ? "!" : ""}[${label}](${destRaw})`, "[attachment not exported]");
			return "[attachment not exported]";
		}
		const plain = text !== "" ? text : this.host.text(linkpath.slice(linkpath.lastIndexOf("/") + 1).replace(/\.md$/i, ""));
		this.host.record("link", `[${label}](${destRaw})`, plain);
		return plain;
	}
}
