import { describe, expect, it } from 'vitest';
import {
  describePassage,
  isOrphaned,
  NEARBY_WINDOW,
  prepareText,
  resolvePassage,
  resolvePassages,
  type PassageSelectors,
} from '../../../../electron/core/anchoring';
import { readSourceText, sourceTextFiles } from '../../../support/paths';
import { expectAnchored, offsetOf, randomPassages, replaceOnly, seededRandom } from './anchoring-helpers';

const [article, scenario] = sourceTextFiles.map((file) => readSourceText(file)) as [string, string];
const both = `${article}\n\n${scenario}`;

function describeAll(text: string, passages: Array<[number, number]>): PassageSelectors[] {
  return passages.map(([start, end]) => describePassage(text, start, end));
}

describe('resolvePassages', () => {
  it('returns one result per passage, in the order given, not in text order', () => {
    const passages: Array<[number, number]> = [
      [offsetOf(both, 'London'), offsetOf(both, 'London') + 6],
      [0, 5],
      [offsetOf(both, 'Molotov'), offsetOf(both, 'Molotov') + 7],
    ];
    const edited = `Intro.\n\n${both}`;
    const results = resolvePassages(edited, describeAll(both, passages));
    results.forEach((result, i) => expectAnchored(result, passages[i]![0] + 8, passages[i]![1] + 8, 'exact'));
  });

  it('finds 1,000 random passages after paragraphs are inserted at the top and in the middle', () => {
    const middle = offsetOf(both, '\n\nAugust Meeting Backfires') + 2;
    // A passage that the middle insertion falls inside has changed; the others have only moved.
    const passages = randomPassages(both, 1000, seededRandom(11)).filter(([start, end]) => end <= middle || start >= middle);
    expect(passages.length).toBeGreaterThan(950);
    const top = 'An editor’s note, added later.\n\n';
    const inMiddle = 'A paragraph added in the middle.\n\n';
    const edited = top + both.slice(0, middle) + inMiddle + both.slice(middle);
    const results = resolvePassages(edited, describeAll(both, passages));
    results.forEach((result, i) => {
      const [start, end] = passages[i]!;
      const shift = top.length + (start >= middle ? inMiddle.length : 0);
      expect(result).toMatchObject({ start: start + shift, end: end + shift });
    });
  });

  it('finds every passage after an insertion at the top longer than the nearby window', () => {
    const passages = randomPassages(both, 300, seededRandom(12));
    const insertion = `${'A very long preface. '.repeat(Math.ceil((NEARBY_WINDOW * 3) / 21))}\n\n`;
    const results = resolvePassages(insertion + both, describeAll(both, passages));
    results.forEach((result, i) => expectAnchored(result, passages[i]![0] + insertion.length, passages[i]![1] + insertion.length, 'exact'));
  });

  it('gives the same result for each passage as resolvePassage does alone, edits and orphans included', () => {
    const passages = randomPassages(both, 400, seededRandom(13), 15);
    const edited = replaceOnly(
      replaceOnly(`Preface.\n\n${both}`.replace(/’/g, "'"), 'The British therefore dawdled', 'The British therefore delayed'),
      'Should London seek the Soviet alliance without reservation, or pursue it half-heartedly out of distrust?',
      'A question was asked here.',
    );
    const selectorsList = describeAll(both, passages);
    const batch = resolvePassages(edited, selectorsList);
    const prepared = prepareText(edited);
    const alone = selectorsList.map((selectors) => resolvePassage(prepared, selectors));
    expect(batch).toEqual(alone);
    // The edits reached some passages: this is not only the easy case.
    expect(new Set(batch.map((r) => (isOrphaned(r) ? 'orphaned' : r.method)))).toEqual(new Set(['exact', 'fuzzy', 'orphaned']));
  });

  it('orphans the passages of a deleted paragraph and finds all the others', () => {
    const paragraph = 'Despite trusting neither side, in May 1939, Stalin removed Soviet Foreign Minister Maxim Litvinov — who doubted such an alliance was workable — and replaced him with Vyacheslav Molotov and instructed his diplomats to revive collective security conversations with the West.\n\n';
    const from = offsetOf(article, paragraph);
    const to = from + paragraph.length;
    const passages = randomPassages(article, 400, seededRandom(14), 12).filter(([s, e]) => e <= from || s >= to || (s >= from && e <= to));
    const edited = replaceOnly(article, paragraph, '');
    const results = resolvePassages(edited, describeAll(article, passages));
    results.forEach((result, i) => {
      const [start, end] = passages[i]!;
      if (start >= from && end <= to) expect(isOrphaned(result), article.slice(start, end)).toBe(true);
      else expect(result).toMatchObject({ start: start >= to ? start - paragraph.length : start, end: end >= to ? end - paragraph.length : end });
    });
    expect(results.filter(isOrphaned).length).toBeGreaterThan(0);
  });

  it('accepts a prepared text and an empty list', () => {
    expect(resolvePassages(prepareText(article), [])).toEqual([]);
    const selectors = describePassage(article, 0, 5);
    expect(resolvePassages(prepareText(article), [selectors])).toEqual([{ start: 0, end: 5, method: 'position' }]);
  });
});
