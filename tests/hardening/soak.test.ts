/**
 * Crash durability soak: drives the real browser-mode host over HTTP with a
 * seeded random workload (creates, updates and deletes of highlights, notes
 * and links, up to eight requests in flight), kills it with SIGKILL at 20
 * random moments and restarts it on the same data folder. After every kill
 * every file must parse, and after every restart every change the API had
 * acknowledged must be there; changes in flight at the kill may go either way.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../electron/api/annotation-schema';
import type { ApiResult } from '../../electron/api/errors';
import { newDataDir, startHostProcess, type HostProcess } from '../e2e/support/host';
import { Workload, type Operation } from './support/soak-workload';

const SEED = Number(process.env.DIPTYCH_SOAK_SEED ?? 1939);
const KILLS = 20;
const MIN_OPERATIONS = 2000;
const IN_FLIGHT = 8;

/** What the library must hold for one annotation: its last acknowledged content, or nothing. */
type Expected = Annotation | null;

async function call<T>(host: HostProcess, method: string, input: unknown): Promise<ApiResult<T>> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Diptych-Token': host.token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as ApiResult<T>;
}

async function value<T>(host: HostProcess, method: string, input: unknown): Promise<T> {
  const result = await call<T>(host, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** Parses every JSON file and the lock under the data folder; answers how many, and the ones that did not parse. */
async function parseEveryFile(dataDir: string): Promise<{ parsed: number; broken: string[] }> {
  const names = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  let parsed = 0;
  const broken: string[] = [];
  for (const entry of names) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.name.endsWith('.json') && entry.name !== 'diptych.lock') continue;
    try {
      JSON.parse(await readFile(path, 'utf8'));
      parsed += 1;
    } catch {
      broken.push(relative(dataDir, path));
    }
  }
  return { parsed, broken };
}

const counts = { sent: 0, acknowledged: 0, found: 0, lost: 0, inFlightAtKill: 0, inFlightApplied: 0, refused: 0, filesParsed: 0, rechecked: 0 };
const problems: string[] = [];
const running: HostProcess[] = [];


afterAll(async () => {
  for (const host of running.splice(0)) if (host.child.exitCode === null && host.child.signalCode === null) await host.kill();
});

