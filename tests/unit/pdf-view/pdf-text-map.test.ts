import { describe, expect, it } from 'vitest';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { PDF_TEXT_CONTENT_OPTIONS } from '../../../electron/core/pdf-text-join';
import { extractPdfText } from '../../../electron/library/pdf';
import { openPdf } from '../../../electron/library/pdf/pdfjs-node';
import { findMatches, itemIndexAt, pageIndexOfOffset, pageItems, pagesOfPassage, piecesOf } from '../../../renderer/src/pdf/pdf-text-map';
import { nonLatinPdf, severalPagesPdf, twoColumnPdf } from '../../support/pdf-fixtures';

const pages = [
  { pageNumber: 1, start: 0, end: 10 },
  { pageNumber: 2, start: 12, end: 12 },
  { pageNumber: 3, start: 14, end: 30 },
];

describe('pages of offsets', () => {
  it('put an offset on its page, a separator with the page after, an exclusive end with the page before', () => {
    expect([0, 9, 10, 11, 14, 29, 30].map((o) => pageIndexOfOffset(pages, o))).toEqual([0, 0, 0, 0, 2, 2, 2]);
    expect(pageIndexOfOffset(pages, 12)).toBe(1);
    expect(pageIndexOfOffset(pages, 13)).toBe(1);
    expect([10, 14, 15, 30].map((o) => pageIndexOfOffset(pages, o, 'end'))).toEqual([0, 1, 2, 2]);
    expect(pageIndexOfOffset([], 3)).toBe(-1);
  });

  it('give a passage across a page break both of its pages, and one on a page only that page', () => {
    expect(pagesOfPassage(pages, 5, 20)).toEqual([0, 2]);
    expect(pagesOfPassage(pages, 15, 20)).toEqual([2, 2]);
    expect(pagesOfPassage(pages, 2, 10)).toEqual([0, 0]);
  });
});

describe('a page’s items', () => {
  const items = [
    { str: 'Left', hasEOL: false },
    { str: ' ', hasEOL: false },
    { str: 'right', hasEOL: true },
    { str: '', hasEOL: true },
    { str: 'Below', hasEOL: false },
  ];
  const map = pageItems(3, 100, items);

  it('start where the shared join rule puts them, from the page’s offset', () => {
    expect(map).toEqual({ pageNumber: 3, starts: [100, 104, 105, 111, 112], lengths: [4, 1, 5, 0, 5], text: 'Left right\n\nBelow' });
  });

  it('give the pieces of each span a passage covers, skipping line breaks and empty items', () => {
    expect(itemIndexAt(map, 99)).toBe(-1);
    expect(itemIndexAt(map, 110)).toBe(2);
    expect(piecesOf(map, 102, 114)).toEqual([
      { index: 0, from: 2, to: 4 },
      { index: 1, from: 0, to: 1 },
      { index: 2, from: 0, to: 5 },
      { index: 4, from: 0, to: 2 },
    ]);
    expect(piecesOf(map, 110, 112)).toEqual([]);
  });

  it('spell the text the library extracted, for real PDFs: several pages, two columns, non-Latin', async () => {
    for (const bytes of [await severalPagesPdf(), await twoColumnPdf(), await nonLatinPdf()]) {
      const extracted = await extractPdfText(bytes);
      const pdf = await (await openPdf(bytes, undefined)).promise;
      for (const page of extracted.pages) {
        const content = await (await pdf.getPage(page.pageNumber)).getTextContent(PDF_TEXT_CONTENT_OPTIONS);
        const mapped = pageItems(page.pageNumber, page.start, content.items as TextItem[]);
        expect(mapped.text).toBe(extracted.text.slice(page.start, page.end));
        (content.items as TextItem[]).forEach((item, i) => expect(extracted.text.slice(mapped.starts[i], mapped.starts[i]! + item.str.length)).toBe(item.str));
      }
    }
  });
});

describe('finding in a PDF’s text', () => {
  it('ignores case and lets a space match a line break', () => {
    const text = 'The talks\nstalled. THE TALKS resumed; the  talks ended.';
    expect(findMatches(text, 'the talks')).toEqual([
      { start: 0, end: 9 },
      { start: 19, end: 28 },
      { start: 38, end: 48 },
    ]);
    expect(findMatches(text, 'talks stalled')).toEqual([{ start: 4, end: 17 }]);
  });

  it('treats the query as words, not a pattern, and stops at its limit', () => {
    expect(findMatches('a (b) c.*', '(b) c.*')).toEqual([{ start: 2, end: 9 }]);
    expect(findMatches('aaaa', '   ')).toEqual([]);
    expect(findMatches('x x x x x', 'x', 3)).toHaveLength(3);
  });
});
