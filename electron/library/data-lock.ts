/**
 * One writer per data folder. Two processes saving the same lowdb files
 * would overwrite each other's changes without either noticing, so the
 * library takes `diptych.lock` when it opens and gives it back when it
 * closes. A lock left by a process that is gone (a crash, a kill) is taken
 * over; a live holder is named in the refusal so the reader can close it.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';

export const LOCK_FILE = 'diptych.lock';

/** How a lock file stays unreadable before it counts as abandoned: a holder is writing it at most this long. */
const HALF_WRITTEN_GRACE_MS = 2000;
/** Beside the lock while a process takes a stale one over; see `whileClaimed`. */
export const TAKEOVER_FILE = `${LOCK_FILE}.takeover`;
/** A takeover claim this old was left by a crash: a takeover takes milliseconds. */
const ABANDONED_CLAIM_MS = 10_000;
const RETRY_MS = 50;
const GIVE_UP_AFTER_MS = 15_000;

const lockInfo = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  mode: z.enum(['electron', 'browser']),
  startedAt: z.string(),
  /** Tells two holders with one pid apart (pid reuse, a reopen in one process). */
  token: z.string(),
});
/** What a lock file records about its holder. */
export type LockInfo = z.infer<typeof lockInfo>;

/** Another live Diptych holds the folder. The message names it and says what to do. */
export class DataFolderInUseError extends Error {
  readonly holder: LockInfo;
  readonly dir: string;
  constructor(dir: string, holder: LockInfo) {
    const lockPath = join(dir, LOCK_FILE);
    super(`Another Diptych (${describeHolder(holder)}) is using ${dir}. Close it first, then start this one again. If no other Diptych is running, delete ${lockPath} and try again.`);
    this.name = 'DataFolderInUseError';
    this.holder = holder;
    this.dir = dir;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "browser mode, pid 1234, started 14:02" (with the date when it was not today, and the computer when it is another). */
export function describeHolder(holder: LockInfo, now: Date = new Date()): string {
  const mode = holder.mode === 'browser' ? 'browser mode' : 'desktop app';
  const where = holder.hostname === hostname() ? '' : ` on ${holder.hostname}`;
  const started = new Date(holder.startedAt);
  let when = 'at an unknown time';
  if (!Number.isNaN(started.getTime())) {
    const time = `${pad(started.getHours())}:${pad(started.getMinutes())}`;
    const sameDay = started.toDateString() === now.toDateString();
    when = sameDay ? time : `${started.getFullYear()}-${pad(started.getMonth() + 1)}-${pad(started.getDate())} ${time}`;
  }
  return `${mode}, pid ${holder.pid}${where}, started ${when}`;
}

/** Whether the process named in a lock may still be running. Another computer's process cannot be checked, so it counts as alive. */
export function holderIsAlive(holder: LockInfo): boolean {
  if (holder.hostname !== hostname()) return true;
  // Our own pid: the lock was left by an earlier process that had this pid, or by an earlier open in this process.
  if (holder.pid === process.pid) return false;
  return processExists(holder.pid);
}

/** Whether a process with this pid exists on this computer. */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

type Reading = { kind: 'missing' } | { kind: 'unreadable'; ageMs: number } | { kind: 'held'; info: LockInfo };

async function readLock(path: string): Promise<Reading> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    return { kind: 'held', info: lockInfo.parse(JSON.parse(text)) };
  } catch {
    const ageMs = await stat(path).then((s) => Date.now() - s.mtimeMs, () => 0);
    return { kind: 'unreadable', ageMs };
  }
}

async function createExclusively(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    // A lock left empty would make the next start wait for it; taking it failed, so it goes.
    await handle.close();
    await rm(path, { force: true });
    throw error;
  }
  await handle.close();
  return true;
}

