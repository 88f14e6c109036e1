/**
 * What happens when the disk refuses a write: the change stays in memory,
 * the caller is told in plain words, and the library tries again in the
 * background, waiting longer after each failure, until writing works.
 * `getSaveStatus` reads the state kept here so the UI can show a lasting
 * "changes not saved" sign instead of one error that scrolls away.
 */
import { basename, dirname, join } from 'node:path';
import type { SaveStatus } from '../api/contract';

/** First and longest wait between background retries. */
export interface RetryDelays {
  firstMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY_DELAYS: RetryDelays = { firstMs: 1000, maxMs: 30_000 };

/** The sentence every failed save ends with: the reader must know nothing is lost yet. */
export const KEPT_IN_MEMORY = 'Your change is kept in memory and will be saved when writing works again.';

/** Why a write failed, in words a reader understands; the errno code stays in the log. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'permission to write there was denied';
    case 'EIO':
      return 'the disk reported an input/output error';
    case 'EISDIR':
    case 'ENOTDIR':
    case 'EEXIST':
      return 'something else is in the way of the file';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'ENOENT':
      return 'its folder has disappeared';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The message a failed save answers with: what could not be saved where, why, and that it is kept. */
export function saveFailureMessage(what: string, path: string, error: unknown): string {
  return `Could not save ${what} to ${path}: ${describeWriteError(error)}. ${KEPT_IN_MEMORY}`;
}

/** The file a failed write was for: a temp file's error names the temp file, the reader knows the real one. */
function targetOf(path: string): string {
  const temp = /^\.(.+)\.\d+\.tmp$/.exec(basename(path));
  return temp ? join(dirname(path), temp[1]!) : path;
}

/** One sentence for a failed retry, for `getSaveStatus().lastError`: which file, and why. */
export function writeFailureSummary(error: unknown): string {
  const path = (error as NodeJS.ErrnoException | null)?.path;
  const where = typeof path === 'string' ? ` ${targetOf(path)}` : '';
  return `Could not write${where}: ${describeWriteError(error)}.`;
}

export interface SaveTrackerOptions {
  /** Writes everything that is not on disk yet; rejects if anything still fails. */
  retry: () => Promise<void>;
  delays?: RetryDelays | undefined;
  log?: (message: string) => void;
  now?: () => Date;
}

/**
 * Counts the changes that are only in memory and retries saving them with
 * exponential backoff. One timer at a time; it does not keep the process alive.
 */
export class SaveTracker {
  readonly #retry: () => Promise<void>;
  readonly #delays: RetryDelays;
  readonly #log: (message: string) => void;
  readonly #now: () => Date;
  #pendingChanges = 0;
  #lastError: string | null = null;
  #since: Date | null = null;
  #delay: number;
  #timer: NodeJS.Timeout | null = null;
  #retrying: Promise<void> | null = null;
  #stopped = false;

  constructor(options: SaveTrackerOptions) {
    this.#retry = options.retry;
    this.#delays = options.delays ?? DEFAULT_RETRY_DELAYS;
    this.#log = options.log ?? (() => {});
    this.#now = options.now ?? (() => new Date());
    this.#delay = this.#delays.firstMs;
  }

  /** The state `getSaveStatus` answers with. */
  status(): SaveStatus {
    return {
      state: this.#pendingChanges > 0 ? 'retrying' : 'saved',
      pendingChanges: this.#pendingChanges,
      lastError: this.#lastError,
      since: this.#since?.toISOString() ?? null,
    };
  }

  /** A change could not be saved: count it and make sure a retry is scheduled. */
  failed(message: string): void {
    this.#pendingChanges += 1;
    this.#lastError = message;
    this.#since ??= this.#now();
    this.#log(`save failed, retrying in the background: ${message}`);
    this.#schedule();
  }

  /** A later write went through: if changes are waiting, try them now rather than at the next tick. */
  wroteSomething(): void {
    if (this.#pendingChanges > 0 && !this.#retrying) {
      this.#clearTimer();
      void this.#attempt();
    }
  }

  /** Runs one retry now (tests, and before a restore); resolves once it has settled. */
  async retryNow(): Promise<void> {
    this.#clearTimer();
    await this.#attempt();
  }

  /** Stops retrying: the service is closing or its state is being replaced. */
  stop(): void {
    this.#stopped = true;
    this.#clearTimer();
  }

  /** Forgets pending changes, after their state was replaced (a restored backup). */
  reset(): void {
    this.#pendingChanges = 0;
    this.#lastError = null;
    this.#since = null;
    this.#delay = this.#delays.firstMs;
    this.#clearTimer();
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule(): void {
    if (this.#stopped || this.#timer || this.#retrying) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#attempt();
    }, this.#delay);
    this.#timer.unref();
  }

  #attempt(): Promise<void> {
    this.#retrying ??= this.#runRetry().finally(() => {
      this.#retrying = null;
      if (this.#pendingChanges > 0) this.#schedule();
    });
    return this.#retrying;
  }

  async #runRetry(): Promise<void> {
    if (this.#pendingChanges === 0) return;
    const changes = this.#pendingChanges;
    try {
      await this.#retry();
    } catch (error) {
      this.#lastError = error instanceof Error ? error.message : String(error);
      this.#delay = Math.min(this.#delay * 2, this.#delays.maxMs);
      return;
    }
    // A change that failed while this retry ran may have missed it: it keeps the status until the next retry.
    this.#pendingChanges -= changes;
    if (this.#pendingChanges > 0) return;
    const since = this.#since;
    this.#lastError = null;
    this.#since = null;
    this.#delay = this.#delays.firstMs;
    const waited = since ? Math.round((this.#now().getTime() - since.getTime()) / 1000) : 0;
    this.#log(`saved ${changes} change(s) that had been kept in memory for ${waited} s; writing works again.`);
  }
}
