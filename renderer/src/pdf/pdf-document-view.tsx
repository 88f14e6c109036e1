/**
 * An open PDF: its toolbar, find bar and outline, and the column of pages
 * in a focusable scroller. Reports the reading position as an offset of
 * the document text (the first text at the top of the pane), goes to
 * offsets, pages and PDF destinations, and answers the pane's handle as a
 * text view does.
 */
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PdfPage } from '../../../electron/api/contract';
import { useAnnotationData, useOptionalAnnotationUi } from '../annotations/annotations-context';
import { NO_DECORATIONS } from '../annotations/decorations';
import { matchFindShortcut } from '../app/shortcuts';
import { FindBar } from '../find/find-bar';
import { useFind } from '../find/use-find';
import { LinkConfirmDialog, linkClickAction } from '../reader/link-confirm';
import { passageRectsOnPage, pdfPageInfo, registerPdfRoot } from './pdf-adapter';
import { destinationPageRef, destinationSpot } from './pdf-destinations';
import { applyMatrix, type Matrix } from './pdf-geometry';
import { clampZoom, COLUMN_PADDING, steppedZoom, type ZoomMode } from './pdf-layout';
import { storedRectsOf } from './pdf-marks';
import { PdfOutline } from './pdf-outline';
import { PdfPagePlaceholder, PdfPageView, type PdfLinkArea } from './pdf-page';
import { pageIndexOfOffset } from './pdf-text-map';
import { PdfToolbar } from './pdf-toolbar';
import type { PdfViewProps } from './pdf-view';
import { usePdfOutline, type OutlineEntry } from './use-pdf-document';
import { usePdfViewport, type ViewportGeometry } from './use-pdf-viewport';
import { extendSelectionByKey } from '../reader/keyboard-selection';

const FIT_WIDTH: ZoomMode = { kind: 'fit-width' };
/** Zoom chosen per document in this window, so reopening a PDF keeps it. */
const rememberedZoom = new Map<string, ZoomMode>();
/** Longest selection taken as the find query when the bar opens. */
const MAX_PREFILL_CHARS = 200;

/** A scroll that waits for a page's text layer to place an offset exactly. */
interface PendingScroll {
  offset: number;
  end: number;
  index: number;
  align: 'top' | 'reveal';
  /** Where the first, estimated scroll left the view: any other position means the reader moved on. */
  scrollTop: number;
}

function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
}

