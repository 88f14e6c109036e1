/**
 * Runs the real browser-mode host, saves annotations over HTTP, kills the
 * process with SIGKILL right after the last acknowledged answer, and
 * checks on restart that everything acknowledged is there: an answer means
 * the change is on disk, not merely queued.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../electron/api/annotation-schema';
import type { ApiResult } from '../../../electron/api/errors';
import { newDataDir, startHostProcess, type HostProcess } from '../../e2e/support/host';
import { highlight, link, LONDON, note, passage, SOVIET } from '../../fixtures/annotations/factory';
import { repoRoot } from '../../support/paths';

async function call<T>(host: HostProcess, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Diptych-Token': host.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** A mix of what a reader makes: highlights in both texts, notes on passages and in the notebook, links. */
function annotations(count: number): Annotation[] {
  return Array.from({ length: count }, (_, i) => {
    if (i % 5 === 0) return note(`Note ${i}`, [passage(i % 2 ? SOVIET : LONDON, i, i + 10)]);
    if (i % 5 === 1) return note(`Notebook entry ${i}`);
    if (i % 5 === 2) return link([passage(SOVIET, i, i + 4), passage(LONDON, i + 1, i + 6)], `Link ${i}`);
    return highlight(passage(i % 2 ? SOVIET : LONDON, i, i + 7));
  });
}

/** Sends `work` calls a few at a time, as a busy UI would, and resolves when all are answered. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

const running: HostProcess[] = [];
async function start(dataDir: string): Promise<HostProcess> {
  const host = await startHostProcess(dataDir);
  running.push(host);
  return host;
}

beforeAll(() => {
  // The test runs the built host; the build skips itself when dist/host is newer than the sources.
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'host'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the host build failed:\n${build.stdout}\n${build.stderr}`);
}, 120_000);

afterEach(async () => {
  for (const host of running.splice(0)) await host.kill();
});

describe('annotation durability across a crash of the host', () => {
  it('keeps every acknowledged put after SIGKILL right after the last answer', async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    const sent = annotations(60);
    const acknowledged: Annotation[] = [];
    await inParallel(sent, 6, async (a) => {
      acknowledged.push(await call<Annotation>(first, 'putAnnotation', { annotation: a }));
    });
    await first.kill();

    expect(acknowledged).toHaveLength(60);
    const second = await start(dataDir);
    const stored = await call<Annotation[]>(second, 'listAnnotations', {});
    const byId = new Map(stored.map((a) => [a.id, a]));
    for (const a of sent) expect(byId.get(a.id)).toEqual(a);
    expect((await call<{ notices: unknown[] }>(second, 'getAppInfo', {})).notices).toEqual([]);
  });

  it('keeps acknowledged puts and deletes when killed with more requests still in flight', async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    const base = annotations(20);
    await inParallel(base, 4, async (a) => {
      await call(first, 'putAnnotation', { annotation: a });
    });
    const toDelete = base.slice(0, 8).map((a) => a.id);
    const more = annotations(40);
    const acknowledgedPuts: Annotation[] = [];
    const acknowledgedDeletes: string[] = [];
    let answers = 0;
    let killed: Promise<void> | null = null;
    const requests = [
      ...more.map((a) => () => call<Annotation>(first, 'putAnnotation', { annotation: a }).then((v) => void acknowledgedPuts.push(v))),
      ...toDelete.map((id) => () => call<null>(first, 'deleteAnnotation', { id }).then(() => void acknowledgedDeletes.push(id))),
    ];
    await Promise.allSettled(
      requests.map((send) =>
        send().then(() => {
          answers += 1;
          // Kill on the 25th answer while the rest are still being written.
          if (answers === 25) killed = first.kill();
        }),
      ),
    );
    await killed;

    expect(acknowledgedPuts.length + acknowledgedDeletes.length).toBeGreaterThanOrEqual(25);
    const second = await start(dataDir);
    const byId = new Map((await call<Annotation[]>(second, 'listAnnotations', {})).map((a) => [a.id, a]));
    for (const a of acknowledgedPuts) expect(byId.get(a.id)).toEqual(a);
    for (const id of acknowledgedDeletes) expect(byId.has(id)).toBe(false);
    for (const a of base.slice(8)) expect(byId.get(a.id)).toEqual(a);
  });
});
