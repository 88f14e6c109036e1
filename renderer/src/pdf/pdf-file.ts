/**
 * The bytes of a library PDF, fetched through the API once per version of
 * the document and kept for the panes showing it; and a head start: the
 * file and the viewer's code can be fetched while the document's text is
 * still on its way, since a PDF needs both before its first page shows.
 */
import { api } from '../api';
import { loadPdfView } from './pdf-view-loader';
import { pdfWorkerThread } from './pdf-worker-thread';

/** Files kept, by document: the two panes' at most. */
const MAX_FILES = 2;
const files = new Map<string, { contentId: string; bytes: Promise<Uint8Array> }>();

/** The file of PDF `id` in its version `contentId`; a failure is not kept, so a retry asks again. */
export function pdfFile(id: string, contentId: string): Promise<Uint8Array> {
  const cached = files.get(id);
  if (cached && cached.contentId === contentId) return cached.bytes;
  const bytes = api.getDocumentFile({ id }).then(({ bytes: data, mediaType }) => {
    if (mediaType !== 'application/pdf') throw new Error(`the library holds this document as ${mediaType}, not as a PDF`);
    // The benchmark reads this mark to show where the first page's time goes.
    performance.mark('diptych:pdf-file-received');
    return data;
  });
  files.delete(id);
  files.set(id, { contentId, bytes });
  bytes.catch(() => {
    if (files.get(id)?.bytes === bytes) files.delete(id);
  });
  while (files.size > MAX_FILES) files.delete(files.keys().next().value!);
  return bytes;
}

/** Forgets a file, so the next open fetches it again (Retry). */
export function forgetPdfFile(id: string): void {
  files.delete(id);
}

/**
 * Starts fetching what showing PDF `id` needs, the viewer's code and the
 * file, ahead of its text, and opens the PDF as soon as both are here;
 * answers then (never rejects).
 */
export function preloadPdf(id: string, contentId: string): Promise<unknown> {
  pdfWorkerThread();
  return Promise.all([loadPdfView(), pdfFile(id, contentId)]).then(
    ([view, bytes]) => view.openEarly(id, contentId, bytes),
    () => undefined,
  );
}
