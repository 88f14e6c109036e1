/**
 * Step c of resolving a passage: the quote itself changed a little (a typo
 * fixed, a word replaced, curly quotes straightened, line endings or
 * spacing changed). Searches the folded text for the folded quote with a
 * bounded number of edits, and accepts a match only where both sides of the
 * old context are still recognisable, so that a deleted or rewritten
 * passage is orphaned rather than moved to a sentence that resembles it.
 */
import { FUZZY_SIDE_AGREEMENT, MIN_EVIDENCE_CHARS, NEARBY_WINDOW, maxFuzzyErrors } from './anchoring-thresholds';
import { compileContext } from './context-distance';
import { findApproximateMatches, type QuoteMatch } from './match-quote';
import { normaliseString } from './normalise-text';
import type { PreparedText } from './prepared-text';
import { judgeCandidate, pickBest, weakerSideAgreement, type CandidateJudge, type JudgedCandidate } from './rank-candidates';
import { widenToWholeCharacters } from './surrogates';

/** The stored quote selector's text and where the passage is expected (original offsets). */
export interface FuzzyQuery {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly expected: number;
}

/** The range found (original offsets), or how many similar places were turned down for want of their context. */
export type FuzzyOutcome = { found: { start: number; end: number } } | { found: undefined; rejected: number };

/** Shrinks [start, end) past blanks at an edge where the quote itself has none. */
function trimToQuote(text: string, start: number, end: number, quote: string): { start: number; end: number } {
  let s = start;
  let e = end;
  if (quote.trimStart() === quote) while (s < e && text[s]!.trim() === '') s++;
  if (quote.trimEnd() === quote) while (e > s && text[e - 1]!.trim() === '') e--;
  return s < e ? { start: s, end: e } : { start, end };
}

/** Finds a lightly edited version of the quote of `query` in `prepared`. */
export function findFuzzyAnchor(prepared: PreparedText, query: FuzzyQuery): FuzzyOutcome {
  const quote = normaliseString(query.exact);
  const folded = prepared.normalised;
  const maxErrors = maxFuzzyErrors(quote.length);
  const judge: CandidateJudge = {
    before: compileContext(normaliseString(query.prefix), 'before'),
    after: compileContext(normaliseString(query.suffix), 'after'),
    quoteLength: quote.length,
    expected: folded.toNormalised(query.expected),
  };
  // As for exact matches (resolve-passage.ts), counted in folded characters.
  const requiredEvidence = Math.min(MIN_EVIDENCE_CHARS, quote.length + judge.before.length + judge.after.length);
  let rejected = 0;
  const bestOf = (matches: QuoteMatch[]): JudgedCandidate | undefined => {
    const judged = matches.map((m) => judgeCandidate(folded.text, m, judge));
    const accepted = judged.filter((c) => weakerSideAgreement(c, judge) >= FUZZY_SIDE_AGREEMENT && c.evidence >= requiredEvidence);
    rejected += judged.length - accepted.length;
    return pickBest(accepted);
  };

  // Near the expected place first: the search is cheap there, and a passage
  // that was edited has usually not moved far.
  const low = judge.expected - NEARBY_WINDOW;
  const high = judge.expected + quote.length + maxErrors + NEARBY_WINDOW;
  let best = bestOf(findApproximateMatches(folded.text, quote, maxErrors, low, high));
  if (!best && (low > 0 || high < folded.text.length)) {
    rejected = 0;
    best = bestOf(prepared.findApproximatelyEverywhere(quote, maxErrors));
  }
  if (!best) return { found: undefined, rejected };

  const text = prepared.text;
  const mapped = trimToQuote(text, folded.toOriginal(best.start), folded.toOriginal(best.end), query.exact);
  return { found: widenToWholeCharacters(text, mapped.start, mapped.end) };
}
