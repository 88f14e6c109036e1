/**
 * The PDF column's geometry as the reader scrolls and zooms: the scale the
 * zoom mode gives for the pane's size, every page's slot, which pages are
 * in view and which get a canvas, the current page, and keeping the same
 * spot at the top of the pane when the scale changes.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { PdfPage } from '../../../electron/api/contract';
import {
  canvasWindow,
  COLUMN_PADDING,
  CSS_PER_PDF_UNIT,
  layoutColumn,
  pageIndexAt,
  pagesInView,
  scaleFor,
  type ColumnLayout,
  type PageSlot,
  type ZoomMode,
} from './pdf-layout';

/** What the scroll position decides. */
export interface ViewRange {
  /** Pages in view, [from, to] inclusive, or null before the first measure. */
  inView: [number, number] | null;
  /** Pages that get a canvas, [from, to] inclusive, or null before the first measure. */
  canvases: [number, number] | null;
  /** The page the reader is on (0-based). */
  current: number;
  atEnd: boolean;
}

/** The page showing most within [top, bottom]; at the very end, the last one in view. */
function currentPage(slots: readonly PageSlot[], inView: [number, number] | null, top: number, bottom: number, atEnd: boolean): number {
  if (!inView) return 0;
  if (atEnd) return inView[1];
  let best = inView[0];
  let shown = -1;
  for (let i = inView[0]; i <= inView[1]; i++) {
    const slot = slots[i]!;
    const visible = Math.min(bottom, slot.top + slot.height) - Math.max(top, slot.top);
    if (visible > shown + 1) {
      best = i;
      shown = visible;
    }
  }
  return best;
}

/** Where the top of the view is: a page and how far down it (a fraction of its height), and the horizontal centre. */
interface Anchor {
  index: number;
  fraction: number;
  centre: number;
}

/** The column's geometry as of the last render, for handlers that run between renders. */
export interface ViewportGeometry {
  layout: ColumnLayout;
  columnWidth: number;
  scale: number;
}

/**
 * The column's state for one PDF in one scroller; `geometryRef` (the caller's
 * ref, so handlers can read it without re-rendering) is kept current.
 */
export function usePdfViewport(scrollRef: RefObject<HTMLDivElement | null>, geometryRef: RefObject<ViewportGeometry>, pages: readonly PdfPage[], mode: ZoomMode) {
  const [view, setView] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    const measure = () => setView((v) => (v.width === el.clientWidth && v.height === el.clientHeight ? v : { width: el.clientWidth, height: el.clientHeight }));
    measure();
    if (typeof ResizeObserver !== 'function') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [scrollRef]);

  // Fit modes fit the widest page, so the scale does not change from page to page.
  const reference = useMemo(() => pages.reduce<PdfPage | undefined>((widest, page) => {
    const width = Math.abs(Math.round(page.rotation / 90)) % 2 === 1 ? page.height : page.width;
    const best = widest ? (Math.abs(Math.round(widest.rotation / 90)) % 2 === 1 ? widest.height : widest.width) : -1;
    return width > best ? page : widest;
  }, undefined), [pages]);
  const scale = view.width > 0 ? scaleFor(mode, reference, view.width, view.height) : 0;
  const layout: ColumnLayout = useMemo(() => layoutColumn(pages, scale || CSS_PER_PDF_UNIT), [pages, scale]);
  const columnWidth = Math.max(view.width, layout.width + 2 * COLUMN_PADDING);

  const [range, setRange] = useState<ViewRange>({ inView: null, canvases: null, current: 0, atEnd: false });
  const anchor = useRef<Anchor | null>(null);

  /** Reads the scroll position: the range, the current page and the anchor. */
  const update = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const { layout: lay, columnWidth: width } = geometryRef.current;
    const top = el.scrollTop;
    const bottom = top + el.clientHeight;
    const inView = pagesInView(lay.slots, top, bottom);
    const atEnd = top + el.clientHeight >= el.scrollHeight - 2;
    const next: ViewRange = { inView, canvases: canvasWindow(inView, lay.slots.length), current: currentPage(lay.slots, inView, top, bottom, atEnd), atEnd };
    const same = (a: [number, number] | null, b: [number, number] | null) => a?.[0] === b?.[0] && a?.[1] === b?.[1];
    setRange((r) => (r.current === next.current && r.atEnd === next.atEnd && same(r.canvases, next.canvases) && same(r.inView, next.inView) ? r : next));
    const index = pageIndexAt(lay.slots, top);
    const slot = lay.slots[index];
    if (slot) anchor.current = { index, fraction: (top - slot.top) / slot.height, centre: (el.scrollLeft + el.clientWidth / 2) / width };
  }, [scrollRef, geometryRef]);

  // A new scale keeps the same spot of the same page at the top (and the same horizontal centre).
  const lastScale = useRef(0);
  useLayoutEffect(() => {
    geometryRef.current = { layout, columnWidth, scale };
    const el = scrollRef.current;
    if (el && scale > 0 && lastScale.current > 0 && lastScale.current !== scale && anchor.current) {
      const { index, fraction, centre } = anchor.current;
      const slot = layout.slots[index];
      if (slot) el.scrollTop = slot.top + fraction * slot.height;
      el.scrollLeft = Math.max(0, centre * columnWidth - el.clientWidth / 2);
    }
    if (scale > 0) lastScale.current = scale;
    update();
  }, [scale, layout, columnWidth, scrollRef, geometryRef, update]);

  return { scale, zoom: scale / CSS_PER_PDF_UNIT, layout, columnWidth, view, range, update };
}
