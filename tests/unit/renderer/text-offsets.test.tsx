// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { segmentText } from '../../../electron/core/text-blocks';
import {
  OFFSET_IGNORE_ATTRIBUTE,
  offsetFromPoint,
  rangeFromOffsets,
  selectionToOffsets,
} from '../../../renderer/src/reader/text-offsets';
import { renderText, seededRandom } from './render-text';

// import.meta.url is not a file: URL under jsdom, so resolve from this file's directory.
const documentsDir = `${resolve(import.meta.dirname, '../../../documents')}/`;
const SOURCES = {
  'The Soviet Overtures of 1939': readFileSync(`${documentsDir}000_f1b498f6176dc71c.txt`, 'utf8'),
  "London's Dilemma, Summer 1939": readFileSync(`${documentsDir}001_50dbc8cc9f109cf8.txt`, 'utf8'),
};

afterEach(cleanup);

/** Offset pairs worth checking: edges, block and separator boundaries, tricky characters, and random spans. */
function interestingPairs(text: string): Array<[number, number]> {
  const pairs: Array<[number, number]> = [
    [0, 0],
    [0, 1],
    [0, text.length],
    [text.length, text.length],
    [text.length - 1, text.length],
  ];
  for (const block of segmentText(text)) {
    pairs.push([block.start, block.end], [block.start, block.contentEnd], [block.contentEnd, block.end], [block.end, block.end]);
    if (block.contentEnd > block.start + 3) pairs.push([block.start + 1, block.contentEnd - 1]);
  }
  for (const needle of ['détente', '’', '“', '”', '—', '\n\n', "'"]) {
    const at = text.indexOf(needle);
    if (at >= 0) pairs.push([at, at + needle.length], [Math.max(0, at - 5), Math.min(text.length, at + needle.length + 5)]);
  }
  const random = seededRandom(text.length);
  for (let i = 0; i < 300; i++) {
    const a = Math.floor(random() * (text.length + 1));
    const b = Math.floor(random() * (text.length + 1));
    pairs.push([Math.min(a, b), Math.max(a, b)]);
  }
  return pairs;
}

function expectRoundTrip(root: HTMLElement, text: string, start: number, end: number): void {
  const range = rangeFromOffsets(root, start, end);
  expect(range, `range ${start}–${end}`).not.toBeNull();
  expect(range!.toString()).toBe(text.slice(start, end));
  expect(offsetFromPoint(root, range!.startContainer, range!.startOffset)).toBe(start);
  expect(offsetFromPoint(root, range!.endContainer, range!.endOffset)).toBe(end);
  if (start < end) {
    // A highlighter wraps the nodes a range touches: it must start in the node holding its
    // first character and end in the node holding its last, never on an empty edge.
    expect(range!.startContainer.nodeType).toBe(Node.TEXT_NODE);
    expect(range!.startOffset).toBeLessThan((range!.startContainer as Text).length);
    expect(range!.endContainer.nodeType).toBe(Node.TEXT_NODE);
    expect(range!.endOffset).toBeGreaterThan(0);
  }
}

describe.each(Object.entries(SOURCES))('anchoring in “%s”', (_title, text) => {
  it('renders exactly the document text in the text container', () => {
    const root = renderText(text);
    expect(root.textContent).toBe(text);
    const blocks = root.querySelectorAll('[data-block-start]');
    expect(blocks.length).toBe(segmentText(text).length);
    for (const block of blocks) {
      const start = Number(block.getAttribute('data-block-start'));
      const end = Number(block.getAttribute('data-block-end'));
      expect(block.textContent).toBe(text.slice(start, end));
    }
  });

  it('maps offset pairs to ranges whose text is the slice, and back', () => {
    const root = renderText(text);
    for (const [start, end] of interestingPairs(text)) expectRoundTrip(root, text, start, end);
  });

  it('maps element boundary points to the offsets around them', () => {
    const root = renderText(text);
    expect(offsetFromPoint(root, root, 0)).toBe(0);
    expect(offsetFromPoint(root, root, root.childNodes.length)).toBe(text.length);
    for (const block of root.querySelectorAll('[data-block-start]')) {
      const start = Number(block.getAttribute('data-block-start'));
      const contentEnd = Number(block.getAttribute('data-block-content-end'));
      const end = Number(block.getAttribute('data-block-end'));
      expect(offsetFromPoint(root, block, 0)).toBe(start);
      expect(offsetFromPoint(root, block, block.childNodes.length)).toBe(end);
      const content = block.querySelector('.block-content');
      if (content) expect(offsetFromPoint(root, content, 1)).toBe(contentEnd);
      // A point in the row, just before this block, is the block's start.
      const row = block.parentElement!;
      const index = Array.prototype.indexOf.call(row.childNodes, block);
      expect(offsetFromPoint(root, row, index)).toBe(start);
      expect(offsetFromPoint(root, row, index + 1)).toBe(end);
    }
  });

  it('keeps the trailing line breaks of the text addressable', () => {
    const root = renderText(text);
    const trailing = text.length - text.trimEnd().length;
    expectRoundTrip(root, text, text.length - trailing, text.length);
  });
});

