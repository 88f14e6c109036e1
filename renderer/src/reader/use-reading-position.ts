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
  /** Whether the list can be placed: the initial position is restored once it is. */
  laidOut: boolean;
  /** Changes whenever the typography changes, so the position is re-applied. */
  typographyKey: string;
  /** The font family the text is drawn in: when a face of it finishes loading, the text reflows. */
  fontFace: string;
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

  // Restore before the first paint, so the top of the text never flashes; a virtual list first needs
  // its column measured (its size estimates, and so the first scroll, depend on it).
  const initialPosition = useRef<number | null>(options.initialPosition);
  const { laidOut } = options;
  useLayoutEffect(() => {
    if (!laidOut || initialPosition.current === null) return;
    keeper.jumpTo(initialPosition.current);
    initialPosition.current = null;
  }, [keeper, laidOut]);
  useLayoutEffect(() => () => keeper.dispose(), [keeper]);

  const typographyKey = useRef(options.typographyKey);
  useLayoutEffect(() => {
    if (typographyKey.current === options.typographyKey) return;
    typographyKey.current = options.typographyKey;
    keeper.reanchor();
  }, [keeper, options.typographyKey]);

  useHoldOnReflow(options.scrollRef, keeper, options.fontFace);
  return { jumpTo: keeper.jumpTo, onScroll: keeper.onScroll };
}

/** Whether fonts that finished loading include a face of `family` (or the browser does not say which loaded). */
export function reflowsText(loaded: readonly FontFace[] | undefined, family: string): boolean {
  if (!loaded || loaded.length === 0) return true;
  return loaded.some((face) => face.family.replace(/^["']|["']$/g, '') === family);
}

/**
 * Re-applies the position when the pane's width changes or a face of the
 * text's font finishes loading (both reflow the text; the interface's own
 * fonts do not), and lets the reader take over from a jump in progress as
 * soon as they scroll by hand.
 */
function useHoldOnReflow(scrollRef: RefObject<HTMLDivElement | null>, keeper: PositionKeeper, fontFace: string): void {
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
    const onFontsLoaded = (event: Event) => {
      if (reflowsText((event as FontFaceSetLoadEvent).fontfaces, fontFace)) reanchor();
    };
    fonts?.addEventListener?.('loadingdone', onFontsLoaded);
    const takeOver = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
    for (const type of takeOver) scroller.addEventListener(type, keeper.cancelJump, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
      fonts?.removeEventListener?.('loadingdone', onFontsLoaded);
      for (const type of takeOver) scroller.removeEventListener(type, keeper.cancelJump);
    };
  }, [scrollRef, keeper, fontFace]);
}
