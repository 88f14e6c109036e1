/**
 * Which annotations a window holds, and asking for them early. A window
 * holds every note and link (mentions, backlinks and the notebook reach
 * across the whole library) and the highlights of the documents it has
 * opened; a library's highlights elsewhere stay on disk until their
 * document is opened, so start-up does not grow with the library.
 */
import type { Annotation } from '../../../electron/api/annotation-schema';
import { api } from '../api';

/** The highlights of `documentIds` (everything that is not a note or a link). */
export function loadDocumentAnnotations(documentIds: readonly string[]): Promise<Annotation[]> {
  if (documentIds.length === 0) return Promise.resolve([]);
  return api.listAnnotations({ documentIds: [...documentIds], motivations: ['highlighting'] });
}

/** A window's first load: the open documents' highlights (asked first: the panes draw them) and every note and link. */
export async function loadWindowAnnotations(openDocumentIds: readonly string[]): Promise<Annotation[]> {
  const highlights = loadDocumentAnnotations(openDocumentIds);
  const notesAndLinks = api.listAnnotations({ motivations: ['commenting', 'linking'] });
  const [a, b] = await Promise.all([highlights, notesAndLinks]);
  return [...a, ...b];
}

let pending: { documentIds: readonly string[]; list: Promise<Annotation[]> } | null = null;

/** Starts the first load while the window is still starting. */
export function prefetchAnnotations(openDocumentIds: readonly string[]): void {
  pending = { documentIds: openDocumentIds, list: loadWindowAnnotations(openDocumentIds) };
  // A failure is reported by whoever takes the promise; until then it must not count as unhandled.
  pending.list.catch(() => {});
}

/** The prefetched annotations (handed out once) with the documents they cover, or a fresh load. */
export function takeAnnotations(openDocumentIds: readonly string[]): { documentIds: readonly string[]; list: Promise<Annotation[]> } {
  const taken = pending ?? { documentIds: openDocumentIds, list: loadWindowAnnotations(openDocumentIds) };
  pending = null;
  return taken;
}
