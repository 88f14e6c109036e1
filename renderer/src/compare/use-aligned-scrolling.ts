/**
 * Aligned scrolling: when the reader scrolls one pane, the other follows so
 * that corresponding passages stay level. Guided by anchors (accepted
 * links, strong suggestions) measured on screen each time; the mapping is
 * in scroll-alignment.ts. The partner's scroll is remembered as ours, so
 * its scroll event does not drive the first pane back (no loop, no jitter).
 */
import { useEffect, useRef } from 'react';
import type { PaneSide } from '../../../electron/api/contract';
import { contentY, paneFrame, passageExtent, type PaneFrame } from './passage-geometry';
import { monotoneAnchors, partnerPosition, scrollTopFor, type OffsetPair, type PixelAnchor } from './scroll-alignment';

/** A pair of corresponding passages by their offsets (start and end in each text). */
export interface AlignmentPair extends OffsetPair {
  leftEnd: number;
  rightEnd: number;
}

/** Where the reading line sits, as a share of the shorter pane's height: the passages level there stay level. */
export const READING_LINE_SHARE = 0.3;

/** Scroll positions this code set, per pane, and when: a scroll event at that position is our own echo. */
const ours = new Map<PaneSide, { top: number; at: number }>();
/** How long an echo is expected; a stale expectation must not swallow the reader's own scroll. */
const ECHO_MS = 400;

/** Records a scroll position set by the program (compare navigation too), so aligned scrolling ignores its echo. */
export function markProgrammaticScroll(side: PaneSide, scroller: HTMLElement): void {
  ours.set(side, { top: scroller.scrollTop, at: performance.now() });
}

function isEcho(side: PaneSide, scroller: HTMLElement): boolean {
  const mark = ours.get(side);
  if (!mark) return false;
  if (performance.now() - mark.at > ECHO_MS) {
    ours.delete(side);
    return false;
  }
  if (Math.abs(scroller.scrollTop - mark.top) > 1.5) return false;
  ours.delete(side);
  return true;
}

const other = (side: PaneSide): PaneSide => (side === 'left' ? 'right' : 'left');

function anchorsInPixels(from: PaneFrame, to: PaneFrame, chain: readonly AlignmentPair[]): PixelAnchor[] {
  const anchors: PixelAnchor[] = [];
  for (const pair of chain) {
    const [a, b] = from.side === 'left' ? [[pair.left, pair.leftEnd], [pair.right, pair.rightEnd]] : [[pair.right, pair.rightEnd], [pair.left, pair.leftEnd]];
    const fromExtent = passageExtent(from, a![0]!, a![1]!);
    const toExtent = passageExtent(to, b![0]!, b![1]!);
    if (fromExtent && toExtent) anchors.push({ from: contentY(from, fromExtent.top), to: contentY(to, toExtent.top) });
  }
  return anchors;
}

/** Keeps the panes aligned while `enabled`; `pairs` are the candidate anchors, `lengths` the documents' lengths. */
export function useAlignedScrolling(enabled: boolean, pairs: readonly AlignmentPair[], lengths: { left: number; right: number }): void {
  const latest = useRef({ chain: [] as AlignmentPair[], lengths });
  useEffect(() => {
    latest.current = { chain: monotoneAnchors(pairs) as AlignmentPair[], lengths };
  }, [pairs, lengths]);

  useEffect(() => {
    if (!enabled) return undefined;
    const lastTop: Record<PaneSide, number | null> = { left: null, right: null };
    let frame = 0;
    let driver: PaneSide | null = null;

    const follow = () => {
      frame = 0;
      const side = driver;
      driver = null;
      if (!side) return;
      const { chain, lengths: sizes } = latest.current;
      const from = paneFrame(side, sizes[side]);
      const to = paneFrame(other(side), sizes[other(side)]);
      if (!from || !to) return;
      const line = Math.min(from.view.height, to.view.height) * READING_LINE_SHARE;
      const mapped = partnerPosition(anchorsInPixels(from, to, chain), from.scroller.scrollTop + line);
      const previous = lastTop[side];
      // Nothing corresponds anywhere: move the partner by as much as the reader moved.
      const target = mapped === null ? to.scroller.scrollTop + (previous === null ? 0 : from.scroller.scrollTop - previous) : mapped - line;
      lastTop[side] = from.scroller.scrollTop;
      const next = scrollTopFor(target + line, line, to.scroller.scrollHeight - to.scroller.clientHeight);
      if (Math.abs(next - to.scroller.scrollTop) < 1) return;
      to.scroller.scrollTop = next;
      markProgrammaticScroll(to.side, to.scroller);
      lastTop[to.side] = to.scroller.scrollTop;
    };

    const onScroll = (event: Event) => {
      const target = event.target;
      if (!(target instanceof HTMLElement)) return;
      const id = target.getAttribute('data-testid');
      const side: PaneSide | null = id === 'pane-scroll-left' ? 'left' : id === 'pane-scroll-right' ? 'right' : null;
      if (!side) return;
      if (isEcho(side, target)) {
        lastTop[side] = target.scrollTop;
        return;
      }
      driver = side;
      if (!frame) frame = requestAnimationFrame(follow);
    };
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    // Turning alignment on brings the partner level with the focused pane at once.
    const focused = document.querySelector('[data-testid^="pane-"][data-focused="true"]')?.getAttribute('data-testid') === 'pane-right' ? 'right' : 'left';
    driver = focused;
    frame = requestAnimationFrame(follow);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll, { capture: true });
    };
  }, [enabled]);
}
