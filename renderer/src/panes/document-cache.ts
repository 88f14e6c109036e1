/**
 * Document texts fetched through the API, segmented once and kept for the
 * few documents in use, so swapping panes or reopening a text is instant.
 */
import { useSyncExternalStore } from 'react';
import { segmentText, type TextBlock } from '../../../electron/core/text-blocks';
import { api } from '../api';

/** A document ready to render. */
export interface LoadedDocument {
  id: string;
  text: string;
  blocks: TextBlock[];
}

/** Texts kept in memory: both panes plus a few recent ones (a text may be megabytes). */
const MAX_CACHED = 4;

const cache = new Map<string, Promise<LoadedDocument>>();
/** The same documents once loaded, for code that needs the text at once (describing a selection). */
const settled = new Map<string, LoadedDocument>();
const listeners = new Set<() => void>();
let settledVersion = 0;

function settledChanged(): void {
  settledVersion++;
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever a document finishes loading or is forgotten; returns the unsubscribe. */
export function subscribeLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes whenever the set of loaded documents does (for useSyncExternalStore). */
export function loadedVersion(): number {
  return settledVersion;
}

async function fetchDocument(id: string): Promise<LoadedDocument> {
  const { text } = await api.getDocumentText({ id });
  // The benchmark reads this mark to show where the first screen's time goes.
  performance.mark('diptych:text-received');
  return { id, text, blocks: segmentText(text) };
}

/** The document's text and blocks, from the cache or the API. Failures are not cached. */
export function loadDocument(id: string): Promise<LoadedDocument> {
  const cached = cache.get(id);
  if (cached) {
    // Re-insert to mark it most recently used.
    cache.delete(id);
    cache.set(id, cached);
    return cached;
  }
  const loading = fetchDocument(id);
  cache.set(id, loading);
  loading.then(
    (document) => {
      if (cache.get(id) !== loading) return;
      settled.set(id, document);
      settledChanged();
    },
    () => {
      if (cache.get(id) === loading) cache.delete(id);
    },
  );
  while (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
    settled.delete(oldest);
  }
  return loading;
}

/** The document if it has finished loading and is still cached, without waiting. */
export function peekDocument(id: string): LoadedDocument | undefined {
  return settled.get(id);
}

/** Forgets a document so the next load asks the API again (Retry after a failure). */
export function forgetDocument(id: string): void {
  cache.delete(id);
  settled.delete(id);
}

/** Empties the cache (tests). */
export function clearDocumentCache(): void {
  cache.clear();
  settled.clear();
}

/** Re-renders the caller whenever a document finishes loading; returns a number that changes with it. */
export function useLoadedVersion(): number {
  return useSyncExternalStore(subscribeLoaded, loadedVersion);
}
