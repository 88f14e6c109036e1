import { describe, expect, it } from 'vitest';
import { describePassage, ORPHAN_REASONS, resolvePassage, type PassageSelectors } from '../../../../electron/core/anchoring';
import { readSourceText, sourceTextFiles } from '../../../support/paths';
import { expectAnchored, expectOrphan, offsetOf, randomPassages, replaceOnly, seededRandom } from './anchoring-helpers';

const article = readSourceText('000_f1b498f6176dc71c.txt');
const scenario = readSourceText('001_50dbc8cc9f109cf8.txt');
const texts = { '000_f1b498f6176dc71c.txt': article, '001_50dbc8cc9f109cf8.txt': scenario } as const;
const opening = 'A new opening paragraph, added by an editor after the passages were highlighted.\n\n';

/** Selectors of the `occurrence`-th `needle` in `text`. */
function describeText(text: string, needle: string, occurrence = 0): PassageSelectors {
  const start = offsetOf(text, needle, occurrence);
  return describePassage(text, start, start + needle.length);
}

describe('resolvePassage: position', () => {
  it.each(sourceTextFiles)('finds 300 random passages of %s at their stored offsets in the unchanged text', (file) => {
    const text = texts[file];
    for (const [start, end] of randomPassages(text, 300, seededRandom(1))) {
      expectAnchored(resolvePassage(text, describePassage(text, start, end)), start, end, 'position');
    }
  });

  it('does not take a short quote at its old offsets when an edit put another occurrence there', () => {
    // Deleting exactly the distance to the next "the" from the top of the
    // article brings that "the" to the offsets where the highlighted one was.
    const start = offsetOf(article, 'the way to self-sufficiency');
    const next = article.indexOf('the', start + 1);
    const edited = article.slice(0, 20) + article.slice(20 + (next - start));
    expect(edited.slice(start, start + 3)).toBe('the');
    const result = resolvePassage(edited, describePassage(article, start, start + 3));
    expectAnchored(result, start - (next - start), start - (next - start) + 3, 'exact');
    expect(edited.slice(start - (next - start), start - (next - start) + 27)).toBe('the way to self-sufficiency');
  });
});

