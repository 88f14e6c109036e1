/**
 * The one definition of a PDF's text: how the text items pdf.js gives for a
 * page become that page's text, and how the pages become the document's
 * text. The Node extractor (electron/library/pdf) and the PDF view's text
 * layer both call these functions on the same items, so an offset stored by
 * one means the same character to the other (see docs/PDF-TEXT.md).
 *
 * The rule, kept deliberately simple:
 * - items are taken in the order pdf.js gives them (content-stream order);
 * - each item contributes its `str` unchanged; pdf.js has already put a
 *   " " item wherever it saw a gap between two runs of glyphs;
 * - an item with `hasEOL` is followed by one "\n" (the text layer draws a
 *   <br> there);
 * - an item without `str` (marked content) contributes nothing;
 * - pages are joined with PDF_PAGE_SEPARATOR ("\n\n", a blank line), which
 *   also makes a page break a paragraph break for segmentText.
 * Nothing is trimmed, collapsed or reordered: any of that would have to be
 * repeated exactly by the text layer.
 */

/**
 * A text-content item as pdf.js gives it (TextContent.items): a TextItem, or
 * a marked-content item, which has a `type` and no text.
 */
export type PdfTextItemLike = { readonly str: string; readonly hasEOL: boolean } | { readonly type: string };

/** One page's text and where each item starts in it. */
export interface JoinedPageText {
  text: string;
  /** itemStarts[i] is the offset in `text` of items[i].str (its length is str.length). */
  itemStarts: number[];
}

/** Where one page's text lies in the document text: text.slice(start, end). */
export interface PageSpan {
  start: number;
  end: number;
}

/** Between the texts of two consecutive pages. */
export const PDF_PAGE_SEPARATOR = '\n\n';

/** After an item that ends a line. */
export const PDF_LINE_BREAK = '\n';

/**
 * The options both sides pass to pdf.js' getTextContent / streamTextContent
 * (they are pdf.js' defaults): normalisation changes the strings, so a side
 * that turned it off would count different offsets.
 */
export const PDF_TEXT_CONTENT_OPTIONS = { includeMarkedContent: false, disableNormalization: false } as const;

/** Joins one page's text items into the page text (rule above). */
export function joinPageText(items: readonly PdfTextItemLike[]): JoinedPageText {
  const parts: string[] = [];
  const itemStarts: number[] = [];
  let length = 0;
  for (const item of items) {
    itemStarts.push(length);
    if (!('str' in item)) continue;
    parts.push(item.str);
    length += item.str.length;
    if (item.hasEOL) {
      parts.push(PDF_LINE_BREAK);
      length += PDF_LINE_BREAK.length;
    }
  }
  return { text: parts.join(''), itemStarts };
}

/** Joins the page texts, in page order, into the document text, with each page's span in it. */
export function joinPdfPages(pageTexts: readonly string[]): { text: string; pages: PageSpan[] } {
  const pages: PageSpan[] = [];
  let start = 0;
  for (const [index, pageText] of pageTexts.entries()) {
    if (index > 0) start += PDF_PAGE_SEPARATOR.length;
    pages.push({ start, end: start + pageText.length });
    start += pageText.length;
  }
  return { text: pageTexts.join(PDF_PAGE_SEPARATOR), pages };
}
