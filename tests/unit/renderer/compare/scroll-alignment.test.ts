import { describe, expect, it } from 'vitest';
import { monotoneAnchors, partnerPosition, scrollTopFor, usableAnchors } from '../../../../renderer/src/compare/scroll-alignment';

describe('monotoneAnchors', () => {
  it('keeps the heaviest chain increasing in both texts and drops the pair that crosses it', () => {
    const chain = monotoneAnchors([
      { left: 100, right: 50, weight: 1 },
      { left: 300, right: 20, weight: 0.6 }, // crosses the first and the last
      { left: 500, right: 400, weight: 1 },
    ]);
    expect(chain.map((p) => p.left)).toEqual([100, 500]);
  });

  it('prefers a heavy link over two light suggestions that contradict it', () => {
    const chain = monotoneAnchors([
      { left: 100, right: 900, weight: 2 },
      { left: 200, right: 100, weight: 0.5 },
      { left: 300, right: 200, weight: 0.5 },
    ]);
    expect(chain).toEqual([{ left: 100, right: 900, weight: 2 }]);
  });

  it('is empty without pairs', () => {
    expect(monotoneAnchors([])).toEqual([]);
  });
});

describe('partnerPosition', () => {
  const anchors = [
    { from: 100, to: 300 },
    { from: 500, to: 400 },
  ];

  it('puts each anchor exactly level with its partner', () => {
    expect(partnerPosition(anchors, 100)).toBe(300);
    expect(partnerPosition(anchors, 500)).toBe(400);
  });

  it('interpolates linearly between anchors', () => {
    expect(partnerPosition(anchors, 300)).toBe(350);
  });

  it('keeps the relative offset before the first anchor and after the last', () => {
    expect(partnerPosition(anchors, 40)).toBe(240);
    expect(partnerPosition(anchors, 900)).toBe(800);
  });

  it('answers null without anchors, so the caller scrolls by the same delta', () => {
    expect(partnerPosition([], 120)).toBeNull();
  });

  it('ignores anchors that would make the mapping run backwards or stand still', () => {
    expect(usableAnchors([{ from: 100, to: 300 }, { from: 200, to: 250 }, { from: 300, to: 500 }, { from: 300, to: 550 }, { from: 400, to: 600 }])).toEqual([
      { from: 100, to: 300 },
      { from: 300, to: 500 },
      { from: 400, to: 600 },
    ]);
    // Monotone in, monotone out: a later position never maps above an earlier one.
    const many = [{ from: 0, to: 0 }, { from: 50, to: 400 }, { from: 60, to: 10 }, { from: 300, to: 500 }];
    let previous = -Infinity;
    for (let y = -100; y < 600; y += 7) {
      const mapped = partnerPosition(many, y)!;
      expect(mapped).toBeGreaterThanOrEqual(previous);
      previous = mapped;
    }
  });
});

describe('scrollTopFor', () => {
  it('puts a line at the reading line, within the scroll range', () => {
    expect(scrollTopFor(500, 100, 1000)).toBe(400);
    expect(scrollTopFor(50, 100, 1000)).toBe(0);
    expect(scrollTopFor(5000, 100, 1000)).toBe(1000);
  });
});
