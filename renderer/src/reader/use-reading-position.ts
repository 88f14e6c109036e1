/**
 * Keeps a pane's reading position as a document offset: reports it as the
 * reader scrolls, restores it on open, and holds it in place when the font,
 * measure or pane width change (which move every pixel position).
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useLatest } from '../lib/use-latest';
import { PositionKeeper } from './position-keeper';

/** Options of {@link useReadingPosition}. */
export interface ReadingPositionOptions {
  scrollRef: RefObject<HTMLDivElement | null>;
  textRef: RefObject<HTMLDivElement | null>;
  /** Where each item of the list starts in the text (see KeeperContext). */
  rows: readonly { start: number }[];
  textLength: number;
  /** The virtual list, when the text is virtualised. */
  virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement> | null;
  initialPosition: number;
  /** Changes whenever the typography changes, so the position is re-applied. */
  typographyKey: string;
  onPosition: (offset: number, atEnd: boolean) => void;
  onReady: () => void;
}

/** Tracks and restores the reading position; returns `jumpTo` and the scroll handler. */
export function useReadingPosition(options: ReadingPositionOptions): { jumpTo: (offset: number) => void; onScroll: () => void } {
  const latest = useLatest(options);
  const [keeper] = useState(
    () =>
      new PositionKeeper(() => {
        const current = latest.current;
        return {
          scroller: current.scrollRef.current,
          root: current.textRef.current,
          rows: current.rows,
          textLength: current.textLength,
          virtualizer: current.virtualizer,
          onPosition: current.onPosition,
          onReady: current.onReady,
        };
      }, options.initialPosition),
  );

  // Restore before the first paint, so the top of the text never flashes.
  const initialPosition = useRef(options.initialPosition);
  useLayoutEffect(() => {
    keeper.jumpTo(initialPosition.current);
    return () => keeper.dispose();
  }, [keeper]);

  const typographyKey = useRef(options.typographyKey);
  useLayoutEffect(() => {
    if (typographyKey.current === options.typographyKey) return;
    typographyKey.current = options.typographyKey;
    keeper.reanchor();
  }, [keeper, options.typographyKey]);

  useHoldOnReflow(options.scrollRef, keeper);
  return { jumpTo: keeper.jumpTo, onScroll: keeper.onScroll };
}

/**
 * Re-applies the position when the pane's width changes or web fonts finish
 * loading (both reflow the text), and lets the reader take over from a jump
 * in progress as soon as they scroll by hand.
 */
function useHoldOnReflow(scrollRef: RefObject<HTMLDivElement | null>, keeper: PositionKeeper): void {
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return undefined;
    let width = scroller.clientWidth;
    let frame = 0;
    const reanchor = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(keeper.reanchor);
    };
    const observer =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() => {
            if (scroller.clientWidth === width) return;
            width = scroller.clientWidth;
            reanchor();
          })
        : null;
    observer?.observe(scroller);
    const fonts = document.fonts as FontFaceSet | undefined;
    fonts?.addEventListener?.('loadingdone', reanchor);
    const takeOver = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
    for (const type of takeOver) scroller.addEventListener(type, keeper.cancelJump, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
      fonts?.removeEventListener?.('loadingdone', reanchor);
      for (const type of takeOver) scroller.removeEventListener(type, keeper.cancelJump);
    };
  }, [scrollRef, keeper]);
}
