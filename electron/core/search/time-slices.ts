/**
 * Long indexing done cooperatively: the work runs in slices of a few
 * milliseconds and hands the thread back between them, so whatever else the
 * process serves (saves, other API calls, a UI) waits one slice at most.
 * Pure: the pause is injected; the default, a zero-delay timer, exists in
 * every JavaScript host. Node callers pass setImmediate, which lets pending
 * I/O run without the timer's minimum delay.
 */

/**
 * Hands the thread back and resolves when the work may go on. Rejecting
 * stops the work: the error reaches the caller of the async method, and the
 * index keeps what was added before the pause (a consistent, partial state).
 */
export type YieldNow = () => Promise<void>;

/** The longest run of work between two pauses, in milliseconds. */
export const DEFAULT_SLICE_MS = 10;

/** A pause that works everywhere: a zero-delay timer. */
export const yieldToTimers: YieldNow = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A budget of time shared by every step of one long job (a whole index build, say). */
export class TimeSlices {
  readonly #yieldNow: YieldNow;
  readonly #sliceMs: number;
  #sliceStart = Date.now();

  constructor(yieldNow: YieldNow = yieldToTimers, sliceMs: number = DEFAULT_SLICE_MS) {
    this.#yieldNow = yieldNow;
    this.#sliceMs = Math.max(0, sliceMs);
  }

  /** Whether the current slice has used its time; cheap, call it after each small step. */
  get due(): boolean {
    return Date.now() - this.#sliceStart >= this.#sliceMs;
  }

  /** Hands the thread back (whether or not the slice is due) and starts a new slice. */
  async pause(): Promise<void> {
    await this.#yieldNow();
    this.#sliceStart = Date.now();
  }

  /** Pauses if the slice is due. */
  async pauseIfDue(): Promise<void> {
    if (this.due) await this.pause();
  }
}
