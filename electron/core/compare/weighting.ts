/**
 * Term weights over the two documents being compared. A term's IDF counts
 * passages of both texts, so words that run through the whole story
 * ("Soviet", "alliance") weigh less than the ones that pin down a fact.
 */
import type { PreparedPassage, PreparedText } from './prepare';
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

/** Both documents' passages weighted in one vocabulary. */
export interface WeightedPair {
  left: WeightedPassage[];
  right: WeightedPassage[];
  /** Passages of both sides that contain each term. */
  documentFrequency: Int32Array;
  passageCount: number;
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
  const vocabulary = new Map<string, number>();
  const frequency: number[] = [];
  const idsOf = (passage: PreparedPassage) => {
    const ids = new Int32Array(passage.stems.length);
    passage.stems.forEach((stem, i) => {
      let id = vocabulary.get(stem);
      if (id === undefined) {
        id = frequency.length;
        vocabulary.set(stem, id);
        frequency.push(0);
      }
      frequency[id]! += 1;
      ids[i] = id;
    });
    return ids;
  };
  const leftIds = left.passages.map(idsOf);
  const rightIds = right.passages.map(idsOf);
  const documentFrequency = Int32Array.from(frequency);
  const passageCount = left.passages.length + right.passages.length;
  const idfOf = (id: number) => Math.log(1 + passageCount / documentFrequency[id]!);

  const dims = vectors.dimensions;
  const weigh = (passage: PreparedPassage, ids: Int32Array): WeightedPassage => {
    // How much a word counts: rare in these two texts (IDF) and not one of English's commonest words.
    const idf = Float32Array.from(ids, (id, i) => idfOf(id) * specificity(passage.rows[i]!));
    const lexical = new Float32Array(ids.length);
    const embedding = new Float32Array(dims);
    let norm = 0;
    ids.forEach((_, i) => {
      lexical[i] = (1 + Math.log(passage.counts[i]!)) * idf[i]!;
      norm += lexical[i]! ** 2;
      const row = passage.rows[i]!;
      if (row >= 0) for (let d = 0; d < dims; d++) embedding[d]! += idf[i]! * vectors.data[row * dims + d]!;
    });
    if (norm > 0) for (let i = 0; i < lexical.length; i++) lexical[i]! /= Math.sqrt(norm);
    return { source: passage, ids, lexical, idf, embedding };
  };
  const weighted = {
    left: left.passages.map((p, i) => weigh(p, leftIds[i]!)),
    right: right.passages.map((p, i) => weigh(p, rightIds[i]!)),
  };
  removeCommonDirection([...weighted.left, ...weighted.right], dims);
  return { ...weighted, documentFrequency, passageCount };
}

/**
 * Subtracts the mean embedding and normalises. Two texts on one subject share
 * a strong common direction that would make every pair of passages look alike.
 */
function removeCommonDirection(passages: WeightedPassage[], dims: number): void {
  const mean = new Float32Array(dims);
  for (const p of passages) {
    const n = length(p.embedding) || 1;
    for (let d = 0; d < dims; d++) mean[d]! += p.embedding[d]! / n / passages.length;
  }
  for (const p of passages) {
    const n = length(p.embedding);
    // A passage without any word vector stays at zero: it resembles nothing.
    if (n === 0) continue;
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      p.embedding[d] = p.embedding[d]! / n - mean[d]!;
      norm += p.embedding[d]! ** 2;
    }
    const inverse = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) p.embedding[d]! *= inverse;
  }
}

/** Euclidean length (Math.hypot with 100 spread arguments is slow). */
function length(v: Float32Array): number {
  let sum = 0;
  for (let d = 0; d < v.length; d++) sum += v[d]! * v[d]!;
  return Math.sqrt(sum);
}

/** Cosine of two lexical vectors (each unit length). */
export function lexicalCosine(a: WeightedPassage, b: WeightedPassage): number {
  let dot = 0;
  for (let i = 0; i < a.ids.length; i++) {
    const id = a.ids[i]!;
    for (let j = 0; j < b.ids.length; j++) if (b.ids[j] === id) dot += a.lexical[i]! * b.lexical[j]!;
  }
  return dot;
}
