/**
 * Term weights over the two documents being compared. A term's IDF counts
 * passages of both texts, so words that run through the whole story
 * ("Soviet", "alliance") weigh less than the ones that pin down a fact.
 *
 * The per-passage vectors are views into a few flat arrays per side
 * (`WeightedSide`): the candidate search walks those directly, and a megabyte
 * text has ~10k passages whose separate little arrays would cost more to
 * allocate than to fill.
 */
import { termsOf, type PreparedPassage, type PreparedText } from './prepare';
import type { WordVectors } from './word-vectors';

/** A passage's weighted terms, ready for scoring. */
export interface WeightedPassage {
  source: PreparedPassage;
  /** Term ids in the joint vocabulary, parallel to `source.stems`. */
  ids: Int32Array;
  /** Sublinear tf × IDF, unit length: the lexical vector. */
  lexical: Float32Array;
  /** IDF of each term: how much each word counts in the soft alignment. */
  idf: Float32Array;
  /** IDF-weighted mean of the word vectors, with the pair's common direction removed, unit length. */
  embedding: Float32Array;
}

/** One side's passages, flat: what each passage's arrays are views into. */
export interface WeightedSide {
  /** Passage p's terms are entries `offsets[p]` to `offsets[p + 1]` of `ids`, `lexical` and `idf`. */
  offsets: Int32Array;
  ids: Int32Array;
  lexical: Float32Array;
  idf: Float32Array;
  /** Passage p's embedding is `embeddings[p * dimensions…(p + 1) * dimensions]`. */
  embeddings: Float32Array;
}

/** Both documents' passages weighted in one vocabulary. */
export interface WeightedPair {
  left: WeightedPassage[];
  right: WeightedPassage[];
  /** Passages of both sides that contain each term. */
  documentFrequency: Int32Array;
  passageCount: number;
  /** Length of the passage embeddings. */
  dimensions: number;
  /** The same passages as flat arrays, for the hot loops of the candidate search. */
  flat: { left: WeightedSide; right: WeightedSide };
}

/** Frequency rank at which a word counts half: the vectors' rows are ordered by frequency in a news corpus. */
const COMMON_RANK = 400;

/**
 * 0..1, low for the commonest English words ("time", "make", "part"),
 * following the smooth inverse frequency weighting of passage embeddings;
 * words without a vector (names, numbers) are specific.
 */
export function specificity(row: number): number {
  return row < 0 ? 1 : (row + 1) / (row + 1 + COMMON_RANK);
}

/** Weighs the passages of two prepared texts against each other. */
export function weighPair(left: PreparedText, right: PreparedText, vectors: WordVectors): WeightedPair {
  const leftTerms = termsOf(left);
  const rightTerms = termsOf(right);
  // The joint vocabulary numbers the left text's stems first, then the right's new ones, both in order of first appearance.
  const rightToJoint = new Int32Array(rightTerms.stems.length);
  let vocabularySize = leftTerms.stems.length;
  const extra: number[] = [];
  rightTerms.stems.forEach((stem, local) => {
    const id = leftTerms.index.get(stem);
    if (id !== undefined) rightToJoint[local] = id;
    else {
      rightToJoint[local] = vocabularySize++;
      extra.push(local);
    }
  });
  const documentFrequency = new Int32Array(vocabularySize);
  documentFrequency.set(leftTerms.passagesWith);
  rightTerms.passagesWith.forEach((count, local) => (documentFrequency[rightToJoint[local]!]! += count));
  const passageCount = left.passages.length + right.passages.length;
  const idfOfTerm = new Float64Array(vocabularySize);
  for (let id = 0; id < vocabularySize; id++) idfOfTerm[id] = Math.log(1 + passageCount / documentFrequency[id]!);

  const dims = vectors.dimensions;
  const weighSide = (text: PreparedText, terms: ReturnType<typeof termsOf>, toJoint: Int32Array | undefined): { side: WeightedSide; passages: WeightedPassage[] } => {
    const { offsets, local, rows, logCounts } = terms;
    const tokens = local.length;
    const ids = new Int32Array(tokens);
    const lexical = new Float32Array(tokens);
    const idf = new Float32Array(tokens);
    const embeddings = new Float32Array(text.passages.length * dims);
    const data = vectors.data;
    for (let p = 0; p < text.passages.length; p++) {
      const from = offsets[p]!;
      const to = offsets[p + 1]!;
      const base = p * dims;
      let norm = 0;
      for (let t = from; t < to; t++) {
        const id = toJoint ? toJoint[local[t]!]! : local[t]!;
        ids[t] = id;
        const row = rows[t]!;
        // How much a word counts: rare in these two texts (IDF) and not one of English's commonest words.
        idf[t] = idfOfTerm[id]! * specificity(row);
        lexical[t] = logCounts[t]! * idf[t]!;
        norm += lexical[t]! ** 2;
        if (row >= 0) {
          const weight = idf[t]!;
          const at = row * dims;
          for (let d = 0; d < dims; d++) embeddings[base + d]! += weight * data[at + d]!;
        }
      }
      if (norm > 0) {
        const n = Math.sqrt(norm);
        for (let t = from; t < to; t++) lexical[t]! /= n;
      }
    }
    const passages = text.passages.map(
      (source, p): WeightedPassage => ({
        source,
        ids: ids.subarray(offsets[p]!, offsets[p + 1]!),
        lexical: lexical.subarray(offsets[p]!, offsets[p + 1]!),
        idf: idf.subarray(offsets[p]!, offsets[p + 1]!),
        embedding: embeddings.subarray(p * dims, (p + 1) * dims),
      }),
    );
    return { side: { offsets, ids, lexical, idf, embeddings }, passages };
  };
  const l = weighSide(left, leftTerms, undefined);
  const r = weighSide(right, rightTerms, rightToJoint);
  removeCommonDirection([l.side.embeddings, r.side.embeddings], dims);
  return { left: l.passages, right: r.passages, documentFrequency, passageCount, dimensions: dims, flat: { left: l.side, right: r.side } };
}

/**
 * Subtracts the mean embedding and normalises. Two texts on one subject share
 * a strong common direction that would make every pair of passages look alike.
 */
function removeCommonDirection(sides: Float32Array[], dims: number): void {
  const mean = new Float32Array(dims);
  let count = 0;
  for (const side of sides) count += side.length / dims;
  for (const side of sides) {
    for (let base = 0; base < side.length; base += dims) {
      const n = length(side, base, dims) || 1;
      for (let d = 0; d < dims; d++) mean[d]! += side[base + d]! / n / count;
    }
  }
  for (const side of sides) {
    for (let base = 0; base < side.length; base += dims) {
      const n = length(side, base, dims);
      // A passage without any word vector stays at zero: it resembles nothing.
      if (n === 0) continue;
      let norm = 0;
      for (let d = 0; d < dims; d++) {
        side[base + d] = side[base + d]! / n - mean[d]!;
        norm += side[base + d]! ** 2;
      }
      const inverse = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let d = 0; d < dims; d++) side[base + d]! *= inverse;
    }
  }
}

/** Euclidean length of `dims` values from `base` (Math.hypot with 100 spread arguments is slow). */
function length(v: Float32Array, base: number, dims: number): number {
  let sum = 0;
  for (let d = 0; d < dims; d++) sum += v[base + d]! * v[base + d]!;
  return Math.sqrt(sum);
}
