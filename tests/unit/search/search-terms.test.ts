import { describe, expect, it } from 'vitest';
import { foldTerm } from '../../../electron/core/search';
import { tokenize, wordSpans } from '../../../electron/core/search/search-terms';

describe('search terms', () => {
  it('folds case, accents and a few letters to one spelling', () => {
    const pairs: Array<[string, string]> = [
      ['Molotov', 'molotov'],
      ['Mólotov', 'molotov'],
      ['MÓLOTOV', 'molotov'],
      ['naïve', 'naive'],
      ['Détente', 'detente'],
      ['Straße', 'strasse'],
      ['Œuvre', 'oeuvre'],
      ['Łódź', 'lodz'],
      ['ﬁnal', 'final'],
      ['İstanbul', 'istanbul'],
      ['1939', '1939'],
    ];
    for (const [word, folded] of pairs) expect(foldTerm(word)).toBe(folded);
    // Decomposed accents (a letter then a combining mark) fold the same as precomposed ones.
    expect(foldTerm('Mo\u0301lotov')).toBe('molotov');
  });

  it('splits words at punctuation, apostrophes and hyphens included', () => {
    expect(tokenize('Stalin’s Non-Aggression Pact, 1939 — “signed”.')).toEqual(['Stalin', 's', 'Non', 'Aggression', 'Pact', '1939', 'signed']);
    expect(tokenize('Mo\u0301lotov naïve')).toEqual(['Mo\u0301lotov', 'naïve']);
    expect(tokenize(' — … ')).toEqual([]);
  });

  it('gives each word with its offsets and folded form', () => {
    const text = 'The Mólotov line';
    expect([...wordSpans(text)]).toEqual([
      { start: 0, end: 3, term: 'the' },
      { start: 4, end: 11, term: 'molotov' },
      { start: 12, end: 16, term: 'line' },
    ]);
    expect([...wordSpans(text, 4, 12)].map((w) => w.term)).toEqual(['molotov']);
  });
});
