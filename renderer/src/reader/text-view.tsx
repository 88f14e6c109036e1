/**
 * A text document at a book measure, in a focusable scroll container.
 * Small texts render every block (so the whole text is in the DOM and can be
 * searched and anchored); large ones render only the rows near the viewport.
 * A Markdown or HTML document is drawn with its structure (headings, lists,
 * quotes, code, links…) over the same text and the same offsets; find
 * matches are drawn like decorations.
 */
import { memo, useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type MouseEvent, type Ref } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PaneSide } from '../../../electron/api/contract';
import type { TextBlock } from '../../../electron/core/text-blocks';
import { NO_DECORATIONS, type Decorations } from '../annotations/decorations';
import { DOCUMENT_LINK_ATTRIBUTE } from './decorated-content';
import type { DocumentStructure } from './document-structure';
import type { FindHighlights, FindRange } from './find-highlights';
import { LinkConfirmDialog, linkClickAction, openOutside } from './link-confirm';
import { layoutRows } from './structure-layout';
import { rangeFromOffsets, selectionToOffsets } from './text-offsets';
import { charsPerLine, estimateRowHeight, shouldVirtualise, VIRTUAL_ROW_BLOCKS } from './reading-metrics';
import { extendSelectionByKey } from './keyboard-selection';
import { findRowIndex, groupChunks, groupRows, UNLIMITED_ROW_BLOCKS, type TextChunk } from './text-rows';
import { TextRowView } from './text-row-view';
import { useReadingPosition } from './use-reading-position';
import { READING_FACES } from '../app/apply-settings';

/** What a pane can ask of its text view. */
export interface TextViewHandle {
  /** Scrolls so the line holding `offset` is at the top. */
  jumpTo: (offset: number) => void;
  /**
   * Moves keyboard focus to the scroll container, so arrow keys scroll the
   * text. `visible: false` skips the focus ring (restoring focus at start-up).
   */
  focus: (visible: boolean) => void;
  /** Brings [start, end) into view: nothing moves when all of it is on screen already, else its line goes to the top. */
  revealRange: (start: number, end: number) => void;
  /** The text selected inside this view, or null when the selection is elsewhere (or empty). */
  selectedText: () => string | null;
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
  /** How to draw a Markdown or HTML document (headings, lists, links…); absent for plain text. */
  structure?: DocumentStructure | null;
  /** Find matches to draw, and the current one. */
  find?: FindHighlights | null;
}

const NO_FIND: readonly FindRange[] = [];

/** The document link under a click, unless the click was on a note or link marker inside it. */
function documentLinkAt(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element) || target.closest('[data-marker-for]')) return null;
  const link = target.closest(`[${DOCUMENT_LINK_ATTRIBUTE}]`);
  return link instanceof HTMLElement ? link : null;
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

/** Whether all of [start, end) is rendered and inside the scroller's view. */
function isRangeOnScreen(scroller: HTMLElement | null, root: HTMLElement | null, start: number, end: number): boolean {
  if (!scroller || !root) return false;
  const range = rangeFromOffsets(root, start, end);
  if (!range || typeof range.getBoundingClientRect !== 'function') return false;
  const box = range.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  return box.height > 0 && box.top >= view.top && box.bottom <= view.bottom;
}

/** Chunks rendered beyond each edge of the viewport in a virtual list (a chunk is a screen or two). */
const OVERSCAN_CHUNKS = 1;
const NO_CHUNKS: readonly TextChunk[] = [];

