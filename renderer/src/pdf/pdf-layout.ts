/**
 * Where each page of a PDF sits in its scrolling column, which pages are in
 * view, which get a canvas, and the zoom levels: plain arithmetic on the
 * page sizes the library reported, so a 500-page PDF is laid out at once
 * without loading a single page.
 */

/** A page's size in PDF units before rotation, and its /Rotate (PdfPage from the API has these). */
export interface PageDimensions {
  width: number;
  height: number;
  rotation: number;
}

/** A page's box in the column, in CSS pixels. */
export interface PageSlot {
  top: number;
  width: number;
  height: number;
}

/** The column: every page's slot and the height of the whole. */
export interface ColumnLayout {
  slots: PageSlot[];
  height: number;
  /** The widest page, which decides the column's width. */
  width: number;
}

/** Space above the first page and below the last one. */
export const COLUMN_PADDING = 16;
/** Space between two pages. */
export const PAGE_GAP = 12;
/** CSS pixels per PDF unit at 100%: a point is 1/72 inch, a CSS pixel 1/96. */
export const CSS_PER_PDF_UNIT = 96 / 72;
/** The most pages that hold a canvas at once. */
export const MAX_LIVE_CANVASES = 6;

/** The zoom steps of the − and + buttons and keys, as fractions of 100%. */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;
export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 4;

/** How the reader sized the pages: to the pane's width, a whole page in view, or a fixed zoom. */
export type ZoomMode = { kind: 'fit-width' } | { kind: 'fit-page' } | { kind: 'fixed'; zoom: number };

/** Width and height on screen at `scale` (CSS px per PDF unit), swapped for a quarter turn. */
export function pageScreenSize(page: PageDimensions, scale: number): { width: number; height: number } {
  const quarter = Math.abs(Math.round(page.rotation / 90)) % 2 === 1;
  const width = Math.max(1, Math.floor((quarter ? page.height : page.width) * scale));
  const height = Math.max(1, Math.floor((quarter ? page.width : page.height) * scale));
  return { width, height };
}

/** Lays the pages out top to bottom at `scale`. Sizes are whole pixels, so the column never drifts from the DOM. */
export function layoutColumn(pages: readonly PageDimensions[], scale: number): ColumnLayout {
  const slots: PageSlot[] = [];
  let top = COLUMN_PADDING;
  let width = 0;
  for (const page of pages) {
    const size = pageScreenSize(page, scale);
    slots.push({ top, width: size.width, height: size.height });
    width = Math.max(width, size.width);
    top += size.height + PAGE_GAP;
  }
  const height = pages.length === 0 ? 2 * COLUMN_PADDING : top - PAGE_GAP + COLUMN_PADDING;
  return { slots, height, width };
}

/** Index of the page at height `y` of the column: the last page whose top is at or above it (0 before the first). */
export function pageIndexAt(slots: readonly PageSlot[], y: number): number {
  let low = 0;
  let high = slots.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (slots[mid]!.top <= y) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** First and last index of the pages that show between `top` and `bottom` (inclusive), or null for none. */
export function pagesInView(slots: readonly PageSlot[], top: number, bottom: number): [number, number] | null {
  if (slots.length === 0) return null;
  let first = pageIndexAt(slots, top);
  if (slots[first]!.top + slots[first]!.height <= top && first < slots.length - 1) first++;
  let last = pageIndexAt(slots, bottom);
  if (last < first) last = first;
  return [first, last];
}

/**
 * The pages that get a canvas: those in view (at most `max`, nearest the
 * top first), then their neighbours, one before and one after in turn, while
 * fewer than `max` are taken. Returns [from, to], inclusive.
 */
export function canvasWindow(inView: [number, number] | null, count: number, max = MAX_LIVE_CANVASES): [number, number] | null {
  if (!inView || count === 0) return null;
  let from = Math.max(0, inView[0]);
  let to = Math.min(count - 1, inView[1], from + max - 1);
  let before = true;
  while (to - from + 1 < max && (from > 0 || to < count - 1)) {
    if ((before && from > 0) || to >= count - 1) from--;
    else to++;
    before = !before;
  }
  return [from, to];
}

/** The scale (CSS px per PDF unit) a zoom mode gives for a page in a viewport of the given inner size. */
export function scaleFor(mode: ZoomMode, page: PageDimensions | undefined, viewWidth: number, viewHeight: number): number {
  if (mode.kind === 'fixed' || !page) return (mode.kind === 'fixed' ? mode.zoom : 1) * CSS_PER_PDF_UNIT;
  const quarter = Math.abs(Math.round(page.rotation / 90)) % 2 === 1;
  const width = quarter ? page.height : page.width;
  const height = quarter ? page.width : page.height;
  const room = Math.max(1, viewWidth - 2 * COLUMN_PADDING);
  const byWidth = room / width;
  const scale = mode.kind === 'fit-width' ? byWidth : Math.min(byWidth, Math.max(1, viewHeight - 2 * COLUMN_PADDING) / height);
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale / CSS_PER_PDF_UNIT)) * CSS_PER_PDF_UNIT;
}

/** The next zoom step above (`+1`) or below (`-1`) the current zoom (a fraction of 100%). */
export function steppedZoom(current: number, direction: 1 | -1): number {
  const epsilon = 0.001;
  if (direction > 0) return ZOOM_STEPS.find((step) => step > current + epsilon) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((step) => step < current - epsilon) ?? MIN_ZOOM;
}

/** The zoom a percentage typed or chosen gives, kept within the steps' range. */
export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}
