/**
 * Maps between DOM boundary points in a rendered text and document offsets
 * (UTF-16 code units, the unit of every anchor in Diptych).
 *
 * A rendered text is a root element holding block elements marked with
 * `data-block-start` and `data-block-end`. The text nodes inside a block, in
 * document order, spell exactly `text.slice(start, end)`, however many
 * elements (highlight marks, for instance) split them. Only rendered blocks
 * can be mapped: in a virtualised document, the rest is not in the DOM.
 *
 * Pure DOM functions: no React, no layout, so they run the same in jsdom.
 */

const BLOCK_SELECTOR = '[data-block-start]';

/**
 * Marks an element inside a block whose text is decoration (a note marker,
 * a footnote badge), not document text: offsets skip its whole subtree.
 */
export const OFFSET_IGNORE_ATTRIBUTE = 'data-offset-ignore';

/** Document offsets of a selection or range: `start <= end`. */
export interface TextOffsets {
  start: number;
  end: number;
}

interface BlockBounds {
  element: Element;
  start: number;
  end: number;
}

// Numeric NodeFilter constants keep this module independent of a global `NodeFilter`.
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;

function boundsOf(element: Element): BlockBounds | null {
  const start = Number(element.getAttribute('data-block-start'));
  const end = Number(element.getAttribute('data-block-end'));
  if (!Number.isInteger(start) || !Number.isInteger(end) || end < start) return null;
  return { element, start, end };
}

/** The blocks rendered under `root`, in document order, with their offsets. */
function renderedBlocks(root: Element): BlockBounds[] {
  const blocks: BlockBounds[] = [];
  for (const element of root.querySelectorAll(BLOCK_SELECTOR)) {
    const bounds = boundsOf(element);
    if (bounds) blocks.push(bounds);
  }
  return blocks;
}

/** The document-text nodes of a block, in order, skipping ignored subtrees. */
export function textNodesOf(block: Element): Text[] {
  const doc = block.ownerDocument;
  const walker = doc.createTreeWalker(block, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(node: Node): number {
      if (node.nodeType === Node.TEXT_NODE) return FILTER_ACCEPT;
      return (node as Element).hasAttribute(OFFSET_IGNORE_ATTRIBUTE) ? FILTER_REJECT : FILTER_SKIP;
    },
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** The outermost ignored element around `node` inside `block`, if any. */
function ignoredAncestor(block: Element, node: Node): Element | null {
  let found: Element | null = null;
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el && el !== block; el = el.parentElement) {
    if (el.hasAttribute(OFFSET_IGNORE_ATTRIBUTE)) found = el;
  }
  return found;
}

function collapsedRangeAt(node: Node, offset: number): Range {
  const range = node.ownerDocument!.createRange();
  range.setStart(node, offset);
  return range;
}

/** Characters of document text in `block` before the boundary point (node, offset). */
function textBefore(block: Element, node: Node, offset: number): number {
  const nodes = textNodesOf(block);
  if (node.nodeType === Node.TEXT_NODE) {
    let sum = 0;
    for (const text of nodes) {
      if (text === node) return sum + Math.min(Math.max(offset, 0), text.length);
      sum += text.length;
    }
    return sum;
  }
  // An element container: the point sits between children, so count every
  // text node that starts before it. Text nodes cannot straddle such a point.
  const probe = collapsedRangeAt(node, offset);
  let sum = 0;
  for (const text of nodes) {
    if (probe.comparePoint(text, 0) >= 0) break;
    sum += text.length;
  }
  return sum;
}

function isInside(root: Element, node: Node): boolean {
  return node === root || root.contains(node);
}

/**
 * The document offset of a DOM boundary point inside `root`.
 *
 * The container may be a text node (offset counts characters) or an element
 * (offset counts children), as browsers produce both in selections. A point
 * between blocks maps to the start of the next rendered block (or the end of
 * the last one). Returns null when the point is outside `root` or nothing is
 * rendered.
 */
export function offsetFromPoint(root: Element, node: Node, offset: number): number | null {
  if (!isInside(root, node)) return null;
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const block = element?.closest(BLOCK_SELECTOR);
  const bounds = block && block !== root && root.contains(block) ? boundsOf(block) : null;
  if (bounds) {
    const ignored = ignoredAncestor(bounds.element, node);
    if (ignored) {
      // A point inside decoration counts as the point just before it.
      const parent = ignored.parentNode!;
      return bounds.start + textBefore(bounds.element, parent, Array.prototype.indexOf.call(parent.childNodes, ignored));
    }
    return Math.min(bounds.start + textBefore(bounds.element, node, offset), bounds.end);
  }
  return offsetBetweenBlocks(root, node, offset);
}

function offsetBetweenBlocks(root: Element, node: Node, offset: number): number | null {
  const blocks = renderedBlocks(root);
  if (blocks.length === 0) return null;
  const probe = collapsedRangeAt(node, offset);
  // Blocks are in document order, so "starts at or after the point" is monotonic.
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (probe.comparePoint(blocks[mid]!.element, 0) >= 0) high = mid;
    else low = mid + 1;
  }
  return low < blocks.length ? blocks[low]!.start : blocks[blocks.length - 1]!.end;
}

/** Index of the last block starting at or before `offset`, or -1. */
function lastBlockAtOrBefore(blocks: readonly BlockBounds[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * The DOM point for a document offset. A start point prefers the block that
 * begins there; an end point prefers the block that ends there, so a range
 * never spills into a neighbouring block it does not cover.
 */
function pointAt(blocks: readonly BlockBounds[], offset: number, side: 'start' | 'end'): { node: Node; offset: number } | null {
  let index = lastBlockAtOrBefore(blocks, offset);
  if (index < 0) return null;
  if (side === 'end' && index > 0 && blocks[index]!.start === offset && blocks[index - 1]!.end === offset) index--;
  const block = blocks[index]!;
  if (offset > block.end) return null;
  const local = offset - block.start;
  const nodes = textNodesOf(block.element);
  let before = 0;
  for (const text of nodes) {
    const after = before + text.length;
    if (side === 'start' ? local < after : local <= after) return { node: text, offset: local - before };
    before = after;
  }
  const last = nodes[nodes.length - 1];
  return last ? { node: last, offset: last.length } : { node: block.element, offset: 0 };
}

/**
 * A DOM Range covering document offsets [start, end) inside `root`, or null
 * when either end falls in a block that is not rendered (or the offsets are
 * invalid). `range.toString()` then equals `text.slice(start, end)`.
 */
export function rangeFromOffsets(root: Element, start: number, end: number): Range | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return null;
  const blocks = renderedBlocks(root);
  const from = pointAt(blocks, start, 'start');
  const to = pointAt(blocks, end, 'end');
  if (!from || !to) return null;
  const range = root.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/**
 * The document offsets of the part of `selection` inside `root`, or null
 * when nothing non-empty is selected there. A selection that runs past the
 * root is clipped to its first and last rendered blocks.
 */
export function selectionToOffsets(root: Element, selection: Selection | null): TextOffsets | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const blocks = renderedBlocks(root);
  if (blocks.length === 0) return null;
  const start = isInside(root, range.startContainer)
    ? offsetFromPoint(root, range.startContainer, range.startOffset)
    : blocks[0]!.start;
  const end = isInside(root, range.endContainer)
    ? offsetFromPoint(root, range.endContainer, range.endOffset)
    : blocks[blocks.length - 1]!.end;
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
