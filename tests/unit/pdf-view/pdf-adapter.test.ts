// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describePdfPlacement, passageRectsOnPage, pdfOffsetFromPoint, pdfRootInfo, pdfSelectionOffsets, registerPdfPage, registerPdfRoot } from '../../../renderer/src/pdf/pdf-adapter';
import { viewportTransform } from '../../../renderer/src/pdf/pdf-geometry';
import { pageItems } from '../../../renderer/src/pdf/pdf-text-map';

/**
 * Three pages as the PDF view draws them: the first two with text layers
 * (a span per item, a <br> after an item that ends a line, the end-of-content
 * element last), the third a placeholder. Text: "Left right\nBelow" on page 1,
 * "Next\npage" on page 2, eleven characters on page 3.
 */
const PAGES = [
  { pageNumber: 1, start: 0, end: 16, items: [['Left', false], [' ', false], ['right', true], ['Below', false]] as const },
  { pageNumber: 2, start: 18, end: 27, items: [['Next', true], ['page', false]] as const },
  { pageNumber: 3, start: 29, end: 40, items: null },
];
const SCALE = 1;
const PAGE_HEIGHT = 800;

let root: HTMLElement;

function build(): void {
  root = document.createElement('div');
  document.body.append(root);
  registerPdfRoot(root, { pages: PAGES });
  PAGES.forEach((page, index) => {
    const element = document.createElement('div');
    element.className = 'pdf-page';
    element.setAttribute('data-page-index', String(index));
    root.append(element);
    if (!page.items) return;
    const layer = document.createElement('div');
    layer.className = 'textLayer';
    element.append(layer);
    const items = page.items.map(([str, hasEOL]) => ({ str, hasEOL }));
    const map = pageItems(page.pageNumber, page.start, items);
    const spans = items.map((item, i) => {
      const span = document.createElement('span');
      span.textContent = item.str;
      span.setAttribute('data-offset', String(map.starts[i]));
      // Where the fake layout puts it: one line per line of the page text, 10 px per character.
      const line = map.text.slice(0, map.starts[i]! - page.start).split('\n').length - 1;
      const column = map.text.slice(0, map.starts[i]! - page.start).split('\n').pop()!.length;
      span.dataset.x = String(100 + column * 10);
      span.dataset.y = String(100 + line * 20);
      layer.append(span);
      if (item.hasEOL) layer.append(document.createElement('br'));
      return span;
    });
    const end = document.createElement('div');
    end.className = 'endOfContent';
    layer.append(end);
    registerPdfPage(element, { items: map, transform: viewportTransform({ viewBox: [0, 0, 600, PAGE_HEIGHT], rotation: 0 }, SCALE), spans });
  });
}

/** Fake layout: a page's box starts at (0, index·1000); a range inside one span is 10 px a character, 12 px tall. */
function installLayout(): void {
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const index = Number(this.getAttribute('data-page-index') ?? 0);
    return { left: 0, top: index * 1000, right: 600, bottom: index * 1000 + PAGE_HEIGHT, width: 600, height: PAGE_HEIGHT, x: 0, y: index * 1000, toJSON() {} } as DOMRect;
  };
  (Range.prototype as unknown as { getClientRects: () => DOMRect[] }).getClientRects = function (this: Range) {
    const span = this.startContainer.parentElement!;
    const page = span.closest('.pdf-page')!;
    const top = Number(page.getAttribute('data-page-index')) * 1000 + Number(span.dataset.y);
    const left = Number(span.dataset.x) + this.startOffset * 10;
    return [{ left, top, width: (this.endOffset - this.startOffset) * 10, height: 12 } as DOMRect];
  };
}

const spanAt = (offset: number) => root.querySelector<HTMLElement>(`[data-offset="${offset}"]`)!;
const layerOf = (index: number) => root.querySelectorAll('.textLayer')[index]!;
const childIndex = (node: Node) => Array.prototype.indexOf.call(node.parentNode!.childNodes, node);

beforeEach(() => {
  build();
  installLayout();
});
afterEach(() => {
  root.remove();
  document.getSelection()?.removeAllRanges();
});

