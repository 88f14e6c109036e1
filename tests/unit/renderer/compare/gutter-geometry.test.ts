import { describe, expect, it } from 'vitest';
import type { CompareSuggestion } from '../../../../electron/api/contract';
import { bandsOf } from '../../../../renderer/src/compare/gutter-bands';
import { crossLinks, isLinked, type CrossLink } from '../../../../renderer/src/compare/cross-links';
import { anchorY, bandPath, curvePath, placementOf, spreadLabels } from '../../../../renderer/src/compare/gutter-geometry';
import { linkShapes } from '../../../../renderer/src/compare/gutter-links';
import { DecorationIndex } from '../../../../renderer/src/annotations/decorations';
import type { Annotation } from '../../../../electron/api/annotation-schema';

function suggestion(id: string, rank: number): CompareSuggestion {
  return { id, rank, score: 0.8, left: { start: 0, end: 10, quote: 'a' }, right: { start: 0, end: 10, quote: 'b' }, sharedTerms: [], relatedTerms: [], lexical: 0.5, semantic: 0.5 };
}

describe('gutter geometry', () => {
  it('says whether an extent is above, in or below the view', () => {
    expect(placementOf({ top: -30, bottom: -2 }, 500)).toBe('above');
    expect(placementOf({ top: -30, bottom: 10 }, 500)).toBe('visible');
    expect(placementOf({ top: 520, bottom: 600 }, 500)).toBe('below');
  });

  it('draws a band from the left extent at x = 0 to the right extent at x = width', () => {
    const d = bandPath({ top: 10, bottom: 40 }, { top: 100, bottom: 130 }, 56);
    expect(d.startsWith('M0 10 C28 10 28 100 56 100 L56 130')).toBe(true);
    expect(d.endsWith('0 40 Z')).toBe(true);
  });

  it('draws a link curve between the middles of both passages, inside the gutter', () => {
    expect(curvePath(20, 200, 56)).toBe('M3 20 C28 20 28 200 53 200');
    expect(anchorY({ top: 100, bottom: 140 }, 500)).toBe(120);
    // A passage partly above the view anchors on its visible part.
    expect(anchorY({ top: -100, bottom: 40 }, 500)).toBe(23);
  });

  it('spreads labels so none overlap, in order, inside the gutter', () => {
    const ys = spreadLabels([100, 102, 104, 495], 20, 10, 490);
    expect(ys).toEqual([100, 120, 140, 490]);
    const crowded = spreadLabels([480, 485, 490], 20, 10, 490);
    expect(crowded).toEqual([450, 470, 490]);
  });

  it('draws a band with one end off screen to the edge it lies beyond, its number by the end on screen', () => {
    const layout = {
      height: 500,
      items: new Map([
        ['s:a', { left: { top: 100, bottom: 130 }, right: { top: 900, bottom: 930 } }],
        ['s:b', { left: { top: -400, bottom: -380 }, right: { top: -300, bottom: -280 } }],
        ['s:c', { left: { top: 200, bottom: 220 }, right: { top: 240, bottom: 260 } }],
      ]),
    };
    const bands = bandsOf([suggestion('a', 1), suggestion('b', 2), suggestion('c', 3)], layout);
    expect(bands.map((b) => b.suggestion.id)).toEqual(['a', 'c']);
    expect(bands[0]!.partial).toBe(true);
    expect(bands[0]!.right.top).toBeGreaterThanOrEqual(497);
    expect(bands[0]!.labelY).toBe(115);
    expect(bands[1]!.partial).toBe(false);
    expect(bands[1]!.labelY).toBe(230);
  });
});

describe('links in the gutter', () => {
  const link = (key: string): CrossLink => ({ key, annotationId: key, motivation: 'linking', leftIndex: 0, rightIndex: 1, left: { start: 0, end: 5 }, right: { start: 0, end: 5 } });

  it('draws a curve when both ends show and an edge marker pointing to the end that does not', () => {
    const layout = {
      height: 400,
      items: new Map([
        ['l:both', { left: { top: 10, bottom: 30 }, right: { top: 50, bottom: 70 } }],
        ['l:below', { left: { top: 100, bottom: 120 }, right: { top: 900, bottom: 920 } }],
        ['l:above', { left: { top: -200, bottom: -180 }, right: { top: 200, bottom: 220 } }],
        ['l:gone', { left: { top: -200, bottom: -180 }, right: { top: 900, bottom: 920 } }],
      ]),
    };
    const { curves, markers } = linkShapes([link('both'), link('below'), link('above'), link('gone')], layout);
    expect(curves.map((c) => c.link.key)).toEqual(['both']);
    expect(markers.map((m) => [m.key, m.side, m.direction])).toEqual([
      ['above', 'left', 'up'],
      ['below', 'right', 'down'],
    ]);
    expect(markers.find((m) => m.direction === 'down')!.y).toBe(388);
  });

  it('pairs the passages of links and notes across the two documents, and knows a suggestion already linked', () => {
    const anchors = (documentId: string, refs: [string, number, number, number][]) => ({
      documentId,
      decorations: new DecorationIndex([]),
      passages: new Map(refs.map(([id, targetIndex, start, end]) => [id, [{ annotationId: id, targetIndex, start, end }]])),
      orphans: [],
    });
    const annotations = new Map<string, Pick<Annotation, 'motivation'>>([
      ['link', { motivation: 'linking' }],
      ['note', { motivation: 'commenting' }],
      ['highlight', { motivation: 'highlighting' }],
    ]);
    const links = crossLinks(
      anchors('L', [['link', 0, 100, 150], ['note', 0, 10, 20], ['highlight', 0, 0, 5]]),
      anchors('R', [['link', 1, 40, 80], ['note', 1, 5, 9], ['highlight', 0, 0, 5]]),
      (id) => annotations.get(id) as Annotation | undefined,
    );
    expect(links.map((l) => [l.annotationId, l.motivation, l.left.start, l.right.start])).toEqual([
      ['note', 'commenting', 10, 5],
      ['link', 'linking', 100, 40],
    ]);
    expect(isLinked({ left: { start: 101, end: 150 }, right: { start: 40, end: 79 } }, links)).toBe(true);
    expect(isLinked({ left: { start: 101, end: 150 }, right: { start: 200, end: 260 } }, links)).toBe(false);
  });
});
