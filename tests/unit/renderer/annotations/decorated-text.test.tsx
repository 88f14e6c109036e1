// @vitest-environment jsdom
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DecorationIndex, type DecorationRange } from '../../../../renderer/src/annotations/decorations';
import { rangeFromOffsets, selectionToOffsets, textNodesOf } from '../../../../renderer/src/reader/text-offsets';
import { renderText } from '../render-text';

const TEXT = 'First paragraph, with some words to mark.\n\nSecond paragraph follows here, longer than the first one.\n\nThird and last.\n';

function renderDecorated(ranges: DecorationRange[]): HTMLElement {
  return renderText(TEXT, { title: 'Decorated', decorations: new DecorationIndex(ranges), onAnnotationClick: () => {} });
}

const at = (word: string) => TEXT.indexOf(word);
const hl = (id: string, start: number, end: number, colour: DecorationRange['colour'] = 'yellow'): DecorationRange => ({ id, start, end, kind: 'highlight', colour, order: 0 });

afterEach(cleanup);

describe('a decorated text', () => {
  const ranges: DecorationRange[] = [
    hl('outer', at('paragraph, with'), at('to mark')),
    hl('inner', at('some'), at('words') + 5, 'blue'),
    hl('cross', at('words'), at('mark.') + 5, 'green'),
    hl('across', at('mark.'), at('Second') + 6, 'pink'),
    { id: 'note', start: at('follows'), end: at('here,') + 4, kind: 'note', order: 0, label: 'Note: why' },
  ];

  it('keeps every block’s text nodes spelling exactly its text', () => {
    const root = renderDecorated(ranges);
    expect(root.textContent).toBe(TEXT);
    for (const block of root.querySelectorAll('[data-block-start]')) {
      const start = Number(block.getAttribute('data-block-start'));
      const end = Number(block.getAttribute('data-block-end'));
      expect(textNodesOf(block).map((t) => t.data).join('')).toBe(TEXT.slice(start, end));
    }
  });

  it('draws nested and crossing highlights, and a highlight in each block it spans', () => {
    const root = renderDecorated(ranges);
    const marks = [...root.querySelectorAll('mark.anno')];
    const colours = marks.map((m) => m.getAttribute('data-colours'));
    expect(colours).toContain('blue yellow');
    expect(colours.some((c) => c?.includes('green'))).toBe(true);
    const pink = marks.filter((m) => m.getAttribute('data-colours')?.includes('pink'));
    const blocks = new Set(pink.map((m) => m.closest('[data-block-start]')!.getAttribute('data-block-start')));
    expect(blocks.size).toBe(2);
    expect(pink.map((m) => m.textContent).join('')).toBe('mark.Second');
  });

  it('maps offsets exactly through the decorations, both ways', () => {
    const root = renderDecorated(ranges);
    for (const [start, end] of [
      [at('some'), at('words') + 5],
      [at('paragraph, with') + 3, at('mark.') + 2],
      [at('mark.'), at('Second') + 6],
      [0, TEXT.length],
      [at('follows'), at('Third')],
    ] as const) {
      const range = rangeFromOffsets(root, start, end)!;
      expect(range.toString()).toBe(TEXT.slice(start, end));
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      expect(selectionToOffsets(root, selection)).toEqual({ start, end });
    }
  });

  it('ends a note passage with a marker outside the offsets', () => {
    const root = renderDecorated(ranges);
    const marker = root.querySelector('[data-marker-for="note"]')!;
    expect(marker.getAttribute('aria-label')).toBe('Note: why');
    expect(marker.hasAttribute('data-offset-ignore')).toBe(true);
    const range = rangeFromOffsets(root, at('here,'), at('here,') + 6)!;
    expect(range.toString()).toBe('here, ');
  });
});