describe('crash durability soak', () => {
  it(`loses no acknowledged change over ${KILLS} SIGKILLs of the host under load`, async () => {
    const started = Date.now();
    const workload = new Workload(SEED);
    const dataDir = await newDataDir();
    /** The last acknowledged state of every annotation ever touched. */
    const expected = new Map<string, Expected>();
    /** Acknowledged operations since the last check, by annotation. */
    const ackedSinceCheck = new Map<string, number>();
    /** Operations that got no answer because the host died under them. */
    const unanswered = new Map<string, Operation>();
    const busy = new Set<string>();

    const chooseOperation = (): Operation | null => {
      const free = [...expected].filter(([id, a]) => a !== null && !busy.has(id)).map(([, a]) => a!);
      const roll = workload.int(0, 99);
      if (roll < 40 || free.length < 8) return workload.create();
      const current = workload.pick(free);
      return roll < 75 ? workload.update(current) : workload.delete(current);
    };

    const send = async (host: HostProcess, op: Operation): Promise<void> => {
      busy.add(op.id);
      counts.sent += 1;
      try {
        const result = op.after ? await call(host, 'putAnnotation', { annotation: op.after }) : await call(host, 'deleteAnnotation', { id: op.id });
        if (!result.ok) {
          counts.refused += 1;
          problems.push(`${op.kind} ${op.id} was refused: ${result.error.message}`);
          return;
        }
        counts.acknowledged += 1;
        expected.set(op.id, op.after);
        ackedSinceCheck.set(op.id, (ackedSinceCheck.get(op.id) ?? 0) + 1);
      } catch {
        // No answer: the host was killed with this request in flight.
        unanswered.set(op.id, op);
      } finally {
        busy.delete(op.id);
      }
    };

    /** Runs `budget` operations, IN_FLIGHT at a time; with `killAt`, kills the host a few milliseconds after that many were sent. */
    const runEpoch = async (host: HostProcess, budget: number, killAt: number | null): Promise<void> => {
      let sentHere = 0;
      let stopped = false;
      let killing: Promise<void> | null = null;
      const worker = async (): Promise<void> => {
        while (!stopped && sentHere < budget) {
          const op = chooseOperation();
          if (!op || busy.has(op.id)) continue;
          sentHere += 1;
          if (killAt !== null && sentHere === killAt) {
            const delay = workload.int(0, 12);
            killing = new Promise((resolve) => setTimeout(resolve, delay)).then(() => {
              stopped = true;
              return host.kill();
            });
          }
          await send(host, op);
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      if (killing) await killing;
    };

    /** After a restart: everything acknowledged is there, in-flight changes are whole or absent, nothing else appeared. */
    const verify = async (host: HostProcess): Promise<void> => {
      const info = await value<{ notices: Array<{ message: string }> }>(host, 'getAppInfo', {});
      for (const notice of info.notices) problems.push(`notice after restart: ${notice.message}`);
      const stored = new Map((await value<Annotation[]>(host, 'listAnnotations', {})).map((a) => [a.id, a]));
      for (const id of new Set([...expected.keys(), ...unanswered.keys()])) {
        const actual = stored.get(id) ?? null;
        const before = expected.get(id) ?? null;
        const acked = ackedSinceCheck.get(id) ?? 0;
        const pending = unanswered.get(id);
        if (pending) {
          counts.inFlightAtKill += 1;
          if (isDeepStrictEqual(actual, pending.after)) {
            counts.inFlightApplied += 1;
            expected.set(id, pending.after);
            counts.found += acked;
            continue;
          }
        }
        if (isDeepStrictEqual(actual, before)) {
          counts.found += acked;
          if (acked === 0) counts.rechecked += 1;
        } else {
          counts.lost += Math.max(acked, 1);
          problems.push(`${id}: expected ${before ? `modified ${before.modified}` : 'absent'}, found ${actual ? `modified ${actual.modified}` : 'nothing'}`);
        }
      }
      for (const id of stored.keys()) if (!expected.has(id) && !unanswered.has(id)) problems.push(`${id} appeared from nowhere`);
      ackedSinceCheck.clear();
      unanswered.clear();
    };

    const checkFiles = async (): Promise<void> => {
      const { parsed, broken } = await parseEveryFile(dataDir);
      counts.filesParsed += parsed;
      for (const file of broken) problems.push(`${file} does not parse`);
    };

    for (let kill = 0; kill < KILLS; kill++) {
      const host = await startHostProcess(dataDir);
      running.push(host);
      await verify(host);
      const budget = workload.int(70, 140);
      await runEpoch(host, budget, workload.int(Math.floor(budget / 4), budget));
      if (host.child.exitCode === null && host.child.signalCode === null) await host.kill();
      await checkFiles();
    }
    // The last run: the rest of the operations, then a clean stop and one more check.
    const last = await startHostProcess(dataDir);
    running.push(last);
    await verify(last);
    await runEpoch(last, Math.max(MIN_OPERATIONS - counts.sent, 50), null);
    expect(await last.stop()).toBe(0);
    await checkFiles();
    const final = await startHostProcess(dataDir);
    running.push(final);
    await verify(final);
    expect(await final.stop()).toBe(0);

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `soak (seed ${SEED}, ${KILLS} kills, ${seconds} s): operations sent ${counts.sent}, acknowledged ${counts.acknowledged}, ` +
        `found ${counts.found}, lost ${counts.lost}; in flight at a kill ${counts.inFlightAtKill} (applied ${counts.inFlightApplied}); ` +
        `states re-checked ${counts.rechecked}; files parsed ${counts.filesParsed}; refused ${counts.refused}`,
    );
    expect(problems.slice(0, 10)).toEqual([]);
    expect(counts.sent).toBeGreaterThanOrEqual(MIN_OPERATIONS);
    expect(counts.found).toBe(counts.acknowledged);
    expect(counts.lost).toBe(0);
    // The kills really landed under load.
    expect(counts.inFlightAtKill).toBeGreaterThan(KILLS);
  }, 170_000);
});
