import { describe, expect, it } from 'vitest';
import { describePassage, resolvePassage, type PassageResolution, type PassageSelectors } from '../../../../electron/core/anchoring';
import { readSourceText } from '../../../support/paths';
import { expectAnchored, offsetOf, replaceOnly } from './anchoring-helpers';

const article = readSourceText('000_f1b498f6176dc71c.txt');
const scenario = readSourceText('001_50dbc8cc9f109cf8.txt');

function describeText(text: string, needle: string): PassageSelectors {
  const start = offsetOf(text, needle);
  return describePassage(text, start, start + needle.length);
}

/** Asserts a fuzzy anchor on exactly `expected` (which must occur once in `text`). */
function expectFuzzyOn(result: PassageResolution, text: string, expected: string): void {
  const start = offsetOf(text, expected);
  expect(text.indexOf(expected, start + 1)).toBe(-1);
  expectAnchored(result, start, start + expected.length, 'fuzzy');
}

describe('resolvePassage: fuzzy', () => {
  it('follows a typo fixed inside the quote', () => {
    const selectors = describeText(article, 'the Romanian province of Besssarbia');
    const edited = replaceOnly(article, 'Besssarbia', 'Bessarabia');
    expectFuzzyOn(resolvePassage(edited, selectors), edited, 'the Romanian province of Bessarabia');
  });

  it('follows a typo fixed and a paragraph inserted above it', () => {
    const selectors = describeText(article, 'Joachim Ribbontrop, with the full backing of Hitler');
    const edited = `A new paragraph.\n\n${replaceOnly(article, 'Ribbontrop', 'Ribbentrop')}`;
    expectFuzzyOn(resolvePassage(edited, selectors), edited, 'Joachim Ribbentrop, with the full backing of Hitler');
  });

  it('follows a word replaced inside a sentence', () => {
    const sentence = 'It was a deal aimed to avert the clash with fascism — which for all intents and purposes, the British squandered.';
    const edited = replaceOnly(article, 'the British squandered', 'the British wasted');
    expectFuzzyOn(resolvePassage(edited, describeText(article, sentence)), edited, sentence.replace('squandered', 'wasted'));
  });

  it('follows curly quotes and apostrophes made straight, on the same offsets', () => {
    const passage = 'Stalin gave his famed “Chestnut” speech in which he declared that the communist nation was “to be cautious';
    const selectors = describeText(article, passage);
    const edited = article.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
    expectAnchored(resolvePassage(edited, selectors), selectors[1].start, selectors[1].end, 'fuzzy');
  });

  it('follows an em dash turned into a hyphen', () => {
    const passage = 'aimed to avoid Soviet involvement in any major war — at all costs.';
    const edited = replaceOnly(article, 'war — at all costs', 'war - at all costs');
    expectFuzzyOn(resolvePassage(edited, describeText(article, passage)), edited, 'aimed to avoid Soviet involvement in any major war - at all costs.');
  });

  it('follows a passage across a paragraph break after the text is saved with CRLF line endings', () => {
    const passage = 'Or so popular Western history goes.\n\nYet outside of historiographies';
    const edited = article.replace(/\n/g, '\r\n');
    expectFuzzyOn(resolvePassage(edited, describeText(article, passage)), edited, 'Or so popular Western history goes.\r\n\r\nYet outside of historiographies');
  });

  it('follows doubled spaces and a re-wrapped line inside the quote', () => {
    const passage = 'The divergent goals and expectations of the nations further barred an agreement.';
    const edited = replaceOnly(article, passage, 'The divergent goals and  expectations\nof the nations further barred an agreement.');
    expectFuzzyOn(resolvePassage(edited, describeText(article, passage)), edited, 'The divergent goals and  expectations\nof the nations further barred an agreement.');
  });

  it('follows the missing words of the scenario once they are restored ("the military value of the ,")', () => {
    const passage = 'the military value of the , weakened by the purges, is in doubt';
    const edited = replaceOnly(scenario, 'value of the , weakened', 'value of the Red Army, weakened');
    expectFuzzyOn(resolvePassage(edited, describeText(scenario, passage)), edited, 'the military value of the Red Army, weakened by the purges, is in doubt');
  });

  it('follows a passage that takes in the ten trailing newlines after they become CRLF', () => {
    const start = offsetOf(scenario, 'only an accord with Berlin');
    const selectors = describePassage(scenario, start, scenario.length);
    const edited = scenario.replace(/\n/g, '\r\n');
    const result = resolvePassage(edited, selectors);
    expectAnchored(result, offsetOf(edited, 'only an accord with Berlin'), edited.length, 'fuzzy');
  });

  it('orphans a sentence moved among new neighbours with a word changed: nothing around it vouches for it', () => {
    const sentence = 'The Allies seemed incapable of doing just that.';
    const edited = `${replaceOnly(article, `${sentence}\n\n`, '')}\n\nIn the end, the Allies seemed unable to do just that. Nobody was surprised.`;
    expect(resolvePassage(edited, describeText(article, sentence))).toMatchObject({ orphaned: true });
  });

  it('finds a passage that moved far, with a word changed, when its old neighbours came along', () => {
    const [quote, position] = describeText(article, 'The Allies seemed incapable of doing just that.');
    const filler = 'Filler sentence for distance. '.repeat(400);
    const edited = `${filler}\n\n${quote.prefix}The Allies seemed unable to do just that.${quote.suffix}`;
    expect(offsetOf(edited, 'The Allies') - position.start).toBeGreaterThan(4096);
    expectFuzzyOn(resolvePassage(edited, [quote, position]), edited, 'The Allies seemed unable to do just that.');
  });

  it('follows a whole document highlighted as one passage through a few corrections', () => {
    const selectors = describePassage(article, 0, article.length);
    const edited = `Preface.\n\n${replaceOnly(replaceOnly(article, 'Besssarbia', 'Bessarabia'), 'Ribbontrop', 'Ribbentrop')}`;
    expectAnchored(resolvePassage(edited, selectors), 10, edited.length, 'fuzzy');
  });

  it('keeps emoji whole when the quote around them changed', () => {
    const text = `${'Notes on the reading list: '.repeat(3)}start with 📚 the big history, then 🙂 the memoirs; finish with the letters.`;
    const selectors = describeText(text, '📚 the big history, then 🙂 the memoirs');
    const edited = text.replace('📚 the big history', '📖 the big histories');
    expectFuzzyOn(resolvePassage(edited, selectors), edited, '📖 the big histories, then 🙂 the memoirs');
  });

  it('does not take in blanks at the edges that the quote did not have', () => {
    const passage = 'Time had run out.';
    const selectors = describeText(article, passage);
    const edited = replaceOnly(article, ' Time had run out.', '   Time has run out.');
    expectFuzzyOn(resolvePassage(edited, selectors), edited, 'Time has run out.');
  });
});
