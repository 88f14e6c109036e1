/**
 * Links between the two open texts, drawn in the gutter: a curve joining
 * both passages when both are on screen, and when one end is off screen a
 * curve to the pane's edge ending in a marker that points up or down and
 * brings that end into view (through the app's reveal, which flashes it).
 */
import { ArrowDown, ArrowUp } from 'lucide-react';
import type { CrossLink } from './cross-links';
import { anchorY, curvePath, placementOf, spreadLabels, type Extent } from './gutter-geometry';
import type { GutterLayout } from './use-gutter-layout';

/** How far from the gutter's top or bottom an edge marker sits. */
const EDGE = 12;
const MARKER_GAP = 22;

interface Drawn {
  link: CrossLink;
  left: Extent;
  right: Extent;
}

/** A marker for a link end that is off screen, and the end it brings into view. */
export interface EdgeMarker {
  key: string;
  link: CrossLink;
  /** The side whose passage is off screen. */
  side: 'left' | 'right';
  direction: 'up' | 'down';
  /** The visible end's y, where the curve starts. */
  fromY: number;
  y: number;
}

/** What to draw for each link: full curves and edge markers (pure, for tests). */
export function linkShapes(links: readonly CrossLink[], layout: Pick<GutterLayout, 'height' | 'items'>): { curves: Drawn[]; markers: EdgeMarker[] } {
  const curves: Drawn[] = [];
  const pending: Omit<EdgeMarker, 'y'>[] = [];
  for (const link of links) {
    const measured = layout.items.get(`l:${link.key}`);
    if (!measured?.left || !measured.right) continue;
    const where = { left: placementOf(measured.left, layout.height), right: placementOf(measured.right, layout.height) };
    if (where.left === 'visible' && where.right === 'visible') curves.push({ link, left: measured.left, right: measured.right });
    else if (where.left === 'visible' || where.right === 'visible') {
      const hidden = where.left === 'visible' ? 'right' : 'left';
      const shown = hidden === 'left' ? measured.right : measured.left;
      pending.push({ key: link.key, link, side: hidden, direction: where[hidden] === 'above' ? 'up' : 'down', fromY: anchorY(shown, layout.height) });
    }
  }
  // Markers on one edge of one side stack inwards from the edge, in the order of the ends they come from.
  const markers: EdgeMarker[] = [];
  for (const side of ['left', 'right'] as const) {
    for (const direction of ['up', 'down'] as const) {
      const group = pending.filter((m) => m.side === side && m.direction === direction).sort((a, b) => a.fromY - b.fromY);
      const wanted = group.map(() => (direction === 'up' ? EDGE : layout.height - EDGE));
      const ys = spreadLabels(wanted, MARKER_GAP, EDGE, Math.max(layout.height - EDGE, EDGE));
      group.forEach((marker, i) => markers.push({ ...marker, y: ys[i]! }));
    }
  }
  return { curves, markers };
}

/** Props of {@link LinkCurves} and {@link LinkMarkers}. */
export interface GutterLinksProps {
  shapes: { curves: Drawn[]; markers: EdgeMarker[] };
  width: number;
  height: number;
}

/** The curves (SVG, decorative: the links themselves are in the text and the Notes panel). */
export function LinkCurves({ shapes, width, height }: GutterLinksProps) {
  const markerX = (side: 'left' | 'right') => (side === 'left' ? 12 : width - 12);
  return (
    <g className="gutter-links">
      {shapes.curves.map(({ link, left, right }) => {
        const ly = anchorY(left, height);
        const ry = anchorY(right, height);
        return (
          <g key={link.key} className="link-curve" data-testid="link-curve" data-annotation-id={link.annotationId} data-motivation={link.motivation}>
            <line x1={1.5} x2={1.5} y1={Math.max(left.top, 0)} y2={Math.min(left.bottom, height)} className="link-tick" />
            <line x1={width - 1.5} x2={width - 1.5} y1={Math.max(right.top, 0)} y2={Math.min(right.bottom, height)} className="link-tick" />
            <path d={curvePath(ly, ry, width)} />
          </g>
        );
      })}
      {shapes.markers.map((marker) => {
        const x = markerX(marker.side);
        const startX = marker.side === 'left' ? width - 3 : 3;
        const edgeY = marker.direction === 'up' ? marker.y - 6 : marker.y + 6;
        return <path key={marker.key} className="link-curve link-curve-partial" d={`M${startX} ${marker.fromY} C${width / 2} ${marker.fromY} ${x} ${(marker.fromY + edgeY) / 2} ${x} ${edgeY}`} />;
      })}
    </g>
  );
}

/** The edge markers: buttons, each bringing its off-screen end into view. */
export function LinkMarkers({ shapes, width, onReveal, titleOf }: GutterLinksProps & { onReveal: (link: CrossLink, side: 'left' | 'right') => void; titleOf: (side: 'left' | 'right') => string }) {
  return (
    <>
      {shapes.markers.map((marker) => {
        const Icon = marker.direction === 'up' ? ArrowUp : ArrowDown;
        const what = marker.link.motivation === 'linking' ? 'linked' : 'noted';
        const label = `Show the ${what} passage ${marker.direction === 'up' ? 'above' : 'below'} in ${titleOf(marker.side)}`;
        return (
          <button
            key={marker.key}
            type="button"
            className="link-marker"
            data-testid="link-marker"
            data-side={marker.side}
            data-direction={marker.direction}
            style={{ left: marker.side === 'left' ? 12 : width - 12, top: marker.y }}
            aria-label={label}
            title={label}
            onClick={() => onReveal(marker.link, marker.side)}
          >
            <Icon aria-hidden="true" />
          </button>
        );
      })}
    </>
  );
}
