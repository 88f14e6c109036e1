/**
 * Debounced, ordered saving of one piece of state (the layout, the
 * settings). Only the newest value matters, so values scheduled while a save
 * is in flight replace each other and go out after it: an older value can
 * never land after a newer one.
 */

/** What the status bar says about saving. */
export type SaveStatus = { state: 'saved' } | { state: 'saving' } | { state: 'error'; message: string };

/** Options of {@link SaveQueue}. */
export interface SaveQueueOptions<T> {
  send: (value: T) => Promise<unknown>;
  /** Quiet time before a scheduled value is sent. */
  delayMs: number;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error ? error : 'the host did not say why';
}

/** A debounced save channel with an observable status. */
export class SaveQueue<T> {
  readonly #send: (value: T) => Promise<unknown>;
  readonly #delayMs: number;
  readonly #listeners = new Set<() => void>();
  #pending: { value: T } | null = null;
  #failed: { value: T } | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight = false;
  #error: string | null = null;
  #status: SaveStatus = { state: 'saved' };

  constructor(options: SaveQueueOptions<T>) {
    this.#send = options.send;
    this.#delayMs = options.delayMs;
  }

  /** Saves `value` after the quiet time, replacing any value not yet sent. */
  schedule(value: T): void {
    this.#pending = { value };
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#drain();
    }, this.#delayMs);
    this.#update();
  }

  /** Sends the pending value now (the page is being hidden or closed). */
  flush(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    this.#drain();
  }

  /** Sends the last value that failed again, unless a newer one is already on its way. */
  retry(): void {
    if (!this.#pending && this.#failed) this.#pending = this.#failed;
    this.flush();
  }

  /** The current status; a new object only when it changes, as `useSyncExternalStore` needs. */
  status(): SaveStatus {
    return this.#status;
  }

  /** Calls `listener` whenever the status may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #drain(): void {
    if (this.#inFlight || !this.#pending) return;
    const { value } = this.#pending;
    this.#pending = null;
    this.#inFlight = true;
    this.#update();
    let request: Promise<unknown>;
    try {
      request = this.#send(value);
    } catch (error) {
      request = Promise.reject(error);
    }
    request.then(
      () => {
        this.#error = null;
        this.#failed = null;
      },
      (error: unknown) => {
        this.#error = messageOf(error);
        this.#failed = { value };
      },
    ).finally(() => {
      this.#inFlight = false;
      // A value scheduled during the save whose quiet time has passed goes out now.
      if (this.#pending && this.#timer === null) this.#drain();
      this.#update();
    });
  }

  #update(): void {
    const busy = this.#inFlight || this.#pending !== null;
    const next: SaveStatus = busy ? { state: 'saving' } : this.#error !== null ? { state: 'error', message: this.#error } : { state: 'saved' };
    const current = this.#status;
    const same = current.state === next.state && (current.state !== 'error' || (next.state === 'error' && current.message === next.message));
    if (same) return;
    this.#status = next;
    for (const listener of this.#listeners) listener();
  }
}

/** The status of several queues at once: saving wins, then the first error, then saved. */
export function combineStatus(statuses: readonly SaveStatus[]): SaveStatus {
  if (statuses.some((status) => status.state === 'saving')) return { state: 'saving' };
  return statuses.find((status) => status.state === 'error') ?? { state: 'saved' };
}
