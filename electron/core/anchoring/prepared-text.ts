/**
 * A document text made ready for anchoring many passages: whatever is
 * computed once for the whole text (the folded copy used by the fuzzy
 * search, its offset map, an index of its trigrams) is kept here and shared
 * by every anchor, and built only when an anchor first needs it.
 */
import { findApproximateMatches, findExactMatches, type QuoteMatch } from './match-quote';
import { normaliseString, normaliseText, type NormalisedText } from './normalise-text';
import { TrigramIndex } from './trigram-index';

/**
 * Whole-text exact searches done by scanning before the index is built.
 * Folding and indexing a text cost about as much as twenty scans, so a few
 * anchors that moved far are scanned for; past that, many more are likely
 * to follow (a document reorganised, or its line endings changed) and the
 * index pays for itself.
 */
const SCANS_BEFORE_INDEX = 8;

/**
 * Every occurrence of `quote` in `text`, found through the index of the
 * folded text: an occurrence of the quote is always an occurrence of the
 * folded quote in the folded text, so none is missed, and each folded hit
 * is checked against the original.
 */
function findThroughFolding(text: string, folded: NormalisedText, index: TrigramIndex, quote: string): number[] {
  const foldedQuote = normaliseString(quote);
  if (foldedQuote.length < 3) return findExactMatches(text, quote);
  // A quote that starts with blanks starts inside a run of blanks, which folds to one space:
  // its own blanks are the last ones of that run.
  const leadingBlanks = quote.length - quote.trimStart().length;
  const starts: number[] = [];
  for (const f of index.findExact(foldedQuote)) {
    const start = leadingBlanks > 0 ? folded.toOriginal(f + 1) - leadingBlanks : folded.toOriginal(f);
    if (start >= 0 && text.startsWith(quote, start)) starts.push(start);
  }
  return starts;
}

/** A text and the work done on it once for all its anchors. */
export class PreparedText {
  /** The document text, exactly as offsets count it. */
  readonly text: string;
  #normalised: NormalisedText | undefined;
  #index: TrigramIndex | undefined;
  #scans = 0;

  constructor(text: string) {
    this.text = text;
  }

  /**
   * The folded text (see normalise-text.ts). Built on first use: most
   * anchors are found at their position or by an exact search nearby, and
   * folding a 5 MB text costs tens of milliseconds that they never need.
   */
  get normalised(): NormalisedText {
    this.#normalised ??= normaliseText(this.text);
    return this.#normalised;
  }

  /** The trigram index of the folded text, built on first use. */
  get foldedIndex(): TrigramIndex {
    this.#index ??= new TrigramIndex(this.normalised.text);
    return this.#index;
  }

  /** Starts of every occurrence of `quote` in the whole text, ascending. */
  findEverywhere(quote: string): number[] {
    if (this.#index === undefined && this.#scans < SCANS_BEFORE_INDEX) {
      this.#scans += 1;
      return findExactMatches(this.text, quote);
    }
    return findThroughFolding(this.text, this.normalised, this.foldedIndex, quote);
  }

  /**
   * Matches of `foldedQuote` (already folded) with at most `maxErrors` edits
   * anywhere in the folded text, in folded offsets. Only the ranges the
   * index cannot rule out are searched, and the best matches of each range
   * are kept (see findApproximateMatches for why not only the best overall).
   */
  findApproximatelyEverywhere(foldedQuote: string, maxErrors: number): QuoteMatch[] {
    const folded = this.normalised.text;
    return this.foldedIndex
      .candidateRanges(foldedQuote, maxErrors)
      .flatMap((range) => findApproximateMatches(folded, foldedQuote, maxErrors, range.from, range.to));
  }
}

/** Prepares `text` for anchoring; pass the result instead of the string to reuse it across calls. */
export function prepareText(text: string): PreparedText {
  return new PreparedText(text);
}
