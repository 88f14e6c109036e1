/**
 * A PDF's text for anchoring, search and the library's length figure,
 * extracted in Node with pdf.js.
 *
 * The text is the one the PDF view's text layer shows: each page's
 * text-content items joined by joinPageText (electron/core/pdf-text-join.ts:
 * items in content-stream order, their strings unchanged, "\n" after an
 * item that ends a line), and the pages joined by "\n\n". Offsets are UTF-16
 * code units, like every anchor in Diptych. docs/PDF-TEXT.md gives the rule
 * and why the renderer must apply the same function to its own items.
 */
import { joinPageText, joinPdfPages, PDF_TEXT_CONTENT_OPTIONS } from '../../core/pdf-text-join';
import { PdfError, toPdfError } from './pdf-error';
import { pdfTitle } from './pdf-title';
import { openPdf } from './pdfjs-node';

/** One page of an extracted PDF. */
export interface PdfPageText {
  /** 1-based, as pdf.js and the page-number box count. */
  pageNumber: number;
  /** The page's text is text.slice(start, end) of the document text. */
  start: number;
  end: number;
  /**
   * Size of the page's visible box (CropBox within MediaBox) in PDF user
   * space units (1/72 inch), before `rotation` is applied.
   */
  width: number;
  height: number;
  /** The page's /Rotate, clockwise: 0, 90, 180 or 270. */
  rotation: number;
}

/** A PDF's extracted text and page geometry. */
export interface PdfText {
  /** All pages' texts joined by "\n\n". */
  text: string;
  pages: PdfPageText[];
  /** From the metadata (XMP dc:title, else Info Title), whitespace collapsed; undefined when absent. */
  title?: string;
  pageCount: number;
}

/** Options for extractPdfText. */
export interface ExtractPdfOptions {
  /** The user password of an encrypted PDF; an empty string counts as none. */
  password?: string;
}

/**
 * Extracts the text, page spans and sizes, and title of the PDF in `bytes`.
 * `bytes` is left untouched (pdf.js works on a copy).
 *
 * Runs pdf.js in the calling thread, about 4–5 ms a page of dense text
 * (2–2.7 s for 500 pages), so a caller that must stay responsive during a
 * long PDF should run it in a worker thread.
 *
 * @throws PdfError with code `password-required` (encrypted, no password),
 *   `password-incorrect`, or `damaged` (empty, truncated, not a PDF), whose
 *   message can be shown to the reader as it is.
 */
export async function extractPdfText(bytes: Uint8Array, options: ExtractPdfOptions = {}): Promise<PdfText> {
  if (bytes.byteLength === 0) throw new PdfError('damaged', 'the file is empty');
  const task = await openPdf(bytes, options.password);
  try {
    const document = await task.promise;
    const pageTexts: string[] = [];
    const geometry: Array<Omit<PdfPageText, 'start' | 'end'>> = [];
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
      const page = await document.getPage(pageNumber);
      const content = await page.getTextContent(PDF_TEXT_CONTENT_OPTIONS);
      pageTexts.push(joinPageText(content.items).text);
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = page.view;
      geometry.push({ pageNumber, width: x2 - x1, height: y2 - y1, rotation: page.rotate });
      // Drops the page's parsed operator lists and fonts; a long PDF would otherwise keep them all.
      page.cleanup();
    }
    // A broken metadata stream costs the title, not the document.
    const title = pdfTitle(await document.getMetadata().catch(() => undefined));
    const { text, pages } = joinPdfPages(pageTexts);
    return {
      text,
      pages: geometry.map((page, index) => ({ ...page, ...pages[index]! })),
      ...(title === undefined ? {} : { title }),
      pageCount: document.numPages,
    };
  } catch (error) {
    throw toPdfError(error);
  } finally {
    await task.destroy();
  }
}
