/**
 * Judges the places where a quote was found against what was stored with
 * it (its context and where it used to be) and picks one. The same judge
 * serves the exact search on the text and the fuzzy search on the folded
 * text; it only needs the text the candidates' offsets refer to.
 */
import { agreeingCharacters, contextAgreement, type ContextMeasure } from './context-distance';

/** A place where the quote was found, in the offsets of the text searched. */
export interface Candidate {
  start: number;
  end: number;
  /** Edits between the quote and text[start, end); 0 for an exact match. */
  errors: number;
}

/** What a candidate is judged against. */
export interface CandidateJudge {
  /** The stored prefix, compiled. */
  readonly before: ContextMeasure;
  /** The stored suffix, compiled. */
  readonly after: ContextMeasure;
  /** Length of the quote searched for. */
  readonly quoteLength: number;
  /** Where the passage is expected to start, in the same offsets as the candidates. */
  readonly expected: number;
}

/** A candidate with the measures that decide between it and its rivals. */
export interface JudgedCandidate extends Candidate {
  /** Edit distance of the stored prefix from the text before the candidate. */
  prefixDistance: number;
  /** Edit distance of the stored suffix from the text after the candidate. */
  suffixDistance: number;
  /** Lower is better: errors in the quote plus disagreement of the context. */
  cost: number;
  /** Characters of quote and context that agree: how much text vouches for this place. */
  evidence: number;
  /** Distance in code units from the expected start. */
  distance: number;
}

/**
 * Context disagreement counted in a cost. It is capped at half the context,
 * where agreement reaches 0: past that the context is simply gone, and
 * candidates without context should tie so that nearness decides, instead
 * of being ordered by chance resemblances of unrelated text.
 */
function cappedDistance(distance: number, length: number): number {
  return Math.min(distance, Math.ceil(length / 2));
}

/** Measures `candidate` in `text` against `judge`. */
export function judgeCandidate(text: string, candidate: Candidate, judge: CandidateJudge): JudgedCandidate {
  const { before, after } = judge;
  const prefixDistance = before.distance(text, candidate.start);
  const suffixDistance = after.distance(text, candidate.end);
  return {
    ...candidate,
    prefixDistance,
    suffixDistance,
    cost: candidate.errors + cappedDistance(prefixDistance, before.length) + cappedDistance(suffixDistance, after.length),
    evidence:
      Math.max(0, judge.quoteLength - candidate.errors) +
      agreeingCharacters(prefixDistance, before.length) +
      agreeingCharacters(suffixDistance, after.length),
    distance: Math.abs(candidate.start - judge.expected),
  };
}

/**
 * Agreement of the whole stored context (prefix and suffix together) with
 * the text around `candidate`, from 0 to 1; 1 when nothing was stored.
 */
export function overallAgreement(candidate: JudgedCandidate, judge: CandidateJudge): number {
  const length = judge.before.length + judge.after.length;
  if (length === 0) return 1;
  const agreeing =
    agreeingCharacters(candidate.prefixDistance, judge.before.length) + agreeingCharacters(candidate.suffixDistance, judge.after.length);
  return agreeing / length;
}

/** Agreement of the worse of the two sides of the context; a side with nothing stored agrees fully. */
export function weakerSideAgreement(candidate: JudgedCandidate, judge: CandidateJudge): number {
  return Math.min(
    contextAgreement(candidate.prefixDistance, judge.before.length),
    contextAgreement(candidate.suffixDistance, judge.after.length),
  );
}

/**
 * The best candidate: the lowest cost, then the nearest to the expected
 * position, then the first in the text (so the choice never depends on
 * the order candidates were found in). Undefined when there are none.
 */
export function pickBest(candidates: readonly JudgedCandidate[]): JudgedCandidate | undefined {
  let best: JudgedCandidate | undefined;
  for (const c of candidates) {
    if (
      best === undefined ||
      c.cost < best.cost ||
      (c.cost === best.cost && (c.distance < best.distance || (c.distance === best.distance && c.start < best.start)))
    ) {
      best = c;
    }
  }
  return best;
}
