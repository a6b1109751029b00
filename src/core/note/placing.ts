/**
 * Placing a note's body emotions and moves in their passages (FORMAT.md
 * section 2), and counting each move once under every class of the client
 * emotions in its passage. One `Placed` is reused for every note read
 * (reading never nests): its lists keep their storage from note to note.
 */
import { BlockList, type TagsByLine, readBlocks } from "../markdown/passages";
import { TextLines } from "../markdown/text-lines";
import { MOVE_CLASS_KEY } from "../vocabulary/tags";
import { OCCURRENCE_WIDTH } from "./packed";

/**
 * A note's body emotions and moves in reading order, as parallel lists (a
 * counts-only reading keeps no occurrence): whether each is a move, its move
 * or class, its line, and the number of its packed occurrence (-1: none).
 * Each list's entries past `n` are left from earlier notes.
 */
export class Placed {
	private readonly isMove: boolean[] = [];
	private readonly words: string[] = [];
	private readonly lines: number[] = [];
	private readonly occurrences: number[] = [];
	private n = 0;
	private emotions = 0;
	private moves = 0;
	// Scratch for `count`: the note's lines and blocks, the block owning each one's passage, and each passage's classes.
	private readonly text = new TextLines();
	private readonly blocks = new BlockList();
	private readonly owners: number[] = [];
	private readonly classes = new ClassLists();

	/** Forgets the last note's. */
	reset(): this {
		this.n = this.emotions = this.moves = 0;
		return this;
	}

	add(isMove: boolean, word: string, line: number, occurrence: number): void {
		const i = this.n++;
		this.isMove[i] = isMove;
		this.words[i] = word;
		this.lines[i] = line;
		this.occurrences[i] = occurrence;
		if (isMove) this.moves++;
		else this.emotions++;
	}

	/** Whether there is an emotion and a move to place. */
	both(): boolean {
		return this.emotions > 0 && this.moves > 0;
	}

	/**
	 * Places each in its passage (writing it into the packed occurrences), and
	 * counts each move once under every class of the client emotions in its
	 * passage. `tags` are the body's Attune tags, `text` the note's.
	 */
	count(tags: TagsByLine, text: string, bodyStart: number, bump: (family: string, a: string, b: string) => void, packed: { [i: number]: number }): void {
		const n = this.n;
		const blocks = readBlocks(this.text.reset(text), bodyStart, tags, n > 0 ? this.lines[n - 1]! : 0, this.blocks);
		const owners = this.owners;
		const classes = this.classes.reset(blocks.count);
		// Blocks are in line order, and so are the tags: walk both lists once.
		let b = 0;
		for (let i = 0; i < n; i++) {
			const line = this.lines[i]!;
			while (b < blocks.count && blocks.end[b]! < line) b++;
			const owner = b === blocks.count || blocks.start[b]! > line ? -1 : blocks.owner[b]!;
			owners[i] = owner;
			if (owner < 0) continue;
			const o = this.occurrences[i]!;
			if (o >= 0) packed[o * OCCURRENCE_WIDTH + 3] = blocks.start[owner]!;
			if (!this.isMove[i]) classes.add(owner, this.words[i]!);
		}
		for (let i = 0; i < n; i++) {
			if (!this.isMove[i] || owners[i]! < 0) continue;
			for (let c = classes.first[owners[i]!]!; c >= 0; c = classes.next[c]!) bump(MOVE_CLASS_KEY, this.words[i]!, classes.words[c]!);
		}
	}
}

/**
 * The classes of the emotions in each passage, once each, in the order first
 * seen, as lists: for each block owning a passage, where its list starts in
 * `words` (-1: empty); for each entry, where its passage's next one is (-1: none).
 */
class ClassLists {
	readonly first: number[] = [];
	readonly words: string[] = [];
	readonly next: number[] = [];
	private n = 0;

	/** Empties the lists of `blocks` blocks. */
	reset(blocks: number): this {
		for (let k = 0; k < blocks; k++) this.first[k] = -1;
		this.n = 0;
		return this;
	}

	/** Adds a class to the list of the passage owned by block `owner`, unless it is there. */
	add(owner: number, word: string): void {
		let c = this.first[owner]!;
		if (c < 0) {
			this.first[owner] = this.n;
		} else {
			while (this.words[c] !== word && this.next[c]! >= 0) c = this.next[c]!;
			if (this.words[c] === word) return;
			this.next[c] = this.n;
		}
		this.words[this.n] = word;
		this.next[this.n] = -1;
		this.n++;
	}
}
