import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../../electron/core/compare/index';
import { readSourceText } from '../../support/paths';
import { goldPairs, precisionRecall, testVectors } from './support/compare-fixtures';

/**
 * Floors just under what the default suggestions measured when they were set
 * (precision 0.67: 8 of 12 suggestions right; recall 0.29: 8 of 28 gold pairs).
 * Raise them when the matching improves; a drop below them is a regression.
 */
const PRECISION_FLOOR = 0.65;
const RECALL_FLOOR = 0.28;

describe('compare quality on the two source texts', () => {
  it('keeps precision and recall of the default suggestions at or above the recorded floors', () => {
    const left = readSourceText('000_f1b498f6176dc71c.txt');
    const right = readSourceText('001_50dbc8cc9f109cf8.txt');
    const gold = goldPairs();
    const outcome = compareTexts(left, right, testVectors());
    const { precision, recall, found } = precisionRecall(outcome.matches, gold, left, right);
    console.log(
      `compare quality on the source texts: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} (${outcome.matches.length} suggestions, ${found} of ${gold.length} gold pairs found)`,
    );
    expect(precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
    expect(recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });
});
