/**
 * Starts compare mode's worker thread for a host, or says plainly which
 * built file is missing (a build interrupted, a package that left it out).
 */
import { existsSync } from 'node:fs';
import { ApiError } from '../api/errors';
import { CompareWorkerClient } from './compare/compare-client';
import type { CompareEngine } from './compare-methods';

export interface CompareFiles {
  /** The bundled worker entry (`compare-worker.mjs`). */
  workerFile: string;
  /** The word vectors `scripts/build-word-vectors.mjs` writes. */
  vectorsFile: string;
}

/** A factory the library calls on the first compare; until then no thread runs and no vectors are read. */
export function workerCompareEngine(files: CompareFiles): () => CompareEngine {
  return () => {
    const missing = [
      ['its worker', files.workerFile],
      ['its word vectors', files.vectorsFile],
    ].find(([, path]) => !existsSync(path!));
    if (missing) throw new ApiError('internal', `Compare cannot start: ${missing[0]} (${missing[1]}) is missing. Rebuild Diptych with "npm run build".`);
    return new CompareWorkerClient(files);
  };
}