/** The reading surface of one pane. */
export const TextView = memo(function TextView(props: TextViewProps) {
  const { side, title, text, blocks, fontSize, lineWidth, fontFamily, decorations = NO_DECORATIONS, onAnnotationClick, structure, find } = props;
  const virtual = useMemo(() => shouldVirtualise(text, blocks), [text, blocks]);
  const rows = useMemo(() => groupRows(blocks, virtual ? VIRTUAL_ROW_BLOCKS : UNLIMITED_ROW_BLOCKS), [blocks, virtual]);
  const chunks = useMemo(() => (virtual ? groupChunks(rows) : NO_CHUNKS), [rows, virtual]);
  const layouts = useMemo(() => layoutRows(rows, blocks, structure, text.length), [rows, blocks, structure, text.length]);
  const [pendingLink, setPendingLink] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [frame, setFrame] = useState({ scrollMargin: 0, columnWidth: 0, viewWidth: 0, viewHeight: 0, measured: false });

  // The list starts below the column's top padding (which narrow panes shrink); the virtualizer needs that distance.
  useLayoutEffect(() => {
    const root = textRef.current;
    const scroller = scrollRef.current;
    if (!root || !scroller) return undefined;
    const measure = () => {
      const next = { scrollMargin: root.offsetTop, columnWidth: root.clientWidth, viewWidth: scroller.clientWidth, viewHeight: scroller.clientHeight, measured: true };
      setFrame((current) =>
        current.measured &&
        current.scrollMargin === next.scrollMargin &&
        current.columnWidth === next.columnWidth &&
        current.viewWidth === next.viewWidth &&
        current.viewHeight === next.viewHeight
          ? current
          : next,
      );
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
      const chunk = chunks[index];
      if (!chunk) return 0;
      let height = 0;
      for (let r = chunk.firstRow; r < chunk.lastRow; r++) height += estimateRowHeight(rows[r]!, fontSize, perLine);
      return height;
    },
    [chunks, rows, fontSize, perLine],
  );
  // The first screen opens where the reader left off: once the column is measured (the estimates depend on its
  // width), the list starts out scrolled to the chunk holding that position, so its first items are the right ones
  // and the keeper below only has to fine-tune.
  const initialChunkTop = useCallback(() => {
    const index = Math.max(0, findRowIndex(chunks, props.initialPosition));
    let top = frame.scrollMargin;
    for (let i = 0; i < index; i++) top += estimateSize(i);
    return top;
  }, [chunks, props.initialPosition, frame.scrollMargin, estimateSize]);
  const placed = useRef(false);
  useLayoutEffect(() => {
    if (!virtual || !frame.measured || placed.current || !scrollRef.current) return;
    placed.current = true;
    scrollRef.current.scrollTop = initialChunkTop();
  }, [virtual, frame.measured, initialChunkTop]);
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    enabled: virtual && frame.measured,
    initialOffset: initialChunkTop,
    // The view's size as measured, so the first enabled render already holds the items in view.
    initialRect: { width: frame.viewWidth, height: frame.viewHeight },
    count: chunks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: OVERSCAN_CHUNKS,
    scrollMargin: frame.scrollMargin,
    getItemKey: (index) => chunks[index]?.start ?? index,
    useFlushSync: false,
  });

  const { jumpTo, onScroll } = useReadingPosition({
    scrollRef,
    textRef,
    rows: virtual ? chunks : rows,
    textLength: text.length,
    virtualizer: virtual ? virtualizer : null,
    initialPosition: props.initialPosition,
    laidOut: !virtual || frame.measured,
    typographyKey: `${fontSize}/${lineWidth}/${fontFamily}`,
    fontFace: READING_FACES[fontFamily as keyof typeof READING_FACES] ?? fontFamily,
    onPosition: props.onPosition,
    onReady: props.onReady,
  });

  useImperativeHandle(
    props.handleRef,
    () => ({
      jumpTo,
      focus: (visible: boolean) => focusScroller(scrollRef.current, visible),
      revealRange: (start: number, end: number) => {
        if (!isRangeOnScreen(scrollRef.current, textRef.current, start, end)) jumpTo(start);
      },
      selectedText: () => {
        const root = textRef.current;
        const offsets = root ? selectionToOffsets(root, document.getSelection()) : null;
        return offsets ? text.slice(offsets.start, offsets.end) : null;
      },
    }),
    [jumpTo, text],
  );

  // Find matches and the current one, per row: only the rows holding the old and new current match re-render on a step.
  const current = find ? find.matches.at(find.current) : null;
  const findProps = (row: { start: number; end: number }) => {
    if (!find) return { find: NO_FIND, findCurrent: -1 };
    const inRow = current !== null && current.start < row.end && current.end > row.start;
    return { find: find.matches.overlapping(row.start, row.end), findCurrent: inRow ? current.index : -1 };
  };

  const rowView = (r: number, index?: number) => {
    const row = rows[r]!;
    return (
      <TextRowView
        key={row.start}
        text={text}
        blocks={blocks}
        row={row}
        index={index}
        ranges={decorations.overlapping(row.start, row.end)}
        layout={layouts?.[r]}
        {...findProps(row)}
      />
    );
  };

  let body;
  if (virtual) {
    body = virtualizer.getVirtualItems().map((item) => {
      const chunk = chunks[item.index]!;
      const chunkRows = [];
      // In a virtual list a row names its index in the text: only some rows are rendered.
      for (let r = chunk.firstRow; r < chunk.lastRow; r++) chunkRows.push(rowView(r, r));
      return (
        <div
          key={item.key.toString()}
          ref={virtualizer.measureElement}
          className="text-chunk"
          data-index={item.index}
          style={{ transform: `translateY(${item.start - frame.scrollMargin}px)` }}
        >
          {chunkRows}
        </div>
      );
    });
  } else {
    body = rows.map((_, index) => rowView(index));
  }

  // Document links have no href (the browser never follows them): activating one asks first, or hands it to the desktop app's guard.
  const activateLink = (link: HTMLElement) => {
    const action = linkClickAction(link.getAttribute(DOCUMENT_LINK_ATTRIBUTE), document.getSelection());
    if (action.kind === 'ask') setPendingLink(action.href);
    else if (action.kind === 'default') openOutside(action.href);
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = documentLinkAt(event.target);
    if (link) {
      event.preventDefault();
      activateLink(link);
      return;
    }
    if (!onAnnotationClick) return;
    const ids = annotationsAt(event.target);
    if (ids.length > 0) onAnnotationClick(ids);
  };

  return (
    <>
      <div
        ref={scrollRef}
        className="pane-scroll"
        tabIndex={0}
        role="document"
        aria-label={`Text of ${title}`}
        data-testid={`pane-scroll-${side}`}
        onScroll={onScroll}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
            const link = documentLinkAt(event.target);
            if (link) {
              event.preventDefault();
              activateLink(link);
              return;
            }
          }
          if (textRef.current && scrollRef.current && extendSelectionByKey(event.nativeEvent, scrollRef.current, textRef.current)) event.preventDefault();
        }}
      >
        <div
          ref={textRef}
          className={virtual ? 'reading-text reading-text-virtual' : 'reading-text'}
          data-testid={`pane-text-${side}`}
          data-virtual={virtual ? 'true' : undefined}
          style={typographyStyle(fontSize, lineWidth, fontFamily, virtual ? virtualizer.getTotalSize() : undefined)}
          data-structured={layouts ? 'true' : undefined}
          onClick={onAnnotationClick || layouts ? onClick : undefined}
        >
          {body}
        </div>
      </div>
      {layouts ? <LinkConfirmDialog href={pendingLink} onClose={() => setPendingLink(null)} /> : null}
    </>
  );
});
