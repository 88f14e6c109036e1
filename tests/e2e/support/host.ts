/**
 * Runs the real browser-mode host (the built dist/host/host.mjs) as a child
 * process on its own temp data folder, as a user's `npm run web` would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const hostEntry = join(repoRoot, 'dist', 'host', 'host.mjs');

export interface HostProcess {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  /** Stops with SIGINT (Ctrl+C) and waits for the exit code. */
  stop: () => Promise<number | null>;
  /** Kills with SIGKILL, as a crash would. */
  kill: () => Promise<void>;
}

/** A fresh temp data folder. */
export function newDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'diptych-e2e-'));
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Starts a host and resolves once it printed its ready line. */
export async function startHostProcess(dataDir: string, extraArgs: string[] = []): Promise<HostProcess> {
  const child = spawn(process.execPath, [hostEntry, '--no-open', '--port', '0', '--data', dataDir, ...extraArgs], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: '1' },
  });
  let output = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 15 s:\n${output}`)), 15_000);
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const match = /Diptych ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before it was ready:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    dataDir,
    child,
    output: () => output,
    stop: async () => {
      child.kill('SIGINT');
      return waitForExit(child);
    },
    kill: async () => {
      child.kill('SIGKILL');
      await waitForExit(child);
    },
  };
}
