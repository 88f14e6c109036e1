/**
 * Opens a library PDF in pdf.js: fetches its file through the API, asks for
 * a password when the file is locked (and again, saying so, when the one
 * typed is wrong), and turns failures into a message a reader can act on.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import { forgetPdfFile, pdfFile } from './pdf-file';
import { loadPdf, PASSWORD_INCORRECT } from './pdfjs';

/** An entry of the PDF's outline, as pdf.js gives it. */
export interface OutlineEntry {
  title: string;
  dest: unknown;
  url: string | null;
  items: OutlineEntry[];
}

/** Where opening the PDF is. */
export type PdfLoad =
  | { status: 'loading' }
  | { status: 'password'; incorrect: boolean; submit: (password: string) => void }
  | { status: 'error'; message: string }
  | { status: 'ready'; pdf: PDFDocumentProxy };

/** A reader's words for what pdf.js or the API threw. */
export function describePdfFailure(error: unknown): string {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  const detail = typeof message === 'string' ? message.trim().replace(/\.$/, '') : '';
  if (name === 'InvalidPDFException' || name === 'FormatError') {
    return detail ? `This file is damaged or is not a PDF (${detail}).` : 'This file is damaged or is not a PDF.';
  }
  return detail ? `This PDF could not be opened: ${detail}.` : 'This PDF could not be opened.';
}

/** pdf.js' outline, reduced to what the outline panel needs. */
function outlineEntries(items: unknown): OutlineEntry[] {
  if (!Array.isArray(items)) return [];
  return items.map((item: { title?: unknown; dest?: unknown; url?: unknown; items?: unknown }) => ({
    title: typeof item.title === 'string' && item.title.trim() ? item.title.trim() : 'Untitled',
    dest: item.dest ?? null,
    url: typeof item.url === 'string' ? item.url : null,
    items: outlineEntries(item.items),
  }));
}

/** The PDF's outline (its bookmarks), empty until read or when it has none. */
export function usePdfOutline(pdf: PDFDocumentProxy | null): OutlineEntry[] {
  const [outline, setOutline] = useState<{ pdf: PDFDocumentProxy; entries: OutlineEntry[] } | null>(null);
  useEffect(() => {
    if (!pdf) return undefined;
    let live = true;
    pdf.getOutline().then(
      (items) => live && setOutline({ pdf, entries: outlineEntries(items) }),
      () => live && setOutline({ pdf, entries: [] }),
    );
    return () => {
      live = false;
    };
  }, [pdf]);
  return outline && outline.pdf === pdf ? outline.entries : [];
}

/** The pdf.js document of library document `id` in its version `contentId`, and a retry. */
export function usePdfDocument(id: string, contentId: string): { load: PdfLoad; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  // Results carry the request they answer, so a document changed meanwhile reads as loading.
  const request = useMemo(() => ({ id, contentId, attempt }), [id, contentId, attempt]);
  const [result, setResult] = useState<{ request: typeof request; load: PdfLoad } | null>(null);

  useEffect(() => {
    let live = true;
    let task: PDFDocumentLoadingTask | null = null;
    const settle = (load: PdfLoad) => {
      if (live) setResult({ request, load });
    };
    pdfFile(request.id, request.contentId)
      .then((bytes) => {
        if (!live) return null;
        task = loadPdf(bytes);
        task.onPassword = (update: (password: string) => void, reason: number) => {
          settle({
            status: 'password',
            incorrect: reason === PASSWORD_INCORRECT,
            submit: (password) => {
              settle({ status: 'loading' });
              update(password);
            },
          });
        };
        return task.promise;
      })
      .then((pdf) => {
        if (!live || !pdf) return;
        performance.mark('diptych:pdf-opened');
        settle({ status: 'ready', pdf });
      })
      .catch((error: unknown) => settle({ status: 'error', message: describePdfFailure(error) }));
    return () => {
      live = false;
      void task?.destroy();
    };
  }, [request]);

  const retry = useCallback(() => {
    forgetPdfFile(id);
    setAttempt((n) => n + 1);
  }, [id]);
  return { load: result && result.request === request ? result.load : { status: 'loading' }, retry };
}
