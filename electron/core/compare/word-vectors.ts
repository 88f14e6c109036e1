/**
 * Compare mode's word vectors: the compact binary written by
 * scripts/build-word-vectors.mjs (unit-length GloVe-style vectors of the
 * 100k most frequent English words, int8 with one scale per vector).
 * Pure: the caller reads the bytes (see word-vectors-file.ts in Node).
 */

/** Unit-length word vectors, looked up by lowercase, accent-folded word. */
export interface WordVectors {
  readonly dimensions: number;
  readonly size: number;
  /** All vectors back to back, each of unit length: word i is at `i * dimensions`. */
  readonly data: Float32Array;
  /** The row of a word, or -1 when it has no vector. */
  indexOf(word: string): number;
}

const MAGIC = 'DPWV';
const HEADER_BYTES = 20;

/** Decodes the binary word vectors; throws on anything that is not version 1 of the format. */
export function loadWordVectors(bytes: Uint8Array): WordVectors {
  if (bytes.length < HEADER_BYTES) throw new Error('word vectors: file too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== MAGIC || view.getUint32(4, true) !== 1) throw new Error('word vectors: not a version 1 Diptych word-vector file');
  const size = view.getUint32(8, true);
  const dimensions = view.getUint32(12, true);
  const wordBytes = view.getUint32(16, true);
  const vectorsAt = HEADER_BYTES + size * 4;
  const wordsAt = vectorsAt + size * dimensions;
  if (wordsAt + wordBytes !== bytes.length) throw new Error('word vectors: sizes in the header do not match the file');

  const quantised = new Int8Array(bytes.buffer, bytes.byteOffset + vectorsAt, size * dimensions);
  const data = new Float32Array(size * dimensions);
  for (let i = 0; i < size; i++) {
    const scale = view.getFloat32(HEADER_BYTES + i * 4, true);
    const base = i * dimensions;
    let norm = 0;
    for (let d = 0; d < dimensions; d++) {
      const x = quantised[base + d]! * scale;
      data[base + d] = x;
      norm += x * x;
    }
    // Rounding to int8 moves the length a little; cosines should be plain dot products.
    const inverse = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dimensions; d++) data[base + d]! *= inverse;
  }

  const words = new TextDecoder().decode(bytes.subarray(wordsAt)).split('\n');
  const rows = new Map<string, number>();
  words.forEach((word, i) => rows.set(word, i));
  return { dimensions, size, data, indexOf: (word) => rows.get(word) ?? -1 };
}

/** Cosine of two rows (a dot product, since rows have unit length). */
export function rowCosine(vectors: WordVectors, a: number, b: number): number {
  const { data, dimensions } = vectors;
  const ai = a * dimensions;
  const bi = b * dimensions;
  let dot = 0;
  for (let d = 0; d < dimensions; d++) dot += data[ai + d]! * data[bi + d]!;
  return dot;
}
