/**
 * Importing text, Markdown and HTML files: bytes in, Diptych's document
 * model out (plain text for anchoring, plus spans that say how to draw it).
 * Pure code: it runs in Node, the renderer and a worker alike.
 */
export {
  MAX_IMPORT_BYTES,
  SUPPORTED_FILE_TYPES,
  checkImportSize,
  importDocumentBytes,
  textImportKind,
  type ImportRequest,
  type TextImport,
  type TextImportKind,
} from './import-file';
export { decodeText, type DecodeOptions, type DecodedText } from './decode-text';
export { LEGACY_ENCODINGS, describeEncoding, type LegacyEncoding } from './legacy-encodings';
export {
  MAX_DOCUMENT_TEXT_LENGTH,
  MAX_HREF_LENGTH,
  MAX_LIST_DEPTH,
  MAX_STRUCTURE_SPANS,
  MAX_TITLE_LENGTH,
  importedDocument,
  isInlineSpan,
  structureSpan,
  type BlockSpan,
  type ImportedDocument,
  type InlineSpan,
  type StructureKind,
  type StructureSpan,
} from './document-model';
export { ImportError, displayFileName, type ImportErrorReason } from './import-error';
export { htmlToDocument } from './html-to-document';
export { markdownToDocument } from './markdown-to-document';
export { plainTextDocument } from './plain-text-document';
export { safeLinkHref } from './safe-link';
export { titleFromFileName } from './document-title';
