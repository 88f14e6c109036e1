/**
 * The numbers that decide when an anchor is trusted, in one place so that
 * docs/ANCHORING.md and the tests can point at them. Each one errs towards
 * orphaning: a highlight shown nowhere is a nuisance, a highlight shown on
 * the wrong words is a lie.
 */

/**
 * Characters searched on each side of the expected position before the
 * whole text. An edit near the top shifts every later passage by the same
 * amount; a paragraph inserted or deleted moves them by far less than this,
 * and searching a slice this size costs microseconds where a miss over a
 * 5 MB text costs milliseconds.
 */
export const NEARBY_WINDOW = 4096;

/**
 * Agreeing characters (the quote plus the context that still matches) an
 * exact match needs before it is trusted. A quote of 20 characters or more
 * is trusted on its own; "the" needs 17 characters of its old surroundings.
 * Twenty characters is about three words: text that long rarely recurs by
 * chance in prose, while a three-letter word recurs on every line.
 */
export const MIN_EVIDENCE_CHARS = 20;

/**
 * Share of the stored context that must still agree for a match found near
 * the expected position to be taken without looking at the rest of the
 * text. At 0.75 a 64-character context may have lost about 8 characters to
 * edits; unrelated text agrees at about 0 on this scale (see
 * `contextAgreement`).
 */
export const STRONG_CONTEXT_AGREEMENT = 0.75;

/**
 * Agreement that each stored side of the context (prefix and suffix) must
 * keep for a fuzzy match to be accepted. Requiring both sides, not their
 * sum, is what stops a deleted sentence from jumping to a similar sentence
 * next to it: that neighbour shares the old prefix but never the old suffix.
 */
export const FUZZY_SIDE_AGREEMENT = 0.5;

/**
 * Quotes shorter than this are allowed no edits at all: with one edit,
 * "war" matches "was", "car" and "ear". They are still found after folding
 * (a curly quote straightened, see normalise-text.ts), which changes no
 * letter, and only with their context, like every fuzzy match.
 */
export const MIN_FUZZY_QUOTE_LENGTH = 4;

/** Edits allowed in a fuzzy match, as a share of the quote's length. */
export const FUZZY_ERROR_RATE = 0.2;

/**
 * Upper bound on edits for long quotes: past this a paragraph has been
 * rewritten rather than corrected, and the search cost grows with the bound.
 */
export const MAX_FUZZY_ERRORS = 64;

/**
 * The fuzzy search reports only the best matches of the text it is given,
 * so a near-copy can hide the real passage. Searching in chunks of this
 * size keeps the best match of each chunk instead of one for the whole text.
 */
export const FUZZY_CHUNK_LENGTH = 32_768;

/** The most edits a fuzzy match of a quote of `length` characters may have. */
export function maxFuzzyErrors(length: number): number {
  if (length < MIN_FUZZY_QUOTE_LENGTH) return 0;
  return Math.min(MAX_FUZZY_ERRORS, Math.floor(length * FUZZY_ERROR_RATE));
}
