import { describe, expect, it } from 'vitest';
import {
  canvasWindow,
  clampZoom,
  COLUMN_PADDING,
  CSS_PER_PDF_UNIT,
  layoutColumn,
  MAX_LIVE_CANVASES,
  pageIndexAt,
  pagesInView,
  pageScreenSize,
  PAGE_GAP,
  scaleFor,
  steppedZoom,
} from '../../../renderer/src/pdf/pdf-layout';

const A4 = { width: 595.28, height: 841.89, rotation: 0 };

describe('the column of pages', () => {
  it('stacks whole-pixel pages with a gap, and turns a quarter-rotated page on its side', () => {
    const layout = layoutColumn([A4, { ...A4, rotation: 90 }, A4], 1);
    expect(layout.slots.map((s) => [s.top, s.width, s.height])).toEqual([
      [COLUMN_PADDING, 595, 841],
      [COLUMN_PADDING + 841 + PAGE_GAP, 841, 595],
      [COLUMN_PADDING + 841 + PAGE_GAP + 595 + PAGE_GAP, 595, 841],
    ]);
    expect(layout.width).toBe(841);
    expect(layout.height).toBe(layout.slots[2]!.top + 841 + COLUMN_PADDING);
    expect(pageScreenSize({ ...A4, rotation: 270 }, 2)).toEqual({ width: 1683, height: 1190 });
  });

  it('finds the page at a height and the pages in view, gaps included', () => {
    const { slots } = layoutColumn(Array(10).fill(A4), 1);
    expect(pageIndexAt(slots, 0)).toBe(0);
    expect(pageIndexAt(slots, slots[3]!.top)).toBe(3);
    expect(pageIndexAt(slots, slots[3]!.top - 1)).toBe(2);
    expect(pagesInView(slots, slots[2]!.top + 10, slots[2]!.top + 500)).toEqual([2, 2]);
    // The top of the view in the gap below page 2: page 2 is no longer in view.
    expect(pagesInView(slots, slots[2]!.top + 841 + 2, slots[3]!.top + 900)).toEqual([3, 4]);
    expect(pagesInView([], 0, 100)).toBeNull();
  });
});

describe('the canvases', () => {
  it('never exceed the limit, wherever the reader is in a 500-page PDF and however tall the view', () => {
    const { slots, height } = layoutColumn(Array(500).fill(A4), 0.4);
    for (const view of [300, 900, 3000]) {
      for (let top = 0; top < height; top += 997) {
        const inView = pagesInView(slots, top, top + view)!;
        const window = canvasWindow(inView, 500)!;
        expect(window[1] - window[0] + 1).toBeLessThanOrEqual(MAX_LIVE_CANVASES);
        expect(window[0]).toBeGreaterThanOrEqual(0);
        expect(window[1]).toBeLessThan(500);
        // The pages in view come first: as many as fit are covered.
        expect(window[0]).toBeLessThanOrEqual(inView[0]);
        expect(Math.min(window[1], inView[1])).toBe(Math.min(inView[1], inView[0] + MAX_LIVE_CANVASES - 1));
      }
    }
  });

  it('take the neighbours before and after the pages in view, in turn', () => {
    expect(canvasWindow([10, 11], 500)).toEqual([8, 13]);
    expect(canvasWindow([0, 1], 500)).toEqual([0, 5]);
    expect(canvasWindow([498, 499], 500)).toEqual([494, 499]);
    expect(canvasWindow([0, 2], 3)).toEqual([0, 2]);
    expect(canvasWindow(null, 3)).toBeNull();
  });
});

describe('zoom', () => {
  it('fits the width or the whole page of the pane, or keeps a fixed zoom', () => {
    expect(scaleFor({ kind: 'fit-width' }, A4, 600 + 2 * COLUMN_PADDING, 500)).toBeCloseTo(600 / 595.28, 9);
    expect(scaleFor({ kind: 'fit-page' }, A4, 600 + 2 * COLUMN_PADDING, 500 + 2 * COLUMN_PADDING)).toBeCloseTo(500 / 841.89, 9);
    expect(scaleFor({ kind: 'fixed', zoom: 1.5 }, A4, 10, 10)).toBeCloseTo(1.5 * CSS_PER_PDF_UNIT, 9);
    // A quarter-turned page fits its on-screen width, which is its height.
    expect(scaleFor({ kind: 'fit-width' }, { ...A4, rotation: 90 }, 841.89 + 2 * COLUMN_PADDING, 500)).toBeCloseTo(1, 9);
    // A pane too narrow still shows a page, at the smallest zoom.
    expect(scaleFor({ kind: 'fit-width' }, A4, 20, 20)).toBeCloseTo(0.25 * CSS_PER_PDF_UNIT, 9);
  });

  it('steps through the zoom levels from wherever it is, within 25% and 400%', () => {
    expect(steppedZoom(1, 1)).toBe(1.1);
    expect(steppedZoom(1, -1)).toBe(0.9);
    expect(steppedZoom(0.68, 1)).toBe(0.75);
    expect(steppedZoom(0.68, -1)).toBe(0.67);
    expect(steppedZoom(4, 1)).toBe(4);
    expect(steppedZoom(0.25, -1)).toBe(0.25);
    expect([clampZoom(9), clampZoom(0.01), clampZoom(1.3)]).toEqual([4, 0.25, 1.3]);
  });
});
