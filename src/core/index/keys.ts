/**
 * Numbers for summary keys, so that summaries add counts in arrays rather
 * than maps. Each index owns its numbering, and a cleared index starts a new
 * one, so the numbers never outgrow the keys in use.
 */

/** A numbering of summary keys: each key seen gets the next number. */
export class KeyNumbers {
	private readonly ids = new Map<string, number>();
	private readonly byId: string[] = [];

	/** The number of a key, numbering it if it is new. */
	id(key: string): number {
		let id = this.ids.get(key);
		if (id === undefined) {
			id = this.byId.length;
			this.byId.push(key);
			this.ids.set(key, id);
		}
		return id;
	}

	/** The key with a given number. */
	key(id: number): string {
		const key = this.byId[id];
		if (key === undefined) throw new RangeError(`no summary key has number ${id}`);
		return key;
	}

	/** How many keys are numbered. */
	get size(): number {
		return this.byId.length;
	}
}
