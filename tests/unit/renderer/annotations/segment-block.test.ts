import { describe, expect, it } from 'vitest';
import { DecorationIndex, withExtraRanges, type DecorationRange } from '../../../../renderer/src/annotations/decorations';
import { segmentBlock } from '../../../../renderer/src/annotations/segment-block';

function hl(id: string, start: number, end: number, colour: DecorationRange['colour'] = 'yellow', order = 0): DecorationRange {
  return { id, start, end, kind: 'highlight', colour, order };
}

function note(id: string, start: number, end: number): DecorationRange {
  return { id, start, end, kind: 'note', order: 0, label: `Note: ${id}` };
}

/** Segments as [start, end, ids of highlights innermost first]. */
function shape(start: number, contentEnd: number, ranges: DecorationRange[]) {
  return segmentBlock(start, contentEnd, contentEnd, ranges).segments.map((s) => [s.start, s.end, s.highlights.map((h) => h.id).join(',')]);
}

describe('segmentBlock', () => {
  it('leaves an undecorated block as one bare segment', () => {
    expect(shape(10, 50, [])).toEqual([[10, 50, '']]);
  });

  it('splits at both ends of a highlight inside the block', () => {
    expect(shape(0, 100, [hl('a', 20, 30)])).toEqual([
      [0, 20, ''],
      [20, 30, 'a'],
      [30, 100, ''],
    ]);
  });

  it('draws nested highlights with the inner one on top and the outer one still present', () => {
    expect(shape(0, 100, [hl('outer', 10, 90), hl('inner', 40, 60, 'blue')])).toEqual([
      [0, 10, ''],
      [10, 40, 'outer'],
      [40, 60, 'inner,outer'],
      [60, 90, 'outer'],
      [90, 100, ''],
    ]);
  });

  it('draws crossing highlights with both visible where they overlap, the newer on top when equally long', () => {
    expect(shape(0, 100, [hl('a', 10, 50), hl('b', 30, 70, 'green', 1)])).toEqual([
      [0, 10, ''],
      [10, 30, 'a'],
      [30, 50, 'b,a'],
      [50, 70, 'b'],
      [70, 100, ''],
    ]);
    // Otherwise the shorter one is on top: it would vanish under the longer.
    expect(shape(0, 100, [hl('a', 10, 50, 'yellow', 5), hl('b', 30, 80, 'green', 1)])[2]).toEqual([30, 50, 'a,b']);
  });

  it('clips a highlight that runs across blocks to each block', () => {
    const range = hl('long', 40, 160);
    expect(shape(0, 100, [range])).toEqual([
      [0, 40, ''],
      [40, 100, 'long'],
    ]);
    expect(shape(100, 200, [range])).toEqual([
      [100, 160, 'long'],
      [160, 200, ''],
    ]);
  });

  it('covers the content exactly, with no gaps or overlaps, whatever the ranges', () => {
    const ranges = [hl('a', 5, 15), hl('b', 5, 15, 'pink'), hl('c', 0, 3), note('n', 12, 40), hl('d', 39, 41)];
    const segments = segmentBlock(0, 40, 42, ranges).segments;
    expect(segments[0]!.start).toBe(0);
    expect(segments.at(-1)!.end).toBe(40);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBe(segments[i - 1]!.end);
    for (const s of segments) expect(s.end).toBeGreaterThan(s.start);
  });

  it('puts a marker where a note passage ends, even when it ends in the separator', () => {
    expect(segmentBlock(0, 20, 22, [note('n', 5, 10)]).markers.map((m) => [m.at, m.range.id])).toEqual([[10, 'n']]);
    expect(segmentBlock(0, 20, 22, [note('n', 5, 22)]).markers.map((m) => m.at)).toEqual([20]);
    expect(segmentBlock(0, 20, 22, [note('n', 5, 30)]).markers).toEqual([]);
  });
});

describe('DecorationIndex', () => {
  it('finds exactly the ranges overlapping a stretch, long ones starting far before included', () => {
    const ranges = [hl('whole', 0, 10_000), hl('a', 100, 200), hl('b', 250, 260), hl('c', 5000, 5100), hl('touch', 300, 400)];
    const index = new DecorationIndex(ranges);
    expect(index.overlapping(150, 300).map((r) => r.id).sort()).toEqual(['a', 'b', 'whole']);
    expect(index.overlapping(400, 500).map((r) => r.id)).toEqual(['whole']);
    expect(index.overlapping(5050, 5060).map((r) => r.id).sort()).toEqual(['c', 'whole']);
    expect(index.overlapping(20_000, 20_100)).toEqual([]);
  });

  it('agrees with a linear scan on many random ranges', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const ranges: DecorationRange[] = [];
    for (let i = 0; i < 2000; i++) {
      const start = Math.floor(random() * 100_000);
      ranges.push(hl(`r${i}`, start, start + 1 + Math.floor(random() * (random() < 0.05 ? 20_000 : 300))));
    }
    const index = new DecorationIndex(ranges);
    for (let q = 0; q < 200; q++) {
      const start = Math.floor(random() * 100_000);
      const end = start + 1 + Math.floor(random() * 2000);
      const expected = ranges.filter((r) => r.start < end && r.end > start).map((r) => r.id).sort();
      expect(index.overlapping(start, end).map((r) => r.id).sort()).toEqual(expected);
    }
  });

  it('adds a flash on top without rebuilding the index', () => {
    const index = new DecorationIndex([hl('a', 0, 10)]);
    const flashed = withExtraRanges(index, [{ id: '', kind: 'flash', start: 5, end: 8, order: 0 }]);
    expect(flashed.overlapping(0, 20).map((r) => r.kind)).toEqual(['highlight', 'flash']);
    expect(flashed.overlapping(9, 20).map((r) => r.kind)).toEqual(['highlight']);
  });
});
