/**
 * Reading position as a document offset: which character is at the top of a
 * scrolled pane, and where to scroll so a given character is at the top.
 * An offset survives font, size and width changes; a pixel scrollTop does not.
 *
 * These functions read layout (client rects), so they only give real answers
 * in a browser; under jsdom every rect is empty and they degrade to block
 * starts.
 */
import { textNodesOf } from './text-offsets';

const BLOCK_SELECTOR = '[data-block-start]';

/**
 * The reading line sits this far below the pane's top edge, so a restored
 * position does not put its first line flush against the header.
 */
export const TOP_INSET_PX = 12;

interface CharProbe {
  nodes: Text[];
  starts: number[];
  range: Range;
}

function probeFor(block: Element): CharProbe {
  const nodes = textNodesOf(block);
  const starts: number[] = [];
  let sum = 0;
  for (const node of nodes) {
    starts.push(sum);
    sum += node.length;
  }
  return { nodes, starts, range: block.ownerDocument.createRange() };
}

/** Client rect of the character at `local` (block-relative), or null if it has no box. */
function charRect(probe: CharProbe, local: number): DOMRect | null {
  let index = probe.nodes.length - 1;
  while (index > 0 && probe.starts[index]! > local) index--;
  const node = probe.nodes[index];
  if (!node) return null;
  const at = local - probe.starts[index]!;
  if (at >= node.length) return null;
  probe.range.setStart(node, at);
  probe.range.setEnd(node, at + 1);
  if (typeof probe.range.getClientRects !== 'function') return null;
  const rects = probe.range.getClientRects();
  return rects.length > 0 ? rects[0]! : null;
}

function blockAttr(block: Element, name: 'start' | 'end' | 'content-end'): number {
  return Number(block.getAttribute(`data-block-${name}`));
}

/** Rendered blocks under `root`, in document order. */
function blocksOf(root: Element): Element[] {
  return Array.from(root.querySelectorAll(BLOCK_SELECTOR));
}

/**
 * The offset of the first character whose line is at least half below the
 * reading line near the top of `scroller`; the text's end when everything
 * is above it; null when no block is rendered.
 */
export function topVisibleOffset(scroller: Element, root: Element): number | null {
  const blocks = blocksOf(root);
  if (blocks.length === 0) return null;
  const top = scroller.getBoundingClientRect().top + TOP_INSET_PX;
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (blocks[mid]!.getBoundingClientRect().bottom > top) high = mid;
    else low = mid + 1;
  }
  if (low >= blocks.length) return blockAttr(blocks[blocks.length - 1]!, 'end');
  const block = blocks[low]!;
  const start = blockAttr(block, 'start');
  const contentLength = blockAttr(block, 'content-end') - start;
  if (!(contentLength > 0)) return start;
  const probe = probeFor(block);
  // Binary search for the first character whose vertical middle is below the top edge.
  let first = 0;
  let last = contentLength;
  while (first < last) {
    const mid = (first + last) >> 1;
    const rect = charRect(probe, mid);
    if (!rect || rect.height === 0) return start;
    if ((rect.top + rect.bottom) / 2 > top) last = mid;
    else first = mid + 1;
  }
  if (first < contentLength) return start + first;
  const next = blocks[low + 1];
  return next ? blockAttr(next, 'start') : blockAttr(block, 'end');
}

/** True when `scroller` cannot scroll further down. */
export function isScrolledToEnd(scroller: Element): boolean {
  return scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop <= 2;
}

function lineHeightOf(element: Element): number {
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  const lineHeight = Number.parseFloat(style?.lineHeight ?? '');
  if (Number.isFinite(lineHeight)) return lineHeight;
  const fontSize = Number.parseFloat(style?.fontSize ?? '');
  return Number.isFinite(fontSize) ? fontSize * 1.6 : 0;
}

/**
 * The scrollTop that puts the line holding `offset` at the top of
 * `scroller`, or null when that part of the text is not rendered yet.
 * Offsets in the invisible separator after a paragraph aim at the next
 * paragraph; offsets on the first line give 0, so the top margin shows.
 */
export function scrollTopForOffset(scroller: Element, root: Element, offset: number): number | null {
  const blocks = blocksOf(root);
  let index = -1;
  for (let low = 0, high = blocks.length - 1; low <= high; ) {
    const mid = (low + high) >> 1;
    if (blockAttr(blocks[mid]!, 'start') <= offset) {
      index = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  let block = blocks[index];
  if (!block || offset > blockAttr(block, 'end')) return null;
  let local = offset - blockAttr(block, 'start');
  if (offset >= blockAttr(block, 'content-end')) {
    block = blocks[index + 1];
    if (!block) return scroller.scrollHeight;
    local = 0;
  }
  const rect = charRect(probeFor(block), local) ?? block.getBoundingClientRect();
  const scrollerTop = scroller.getBoundingClientRect().top;
  const lineHeight = lineHeightOf(block);
  const halfLeading = Math.max(0, (lineHeight - rect.height) / 2);
  const rootTop = root.getBoundingClientRect().top;
  if (rect.top - rootTop < lineHeight / 2) return 0;
  return Math.max(0, Math.round(scroller.scrollTop + rect.top - scrollerTop - TOP_INSET_PX - halfLeading));
}
