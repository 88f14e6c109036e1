/**
 * A PDF in a pane: pdf.js pages in a scrolling column, with the toolbar,
 * find and outline, and the pane's annotations drawn over the pages. What
 * is shown instead while the PDF opens: a note, a password prompt, or a
 * message saying why it cannot be shown.
 */
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref, type RefObject } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PaneSide, PdfPage } from '../../../electron/api/contract';
import type { Decorations } from '../annotations/decorations';
import { PaneError, PaneLoading } from '../panes/pane-message';
import type { LoadedDocument } from '../panes/document-cache';
import type { TextViewHandle } from '../reader/text-view';
import { PdfDocumentView } from './pdf-document-view';
import { PdfPasswordForm } from './pdf-password-form';
import { usePdfDocument } from './use-pdf-document';

export { openEarly } from './use-pdf-document';

/** Props of {@link PdfView}. */
export interface PdfViewProps {
  side: PaneSide;
  title: string;
  documentId: string;
  /** The document's text and pages, or null while they are on their way (the file's pages show meanwhile). */
  document: LoadedDocument | null;
  /** The version of the document's content (a new version of the file is a new PDF to open). */
  contentId: string;
  /** The reading position to open at (an offset of the document text). */
  initialPosition: number;
  /** Whether this is the workspace's focused pane (its keys: find, zoom). */
  focused: boolean;
  onPosition: (offset: number, atEnd: boolean) => void;
  onReady: () => void;
  handleRef?: Ref<TextViewHandle>;
  decorations?: Decorations;
  onAnnotationClick?: ((ids: string[]) => void) | undefined;
}

/** The handle of a pane showing no pages (yet): focus goes to the prompt or the message's button. */
function usePromptHandle(handleRef: Ref<TextViewHandle> | undefined, container: RefObject<HTMLDivElement | null>, active: boolean): void {
  useImperativeHandle(
    active ? handleRef : undefined,
    () => ({
      jumpTo: () => {},
      revealRange: () => {},
      selectedText: () => null,
      focus: (visible: boolean) => container.current?.querySelector<HTMLElement>('input, button')?.focus({ focusVisible: visible }),
    }),
    [container],
  );
}

/**
 * Pages to lay out before the library's page list arrives: as many as the
 * PDF has, each the size of its first page (most PDFs have one page size;
 * any other is corrected when the list comes), with no text offsets yet.
 */
function useProvisionalPages(pdf: PDFDocumentProxy | null, wanted: boolean): PdfPage[] | null {
  const [first, setFirst] = useState<{ pdf: PDFDocumentProxy; width: number; height: number; rotation: number } | null>(null);
  useEffect(() => {
    if (!pdf || !wanted) return undefined;
    let live = true;
    pdf.getPage(1).then(
      (page) => {
        const [x0, y0, x1, y1] = page.view as [number, number, number, number];
        if (live) setFirst({ pdf, width: Math.abs(x1 - x0), height: Math.abs(y1 - y0), rotation: page.rotate });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [pdf, wanted]);
  return useMemo(() => {
    if (!pdf || !first || first.pdf !== pdf) return null;
    return Array.from({ length: pdf.numPages }, (_, i) => ({ pageNumber: i + 1, start: 0, end: 0, width: first.width, height: first.height, rotation: first.rotation }));
  }, [pdf, first]);
}

/** A library PDF in a pane. */
export function PdfView(props: PdfViewProps) {
  const { document, title, onReady } = props;
  const { load, retry } = usePdfDocument(props.documentId, props.contentId);
  const pdf = load.status === 'ready' ? load.pdf : null;
  // A PDF opened at its start shows its pages while its text is on its way; one opened further in waits for the offsets.
  const early = document === null && props.initialPosition === 0;
  const provisional = useProvisionalPages(pdf, early);
  const pages = document ? (document.pages ?? []) : early ? provisional : null;
  const container = useRef<HTMLDivElement>(null);
  const showingPages = pdf !== null && pages !== null && pages.length > 0;
  usePromptHandle(props.handleRef, container, !showingPages);

  // A prompt or a message is as far as this pane goes: it has settled.
  const settledWithoutPages = load.status === 'password' || load.status === 'error' || (pdf !== null && document !== null && pages?.length === 0);
  useEffect(() => {
    if (settledWithoutPages) onReady();
  }, [settledWithoutPages, onReady]);

  const retryNow = useCallback(() => retry(), [retry]);

  if (pdf && pages && pages.length > 0) {
    return <PdfDocumentView {...props} pdf={pdf} pages={pages} text={document?.text ?? ''} textKnown={document !== null && document.pages !== undefined} />;
  }
  let body;
  if (load.status === 'password') body = <PdfPasswordForm title={title} incorrect={load.incorrect} onSubmit={load.submit} />;
  else if (load.status === 'error' || settledWithoutPages) {
    const message = load.status === 'error' ? load.message : 'The library has no page index for this PDF. Import the file again to read it here.';
    body = (
      <PaneError
        title={`Couldn’t show “${title}”`}
        message={message}
        reassurance="Nothing was changed: the library keeps the document, its text and your annotations. The other pane is unaffected."
        actionLabel="Retry"
        onAction={retryNow}
      />
    );
  } else body = <PaneLoading title={title} />;
  return (
    <div ref={container} className="pdf-prompt" data-testid={`pdf-state-${props.side}`} data-state={load.status}>
      {body}
    </div>
  );
}
