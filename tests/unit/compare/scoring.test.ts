import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTexts, DEFAULT_THRESHOLD, findRelatedPassages } from '../../../electron/core/compare/index';
import { preparePassage } from '../../../electron/core/compare/prepare';
import { explainPair, scorePair } from '../../../electron/core/compare/score';
import { weighPair } from '../../../electron/core/compare/weighting';
import { readSourceText, repoRoot } from '../../support/paths';
import { testVectors } from './support/compare-fixtures';

const vectors = testVectors();
const left = readSourceText('000_f1b498f6176dc71c.txt');
const right = readSourceText('001_50dbc8cc9f109cf8.txt');
const unrelated = readFileSync(join(repoRoot, 'tests/fixtures/compare/unrelated-sourdough.txt'), 'utf8');

/** Scores two one-passage texts weighed against each other. */
function score(a: string, b: string) {
  const prepared = (text: string) => ({ passages: [preparePassage({ start: 0, end: text.length, quote: text }, vectors)] });
  const pair = weighPair(prepared(a), prepared(b), vectors);
  const s = scorePair(pair.left[0]!, pair.right[0]!, vectors);
  return { ...s, ...explainPair(pair.left[0]!, pair.right[0]!, vectors, s) };
}

describe('scoring a pair of passages', () => {
  const paraphrase = score('the British had sent a junior representative who had no powers', 'it sends second-rank diplomats to Moscow');
  const unrelatedPair = score('the British had sent a junior representative who had no powers', 'fold the dough every thirty minutes');

  it('scores a paraphrase above an unrelated pair', () => {
    expect(paraphrase.semantic).toBeGreaterThan(unrelatedPair.semantic * 3);
    expect(paraphrase.raw).toBeGreaterThan(unrelatedPair.raw);
  });

  it('explains a paraphrase by related words, not shared ones', () => {
    expect(paraphrase.sharedTerms).toEqual([]);
    const related = paraphrase.relatedTerms.map((r) => `${r.left}~${r.right}`);
    expect(related).toContain('sent~sends');
    expect(related.some((r) => r.startsWith('representative~') || r.startsWith('junior~'))).toBe(true);
    for (const r of paraphrase.relatedTerms) expect(r.similarity).toBeGreaterThan(0.4);
  });

  it('lists shared words as written on the left, the least common first', () => {
    const s = score('Chamberlain confessed the most profound distrust of Russia', 'Chamberlain deeply distrusted communism');
    expect(s.sharedTerms).toEqual(['distrust', 'Chamberlain']);
    expect(s.lexical).toBeGreaterThan(0);
    expect(s.relatedTerms.map((r) => r.left)).toContain('profound');
  });
});

describe('calibration', () => {
  it('lets the same default threshold keep real matches between the source texts and almost none against an unrelated text', () => {
    const related = compareTexts(left, right, vectors);
    expect(related.threshold).toBe(DEFAULT_THRESHOLD);
    expect(related.matches.length).toBeGreaterThanOrEqual(4);
    for (const text of [left, right]) {
      expect(compareTexts(text, unrelated, vectors).matches.length).toBeLessThanOrEqual(1);
      expect(compareTexts(unrelated, text, vectors).matches.length).toBeLessThanOrEqual(1);
    }
  });

  it('orders matches strongest first, scores within 0..1 and honours threshold and limit', () => {
    const all = compareTexts(left, right, vectors, { threshold: 0 }).matches;
    for (let k = 1; k < all.length; k++) expect(all[k]!.score).toBeLessThanOrEqual(all[k - 1]!.score);
    for (const m of all) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
      expect(left.slice(m.left.start, m.left.end)).toBe(m.left.quote);
      expect(right.slice(m.right.start, m.right.end)).toBe(m.right.quote);
    }
    expect(compareTexts(left, right, vectors, { threshold: 0, limit: 3 }).matches).toHaveLength(3);
  });
});

describe('bad input', () => {
  it('finds nothing in an empty text', () => {
    expect(compareTexts('', right, vectors).matches).toEqual([]);
    expect(compareTexts(left, '   \n', vectors)).toMatchObject({ matches: [], leftPassages: expect.any(Number), rightPassages: 0 });
    expect(findRelatedPassages('', right, vectors)).toEqual([]);
  });

  it('pairs identical texts passage by passage, within the limit', () => {
    const same = compareTexts(left, left, vectors, { limit: 20 });
    expect(same.matches).toHaveLength(20);
    for (const m of same.matches) expect(m.left.start).toBe(m.right.start);
  });
});

describe('related passages', () => {
  it('finds where the other text speaks of the selection, best first', () => {
    const related = findRelatedPassages('sends second-rank diplomats to Moscow', left, vectors, { limit: 5 });
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(5);
    for (let k = 1; k < related.length; k++) expect(related[k]!.score).toBeLessThanOrEqual(related[k - 1]!.score);
    const chamberlain = findRelatedPassages('Chamberlain deeply distrusted communism', left, vectors, { limit: 3 });
    expect(chamberlain[0]!.passage.quote).toContain('profound distrust of Russia');
    expect(chamberlain[0]!.sharedTerms).toContain('Chamberlain');
  });

  it('accepts a selection too short to be a sentence', () => {
    const related = findRelatedPassages('Baltic guarantees', left, vectors, { limit: 3 });
    expect(related[0]!.passage.quote).toContain('Baltic States');
  });
});
