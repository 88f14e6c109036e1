import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataLock, DataFolderInUseError, describeHolder, LOCK_FILE, TAKEOVER_FILE, type LockInfo } from '../../../electron/library/data-lock';
import { tempDir } from '../../support/paths';

const children: ChildProcess[] = [];

/** A live process that is not this one: a Node child that waits. */
function liveProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

/** The pid of a process that existed and was killed, as a crashed Diptych leaves behind. */
async function deadPid(): Promise<number> {
  const child = liveProcess();
  await new Promise((resolve) => child.once('spawn', resolve));
  const pid = child.pid!;
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  return pid;
}

function lockOf(pid: number, overrides: Partial<LockInfo> = {}): LockInfo {
  return { pid, hostname: hostname(), mode: 'browser', startedAt: new Date(2026, 10, 25, 14, 2).toISOString(), token: `token-${pid}`, ...overrides };
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('the data folder lock', () => {
  it('is created with this process as holder and removed on release', async () => {
    const dir = await tempDir();
    const lock = await acquireDataLock(dir, 'electron');
    const written = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as LockInfo;
    expect(written).toMatchObject({ pid: process.pid, hostname: hostname(), mode: 'electron' });
    expect(Date.parse(written.startedAt)).not.toBeNaN();
    await lock.release();
    await expect(readFile(join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses while a live process holds it, naming that process and the folder', async () => {
    const dir = await tempDir();
    const child = liveProcess();
    await new Promise((resolve) => child.once('spawn', resolve));
    const startedAt = new Date();
    const holder = lockOf(child.pid!, { startedAt: startedAt.toISOString() });
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(holder));
    const refusal = await acquireDataLock(dir, 'browser').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataFolderInUseError);
    const time = `${String(startedAt.getHours()).padStart(2, '0')}:${String(startedAt.getMinutes()).padStart(2, '0')}`;
    expect((refusal as Error).message).toBe(
      `Another Diptych (browser mode, pid ${child.pid}, started ${time}) is using ${dir}. ` +
        `Close it first, then start this one again. If no other Diptych is running, delete ${join(dir, LOCK_FILE)} and try again.`,
    );
    // The holder's lock is left as it was.
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toEqual(holder);
  });

  it('takes over a lock whose process is gone', async () => {
    const dir = await tempDir();
    const pid = await deadPid();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(lockOf(pid)));
    const lock = await acquireDataLock(dir, 'browser');
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, token: lock.info.token });
    await lock.release();
  });

  it('takes over a lock left by an earlier process with this pid (pid reuse after a restart)', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(lockOf(process.pid, { token: 'an-earlier-life' })));
    const lock = await acquireDataLock(dir, 'browser');
    expect(lock.info.token).not.toBe('an-earlier-life');
    await lock.release();
  });

  it('refuses a lock held on another computer, which it cannot check, and says which', async () => {
    const dir = await tempDir();
    const elsewhere = lockOf(1, { hostname: 'another-computer', mode: 'electron' });
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(elsewhere));
    await expect(acquireDataLock(dir, 'browser')).rejects.toThrow(/^Another Diptych \(desktop app, pid 1 on another-computer, started /);
  });

  it('treats a lock that stays unreadable as abandoned, but waits while one is being written', async () => {
    const dir = await tempDir();
    const path = join(dir, LOCK_FILE);
    await writeFile(path, '');
    const started = Date.now();
    const lock = await acquireDataLock(dir, 'browser');
    // An empty lock of the last two seconds belongs to a process still writing it: the takeover waited for it to age.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(JSON.parse(await readFile(path, 'utf8')).token).toBe(lock.info.token);
    await lock.release();
  });

  it('leaves a lock alone on release once another holder has taken it over', async () => {
    const dir = await tempDir();
    const lock = await acquireDataLock(dir, 'browser');
    const successor = lockOf(process.pid, { token: 'successor' });
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(successor));
    await lock.release();
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toEqual(successor);
  });

  it('waits while another process is taking a stale lock over, then defers to it', async () => {
    const dir = await tempDir();
    const other = liveProcess();
    await new Promise((resolve) => other.once('spawn', resolve));
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(lockOf(await deadPid())));
    await writeFile(join(dir, TAKEOVER_FILE), JSON.stringify({ pid: other.pid, hostname: hostname() }));
    const attempt = acquireDataLock(dir, 'browser').catch((error: unknown) => error);
    // The other taker finishes: its lock replaces the stale one and its claim goes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(lockOf(other.pid!)));
    await rm(join(dir, TAKEOVER_FILE));
    const refusal = await attempt;
    expect(refusal).toBeInstanceOf(DataFolderInUseError);
    expect((refusal as DataFolderInUseError).holder.pid).toBe(other.pid);
  });

  it('clears a takeover claim left by a taker that crashed, and takes the lock', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(lockOf(await deadPid())));
    await writeFile(join(dir, TAKEOVER_FILE), JSON.stringify({ pid: await deadPid(), hostname: hostname() }));
    const lock = await acquireDataLock(dir, 'browser');
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).token).toBe(lock.info.token);
    await expect(readFile(join(dir, TAKEOVER_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    await lock.release();
  });

  it('describes when the holder started: the time today, the date otherwise', () => {
    const today = new Date(2026, 10, 25, 16, 30);
    expect(describeHolder(lockOf(42, { startedAt: new Date(2026, 10, 25, 9, 5).toISOString() }), today)).toBe('browser mode, pid 42, started 09:05');
    expect(describeHolder(lockOf(42, { startedAt: new Date(2026, 10, 20, 9, 5).toISOString(), mode: 'electron' }), today)).toBe('desktop app, pid 42, started 2026-11-20 09:05');
    expect(describeHolder(lockOf(42, { startedAt: 'garbled' }), today)).toBe('browser mode, pid 42, started at an unknown time');
  });
});
