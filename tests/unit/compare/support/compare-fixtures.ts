/** Shared inputs of the compare tests: the word vectors (made by the global setup) and the gold set. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWordVectorsFile } from '../../../../electron/library/compare/word-vectors-file';
import type { WordVectors } from '../../../../electron/core/compare/word-vectors';
import type { PassageRange } from '../../../../electron/core/compare/types';
import { cachedWordVectorsFile } from '../../../support/compare-engine';
import { repoRoot } from '../../../support/paths';

export { cachedWordVectorsFile };

let vectors: WordVectors | undefined;

/** The word vectors, loaded once per test file. */
export function testVectors(): WordVectors {
  vectors ??= readWordVectorsFile(cachedWordVectorsFile);
  return vectors;
}

/** One corresponding pair of the gold set: exact quotes from each source text. */
export interface GoldPair {
  left: string;
  right: string;
  reason: string;
}

/** The gold correspondences between the two source texts. */
export function goldPairs(): GoldPair[] {
  return (JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/compare/source-texts-gold.json'), 'utf8')) as { pairs: GoldPair[] }).pairs;
}

/** Whether a passage overlaps the first occurrence of a quote in its text. */
export function overlapsQuote(passage: PassageRange, text: string, quote: string): boolean {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`gold quote not found in its text: ${quote}`);
  return passage.start < start + quote.length && start < passage.end;
}

/** Precision and recall of suggested pairs against gold pairs. */
export function precisionRecall(
  matches: Array<{ left: PassageRange; right: PassageRange }>,
  gold: GoldPair[],
  leftText: string,
  rightText: string,
): { precision: number; recall: number; correct: number; found: number } {
  const hits = (m: { left: PassageRange; right: PassageRange }, g: GoldPair) => overlapsQuote(m.left, leftText, g.left) && overlapsQuote(m.right, rightText, g.right);
  const correct = matches.filter((m) => gold.some((g) => hits(m, g))).length;
  const found = gold.filter((g) => matches.some((m) => hits(m, g))).length;
  return { precision: matches.length ? correct / matches.length : 0, recall: gold.length ? found / gold.length : 0, correct, found };
}
