/**
 * The PDF view's side of describing a passage: a DOM selection in a PDF's
 * text layers becomes offsets of the document text, and offsets become the
 * rectangles the passage covers on its pages. Pure DOM, without pdf.js, so
 * the annotation code can import it without loading the PDF viewer.
 *
 * What the view draws, and this module reads:
 * - the root (the pane's text element) is registered with the page spans;
 * - every page, shown or not, is an element `.pdf-page[data-page-index]`;
 * - a page whose text layer is drawn is registered with its items and its
 *   transform, and each text span carries `data-offset`, the document
 *   offset of its first character (its text is the item's `str`).
 */
import type { PdfPlacement } from '../annotations/annotation-factory';
import { cssRectToPdf, mergeLineRects, type CssRect, type Matrix } from './pdf-geometry';
import { pageIndexOfOffset, piecesOf, type PageItems, type PageSpan } from './pdf-text-map';

/** What the view registers for its root: the page spans the library reported. */
export interface PdfRootInfo {
  pages: readonly PageSpan[];
}

/** What the view registers for a page whose text layer is drawn. */
export interface PdfPageInfo {
  items: PageItems;
  /** PDF user space → CSS pixels in the page box, at the page's current scale. */
  transform: Matrix;
  /** The text layer's spans: `spans[i]` draws item i (empty items have a span that is not attached). */
  spans: readonly HTMLElement[];
}

const roots = new WeakMap<Element, PdfRootInfo>();
const pageInfos = new WeakMap<Element, PdfPageInfo>();

/** Attribute of a text span: the document offset of its first character. */
export const SPAN_OFFSET_ATTRIBUTE = 'data-offset';
const PAGE_SELECTOR = '.pdf-page[data-page-index]';
const SPAN_SELECTOR = `[${SPAN_OFFSET_ATTRIBUTE}]`;

/** Marks `root` as a PDF's text root. */
export function registerPdfRoot(root: Element, info: PdfRootInfo): void {
  roots.set(root, info);
}

/** The PDF registered for a text root, if it is one. */
export function pdfRootInfo(root: Element): PdfRootInfo | undefined {
  return roots.get(root);
}

/** Records a page's drawn text layer (null: the page lost it). */
export function registerPdfPage(page: Element, info: PdfPageInfo | null): void {
  if (info) pageInfos.set(page, info);
  else pageInfos.delete(page);
}

/** The text layer registered for a page element. */
export function pdfPageInfo(page: Element): PdfPageInfo | undefined {
  return pageInfos.get(page);
}

function pageElements(root: Element): Element[] {
  return [...root.querySelectorAll(PAGE_SELECTOR)];
}

function pageIndexOf(page: Element): number {
  return Number(page.getAttribute('data-page-index'));
}

/** The collapsed range at a boundary point, for comparing it with nodes. */
function probeAt(node: Node, offset: number): Range {
  const range = node.ownerDocument!.createRange();
  range.setStart(node, offset);
  return range;
}

/** The first of `elements` (in document order) that starts at or after the point, by binary search; its index or elements.length. */
function firstAtOrAfter(elements: readonly Element[], probe: Range): number {
  let low = 0;
  let high = elements.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (probe.comparePoint(elements[mid]!, 0) >= 0) high = mid;
    else low = mid + 1;
  }
  return low;
}

function spanStart(span: Element): number {
  return Number(span.getAttribute(SPAN_OFFSET_ATTRIBUTE));
}

function spanEnd(span: Element): number {
  return spanStart(span) + (span.textContent?.length ?? 0);
}

/** The end of the text before page `index`: the previous page's end, so a passage never ends on a page separator. */
function endBeforePage(pages: readonly PageSpan[], index: number): number {
  return index > 0 ? pages[index - 1]!.end : 0;
}

/**
 * The document offset of a boundary point inside a PDF root. A point in a
 * span counts its characters. Anywhere else (between spans, between pages,
 * in a page without its text layer) a start moves forward to the next
 * character and an end back to the previous one, so a passage never
 * begins or ends with the line breaks and page separators between spans.
 */
