import { describe, expect, it } from 'vitest';
import type { PDFPageProxy } from 'pdfjs-dist';
import { openPdf } from '../../../electron/library/pdf/pdfjs-node';
import {
  applyMatrix,
  cssRectToPdf,
  invertMatrix,
  mergeLineRects,
  pdfRectToCss,
  rectContains,
  viewportSize,
  viewportTransform,
  type PageBox,
} from '../../../renderer/src/pdf/pdf-geometry';
import { rotatedPagesPdf, severalPagesPdf } from '../../support/pdf-fixtures';

async function pagesOf(bytes: Uint8Array): Promise<PDFPageProxy[]> {
  const pdf = await (await openPdf(bytes, undefined)).promise;
  return Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pdf.getPage(i + 1)));
}

const boxOf = (page: PDFPageProxy): PageBox => ({ viewBox: page.view as [number, number, number, number], rotation: page.rotate, userUnit: page.userUnit });

describe('the page transform', () => {
  it('is the matrix pdf.js draws with, for upright, quarter-turned and landscape pages at several scales', async () => {
    const pages = [...(await pagesOf(await severalPagesPdf())), ...(await pagesOf(await rotatedPagesPdf()))];
    expect(new Set(pages.map((p) => p.rotate))).toEqual(new Set([0, 90, 270]));
    for (const page of pages) {
      for (const scale of [0.5, 1, 4 / 3, 2.25]) {
        const viewport = page.getViewport({ scale });
        const mine = viewportTransform(boxOf(page), scale);
        mine.forEach((value, i) => expect(value).toBeCloseTo(viewport.transform[i]!, 9));
        const size = viewportSize(boxOf(page), scale);
        expect(size.width).toBeCloseTo(viewport.width, 9);
        expect(size.height).toBeCloseTo(viewport.height, 9);
      }
    }
  });

  it('handles a view box that does not start at the origin, and every rotation', () => {
    for (const rotation of [0, 90, 180, 270, -90, 450]) {
      const box: PageBox = { viewBox: [20, 30, 620, 830], rotation };
      const m = viewportTransform(box, 1.5);
      const { width, height } = viewportSize(box, 1.5);
      // The box's four corners land exactly on the page box's corners on screen.
      const corners = [
        [20, 30],
        [620, 30],
        [20, 830],
        [620, 830],
      ].map(([x, y]) => applyMatrix(m, x!, y!).map((v) => Math.round(v * 1e6) / 1e6));
      expect(new Set(corners.map(([x]) => x))).toEqual(new Set([0, width]));
      expect(new Set(corners.map(([, y]) => y))).toEqual(new Set([0, height]));
    }
  });

  it('inverts to the identity', () => {
    const m = viewportTransform({ viewBox: [0, 0, 595, 842], rotation: 90 }, 1.7);
    const back = invertMatrix(m);
    const [x, y] = applyMatrix(back, ...applyMatrix(m, 123.4, 567.8));
    expect(x).toBeCloseTo(123.4, 9);
    expect(y).toBeCloseTo(567.8, 9);
  });
});

describe('rectangles', () => {
  it('go from the page box to user space and back, at any zoom and rotation', () => {
    for (const rotation of [0, 90, 180, 270]) {
      const box: PageBox = { viewBox: [0, 0, 595.28, 841.89], rotation };
      const stored = cssRectToPdf({ left: 100, top: 200, width: 150, height: 14 }, viewportTransform(box, 1), 3);
      expect(stored.page).toBe(3);
      for (const scale of [0.5, 1, 3]) {
        const drawn = pdfRectToCss(stored, viewportTransform(box, scale));
        expect(drawn.left).toBeCloseTo(100 * scale, 1);
        expect(drawn.top).toBeCloseTo(200 * scale, 1);
        expect(drawn.width).toBeCloseTo(150 * scale, 1);
        expect(drawn.height).toBeCloseTo(14 * scale, 1);
      }
    }
  });

  it('are stored in user space, y up from the page bottom, rounded to a hundredth', () => {
    const box: PageBox = { viewBox: [0, 0, 600, 800], rotation: 0 };
    expect(cssRectToPdf({ left: 72, top: 100, width: 200.123456, height: 12 }, viewportTransform(box, 1), 1)).toEqual({ page: 1, x: 72, y: 688, w: 200.12, h: 12 });
  });

  it('of one line are merged, of different lines kept apart', () => {
    const merged = mergeLineRects([
      { left: 10, top: 100, width: 50, height: 12 },
      { left: 59, top: 101, width: 30, height: 11 },
      { left: 90.5, top: 100, width: 20, height: 12 },
      { left: 10, top: 114, width: 80, height: 12 },
      { left: 300, top: 100, width: 10, height: 12 },
      { left: 5, top: 5, width: 0, height: 12 },
    ]);
    expect(merged).toEqual([
      { left: 10, top: 100, width: 100.5, height: 12 },
      { left: 300, top: 100, width: 10, height: 12 },
      { left: 10, top: 114, width: 80, height: 12 },
    ]);
    // Whatever order the text layer gave them in.
    expect(mergeLineRects([{ left: 90.5, top: 100, width: 20, height: 12 }, { left: 10, top: 100, width: 50, height: 12 }, { left: 59, top: 101, width: 30, height: 11 }])).toEqual([
      { left: 10, top: 100, width: 100.5, height: 12 },
    ]);
  });

  it('contain the points on and inside their edges', () => {
    const rect = { left: 10, top: 10, width: 5, height: 5 };
    expect([rectContains(rect, 10, 10), rectContains(rect, 15, 15), rectContains(rect, 15.1, 12)]).toEqual([true, true, false]);
  });
});
