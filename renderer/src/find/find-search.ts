/**
 * Finding a query in a document: the document folded once (kept for the
 * few texts in use), the query folded the same way, then a plain indexOf
 * scan over the folded text, in slices that leave the event loop free, so
 * typing in the find bar never waits for a 5 MB text.
 */
import { FindMatches } from '../reader/find-highlights';
import { foldQuery, foldText, originalRange, SearchCancelled, yieldToEventLoop, type FoldedText } from './fold-text';

/** Matches listed at most; the count then reads "100,000+". */
export const MAX_MATCHES = 100_000;

/** Milliseconds of scanning between two turns of the event loop. */
const SLICE_MS = 8;

/** Folded texts kept: the two panes' documents. */
const MAX_FOLDED = 2;
const folds = new Map<string, Promise<FoldedText>>();

/** The folded form of `text`, folded once and shared by every search in it. */
export function foldedTextFor(text: string): Promise<FoldedText> {
  const cached = folds.get(text);
  if (cached) {
    folds.delete(text);
    folds.set(text, cached);
    return cached;
  }
  const folding = foldText(text);
  folds.set(text, folding);
  folding.catch(() => folds.delete(text));
  while (folds.size > MAX_FOLDED) {
    const oldest = folds.keys().next().value;
    if (oldest === undefined) break;
    folds.delete(oldest);
  }
  return folding;
}

const NO_MATCHES = new FindMatches(new Int32Array(0), new Int32Array(0));

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Every match of `query` in a folded text, non-overlapping, in order. Rejects with SearchCancelled when `signal` aborts. */
export async function searchFolded(text: FoldedText, query: string, signal?: AbortSignal, limit: number = MAX_MATCHES): Promise<FindMatches> {
  const needle = foldQuery(query);
  // A query of spaces alone would light up every gap between words.
  if (needle.trim().length === 0) return NO_MATCHES;
  const haystack = text.folded;
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let count = 0;
  let truncated = false;
  let sliceStart = now();
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    if (count === limit) {
      truncated = true;
      break;
    }
    const range = originalRange(text, at, at + needle.length);
    // Folding can make two matches meet inside one original character; keep them apart.
    if (count > 0 && range.start < ends[count - 1]!) continue;
    if (count === starts.length) {
      const grownStarts = new Int32Array(count * 2);
      const grownEnds = new Int32Array(count * 2);
      grownStarts.set(starts);
      grownEnds.set(ends);
      starts = grownStarts;
      ends = grownEnds;
    }
    starts[count] = range.start;
    ends[count] = range.end;
    count++;
    if ((count & 255) === 0 && now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      if (signal?.aborted) throw new SearchCancelled();
      sliceStart = now();
    }
  }
  return new FindMatches(starts.slice(0, count), ends.slice(0, count), truncated);
}

/** Folds `text` (once) and finds `query` in it. */
export async function searchText(text: string, query: string, signal?: AbortSignal): Promise<FindMatches> {
  const folded = await foldedTextFor(text);
  if (signal?.aborted) throw new SearchCancelled();
  return searchFolded(folded, query, signal);
}

/** Forgets every folded text (tests). */
export function clearFoldedTexts(): void {
  folds.clear();
}