export function pdfOffsetFromPoint(root: Element, pages: readonly PageSpan[], node: Node, offset: number, role: 'start' | 'end'): number | null {
  if (node !== root && !root.contains(node)) return null;
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const span = element?.closest(SPAN_SELECTOR);
  if (span && root.contains(span)) {
    const start = spanStart(span);
    if (node.nodeType === Node.TEXT_NODE) return start + Math.min(Math.max(offset, 0), (node as Text).length);
    return offset === 0 ? start : spanEnd(span);
  }
  const probe = probeAt(node, offset);
  const page = element?.closest(PAGE_SELECTOR);
  if (page && root.contains(page)) {
    const index = pageIndexOf(page);
    const spans = [...page.querySelectorAll(SPAN_SELECTOR)];
    const next = firstAtOrAfter(spans, probe);
    if (role === 'start') return next < spans.length ? spanStart(spans[next]!) : (pages[index]?.end ?? 0);
    return next > 0 ? spanEnd(spans[next - 1]!) : endBeforePage(pages, index);
  }
  const all = pageElements(root);
  const next = firstAtOrAfter(all, probe);
  if (role === 'start') return next < all.length ? (pages[pageIndexOf(all[next]!)]?.start ?? 0) : (pages.at(-1)?.end ?? 0);
  return next > 0 ? (pages[pageIndexOf(all[next - 1]!)]?.end ?? 0) : 0;
}

/** The document offsets of the selection's part inside a PDF root, or null when it holds no text there. */
export function pdfSelectionOffsets(root: Element, selection: Selection | null): { start: number; end: number } | null {
  const info = roots.get(root);
  if (!info || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const spans = [...root.querySelectorAll(SPAN_SELECTOR)];
  const inside = (node: Node) => node === root || root.contains(node);
  // A selection running past the root is clipped to the text drawn inside it.
  const start = inside(range.startContainer) ? pdfOffsetFromPoint(root, info.pages, range.startContainer, range.startOffset, 'start') : spans[0] ? spanStart(spans[0]) : null;
  const end = inside(range.endContainer) ? pdfOffsetFromPoint(root, info.pages, range.endContainer, range.endOffset, 'end') : spans.at(-1) ? spanEnd(spans.at(-1)!) : null;
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/**
 * The rectangles of [start, end) on one page, in CSS pixels of the page box,
 * measured on its text layer (one per line once merged); empty when the
 * page's text layer is not drawn.
 */
export function passageRectsOnPage(page: Element, start: number, end: number): CssRect[] {
  const info = pageInfos.get(page);
  if (!info) return [];
  const origin = page.getBoundingClientRect();
  const doc = page.ownerDocument;
  const rects: CssRect[] = [];
  for (const piece of piecesOf(info.items, start, end)) {
    const text = info.spans[piece.index]?.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE || !text.isConnected) continue;
    const range = doc.createRange();
    range.setStart(text, Math.min(piece.from, (text as Text).length));
    range.setEnd(text, Math.min(piece.to, (text as Text).length));
    if (typeof range.getClientRects !== 'function') continue;
    for (const r of range.getClientRects()) rects.push({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height });
  }
  return mergeLineRects(rects);
}

/**
 * Where a passage lies: the page it starts on, and its rectangles in PDF
 * user space when every page it covers has its text layer drawn (a
 * partial set would draw a passage cut short, so then there are none).
 */
export function describePdfPlacement(root: Element, start: number, end: number): PdfPlacement | undefined {
  const info = roots.get(root);
  if (!info || info.pages.length === 0) return undefined;
  const first = pageIndexOfOffset(info.pages, start, 'start');
  const last = Math.max(first, pageIndexOfOffset(info.pages, end, 'end'));
  const placement: PdfPlacement = { page: info.pages[first]!.pageNumber };
  const byIndex = new Map(pageElements(root).map((page) => [pageIndexOf(page), page]));
  const rects = [];
  for (let index = first; index <= last; index++) {
    const page = byIndex.get(index);
    const pageInfo = page ? pageInfos.get(page) : undefined;
    if (!page || !pageInfo) return placement;
    const pageNumber = info.pages[index]!.pageNumber;
    for (const rect of passageRectsOnPage(page, start, end)) rects.push(cssRectToPdf(rect, pageInfo.transform, pageNumber));
  }
  if (rects.length > 0) placement.rects = rects;
  return placement;
}
