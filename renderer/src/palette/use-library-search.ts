/**
 * The palette's library search: asks the host a short while after the
 * reader stops typing, and keeps only the answer to the latest query (an
 * answer to an older query that arrives late is dropped).
 */
import { useEffect, useState } from 'react';
import type { ApiInput, ApiOutput } from '../../../electron/api/contract';
import { api } from '../api';

/** What the host answers. */
export type SearchResults = ApiOutput<'searchLibrary'>;
export type SearchGroup = SearchResults['groups'][number];
export type DocumentGroup = Extract<SearchGroup, { kind: 'document' }>;
export type NotesGroup = Extract<SearchGroup, { kind: 'note' }>;
export type DocumentHit = DocumentGroup['hits'][number];
export type NoteHit = NotesGroup['hits'][number];

/** Wait after the last key before searching. */
export const SEARCH_DELAY_MS = 120;
/** Most hits asked for, over all groups. */
export const SEARCH_LIMIT = 40;
/** The longest query the host takes. */
export const MAX_QUERY_LENGTH = 500;

/** Where the search of the current query is. */
export type SearchState =
  | { status: 'idle' }
  /** `previous`: the last answer, shown meanwhile so the list does not jump. */
  | { status: 'searching'; query: string; previous: SearchResults | null }
  | { status: 'done'; query: string; results: SearchResults }
  | { status: 'error'; query: string; message: string };

type Answer = { query: string; results: SearchResults } | { query: string; error: string };

/** Options of {@link useLibrarySearch}. */
export interface LibrarySearchOptions {
  delay?: number;
  limit?: number;
  /** The host call (tests pass their own). */
  search?: (input: ApiInput<'searchLibrary'>) => Promise<SearchResults>;
}

function describe(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'the host gave no reason';
}

/** Searches the library for `query` (debounced); an empty query is idle. */
export function useLibrarySearch(query: string, { delay = SEARCH_DELAY_MS, limit = SEARCH_LIMIT, search }: LibrarySearchOptions = {}): SearchState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const wanted = query.trim() === '' ? '' : query.slice(0, MAX_QUERY_LENGTH);

  useEffect(() => {
    if (wanted === '') return undefined;
    // Cleared when the query changes: whatever this run started can no longer be shown.
    let live = true;
    const timer = setTimeout(() => {
      const call = search ?? ((input: ApiInput<'searchLibrary'>) => api.searchLibrary(input));
      call({ query: wanted, limit }).then(
        (results) => {
          if (live) setAnswer({ query: wanted, results });
        },
        (error: unknown) => {
          if (live) setAnswer({ query: wanted, error: describe(error) });
        },
      );
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wanted, delay, limit, search]);

  if (wanted === '') return { status: 'idle' };
  if (answer?.query === wanted) return 'results' in answer ? { status: 'done', query: wanted, results: answer.results } : { status: 'error', query: wanted, message: answer.error };
  return { status: 'searching', query: wanted, previous: answer && 'results' in answer ? answer.results : null };
}
