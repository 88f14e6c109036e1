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

/** A PDF opened before its pane mounted, and the password request it may have made meanwhile. */
interface EarlyOpen {
  contentId: string;
  task: PDFDocumentLoadingTask;
  passwordAsked: { update: (password: string) => void; reason: number } | null;
}

const earlyOpens = new Map<string, EarlyOpen>();
/** Versions of PDFs a pane has opened itself: opening them early again would parse them for nobody. */
const openedByPane = new Set<string>();

/**
 * Starts opening PDF `id` as soon as its file and pdf.js are here, before
 * the workspace that will show it is built: the worker then parses the file
 * while the window draws. The pane takes the task over (once); a password
 * request made before that is kept for it.
 */
export function openEarly(id: string, contentId: string, bytes: Uint8Array): void {
  if (earlyOpens.get(id)?.contentId === contentId || openedByPane.has(`${id}@${contentId}`)) return;
  const early: EarlyOpen = { contentId, task: loadPdf(bytes), passwordAsked: null };
  early.task.onPassword = (update: (password: string) => void, reason: number) => {
    early.passwordAsked = { update, reason };
  };
  // A failure is reported by the pane that takes the task.
  early.task.promise.catch(() => undefined);
  earlyOpens.set(id, early);
}

/** The early-opened task of `id` in version `contentId`, handed out once. */
function takeEarlyOpen(id: string, contentId: string): EarlyOpen | null {
  const early = earlyOpens.get(id) ?? null;
  earlyOpens.delete(id);
  if (early && early.contentId !== contentId) {
    void early.task.destroy();
    return null;
  }
  return early;
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
    const askPassword = (update: (password: string) => void, reason: number) => {
      settle({
        status: 'password',
        incorrect: reason === PASSWORD_INCORRECT,
        submit: (password) => {
          settle({ status: 'loading' });
          update(password);
        },
      });
    };
    const early = request.attempt === 0 ? takeEarlyOpen(request.id, request.contentId) : null;
    openedByPane.add(`${request.id}@${request.contentId}`);
    const opening = early
      ? Promise.resolve().then(() => {
          task = early.task;
          task.onPassword = askPassword;
          if (early.passwordAsked) askPassword(early.passwordAsked.update, early.passwordAsked.reason);
          return task.promise;
        })
      : pdfFile(request.id, request.contentId).then((bytes) => {
          if (!live) return null;
          task = loadPdf(bytes);
          task.onPassword = askPassword;
          return task.promise;
        });
    opening
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
