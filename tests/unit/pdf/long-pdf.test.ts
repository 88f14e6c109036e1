import { expect, it } from 'vitest';
import { extractPdfText } from '../../../electron/library/pdf';
import { longPdf, longPdfPageLines } from '../../support/pdf-fixtures';

it('extracts all 500 pages of a long PDF, each at its place, in well under the time a reader waits', async () => {
  const bytes = await longPdf(500);
  const started = performance.now();
  const pdf = await extractPdfText(bytes);
  const elapsed = performance.now() - started;
  expect(pdf.pageCount).toBe(500);
  for (const pageNumber of [1, 2, 250, 499, 500]) {
    const page = pdf.pages[pageNumber - 1]!;
    expect(page.pageNumber).toBe(pageNumber);
    expect(pdf.text.slice(page.start, page.end)).toBe(longPdfPageLines(pageNumber).join('\n'));
  }
  // About 2–2.7 s here (3,400 characters a page); the bound only catches a
  // pathological slowdown, such as quadratic joining, on a busy machine.
  expect(elapsed).toBeLessThan(15_000);
}, 60_000);
