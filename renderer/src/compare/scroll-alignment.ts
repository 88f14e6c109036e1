/**
 * Aligned scrolling, as pure arithmetic: which corresponding passages guide
 * it (a monotone chain of anchor pairs, so the mapping never runs backwards)
 * and where the partner pane should be for a given position of the pane the
 * reader scrolls (piecewise linear between anchors, in pixels).
 */

/** Two corresponding passages, by their start offsets in each text, and how much to trust the pair. */
export interface OffsetPair {
  left: number;
  right: number;
  /** Accepted links weigh more than suggestions; a suggestion weighs its score. */
  weight: number;
}

/**
 * The heaviest chain of pairs increasing in both texts (a weighted longest
 * increasing subsequence). Crossing pairs cannot all guide scrolling: one
 * text would have to move backwards while the other moves forwards.
 */
export function monotoneAnchors(pairs: readonly OffsetPair[]): OffsetPair[] {
  const sorted = [...pairs].sort((a, b) => a.left - b.left || a.right - b.right);
  const best: number[] = [];
  const previous: number[] = [];
  let end = -1;
  // Quadratic, which is fine for the few hundred pairs a comparison yields at most.
  for (let i = 0; i < sorted.length; i++) {
    best[i] = sorted[i]!.weight;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      if (sorted[j]!.left < sorted[i]!.left && sorted[j]!.right < sorted[i]!.right && best[j]! + sorted[i]!.weight > best[i]!) {
        best[i] = best[j]! + sorted[i]!.weight;
        previous[i] = j;
      }
    }
    if (end < 0 || best[i]! > best[end]!) end = i;
  }
  const chain: OffsetPair[] = [];
  for (let i = end; i >= 0; i = previous[i]!) chain.push(sorted[i]!);
  return chain.reverse();
}

/** One anchor in pixels: where its passage is in the pane being scrolled (`from`) and in its partner (`to`). */
export interface PixelAnchor {
  from: number;
  to: number;
}

/**
 * Anchors usable for interpolation: sorted by `from`, each strictly below
 * the one before in both panes (layout can squeeze two offsets onto one
 * line, and a segment of zero height has no slope).
 */
export function usableAnchors(anchors: readonly PixelAnchor[]): PixelAnchor[] {
  const sorted = [...anchors].sort((a, b) => a.from - b.from);
  const kept: PixelAnchor[] = [];
  for (const anchor of sorted) {
    const last = kept.at(-1);
    if (!last || (anchor.from > last.from && anchor.to > last.to)) kept.push(anchor);
  }
  return kept;
}

/**
 * Where the partner's reading line should be when the scrolled pane's is
 * at `y` (both in content pixels): on the line between the anchors around
 * `y`, and beyond the first or last anchor at the same distance from it as
 * in the scrolled pane (the texts keep their relative offset there). Null
 * without anchors: then the caller scrolls the partner by the same delta.
 */
export function partnerPosition(anchors: readonly PixelAnchor[], y: number): number | null {
  const usable = usableAnchors(anchors);
  const first = usable[0];
  const last = usable.at(-1);
  if (!first || !last) return null;
  if (y <= first.from) return first.to + (y - first.from);
  if (y >= last.from) return last.to + (y - last.from);
  let low = 0;
  let high = usable.length - 1;
  // The segment [low, low + 1] holding y.
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (usable[mid]!.from <= y) low = mid;
    else high = mid;
  }
  const a = usable[low]!;
  const b = usable[high]!;
  return a.to + ((y - a.from) / (b.from - a.from)) * (b.to - a.to);
}

/** The scroll position that puts `line` (content pixels) at `readingLine` pixels below the top, within the scroll range. */
export function scrollTopFor(line: number, readingLine: number, maxScrollTop: number): number {
  return Math.min(Math.max(line - readingLine, 0), Math.max(maxScrollTop, 0));
}
