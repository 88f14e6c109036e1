/**
 * The state of one pane's find: the query, its matches (searched off the
 * keystroke path: debounced, sliced, the older search abandoned for the
 * newer), which match is current, and moving between them.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FindHighlights, FindMatches } from '../reader/find-highlights';
import { SearchCancelled } from './fold-text';
import { searchText } from './find-search';

/** Texts longer than this wait for a pause in typing before they are searched. */
export const LONG_TEXT_CHARS = 200_000;
/** The pause, in milliseconds: short for a short text, longer for a long one. */
export const SHORT_DEBOUNCE_MS = 40;
export const LONG_DEBOUNCE_MS = 180;

/** Where the find is. */
export interface FindState {
  query: string;
  /** The matches of `searchedQuery`, or null before the first search. */
  matches: FindMatches | null;
  /** The query those matches are for (the query may have moved on while a search runs). */
  searchedQuery: string;
  current: number;
  /** A search for the current query is waiting or running. */
  pending: boolean;
}

/** Options of {@link useFind}. */
export interface UseFindOptions {
  text: string;
  /** The reading position now: the first match at or after it becomes current. */
  position: () => number;
  /** Brings a match into view. */
  reveal: (start: number, end: number) => void;
}

/** What the find bar and the text view need. */
export interface FindController {
  state: FindState;
  /** The matches to draw, or null when there are none. */
  highlights: FindHighlights | null;
  setQuery: (query: string) => void;
  next: () => void;
  previous: () => void;
  /** Clears the query and matches. */
  reset: () => void;
}

const EMPTY: FindState = { query: '', matches: null, searchedQuery: '', current: -1, pending: false };

/** Index `step` places away from `index` in a list of `size`, wrapping at both ends. */
export function wrapIndex(index: number, step: number, size: number): number {
  if (size <= 0) return -1;
  if (index < 0) return step >= 0 ? 0 : size - 1;
  return (((index + step) % size) + size) % size;
}

/** One pane's find. */
export function useFind({ text, position, reveal }: UseFindOptions): FindController {
  const [state, setState] = useState<FindState>(EMPTY);
  const controller = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ position, reveal });
  useEffect(() => {
    latest.current = { position, reveal };
  });

  const cancel = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    controller.current?.abort();
    controller.current = null;
  }, []);
  useEffect(() => cancel, [cancel]);

  const run = useCallback(
    (query: string) => {
      cancel();
      if (query.length === 0) {
        setState(EMPTY);
        return;
      }
      const abort = new AbortController();
      controller.current = abort;
      searchText(text, query, abort.signal).then(
        (matches) => {
          if (abort.signal.aborted) return;
          controller.current = null;
          const from = matches.firstFrom(latest.current.position());
          const current = matches.size === 0 ? -1 : from >= 0 ? from : 0;
          setState((previous) => (previous.query === query ? { query, matches, searchedQuery: query, current, pending: false } : previous));
          const match = matches.at(current);
          if (match) latest.current.reveal(match.start, match.end);
        },
        (error: unknown) => {
          if (error instanceof SearchCancelled || abort.signal.aborted) return;
          console.error('[diptych] find failed', error);
          setState((previous) => (previous.query === query ? { ...previous, pending: false } : previous));
        },
      );
    },
    [cancel, text],
  );

  const setQuery = useCallback(
    (query: string) => {
      cancel();
      setState((previous) => ({ ...previous, query, pending: query.length > 0 }));
      if (query.length === 0) {
        setState(EMPTY);
        return;
      }
      const delay = text.length > LONG_TEXT_CHARS ? LONG_DEBOUNCE_MS : SHORT_DEBOUNCE_MS;
      timer.current = setTimeout(() => {
        timer.current = null;
        run(query);
      }, delay);
    },
    [cancel, run, text.length],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      // Enter before the pause ran out: search now; its first match is the answer.
      if (state.query !== state.searchedQuery || (state.pending && timer.current !== null)) {
        if (timer.current !== null) run(state.query);
        return;
      }
      const { matches } = state;
      if (!matches || matches.size === 0) return;
      const current = wrapIndex(state.current, direction, matches.size);
      setState((previous) => ({ ...previous, current }));
      const match = matches.at(current);
      if (match) latest.current.reveal(match.start, match.end);
    },
    [run, state],
  );

  const next = useCallback(() => step(1), [step]);
  const previous = useCallback(() => step(-1), [step]);
  const reset = useCallback(() => {
    cancel();
    setState(EMPTY);
  }, [cancel]);

  // The last finished search stays drawn while the next one runs, so marks do not blink as the reader types.
  const { matches, current } = state;
  const highlights = useMemo<FindHighlights | null>(() => (matches && matches.size > 0 ? { matches, current } : null), [matches, current]);

  return { state, highlights, setQuery, next, previous, reset };
}
