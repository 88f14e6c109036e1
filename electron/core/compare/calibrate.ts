/**
 * Calibration: a raw similarity means different things for two texts on one
 * subject (every pair shares "Soviet" and "alliance") and for two unrelated
 * texts. Each raw score is therefore measured against the scores of random,
 * almost surely non-corresponding pairs of the same two documents, in
 * standard deviations, and mapped to 0..1 so one default threshold fits all.
 */
import { scorePair } from './score';
import type { WeightedPassage } from './weighting';
import type { WordVectors } from './word-vectors';
import { seededRandom } from '../seeded-random';

/** Random pairs sampled to estimate the background. */
const SAMPLES = 1200;
/**
 * Background spread never taken below this. Two unrelated texts have a narrow
 * background, and without a floor their few accidental overlaps ("water",
 * "slow") would stand out as far as real correspondences do.
 */
const MIN_SPREAD = 0.05;
/** Standard deviations above the background at which the calibrated score is 0.5. */
const MIDPOINT = 3;
/** Standard deviations for the calibrated score to go from 0.5 to about 0.73. */
const SLOPE = 1;

/** The background distribution of raw scores for one pair of documents. */
export interface Background {
  mean: number;
  spread: number;
}

/** Samples random pairs of passages and returns the mean and spread of their raw scores. */
export function measureBackground(
  left: WeightedPassage[],
  right: WeightedPassage[],
  vectors: WordVectors,
  adjust: (i: number, j: number, raw: number) => number = (_i, _j, raw) => raw,
): Background {
  const random = seededRandom(left.length * 7919 + right.length);
  const scores: number[] = [];
  const all = left.length * right.length;
  if (all === 0) return { mean: 0, spread: MIN_SPREAD };
  // Small documents: every pair; large ones: a sample.
  if (all <= SAMPLES) {
    left.forEach((a, i) => right.forEach((b, j) => scores.push(adjust(i, j, scorePair(a, b, vectors).raw))));
  } else {
    for (let k = 0; k < SAMPLES; k++) {
      const i = Math.floor(random() * left.length);
      const j = Math.floor(random() * right.length);
      scores.push(adjust(i, j, scorePair(left[i]!, right[j]!, vectors).raw));
    }
  }
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
  const variance = scores.reduce((s, x) => s + (x - mean) ** 2, 0) / scores.length;
  return { mean, spread: Math.max(MIN_SPREAD, Math.sqrt(variance)) };
}

/** Maps a raw score to the calibrated 0..1 scale of this document pair. */
export function calibrate(raw: number, background: Background): number {
  const z = (raw - background.mean) / background.spread;
  return 1 / (1 + Math.exp(-(z - MIDPOINT) / SLOPE));
}

/**
 * The calibrated threshold used when the caller gives none: on the source
 * texts it keeps 12 suggestions, 8 of them right (tests/unit/compare/quality.test.ts),
 * and none between either source text and an unrelated one.
 */
export const DEFAULT_THRESHOLD = 0.4;
