/**
 * Which annotations a window holds, and asking for them early. A window
 * holds every note and link (mentions, backlinks and the notebook reach
 * across the whole library) and the highlights of the documents it has
 * opened; a library's highlights elsewhere stay on disk until their
 * document is opened, so start-up does not grow with the library.
 *
 * The first load comes in two parts. The annotations around each pane's
 * reading position come first, so the first screen is drawn with its
 * highlights without waiting for (and parsing, checking and anchoring)
 * ten thousand others; the whole set follows once the panes have drawn.
 */
import type { Annotation } from '../../../electron/api/annotation-schema';
import { api } from '../api';

/** Characters each side of a pane's reading position whose annotations come first: many screens, whatever the font. */
export const FIRST_SCREEN_CHARS = 60_000;

/** A document open in a pane, and where the pane is in it. */
export interface OpenPane {
  documentId: string;
  position: number;
}

/** The highlights of `documentIds` (everything that is not a note or a link). */
export function loadDocumentAnnotations(documentIds: readonly string[]): Promise<Annotation[]> {
  if (documentIds.length === 0) return Promise.resolve([]);
  return api.listAnnotations({ documentIds: [...documentIds], motivations: ['highlighting'] });
}

/** A window's whole set: the open documents' highlights (asked first: the panes draw them) and every note and link. */
export async function loadWindowAnnotations(openDocumentIds: readonly string[]): Promise<Annotation[]> {
  const highlights = loadDocumentAnnotations(openDocumentIds);
  const notesAndLinks = api.listAnnotations({ motivations: ['commenting', 'linking'] });
  const [a, b] = await Promise.all([highlights, notesAndLinks]);
  return [...a, ...b];
}

/** Every annotation (of any kind) with a passage near a pane's reading position, each once. */
export async function loadFirstScreenAnnotations(panes: readonly OpenPane[]): Promise<Annotation[]> {
  const lists = await Promise.all(
    panes.map(({ documentId, position }) =>
      api.listAnnotations({ documentIds: [documentId], range: { start: Math.max(0, position - FIRST_SCREEN_CHARS), end: position + FIRST_SCREEN_CHARS } }),
    ),
  );
  const byId = new Map<string, Annotation>();
  for (const list of lists) for (const a of list) byId.set(a.id, a);
  return [...byId.values()];
}

/** A first load under way: the documents it covers and its first part. */
export interface FirstLoad {
  documentIds: readonly string[];
  firstScreen: Promise<Annotation[]>;
  /** The first part once it has arrived, so the window's first render can draw it. */
  arrived: Annotation[] | null;
}

function startFirstLoad(panes: readonly OpenPane[]): FirstLoad {
  const load: FirstLoad = { documentIds: [...new Set(panes.map((p) => p.documentId))], firstScreen: loadFirstScreenAnnotations(panes), arrived: null };
  load.firstScreen.then(
    (list) => (load.arrived = list),
    () => undefined,
  );
  return load;
}

let pending: FirstLoad | null = null;

/** Starts the first load while the window is still starting; answers its first part (never rejects: whoever takes it reports a failure). */
export function prefetchAnnotations(panes: readonly OpenPane[]): Promise<unknown> {
  pending = startFirstLoad(panes);
  return pending.firstScreen.catch(() => undefined);
}

/** The prefetched first load (handed out once), or a fresh one for `panes`. */
export function takeFirstLoad(panes: readonly OpenPane[]): FirstLoad {
  const taken = pending ?? startFirstLoad(panes);
  pending = null;
  return taken;
}
