/**
 * Where a passage of a pane's document is on screen, measured on the
 * rendered text (or a PDF's drawn text layers). A passage that is not in
 * the DOM (a virtual list renders only rows near the viewport; a PDF draws
 * only pages near it) gets an estimate from its offset, placed above or
 * below what is rendered, so gutter markers still point the right way.
 */
import type { PaneSide } from '../../../electron/api/contract';
import { passageRectsOnPage, pdfRootInfo } from '../pdf/pdf-adapter';
import { pageIndexOfOffset } from '../pdf/pdf-text-map';
import { rangeFromOffsets } from '../reader/text-offsets';

/** One pane's scroller and text root, as found in the DOM. */
export interface PaneFrame {
  side: PaneSide;
  scroller: HTMLElement;
  root: HTMLElement;
  /** The scroller's box on screen. */
  view: DOMRect;
  /** The document's length, for estimates of what is not rendered. */
  textLength: number;
}

/** A passage's vertical extent in client (window) pixels, and whether it was measured or guessed. */
export interface ClientExtent {
  top: number;
  bottom: number;
  measured: boolean;
}

/** The frame of the pane on `side`, or null while it shows no text. */
export function paneFrame(side: PaneSide, textLength: number, doc: Document = document): PaneFrame | null {
  const scroller = doc.querySelector<HTMLElement>(`[data-testid="pane-scroll-${side}"]`);
  const root = doc.querySelector<HTMLElement>(`[data-testid="pane-text-${side}"]`);
  if (!scroller || !root) return null;
  return { side, scroller, root, view: scroller.getBoundingClientRect(), textLength };
}

function boxOf(rects: Iterable<{ top: number; bottom: number; height: number }>): { top: number; bottom: number } | null {
  let top = Infinity;
  let bottom = -Infinity;
  for (const rect of rects) {
    if (rect.height <= 0) continue;
    top = Math.min(top, rect.top);
    bottom = Math.max(bottom, rect.bottom);
  }
  return top <= bottom ? { top, bottom } : null;
}

/** An offset's height in the whole scrolled content, guessed in proportion to the text. */
function proportional(frame: PaneFrame, offset: number): number {
  const share = frame.textLength > 0 ? Math.min(offset / frame.textLength, 1) : 0;
  return frame.view.top - frame.scroller.scrollTop + share * frame.scroller.scrollHeight;
}

function renderedSpan(root: Element): { first: number; last: number; top: number; bottom: number } | null {
  const blocks = root.querySelectorAll('[data-block-start]');
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  if (!first || !last) return null;
  return {
    first: Number(first.getAttribute('data-block-start')),
    last: Number(last.getAttribute('data-block-end')),
    top: first.getBoundingClientRect().top,
    bottom: last.getBoundingClientRect().bottom,
  };
}

function textExtent(frame: PaneFrame, start: number, end: number): ClientExtent | null {
  const range = rangeFromOffsets(frame.root, start, end);
  if (range && typeof range.getClientRects === 'function') {
    const box = boxOf(range.getClientRects());
    if (box) return { ...box, measured: true };
  }
  // Not rendered: a guess by offset, kept outside the rendered rows on the side where the passage lies.
  const span = renderedSpan(frame.root);
  let top = proportional(frame, start);
  let bottom = Math.max(proportional(frame, end), top + 4);
  if (span && start >= span.last && top < span.bottom) [top, bottom] = [span.bottom + 1, span.bottom + 1 + (bottom - top)];
  if (span && end <= span.first && bottom > span.top) [top, bottom] = [span.top - 1 - (bottom - top), span.top - 1];
  return { top, bottom, measured: false };
}

function pdfExtent(frame: PaneFrame, start: number, end: number): ClientExtent | null {
  const info = pdfRootInfo(frame.root);
  if (!info || info.pages.length === 0) return null;
  const first = pageIndexOfOffset(info.pages, start, 'start');
  const last = Math.max(first, pageIndexOfOffset(info.pages, end, 'end'));
  const rects: { top: number; bottom: number; height: number }[] = [];
  let estimate: { top: number; bottom: number } | null = null;
  for (let index = first; index <= last; index++) {
    const page = frame.root.querySelector(`.pdf-page[data-page-index="${index}"]`);
    if (!page) continue;
    const origin = page.getBoundingClientRect();
    const measured = passageRectsOnPage(page, start, end);
    for (const rect of measured) rects.push({ top: origin.top + rect.top, bottom: origin.top + rect.top + rect.height, height: rect.height });
    // A page without its text layer: the passage's share of the page, by offsets.
    if (measured.length === 0 && !estimate) {
      const span = info.pages[index]!;
      const length = Math.max(span.end - span.start, 1);
      const from = origin.top + (Math.max(start - span.start, 0) / length) * origin.height;
      estimate = { top: from, bottom: from + Math.max(origin.height / 40, 8) };
    }
  }
  const box = boxOf(rects);
  if (box) return { ...box, measured: true };
  return estimate ? { ...estimate, measured: false } : null;
}

/** Where [start, end) of the pane's document is on screen (client pixels), measured when rendered, else estimated. */
export function passageExtent(frame: PaneFrame, start: number, end: number): ClientExtent | null {
  if (end <= start) return null;
  return pdfRootInfo(frame.root) ? pdfExtent(frame, start, end) : textExtent(frame, start, end);
}

/** A client y as a position in the pane's scrolled content. */
export function contentY(frame: PaneFrame, clientY: number): number {
  return clientY - frame.view.top + frame.scroller.scrollTop;
}
