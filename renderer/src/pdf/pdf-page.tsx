/**
 * One page of a PDF in its column. Every page has a box of the right size
 * (a placeholder far from the view); a page near the view loads, paints
 * its canvas at the screen's pixel density, draws its text layer and its
 * links, and shows its marks. Leaving the window gives all of that back.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type MouseEvent } from 'react';
import { TextLayer, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import { Link2, StickyNote } from 'lucide-react';
import type { PdfPage as PdfPageSpan } from '../../../electron/api/contract';
import { PDF_TEXT_CONTENT_OPTIONS, type PdfTextItemLike } from '../../../electron/core/pdf-text-join';
import type { Decorations } from '../annotations/decorations';
import type { FindHighlights } from '../reader/find-highlights';
import { pdfPageInfo, passageRectsOnPage, registerPdfPage, SPAN_OFFSET_ATTRIBUTE } from './pdf-adapter';
import { pdfRectToCss, rectContains, viewportTransform, type CssRect, type Matrix } from './pdf-geometry';
import type { PageSlot } from './pdf-layout';
import { isAnnotationMark, marksOnPage, type PdfMark, type StoredRectsLookup } from './pdf-marks';
import { pageItems } from './pdf-text-map';
import { trackTextLayerSelection } from './text-layer-selection';

/** A link on a page: where it is (user space) and where it leads. */
export interface PdfLinkArea {
  id: string;
  rect: readonly [number, number, number, number];
  url?: string;
  dest?: unknown;
}

/** Props of {@link PdfPageView}. */
export interface PdfPageViewProps {
  pdf: PDFDocumentProxy;
  index: number;
  page: PdfPageSpan;
  /** The document text, to check the text layer spells the page text the library extracted. */
  text: string;
  /** Whether `text` and the pages' offsets are the library's yet (the pages show before they arrive). */
  textKnown: boolean;
  slot: PageSlot;
  left: number;
  /** CSS pixels per PDF unit. */
  scale: number;
  decorations: Decorations;
  find: FindHighlights | null;
  storedRects: StoredRectsLookup;
  /** The page's text layer is drawn (selectable); its offsets may still be unknown. */
  onTextDrawn: (index: number) => void;
  /** The page's text layer is drawn and its spans know their offsets. */
  onTextLayer: (index: number) => void;
  onAnnotationClick?: ((ids: string[]) => void) | undefined;
  onLink: (link: PdfLinkArea) => void;
}

/** A note or link marker's size, and its distance from the page's right edge, in CSS pixels. */
const MARKER_SIZE = 16;
const MARKER_MARGIN = 6;

/** Most pixels one canvas may hold (32 MB): past this a page is drawn coarser and stretched. */
const MAX_CANVAS_PIXELS = 2 ** 23;

function releaseCanvas(canvas: HTMLCanvasElement): void {
  // Zero-sized, a canvas's backing store is freed at once rather than when the element is collected.
  canvas.width = 0;
  canvas.height = 0;
  canvas.remove();
}

/** The screen's pixel density, lowered when the page would need too many pixels. */
function outputScale(width: number, height: number): number {
  const density = window.devicePixelRatio || 1;
  const pixels = width * height * density * density;
  return pixels > MAX_CANVAS_PIXELS ? Math.sqrt(MAX_CANVAS_PIXELS / (width * height)) : density;
}

function isCancelled(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'RenderingCancelledException' || name === 'AbortException';
}

/** A page's links, from its annotations: web addresses and destinations inside the document. */
async function linksOf(proxy: PDFPageProxy): Promise<PdfLinkArea[]> {
  const annotations = (await proxy.getAnnotations({ intent: 'display' })) as Array<Record<string, unknown>>;
  const links: PdfLinkArea[] = [];
  for (const a of annotations) {
    if (a.subtype !== 'Link' || !Array.isArray(a.rect) || a.rect.length !== 4) continue;
    const rect = a.rect as [number, number, number, number];
    const link: PdfLinkArea = { id: String(a.id), rect };
    if (typeof a.url === 'string') link.url = a.url;
    else if (a.dest !== undefined && a.dest !== null) link.dest = a.dest;
    else continue;
    links.push(link);
  }
  return links;
}

/** Props of {@link PdfPagePlaceholder}. */
export interface PdfPagePlaceholderProps {
  index: number;
  page: PdfPageSpan;
  slot: PageSlot;
  left: number;
}

/**
 * A page far from the view: a box of the right size with its number, and
 * nothing else (a 500-page PDF is 500 of these and a handful of live pages).
 */