describe('anchoring when highlights split a block into several nodes', () => {
  const text = SOURCES['The Soviet Overtures of 1939'];

  function splitBlockAround(root: HTMLElement, needle: string): { block: Element; at: number } {
    const at = text.indexOf(needle);
    const block = Array.from(root.querySelectorAll('[data-block-start]')).find(
      (element) => Number(element.getAttribute('data-block-start')) <= at && at < Number(element.getAttribute('data-block-end')),
    )!;
    const start = Number(block.getAttribute('data-block-start'));
    const content = block.querySelector('.block-content')!;
    const node = content.firstChild as Text;
    // Wrap the needle in <mark>, and its first letters in a nested <b>, as highlight layers would.
    const middle = node.splitText(at - start);
    const after = middle.splitText(needle.length);
    const mark = document.createElement('mark');
    content.insertBefore(mark, after);
    mark.appendChild(middle);
    const inner = middle.splitText(2);
    const bold = document.createElement('b');
    mark.insertBefore(bold, inner);
    bold.appendChild(middle);
    return { block, at };
  }

  it('still covers the text exactly and round-trips every offset in the block', () => {
    const root = renderText(text);
    const { block, at } = splitBlockAround(root, 'détente');
    expect(root.textContent).toBe(text);
    expect(block.querySelectorAll('mark, b').length).toBe(2);
    const start = Number(block.getAttribute('data-block-start'));
    const end = Number(block.getAttribute('data-block-end'));
    for (let a = start; a <= end; a += 3) {
      for (let b = a; b <= end; b += 7) expectRoundTrip(root, text, a, b);
    }
    expectRoundTrip(root, text, at, at + 'détente'.length);
    expectRoundTrip(root, text, at + 1, at + 2);
  });

  it('maps points whose container is the highlight element', () => {
    const root = renderText(text);
    const { block, at } = splitBlockAround(root, 'détente');
    const mark = block.querySelector('mark')!;
    expect(offsetFromPoint(root, mark, 0)).toBe(at);
    expect(offsetFromPoint(root, mark, 1)).toBe(at + 2);
    expect(offsetFromPoint(root, mark, mark.childNodes.length)).toBe(at + 'détente'.length);
  });

  it('skips decoration marked as not being document text', () => {
    const root = renderText(text);
    const { block, at } = splitBlockAround(root, 'détente');
    const marker = document.createElement('span');
    marker.setAttribute(OFFSET_IGNORE_ATTRIBUTE, '');
    marker.textContent = '[1]';
    const mark = block.querySelector('mark')!;
    mark.parentNode!.insertBefore(marker, mark);
    const after = mark.nextSibling as Text;
    expect(offsetFromPoint(root, after, 0)).toBe(at + 'détente'.length);
    expect(offsetFromPoint(root, marker.firstChild!, 2)).toBe(at);
    const range = rangeFromOffsets(root, at, at + 'détente'.length)!;
    expect(range.startContainer.textContent).not.toBe('[1]');
    expect(offsetFromPoint(root, range.startContainer, range.startOffset)).toBe(at);
  });
});

describe('offsets outside what is rendered', () => {
  const text = SOURCES["London's Dilemma, Summer 1939"];

  it('rejects invalid offsets and points outside the root', () => {
    const root = renderText(text);
    expect(rangeFromOffsets(root, -1, 3)).toBeNull();
    expect(rangeFromOffsets(root, 5, 2)).toBeNull();
    expect(rangeFromOffsets(root, 0, text.length + 1)).toBeNull();
    expect(rangeFromOffsets(root, 1.5, 3)).toBeNull();
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.appendChild(outside);
    expect(offsetFromPoint(root, outside.firstChild!, 2)).toBeNull();
    outside.remove();
  });

  it('maps only the blocks that are in the DOM, as in a virtualised pane', () => {
    const root = renderText(text);
    const blocks = Array.from(root.querySelectorAll('[data-block-start]'));
    // Drop all but the second and third blocks, as a virtual window would.
    for (const block of [blocks[0]!, ...blocks.slice(3)]) block.remove();
    const second = segmentText(text)[1]!;
    const third = segmentText(text)[2]!;
    expect(rangeFromOffsets(root, 0, 5)).toBeNull();
    expectRoundTrip(root, text, second.start + 4, third.end - 2);
    expect(rangeFromOffsets(root, second.start, third.end + 1)).toBeNull();
  });
});

describe('selectionToOffsets', () => {
  const text = SOURCES['The Soviet Overtures of 1939'];

  it('returns the offsets of a selection inside the text', () => {
    const root = renderText(text);
    const at = text.indexOf('détente');
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(rangeFromOffsets(root, at, at + 7)!);
    expect(selectionToOffsets(root, selection)).toEqual({ start: at, end: at + 7 });
  });

  it('clips a selection that starts before the text to its first block', () => {
    const root = renderText(text);
    const before = document.createElement('p');
    before.textContent = 'header';
    root.parentElement!.insertBefore(before, root);
    const range = document.createRange();
    range.setStart(before.firstChild!, 2);
    const end = rangeFromOffsets(root, 40, 40)!;
    range.setEnd(end.startContainer, end.startOffset);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectionToOffsets(root, selection)).toEqual({ start: 0, end: 40 });
  });

  it('ignores empty selections and selections elsewhere', () => {
    const root = renderText(text);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    expect(selectionToOffsets(root, selection)).toBeNull();
    selection.addRange(rangeFromOffsets(root, 10, 10)!);
    expect(selectionToOffsets(root, selection)).toBeNull();
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.appendChild(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectionToOffsets(root, selection)).toBeNull();
    expect(selectionToOffsets(root, null)).toBeNull();
  });
});
