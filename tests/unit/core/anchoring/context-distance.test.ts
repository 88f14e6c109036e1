import { describe, expect, it } from 'vitest';
import { agreeingCharacters, compileContext, contextAgreement } from '../../../../electron/core/anchoring/context-distance';
import { readSourceText } from '../../../support/paths';
import { seededRandom } from './anchoring-helpers';

/** Textbook edit distance of `context` from the text beside `at`, free at the far end: the reference the fast version must equal. */
function slowDistance(text: string, at: number, context: string, side: 'before' | 'after'): number {
  const pattern = [...context].reverse().join('');
  const outward = side === 'before' ? [...text.slice(Math.max(0, at - 64), at)].reverse().join('') : text.slice(at, at + 64);
  const p = side === 'before' ? pattern : context;
  let previous = Array.from({ length: outward.length + 1 }, (_, j) => j);
  for (let i = 1; i <= p.length; i++) {
    const row = [i];
    for (let j = 1; j <= outward.length; j++) {
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (p[i - 1] === outward[j - 1] ? 0 : 1)));
    }
    previous = row;
  }
  return Math.min(...previous);
}

describe('compileContext', () => {
  const text = readSourceText('000_f1b498f6176dc71c.txt');

  it('gives 0 where the context reads exactly, on either side', () => {
    const at = text.indexOf('Joachim');
    expect(compileContext(text.slice(at - 32, at), 'before').distance(text, at)).toBe(0);
    expect(compileContext(text.slice(at, at + 32), 'after').distance(text, at)).toBe(0);
  });

  it('counts edits next to the passage and ignores the free far end', () => {
    const before = compileContext('the German-Soviet pact', 'before');
    expect(before.distance('xx the German-Soviet Pact', 25)).toBe(1);
    expect(before.distance('the German-Soviet pact was', 22)).toBe(0);
    expect(before.distance('German-Soviet pact', 18)).toBe(4);
    const after = compileContext('was signed.', 'after');
    // "was signed" agrees; the full stop is one edit away from the space that follows it.
    expect(after.distance('was signed at last.', 0)).toBe(1);
    expect(after.distance('', 0)).toBe(11);
  });

  it('equals the textbook edit distance on 2,000 random contexts and edits', () => {
    const random = seededRandom(42);
    for (let n = 0; n < 2000; n++) {
      const at = 40 + Math.floor(random() * (text.length - 120));
      const side = random() < 0.5 ? 'before' : 'after';
      const length = Math.floor(random() * 33);
      let context = side === 'before' ? text.slice(at - length, at) : text.slice(at, at + length);
      // Up to six random edits, so distances from 0 to beyond chance are all covered.
      for (let e = Math.floor(random() * 7); e > 0 && context.length > 0; e--) {
        const i = Math.floor(random() * context.length);
        const op = random();
        context = op < 0.33 ? context.slice(0, i) + context.slice(i + 1) : op < 0.66 ? context.slice(0, i) + 'q' + context.slice(i + 1) : context.slice(0, i) + 'Z' + context.slice(i);
      }
      context = context.slice(side === 'before' ? -32 : 0, side === 'before' ? undefined : 32);
      expect(compileContext(context, side).distance(text, at)).toBe(slowDistance(text, at, context, side));
    }
  });

  it('handles non-ASCII characters and the edges of the text', () => {
    const measure = compileContext('détente — 📚', 'after');
    expect(measure.distance('détente — 📚 ok', 0)).toBe(0);
    expect(measure.distance('detente — 📖', 0)).toBe(2);
    expect(compileContext('abc', 'before').distance('abc', 0)).toBe(3);
    expect(compileContext('', 'before').distance('abc', 1)).toBe(0);
  });

  it('keeps only the 32 characters nearest the passage', () => {
    const long = `${'x'.repeat(10)}${'y'.repeat(32)}`;
    expect(compileContext(long, 'before').length).toBe(32);
    expect(compileContext(long, 'before').distance('y'.repeat(32), 32)).toBe(0);
  });
});

describe('contextAgreement', () => {
  it('scores 1 for an intact context, 0 from half its length in edits, and 1 when nothing was stored', () => {
    expect(contextAgreement(0, 32)).toBe(1);
    expect(contextAgreement(4, 32)).toBe(0.75);
    expect(contextAgreement(16, 32)).toBe(0);
    expect(contextAgreement(30, 32)).toBe(0);
    expect(contextAgreement(0, 0)).toBe(1);
    expect(agreeingCharacters(4, 32)).toBe(24);
    expect(agreeingCharacters(20, 32)).toBe(0);
  });
});
