import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, findBlockIndex, segmentText, type TextBlock } from '../../../electron/core/text-blocks';
import { readSourceText, sourceTextFiles } from '../../support/paths';

function expectContiguous(text: string, blocks: TextBlock[]): void {
  expect(blocks[0]?.start).toBe(0);
  expect(blocks.at(-1)?.end).toBe(text.length);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    expect(b.start).toBeLessThanOrEqual(b.contentEnd);
    expect(b.contentEnd).toBeLessThanOrEqual(b.end);
    if (i > 0) expect(b.start).toBe(blocks[i - 1]!.end);
    // Separators hold only line breaks and blanks.
    expect(text.slice(b.contentEnd, b.end)).toMatch(/^[\r\n \t]*$/);
  }
  expect(blocks.map((b) => text.slice(b.start, b.end)).join('')).toBe(text);
}

describe('segmentText', () => {
  it.each(sourceTextFiles)('covers every character of %s exactly once', (file) => {
    const text = readSourceText(file);
    expectContiguous(text, segmentText(text));
  });

  it('makes a paragraph of each blank-line-separated run in the article', () => {
    const text = readSourceText('000_f1b498f6176dc71c.txt');
    const blocks = segmentText(text);
    expect(text.slice(blocks[0]!.start, blocks[0]!.contentEnd)).toBe('Share This Article');
    expect(blocks[0]!.breaks).toBe(2);
    expect(text.slice(blocks[1]!.start, blocks[1]!.contentEnd)).toBe('In August 1939, an announcement of a pact between two nations stunned the world.');
    const detente = blocks.find((b) => text.slice(b.start, b.contentEnd).includes('détente'));
    expect(detente).toBeDefined();
  });

  it('makes a paragraph of each line in the scenario, and keeps its ten trailing newlines in the last separator', () => {
    const text = readSourceText('001_50dbc8cc9f109cf8.txt');
    const blocks = segmentText(text);
    expect(text.slice(blocks[0]!.start, blocks[0]!.contentEnd)).toMatch(/^After the guarantee given to Poland/);
    const last = blocks.at(-1)!;
    expect(text.slice(last.contentEnd, last.end)).toBe('\n'.repeat(10));
    expect(last.breaks).toBe(10);
    expect(blocks.every((b) => !text.slice(b.start, b.contentEnd).includes('\n'))).toBe(true);
  });

  it('keeps single line breaks inside a paragraph when paragraphs are separated by blank lines', () => {
    const text = 'Roses are red,\nviolets are blue.\n\nSecond stanza.';
    const blocks = segmentText(text);
    expect(blocks).toHaveLength(2);
    expect(text.slice(blocks[0]!.start, blocks[0]!.contentEnd)).toBe('Roses are red,\nviolets are blue.');
  });

  it('handles CRLF, leading newlines and an empty text', () => {
    expect(segmentText('')).toEqual([]);
    const crlf = 'One.\r\n\r\nTwo.\r\n';
    expectContiguous(crlf, segmentText(crlf));
    expect(segmentText(crlf)).toHaveLength(2);
    const leading = '\n\nAfter blank lines.';
    expectContiguous(leading, segmentText(leading));
  });

  it('cuts a very long paragraph into bounded pieces at spaces, without splitting a surrogate pair', () => {
    const word = 'lorem ipsum 😀 ';
    const text = word.repeat(5000);
    const blocks = segmentText(text, { maxBlockChars: 500 });
    expectContiguous(text, blocks);
    expect(blocks.length).toBeGreaterThan(100);
    for (const b of blocks) {
      expect(b.contentEnd - b.start).toBeLessThanOrEqual(500);
      const low = text.charCodeAt(b.start);
      expect(low >= 0xdc00 && low <= 0xdfff).toBe(false);
    }
    const unbroken = 'x'.repeat(1999) + '😀' + 'y'.repeat(3000);
    const pieces = segmentText(unbroken, { maxBlockChars: 2000 });
    expectContiguous(unbroken, pieces);
    expect(pieces[0]!.end).toBe(1999);
  });
});

describe('findBlockIndex', () => {
  it('finds the block holding each offset, and the last block for the end of the text', () => {
    const text = readSourceText('000_f1b498f6176dc71c.txt');
    const blocks = segmentText(text);
    for (let offset = 0; offset < text.length; offset += 37) {
      const b = blocks[findBlockIndex(blocks, offset)]!;
      expect(offset).toBeGreaterThanOrEqual(b.start);
      expect(offset).toBeLessThan(b.end);
    }
    expect(findBlockIndex(blocks, text.length)).toBe(blocks.length - 1);
    expect(findBlockIndex([], 3)).toBe(-1);
  });
});

describe('countWords', () => {
  it('counts words with curly apostrophes and accents as one each', () => {
    expect(countWords('The Soviets’ plan — a détente, in 1939.')).toBe(7);
    expect(countWords('hadn’t taken place')).toBe(3);
    expect(countWords('')).toBe(0);
  });

  it('counts exactly the words of the reader’s pattern, on any text (apostrophes, accents, astral letters, lone surrogates)', () => {
    const byPattern = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)].length;
    const pieces = fc.constantFrom('a', 'Z', '7', ' ', "'", '’', 'é', 'e\u0301', '—', '\n', '𝔘', '字', '\ud800', '-', '.', 'ß');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(countWords(text)).toBe(byPattern(text));
      }),
      { numRuns: 2000, seed: 1939 },
    );
  });
});
