import search from 'approx-string-match';
import { describe, expect, it } from 'vitest';
import { findExactMatches } from '../../../../electron/core/anchoring/match-quote';
import { TrigramIndex } from '../../../../electron/core/anchoring/trigram-index';
import { readSourceText, sourceTextFiles } from '../../../support/paths';
import { seededRandom } from './anchoring-helpers';

const text = sourceTextFiles.map((file) => readSourceText(file)).join('\n\n');
const index = new TrigramIndex(text);

/** A copy of `quote` with `edits` random substitutions, deletions and insertions. */
function mangle(quote: string, edits: number, random: () => number): string {
  let out = quote;
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(random() * out.length);
    const op = random();
    out = op < 0.33 ? out.slice(0, i) + out.slice(i + 1) : op < 0.66 ? `${out.slice(0, i)}#${out.slice(i + 1)}` : `${out.slice(0, i)}%${out.slice(i)}`;
  }
  return out;
}

describe('TrigramIndex.findExact', () => {
  it.each(['the', 'Soviet', 'the military value of the', 'Overy', ' the', 'an', 'détente', 'absent from the text'])(
    'finds the same occurrences of %j as a scan',
    (needle) => {
      expect(index.findExact(needle)).toEqual(findExactMatches(text, needle));
    },
  );

  it('finds overlapping occurrences in a repetitive text', () => {
    expect(new TrigramIndex('aaaaaa').findExact('aaa')).toEqual([0, 1, 2, 3]);
  });
});

describe('TrigramIndex.candidateRanges', () => {
  it('never rules out a range holding a match a full scan finds (500 random quotes with edits)', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 500; n++) {
      const start = Math.floor(random() * (text.length - 200));
      const quote = text.slice(start, start + 8 + Math.floor(random() * 150));
      const maxErrors = Math.floor(quote.length * 0.2);
      const pattern = mangle(quote, Math.floor(random() * (maxErrors + 1)), random);
      const ranges = index.candidateRanges(pattern, maxErrors);
      for (const match of search(text, pattern, maxErrors)) {
        expect(ranges.some((r) => r.from <= match.start && match.end <= r.to)).toBe(true);
      }
    }
  });

  it('rules out most of the text for a quote of ordinary length', () => {
    const quote = 'The British therefore dawdled, sending draft after draft back to the Soviets';
    const at = text.indexOf(quote);
    const ranges = index.candidateRanges(quote, 15);
    expect(ranges.some((r) => r.from <= at && at + quote.length <= r.to)).toBe(true);
    const covered = ranges.reduce((sum, r) => sum + (r.to - r.from), 0);
    expect(covered).toBeLessThan(text.length / 4);
    // Fewer edits allowed, fewer places left: only the quote's own.
    expect(index.candidateRanges(quote, 8)).toHaveLength(1);
  });

  it('returns the whole text when a short quote with many edits can match anywhere', () => {
    expect(index.candidateRanges('Stalin', 2)).toEqual([{ from: 0, to: text.length }]);
  });

  it('returns ranges in ascending order without overlaps', () => {
    const ranges = index.candidateRanges('the Soviet Union', 3);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.from).toBeGreaterThan(ranges[i - 1]!.to);
  });
});
