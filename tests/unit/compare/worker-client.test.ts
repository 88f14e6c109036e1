import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CompareWorkerClient } from '../../../electron/library/compare/compare-client';
import { bundledCompareWorker, cachedWordVectorsFile } from '../../support/compare-engine';
import { readSourceText } from '../../support/paths';

const left = { key: 'soviet-overtures-1939', text: readSourceText('000_f1b498f6176dc71c.txt') };
const right = { key: 'londons-dilemma-1939', text: readSourceText('001_50dbc8cc9f109cf8.txt') };
let workerFile: string;

beforeAll(async () => {
  // The real worker, bundled as the build bundles it.
  workerFile = await bundledCompareWorker();
});

describe('CompareWorkerClient', () => {
  it('compares two texts and finds related passages in a worker thread', async () => {
    const client = new CompareWorkerClient({ workerFile, vectorsFile: cachedWordVectorsFile });
    try {
      const outcome = await client.compare(left, right);
      expect(outcome.matches.length).toBeGreaterThan(0);
      expect(outcome.leftPassages).toBeGreaterThan(40);
      const first = outcome.matches[0]!;
      expect(left.text.slice(first.left.start, first.left.end)).toBe(first.left.quote);
      const related = await client.related('Chamberlain deeply distrusted communism', left, { limit: 2 });
      expect(related[0]!.passage.quote).toContain('distrust');
    } finally {
      await client.close();
    }
  });

  it('answers concurrent requests each with its own result', async () => {
    const client = new CompareWorkerClient({ workerFile, vectorsFile: cachedWordVectorsFile });
    try {
      const [a, b] = await Promise.all([client.compare(left, right, { limit: 2 }), client.compare(right, left, { limit: 1 })]);
      expect(a.matches.length).toBeLessThanOrEqual(2);
      expect(b.matches.length).toBeLessThanOrEqual(1);
      expect(a.leftPassages).toBe(b.rightPassages);
    } finally {
      await client.close();
    }
  });

  it('fails pending calls with a clear error when the worker dies, then recovers with a new worker', async () => {
    const client = new CompareWorkerClient({ workerFile, vectorsFile: cachedWordVectorsFile });
    try {
      const pending = client.compare(left, right);
      await expect(client.crashForTesting()).rejects.toThrow(/compare worker stopped unexpectedly/);
      // The compare queued before the crash was answered or failed clearly, never left hanging.
      await pending.catch((error: Error) => expect(error.message).toMatch(/compare worker/));
      const again = await client.compare(left, right);
      expect(again.matches.length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });

  it('reports a missing vectors file as an error, and rejects calls after close', async () => {
    const broken = new CompareWorkerClient({ workerFile, vectorsFile: join(dirname(workerFile), 'missing.bin') });
    await expect(broken.compare(left, right)).rejects.toThrow(/compare worker failed: .*missing\.bin/);
    await broken.close();
    await expect(broken.compare(left, right)).rejects.toThrow(/closed/);
  });
});
