/**
 * The per-document half of compare mode: passages with their content terms
 * and word-vector rows. It depends on one text only, so a caller (the worker)
 * caches it per document and reuses it against any other document.
 */
import { contentTokens } from './normalise';
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
  // Stemming and the vector look-up are the costly steps; a book repeats its words.
  const known = new Map<string, { stem: string; row: number }>();
  return { passages: segmentText(text).map((range) => preparePassage(range, vectors, known)) };
}

/**
 * Extracts the terms of one range, whatever its length: also used for a
 * selection too short to be a sentence ("Baltic guarantees").
 */
export function preparePassage(range: PassageRange, vectors: WordVectors, known = new Map<string, { stem: string; row: number }>()): PreparedPassage {
  const stems: string[] = [];
  const counts: number[] = [];
  const surfaces: string[] = [];
  const rows: number[] = [];
  const at = new Map<string, number>();
  for (const token of contentTokens(range.quote)) {
    let info = known.get(token.word);
    if (!info) {
      info = { stem: token.stem, row: /\d/.test(token.word) ? -1 : vectors.indexOf(token.word) };
      known.set(token.word, info);
    }
    const index = at.get(info.stem);
    if (index === undefined) {
      at.set(info.stem, stems.length);
      stems.push(info.stem);
      counts.push(1);
      surfaces.push(token.surface);
      rows.push(info.row);
    } else {
      counts[index]! += 1;
      if (rows[index] === -1) rows[index] = info.row;
    }
  }
  return { range, stems, counts, surfaces, rows };
}
