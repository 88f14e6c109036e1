/**
 * Folds away the differences between two versions of a text that a reader
 * would not call edits: runs of blanks and line breaks (CRLF or LF, doubled
 * spaces, a paragraph re-wrapped), curly or straight quote marks, and the
 * many kinds of dash. The fuzzy search works on the folded text, and an
 * offset map brings its matches back to exact offsets in the original.
 *
 * Every fold keeps one character for one character except a run of blanks,
 * which becomes one space. So the map only has to remember, for each run
 * longer than one character, how far the rest of the text moved.
 */

// \s is the set of characters String.prototype.trim removes, line breaks included.
// A run of blanks, or one blank other than a space (a tab, a line break). Single
// spaces are left out of the match: replacing each by itself costs one replacement per word.
const BLANK_RUN = /\s{2,}|[^\S ]/g;
const LONG_BLANK_RUN = /\s{2,}/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/g; // ‘ ’ ‚ ‛ ′
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g; // “ ” „ ‟ ″ « »
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g; // ‐ ‑ ‒ – — ― −

/** Folds `text` without keeping a map; use it for quotes and contexts. */
export function normaliseString(text: string): string {
  return text.replace(BLANK_RUN, ' ').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
}

/** A folded text and the way back to offsets in the text it came from. */
export interface NormalisedText {
  /** The folded text. */
  readonly text: string;
  /**
   * The original offset of folded offset `offset` (0 to text.length). It is
   * the start of the character there and also the end of the one before, so
   * a folded range [s, e) maps to [toOriginal(s), toOriginal(e)); a folded
   * space at either end covers the whole run of blanks it stands for.
   */
  toOriginal(offset: number): number;
  /** The folded offset of the character holding original offset `offset`. */
  toNormalised(offset: number): number;
}

/** Index of the last entry of the ascending `values` that is <= `target`, or -1. */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (values[mid]! <= target) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * Folds `original` (see the module comment) and builds the offset map. Cost:
 * a few native regular-expression passes, about 80 ms for a 5 MB text; the
 * map holds two numbers per run of two or more blanks.
 */
export function normaliseText(original: string): NormalisedText {
  const text = normaliseString(original);
  // From folded offset foldedAt[k] on (up to the next entry), original = folded + shift[k].
  const foldedAt: number[] = [];
  const originalAt: number[] = [];
  const shift: number[] = [];
  let total = 0;
  for (const run of original.matchAll(LONG_BLANK_RUN)) {
    const foldedSpace = run.index - total;
    total += run[0].length - 1;
    foldedAt.push(foldedSpace + 1);
    originalAt.push(run.index + run[0].length);
    shift.push(total);
  }

  return {
    text,
    toOriginal(offset: number): number {
      const k = lastAtOrBefore(foldedAt, offset);
      return offset + (k < 0 ? 0 : shift[k]!);
    },
    toNormalised(offset: number): number {
      const clamped = Math.max(0, Math.min(original.length, offset));
      const k = lastAtOrBefore(originalAt, clamped);
      const folded = clamped - (k < 0 ? 0 : shift[k]!);
      // Offsets inside a run of blanks belong to the one space it became.
      const next = foldedAt[k + 1];
      return next !== undefined && folded >= next ? next - 1 : folded;
    },
  };
}
