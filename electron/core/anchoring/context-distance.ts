/**
 * Measures how well a stored context (the prefix before a quote or the
 * suffix after it) still agrees with the text beside a candidate match.
 *
 * The measure is an edit distance anchored at the candidate: the context is
 * aligned against the text that touches the candidate, and the far end is
 * free, because the text may have gained or lost characters in between. A
 * candidate can have tens of thousands of rivals ("the" in a book), so the
 * distance is computed with Myers' bit-parallel method, one 32-bit word per
 * text character, instead of a table of 32 × 64 cells.
 */

/** Which side of a candidate a context belongs to. */
export type ContextSide = 'before' | 'after';

/** Longest context measured; the stored ones are at most this long too. */
const MAX_CONTEXT_UNITS = 32;

/** A context compiled once and measured against many candidates. */
export interface ContextMeasure {
  /** Code units of context that are measured (at most 32). */
  readonly length: number;
  /**
   * Edit distance between the context and the text beside `at` (ending at
   * `at` for a prefix, starting at `at` for a suffix): 0 when the text there
   * still reads exactly as the context, at most `length`.
   */
  distance(text: string, at: number): number;
}

/**
 * Compiles `context` for one side. Only the 32 code units nearest the quote
 * are kept, which is all a stored context holds; the bit-parallel method
 * needs the pattern to fit one machine word.
 */
export function compileContext(context: string, side: ContextSide): ContextMeasure {
  const kept = side === 'before' ? context.slice(-MAX_CONTEXT_UNITS) : context.slice(0, MAX_CONTEXT_UNITS);
  const length = kept.length;
  const lastRow = 1 << (length - 1);
  const step = side === 'before' ? -1 : 1;
  // Bit i of a mask is set when the i-th context character, counted outwards
  // from the quote, is that character. Built on the first measure: most
  // passages are found where expected and never measure their context.
  let ascii: Int32Array | undefined;
  const other = new Map<number, number>();
  const masks = (): Int32Array => {
    if (ascii) return ascii;
    ascii = new Int32Array(128);
    for (let i = 0; i < length; i++) {
      const code = kept.charCodeAt(side === 'before' ? length - 1 - i : i);
      if (code < 128) ascii[code]! |= 1 << i;
      else other.set(code, (other.get(code) ?? 0) | (1 << i));
    }
    return ascii;
  };

  return {
    length,
    distance(text: string, at: number): number {
      if (length === 0) return 0;
      const table = masks();
      // Column 0 of the edit table: aligning i context characters with no text costs i.
      let plusV = -1;
      let minusV = 0;
      let score = length;
      let best = length;
      // Past 2 × length text characters the distance only grows.
      const reach = 2 * length;
      let position = side === 'before' ? at - 1 : at;
      for (let j = 0; j < reach && position >= 0 && position < text.length; j++, position += step) {
        const code = text.charCodeAt(position);
        const equal = code < 128 ? table[code]! : (other.get(code) ?? 0);
        const crossV = equal | minusV;
        const crossH = (((equal & plusV) + plusV) ^ plusV) | equal;
        let plusH = minusV | ~(crossH | plusV);
        let minusH = plusV & crossH;
        if (plusH & lastRow) score += 1;
        else if (minusH & lastRow) score -= 1;
        // Shifting in a 1 makes row 0 cost j: the context must start touching the quote.
        plusH = (plusH << 1) | 1;
        minusH <<= 1;
        plusV = minusH | ~(crossV | plusH);
        minusV = plusH & crossV;
        if (score < best) {
          best = score;
          if (best === 0) break;
        }
      }
      return best;
    },
  };
}

/**
 * How much of a context survives, from 1 (unchanged) to 0. A distance of
 * half the context's length or more scores 0: unrelated English text
 * already lies about 60% of its length away, so the scale starts above
 * chance instead of crediting every candidate with a little agreement.
 */
export function contextAgreement(distance: number, length: number): number {
  if (length === 0) return 1;
  return Math.max(0, 1 - (2 * distance) / length);
}

/** Characters of a context that still agree: its length scaled by its agreement. */
export function agreeingCharacters(distance: number, length: number): number {
  return Math.max(0, length - 2 * distance);
}
