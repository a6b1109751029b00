/**
 * Cuts long work (the first build of the index) into slices that each fit
 * under a frame. Work runs on without a pause while the slice's time budget
 * lasts, so nothing is wasted when nothing else is waiting; once the budget is
 * spent it yields one turn of the event loop, so that input, painting and
 * timers run, and begins a new slice.
 */

/** One turn of the event loop: `next` resolves after other waiting work has had its turn. */
export interface Tick {
	next(): Promise<void>;
	/** Releases what the tick holds (a message channel's ports). */
	close(): void;
}

/** Parts of a Node `MessagePort` that a browser's port lacks. */
type NodePort = MessagePort & { unref?: () => void };

/**
 * The tick the first build yields with. In a browser window (Obsidian's), a
 * `MessageChannel`: its message comes back as a task of its own, so input
 * and painting run first, without the clamping of `setTimeout` (nested
 * timers wait at least 4 ms). Node's `MessagePort` is another thing: it
 * delivers up to a thousand messages in one go, answers posted meanwhile
 * included, so a build yielding through it kept timers waiting for 330 ms in
 * the benchmark. Where the port is Node's (it has `unref`), `setImmediate`,
 * which runs once a turn of the loop and lets timers and I/O run between.
 * Where there is neither, `setTimeout(0)`.
 */
export function eventLoopTick(): Tick {
	if (typeof MessageChannel === "undefined") return timeoutTick();
	const tick = messageChannelTick();
	if (!tick.nodePort) return tick;
	tick.close();
	return typeof setImmediate === "function" ? immediateTick() : timeoutTick();
}

/** A tick through a `MessageChannel` (which must exist); `nodePort` says whether its ports are Node's. */
export function messageChannelTick(): Tick & { nodePort: boolean } {
	const channel = new MessageChannel();
	const waiting: (() => void)[] = [];
	channel.port1.onmessage = () => waiting.shift()?.();
	// In Node an open port keeps the process alive: a test or the benchmark would never end.
	(channel.port1 as NodePort).unref?.();
	(channel.port2 as NodePort).unref?.();
	let closed = false;
	return {
		nodePort: typeof (channel.port1 as NodePort).unref === "function",
		next: () => {
			if (closed) return timeoutTick().next();
			return new Promise<void>((resolve) => {
				waiting.push(resolve);
				channel.port2.postMessage(null);
			});
		},
		close: () => {
			if (closed) return;
			closed = true;
			channel.port1.onmessage = null;
			channel.port1.close();
			channel.port2.close();
			// Whoever still waits is let go rather than left hanging.
			for (const resolve of waiting.splice(0)) resolve();
		},
	};
}

/** A tick through `setImmediate` (Node). */
function immediateTick(): Tick {
	return { next: () => new Promise<void>((r) => setImmediate(r)), close: () => {} };
}

/** A tick through `setTimeout(0)`. */
export function timeoutTick(): Tick {
	return { next: () => new Promise<void>((r) => window.setTimeout(r, 0)), close: () => {} };
}

/** What a slice scheduler needs: a clock and a way to yield. Tests pass their own to drive it step by step. */
export interface SliceOptions {
	/** The slice's time budget (ms). */
	budgetMs: number;
	/** Milliseconds, increasing. */
	now?: () => number;
	tick?: () => Tick;
}

/** Decides, between units of work, whether the slice's budget is spent. */
export class SliceScheduler {
	private readonly now: () => number;
	private readonly tick: Tick;
	private sliceStart: number;
	/** How many times the work yielded. */
	yields = 0;

	constructor(private readonly opts: SliceOptions) {
		this.now = opts.now ?? (() => performance.now());
		this.tick = (opts.tick ?? eventLoopTick)();
		this.sliceStart = this.now();
	}

	/**
	 * Called after each unit of work: null while the budget lasts (go on at
	 * once, without even a microtask), else a promise that resolves after one
	 * turn of the event loop, when a new slice begins.
	 */
	due(): Promise<void> | null {
		if (this.now() - this.sliceStart < this.opts.budgetMs) return null;
		this.yields++;
		return this.tick.next().then(() => {
			this.sliceStart = this.now();
		});
	}

	/** Ends the work: the tick's ports are closed. */
	close(): void {
		this.tick.close();
	}
}
