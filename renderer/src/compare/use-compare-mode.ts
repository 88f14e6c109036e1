/**
 * Compare mode's state in the window: whether it is on, the host's answer
 * for the two open documents, the suggestions the reader rejected in this
 * session (hidden at once, before the host confirms), aligned scrolling,
 * and accepting or rejecting a suggestion with a way to undo it.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { CompareSuggestion, PaneSide } from '../../../electron/api/contract';
import type { AnnotationActions } from '../annotations/annotation-actions';
import { api } from '../api';
import { suggestionTargets } from './suggestion-targets';

/** The host's answer for the open pair, or where asking for it is. */
export type CompareResult =
  | { status: 'loading' }
  | { status: 'ready'; suggestions: readonly CompareSuggestion[]; rejected: number; message: string | null }
  | { status: 'nothing'; message: string }
  | { status: 'error'; message: string };

/** "Undo" offered after an accept or a reject. */
export interface CompareToast {
  id: number;
  text: string;
  undo: () => void;
}

/** Moves to the next or previous suggestion (the gutter sets it); false when there is none to move to. */
export type SuggestionStepper = (direction: 1 | -1) => boolean;

/** Options of {@link useCompareMode}. */
export interface CompareModeOptions {
  leftId: string | null;
  rightId: string | null;
  actions: AnnotationActions;
  say: (text: string, tone?: 'info' | 'error') => void;
}

/** Everything compare mode offers the window. */
export interface CompareMode {
  on: boolean;
  /** Both panes show a document, so there is something to compare. */
  available: boolean;
  toggle: () => void;
  aligned: boolean;
  toggleAligned: () => void;
  /** Null while compare is off or a pane is empty. */
  result: CompareResult | null;
  /** Suggestions not rejected in this session (links are left out later, where the annotations are known). */
  suggestions: readonly CompareSuggestion[];
  retry: () => void;
  accept: (suggestion: CompareSuggestion, note: string) => void;
  reject: (suggestion: CompareSuggestion) => void;
  toast: CompareToast | null;
  dismissToast: () => void;
  /** The reading area, which the gutter is drawn over. */
  areaRef: RefObject<HTMLElement | null>;
  /** The gutter registers how to move between its suggestions (null: it is gone). */
  setStepper: (stepper: SuggestionStepper | null) => void;
  requestStep: (step: 1 | -1) => void;
}

function reason(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'the host gave no reason';
}

/** A message for when compare cannot start, or null when it can. */
export function unavailableMessage(open: Record<PaneSide, string | null>): string | null {
  return open.left && open.right ? null : 'Open a document in each pane to compare them.';
}

