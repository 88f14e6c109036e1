/**
 * Scores one pair of passages: weighted word overlap (lexical) and a soft
 * word alignment through the word vectors (semantic), which is what pairs
 * "sends second-rank diplomats" with "had sent a junior representative".
 */
import type { MatchExplanation, RelatedTermPair } from './types';
import { specificity, type WeightedPassage } from './weighting';
import type { WordVectors } from './word-vectors';

/** Word cosines at or below this say nothing (unrelated words sit around 0–0.3 in these vectors; measured on the gold set, 0.35 pairs more paraphrases than 0.42 without more noise). */
const RELATED_FLOOR = 0.35;
/** A cosine this high counts as much as the same word would… */
const RELATED_CEILING = 0.9;
/** …but a different word never counts quite as much as the same word. */
const RELATED_MAX_CREDIT = 0.8;
/** Weight added to every passage's total in the alignment, in IDF units. */
const SHORT_PRIOR = 5;
/** Word pairs listed as the reason for a match: close in meaning, and not among English's commonest words. */
const SHOWN_RELATED = 0.45;
const SHOWN_SPECIFICITY = 0.6;
/** Common words are listed only when this close ("sent" ~ "sends"). */
const SHOWN_CLOSE = 0.75;
/** Credit from which a word counts as evidence of a correspondence (the same word, or a close one). */
const EVIDENCE_CREDIT = 0.5;
/** How much of the raw score is lexical; the rest is the soft alignment. */
const LEXICAL_SHARE = 0.3;

/** The raw (uncalibrated) similarity of two passages and its parts. */
export interface PairScore {
  raw: number;
  lexical: number;
  semantic: number;
  /** Distinct words of the left passage that found a counterpart: one shared word ("run") is a coincidence, not a correspondence. */
  evidence: number;
}

/** Credit for aligning two different words with cosine `c`. */
function relatedCredit(c: number): number {
  if (c <= RELATED_FLOOR) return 0;
  return Math.min(1, (c - RELATED_FLOOR) / (RELATED_CEILING - RELATED_FLOOR)) * RELATED_MAX_CREDIT;
}

/**
 * The word-by-word credit matrix of two passages: 1 for the same stem, the
 * related credit for close word vectors, 0 otherwise. Row-major, a × b.
 */
function creditMatrix(a: WeightedPassage, b: WeightedPassage, vectors: WordVectors): { credit: Float32Array; cosine: Float32Array } {
  const na = a.ids.length;
  const nb = b.ids.length;
  const credit = new Float32Array(na * nb);
  const cosine = new Float32Array(na * nb);
  const { data, dimensions } = vectors;
  for (let i = 0; i < na; i++) {
    const rowA = a.source.rows[i]!;
    for (let j = 0; j < nb; j++) {
      if (a.ids[i] === b.ids[j]) {
        credit[i * nb + j] = 1;
        cosine[i * nb + j] = 1;
        continue;
      }
      const rowB = b.source.rows[j]!;
      if (rowA < 0 || rowB < 0) continue;
      let dot = 0;
      const ai = rowA * dimensions;
      const bi = rowB * dimensions;
      for (let d = 0; d < dimensions; d++) dot += data[ai + d]! * data[bi + d]!;
      cosine[i * nb + j] = dot;
      // The commonest words sit close to many others ("time" ~ "part"); they earn little related credit.
      credit[i * nb + j] = relatedCredit(dot) * Math.min(1, 2 * specificity(Math.min(rowA, rowB)));
    }
  }
  return { credit, cosine };
}

/** Word-pair cosines computed so far, per set of vectors: a comparison asks for the same pairs over and over. */
const cosineCaches = new WeakMap<WordVectors, Map<number, number>>();
/** Entries kept before a cache starts again (about 50 MB). */
const MAX_CACHED_COSINES = 1_000_000;
/** The right passage's best credit per word, reused from pair to pair. */
let bestRight = new Float32Array(64);

function cosineOf(rowA: number, rowB: number, vectors: WordVectors): number {
  let cache = cosineCaches.get(vectors);
  if (cache === undefined) cosineCaches.set(vectors, (cache = new Map()));
  const key = rowA < rowB ? rowA * vectors.size + rowB : rowB * vectors.size + rowA;
  let dot = cache.get(key);
  if (dot === undefined) {
    const { data, dimensions } = vectors;
    const ai = rowA * dimensions;
    const bi = rowB * dimensions;
    dot = 0;
    for (let d = 0; d < dimensions; d++) dot += data[ai + d]! * data[bi + d]!;
    if (cache.size >= MAX_CACHED_COSINES) cache.clear();
    cache.set(key, dot);
  }
  return dot;
}

