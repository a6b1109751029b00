/**
 * Numbers for summary keys, so that summaries add counts in arrays rather
 * than maps.
 */

/** Every summary key seen, numbered, so that summaries can add counts in arrays rather than maps. */
const keyIds = new Map<string, number>();

const keysById: string[] = [];

/** The number of a summary key (stable for the life of the process). */
export function keyId(key: string): number {
	let id = keyIds.get(key);
	if (id === undefined) {
		id = keysById.length;
		keysById.push(key);
		keyIds.set(key, id);
	}
	return id;
}

/** The summary key with a given number. */
export function keyOfId(id: number): string {
	return keysById[id];
}

/** How many summary keys have been numbered. */
export function keyCount(): number {
	return keysById.length;
}