/** The compare state of the window. */
export function useCompareMode({ leftId, rightId, actions, say }: CompareModeOptions): CompareMode {
  const [on, setOn] = useState(false);
  const [aligned, setAligned] = useState(false);
  const [answer, setAnswer] = useState<{ key: string; result: CompareResult } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [hidden, setHidden] = useState<{ pair: string; ids: ReadonlySet<string> }>({ pair: '', ids: new Set() });
  const [toast, setToast] = useState<CompareToast | null>(null);
  const stepper = useRef<SuggestionStepper | null>(null);
  const areaRef = useRef<HTMLElement | null>(null);
  const available = leftId !== null && rightId !== null;
  const pair = `${leftId ?? ''}\n${rightId ?? ''}`;
  const key = `${pair}\n${attempt}`;

  useEffect(() => {
    if (!on || leftId === null || rightId === null) return undefined;
    let live = true;
    // Until the answer for this key arrives, `result` below reads as loading.
    api.compareDocuments({ leftId, rightId }).then(
      (value) => {
        if (!live) return;
        const result: CompareResult =
          value.status === 'ready'
            ? { status: 'ready', suggestions: value.suggestions, rejected: value.rejected, message: value.message }
            : { status: 'nothing', message: value.message };
        setAnswer({ key, result });
      },
      (error: unknown) => {
        if (live) setAnswer({ key, result: { status: 'error', message: reason(error) } });
      },
    );
    return () => {
      live = false;
    };
  }, [on, leftId, rightId, key]);

  const result = useMemo<CompareResult | null>(() => (on && available ? (answer?.key === key ? answer.result : { status: 'loading' }) : null), [on, available, answer, key]);
  const hiddenIds = hidden.pair === pair ? hidden.ids : null;
  const suggestions = useMemo(() => {
    if (result?.status !== 'ready') return [];
    return hiddenIds ? result.suggestions.filter((s) => !hiddenIds.has(s.id)) : result.suggestions;
  }, [result, hiddenIds]);

  const setHiddenId = useCallback(
    (id: string, hide: boolean) =>
      setHidden((current) => {
        const ids = new Set(current.pair === pair ? current.ids : []);
        if (hide) ids.add(id);
        else ids.delete(id);
        return { pair, ids };
      }),
    [pair],
  );
  const offer = useCallback((text: string, undo: () => void) => setToast((current) => ({ id: (current?.id ?? 0) + 1, text, undo })), []);

  const reject = useCallback(
    (suggestion: CompareSuggestion) => {
      if (leftId === null || rightId === null) return;
      const { id, left, right } = suggestion;
      setHiddenId(id, true);
      api.rejectSuggestion({ leftId, rightId, suggestion: { id, left, right } }).then(
        () => {
          say(`Rejected suggestion ${suggestion.rank}; it will not be suggested again for these two texts.`);
          offer(`Rejected suggestion ${suggestion.rank}.`, () => {
            setHiddenId(id, false);
            api.restoreSuggestion({ leftId, rightId, id }).then(
              () => say(`Suggestion ${suggestion.rank} is back.`),
              (error: unknown) => {
                setHiddenId(id, true);
                say(`Could not bring suggestion ${suggestion.rank} back: ${reason(error)}. It stays rejected; try Undo again.`, 'error');
              },
            );
          });
        },
        (error: unknown) => {
          setHiddenId(id, false);
          say(`Could not reject suggestion ${suggestion.rank}: ${reason(error)}. It is still shown; try again.`, 'error');
        },
      );
    },
    [leftId, rightId, setHiddenId, say, offer],
  );

  const accept = useCallback(
    (suggestion: CompareSuggestion, note: string) => {
      if (leftId === null || rightId === null) return;
      const targets = suggestionTargets(suggestion, leftId, rightId);
      if (!targets.ok) {
        say(`Could not link suggestion ${suggestion.rank}: ${targets.message} Nothing was created.`, 'error');
        return;
      }
      const link = actions.linkPassages(targets.targets, note.trim());
      say(`Linked the passages of suggestion ${suggestion.rank}${note.trim() ? ', with your note' : ''}. ${isMacLike() ? '⌘' : 'Ctrl'}+Z undoes it.`);
      offer(`Linked suggestion ${suggestion.rank}.`, () => actions.remove(link.id));
    },
    [leftId, rightId, actions, say, offer],
  );

  // A toast lasts a while, then goes (Undo stays possible: Ctrl+Z for links, the next Compare for rejections is final).
  useEffect(() => {
    if (!toast) return undefined;
    const timer = setTimeout(() => setToast((current) => (current === toast ? null : current)), 10_000);
    return () => clearTimeout(timer);
  }, [toast]);

  return {
    on,
    available,
    toggle: () => setOn((value) => !value),
    aligned,
    toggleAligned: () => setAligned((value) => !value),
    result,
    suggestions,
    retry: () => setAttempt((n) => n + 1),
    accept,
    reject,
    toast,
    dismissToast: () => setToast(null),
    areaRef,
    setStepper: useCallback((next: SuggestionStepper | null) => {
      stepper.current = next;
    }, []),
    requestStep: (direction: 1 | -1) => {
      if (!stepper.current?.(direction)) say(result?.status === 'ready' ? 'There are no suggestions to move to.' : 'Compare the two texts first (C); then J and K move between the suggestions.');
    },
  };
}

function isMacLike(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
