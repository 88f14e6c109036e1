/**
 * Plain text files to Diptych's document model: the text exactly as decoded,
 * and no spans, so the renderer falls back to paragraph segmentation.
 */
import type { ImportedDocument } from './document-model';

/** A .txt file's document: its text unchanged. */
export function plainTextDocument(text: string): ImportedDocument {
  return { text, structure: [] };
}
