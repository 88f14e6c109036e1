/**
 * Compare mode's matching: which passages of two texts speak of the same
 * thing. Pure TypeScript (no DOM, no Node), run by the compare worker.
 * See docs/COMPARE.md for how the pieces fit.
 */
import { calibrate, DEFAULT_THRESHOLD, measureBackground } from './calibrate';
import { candidatePairs } from './candidates';
import { preparePassage, prepareText, type PreparedText } from './prepare';
import { explainPair, scorePair, type PairScore } from './score';
import type { CompareOptions, CompareOutcome, PassageMatch, RelatedPassage } from './types';
import { weighPair } from './weighting';
import type { WordVectors } from './word-vectors';

export { prepareText, type PreparedText } from './prepare';
export { DEFAULT_THRESHOLD } from './calibrate';
export type { WordVectors } from './word-vectors';

/** Matches returned when the caller sets no limit. */
export const DEFAULT_LIMIT = 500;
/** Words that must find a counterpart before two passages are said to correspond. */
const MIN_EVIDENCE = 2;
/** Suggestions a single passage may take part in. */
const MAX_PER_PASSAGE = 3;
/** Neighbours whose mean score measures how much a passage resembles everything ("hubness"). */
const HUB_NEIGHBOURS = 5;

/**
 * Each passage's mean score with its closest few partners. Some passages (long,
 * full of the story's common words) score well with everything; subtracting
 * this from both sides (cross-domain similarity local scaling, as used for
 * word translation) lets a pair stand out only if it stands out for both.
 */
function measureHubness(scored: ReadonlyArray<{ i: number; j: number; score: PairScore }>, nL: number, nR: number): { left: Float32Array; right: Float32Array } {
  const tops = (count: number) => Array.from({ length: count }, () => [] as number[]);
  const byLeft = tops(nL);
  const byRight = tops(nR);
  for (const { i, j, score } of scored) {
    byLeft[i]!.push(score.raw);
    byRight[j]!.push(score.raw);
  }
  const mean = (values: number[]) => {
    if (values.length === 0) return 0;
    const best = values.sort((a, b) => b - a).slice(0, HUB_NEIGHBOURS);
    return best.reduce((sum, x) => sum + x, 0) / best.length;
  };
  return { left: Float32Array.from(byLeft, mean), right: Float32Array.from(byRight, mean) };
}

/** Suggested correspondences between two texts; ranges refer to each text. */
export function compareTexts(left: string, right: string, vectors: WordVectors, options?: CompareOptions): CompareOutcome {
  return comparePrepared(prepareText(left, vectors), prepareText(right, vectors), vectors, options);
}

/** `compareTexts` for texts already prepared (the worker caches preparation per document). */
export function comparePrepared(left: PreparedText, right: PreparedText, vectors: WordVectors, options: CompareOptions = {}): CompareOutcome {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const limit = options.limit ?? DEFAULT_LIMIT;
  const outcome = { leftPassages: left.passages.length, rightPassages: right.passages.length, threshold };
  if (left.passages.length === 0 || right.passages.length === 0 || limit <= 0) return { matches: [], ...outcome };

  const pair = weighPair(left, right, vectors);
  const nL = pair.left.length;
  const nR = pair.right.length;
  const scored = candidatePairs(pair).map((key) => {
    const i = Math.floor(key / nR);
    const j = key - i * nR;
    return { i, j, score: scorePair(pair.left[i]!, pair.right[j]!, vectors) };
  });
  const hubness = measureHubness(scored, nL, nR);
  const adjust = (i: number, j: number, raw: number) => 2 * raw - hubness.left[i]! - hubness.right[j]!;
  const background = measureBackground(pair.left, pair.right, vectors, adjust);
  const strongest = scored
    .map((s) => ({ ...s, calibrated: calibrate(adjust(s.i, s.j, s.score.raw), background) }))
    .filter((s) => s.calibrated >= threshold && s.score.evidence >= MIN_EVIDENCE)
    .sort((a, b) => b.calibrated - a.calibrated || a.i - b.i || a.j - b.j);
  // A passage in many suggestions is more likely a hub than a passage that says many things.
  const uses = { left: new Uint16Array(nL), right: new Uint16Array(nR) };
  const kept: typeof strongest = [];
  for (const s of strongest) {
    if (kept.length === limit) break;
    if (uses.left[s.i]! >= MAX_PER_PASSAGE || uses.right[s.j]! >= MAX_PER_PASSAGE) continue;
    uses.left[s.i]! += 1;
    uses.right[s.j]! += 1;
    kept.push(s);
  }

  const matches = kept.map(({ i, j, score, calibrated }): PassageMatch => ({
    left: pair.left[i]!.source.range,
    right: pair.right[j]!.source.range,
    score: roundScore(calibrated),
    ...explainPair(pair.left[i]!, pair.right[j]!, vectors, score),
  }));
  return { matches, ...outcome };
}

/** Passages of `other` that speak of what `queryText` says, most related first. */
export function findRelatedPassages(queryText: string, other: string, vectors: WordVectors, options?: { limit?: number }): RelatedPassage[] {
  return findRelatedPrepared(queryText, prepareText(other, vectors), vectors, options);
}

/** `findRelatedPassages` against an already prepared text. */
export function findRelatedPrepared(queryText: string, other: PreparedText, vectors: WordVectors, options: { limit?: number } = {}): RelatedPassage[] {
  const limit = options.limit ?? 10;
  const query = prepareQuery(queryText, vectors);
  if (query.passages.length === 0 || other.passages.length === 0 || limit <= 0) return [];
  const pair = weighPair(query, other, vectors);
  const background = measureBackground(pair.left, pair.right, vectors);
  // A selection of several sentences is related to a passage by its best sentence.
  const best = pair.right.map((passage) => {
    let top: { score: PairScore; q: number } = { score: { raw: 0, lexical: 0, semantic: 0, evidence: 0 }, q: 0 };
    pair.left.forEach((q, index) => {
      const score = scorePair(q, passage, vectors);
      if (score.raw > top.score.raw) top = { score, q: index };
    });
    return { passage, ...top };
  });
  return best
    .filter((b) => b.score.raw > background.mean)
    .sort((a, b) => b.score.raw - a.score.raw || a.passage.source.range.start - b.passage.source.range.start)
    .slice(0, limit)
    .map((b) => ({
      passage: b.passage.source.range,
      score: roundScore(calibrate(b.score.raw, background)),
      ...explainPair(pair.left[b.q]!, b.passage, vectors, b.score),
    }));
}

/** A selection is one passage however short; a long one is segmented like any text. */
function prepareQuery(queryText: string, vectors: WordVectors): PreparedText {
  const segmented = prepareText(queryText, vectors);
  if (segmented.passages.length > 0) return segmented;
  const start = queryText.search(/\S/);
  if (start < 0) return segmented;
  const end = queryText.trimEnd().length;
  const passage = preparePassage({ start, end, quote: queryText.slice(start, end) }, vectors);
  return { passages: passage.stems.length > 0 ? [passage] : [] };
}

function roundScore(x: number): number {
  return Math.round(x * 1000) / 1000;
}
