import { describe, expect, it } from 'vitest';
import { BLANK_PASSAGE_MESSAGE, describePassage } from '../../../../electron/core/anchoring';
import { readSourceText } from '../../../support/paths';
import { offsetOf } from './anchoring-helpers';

const article = readSourceText('000_f1b498f6176dc71c.txt');
const scenario = readSourceText('001_50dbc8cc9f109cf8.txt');

describe('describePassage', () => {
  it('stores the passage, 32 characters either side and its offsets', () => {
    const start = offsetOf(article, 'Joachim Ribbontrop');
    const [quote, position] = describePassage(article, start, start + 'Joachim Ribbontrop'.length);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Joachim Ribbontrop',
      prefix: article.slice(start - 32, start),
      suffix: article.slice(start + 18, start + 18 + 32),
    });
    expect(quote.prefix).toHaveLength(32);
    expect(quote.suffix).toBe(', with the full backing of Hitle');
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 18 });
  });

  it('shortens the context at the edges of the text', () => {
    const [first] = describePassage(article, 0, 5);
    expect(first).toMatchObject({ exact: 'Share', prefix: '', suffix: ' This Article\n\nIn August 1939, a' });
    const [last] = describePassage(scenario, scenario.length - 20, scenario.length - 10);
    expect(last.exact).toBe('ate gains.');
    expect(last.suffix).toBe('\n'.repeat(10));
  });

  it('keeps the ten trailing newlines of the scenario inside a passage that reaches the end', () => {
    const start = offsetOf(scenario, 'immediate gains.');
    const [quote, position] = describePassage(scenario, start, scenario.length);
    expect(quote.exact).toBe(`immediate gains.${'\n'.repeat(10)}`);
    expect(quote.suffix).toBe('');
    expect(position.end).toBe(scenario.length);
  });

  it('never cuts an emoji in half at the outer edge of the context', () => {
    // The prefix would start 32 code units before the passage, between the two halves of 📚.
    const text = `a📚${'x'.repeat(31)}PASSAGE${'y'.repeat(31)}🙂b`;
    const start = text.indexOf('PASSAGE');
    const [quote] = describePassage(text, start, start + 7);
    expect(quote.prefix).toBe('x'.repeat(31));
    expect(quote.suffix).toBe('y'.repeat(31));
    const [whole] = describePassage(text, start - 1, start + 8);
    expect(whole.prefix).toBe(`📚${'x'.repeat(30)}`);
    expect(whole.suffix).toBe(`${'y'.repeat(30)}🙂`);
  });

  it('describes a passage made of emoji', () => {
    const text = 'Read 📚🙂 twice.';
    const [quote, position] = describePassage(text, 5, 9);
    expect(quote.exact).toBe('📚🙂');
    expect(position).toMatchObject({ start: 5, end: 9 });
  });

  it.each([
    ['an empty passage', 10, 10, /end after it starts/],
    ['a reversed passage', 12, 10, /end after it starts/],
    ['a negative start', -1, 4, /inside the text/],
    ['an end past the text', 0, article.length + 1, /inside the text/],
    ['fractional offsets', 1.5, 4, /whole numbers/],
    ['NaN', Number.NaN, 4, /whole numbers/],
  ])('rejects %s with a RangeError', (_what, start, end, message) => {
    expect(() => describePassage(article, start, end)).toThrow(RangeError);
    expect(() => describePassage(article, start, end)).toThrow(message);
  });

  it('rejects a passage of spaces or line breaks only', () => {
    const blank = offsetOf(article, '\n\n');
    expect(() => describePassage(article, blank, blank + 2)).toThrow(new RangeError(BLANK_PASSAGE_MESSAGE));
    const trailing = scenario.length - 10;
    expect(() => describePassage(scenario, trailing, scenario.length)).toThrow(BLANK_PASSAGE_MESSAGE);
    expect(() => describePassage('a \t\u00a0 b', 1, 5)).toThrow(BLANK_PASSAGE_MESSAGE);
  });

  it('rejects a passage that starts or ends inside an emoji', () => {
    const text = 'Read 📚 twice.';
    expect(() => describePassage(text, 6, 9)).toThrow(/inside a character/);
    expect(() => describePassage(text, 0, 6)).toThrow(/inside a character/);
  });
});
