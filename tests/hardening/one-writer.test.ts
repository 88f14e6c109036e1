/**
 * One writer per data folder, with real processes: a second browser-mode
 * host refuses to start, a killed host's lock is taken over, and of several
 * processes racing for one stale lock never two hold it at once.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../electron/api/errors';
import { LOCK_FILE } from '../../electron/library/data-lock';
import { newDataDir, startHostProcess, type HostProcess } from '../e2e/support/host';
import { BUNDLED_DOCUMENTS, repoRoot } from '../support/paths';

const running: HostProcess[] = [];

/** What one racing process reports (tests/hardening/support/take-lock.ts). */
interface RaceResult {
  got: boolean;
  from?: number;
  to?: number;
  message?: string;
}

async function start(dataDir: string): Promise<HostProcess> {
  const host = await startHostProcess(dataDir);
  running.push(host);
  return host;
}

async function documentCount(host: HostProcess): Promise<number> {
  const response = await fetch(`${host.origin}/api/listDocuments`, { method: 'POST', headers: { 'X-Diptych-Token': host.token }, body: '{}' });
  const result = (await response.json()) as ApiResult<unknown[]>;
  return result.ok ? result.value.length : -1;
}

/** The pid of a process that ran and was killed: what a crashed Diptych leaves in its lock. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('spawn', resolve));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

const readLock = async (dir: string) => JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as { pid: number; mode: string; startedAt: string };


afterEach(async () => {
  for (const host of running.splice(0)) if (host.child.exitCode === null && host.child.signalCode === null) await host.kill();
});

describe('one Diptych per data folder', () => {
  it('refuses a second browser-mode host on the same folder, naming the first, with exit code 1', async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    const lock = await readLock(dataDir);
    expect(lock).toMatchObject({ pid: first.child.pid, mode: 'browser' });
    const startedAt = new Date(lock.startedAt);
    const time = `${String(startedAt.getHours()).padStart(2, '0')}:${String(startedAt.getMinutes()).padStart(2, '0')}`;
    const escaped = dataDir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    await expect(startHostProcess(dataDir)).rejects.toThrow(
      new RegExp(`exited with 1 before it was ready:\\nDiptych: Another Diptych \\(browser mode, pid ${first.child.pid}, started ${time}\\) is using ${escaped}\\. Close it first`),
    );
    // The first host is untouched and keeps its lock; once it stops, the folder is free.
    expect(await documentCount(first)).toBe(BUNDLED_DOCUMENTS);
    expect((await readLock(dataDir)).pid).toBe(first.child.pid);
    expect(await first.stop()).toBe(0);
    await expect(readFile(join(dataDir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    const second = await start(dataDir);
    expect(await documentCount(second)).toBe(BUNDLED_DOCUMENTS);
  });

  it('takes over the lock of a host that was killed', async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    await first.kill();
    expect((await readLock(dataDir)).pid).toBe(first.child.pid);
    const second = await start(dataDir);
    expect((await readLock(dataDir)).pid).toBe(second.child.pid);
    expect(await documentCount(second)).toBe(BUNDLED_DOCUMENTS);
  });

  it('takes over a stale lock whose process is gone', async () => {
    const dataDir = await newDataDir();
    const pid = await deadPid();
    await writeFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid, hostname: hostname(), mode: 'electron', startedAt: new Date().toISOString(), token: 'crashed' }));
    const host = await start(dataDir);
    expect((await readLock(dataDir)).pid).toBe(host.child.pid);
  });

  it('never lets two of several processes taking over one stale lock hold it at once', async () => {
    for (let round = 0; round < 2; round++) {
      const dataDir = await newDataDir();
      await writeFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid: await deadPid(), hostname: hostname(), mode: 'browser', startedAt: new Date().toISOString(), token: 'crashed' }));
      const racers = Array.from({ length: 6 }, () => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests/hardening/support/take-lock.ts'), dataDir, '1500'], {
          cwd: repoRoot,
          stdio: ['pipe', 'pipe', 'inherit'],
        });
        let out = '';
        const ready = new Promise<void>((resolve) => {
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString('utf8');
            if (out.startsWith('ready\n')) resolve();
          });
        });
        const result = new Promise<RaceResult>((resolve) => child.once('exit', () => resolve(JSON.parse(out.split('\n')[1] ?? '{}') as RaceResult)));
        return { child, ready, result };
      });
      // Everyone at the line, then one starting shot for all: the race does not depend on how fast each process started.
      await Promise.all(racers.map((r) => r.ready));
      for (const { child } of racers) child.stdin.end('go\n');
      const results = await Promise.all(racers.map((r) => r.result));
      const context = `round ${round}: ${JSON.stringify(results)}`;
      const holders = results.filter((r) => r.got).sort((a, b) => a.from! - b.from!);
      expect(holders.length, context).toBeGreaterThanOrEqual(1);
      // One at a time: a racer may take the lock after the holder gave it back, never while it holds it.
      for (let i = 1; i < holders.length; i++) expect(holders[i]!.from!, context).toBeGreaterThanOrEqual(holders[i - 1]!.to!);
      for (const refused of results.filter((r) => !r.got)) expect(refused.message, context).toMatch(/^Another Diptych \(browser mode, pid \d+, started \d\d:\d\d\) is using /);
    }
  }, 60_000);
});
