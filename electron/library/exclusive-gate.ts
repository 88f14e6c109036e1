/**
 * Lets many calls run together, or one alone. Restoring a backup replaces
 * the files and the state every other call works on, so it waits until the
 * calls under way have finished (their writes included) and holds new ones
 * back until it is done.
 */
export class ExclusiveGate {
  #active = 0;
  #exclusive: Promise<void> | null = null;
  #drained: (() => void) | null = null;

  /** Runs `work` alongside other shared work, after any exclusive work under way. */
  async shared<T>(work: () => Promise<T>): Promise<T> {
    while (this.#exclusive) await this.#exclusive;
    this.#active += 1;
    try {
      return await work();
    } finally {
      this.#active -= 1;
      if (this.#active === 0) this.#drained?.();
    }
  }

  /** Runs `work` once nothing else runs, and keeps everything else waiting until it settles. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.#exclusive) await this.#exclusive;
    let release: () => void = () => {};
    this.#exclusive = new Promise<void>((resolve) => (release = resolve));
    try {
      if (this.#active > 0) await new Promise<void>((resolve) => (this.#drained = resolve));
      this.#drained = null;
      return await work();
    } finally {
      this.#exclusive = null;
      release();
    }
  }
}
