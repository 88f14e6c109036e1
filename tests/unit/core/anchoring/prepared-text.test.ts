import search from 'approx-string-match';
import { describe, expect, it } from 'vitest';
import { prepareText } from '../../../../electron/core/anchoring';
import { findExactMatches } from '../../../../electron/core/anchoring/match-quote';
import { normaliseString } from '../../../../electron/core/anchoring/normalise-text';
import { readSourceText, sourceTextFiles } from '../../../support/paths';

const both = sourceTextFiles.map((file) => readSourceText(file)).join('\n\n');
// Mixed line endings and a doubled space, so that folding changes offsets.
const text = `${both.replace(/\n\n/g, (_, i: number) => (i % 2 === 0 ? '\r\n\r\n' : '\n\n'))}  the end`;
const quotes = ['the', ' the', '\n\nThe', '\r\n\r\nBut', 'Soviet Union’s', 'the military value of the ,', '’s', 'a', '  the end', ' \n', 'absent from it', 'détente'];

describe('PreparedText.findEverywhere', () => {
  it.each(quotes)('finds every occurrence of %j both by scanning and through the folded index', (quote) => {
    const scanned = findExactMatches(text, quote);
    expect(prepareText(text).findEverywhere(quote)).toEqual(scanned);
    const indexed = prepareText(text);
    expect(indexed.foldedIndex.text).toBe(normaliseString(text));
    expect(indexed.findEverywhere(quote)).toEqual(scanned);
  });

  it('switches to the index after a few scans and keeps giving the same answers', () => {
    const prepared = prepareText(text);
    for (let round = 0; round < 3; round++) {
      for (const quote of quotes) expect(prepared.findEverywhere(quote)).toEqual(findExactMatches(text, quote));
    }
  });
});

describe('PreparedText.findApproximatelyEverywhere', () => {
  it('keeps every best match a scan of the whole folded text finds', () => {
    const prepared = prepareText(text);
    const folded = prepared.normalised.text;
    for (const quote of ['the British therefore delayed, sending draft', 'Stalin wanted a guarantee that if their was war', 'Besssarabia', 'Molotof']) {
      const maxErrors = Math.floor(quote.length * 0.2);
      const found = prepared.findApproximatelyEverywhere(quote, maxErrors);
      const scanned = search(folded, quote, maxErrors);
      expect(scanned.length).toBeGreaterThan(0);
      for (const m of scanned) expect(found).toContainEqual({ start: m.start, end: m.end, errors: m.errors });
    }
  });
});
