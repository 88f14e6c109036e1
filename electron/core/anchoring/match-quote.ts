/**
 * Finds where a quote occurs in a text, exactly or with a few edits. Plain
 * strings in, offsets out: this module knows nothing of selectors, contexts
 * or documents, so the PDF view and the text view can share it.
 */
import search from 'approx-string-match';
import { FUZZY_CHUNK_LENGTH } from './anchoring-thresholds';

/** One place where a quote occurs: text[start, end) with `errors` edits. */
export interface QuoteMatch {
  start: number;
  end: number;
  /** Insertions, deletions and substitutions that turn the quote into text[start, end). */
  errors: number;
}

/**
 * Starts of every occurrence of `quote` lying wholly inside text[from, to),
 * overlapping ones included, in ascending order.
 */
export function findExactMatches(text: string, quote: string, from = 0, to = text.length): number[] {
  const low = Math.max(0, from);
  const high = Math.min(text.length, to);
  if (quote.length === 0 || high - low < quote.length) return [];
  // Searching a slice bounds the cost of a miss: indexOf on the whole text
  // would scan on to the end looking for an occurrence outside the window.
  const haystack = low === 0 && high === text.length ? text : text.slice(low, high);
  const starts: number[] = [];
  for (let i = haystack.indexOf(quote); i !== -1; i = haystack.indexOf(quote, i + 1)) starts.push(low + i);
  return starts;
}

/**
 * Places where `quote` occurs in text[from, to) with at most `maxErrors`
 * edits, in ascending order of start.
 *
 * The underlying search (Myers' bit-parallel algorithm) returns only the
 * matches with the fewest errors in the text it is given, so one close copy
 * would hide every other candidate. The range is therefore searched in
 * overlapping chunks and the best matches of each chunk are kept.
 */
export function findApproximateMatches(text: string, quote: string, maxErrors: number, from = 0, to = text.length): QuoteMatch[] {
  const low = Math.max(0, from);
  const high = Math.min(text.length, to);
  if (quote.length === 0 || high <= low) return [];
  if (maxErrors <= 0) {
    // Do a fast native search for exact matches; the bit-parallel search
    // would scan every character to find the same thing.
    return findExactMatches(text, quote, low, high).map((start) => ({ start, end: start + quote.length, errors: 0 }));
  }
  // A match is at most quote.length + maxErrors long, so chunks overlapping
  // by that much lose no match at a chunk boundary.
  const overlap = quote.length + maxErrors;
  const matches: QuoteMatch[] = [];
  const seen = new Set<string>();
  for (let chunkStart = low; chunkStart < high; chunkStart += FUZZY_CHUNK_LENGTH) {
    const chunkEnd = Math.min(high, chunkStart + FUZZY_CHUNK_LENGTH + overlap);
    for (const m of search(text.slice(chunkStart, chunkEnd), quote, maxErrors)) {
      const start = chunkStart + m.start;
      const end = chunkStart + m.end;
      const key = `${start}:${end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      matches.push({ start, end, errors: m.errors });
    }
    if (chunkEnd === high) break;
  }
  return matches.sort((a, b) => a.start - b.start || a.end - b.end);
}
