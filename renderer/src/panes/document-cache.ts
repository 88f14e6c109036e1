/**
 * Document texts fetched through the API, segmented once and kept for the
 * few documents in use, so swapping panes or reopening a text is instant.
 */
import { useSyncExternalStore } from 'react';
import { segmentText, type TextBlock } from '../../../electron/core/text-blocks';
import type { PdfPage } from '../../../electron/api/contract';
import { api } from '../api';
import { markOnce } from '../lib/mark-once';
import { buildStructure, type DocumentStructure } from '../reader/document-structure';

/** A document ready to render. */
export interface LoadedDocument {
  id: string;
  text: string;
  blocks: TextBlock[];
  /** How to draw a Markdown or HTML document (headings, lists, links…); null for plain text. */
  structure: DocumentStructure | null;
  /** A PDF's pages: where each page's text lies in `text`, and its size (absent for other kinds). */
  pages?: PdfPage[];
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
  const { text, structure, pages } = await api.getDocumentText({ id });
  // The benchmark reads this mark to show where the first screen's time goes.
  markOnce('diptych:text-received');
  return { id, text, blocks: segmentText(text), structure: buildStructure(structure, text.length), ...(pages ? { pages } : {}) };
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

/** How many times each document's content was replaced in this window (a new version). */
const replacements = new Map<string, number>();

/** A new version of `id` was imported: forget its text so panes showing it load the new one. */
export function replaceDocumentContent(id: string): void {
  forgetDocument(id);
  replacements.set(id, (replacements.get(id) ?? 0) + 1);
  settledChanged();
}

/** Changes when a new version of `id` replaces its content. */
export function contentGeneration(id: string): number {
  return replacements.get(id) ?? 0;
}
