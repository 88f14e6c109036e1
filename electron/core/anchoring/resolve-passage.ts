/**
 * The *anchor* verb: finds a described passage in the current text of its
 * document, or says why it cannot. Order of resolution:
 *
 * a. position — the quote still reads exactly at the stored offsets
 *    (a quote under MIN_EVIDENCE_CHARS must also keep some of its context
 *    there, since "the" lands on some other "the" after an edit by chance);
 * b. exact — the unchanged quote elsewhere, ranked by context, then by
 *    nearness (find-exact-anchor.ts);
 * c. fuzzy — the quote with small edits in the folded text, both sides of
 *    its context recognisable (find-fuzzy-anchor.ts);
 * d. orphaned, with the reason.
 */
import { MIN_EVIDENCE_CHARS } from './anchoring-thresholds';
import { compileContext } from './context-distance';
import type { PassageSelectors } from './describe-passage';
import { findExactAnchor, type ExactOutcome } from './find-exact-anchor';
import { findFuzzyAnchor, type FuzzyOutcome } from './find-fuzzy-anchor';
import { ORPHAN_REASONS, type PassageResolution, type ResolveOptions } from './passage-resolution';
import { PreparedText } from './prepared-text';
import { judgeCandidate, type CandidateJudge } from './rank-candidates';

function orphan(reason: string): PassageResolution {
  return { orphaned: true, reason };
}

/** Whether the stored offsets are usable and the quote still reads exactly there. */
function quoteAtStoredPosition(text: string, exact: string, start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end - start === exact.length && text.startsWith(exact, start);
}

function reasonFor(exact: ExactOutcome, fuzzy: FuzzyOutcome): string {
  if (exact.found === undefined && exact.occurrences > 1) return ORPHAN_REASONS.ambiguous(exact.occurrences);
  if (exact.found === undefined && exact.occurrences === 1) return ORPHAN_REASONS.contextLost;
  if (fuzzy.found === undefined && fuzzy.rejected > 0) return ORPHAN_REASONS.onlySimilar;
  return ORPHAN_REASONS.notFound;
}

/**
 * Finds the passage described by `selectors` (a quote selector and a
 * position selector, as describePassage makes them) in `text`.
 *
 * Returns its offsets in `text` and the method that found it, or an orphan
 * with a reason. Never throws on selectors that no longer fit the text: an
 * unusable position is skipped and the quote is searched for.
 *
 * Pass a PreparedText (prepareText) instead of the string when resolving
 * several passages in the same text one call at a time; resolvePassages
 * does this for a whole list.
 */
export function resolvePassage(text: string | PreparedText, selectors: PassageSelectors, options: ResolveOptions = {}): PassageResolution {
  const prepared = typeof text === 'string' ? new PreparedText(text) : text;
  const source = prepared.text;
  const [quote, position] = selectors;
  const { exact, prefix, suffix } = quote;
  if (exact.length === 0) return orphan(ORPHAN_REASONS.emptyQuote);
  if (exact.trim() === '') return orphan(ORPHAN_REASONS.blankQuote);

  const storedStart = Number.isFinite(position.start) ? position.start : 0;
  const expected = Math.max(0, Math.min(source.length, storedStart + (options.expectedShift ?? 0)));
  const judge: CandidateJudge = {
    before: compileContext(prefix, 'before'),
    after: compileContext(suffix, 'after'),
    quoteLength: exact.length,
    expected,
  };
  // Never ask for more evidence than was stored: a passage that is a whole
  // short document has no context to agree with.
  const requiredEvidence = Math.min(MIN_EVIDENCE_CHARS, exact.length + judge.before.length + judge.after.length);

  if (quoteAtStoredPosition(source, exact, position.start, position.end)) {
    const here = { start: position.start, end: position.end, errors: 0 };
    if (exact.length >= MIN_EVIDENCE_CHARS || judgeCandidate(source, here, judge).evidence >= requiredEvidence) {
      return { start: here.start, end: here.end, method: 'position' };
    }
  }

  const exactOutcome = findExactAnchor(prepared, { exact, prefix, suffix, judge, requiredEvidence });
  if (exactOutcome.found) return { start: exactOutcome.found.start, end: exactOutcome.found.end, method: 'exact' };

  const fuzzyOutcome = findFuzzyAnchor(prepared, { exact, prefix, suffix, expected });
  if (fuzzyOutcome.found) return { ...fuzzyOutcome.found, method: 'fuzzy' };
  return orphan(reasonFor(exactOutcome, fuzzyOutcome));
}
