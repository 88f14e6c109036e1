/**
 * PDF on the Node side: text extraction with pdf.js for anchoring, search
 * and the library's figures, and the errors a reader can be shown.
 */
export { extractPdfText, type ExtractPdfOptions, type PdfPageText, type PdfText } from './extract-pdf-text';
export { PdfError, toPdfError, type PdfErrorCode } from './pdf-error';
export { pdfTitle, type PdfMetadataLike } from './pdf-title';
