/**
 * Loads the PDF view's code (pdf.js and the viewer) once, and remembers it.
 * A pane whose code is already here renders it straight away: going through
 * React.lazy again would suspend, and React holds back revealing a suspended
 * pane for a while (about 300 ms), which a first page must not wait for.
 */
import type * as PdfViewModuleType from './pdf-view';

type PdfViewModule = typeof PdfViewModuleType;

let loading: Promise<PdfViewModule> | null = null;
let loaded: PdfViewModule | null = null;

/** The PDF view's module, fetched on first need. */
export function loadPdfView(): Promise<PdfViewModule> {
  loading ??= import('./pdf-view').then(
    (module) => (loaded = module),
    (error: unknown) => {
      // A failed fetch (the host went away) may be retried later.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The PDF view's module if it has loaded, without waiting. */
export function loadedPdfView(): PdfViewModule | null {
  return loaded;
}