describe('a point in a PDF’s text layers', () => {
  it('inside a span counts its characters', () => {
    const right = spanAt(5);
    expect(pdfOffsetFromPoint(root, PAGES, right.firstChild!, 3, 'start')).toBe(8);
    expect(pdfOffsetFromPoint(root, PAGES, right, 0, 'start')).toBe(5);
    expect(pdfOffsetFromPoint(root, PAGES, right, 1, 'end')).toBe(10);
  });

  it('between spans starts at the next character and ends after the last one, never on a line break', () => {
    const layer = layerOf(0);
    const afterRight = childIndex(spanAt(5)) + 1;
    expect(pdfOffsetFromPoint(root, PAGES, layer, afterRight, 'start')).toBe(11);
    expect(pdfOffsetFromPoint(root, PAGES, layer, afterRight, 'end')).toBe(10);
    const end = layer.querySelector('.endOfContent')!;
    expect(pdfOffsetFromPoint(root, PAGES, end, 0, 'start')).toBe(16);
    expect(pdfOffsetFromPoint(root, PAGES, end, 0, 'end')).toBe(16);
  });

  it('between pages starts at the next page and ends at the end of the one before, never on a separator', () => {
    const between = childIndex(root.children[1]!);
    expect(pdfOffsetFromPoint(root, PAGES, root, between, 'start')).toBe(18);
    expect(pdfOffsetFromPoint(root, PAGES, root, between, 'end')).toBe(16);
    expect(pdfOffsetFromPoint(root, PAGES, root, 0, 'end')).toBe(0);
    expect(pdfOffsetFromPoint(root, PAGES, root, root.children.length, 'start')).toBe(40);
  });

  it('in a page whose text is not drawn counts none of that page', () => {
    const placeholder = root.children[2]!;
    expect(pdfOffsetFromPoint(root, PAGES, placeholder, 0, 'end')).toBe(27);
    expect(pdfOffsetFromPoint(root, PAGES, placeholder, 0, 'start')).toBe(40);
    expect(pdfOffsetFromPoint(root, PAGES, document.body, 0, 'start')).toBeNull();
  });
});

describe('a selection in a PDF', () => {
  const select = (start: [Node, number], end: [Node, number]) => {
    const range = document.createRange();
    range.setStart(...start);
    range.setEnd(...end);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    return document.getSelection();
  };

  it('across a page break is one passage, separator included', () => {
    const selection = select([spanAt(11).firstChild!, 2], [spanAt(23).firstChild!, 2]);
    expect(pdfSelectionOffsets(root, selection)).toEqual({ start: 13, end: 25 });
  });

  it('running out of the PDF is clipped to the text drawn in it', () => {
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.prepend(outside);
    const selection = select([outside.firstChild!, 2], [spanAt(5).firstChild!, 2]);
    expect(pdfSelectionOffsets(root, selection)).toEqual({ start: 0, end: 7 });
    outside.remove();
  });

  it('of nothing but the gap between two lines is no passage', () => {
    const layer = layerOf(0);
    const afterRight = childIndex(spanAt(5)) + 1;
    expect(pdfSelectionOffsets(root, select([layer, afterRight], [layer, afterRight + 1]))).toBeNull();
    expect(pdfRootInfo(root)).toEqual({ pages: PAGES });
    expect(pdfSelectionOffsets(document.body, select([spanAt(0).firstChild!, 0], [spanAt(0).firstChild!, 3]))).toBeNull();
  });
});

describe('where a passage lies', () => {
  it('is its rectangles on the page, one per line, measured on the text layer', () => {
    expect(passageRectsOnPage(root.children[0]!, 2, 14)).toEqual([
      { left: 120, top: 100, width: 80, height: 12 },
      { left: 100, top: 120, width: 30, height: 12 },
    ]);
    expect(passageRectsOnPage(root.children[2]!, 30, 35)).toEqual([]);
  });

  it('in user space on every page it covers, with the page it starts on', () => {
    expect(describePdfPlacement(root, 11, 25)).toEqual({
      page: 1,
      rects: [
        { page: 1, x: 100, y: PAGE_HEIGHT - 132, w: 50, h: 12 },
        { page: 2, x: 100, y: PAGE_HEIGHT - 112, w: 40, h: 12 },
        { page: 2, x: 100, y: PAGE_HEIGHT - 132, w: 20, h: 12 },
      ],
    });
  });

  it('has no rectangles when a page it covers is not drawn, rather than some of them', () => {
    expect(describePdfPlacement(root, 20, 35)).toEqual({ page: 2 });
    expect(describePdfPlacement(document.body, 0, 3)).toBeUndefined();
  });
});
