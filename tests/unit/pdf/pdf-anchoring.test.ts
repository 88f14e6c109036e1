import { describe, expect, it } from 'vitest';
import { describePassage, isOrphaned, resolvePassage, resolvePassages } from '../../../electron/core/anchoring';
import { extractPdfText, type PdfText } from '../../../electron/library/pdf';
import { longPdf, SEVERAL_PAGES, severalPagesPdf } from '../../support/pdf-fixtures';
import { seededRandom } from '../../support/seeded-random';

/** The 1-based page holding `offset`. */
function pageAt(pdf: PdfText, offset: number): number {
  return pdf.pages.find((page) => offset >= page.start && offset <= page.end)!.pageNumber;
}

/** Offsets of `from`…`to` (inclusive of `to`) in `text`. */
function passage(text: string, from: string, to: string): [number, number] {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start) + to.length;
  if (start === -1 || end < start + to.length) throw new Error(`no passage from "${from}" to "${to}"`);
  return [start, end];
}

const acrossTheBreak = ['talks with the Soviet Union.', 'In May, Molotov'] as const;

describe('anchoring on extracted PDF text', () => {
  it('describes a passage across a page break and finds it at the same offsets', async () => {
    const pdf = await extractPdfText(await severalPagesPdf());
    const [start, end] = passage(pdf.text, ...acrossTheBreak);
    expect([pageAt(pdf, start), pageAt(pdf, end)]).toEqual([1, 2]);
    const selectors = describePassage(pdf.text, start, end);
    expect(selectors[0].exact).toBe('talks with the Soviet Union.\n\nIn May, Molotov');
    expect(resolvePassage(pdf.text, selectors)).toEqual({ start, end, method: 'position' });
  });

  it('finds a passage across a page break again after a line is added above it', async () => {
    const before = await extractPdfText(await severalPagesPdf());
    const [start, end] = passage(before.text, ...acrossTheBreak);
    const selectors = describePassage(before.text, start, end);

    const edited = [['A line added at the top of the first page.', ...SEVERAL_PAGES[0]!], ...SEVERAL_PAGES.slice(1)];
    const after = await extractPdfText(await severalPagesPdf(edited));
    const shift = 'A line added at the top of the first page.\n'.length;
    expect(resolvePassage(after.text, selectors)).toEqual({ start: start + shift, end: end + shift, method: 'exact' });
  });

  it('finds a passage again when a re-flow moved the page break inside it', async () => {
    const before = await extractPdfText(await severalPagesPdf());
    const [start, end] = passage(before.text, 'then opened talks', 'replaced Litvinov');
    const selectors = describePassage(before.text, start, end);

    // The last line of page 1 moves to the top of page 2.
    const reflowed = [SEVERAL_PAGES[0]!.slice(0, -1), [SEVERAL_PAGES[0]!.at(-1)!, ...SEVERAL_PAGES[1]!], SEVERAL_PAGES[2]!];
    const after = await extractPdfText(await severalPagesPdf(reflowed));
    const result = resolvePassage(after.text, selectors);
    if (isOrphaned(result)) throw new Error(`orphaned: ${result.reason}`);
    expect(after.text.slice(result.start, result.end)).toBe('then opened talks with the Soviet Union.\nIn May, Molotov replaced Litvinov');
    expect([pageAt(after, result.start), pageAt(after, result.end)]).toEqual([2, 2]);
  });

  it('finds 300 random passages of a 40-page PDF at their stored offsets', async () => {
    const pdf = await extractPdfText(await longPdf(40, 30));
    const random = seededRandom(4);
    const passages = Array.from({ length: 300 }, () => {
      const start = Math.floor(random() * (pdf.text.length - 400));
      let end = start + 1 + Math.floor(random() * 400);
      // A passage must hold some text; widen it past any run of blanks.
      while (pdf.text.slice(start, end).trim() === '') end++;
      return [start, end] as const;
    });
    const results = resolvePassages(pdf.text, passages.map(([start, end]) => describePassage(pdf.text, start, end)));
    results.forEach((result, i) => expect(result).toEqual({ start: passages[i]![0], end: passages[i]![1], method: 'position' }));
  });
});
