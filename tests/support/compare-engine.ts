/**
 * Compare mode's real engine for tests: the worker entry bundled by esbuild
 * (as scripts/build.mjs bundles it for the hosts) and the word vectors the
 * vitest global setup leaves in .cache/.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { CompareWorkerClient } from '../../electron/library/compare/compare-client';
import type { CompareEngine } from '../../electron/library/compare-methods';
import { LibraryService } from '../../electron/library/library-service';
import { documentsDir, repoRoot, tempDir } from './paths';

/** Where the vitest global setup leaves the word vectors (scripts/build-word-vectors.mjs names the same file). */
export const cachedWordVectorsFile = join(repoRoot, '.cache', 'word-vectors-v1.bin');

let bundled: Promise<string> | undefined;

/** The worker entry bundled once per test file, into a temp folder. */
export function bundledCompareWorker(): Promise<string> {
  bundled ??= (async () => {
    const outfile = join(await tempDir('diptych-compare-worker-'), 'compare-worker.mjs');
    await build({
      absWorkingDir: repoRoot,
      entryPoints: ['electron/library/compare/compare-worker.ts'],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    });
    return outfile;
  })();
  return bundled;
}

/** A factory of engines on real worker threads, as the hosts have; each library gets its own. */
export async function workerCompareEngine(): Promise<() => CompareEngine> {
  const workerFile = await bundledCompareWorker();
  return () => new CompareWorkerClient({ workerFile, vectorsFile: cachedWordVectorsFile });
}

/** A library on `dataDir` with compare on real worker threads, and nothing in the background that the tests do not ask for. */
export async function openCompareLibrary(dataDir: string): Promise<LibraryService> {
  return LibraryService.open({
    dataDir,
    documentsDir,
    mode: 'browser',
    version: '0.0.0-test',
    log: () => {},
    backups: false,
    searchWarmUpMs: false,
    compareEngine: await workerCompareEngine(),
  });
}
