/**
 * Step b of resolving a passage: the quote is unchanged but may have moved.
 * Looks at the expected place, then near it, then in the whole text, and
 * ranks the occurrences by how much of their old context they keep.
 */
import { NEARBY_WINDOW, STRONG_CONTEXT_AGREEMENT } from './anchoring-thresholds';
import { findExactMatches } from './match-quote';
import type { PreparedText } from './prepared-text';
import { judgeCandidate, overallAgreement, pickBest, type CandidateJudge, type JudgedCandidate } from './rank-candidates';

/** The stored quote and what it is judged by. */
export interface ExactQuery {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly judge: CandidateJudge;
  /** Evidence (see JudgedCandidate) a match needs to be accepted. */
  readonly requiredEvidence: number;
}

/** The match chosen, or how many occurrences were turned down. */
export type ExactOutcome = { found: { start: number; end: number } } | { found: undefined; occurrences: number };

/** Whether the whole stored prefix and suffix surround text[start, end). */
export function hasFullContext(text: string, start: number, end: number, prefix: string, suffix: string): boolean {
  // startsWith clamps a negative position to 0, so the length test must come first.
  return start >= prefix.length && text.startsWith(prefix, start - prefix.length) && text.startsWith(suffix, end);
}

/**
 * Finds the unchanged quote of `query` in the prepared text.
 *
 * Rule: among occurrences with enough evidence (quote plus agreeing
 * context, MIN_EVIDENCE_CHARS), take the one whose context agrees best,
 * then the nearest to the expected position. Two shortcuts give the same
 * answer faster, or a nearby answer that is as well supported:
 * 1. the quote with its full context at the expected position (nothing can
 *    beat it: perfect context, distance 0);
 * 2. an occurrence within NEARBY_WINDOW whose context agrees at least
 *    STRONG_CONTEXT_AGREEMENT. A rival further away could only win with a
 *    context that agrees better still, and taking the near one saves a
 *    scan of the whole text for every anchor after an edit.
 */
export function findExactAnchor(prepared: PreparedText, query: ExactQuery): ExactOutcome {
  const text = prepared.text;
  const { exact, prefix, suffix, judge, requiredEvidence } = query;
  const expected = judge.expected;
  if (text.startsWith(exact, expected) && hasFullContext(text, expected, expected + exact.length, prefix, suffix)) {
    return { found: { start: expected, end: expected + exact.length } };
  }

  const judgeAll = (starts: number[]): JudgedCandidate[] =>
    starts.map((start) => judgeCandidate(text, { start, end: start + exact.length, errors: 0 }, judge)).filter((c) => c.evidence >= requiredEvidence);

  const low = expected - NEARBY_WINDOW;
  const high = expected + exact.length + NEARBY_WINDOW;
  const nearbyStarts = findExactMatches(text, exact, low, high);
  const strong = judgeAll(nearbyStarts).filter((c) => overallAgreement(c, judge) >= STRONG_CONTEXT_AGREEMENT);
  const nearby = pickBest(strong);
  if (nearby) return { found: nearby };

  const coversText = low <= 0 && high >= text.length;
  const allStarts = coversText ? nearbyStarts : prepared.findEverywhere(exact);
  const best = pickBest(judgeAll(allStarts));
  return best ? { found: best } : { found: undefined, occurrences: allStarts.length };
}