/** The PDF's pages and controls. */
export function PdfDocumentView(props: PdfViewProps & { pdf: PDFDocumentProxy; pages: readonly PdfPage[]; text: string; textKnown: boolean }) {
  const { pdf, pages, side, title, documentId, text, textKnown, focused, onPosition, onReady, onAnnotationClick } = props;
  const decorations = props.decorations ?? NO_DECORATIONS;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [mode, setModeState] = useState<ZoomMode>(() => rememberedZoom.get(documentId) ?? FIT_WIDTH);
  const setMode = useCallback(
    (next: ZoomMode) => {
      rememberedZoom.set(documentId, next);
      setModeState(next);
    },
    [documentId],
  );
  const geometryRef = useRef<ViewportGeometry>({ layout: { slots: [], height: 0, width: 0 }, columnWidth: 0, scale: 0 });
  const { scale, zoom, layout, columnWidth, range, update } = usePdfViewport(scrollRef, geometryRef, pages, mode);
  const outline = usePdfOutline(pdf);
  const [outlineOpen, setOutlineOpen] = useState(false);
  const [askHref, setAskHref] = useState<string | null>(null);
  const ui = useOptionalAnnotationUi();

  // Selections map to offsets once the library's page offsets are known.
  useLayoutEffect(() => {
    if (rootRef.current && textKnown) registerPdfRoot(rootRef.current, { pages });
  }, [pages, textKnown]);

  const pageElement = useCallback((index: number) => rootRef.current?.querySelector<HTMLElement>(`.pdf-page[data-page-index="${index}"]`) ?? null, []);

  // Going to an offset: exact when the page's text layer is drawn, estimated (and corrected once it is) otherwise.
  const pending = useRef<PendingScroll | null>(null);
  const scrollToOffset = useCallback(
    (offset: number, end: number, align: 'top' | 'reveal') => {
      const el = scrollRef.current;
      const { layout: lay } = geometryRef.current;
      const index = pageIndexOfOffset(pages, offset);
      const slot = lay.slots[index];
      const page = pages[index];
      if (!el || !slot || !page) return;
      const element = pageElement(index);
      const from = Math.min(Math.max(offset, page.start), page.end);
      const to = Math.min(Math.max(end, from + 1), page.end);
      const rect = element && to > from ? passageRectsOnPage(element, from, to)[0] : undefined;
      const y = rect ? rect.top : page.end > page.start ? ((from - page.start) / (page.end - page.start)) * slot.height : 0;
      const margin = align === 'top' ? (rect ? 4 : 0) : el.clientHeight * 0.25;
      el.scrollTop = offset <= 0 && align === 'top' ? 0 : Math.max(0, slot.top + y - margin);
      pending.current = rect ? null : { offset, end, index, align, scrollTop: el.scrollTop };
      update();
    },
    [pages, geometryRef, pageElement, update],
  );
  // Until the first text layer is drawn only the pages in view load, so nothing competes with them in the worker.
  const [started, setStarted] = useState(false);
  const firstLayerMarked = useRef(false);
  const onTextDrawn = useCallback(() => {
    if (!firstLayerMarked.current) {
      firstLayerMarked.current = true;
      // The benchmark reads this mark: the first page's text, selectable, since navigation.
      performance.mark('diptych:pdf-first-text-layer');
    }
    setStarted(true);
  }, []);
  const onTextLayer = useCallback(
    (index: number) => {
      const waiting = pending.current;
      const el = scrollRef.current;
      if (!waiting || waiting.index !== index || !el) return;
      if (Math.abs(el.scrollTop - waiting.scrollTop) > 2) {
        pending.current = null;
        return;
      }
      scrollToOffset(waiting.offset, waiting.end, waiting.align);
    },
    [scrollToOffset],
  );

  /** Whether [start, end) shows whole in the pane, measured on drawn text layers. */
  const isShown = useCallback(
    (start: number, end: number) => {
      const el = scrollRef.current;
      const index = pageIndexOfOffset(pages, start);
      const element = pageElement(index);
      if (!el || !element) return false;
      const rects = passageRectsOnPage(element, start, end);
      if (rects.length === 0) return false;
      const box = element.getBoundingClientRect();
      const view = el.getBoundingClientRect();
      return rects.every((r) => box.top + r.top >= view.top && box.top + r.top + r.height <= view.bottom);
    },
    [pages, pageElement],
  );
  const revealRange = useCallback(
    (start: number, end: number) => {
      if (!isShown(start, end)) scrollToOffset(start, end, 'reveal');
    },
    [isShown, scrollToOffset],
  );

  // The reading position: the first text at the top of the pane.
  const positionNow = useCallback((): number => {
    const el = scrollRef.current;
    const { layout: lay } = geometryRef.current;
    if (!el || pages.length === 0) return 0;
    const top = el.scrollTop;
    let index = lay.slots.findIndex((slot) => slot.top + slot.height > top);
    if (index < 0) index = pages.length - 1;
    const slot = lay.slots[index]!;
    const page = pages[index]!;
    const element = pageElement(index);
    const info = element ? pdfPageInfo(element) : undefined;
    if (info && element) {
      const viewTop = el.getBoundingClientRect().top;
      for (let i = 0; i < info.spans.length; i++) {
        const span = info.spans[i]!;
        if (span.isConnected && span.getBoundingClientRect().bottom > viewTop + 1) return info.items.starts[i]!;
      }
      return page.end;
    }
    const fraction = Math.min(1, Math.max(0, (top - slot.top) / slot.height));
    return page.start + Math.floor(fraction * (page.end - page.start));
  }, [pages, geometryRef, pageElement]);
  const positionRef = useRef(props.initialPosition);

  // Opening: the position the pane was left at (its page is known once the library's offsets are), then
  // the pane is ready. A PDF opened at its start shows its first page without waiting for them.
  const restored = useRef(false);
  useLayoutEffect(() => {
    if (restored.current || scale === 0 || !textKnown) return;
    restored.current = true;
    if (props.initialPosition > 0) scrollToOffset(props.initialPosition, props.initialPosition + 1, 'top');
    onReady();
  }, [scale, textKnown, props.initialPosition, scrollToOffset, onReady]);

  const frame = useRef(0);
  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      update();
      if (!restored.current || !scrollRef.current) return;
      const offset = positionNow();
      const el = scrollRef.current;
      const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      if (offset !== positionRef.current || atEnd) {
        positionRef.current = offset;
        onPosition(offset, atEnd);
      }
    });
  }, [update, positionNow, onPosition]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const goToPage = useCallback(
    (pageNumber: number) => {
      const el = scrollRef.current;
      const slot = geometryRef.current.layout.slots[pageNumber - 1];
      if (el && slot) el.scrollTop = Math.max(0, slot.top - COLUMN_PADDING / 2);
    },
    [geometryRef],
  );
  /** A page number typed and entered: go there, and give the keyboard to the pages (Page Down, selecting, shortcuts). */
  const enterPage = useCallback(
    (pageNumber: number) => {
      goToPage(pageNumber);
      scrollRef.current?.focus({ preventScroll: true });
    },
    [goToPage],
  );

  const goToDestination = useCallback(
    async (dest: unknown) => {
      const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
      if (!Array.isArray(explicit)) return;
      const ref = destinationPageRef(explicit);
      const index = typeof ref === 'number' ? ref : ref ? await pdf.getPageIndex(ref).catch(() => -1) : -1;
      const el = scrollRef.current;
      const slot = geometryRef.current.layout.slots[index];
      if (!el || !slot) return;
      const spot = destinationSpot(explicit);
      if (spot.top === null) {
        el.scrollTop = Math.max(0, slot.top - COLUMN_PADDING / 2);
        return;
      }
      const proxy = await pdf.getPage(index + 1);
      // Measured after the wait: the reader may have zoomed meanwhile.
      const { layout: lay, scale: now } = geometryRef.current;
      const at = lay.slots[index];
      if (!at) return;
      const transform = proxy.getViewport({ scale: now }).transform as unknown as Matrix;
      const y = applyMatrix(transform, spot.left ?? 0, spot.top)[1];
      el.scrollTop = Math.max(0, at.top + Math.min(Math.max(0, y), at.height) - 8);
    },
    [pdf, geometryRef],
  );

  const openLink = useCallback(
    (link: PdfLinkArea) => {
      if (link.dest !== undefined) {
        void goToDestination(link.dest);
        return;
      }
      const action = linkClickAction(link.url ?? null, document.getSelection());
      if (action.kind === 'default') window.open(link.url, '_blank', 'noopener');
      else if (action.kind === 'ask') setAskHref(action.href);
      else ui?.say('Diptych does not open this kind of link.', 'error');
    },
    [goToDestination, ui],
  );
  const chooseOutline = useCallback(
    (entry: OutlineEntry) => {
      if (entry.dest !== null) void goToDestination(entry.dest);
      else if (entry.url) openLink({ id: 'outline', rect: [0, 0, 0, 0], url: entry.url });
    },
    [goToDestination, openLink],
  );

  // Find: the PDF's extracted text, the same text anchors and search use.
  const find = useFind({ text, position: () => positionRef.current, reveal: revealRange });
  const [findOpen, setFindOpen] = useState(false);
  const [findFocus, setFindFocus] = useState(0);
  const findInput = useRef<HTMLInputElement>(null);
  const selectedText = useCallback(() => {
    const selection = document.getSelection();
    const root = rootRef.current;
    if (!selection || selection.isCollapsed || !root || selection.rangeCount === 0 || !selection.getRangeAt(0).intersectsNode(root)) return null;
    return selection.toString() || null;
  }, []);
  const { setQuery } = find;
  const query = find.state.query;
  const openFind = useCallback(() => {
    const selected = selectedText();
    if (selected && selected.length <= MAX_PREFILL_CHARS && !/[\r\n]/.test(selected) && selected.trim() && selected !== query) setQuery(selected);
    setFindOpen(true);
    setFindFocus((n) => n + 1);
  }, [selectedText, query, setQuery]);
  useLayoutEffect(() => {
    if (findFocus === 0) return;
    findInput.current?.focus();
    findInput.current?.select();
  }, [findFocus]);
  const closeFind = useCallback(() => {
    setFindOpen(false);
    scrollRef.current?.focus({ preventScroll: true });
  }, []);

  const zoomStep = useCallback((direction: 1 | -1) => setMode({ kind: 'fixed', zoom: steppedZoom(zoom, direction) }), [setMode, zoom]);

  // Keys of the focused pane: find, and zoom while the keyboard is in this pane (or nowhere in particular).
  useEffect(() => {
    if (!focused) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || dialogOpen()) return;
      if (matchFindShortcut(event)) {
        event.preventDefault();
        openFind();
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const active = document.activeElement;
      const inside = !active || active === document.body || (scrollRef.current?.closest('.pdf-view')?.contains(active) ?? false);
      if (!inside) return;
      if (event.key === '+' || event.key === '=') zoomStep(1);
      else if (event.key === '-' || event.key === '_') zoomStep(-1);
      else if (event.key === '0') setMode(FIT_WIDTH);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focused, openFind, zoomStep, setMode]);

  // Ctrl+wheel zooms the PDF, not the whole window.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      zoomStep(event.deltaY < 0 ? 1 : -1);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoomStep]);

  useImperativeHandle(
    props.handleRef,
    () => ({
      jumpTo: (offset: number) => scrollToOffset(offset, offset + 1, 'top'),
      revealRange,
      selectedText,
      focus: (visible: boolean) => scrollRef.current?.focus({ preventScroll: true, focusVisible: visible }),
    }),
    [scrollToOffset, revealRange, selectedText],
  );

  const snapshot = useAnnotationData()?.snapshot;
  const storedRects = useCallback((id: string, start: number, end: number) => storedRectsOf(snapshot?.byId.get(id), documentId, start, end), [snapshot, documentId]);
  const findMarks = findOpen ? find.highlights : null;
  const canvases = started ? range.canvases : range.inView;
  const pageViews = useMemo(
    () =>
      pages.map((page, index) => {
        const slot = layout.slots[index]!;
        const left = Math.floor((columnWidth - slot.width) / 2);
        const active = scale > 0 && canvases !== null && index >= canvases[0] && index <= canvases[1];
        if (!active) return <PdfPagePlaceholder key={page.pageNumber} index={index} page={page} slot={slot} left={left} />;
        return (
          <PdfPageView
            key={page.pageNumber}
            pdf={pdf}
            index={index}
            page={page}
            text={text}
            textKnown={textKnown}
            slot={slot}
            left={left}
            scale={scale}
            decorations={decorations}
            find={findMarks}
            storedRects={storedRects}
            onTextDrawn={onTextDrawn}
            onTextLayer={onTextLayer}
            onAnnotationClick={onAnnotationClick}
            onLink={openLink}
          />
        );
      }),
    [pages, layout, pdf, text, textKnown, columnWidth, scale, canvases, decorations, findMarks, storedRects, onTextDrawn, onTextLayer, onAnnotationClick, openLink],
  );

  return (
    <div className="pdf-view" data-testid={`pdf-view-${side}`} data-zoom={Math.round(zoom * 100)} data-current-page={range.current + 1}>
      <PdfToolbar
        side={side}
        pageNumber={range.current + 1}
        pageCount={pages.length}
        mode={mode}
        zoom={zoom}
        hasOutline={outline.length > 0}
        outlineOpen={outlineOpen}
        onToggleOutline={() => setOutlineOpen((open) => !open)}
        onGoToPage={goToPage}
        onEnterPage={enterPage}
        onZoomStep={zoomStep}
        onMode={(next) => setMode(next.kind === 'fixed' ? { kind: 'fixed', zoom: clampZoom(next.zoom) } : next)}
        onFind={openFind}
      />
      {findOpen ? (
        <FindBar side={side} title={title} state={find.state} inputRef={findInput} onQueryChange={setQuery} onNext={find.next} onPrevious={find.previous} onClose={closeFind} />
      ) : null}
      <div className="pdf-main">
        {outlineOpen && outline.length > 0 ? <PdfOutline entries={outline} onChoose={chooseOutline} /> : null}
        <div
          ref={scrollRef}
          className="pdf-scroll"
          tabIndex={0}
          role="document"
          aria-label={`Pages of ${title}`}
          data-testid={`pane-scroll-${side}`}
          onScroll={onScroll}
          onKeyDown={(event) => {
            if (scrollRef.current && rootRef.current && extendSelectionByKey(event.nativeEvent, scrollRef.current, rootRef.current)) event.preventDefault();
          }}
        >
          <div ref={rootRef} className="pdf-column" data-testid={`pane-text-${side}`} data-pdf-root="true" style={{ height: layout.height, width: columnWidth }}>
            {pageViews}
          </div>
        </div>
      </div>
      <LinkConfirmDialog href={askHref} onClose={() => setAskHref(null)} />
    </div>
  );
}