describe('resolvePassage: exact', () => {
  it.each(sourceTextFiles)('finds 300 random passages of %s after a paragraph is inserted at the top', (file) => {
    const text = texts[file];
    const edited = opening + text;
    for (const [start, end] of randomPassages(text, 300, seededRandom(2))) {
      expectAnchored(resolvePassage(edited, describePassage(text, start, end)), start + opening.length, end + opening.length, 'exact');
    }
  });

  it.each([
    ['the', article, 97],
    ['Soviet', article, 20],
    ['London', scenario, 3],
    ['the', scenario, 40],
  ])('lands each occurrence of %j on its own occurrence after the top moves, thanks to its context', (word, text, count) => {
    // Every occurrence, inside longer words too ("other", "Soviets"): a reader may select any of them.
    const starts = [...text.matchAll(new RegExp(word, 'g'))].map((m) => m.index);
    expect(starts).toHaveLength(count);
    const edited = opening + text;
    for (const start of starts) {
      expectAnchored(resolvePassage(edited, describePassage(text, start, start + word.length)), start + opening.length, start + opening.length + word.length, 'exact');
    }
  });

  it('lands "the" on the right occurrence when the words before it were changed but those after were not', () => {
    const selectors = describeText(article, 'the Soviet Union’s iron');
    const start = offsetOf(article, 'the Soviet Union’s iron');
    const theOnly = describePassage(article, start, start + 3);
    const edited = opening + replaceOnly(article, 'understood that the way to self-sufficiency was through', 'saw that self-reliance lay in');
    const expected = offsetOf(edited, 'the Soviet Union’s iron');
    expectAnchored(resolvePassage(edited, theOnly), expected, expected + 3, 'exact');
    expectAnchored(resolvePassage(edited, selectors), expected, expected + 'the Soviet Union’s iron'.length, 'exact');
  });

  it('tells apart the two "military value of the" of the scenario by what follows each', () => {
    const second = describeText(scenario, 'the military value of the', 1);
    const edited = opening + scenario;
    const expected = offsetOf(edited, 'the military value of the', 1);
    expect(edited.slice(expected, expected + 30)).toBe('the military value of the . Th');
    expectAnchored(resolvePassage(edited, second), expected, expected + 25, 'exact');
    const withComma = describeText(scenario, 'the military value of the ,');
    expectAnchored(resolvePassage(edited, withComma), offsetOf(edited, 'the military value of the ,'), offsetOf(edited, 'the military value of the ,') + 27, 'exact');
  });

  it('finds the last sentence of the scenario, whose suffix is the ten trailing newlines, after the newlines are trimmed', () => {
    const selectors = describeText(scenario, 'only an accord with Berlin would offer security and immediate gains.');
    expect(selectors[0].suffix).toBe('\n'.repeat(10));
    const edited = opening + scenario.trimEnd();
    const start = offsetOf(edited, 'only an accord with Berlin');
    expectAnchored(resolvePassage(edited, selectors), start, edited.length, 'exact');
  });

  it('ties between occurrences with the same context go to the one nearest the expected place', () => {
    const line = 'The same sentence, word for word, in every copy of this text.\n';
    const text = line.repeat(5);
    const selectors = describePassage(text, line.length * 2 + 4, line.length * 2 + 8); // "same" in copy 3
    const edited = `Intro.\n${text}`;
    expectAnchored(resolvePassage(edited, selectors), line.length * 2 + 4 + 7, line.length * 2 + 8 + 7, 'exact');
    // A neighbour's shift can say where to expect it: there is then no tie left to break.
    expectAnchored(resolvePassage(edited, selectors, { expectedShift: 7 + line.length }), line.length * 3 + 11, line.length * 3 + 15, 'exact');
  });

  it('prefers a far occurrence that kept its context to a near one that did not', () => {
    const quote = 'the German-Soviet Non-Aggression Pact';
    const filler = (n: number): string => 'Some unrelated filler prose. '.repeat(n);
    const original = `${filler(100)}First, ${quote} surprised everyone. ${filler(100)}In the end, ${quote} was signed in Moscow.`;
    const selectors = describeText(original, quote, 1);
    const edited = `${filler(100)}First, ${quote} surprised everyone. ${filler(300)}In the end, ${quote} was signed in Moscow.`;
    // The first occurrence lies within the nearby window of the old offsets; the passage itself moved further.
    expect(selectors[1].start - offsetOf(edited, quote, 0)).toBeLessThan(4096);
    expect(offsetOf(edited, quote, 1) - selectors[1].start).toBeGreaterThan(4096);
    expectAnchored(resolvePassage(edited, selectors), offsetOf(edited, quote, 1), offsetOf(edited, quote, 1) + quote.length, 'exact');
  });

  it('finds a passage again when its stored offsets no longer fit the text', () => {
    const [quote] = describeText(article, 'Maxim Litvinov');
    const result = resolvePassage(article, [quote, { type: 'TextPositionSelector', start: 1e9, end: 1e9 + 14 }]);
    expectAnchored(result, offsetOf(article, 'Maxim Litvinov'), offsetOf(article, 'Maxim Litvinov') + 14, 'exact');
  });
});

