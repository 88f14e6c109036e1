/**
 * The entry point of a text import: a file's name and bytes in, a document
 * out, or an `ImportError` with a message for the reader. PDF files take
 * another path (their text comes from the PDF text layer); the library
 * stores the bytes and computes the content hash, which needs Node.
 */
import { decodeText } from './decode-text';
import type { ImportedDocument } from './document-model';
import { titleFromFileName } from './document-title';
import { htmlToDocument } from './html-to-document';
import { ImportError, displayFileName } from './import-error';
import { markdownToDocument } from './markdown-to-document';
import { plainTextDocument } from './plain-text-document';

/**
 * Largest file Diptych imports: 200 MB, the size the library promises. A
 * file's text is held in memory several times over while it is decoded,
 * converted, indexed and saved, so much more would risk the whole app.
 */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** The text formats read here. */
export type TextImportKind = 'text' | 'markdown' | 'html';

const KIND_BY_EXTENSION: Readonly<Record<string, TextImportKind>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

/** Every file type the library accepts, this module's and PDF, for messages and file pickers. */
export const SUPPORTED_FILE_TYPES = 'plain text (.txt, .text), Markdown (.md, .markdown), HTML (.html, .htm) and PDF (.pdf)';

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The text format a file name says, or undefined if it is not one read here. */
export function textImportKind(fileName: string): TextImportKind | undefined {
  return KIND_BY_EXTENSION[extensionOf(fileName)];
}

function megabytes(bytes: number): string {
  // Rounded up, so a file just over the limit never reads as "200.0 MB".
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

/**
 * Refuses a file by its size alone, before it is read: empty files, and
 * files over `MAX_IMPORT_BYTES`.
 */
export function checkImportSize(byteLength: number, fileName: string): void {
  const name = displayFileName(fileName);
  if (byteLength === 0) throw new ImportError('empty', `${name} is empty: there is nothing to import.`);
  if (byteLength > MAX_IMPORT_BYTES) {
    throw new ImportError('too-large', `${name} is ${megabytes(byteLength)}; Diptych imports files up to ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`);
  }
}

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  /** The encoding the reader chose, when the first import's guess was wrong. */
  encoding?: string;
}

export interface TextImport {
  kind: TextImportKind;
  /** The document, always with a title (its own, or the file name's). */
  document: ImportedDocument & { title: string };
  /** The WHATWG name of the encoding the bytes were read in. */
  encoding: string;
  /** A sentence to show the reader, for example when the encoding was guessed. */
  warning?: string;
}

const CONVERTERS: Record<TextImportKind, (text: string, fileName: string) => ImportedDocument> = {
  text: (text) => plainTextDocument(text),
  markdown: (text, fileName) => markdownToDocument(text, { fileName }),
  html: (text, fileName) => htmlToDocument(text, { fileName }),
};

/** Reads a .txt, .md or .html file into a document; throws `ImportError` for a file it refuses. */
export function importDocumentBytes(request: ImportRequest): TextImport {
  const { fileName, bytes } = request;
  const name = displayFileName(fileName);
  const kind = textImportKind(fileName);
  if (kind === undefined) {
    const extension = extensionOf(fileName);
    if (extension === '.pdf') {
      // Reaching here is a slip in the caller, but the reader still deserves a sentence.
      throw new ImportError('unsupported-type', `${name} is a PDF, and PDF files are read by the PDF importer, not as text.`);
    }
    const which = extension === '' ? 'it has no file extension' : `Diptych does not read ${extension.slice(0, 20)} files`;
    throw new ImportError('unsupported-type', `${name} is an unsupported file type: ${which}. Diptych imports ${SUPPORTED_FILE_TYPES}.`);
  }
  checkImportSize(bytes.byteLength, fileName);

  const decoded = decodeText(bytes, request.encoding === undefined ? { fileName } : { fileName, encoding: request.encoding });
  const document = CONVERTERS[kind](decoded.text, fileName);
  if (document.text.trim() === '') {
    const what = kind === 'text' ? 'it holds only blank space' : 'it holds only markup, such as scripts or styles, which Diptych does not import';
    throw new ImportError('no-text', `${name} has no readable text: ${what}.`);
  }
  const result: TextImport = {
    kind,
    document: { ...document, title: document.title ?? titleFromFileName(fileName) },
    encoding: decoded.encoding,
  };
  if (decoded.warning !== undefined) result.warning = decoded.warning;
  return result;
}
