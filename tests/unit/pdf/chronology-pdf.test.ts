import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText, type PdfText } from '../../../electron/library/pdf';
import { loadPdfjs } from '../../../electron/library/pdf/pdfjs-node';
import { documentsDir, repoRoot } from '../../support/paths';

const pdfPath = join(documentsDir, 'chronology-1939.pdf');
const source = readFileSync(join(documentsDir, 'chronology-1939.source.md'), 'utf8');
const headings = (marker: string) => [...source.matchAll(new RegExp(`^${marker} (.+)$`, 'gm'))].map((m) => m[1]!.trim());

describe('the bundled chronology PDF', () => {
  let pdf: PdfText;
  beforeAll(async () => {
    pdf = await extractPdfText(new Uint8Array(readFileSync(pdfPath)));
  });

  it('is exactly what its build script makes of its source', () => {
    const check = spawnSync(process.execPath, ['scripts/build-chronology-pdf.mjs', '--check'], { cwd: repoRoot, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('has the source’s title and 5 to 8 A4 pages, numbered in the footer', () => {
    expect(pdf.title).toBe(headings('#')[0]);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(5);
    expect(pdf.pageCount).toBeLessThanOrEqual(8);
    for (const page of pdf.pages) {
      expect(page).toMatchObject({ width: 595.28, height: 841.89, rotation: 0 });
      expect(pdf.text.slice(page.start, page.end).endsWith(`\nPage ${page.pageNumber} of ${pdf.pageCount}`)).toBe(true);
    }
  });

  it('starts a new page at each section after the first', () => {
    const sections = headings('##');
    const pageStarts = pdf.pages.map((page) => pdf.text.slice(page.start, page.end).split('\n')[0]);
    expect(pageStarts.slice(1)).toEqual(sections.slice(1));
  });

  it('has a bookmark for each section, and one for each subsection under its section', async () => {
    const pdfjs = await loadPdfjs();
    const document = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdfPath)), isEvalSupported: false }).promise;
    try {
      const outline = (await document.getOutline()) ?? [];
      expect(outline.map((item) => item.title)).toEqual(headings('##'));
      expect(outline.flatMap((item) => item.items.map((child) => child.title))).toEqual(headings('###'));
    } finally {
      await document.destroy();
    }
  });

  it('reads the dated events of the sources', () => {
    const flowing = pdf.text.replace(/\n/g, ' ');
    for (const event of ['10 March. Stalin makes', '12 August. The military discussions begin.', '23 August. Two days later the German-Soviet Non-Aggression Pact is signed.']) {
      expect(flowing).toContain(event);
    }
  });
});
