/**
 * A text's lines as ranges of it, found as they are asked for. Counting a
 * note's moves by class reads its body's blocks only down to its last tagged
 * line, and most lines only by their first character: this cuts no string
 * per line, and finds no line past the last one asked for.
 */
import { CR, LF, lineBreakFrom } from "./chars";

export class TextLines {
	private text = "";
	/** Where each line found so far starts, and where it ends (before its line break). */
	private starts = new Int32Array(64);
	private ends = new Int32Array(64);
	private found = 0;
	/** Where the line after the last one found starts; -1 when every line is found. */
	private next = 0;
	/** Whether the text holds a `\r`, which then also ends a line (as in `splitLines`). */
	private cr = false;

	/**
	 * Starts over on another text, skipping a leading byte-order mark. Lines
	 * are those of `splitLines`: `\r\n`, `\r` and `\n` each end one, and a
	 * text ending in a line break has an empty last line.
	 */
	reset(text: string): this {
		this.text = text;
		this.found = 0;
		this.next = text.charCodeAt(0) === 0xfeff ? 1 : 0;
		this.cr = text.indexOf("\r") >= 0;
		return this;
	}

	/** The lines of a list, as they are (a line holding a `\r` stays one line). */
	static ofLines(lines: readonly string[]): TextLines {
		const t = new TextLines();
		t.text = lines.join("\n");
		t.grow(lines.length);
		let at = 0;
		for (let i = 0; i < lines.length; i++) {
			t.starts[i] = at;
			at += lines[i]!.length;
			t.ends[i] = at;
			at++;
		}
		t.found = lines.length;
		t.next = -1;
		return t;
	}

	/** The text the lines are ranges of. */
	get source(): string {
		return this.text;
	}

	/** Whether the text has a line `i` (0-based). */
	has(i: number): boolean {
		while (this.found <= i) if (!this.findNext()) return false;
		return i >= 0;
	}

	/** Where line `i` starts in `source`; `has(i)` first. */
	start(i: number): number {
		return this.starts[i]!;
	}

	/** Where line `i` ends in `source`, before its line break; `has(i)` first. */
	end(i: number): number {
		return this.ends[i]!;
	}

	/** Line `i` as a string; `has(i)` first. */
	line(i: number): string {
		return this.text.slice(this.starts[i], this.ends[i]);
	}

	private findNext(): boolean {
		const p = this.next;
		if (p < 0) return false;
		const s = this.text;
		let e: number;
		if (this.cr) {
			e = lineBreakFrom(s, p);
			this.next = e >= s.length ? -1 : s.charCodeAt(e) === CR && s.charCodeAt(e + 1) === LF ? e + 2 : e + 1;
		} else {
			e = s.indexOf("\n", p);
			if (e < 0) e = s.length;
			this.next = e >= s.length ? -1 : e + 1;
		}
		this.grow(this.found + 1);
		this.starts[this.found] = p;
		this.ends[this.found] = e;
		this.found++;
		return true;
	}

	private grow(n: number): void {
		if (n <= this.starts.length) return;
		const size = Math.max(n, this.starts.length * 2);
		const starts = new Int32Array(size), ends = new Int32Array(size);
		starts.set(this.starts.subarray(0, this.found));
		ends.set(this.ends.subarray(0, this.found));
		this.starts = starts;
		this.ends = ends;
	}
}
