/**
 * Reads compare mode's word-vector file in Node. Kept apart from
 * word-vectors.ts so that code running in the renderer never pulls in node:fs.
 */
import { readFileSync } from 'node:fs';
import { loadWordVectors, type WordVectors } from '../../core/compare/word-vectors';

/** Loads the word vectors written by scripts/build-word-vectors.mjs. */
export function readWordVectorsFile(path: string): WordVectors {
  return loadWordVectors(readFileSync(path));
}
