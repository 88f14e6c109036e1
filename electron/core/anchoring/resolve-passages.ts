/**
 * Resolves every passage of a document at once, the way a document is
 * opened: the text is prepared once (its folded copy is built at most once
 * and shared), and each passage is searched first where its neighbours
 * say it should be.
 */
import type { PassageSelectors } from './describe-passage';
import { isOrphaned, type PassageResolution } from './passage-resolution';
import { PreparedText } from './prepared-text';
import { resolvePassage } from './resolve-passage';

/**
 * Resolves each entry of `selectorsList` in `text`; the results are in the
 * same order as the list.
 *
 * Passages are taken in order of their stored start, and each is expected
 * to have moved as far as the last one found before it (its
 * `expectedShift`). An insertion near the top moves every later passage by
 * the same amount, so each is then found at the first place looked at,
 * with its full context, in a few microseconds. The result for one passage
 * equals resolvePassage with that expected shift; the shift only decides
 * ties between equally good candidates and where to look first.
 */
export function resolvePassages(text: string | PreparedText, selectorsList: readonly PassageSelectors[]): PassageResolution[] {
  const prepared = typeof text === 'string' ? new PreparedText(text) : text;
  const storedStart = (i: number): number => {
    const start = selectorsList[i]![1].start;
    return Number.isFinite(start) ? start : 0;
  };
  const order = selectorsList.map((_, i) => i).sort((a, b) => storedStart(a) - storedStart(b) || a - b);
  const results = new Array<PassageResolution>(selectorsList.length);
  let shift = 0;
  for (const i of order) {
    const result = resolvePassage(prepared, selectorsList[i]!, { expectedShift: shift });
    results[i] = result;
    if (!isOrphaned(result)) shift = result.start - storedStart(i);
  }
  return results;
}
