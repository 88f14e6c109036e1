/**
 * pdf.js in plain Node: its legacy build (the modern one fails in Node),
 * loaded on first use so that starting the library does not parse two
 * megabytes of PDF code, with the settings every document is opened with.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentInitParameters, PDFDocumentLoadingTask } from 'pdfjs-dist/types/src/display/api';

type Pdfjs = typeof PdfjsModule;

let loading: Promise<Pdfjs> | undefined;

/**
 * Loads pdf.js together with its worker code. Node has no web workers, so
 * pdf.js runs its "worker" in this thread; handing it the worker module
 * through `globalThis.pdfjsWorker` (which pdf.js looks for first) instead of
 * letting it import `./pdf.worker.mjs` from its own folder keeps the worker
 * inside an esbuild bundle, where that relative path would not exist.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    ensureDomMatrix();
    // The legacy build carries core-js, which replaces JSON.stringify and JSON.parse process-wide with
    // polyfills (for JSON.rawJSON) about a hundred times slower: every API answer of the host would pay.
    // pdf.js does not need them, so Node's own are put back once it has loaded.
    const { stringify, parse } = JSON;
    try {
      // @ts-expect-error -- pdfjs-dist ships no types for its worker module; only WorkerMessageHandler is read.
      const worker = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as { WorkerMessageHandler: unknown };
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler: worker.WorkerMessageHandler };
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      JSON.stringify = stringify;
      JSON.parse = parse;
    }
  })().catch((error: unknown) => {
    loading = undefined; // let a later call try again
    throw error;
  });
  return loading;
}

/**
 * pdf.js' display layer builds a DOMMatrix as it loads. In Node it borrows
 * the class from @napi-rs/canvas, and without that package (a packaged app
 * ships only its bundles) loading would fail, although extracting text never
 * draws anything. A bare identity matrix is then enough to load.
 */
function ensureDomMatrix(): void {
  const scope = globalThis as { DOMMatrix?: unknown };
  if (scope.DOMMatrix !== undefined) return;
  try {
    createRequire(import.meta.url).resolve('@napi-rs/canvas');
    return; // pdf.js will take the real one
  } catch {
    scope.DOMMatrix = class IdentityMatrix {
      a = 1;
      b = 0;
      c = 0;
      d = 1;
      e = 0;
      f = 0;
    };
  }
}

/**
 * The folder holding pdf.js' standard_fonts/ and cmaps/: a `pdfjs` folder
 * next to this module (where a packaged build can copy them beside its
 * bundle), else pdfjs-dist's own folder, else none (pdf.js then warns and
 * substitutes; text still comes out, except from CJK fonts that need a CMap).
 */
function pdfjsFolder(): string | undefined {
  const besideBundle = fileURLToPath(new URL('pdfjs', import.meta.url));
  if (existsSync(join(besideBundle, 'standard_fonts'))) return besideBundle;
  try {
    return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  } catch {
    return undefined;
  }
}

let dataFolders: { standardFontDataUrl?: string; cMapUrl?: string } | undefined;

/**
 * pdf.js reads these with fs.readFile(base + file name), so they are plain
 * paths, and pdf.js insists on a trailing "/". Standard fonts serve PDFs
 * that use one of the 14 standard fonts without embedding it; CMaps serve
 * CJK fonts that name an Adobe character collection, whose text cannot be
 * mapped to Unicode without them.
 */
function pdfjsDataFolders(): { standardFontDataUrl?: string; cMapUrl?: string } {
  if (dataFolders) return dataFolders;
  const folder = pdfjsFolder();
  dataFolders = folder ? { standardFontDataUrl: `${join(folder, 'standard_fonts')}/`, cMapUrl: `${join(folder, 'cmaps')}/` } : {};
  return dataFolders;
}

/** pdf.js' VerbosityLevel.ERRORS: its warnings about odd but readable files would only fill the log. */
const ERRORS_ONLY = 0;

/**
 * Starts opening `bytes`. The bytes are copied, because pdf.js transfers
 * (detaches) the buffer it is given, and rejects a Node Buffer.
 *
 * Nothing in a PDF runs: no eval for fonts, no XFA forms, and the scripting
 * sandbox is never created (only pdf.js' viewer creates it). Fonts are not
 * loaded into any page and system fonts are never looked up.
 */
export async function openPdf(bytes: Uint8Array, password: string | undefined): Promise<PDFDocumentLoadingTask> {
  const pdfjs = await loadPdfjs();
  const params: DocumentInitParameters = {
    data: new Uint8Array(bytes),
    // An empty password is what a PDF without a user password opens with.
    password: password === '' ? undefined : password,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    cMapPacked: true,
    ...pdfjsDataFolders(),
    verbosity: ERRORS_ONLY,
  };
  return pdfjs.getDocument(params);
}
