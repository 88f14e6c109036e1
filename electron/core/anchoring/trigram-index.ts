/**
 * An index of every three-character sequence (trigram) of a text, built
 * once so that searching the whole text for many quotes does not scan it
 * once per quote. A scan of 5 MB costs about 7 ms exactly and 250 ms
 * fuzzily; through the index, an exact search reads only the positions of
 * the quote's rarest trigram, and a fuzzy search is run only on the few
 * ranges that share enough trigrams with the quote to hold a match.
 *
 * Both searches are lossless: they find every match a full scan would.
 */

const GRAM = 3;
const HASH_BITS = 18;
const BUCKETS = 1 << HASH_BITS;
/** Most trigram hits asked of a range; see candidateRanges. */
const MAX_THRESHOLD = 32;

/** Hash of the trigram at `at`; unrelated trigrams may share a bucket, so callers compare characters. */
function gramHash(text: string, at: number): number {
  return (
    (Math.imul(text.charCodeAt(at), 0x9e3779b1) ^
      Math.imul(text.charCodeAt(at + 1), 0x85ebca77) ^
      Math.imul(text.charCodeAt(at + 2), 0xc2b2ae3d)) >>>
    (32 - HASH_BITS)
  );
}

function sameGram(a: string, at: number, b: string, bt: number): boolean {
  return a.charCodeAt(at) === b.charCodeAt(bt) && a.charCodeAt(at + 1) === b.charCodeAt(bt + 1) && a.charCodeAt(at + 2) === b.charCodeAt(bt + 2);
}

/** A range [from, to) of the indexed text. */
export interface TextRange {
  from: number;
  to: number;
}

/** The trigram positions of one text, grouped by hash bucket, ascending within each bucket. */
export class TrigramIndex {
  readonly text: string;
  readonly #bucketStarts: Int32Array;
  readonly #positions: Int32Array;

  /** Indexes `text`: two passes over it, four bytes per character. */
  constructor(text: string) {
    this.text = text;
    const grams = Math.max(0, text.length - GRAM + 1);
    const starts = new Int32Array(BUCKETS + 1);
    for (let i = 0; i < grams; i++) starts[gramHash(text, i) + 1]! += 1;
    for (let b = 0; b < BUCKETS; b++) starts[b + 1]! += starts[b]!;
    const next = starts.slice(0, BUCKETS);
    const positions = new Int32Array(grams);
    for (let i = 0; i < grams; i++) positions[next[gramHash(text, i)]!++] = i;
    this.#bucketStarts = starts;
    this.#positions = positions;
  }

  /** Indexed positions in the bucket of the trigram source[at, at + 3). */
  #bucketOf(source: string, at: number): Int32Array {
    const h = gramHash(source, at);
    return this.#positions.subarray(this.#bucketStarts[h]!, this.#bucketStarts[h + 1]!);
  }

  /** Starts of every occurrence of `needle` in the text, ascending, overlapping ones included. */
  findExact(needle: string): number[] {
    const text = this.text;
    const starts: number[] = [];
    if (needle.length < GRAM) {
      // Too short to look up; such needles are rare and a native scan is fast enough.
      for (let i = text.indexOf(needle); i !== -1 && needle.length > 0; i = text.indexOf(needle, i + 1)) starts.push(i);
      return starts;
    }
    // Every occurrence contains every trigram of the needle: read the smallest bucket.
    let offset = 0;
    let bucket = this.#bucketOf(needle, 0);
    for (let i = 1; i + GRAM <= needle.length && bucket.length > 0; i++) {
      const other = this.#bucketOf(needle, i);
      if (other.length < bucket.length) {
        offset = i;
        bucket = other;
      }
    }
    for (const position of bucket) {
      const start = position - offset;
      if (start >= 0 && text.startsWith(needle, start)) starts.push(start);
    }
    return starts;
  }

  /**
   * Ranges of the text, disjoint and ascending, that together hold every
   * substring within `maxErrors` edits of `pattern`.
   *
   * A pattern of m characters has m − 2 trigrams and one edit spoils at
   * most three of them, so a substring within k edits keeps at least
   * m − 2 − 3k, each displaced by at most k from where the pattern puts it
   * (the q-gram lemma). Trigram hits are counted per block of diagonals
   * (text position minus pattern offset), and a pair of neighbouring blocks
   * with enough hits becomes a range. The commonest trigrams (" th", "the")
   * cost the most to count and tell the least, so part of that bound is
   * spent on skipping them, each skipped trigram lowering it by one.
   * When the bound is 0 or less nothing can be ruled out and the whole text
   * is returned.
   */
  candidateRanges(pattern: string, maxErrors: number): TextRange[] {
    const text = this.text;
    const m = pattern.length;
    const k = Math.max(0, maxErrors);
    const grams = m - GRAM + 1;
    const bound = grams - GRAM * k;
    if (bound <= 0) return [{ from: 0, to: text.length }];
    const bySize = Array.from({ length: grams }, (_, i) => ({ offset: i, positions: this.#bucketOf(pattern, i) })).sort(
      (a, b) => a.positions.length - b.positions.length,
    );
    // Counting the rarest 3k + t trigrams and asking for t hits keeps the bound
    // (each trigram left out could have been a kept one). t is half the full
    // bound, capped so that a chapter-long quote counts a few hundred trigrams, not all.
    const threshold = Math.min(MAX_THRESHOLD, Math.ceil(bound / 2));
    const counted = grams - bound + threshold;
    // Blocks wider than 2k + 1 diagonals hold one match's hits in two neighbouring blocks.
    const block = Math.max(64, 2 * k + 1);
    const counts = new Int32Array(Math.ceil((text.length + m) / block) + 2);
    for (const { offset, positions } of bySize.slice(0, counted)) {
      for (const position of positions) {
        if (sameGram(text, position, pattern, offset)) counts[Math.floor((position - offset + m) / block)]! += 1;
      }
    }
    const ranges: TextRange[] = [];
    for (let b = 0; b + 1 < counts.length; b++) {
      if (counts[b]! + counts[b + 1]! < threshold) continue;
      // A match is counted in the pair whose first block holds its lowest
      // diagonal (start − k), so it starts at or after b·block − m + k and
      // ends before (b + 1)·block + 2k; the range adds a margin to both.
      const from = Math.max(0, b * block - m - k);
      const to = Math.min(text.length, (b + 2) * block + 2 * k);
      const last = ranges.at(-1);
      if (last && from <= last.to) last.to = Math.max(last.to, to);
      else ranges.push({ from, to });
    }
    return ranges;
  }
}
