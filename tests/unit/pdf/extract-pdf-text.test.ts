import { describe, expect, it } from 'vitest';
import { joinPageText, PDF_TEXT_CONTENT_OPTIONS } from '../../../electron/core/pdf-text-join';
import { extractPdfText, type PdfText } from '../../../electron/library/pdf';
import { loadPdfjs } from '../../../electron/library/pdf/pdfjs-node';
import {
  CJK_LINES,
  cjkPdf,
  hasCjkFont,
  LEFT_COLUMN,
  NON_LATIN_LINES,
  nonLatinPdf,
  OUTLINED_TITLE,
  outlinedPdf,
  RIGHT_COLUMN,
  ROTATED_PAGES,
  rotatedPagesPdf,
  SEVERAL_PAGES,
  severalPagesPdf,
  twoColumnPdf,
} from '../../support/pdf-fixtures';

const A4 = { width: 595.28, height: 841.89 };

/** The text of each page, read through the page spans. */
function pageTexts(pdf: PdfText): string[] {
  return pdf.pages.map((page) => pdf.text.slice(page.start, page.end));
}

describe('extractPdfText: pages', () => {
  it('extracts every page in order, each line of a page on its own line', async () => {
    const pdf = await extractPdfText(await severalPagesPdf());
    expect(pdf.pageCount).toBe(3);
    expect(pageTexts(pdf)).toEqual(SEVERAL_PAGES.map((lines) => lines.join('\n')));
    expect(pdf.text).toBe(SEVERAL_PAGES.map((lines) => lines.join('\n')).join('\n\n'));
  });

  it('gives page spans that tile the text with a blank line between pages', async () => {
    const pdf = await extractPdfText(await severalPagesPdf());
    expect(pdf.pages.map((p) => p.pageNumber)).toEqual([1, 2, 3]);
    expect(pdf.pages[0]!.start).toBe(0);
    expect(pdf.pages.at(-1)!.end).toBe(pdf.text.length);
    for (let i = 1; i < pdf.pages.length; i++) {
      expect(pdf.text.slice(pdf.pages[i - 1]!.end, pdf.pages[i]!.start)).toBe('\n\n');
    }
  });

  it('gives each page its size in user-space units and its rotation', async () => {
    const pdf = await extractPdfText(await severalPagesPdf());
    for (const page of pdf.pages) expect(page).toMatchObject({ ...A4, rotation: 0 });
  });

  it('leaves the caller’s bytes untouched, a Node Buffer included', async () => {
    const bytes = await severalPagesPdf();
    const copy = bytes.slice();
    await extractPdfText(bytes);
    expect(bytes).toEqual(copy);
    const buffer = Buffer.from(copy);
    expect((await extractPdfText(buffer)).pageCount).toBe(3);
    expect(buffer.byteLength).toBe(copy.byteLength);
  });

  it('gives the same page text as joinPageText over the text layer’s own stream of items', async () => {
    // The PDF view builds its text layer from page.streamTextContent(); it
    // must count the same offsets as the extractor.
    const bytes = await severalPagesPdf();
    const pdf = await extractPdfText(bytes);
    const pdfjs = await loadPdfjs();
    const document = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
    try {
      for (const page of pdf.pages) {
        const pdfPage = await document.getPage(page.pageNumber);
        for (const stream of [pdfPage.streamTextContent(PDF_TEXT_CONTENT_OPTIONS), pdfPage.streamTextContent()]) {
          const items = [];
          for await (const chunk of stream as unknown as AsyncIterable<{ items: Parameters<typeof joinPageText>[0] }>) items.push(...chunk.items);
          expect(joinPageText(items).text).toBe(pdf.text.slice(page.start, page.end));
        }
      }
    } finally {
      await document.destroy();
    }
  });
});

describe('extractPdfText: layout', () => {
  it('reads two columns in content-stream order: the whole left column, then the whole right one', async () => {
    const pdf = await extractPdfText(await twoColumnPdf());
    expect(pdf.text).toBe(['Two columns', ...LEFT_COLUMN, ...RIGHT_COLUMN].join('\n'));
    // Each column's sentences read unbroken once line breaks are taken as spaces.
    const flowing = pdf.text.replace(/\n/g, ' ');
    expect(flowing).toContain('The Soviets asked for a military alliance of three powers. Britain hesitated.');
    expect(flowing).toContain('The French leaned towards an agreement. London set the pace of the talks.');
  });

  it('extracts the text of rotated pages and of text turned by a transform', async () => {
    const pdf = await extractPdfText(await rotatedPagesPdf());
    expect(pageTexts(pdf)).toEqual(ROTATED_PAGES.map((lines) => lines.join('\n')));
  });

  it('reports each page’s /Rotate and the size of its unrotated box', async () => {
    const pdf = await extractPdfText(await rotatedPagesPdf());
    expect(pdf.pages.map(({ width, height, rotation }) => ({ width, height, rotation }))).toEqual([
      { ...A4, rotation: 0 },
      { ...A4, rotation: 90 },
      { width: A4.height, height: A4.width, rotation: 270 },
      { ...A4, rotation: 0 },
    ]);
  });
});

describe('extractPdfText: scripts', () => {
  it('extracts Cyrillic, Greek and accented Latin exactly', async () => {
    const pdf = await extractPdfText(await nonLatinPdf());
    expect(pdf.text).toBe(NON_LATIN_LINES.join('\n'));
  });

  it.skipIf(!hasCjkFont)('extracts Japanese and Chinese exactly (needs fonts-noto-cjk)', async () => {
    const pdf = await extractPdfText(await cjkPdf());
    expect(pdf.text).toBe(CJK_LINES.join('\n'));
  });
});

describe('extractPdfText: title', () => {
  it('takes the title from the metadata, with blanks collapsed', async () => {
    expect((await extractPdfText(await outlinedPdf())).title).toBe(OUTLINED_TITLE);
  });

  it('gives no title when the metadata has none', async () => {
    const pdf = await extractPdfText(await severalPagesPdf());
    expect(pdf.title).toBeUndefined();
    expect('title' in pdf).toBe(false);
  });
});
