/**
 * A text document at a book measure, in a focusable scroll container.
 * Small texts render every block (so the whole text is in the DOM and can be
 * searched and anchored); large ones render only the rows near the viewport.
 */
import { memo, useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type Ref } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PaneSide } from '../../../electron/api/contract';
import type { TextBlock } from '../../../electron/core/text-blocks';
import { NO_DECORATIONS, type Decorations } from '../annotations/decorations';
import { charsPerLine, estimateRowHeight, shouldVirtualise, VIRTUAL_ROW_BLOCKS } from './reading-metrics';
import { extendSelectionByKey } from './keyboard-selection';
import { groupRows, UNLIMITED_ROW_BLOCKS } from './text-rows';
import { TextRowView } from './text-row-view';
import { useReadingPosition } from './use-reading-position';

/** What a pane can ask of its text view. */
export interface TextViewHandle {
  /** Scrolls so the line holding `offset` is at the top. */
  jumpTo: (offset: number) => void;
  /**
   * Moves keyboard focus to the scroll container, so arrow keys scroll the
   * text. `visible: false` skips the focus ring (restoring focus at start-up).
   */
  focus: (visible: boolean) => void;
}

/** Props of {@link TextView}. */
export interface TextViewProps {
  side: PaneSide;
  title: string;
  text: string;
  blocks: readonly TextBlock[];
  initialPosition: number;
  fontSize: number;
  lineWidth: number;
  /** One of the reading families: serif, sans or accessible (see themes.css). */
  fontFamily: string;
  onPosition: (offset: number, atEnd: boolean) => void;
  onReady: () => void;
  handleRef?: Ref<TextViewHandle>;
  /** Highlights, notes and links drawn over the text. */
  decorations?: Decorations;
  /** A click (not the end of a drag) on decorated text: the ids of the annotations there, innermost first. */
  onAnnotationClick?: (ids: string[]) => void;
}

/** The annotations under a click, innermost first; none when the click ended a selection. */
function annotationsAt(target: EventTarget | null): string[] {
  if (!(target instanceof Element)) return [];
  const selection = target.ownerDocument.getSelection();
  if (selection && !selection.isCollapsed) return [];
  const marker = target.closest('[data-marker-for]');
  if (marker) return [marker.getAttribute('data-marker-for')!];
  const ids: string[] = [];
  // Nested decorations never nest elements (segments are flat), but a marker's icon sits inside its button.
  const segment = target.closest('[data-annotation-ids]');
  for (const id of segment?.getAttribute('data-annotation-ids')?.split(' ') ?? []) if (id && !ids.includes(id)) ids.push(id);
  return ids;
}

/**
 * Typography set on the text itself rather than only on <html>, so a change
 * lands in the same commit as the effect that re-anchors the position.
 */
function typographyStyle(fontSize: number, lineWidth: number, fontFamily: string, height: number | undefined): CSSProperties {
  return {
    fontSize: `${fontSize}px`,
    maxWidth: `${lineWidth}ch`,
    fontFamily: `var(--font-${fontFamily})`,
    ...(height === undefined ? {} : { height }),
  };
}

/** Focuses the scroll container; asking again for a visible ring shows it even if focus was already there quietly. */
function focusScroller(scroller: HTMLElement | null, visible: boolean): void {
  if (!scroller) return;
  if (visible && document.activeElement === scroller && !matchesSafely(scroller, ':focus-visible')) scroller.blur();
  scroller.focus({ preventScroll: true, focusVisible: visible });
}

function matchesSafely(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    // Older DOMs (jsdom) may not know the selector; then there is nothing to correct.
    return true;
  }
}

/** Rows rendered beyond each edge of the viewport in a virtual list. */
const OVERSCAN_ROWS = 3;

/** The reading surface of one pane. */
export const TextView = memo(function TextView(props: TextViewProps) {
  const { side, title, text, blocks, fontSize, lineWidth, fontFamily, decorations = NO_DECORATIONS, onAnnotationClick } = props;
  const virtual = useMemo(() => shouldVirtualise(text, blocks), [text, blocks]);
  const rows = useMemo(() => groupRows(blocks, virtual ? VIRTUAL_ROW_BLOCKS : UNLIMITED_ROW_BLOCKS), [blocks, virtual]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [frame, setFrame] = useState({ scrollMargin: 0, columnWidth: 0 });

  // The list starts below the column's top padding (which narrow panes shrink); the virtualizer needs that distance.
  useLayoutEffect(() => {
    const root = textRef.current;
    const scroller = scrollRef.current;
    if (!root || !scroller) return undefined;
    const measure = () => {
      const next = { scrollMargin: root.offsetTop, columnWidth: root.clientWidth };
      setFrame((current) => (current.scrollMargin === next.scrollMargin && current.columnWidth === next.columnWidth ? current : next));
    };
    measure();
    if (typeof ResizeObserver !== 'function') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [fontSize, lineWidth, fontFamily]);

  const perLine = charsPerLine(frame.columnWidth, fontSize, lineWidth);
  const estimateSize = useCallback(
    (index: number) => {
      const row = rows[index];
      return row ? estimateRowHeight(row, fontSize, perLine) : 0;
    },
    [rows, fontSize, perLine],
  );
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    enabled: virtual,
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: OVERSCAN_ROWS,
    scrollMargin: frame.scrollMargin,
    getItemKey: (index) => rows[index]?.start ?? index,
    useFlushSync: false,
  });

  const { jumpTo, onScroll } = useReadingPosition({
    scrollRef,
    textRef,
    rows,
    textLength: text.length,
    virtualizer: virtual ? virtualizer : null,
    initialPosition: props.initialPosition,
    typographyKey: `${fontSize}/${lineWidth}/${fontFamily}`,
    onPosition: props.onPosition,
    onReady: props.onReady,
  });

  useImperativeHandle(
    props.handleRef,
    () => ({ jumpTo, focus: (visible: boolean) => focusScroller(scrollRef.current, visible) }),
    [jumpTo],
  );

  let body;
  if (virtual) {
    body = virtualizer.getVirtualItems().map((item) => (
      <TextRowView
        key={item.key.toString()}
        text={text}
        blocks={blocks}
        row={rows[item.index]!}
        index={item.index}
        top={item.start - frame.scrollMargin}
        measureRef={virtualizer.measureElement}
        ranges={decorations.overlapping(rows[item.index]!.start, rows[item.index]!.end)}
      />
    ));
  } else {
    body = rows.map((row) => <TextRowView key={row.start} text={text} blocks={blocks} row={row} ranges={decorations.overlapping(row.start, row.end)} />);
  }

  return (
    <div
      ref={scrollRef}
      className="pane-scroll"
      tabIndex={0}
      role="document"
      aria-label={`Text of ${title}`}
      data-testid={`pane-scroll-${side}`}
      onScroll={onScroll}
      onKeyDown={(event) => {
        if (textRef.current && scrollRef.current && extendSelectionByKey(event.nativeEvent, scrollRef.current, textRef.current)) event.preventDefault();
      }}
    >
      <div
        ref={textRef}
        className={virtual ? 'reading-text reading-text-virtual' : 'reading-text'}
        data-testid={`pane-text-${side}`}
        data-virtual={virtual ? 'true' : undefined}
        style={typographyStyle(fontSize, lineWidth, fontFamily, virtual ? virtualizer.getTotalSize() : undefined)}
        onClick={
          onAnnotationClick
            ? (event) => {
                const ids = annotationsAt(event.target);
                if (ids.length > 0) onAnnotationClick(ids);
              }
            : undefined
        }
      >
        {body}
      </div>
    </div>
  );
});
