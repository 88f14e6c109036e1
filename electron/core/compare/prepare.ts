/**
 * The per-document half of compare mode: passages with their content terms
 * and word-vector rows. It depends on one text only, so a caller (the worker)
 * caches it per document and reuses it against any other document.
 */
import { contentTokens, type TokenCache } from './normalise';
import { segmentText } from './segment';
import type { PassageRange } from './types';
import type { WordVectors } from './word-vectors';

/** A passage and its distinct content terms. */
export interface PreparedPassage {
  range: PassageRange;
  /** Distinct stems, in order of first appearance. */
  stems: string[];
  /** How often each stem occurs. */
  counts: number[];
  /** Each stem as first written in the passage, for explanations. */
  surfaces: string[];
  /** The word-vector row of each stem's first word that has one, or -1. */
  rows: number[];
}

/** A document made ready for comparison. */
export interface PreparedText {
  passages: PreparedPassage[];
}

/** Segments a text and extracts each passage's terms. */
export function prepareText(text: string, vectors: WordVectors): PreparedText {
  // Normalisation, stemming and the vector look-up are the costly steps; a book repeats its words.
  const caches: PrepareCaches = { tokens: new Map(), rows: new Map() };
  return { passages: segmentText(text).map((range) => preparePassage(range, vectors, caches)) };
}

/** What preparing a text remembers from passage to passage. */
export interface PrepareCaches {
  tokens: TokenCache;
  /** Word-vector row of each folded word. */
  rows: Map<string, number>;
}

/**
 * Extracts the terms of one range, whatever its length: also used for a
 * selection too short to be a sentence ("Baltic guarantees").
 */
export function preparePassage(range: PassageRange, vectors: WordVectors, caches: PrepareCaches = { tokens: new Map(), rows: new Map() }): PreparedPassage {
  const stems: string[] = [];
  const counts: number[] = [];
  const surfaces: string[] = [];
  const rows: number[] = [];
  for (const token of contentTokens(range.quote, caches.tokens)) {
    let row = caches.rows.get(token.word);
    if (row === undefined) {
      row = /\d/.test(token.word) ? -1 : vectors.indexOf(token.word);
      caches.rows.set(token.word, row);
    }
    // A passage has a few dozen terms at most: a linear search beats a Map per passage.
    const index = stems.indexOf(token.stem);
    if (index < 0) {
      stems.push(token.stem);
      counts.push(1);
      surfaces.push(token.surface);
      rows.push(row);
    } else {
      counts[index]! += 1;
      if (rows[index] === -1) rows[index] = row;
    }
  }
  return { range, stems, counts, surfaces, rows };
}

/** A prepared text's terms as flat arrays: the part of the weighting that depends on this text alone. */
export interface TextTerms {
  /** The text's distinct stems, in order of first appearance. */
  stems: string[];
  /** Index of each stem in `stems`. */
  index: Map<string, number>;
  /** Passages that contain each stem. */
  passagesWith: Int32Array;
  /** Passage p's terms are entries `offsets[p]` to `offsets[p + 1]` of the arrays below. */
  offsets: Int32Array;
  /** Each term's index in `stems`. */
  local: Int32Array;
  /** Each term's word-vector row, or -1. */
  rows: Int32Array;
  /** 1 + log(count): the sublinear term frequency. */
  logCounts: Float64Array;
}

// Keyed by the prepared text itself, so a caller that keeps prepared texts (the worker) keeps these too.
const termsCache = new WeakMap<PreparedText, TextTerms>();

/** The flat terms of a prepared text, computed once per text. */
export function termsOf(text: PreparedText): TextTerms {
  const cached = termsCache.get(text);
  if (cached) return cached;
  const offsets = new Int32Array(text.passages.length + 1);
  text.passages.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.stems.length));
  const tokens = offsets[text.passages.length]!;
  const local = new Int32Array(tokens);
  const rows = new Int32Array(tokens);
  const logCounts = new Float64Array(tokens);
  const stems: string[] = [];
  const index = new Map<string, number>();
  const passagesWith: number[] = [];
  let t = 0;
  for (const p of text.passages) {
    for (let k = 0; k < p.stems.length; k++, t++) {
      const stem = p.stems[k]!;
      let id = index.get(stem);
      if (id === undefined) {
        id = stems.length;
        index.set(stem, id);
        stems.push(stem);
        passagesWith.push(0);
      }
      passagesWith[id]! += 1;
      local[t] = id;
      rows[t] = p.rows[k]!;
      logCounts[t] = 1 + Math.log(p.counts[k]!);
    }
  }
  const terms = { stems, index, passagesWith: Int32Array.from(passagesWith), offsets, local, rows, logCounts };
  termsCache.set(text, terms);
  return terms;
}
