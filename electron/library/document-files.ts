/**
 * How an imported document is kept in the data folder: the file as it was
 * (byte for byte, never changed, named by the SHA-256 of its bytes) and what
 * Diptych reads: the text (`.txt`, UTF-8) or, for Markdown and HTML, the
 * rendered document (`.document.json`: text and structure). The rendered
 * form is kept rather than re-made at each start so that a later, better
 * converter cannot move the offsets under existing highlights.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { PdfPage } from '../api/contract';
import type { ImportedDocument, StructureSpan } from '../core/import/document-model';
import type { TextImport } from '../core/import/import-file';
import { writeFileDurably, type DurableFs } from './durable-json-file';

export const STORED_FILES_FOLDER = 'files';
const RENDERED_SUFFIX = '.document.json';

export function sha256Of(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The text a document reads, and how to draw it when it has structure. */
export interface StoredContent {
  text: string;
  structure?: StructureSpan[];
  /** For a PDF: where each page's text lies in `text`. */
  pages?: PdfPage[];
}

export interface StoredImport {
  /** What Diptych reads (relative to the data folder). */
  file: string;
  original: { file: string; fileName: string; bytes: number; encoding: string };
}

/** Writes the original bytes and the readable form; answers where they are. */
export async function storeImport(dataDir: string, fs: DurableFs, fileName: string, bytes: Uint8Array, sha256: string, converted: TextImport): Promise<StoredImport> {
  await mkdir(join(dataDir, STORED_FILES_FOLDER), { recursive: true });
  const extension = extname(fileName).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 12);
  const originalFile = `${STORED_FILES_FOLDER}/${sha256}.original${extension}`;
  await writeFileDurably(join(dataDir, originalFile), bytes, fs);
  const { text, structure } = converted.document;
  const readable: ImportedDocument = { text, structure };
  const file =
    converted.kind === 'text'
      ? `${STORED_FILES_FOLDER}/${sha256Of(text)}.txt`
      : `${STORED_FILES_FOLDER}/${sha256}${RENDERED_SUFFIX}`;
  await writeFileDurably(join(dataDir, file), converted.kind === 'text' ? text : JSON.stringify(readable), fs);
  return { file, original: { file: originalFile, fileName, bytes: bytes.byteLength, encoding: converted.encoding } };
}

/**
 * Writes an imported PDF and its extracted text (extraction takes seconds
 * for a long PDF, so it is done once, at import).
 */
export async function storePdfImport(dataDir: string, fs: DurableFs, fileName: string, bytes: Uint8Array, sha256: string, content: Required<Pick<StoredContent, 'text' | 'pages'>>): Promise<StoredImport> {
  await mkdir(join(dataDir, STORED_FILES_FOLDER), { recursive: true });
  const originalFile = `${STORED_FILES_FOLDER}/${sha256}.original.pdf`;
  await writeFileDurably(join(dataDir, originalFile), bytes, fs);
  const file = `${STORED_FILES_FOLDER}/${sha256}${RENDERED_SUFFIX}`;
  await writeFileDurably(join(dataDir, file), JSON.stringify({ text: content.text, structure: [], pages: content.pages }), fs);
  return { file, original: { file: originalFile, fileName, bytes: bytes.byteLength, encoding: 'binary' } };
}

/** Reads what a stored document's `file` holds. */
export async function readStoredContent(dataDir: string, file: string): Promise<StoredContent> {
  const raw = await readFile(join(dataDir, file), 'utf8');
  if (!file.endsWith(RENDERED_SUFFIX)) return { text: raw };
  const parsed = JSON.parse(raw) as ImportedDocument & { pages?: PdfPage[] };
  return { text: parsed.text, structure: parsed.structure, pages: parsed.pages };
}
