/**
 * Export and import through the API: exported files are handed to the
 * browser as downloads (a Blob and an `<a download>`), imported files are
 * read with File.text() and sent whole, so the host can take all or nothing.
 */
import type { ApiOutput } from '../../../electron/api/contract';
import { api } from '../api';

/** What the exporter answers. */
export type ExportedFile = ApiOutput<'exportAnnotations'>['files'][number];

/** Offers one file to the reader as a download. */
export function downloadFile(file: ExportedFile, doc: Document = document): void {
  const blob = new Blob([file.content], { type: file.mediaType });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Exports all annotations, or those of one document, and downloads every file; returns the files. */
export async function exportAnnotations(documentId: string | undefined, format: 'w3c' | 'markdown'): Promise<ExportedFile[]> {
  const { files } = await api.exportAnnotations(documentId === undefined ? { format } : { documentId, format });
  for (const file of files) downloadFile(file);
  return files;
}

/** Imports a W3C export file; all of it or nothing. */
export async function importAnnotationFile(file: File): Promise<ApiOutput<'importAnnotations'>> {
  const content = await file.text();
  return api.importAnnotations({ content, fileName: file.name });
}

/** "3 annotations added and 1 replaced." */
export function describeImport({ added, replaced }: ApiOutput<'importAnnotations'>): string {
  const count = (n: number) => `${n} ${n === 1 ? 'annotation' : 'annotations'}`;
  if (added === 0 && replaced === 0) return 'The file held no annotations; nothing changed.';
  return `Imported: ${count(added)} added, ${replaced} replaced. An import cannot be undone with Ctrl+Z.`;
}
