/**
 * What resolving a passage gives back: where the passage is now and how it
 * was found, or why it could not be placed.
 */

/**
 * How a passage was found:
 * - `position`: still at its stored offsets, quote unchanged;
 * - `exact`: the unchanged quote, found elsewhere (the text moved);
 * - `fuzzy`: the quote with small edits, or only its blanks, quote marks
 *   or dashes changed.
 */
export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

/** A passage found in the current text: text.slice(start, end) is it. */
export interface AnchoredPassage {
  start: number;
  end: number;
  method: AnchorMethod;
}

/**
 * A passage that could not be placed with confidence. It is kept, with its
 * stored quote, for the reader to see and re-attach; it is never moved to
 * a place that merely resembles it.
 */
export interface OrphanedPassage {
  orphaned: true;
  /** Why, in words a reader can be shown. */
  reason: string;
}

/** The outcome of resolving one passage. */
export type PassageResolution = AnchoredPassage | OrphanedPassage;

/** Options for resolving a passage. */
export interface ResolveOptions {
  /**
   * How far the text before the passage is believed to have moved, in code
   * units (the shift of a neighbouring passage). Where the passage is
   * expected to be now is its stored start plus this; nearness to that
   * place breaks ties between equally good candidates and is searched
   * first. Default 0.
   */
  expectedShift?: number;
}

/** Whether `resolution` is an orphan. */
export function isOrphaned(resolution: PassageResolution): resolution is OrphanedPassage {
  return 'orphaned' in resolution;
}

/** The reasons given for orphans, so callers and tests need not repeat the wording. */
export const ORPHAN_REASONS = {
  emptyQuote: 'the quote is empty',
  blankQuote: 'the quote holds only blanks, which cannot be found again',
  notFound: 'the passage was not found',
  ambiguous: (occurrences: number): string =>
    `the quote occurs ${occurrences} times, but none of them keeps enough of its surrounding text to tell which is the passage`,
  contextLost: 'the quote was found, but not its surrounding text, and it is too short to be trusted on its own',
  onlySimilar: 'text resembling the passage was found, but not with its surrounding text, so it was not attached',
} as const;