/** Writes the lock beside itself under a name no other taker uses, then renames it into place. */
async function replaceAtomically(path: string, text: string, token: string): Promise<void> {
  const temp = join(dirname(path), `.${LOCK_FILE}.${token}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Every lock this process holds, so they can be given back even on an abrupt `process.exit`. */
const held = new Set<DataLock>();
let exitHookInstalled = false;

/** A lock this process holds on one data folder. */
export class DataLock {
  readonly path: string;
  readonly info: LockInfo;

  constructor(path: string, info: LockInfo) {
    this.path = path;
    this.info = info;
  }

  /** Gives the lock back, unless someone else has taken it over since (then it is theirs to remove). */
  async release(): Promise<void> {
    held.delete(this);
    const reading = await readLock(this.path).catch(() => null);
    if (reading?.kind === 'held' && reading.info.token === this.info.token) await rm(this.path, { force: true });
  }

  /** The same, synchronously, for `process.on('exit')`. */
  releaseSync(): void {
    held.delete(this);
    try {
      const info = lockInfo.parse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (info.token === this.info.token) rmSync(this.path, { force: true });
    } catch {
      /* gone already, or not ours */
    }
  }
}

/** Gives back every lock this process still holds; for exit paths that cannot wait. */
export function releaseAllLocksSync(): void {
  for (const lock of [...held]) lock.releaseSync();
}

function remember(lock: DataLock): DataLock {
  held.add(lock);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', releaseAllLocksSync);
  }
  return lock;
}

/** What a taker's claim on the takeover says about it, so a claim left by a crash can be cleared. */
const takeoverClaim = z.object({ pid: z.number().int().positive(), hostname: z.string() });

/**
 * Removes a claim left by a crash: its writer is gone, or it is far older
 * than a takeover takes. (Two takers clearing the same abandoned claim at
 * once could both go on; that needs a crash inside a takeover first.)
 */
async function clearAbandonedClaim(path: string): Promise<void> {
  const modified = await stat(path).then((s) => s.mtimeMs, () => null);
  if (modified === null) return;
  const ageMs = Date.now() - modified;
  let writerGone: boolean;
  try {
    const claim = takeoverClaim.parse(JSON.parse(await readFile(path, 'utf8')));
    writerGone = claim.hostname === hostname() && claim.pid !== process.pid && !processExists(claim.pid);
  } catch {
    // Unreadable: its writer is writing it now, unless it has stayed so for a while.
    writerGone = ageMs > HALF_WRITTEN_GRACE_MS;
  }
  if (writerGone || ageMs > ABANDONED_CLAIM_MS) await rm(path, { force: true });
}

/**
 * Runs `work` while holding the takeover claim, an exclusively created file
 * beside the lock. Judging a lock stale and replacing it are two steps; a
 * taker paused between them would replace a lock another taker had just
 * taken. With the claim, one taker at a time judges and replaces.
 * Answers 'busy' when another taker holds the claim.
 */
async function whileClaimed<T>(dir: string, work: () => Promise<T>): Promise<T | 'busy'> {
  const path = join(dir, TAKEOVER_FILE);
  if (!(await createExclusively(path, JSON.stringify({ pid: process.pid, hostname: hostname() })))) {
    await clearAbandonedClaim(path);
    return 'busy';
  }
  try {
    return await work();
  } finally {
    await rm(path, { force: true });
  }
}

/** Whether a lock as read may be taken over: its holder is gone, or it stayed unreadable too long to be mid-write. */
function isStale(reading: Reading): boolean {
  if (reading.kind === 'held') return !holderIsAlive(reading.info);
  return reading.kind === 'unreadable' && reading.ageMs >= HALF_WRITTEN_GRACE_MS;
}

/**
 * Takes the data folder's lock for this process. Creates it exclusively;
 * when one exists, refuses if its holder is alive, and otherwise, holding
 * the takeover claim, checks again that it is stale and replaces it
 * atomically (temp file and rename), so of several processes taking over
 * one stale lock at once exactly one goes on and the others see it alive.
 */
export async function acquireDataLock(dir: string, mode: LockInfo['mode']): Promise<DataLock> {
  const path = join(dir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, hostname: hostname(), mode, startedAt: new Date().toISOString(), token: randomUUID() };
  const text = `${JSON.stringify(info, null, 2)}\n`;
  const deadline = Date.now() + GIVE_UP_AFTER_MS;
  while (Date.now() < deadline) {
    if (await createExclusively(path, text)) return remember(new DataLock(path, info));
    const reading = await readLock(path);
    if (reading.kind === 'missing') continue;
    if (reading.kind === 'held' && holderIsAlive(reading.info)) throw new DataFolderInUseError(dir, reading.info);
    if (isStale(reading)) {
      const outcome = await whileClaimed(dir, async () => {
        // Judged again under the claim: another taker may have replaced it since the first look.
        if (!isStale(await readLock(path))) return 'changed';
        await replaceAtomically(path, text, info.token);
        return 'taken';
      });
      if (outcome === 'taken') return remember(new DataLock(path, info));
    }
    // Being written, or being taken over by another process: look again shortly.
    await sleep(RETRY_MS + Math.floor(Math.random() * RETRY_MS));
  }
  throw new Error(`Could not take the lock ${path}: other processes kept changing it.`);
}
