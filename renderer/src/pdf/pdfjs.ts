/**
 * pdf.js in the renderer, set up once: its worker in a thread of its own
 * (served from the app's own origin, as the CSP's worker-src allows), and
 * the options that keep a PDF from running anything: no eval, no
 * scripting, no XFA. Standard fonts and CMaps come from the build's own
 * assets, so the text layer reads the same text the library extracted.
 */
import { getDocument, GlobalWorkerOptions, PDFWorker, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { pdfWorkerThread } from './pdf-worker-thread';

GlobalWorkerOptions.workerSrc = workerUrl;

/** One worker thread for every PDF in the window, usually started already (pdf-worker-thread.ts). */
const worker = PDFWorker.create({ port: pdfWorkerThread() });
// The benchmark reads this mark to show where the first page's time goes.
performance.mark('diptych:pdf-viewer-loaded');

// Each file becomes an asset of its own (never inlined: fetching a data: URL would break the CSP's connect-src).
const standardFonts = import.meta.glob<string>('../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
});
const cmaps = import.meta.glob<string>('../../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url&no-inline', import: 'default', eager: true });

/** File name → built asset URL. */
function byFileName(urls: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));
}

const ASSETS = { standardFontDataUrl: byFileName(standardFonts), cMapUrl: byFileName(cmaps) } as const;

/**
 * pdf.js asks for its data files by kind and name; the build gave each a
 * hashed name, so they are looked up instead of joined to a base URL.
 */
class AssetDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = (ASSETS as Record<string, Map<string, string> | undefined>)[kind]?.get(filename);
    if (!url) throw new Error(`Diptych has no pdf.js data file “${filename}” (${kind}).`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Could not load ${url}: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

/** pdf.js' PasswordResponses: why it asks for a password. */
export const PASSWORD_NEEDED = 1;
export const PASSWORD_INCORRECT = 2;

/**
 * Starts loading a PDF from its bytes (copied: pdf.js hands the buffer to
 * its worker). Nothing in the file runs: no eval, no scripting sandbox (only
 * pdf.js' own viewer creates one), no XFA forms.
 */
export function loadPdf(bytes: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
    data: bytes.slice(),
    worker,
    isEvalSupported: false,
    enableXfa: false,
    // Not fetched by the worker: the factory above knows the hashed asset names.
    useWorkerFetch: false,
    BinaryDataFactory: AssetDataFactory,
    // Non-empty so pdf.js asks for the files at all; the factory ignores it.
    standardFontDataUrl: 'standard-fonts/',
    cMapUrl: 'cmaps/',
    cMapPacked: true,
    // WebAssembly decoders would need 'wasm-unsafe-eval' in the CSP; pdf.js falls back without them.
    useWasm: false,
    stopAtErrors: false,
  });
}
