/**
 * pdf.js' worker thread, started on its own as soon as start-up knows a pane
 * will show a PDF: its 1 MB script then loads and compiles while pdf.js
 * itself (a chunk of its own) and the file are still being fetched, instead
 * of after them. pdf.js is handed the running thread (see pdfjs.ts).
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

let thread: Worker | null = null;

/** The window's one pdf.js worker thread, started on first need. */
export function pdfWorkerThread(): Worker {
  thread ??= new Worker(workerUrl, { type: 'module', name: 'pdf.js' });
  return thread;
}