describe('resolvePassage: orphans', () => {
  it('orphans an empty or blank quote instead of anchoring it anywhere', () => {
    const position = { type: 'TextPositionSelector', start: 0, end: 1 } as const;
    expect(resolvePassage(article, [{ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }, position])).toEqual({
      orphaned: true,
      reason: ORPHAN_REASONS.emptyQuote,
    });
    expect(resolvePassage(article, [{ type: 'TextQuoteSelector', exact: '\n\n', prefix: 'Article', suffix: 'In' }, position])).toEqual({
      orphaned: true,
      reason: ORPHAN_REASONS.blankQuote,
    });
  });

  it('orphans every passage of a document whose text is now empty', () => {
    expect(expectOrphan(resolvePassage('', describeText(article, 'Molotov')))).toBe(ORPHAN_REASONS.notFound);
  });

  it('orphans a short quote whose surroundings are gone rather than guess among its occurrences', () => {
    const selectors = describeText(article, 'Stalin', 3);
    const sentence = 'Despite trusting neither side, in May 1939, Stalin removed Soviet Foreign Minister Maxim Litvinov';
    const start = offsetOf(article, 'Stalin', 3);
    expect(article.slice(start - 44, start + 53)).toBe(sentence);
    const edited = replaceOnly(article, sentence, 'Months later, Stalin dismissed his minister, Litvinov');
    expect(expectOrphan(resolvePassage(edited, selectors))).toBe(ORPHAN_REASONS.ambiguous(9));
  });

  it('allows a quote of three characters or fewer no edit at all, only folding, and only with its context', () => {
    const start = offsetOf(article, 'war —');
    const war = describePassage(article, start, start + 3);
    const typo = `${article.slice(0, start)}wat${article.slice(start + 3)}`;
    expectOrphan(resolvePassage(typo, war));
    // Straightening an apostrophe changes no letter: "n’t" is still found, by its context.
    const apostrophe = describeText(article, 'n’t', 0);
    const straight = replaceOnly(article, 'hadn’t', "hadn't");
    expectAnchored(resolvePassage(straight, apostrophe), apostrophe[1].start, apostrophe[1].end, 'fuzzy');
    const contextGone = replaceOnly(straight, "The great socialist revolution hadn't taken place in", "Revolution? It hadn't happened in");
    expectOrphan(resolvePassage(contextGone, apostrophe));
  });

  it('orphans a deleted sentence instead of moving it to a similar sentence that follows it', () => {
    const kept = 'The British therefore delayed, sending drafts back to the Soviets with “edits” that did not answer the question of a corridor through Poland.';
    const original = replaceOnly(article, '\n\n“Talks continued throughout', ` ${kept}\n\n“Talks continued throughout`);
    const sentence = 'The British therefore dawdled, sending draft after draft back to the Soviets with “edits” that did not answer the central question of a corridor through Poland.';
    const selectors = describeText(original, sentence);
    const edited = replaceOnly(original, `${sentence} `, '');
    expect(edited.includes(kept)).toBe(true);
    expect(expectOrphan(resolvePassage(edited, selectors))).toBe(ORPHAN_REASONS.onlySimilar);
  });

  it('orphans a deleted sentence instead of moving it to a similar sentence elsewhere in the text', () => {
    const sentence = 'The British responded by sending a delegation on a long trip by sea rather than by air.';
    const selectors = describeText(article, sentence);
    const similar = 'The French responded by sending a delegation on a long trip by rail rather than by air.';
    const edited = replaceOnly(replaceOnly(article, `${sentence} `, ''), 'Or so popular Western history goes.', `Or so popular Western history goes. ${similar}`);
    expectOrphan(resolvePassage(edited, selectors));
  });

  it('orphans a passage whose paragraph was rewritten beyond recognition', () => {
    const paragraph = 'And so the diplomatic isolation began to wane as both the Axis and the Western powers began to court the once international pariah.';
    const selectors = describeText(article, 'the diplomatic isolation began to wane');
    const edited = replaceOnly(article, paragraph, 'Isolation ended: Berlin, London and Paris all came calling on the outcast.');
    expect(expectOrphan(resolvePassage(edited, selectors))).toBe(ORPHAN_REASONS.notFound);
  });

  it.each(sourceTextFiles)('orphans every random passage of %s in an unrelated text, never anchoring one', (file) => {
    const text = texts[file];
    const other = file === '000_f1b498f6176dc71c.txt' ? scenario : article;
    for (const [start, end] of randomPassages(text, 60, seededRandom(3), 12)) {
      const [quote, position] = describePassage(text, start, end);
      if (other.includes(quote.exact) && quote.exact.length >= 20) continue; // a long quote found verbatim is a true find
      expectOrphan(resolvePassage(other, [quote, position]));
    }
  });
});