/**
 * Scores a pair of passages: the same sums as creditMatrix and alignment
 * would give, in one pass without allocating, since a comparison of two
 * books scores tens of thousands of pairs.
 */
export function scorePair(a: WeightedPassage, b: WeightedPassage, vectors: WordVectors): PairScore {
  const na = a.ids.length;
  const nb = b.ids.length;
  if (na === 0 || nb === 0) return { raw: 0, lexical: 0, semantic: 0, evidence: 0 };
  if (bestRight.length < nb) bestRight = new Float32Array(nb * 2);
  bestRight.fill(0, 0, nb);
  let covered = 0;
  let total = 0;
  let evidence = 0;
  let lexical = 0;
  for (let i = 0; i < na; i++) {
    const id = a.ids[i]!;
    const rowA = a.source.rows[i]!;
    let best = 0;
    for (let j = 0; j < nb; j++) {
      let c = 0;
      if (id === b.ids[j]) {
        c = 1;
        lexical += a.lexical[i]! * b.lexical[j]!;
      } else {
        const rowB = b.source.rows[j]!;
        // The commonest words sit close to many others ("time" ~ "part"); they earn little related credit.
        if (rowA >= 0 && rowB >= 0) c = Math.fround(relatedCredit(cosineOf(rowA, rowB, vectors)) * Math.min(1, 2 * specificity(Math.min(rowA, rowB))));
      }
      if (c > best) best = c;
      if (c > bestRight[j]!) bestRight[j] = c;
    }
    covered += a.idf[i]! * best;
    total += a.idf[i]!;
    if (best >= EVIDENCE_CREDIT) evidence += 1;
  }
  let coveredB = 0;
  let totalB = 0;
  for (let j = 0; j < nb; j++) {
    coveredB += b.idf[j]! * bestRight[j]!;
    totalB += b.idf[j]!;
  }
  // Short passages are shrunk towards zero: one shared word in a four-word sentence proves little.
  const semantic = (covered / (total + SHORT_PRIOR) + coveredB / (totalB + SHORT_PRIOR)) / 2;
  return { raw: LEXICAL_SHARE * lexical + (1 - LEXICAL_SHARE) * semantic, lexical, semantic, evidence };
}

/** Why two passages were paired: shared words by weight, and the closest different words. */
export function explainPair(a: WeightedPassage, b: WeightedPassage, vectors: WordVectors, score: PairScore): MatchExplanation {
  const nb = b.ids.length;
  const shared: Array<{ term: string; weight: number }> = [];
  const related = new Map<string, RelatedTermPair>();
  const { cosine } = a.ids.length && nb ? creditMatrix(a, b, vectors) : { cosine: new Float32Array(0) };
  for (let i = 0; i < a.ids.length; i++) {
    const j = b.ids.indexOf(a.ids[i]!);
    if (j >= 0) {
      shared.push({ term: a.source.surfaces[i]!, weight: a.idf[i]! });
      continue;
    }
    let best = -1;
    for (let k = 0; k < nb; k++) if (best < 0 || cosine[i * nb + k]! > cosine[i * nb + best]!) best = k;
    if (best < 0 || cosine[i * nb + best]! < SHOWN_RELATED) continue;
    // "time" ~ "part" scores, but shown as a reason it reads as noise: only telling words are listed.
    const similarity = cosine[i * nb + best]!;
    if (similarity < SHOWN_CLOSE && specificity(Math.min(a.source.rows[i]!, b.source.rows[best]!)) < SHOWN_SPECIFICITY) continue;
    // A right word already shared with the left counts as shared, not as related.
    if (a.ids.includes(b.ids[best]!)) continue;
    const pair = { left: a.source.surfaces[i]!, right: b.source.surfaces[best]!, similarity: round(cosine[i * nb + best]!) };
    const key = `${pair.left.toLowerCase()}|${pair.right.toLowerCase()}`;
    if (!related.has(key)) related.set(key, pair);
  }
  const seen = new Set<string>();
  const sharedTerms = shared
    .sort((x, y) => y.weight - x.weight)
    .map((s) => s.term)
    .filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
  const relatedTerms = [...related.values()].sort((x, y) => y.similarity - x.similarity).slice(0, 6);
  return { sharedTerms, relatedTerms, lexical: round(score.lexical), semantic: round(score.semantic) };
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}
