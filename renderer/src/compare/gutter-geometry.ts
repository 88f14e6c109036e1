/**
 * Shapes drawn in the gutter between the panes, from the vertical extents
 * of passages as they are on screen: ribbons for suggestions, curves for
 * links, and where labels and edge markers go so they never overlap.
 * Pure: every y is in pixels from the gutter's top.
 */

/** A passage's vertical extent on screen, in gutter pixels. */
export interface Extent {
  top: number;
  bottom: number;
}

/** Where a passage is relative to the visible part of its pane. */
export type Placement = 'above' | 'visible' | 'below';

const round = (n: number) => Math.round(n * 10) / 10;

/** Whether an extent shows in a view of `height` pixels (any part of it), or lies above or below it. */
export function placementOf(extent: Extent, height: number): Placement {
  if (extent.bottom <= 0) return 'above';
  if (extent.top >= height) return 'below';
  return 'visible';
}

/**
 * A ribbon joining the left passage's extent (at x = 0) to the right
 * passage's (at x = width): two S-curves, so the band reads as one shape
 * flowing across rather than a trapezoid.
 */
export function bandPath(left: Extent, right: Extent, width: number): string {
  const mid = round(width / 2);
  const [lt, lb, rt, rb] = [left.top, Math.max(left.bottom, left.top + 2), right.top, Math.max(right.bottom, right.top + 2)].map(round);
  return `M0 ${lt} C${mid} ${lt} ${mid} ${rt} ${round(width)} ${rt} L${round(width)} ${rb} C${mid} ${rb} ${mid} ${lb} 0 ${lb} Z`;
}

/** A link's curve from the left passage's middle to the right passage's, between `inset` pixels of each edge. */
export function curvePath(leftY: number, rightY: number, width: number, inset = 3): string {
  const from = round(inset);
  const to = round(width - inset);
  const mid = round(width / 2);
  return `M${from} ${round(leftY)} C${mid} ${round(leftY)} ${mid} ${round(rightY)} ${to} ${round(rightY)}`;
}

/** The middle of an extent, kept `margin` pixels inside a view of `height`. */
export function anchorY(extent: Extent, height: number, margin = 6): number {
  const top = Math.max(extent.top, margin);
  const bottom = Math.min(extent.bottom, height - margin);
  return bottom >= top ? (top + bottom) / 2 : Math.min(Math.max(extent.top, margin), height - margin);
}

/**
 * Positions for labels wanted at `wanted` (any order), each at least `gap`
 * apart, inside [min, max]: a label is pushed down past the one above it,
 * and the whole run is pulled back up if it overflows the bottom. Returns
 * positions in the order of `wanted`.
 */
export function spreadLabels(wanted: readonly number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((y, index) => ({ y, index })).sort((a, b) => a.y - b.y || a.index - b.index);
  const placed: number[] = [];
  for (const { y } of order) {
    const floor = placed.length > 0 ? placed.at(-1)! + gap : min;
    placed.push(Math.max(y, floor));
  }
  // Pull back from the bottom, as far as the top allows.
  for (let i = placed.length - 1; i >= 0; i--) {
    const ceiling = i === placed.length - 1 ? max : placed[i + 1]! - gap;
    placed[i] = Math.max(Math.min(placed[i]!, ceiling), min);
  }
  const result: number[] = [];
  order.forEach(({ index }, i) => (result[index] = placed[i]!));
  return result;
}
