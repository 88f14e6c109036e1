// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../electron/core/text-blocks';
import { CHUNK_CHARS, CHUNK_ROWS, findRowIndex, gapForBreaks, groupChunks, groupRows } from '../../../renderer/src/reader/text-rows';
import { charsPerLine, estimateRowHeight, shouldVirtualise } from '../../../renderer/src/reader/reading-metrics';

describe('groupRows', () => {
  it('keeps the pieces of a long paragraph in one row', () => {
    const paragraph = 'word '.repeat(1000).trim();
    const text = `${paragraph}\n\nShort one.\nLine two`;
    const blocks = segmentText(text, { maxBlockChars: 500 });
    const rows = groupRows(blocks);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.start).toBe(0);
    expect(rows[0]!.last - rows[0]!.first).toBeGreaterThan(1);
    expect(rows[0]!.breaks).toBe(2);
    expect(text.slice(rows[1]!.start, rows[1]!.end)).toBe('Short one.\nLine two');
  });

  it('covers the text contiguously, whatever the cap', () => {
    const text = `${'a b '.repeat(3000)}\n\n\n${'c d '.repeat(50)}\n`;
    const blocks = segmentText(text, { maxBlockChars: 300 });
    for (const cap of [1, 2, 4, Number.POSITIVE_INFINITY]) {
      const rows = groupRows(blocks, cap);
      expect(rows[0]!.start).toBe(0);
      expect(rows[rows.length - 1]!.end).toBe(text.length);
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.start).toBe(rows[i - 1]!.end);
      for (const row of rows) expect(row.last - row.first).toBeLessThanOrEqual(cap);
    }
  });

  it('counts only visible characters', () => {
    const rows = groupRows(segmentText('abc\n\ndefg\n\n\n'));
    expect(rows.map((row) => row.contentLength)).toEqual([3, 4]);
    expect(rows.map((row) => gapForBreaks(row.breaks))).toEqual(['paragraph', 'section']);
  });
});

describe('groupChunks', () => {
  it('covers every row once, in order, with chunks of about a couple of screens', () => {
    const paragraphs: string[] = [];
    for (let i = 0; i < 600; i++) paragraphs.push(`Paragraph ${i} ${'word '.repeat(i % 90)}`);
    // One giant paragraph in the middle, and a run of one-word lines (verse).
    paragraphs.splice(300, 0, 'long '.repeat(2000), ...Array.from({ length: 80 }, (_, i) => `line${i}`));
    const rows = groupRows(segmentText(paragraphs.join('\n\n')), 4);
    const chunks = groupChunks(rows);
    expect(chunks[0]!.firstRow).toBe(0);
    expect(chunks.at(-1)!.lastRow).toBe(rows.length);
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      if (i > 0) expect(chunk.firstRow).toBe(chunks[i - 1]!.lastRow);
      expect(chunk.start).toBe(rows[chunk.firstRow]!.start);
      expect(chunk.end).toBe(rows[chunk.lastRow - 1]!.end);
      const chars = rows.slice(chunk.firstRow, chunk.lastRow).reduce((sum, row) => sum + row.contentLength, 0);
      const withoutLast = chars - rows[chunk.lastRow - 1]!.contentLength;
      // A chunk closes at the first row that takes it to the limit, or at the row cap.
      expect(withoutLast).toBeLessThan(CHUNK_CHARS);
      expect(chunk.lastRow - chunk.firstRow).toBeLessThanOrEqual(CHUNK_ROWS);
    }
    expect(chunks.length).toBeLessThan(rows.length / 4);
    // The chunk holding an offset is found as a row would be.
    const inside = chunks[7]!.start + 3;
    expect(findRowIndex(chunks, inside)).toBe(7);
  });

  it('makes no chunk of no rows', () => {
    expect(groupChunks([])).toEqual([]);
  });
});

describe('findRowIndex', () => {
  const rows = groupRows(segmentText('one\n\ntwo\n\nthree'));

  it('finds the row holding an offset, and the last row for the end', () => {
    expect(findRowIndex(rows, 0)).toBe(0);
    expect(findRowIndex(rows, 4)).toBe(0);
    expect(findRowIndex(rows, 5)).toBe(1);
    expect(findRowIndex(rows, 15)).toBe(2);
    expect(findRowIndex([], 3)).toBe(-1);
  });
});

describe('reading metrics', () => {
  it('virtualises only large texts', () => {
    const small = 'Paragraph.\n\n'.repeat(50);
    expect(shouldVirtualise(small, segmentText(small))).toBe(false);
    const many = 'Paragraph.\n\n'.repeat(400);
    expect(shouldVirtualise(many, segmentText(many))).toBe(true);
    const long = 'x '.repeat(80_000);
    expect(shouldVirtualise(long, segmentText(long))).toBe(true);
  });

  it('estimates taller rows for longer paragraphs and narrower columns', () => {
    const [row] = groupRows(segmentText(`${'word '.repeat(200)}\n\n`));
    const wide = estimateRowHeight(row!, 18, charsPerLine(1000, 18, 66));
    const narrow = estimateRowHeight(row!, 18, charsPerLine(300, 18, 66));
    expect(narrow).toBeGreaterThan(wide);
    expect(wide).toBeGreaterThan(18 * 1.6 * 10);
  });
});