export const PdfPagePlaceholder = memo(function PdfPagePlaceholder({ index, page, slot, left }: PdfPagePlaceholderProps) {
  return (
    <div
      className="pdf-page"
      style={{ top: slot.top, left, width: slot.width, height: slot.height }}
      data-page-index={index}
      data-page-number={page.pageNumber}
      data-page-start={page.start}
      data-page-end={page.end}
      data-testid="pdf-page"
    >
      <span className="pdf-page-label" aria-hidden="true">
        {page.pageNumber}
      </span>
    </div>
  );
});

/** One page's box, canvas, text layer, links and marks, while it is near the view. */
export const PdfPageView = memo(function PdfPageView(props: PdfPageViewProps) {
  const { pdf, index, page, slot, scale } = props;
  const pageRef = useRef<HTMLDivElement>(null);
  const canvasHostRef = useRef<HTMLDivElement>(null);
  const textHostRef = useRef<HTMLDivElement>(null);
  const layerRef = useRef<TextLayer | null>(null);
  const scaleRef = useRef(scale);
  const [proxy, setProxy] = useState<PDFPageProxy | null>(null);
  const [painted, setPainted] = useState(false);
  const [textVersion, setTextVersion] = useState(0);
  const [links, setLinks] = useState<PdfLinkArea[]>([]);
  const { onTextLayer, onTextDrawn } = props;

  useEffect(() => {
    scaleRef.current = scale;
  }, [scale]);

  // Load the page; let pdf.js drop what it kept for it when the page leaves the window.
  useEffect(() => {
    let live = true;
    let loaded: PDFPageProxy | null = null;
    pdf.getPage(page.pageNumber).then(
      (p) => {
        loaded = p;
        if (live) setProxy(p);
      },
      (error: unknown) => console.warn(`[diptych] page ${page.pageNumber} could not be loaded`, error),
    );
    return () => {
      live = false;
      setProxy(null);
      // After the render and text tasks are cancelled (their effects clean up first).
      queueMicrotask(() => loaded?.cleanup());
    };
  }, [pdf, page.pageNumber]);

  // The text layer, drawn once per loaded page. The items pass through on their way to it: the same
  // ones, in the same order, as the spans it draws.
  const [drawnText, setDrawnText] = useState<{ layer: TextLayer; items: PdfTextItemLike[] } | null>(null);
  useEffect(() => {
    const container = textHostRef.current;
    if (!proxy || !container) return undefined;
    const items: PdfTextItemLike[] = [];
    const source = proxy.streamTextContent(PDF_TEXT_CONTENT_OPTIONS).pipeThrough(
      new TransformStream<{ items: PdfTextItemLike[] }, { items: PdfTextItemLike[] }>({
        transform(chunk, controller) {
          items.push(...chunk.items);
          controller.enqueue(chunk);
        },
      }),
    );
    const layer = new TextLayer({ textContentSource: source, container, viewport: proxy.getViewport({ scale: scaleRef.current }) });
    layerRef.current = layer;
    let live = true;
    let untrack: (() => void) | null = null;
    layer.render().then(
      () => {
        if (!live) return;
        untrack = trackTextLayerSelection(container);
        setDrawnText({ layer, items });
        onTextDrawn(index);
      },
      (error: unknown) => {
        if (live && !isCancelled(error)) console.warn(`[diptych] the text of page ${page.pageNumber} could not be drawn`, error);
      },
    );
    return () => {
      live = false;
      layer.cancel();
      layerRef.current = null;
      untrack?.();
      setDrawnText(null);
      container.replaceChildren();
    };
  }, [proxy, index, page.pageNumber, onTextDrawn]);

  // Once the library's text is known, each span is told the document offset of its first character.
  const { text, textKnown } = props;
  useEffect(() => {
    const container = textHostRef.current;
    const element = pageRef.current;
    if (!drawnText || !textKnown || !proxy || !container || !element) return undefined;
    const { layer, items } = drawnText;
    const map = pageItems(page.pageNumber, page.start, items);
    layer.textDivs.forEach((div, i) => div.setAttribute(SPAN_OFFSET_ATTRIBUTE, String(map.starts[i] ?? page.end)));
    if (map.text !== text.slice(page.start, page.end)) {
      // Offsets on this page would not match the library's: say so rather than annotate the wrong words.
      container.setAttribute('data-text-mismatch', 'true');
      console.warn(`[diptych] the text layer of page ${page.pageNumber} differs from the extracted text`);
    }
    registerPdfPage(element, { items: map, transform: proxy.getViewport({ scale: scaleRef.current }).transform as unknown as Matrix, spans: layer.textDivs });
    element.setAttribute('data-text-ready', 'true');
    setTextVersion((v) => v + 1);
    onTextLayer(index);
    return () => {
      registerPdfPage(element, null);
      element.removeAttribute('data-text-ready');
      container.removeAttribute('data-text-mismatch');
      for (const div of layer.textDivs) div.removeAttribute(SPAN_OFFSET_ATTRIBUTE);
    };
  }, [drawnText, textKnown, proxy, index, page.pageNumber, page.start, page.end, text, onTextLayer]);

  // A zoom re-lays the drawn spans instead of drawing them again.
  useLayoutEffect(() => {
    const layer = layerRef.current;
    const element = pageRef.current;
    if (!layer || !proxy || !element) return;
    const viewport = proxy.getViewport({ scale });
    layer.update({ viewport });
    const info = pdfPageInfo(element);
    if (info) registerPdfPage(element, { ...info, transform: viewport.transform as unknown as Matrix });
    setTextVersion((v) => v + 1);
  }, [scale, proxy]);

  // The canvas: painted off-screen, then swapped in, so a zoom keeps the old picture until the new one is ready.
  // Asked for after the text (effects run in order), so the page's text is selectable as early as possible.
  useEffect(() => {
    const host = canvasHostRef.current;
    if (!proxy || !host) return undefined;
    const viewport = proxy.getViewport({ scale });
    const output = outputScale(viewport.width, viewport.height);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(viewport.width * output));
    canvas.height = Math.max(1, Math.floor(viewport.height * output));
    canvas.className = 'pdf-canvas';
    canvas.setAttribute('data-testid', 'pdf-canvas');
    canvas.setAttribute('aria-hidden', 'true');
    const task = proxy.render({ canvas, viewport, ...(output !== 1 ? { transform: [output, 0, 0, output, 0, 0] } : {}) });
    let attached = false;
    task.promise.then(
      () => {
        for (const old of host.querySelectorAll('canvas')) releaseCanvas(old);
        host.append(canvas);
        attached = true;
        setPainted(true);
      },
      (error: unknown) => {
        releaseCanvas(canvas);
        if (!isCancelled(error)) console.warn(`[diptych] page ${page.pageNumber} could not be drawn`, error);
      },
    );
    return () => {
      task.cancel();
      if (!attached) releaseCanvas(canvas);
    };
  }, [proxy, scale, page.pageNumber]);

  // A page leaving the window gives its canvas back at once, not when the element is collected.
  useEffect(() => {
    const host = canvasHostRef.current;
    return () => {
      for (const old of host?.querySelectorAll('canvas') ?? []) releaseCanvas(old);
    };
  }, []);

  useEffect(() => {
    if (!proxy) {
      setLinks([]);
      return undefined;
    }
    let live = true;
    linksOf(proxy).then(
      (found) => live && setLinks(found),
      () => live && setLinks([]),
    );
    return () => {
      live = false;
    };
  }, [proxy]);

  // User space → page box, at this scale: from the loaded page, or from the library's page size until then.
  const transform = useMemo<Matrix>(() => {
    if (proxy) return proxy.getViewport({ scale }).transform as unknown as Matrix;
    return viewportTransform({ viewBox: [0, 0, page.width, page.height], rotation: page.rotation }, scale);
  }, [proxy, scale, page.width, page.height, page.rotation]);

  const marks = useMemo(() => marksOnPage(page, props.decorations, props.find), [page, props.decorations, props.find]);
  const { storedRects } = props;
  const [measured, setMeasured] = useState<ReadonlyMap<string, CssRect[]>>(new Map());
  useLayoutEffect(() => {
    const element = pageRef.current;
    if (!element || textVersion === 0) return;
    const next = new Map<string, CssRect[]>();
    for (const mark of marks) next.set(mark.key, passageRectsOnPage(element, Math.max(mark.start, page.start), Math.min(mark.end, page.end)));
    setMeasured(next);
  }, [marks, textVersion, page.start, page.end]);

  const drawn = useMemo(() => {
    const stored = new Map<string, CssRect[]>();
    for (const mark of marks) {
      if (!isAnnotationMark(mark)) continue;
      const rects = storedRects(mark.id, mark.start, mark.end);
      if (rects) stored.set(`${mark.start}:${mark.end}`, rects.filter((r) => r.page === page.pageNumber).map((r) => pdfRectToCss(r, transform)));
    }
    // A flash or a match over an annotated passage takes its stored rectangles too.
    return marks.map((mark) => ({ mark, rects: stored.get(`${mark.start}:${mark.end}`) ?? measured.get(mark.key) ?? [] }));
  }, [marks, storedRects, page.pageNumber, transform, measured]);

  // A note or link passage ends with a marker in the page's right margin, beside its last line, never over the print.
  const markers = useMemo(() => {
    const placed: { mark: PdfMark; left: number; top: number }[] = [];
    for (const { mark, rects } of drawn) {
      const last = rects.at(-1);
      if (!last || (mark.kind !== 'note' && mark.kind !== 'link') || mark.end > page.end) continue;
      const top = last.top + last.height / 2 - MARKER_SIZE / 2;
      const beside = placed.filter((m) => Math.abs(m.top - top) < MARKER_SIZE).length;
      placed.push({ mark, left: Math.max(last.left + last.width + 2, slot.width - MARKER_MARGIN - (beside + 1) * (MARKER_SIZE + 2)), top });
    }
    return placed;
  }, [drawn, page.end, slot.width]);

  const { onAnnotationClick } = props;
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!onAnnotationClick || !(event.target instanceof Element) || event.target.closest('button')) return;
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const hits = drawn
      .filter(({ mark, rects }) => isAnnotationMark(mark) && rects.some((r) => rectContains(r, x, y)))
      .sort((a, b) => a.mark.end - a.mark.start - (b.mark.end - b.mark.start));
    const ids = [...new Set(hits.map((h) => h.mark.id))];
    if (ids.length > 0) onAnnotationClick(ids);
  };

  const style = {
    top: slot.top,
    left: props.left,
    width: slot.width,
    height: slot.height,
    '--total-scale-factor': String(scale * (proxy?.userUnit ?? 1)),
  } as CSSProperties;

  return (
    <div
      ref={pageRef}
      className="pdf-page"
      style={style}
      data-page-index={index}
      data-page-number={page.pageNumber}
      data-page-start={page.start}
      data-page-end={page.end}
      data-active="true"
      data-painted={painted ? 'true' : undefined}
      data-testid="pdf-page"
      onClick={onClick}
    >
      <div ref={canvasHostRef} className="pdf-canvas-host" />
      {!painted ? (
        <span className="pdf-page-label" aria-hidden="true">
          {page.pageNumber}
        </span>
      ) : null}
      <div className="pdf-marks" aria-hidden="true">
        {drawn.map(({ mark, rects }) =>
          rects.map((r, i) => (
            <div
              key={`${mark.key}:${i}`}
              className={`pdf-mark pdf-mark-${mark.kind}`}
              data-colour={mark.colour}
              data-annotation-id={mark.id || undefined}
              data-flash={mark.kind === 'flash' ? 'true' : undefined}
              style={{ left: r.left, top: r.top, width: r.width, height: r.height }}
            />
          )),
        )}
      </div>
      <div ref={textHostRef} className="textLayer" />
      <div className="pdf-links">
        {links.map((link) => {
          const r = pdfRectToCss({ x: Math.min(link.rect[0], link.rect[2]), y: Math.min(link.rect[1], link.rect[3]), w: Math.abs(link.rect[2] - link.rect[0]), h: Math.abs(link.rect[3] - link.rect[1]) }, transform);
          const label = link.url ? `Link to ${link.url}` : 'Link to another place in this PDF';
          return (
            <button
              key={link.id}
              type="button"
              className="pdf-link"
              style={{ left: r.left, top: r.top, width: r.width, height: r.height }}
              aria-label={label}
              title={link.url ?? undefined}
              data-testid="pdf-link"
              onClick={() => props.onLink(link)}
            />
          );
        })}
      </div>
      <div className="pdf-markers">
        {markers.map(({ mark, left, top }) => {
          const Icon = mark.kind === 'note' ? StickyNote : Link2;
          return (
            <button
              key={`marker:${mark.key}`}
              type="button"
              className="pdf-marker"
              data-kind={mark.kind}
              data-marker-for={mark.id}
              style={{ left, top }}
              aria-label={mark.label ?? (mark.kind === 'note' ? 'Note' : 'Link')}
              title={mark.label}
              tabIndex={-1}
              onClick={() => onAnnotationClick?.([mark.id])}
            >
              <Icon aria-hidden="true" />
            </button>
          );
        })}
      </div>
    </div>
  );
});
