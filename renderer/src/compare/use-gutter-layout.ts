/**
 * Measures, once per animation frame while anything moves (either pane
 * scrolls, the window or a pane resizes, the items change), where the
 * gutter is and where each item's two passages are on screen.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Extent } from './gutter-geometry';
import type { Span } from './cross-links';
import { paneFrame, passageExtent, type PaneFrame } from './passage-geometry';

/** Something drawn in the gutter: a passage on each side. */
export interface GutterItem {
  key: string;
  left: Span;
  right: Span;
}

/** An item's measured extents in gutter pixels (null: that side could not be placed). */
export interface MeasuredItem {
  left: Extent | null;
  right: Extent | null;
}

/** The gutter's box inside its container, and the items measured in it. */
export interface GutterLayout {
  x: number;
  y: number;
  width: number;
  height: number;
  items: ReadonlyMap<string, MeasuredItem>;
}

function relative(frame: PaneFrame | null, span: Span, top: number): Extent | null {
  if (!frame) return null;
  const extent = passageExtent(frame, span.start, span.end);
  return extent ? { top: extent.top - top, bottom: extent.bottom - top } : null;
}

function sameLayout(a: GutterLayout | null, b: GutterLayout | null): boolean {
  if (!a || !b) return a === b;
  if (a.x !== b.x || a.y !== b.y || a.width !== b.width || a.height !== b.height || a.items.size !== b.items.size) return false;
  for (const [key, item] of a.items) {
    const other = b.items.get(key);
    if (!other) return false;
    for (const side of ['left', 'right'] as const) {
      const p = item[side];
      const q = other[side];
      if (p === null || q === null ? p !== q : Math.abs(p.top - q.top) > 0.5 || Math.abs(p.bottom - q.bottom) > 0.5) return false;
    }
  }
  return true;
}

/** Measures the whole gutter now (exported for tests). */
export function measureGutter(container: HTMLElement, items: readonly GutterItem[], lengths: { left: number; right: number }): GutterLayout | null {
  const divider = container.querySelector('.pane-divider');
  const left = paneFrame('left', lengths.left, container.ownerDocument);
  const right = paneFrame('right', lengths.right, container.ownerDocument);
  if (!divider || !left || !right) return null;
  const box = container.getBoundingClientRect();
  const bar = divider.getBoundingClientRect();
  const top = Math.max(left.view.top, right.view.top);
  const bottom = Math.min(left.view.bottom, right.view.bottom);
  const measured = new Map<string, MeasuredItem>();
  for (const item of items) measured.set(item.key, { left: relative(left, item.left, top), right: relative(right, item.right, top) });
  return { x: bar.left - box.left, y: top - box.top, width: bar.width, height: Math.max(bottom - top, 0), items: measured };
}

/** The gutter's layout, kept current as the panes scroll and resize; null while off or not measurable. */
export function useGutterLayout(containerRef: RefObject<HTMLElement | null>, items: readonly GutterItem[], lengths: { left: number; right: number }, enabled: boolean): GutterLayout | null {
  const [layout, setLayout] = useState<GutterLayout | null>(null);
  const latest = useRef({ items, lengths });
  const frame = useRef(0);
  useLayoutEffect(() => {
    latest.current = { items, lengths };
  });

  useEffect(() => {
    if (!enabled) return undefined;
    const measure = () => {
      frame.current = 0;
      const container = containerRef.current;
      const next = container ? measureGutter(container, latest.current.items, latest.current.lengths) : null;
      setLayout((current) => (sameLayout(current, next) ? current : next));
    };
    const schedule = () => {
      if (!frame.current) frame.current = requestAnimationFrame(measure);
    };
    schedule();
    // Scroll events do not bubble, but they do pass the capture phase: one listener hears both panes.
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
    if (containerRef.current) observer?.observe(containerRef.current);
    for (const root of containerRef.current?.querySelectorAll('[data-testid^="pane-text-"]') ?? []) observer?.observe(root);
    // Text re-rendered (a highlight drawn, rows of a virtual list mounted) moves passages without a scroll.
    const mutations = typeof MutationObserver === 'function' ? new MutationObserver(schedule) : null;
    if (containerRef.current) mutations?.observe(containerRef.current, { childList: true, subtree: true });
    return () => {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      observer?.disconnect();
      mutations?.disconnect();
    };
  }, [enabled, containerRef]);

  // New items (a suggestion accepted, a link made) are measured in the next frame.
  useEffect(() => {
    if (!enabled || frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const container = containerRef.current;
      const next = container ? measureGutter(container, latest.current.items, latest.current.lengths) : null;
      setLayout((current) => (sameLayout(current, next) ? current : next));
    });
  }, [enabled, items, lengths, containerRef]);

  return enabled ? layout : null;
}
