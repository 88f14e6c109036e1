import { describe, expect, it } from 'vitest';
import { normaliseString, normaliseText } from '../../../../electron/core/anchoring/normalise-text';
import { readSourceText, sourceTextFiles } from '../../../support/paths';
import { seededRandom } from './anchoring-helpers';

describe('normaliseString', () => {
  it('folds blank runs, line endings, quote marks and dashes', () => {
    expect(normaliseString('a\r\n\r\nb  c\t\u00a0d\ne')).toBe('a b c d e');
    expect(normaliseString('‘It’s’ “so” „so‟ «so» 5′ 6″')).toBe(`'It's' "so" "so" "so" 5' 6"`);
    expect(normaliseString('off‐guard – then — later ― − 1 ‑ ‒')).toBe('off-guard - then - later - - 1 - -');
  });

  it('keeps everything else, letters and case included', () => {
    const text = 'Paul-Émile Naggiar, détente; Besssarbia 📚…';
    expect(normaliseString(text)).toBe(text);
  });
});

describe('normaliseText', () => {
  it('maps folded offsets back to the original, a folded space covering its whole run', () => {
    const original = 'One\r\n\r\ntwo  “three”\n\n\n\nfour';
    const folded = normaliseText(original);
    expect(folded.text).toBe('One two "three" four');
    const range = (s: number, e: number): string => original.slice(folded.toOriginal(s), folded.toOriginal(e));
    expect(range(0, 3)).toBe('One');
    expect(range(3, 4)).toBe('\r\n\r\n');
    expect(range(4, 7)).toBe('two');
    expect(range(8, 15)).toBe('“three”');
    expect(range(15, 20)).toBe('\n\n\n\nfour');
    expect(folded.toOriginal(folded.text.length)).toBe(original.length);
  });

  it('maps original offsets to folded ones, offsets inside a run to its one space', () => {
    const original = 'a  \n b c';
    const folded = normaliseText(original);
    expect(folded.text).toBe('a b c');
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((o) => folded.toNormalised(o))).toEqual([0, 1, 1, 1, 1, 2, 3, 4, 5]);
    expect(folded.toNormalised(-5)).toBe(0);
    expect(folded.toNormalised(99)).toBe(5);
  });

  it.each(sourceTextFiles)('round-trips random ranges of %s: the original range folds to the folded range', (file) => {
    const original = readSourceText(file).replace(/\n/g, (_, i: number) => (i % 3 === 0 ? '\r\n' : '\n'));
    const folded = normaliseText(original);
    const random = seededRandom(file.length);
    for (let i = 0; i < 500; i++) {
      const s = Math.floor(random() * folded.text.length);
      const e = s + 1 + Math.floor(random() * Math.min(200, folded.text.length - s));
      const back = original.slice(folded.toOriginal(s), folded.toOriginal(e));
      expect(normaliseString(back)).toBe(folded.text.slice(s, e));
      expect(folded.toNormalised(folded.toOriginal(s))).toBe(s);
    }
  });

  it('leaves a text without blank runs or special marks unchanged and maps it one to one', () => {
    const folded = normaliseText('plain text with single spaces');
    expect(folded.text).toBe('plain text with single spaces');
    for (let i = 0; i <= folded.text.length; i++) {
      expect(folded.toOriginal(i)).toBe(i);
      expect(folded.toNormalised(i)).toBe(i);
    }
  });
});
