/**
 * Which suggestion bands the gutter draws, and where their numbers go:
 * pure, from the measured extents of each suggestion's two passages.
 */
import type { CompareSuggestion } from '../../../electron/api/contract';
import { anchorY, placementOf, spreadLabels, type Extent, type Placement } from './gutter-geometry';
import type { GutterLayout } from './use-gutter-layout';

/** Where an off-screen end is drawn: a sliver at the edge it lies beyond, so the band visibly runs on. */
function atEdge(extent: Extent, placement: Placement, height: number): Extent {
  if (placement === 'above') return { top: -2, bottom: 3 };
  if (placement === 'below') return { top: height - 3, bottom: height + 2 };
  return extent;
}

/**
 * Bands worth drawing: those with at least one end on screen. An end off
 * screen is drawn at the edge it lies beyond (J, K or aligned scrolling
 * bring it level), and the number sits by the end that shows.
 */
export function bandsOf(suggestions: readonly CompareSuggestion[], layout: Pick<GutterLayout, 'height' | 'items'> | null) {
  if (!layout) return [];
  const { height } = layout;
  const bands = [];
  for (const suggestion of suggestions) {
    const measured = layout.items.get(`s:${suggestion.id}`);
    if (!measured?.left || !measured.right) continue;
    const l = placementOf(measured.left, height);
    const r = placementOf(measured.right, height);
    if (l !== 'visible' && r !== 'visible') continue;
    const left = atEdge(measured.left, l, height);
    const right = atEdge(measured.right, r, height);
    const partial = l !== 'visible' || r !== 'visible';
    const labelY = !partial ? (anchorY(left, height) + anchorY(right, height)) / 2 : anchorY(l === 'visible' ? left : right, height);
    bands.push({ suggestion, left, right, partial, labelX: !partial ? 0.5 : l === 'visible' ? 0.3 : 0.7, labelY });
  }
  const ys = spreadLabels(
    bands.map((b) => b.labelY),
    22,
    12,
    Math.max(height - 12, 12),
  );
  return bands.map((band, i) => ({ ...band, labelY: ys[i]! }));
}
