/**
 * The *describe* verb: turns a passage of a document's text into the two
 * W3C selectors Diptych stores, so that the passage can be found again
 * after the text changes (see resolve-passage.ts for the *anchor* verb).
 */
import {
  QUOTE_CONTEXT_LENGTH,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../../api/annotation-schema';
import { splitsSurrogatePair } from './surrogates';

/** The selectors of one passage, in the order a passage target stores them. */
export type PassageSelectors = readonly [TextQuoteSelector, TextPositionSelector];

/** Message of the error thrown for a passage of blanks only. */
export const BLANK_PASSAGE_MESSAGE = 'A passage must contain some text, not only spaces.';

function checkPassage(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`A passage's offsets must be whole numbers (got start ${start}, end ${end}).`);
  }
  if (start >= end) {
    throw new RangeError(`A passage must end after it starts (got start ${start}, end ${end}).`);
  }
  if (start < 0 || end > text.length) {
    throw new RangeError(`A passage must lie inside the text, 0 to ${text.length} (got start ${start}, end ${end}).`);
  }
  // A lone half of an emoji would be stored as an invalid character, and no
  // selection made by a reader can produce one.
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new RangeError(`A passage cannot start or end inside a character (offset ${splitsSurrogatePair(text, start) ? start : end}).`);
  }
  // trim() removes exactly the characters that \s matches, line breaks included.
  if (text.slice(start, end).trim() === '') throw new RangeError(BLANK_PASSAGE_MESSAGE);
}

/**
 * Describes text[start, end) as a quote selector (the passage with up to
 * QUOTE_CONTEXT_LENGTH characters of context on each side) and a position
 * selector (its offsets in UTF-16 code units).
 *
 * The context is shortened by one code unit where its outer edge would cut
 * an emoji in half, so a stored prefix or suffix is always valid text.
 *
 * @throws RangeError when the offsets are not whole numbers, when
 *   start >= end, when the passage lies outside the text, when an end cuts
 *   a character in half, or when the passage holds only blanks.
 */
export function describePassage(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  checkPassage(text, start, end);
  let prefixStart = Math.max(0, start - QUOTE_CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + QUOTE_CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}
