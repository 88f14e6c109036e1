/**
 * Offsets in Diptych count UTF-16 code units, so an emoji takes two. These
 * helpers keep a boundary from falling between the two halves of one
 * character, which would leave a lone surrogate in a stored quote.
 */

/** Whether the code unit at `index` is the first half of a surrogate pair. */
export function isHighSurrogate(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return c >= 0xd800 && c <= 0xdbff;
}

/** Whether the code unit at `index` is the second half of a surrogate pair. */
export function isLowSurrogate(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Whether `offset` falls between the two halves of one character. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text, offset - 1) && isLowSurrogate(text, offset);
}

/** Widens [start, end) so that neither end splits a character. */
export function widenToWholeCharacters(text: string, start: number, end: number): { start: number; end: number } {
  return {
    start: splitsSurrogatePair(text, start) ? start - 1 : start,
    end: splitsSurrogatePair(text, end) ? end + 1 : end,
  };
}
