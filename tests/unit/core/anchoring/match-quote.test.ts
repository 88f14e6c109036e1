import { describe, expect, it } from 'vitest';
import { FUZZY_CHUNK_LENGTH } from '../../../../electron/core/anchoring/anchoring-thresholds';
import { findApproximateMatches, findExactMatches } from '../../../../electron/core/anchoring/match-quote';
import { readSourceText } from '../../../support/paths';

const article = readSourceText('000_f1b498f6176dc71c.txt');

describe('findExactMatches', () => {
  it('finds every occurrence in ascending order, overlapping ones included', () => {
    expect(findExactMatches('banana', 'ana')).toEqual([1, 3]);
    expect(findExactMatches(article, 'Overy')).toHaveLength(5);
    expect(findExactMatches(article, 'Overy').every((s) => article.startsWith('Overy', s))).toBe(true);
  });

  it('finds only occurrences lying wholly inside the window', () => {
    const all = findExactMatches(article, 'Soviet');
    const from = all[3]!;
    const to = all[7]! + 'Soviet'.length;
    expect(findExactMatches(article, 'Soviet', from, to)).toEqual(all.slice(3, 8));
    expect(findExactMatches(article, 'Soviet', from + 1, to - 1)).toEqual(all.slice(4, 7));
    expect(findExactMatches(article, 'Soviet', -100, 1e9)).toEqual(all);
  });

  it('finds nothing for an empty quote or a window shorter than the quote', () => {
    expect(findExactMatches(article, '')).toEqual([]);
    expect(findExactMatches(article, 'Soviet', 10, 12)).toEqual([]);
  });
});

describe('findApproximateMatches', () => {
  it('finds a quote with a few edits and reports them', () => {
    const matches = findApproximateMatches(article, 'Joachim Ribbentrop, with the ful backing', 3);
    expect(matches.length).toBeGreaterThan(0);
    const at = article.indexOf('Joachim Ribbontrop');
    expect(matches.some((m) => m.start === at && m.errors === 2)).toBe(true);
  });

  it('uses a fast exact search when no edits are allowed', () => {
    expect(findApproximateMatches(article, 'Overy', 0)).toEqual(findExactMatches(article, 'Overy').map((start) => ({ start, end: start + 5, errors: 0 })));
  });

  it('keeps a worse match in another chunk instead of only the best match of the text', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(Math.ceil((FUZZY_CHUNK_LENGTH * 2) / 27));
    const text = `exact quote here ${filler} exact quoet hare ${filler}`;
    const matches = findApproximateMatches(text, 'exact quote here', 3);
    expect(matches.map((m) => m.errors)).toEqual([0, 3]);
    expect(text.slice(matches[1]!.start, matches[1]!.end)).toBe('exact quoet hare');
  });

  it('finds a match that straddles a chunk boundary, once', () => {
    const quote = 'the Romanian province of Bessarabia';
    const text = `${'z'.repeat(FUZZY_CHUNK_LENGTH - 10)}the Romanian province of Besssarbia${'z'.repeat(100)}`;
    const matches = findApproximateMatches(text, quote, 5);
    const best = Math.min(...matches.map((m) => m.errors));
    expect(best).toBe(2);
    expect(matches.filter((m) => m.errors === best).every((m) => m.start >= FUZZY_CHUNK_LENGTH - 11 && m.start <= FUZZY_CHUNK_LENGTH - 9)).toBe(true);
    expect(new Set(matches.map((m) => `${m.start}:${m.end}`)).size).toBe(matches.length);
  });

  it('finds nothing when every place needs more edits than allowed', () => {
    expect(findApproximateMatches(article, 'a sentence that appears nowhere at all', 4)).toEqual([]);
  });
});
