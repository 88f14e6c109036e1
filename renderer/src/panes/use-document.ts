/**
 * Loads the text of the document shown in a pane, with a retry that really
 * asks the API again.
 */
import { useCallback, useEffect, useState } from 'react';
import { contentGeneration, forgetDocument, loadDocument, useLoadedVersion, type LoadedDocument } from './document-cache';

/** Where a pane's document is in its loading. */
export type DocumentState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; document: LoadedDocument }
  | { status: 'error'; message: string };

type Settled = { status: 'ready'; document: LoadedDocument } | { status: 'error'; message: string };

function describe(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'The host gave no reason.';
}

/** The loading state of document `id` (null: no document), plus `retry`. */
export function useDocument(id: string | null): { state: DocumentState; attempt: number; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  // A new version of the document (imported meanwhile) is a new key, so the pane loads it.
  useLoadedVersion();
  const generation = id === null ? 0 : contentGeneration(id);
  const key = id === null ? null : `${id}#${attempt}#${generation}`;
  // Results carry the key they answer, so a stale answer (the pane moved on) reads as loading.
  const [result, setResult] = useState<{ key: string; settled: Settled } | null>(null);

  useEffect(() => {
    if (id === null || key === null) return undefined;
    let live = true;
    loadDocument(id).then(
      (document) => {
        if (live) setResult({ key, settled: { status: 'ready', document } });
      },
      (error: unknown) => {
        if (live) setResult({ key, settled: { status: 'error', message: describe(error) } });
      },
    );
    return () => {
      live = false;
    };
  }, [id, key]);

  const retry = useCallback(() => {
    if (id !== null) forgetDocument(id);
    setAttempt((value) => value + 1);
  }, [id]);

  let state: DocumentState;
  if (key === null) state = { status: 'none' };
  else if (!result || result.key !== key) state = { status: 'loading' };
  else state = result.settled;
  return { state, attempt, retry };
}
