/**
 * Cuts Attune's long background work (the first build of the index, the walk
 * over finalized notes) into slices that each fit under a frame, all of it
 * within one budget a turn. Work runs on without a pause while the budget
 * lasts, so nothing is wasted when nothing else is waiting; once it is spent
 * the work yields one turn of the event loop, so that input, painting and
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

/**
 * How long Attune's background work may run in one turn of the event loop
 * (ms): a third of a 16 ms frame. The rest of the frame is for what the
 * budget cannot see: one slow note past it, a young-generation collection
 * landing in the slice (3 to 8 ms measured at 10,000 notes: the records being
 * built survive it, so it copies them), and, on a machine with few cores, the
 * main thread waiting for a core while V8's collector and compiler threads
 * hold them (up to 14 ms in a 20 ms stretch on 2 cores; issue 15).
 */
export const FRAME_BUDGET_MS = 5;

/** What a frame budget needs: a clock and a way to yield. Tests pass their own to drive it step by step. */
export interface SliceOptions {
	/** The time budget of one turn (ms). */
	budgetMs: number;
	/** Milliseconds, increasing. */
	now?: () => number;
	tick?: () => Tick;
}

/**
 * One time budget a turn for all of Attune's background work: the first
 * build of the index and the walk over finalized notes run at the same time
 * after layout-ready, and each with a budget of its own ran two slices back
 * to back, 10 ms and more without a break. Node's check phase runs every
 * waiting `setImmediate` at once; headless Chromium ran both workers' message
 * tasks before a waiting timer (a `setTimeout` chain waited 15 ms at the
 * median and up to 30 ms, against 10 ms with one budget; issue 15). Here a
 * worker whose budget is spent waits for the next turn behind any other
 * that waits already: each turn resumes one worker, in the order they ran
 * out, so two slices never share a turn and every worker gets its turns.
 */
export class FrameBudget {
	private readonly now: () => number;
	private tick: Tick | null = null;
	private turnStart = 0;
	/** Workers under way (slices handed out and not closed). */
	private workers = 0;
	/** Workers whose budget ran out, in the order they ran out: each turn lets the first go on. */
	private readonly waiting: (() => void)[] = [];
	/** Whether a turn of the event loop has been asked for and has not come yet. */
	private turning = false;
	/** How many times the work yielded. */
	yields = 0;

	constructor(private readonly opts: SliceOptions) {
		this.now = opts.now ?? (() => performance.now());
	}

	/**
	 * A worker's share of the budget, to ask between units of work whether to
	 * go on. The first worker under way begins a turn's budget (and opens the
	 * tick); a worker that comes while another runs shares that turn's budget.
	 */
	slices(): SliceScheduler {
		if (this.workers++ === 0) {
			this.tick = (this.opts.tick ?? eventLoopTick)();
			this.turnStart = this.now();
		}
		return new SliceScheduler(this);
	}

	/** See SliceScheduler.due. */
	due(): Promise<void> | null {
		if (this.now() - this.turnStart < this.opts.budgetMs) return null;
		return this.nextTurn();
	}

	/** See SliceScheduler.turn. */
	nextTurn(): Promise<void> {
		// No worker under way (a share used after it was closed): a turn all the same, never a promise left hanging.
		if (!this.tick) return timeoutTick().next();
		return new Promise<void>((resolve) => {
			this.waiting.push(resolve);
			this.askTurn();
		});
	}

	/** Asks for one turn of the event loop, unless one is asked for already; when it comes, the first worker waiting goes on. */
	private askTurn(): void {
		if (this.turning || !this.tick) return;
		this.turning = true;
		this.yields++;
		void this.tick.next().then(() => {
			this.turning = false;
			this.turnStart = this.now();
			this.waiting.shift()?.();
			// The others wait for turns of their own.
			if (this.waiting.length > 0) this.askTurn();
		});
	}

	/** A worker is done; when the last is, the tick's ports are closed. */
	release(): void {
		if (--this.workers > 0) return;
		this.tick?.close();
		this.tick = null;
	}
}

/** A worker's share of a frame budget: decides, between units of work, whether the turn's budget is spent. */
export class SliceScheduler {
	private closed = false;

	constructor(private readonly budget: FrameBudget) {}

	/**
	 * Called after each unit of work: null while the turn's budget lasts (go
	 * on at once, without even a microtask), else a promise that resolves in a
	 * later turn of the event loop, when this worker's slice begins.
	 */
	due(): Promise<void> | null {
		return this.budget.due();
	}

	/**
	 * Waits for a turn of this worker's own, whatever is left of the budget:
	 * for work that should not begin in a turn another worker began in (the
	 * walk over finalized notes, which starts at layout-ready beside the
	 * first build: each asks Obsidian for every note, 5 to 15 ms apiece at
	 * 50,000 notes in the test double).
	 */
	turn(): Promise<void> {
		return this.budget.nextTurn();
	}

	/** Ends this worker's work (in a `finally`); the last to end closes the tick. */
	close(): void {
		if (this.closed) return;
		this.closed = true;
		this.budget.release();
	}
}
