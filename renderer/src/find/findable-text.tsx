/**
 * A text view with find: Ctrl+F (⌘F) in the focused pane opens a bar above
 * the text, prefilled with the selection when there is a short one; the
 * matches are drawn over the text, the current one stronger, and brought
 * into view (through the view's jump, so a virtualised 5 MB text scrolls
 * there too). Esc closes the bar and gives the keyboard back.
 *
 * Only text panes mount this; a PDF pane has a find of its own.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { matchFindShortcut } from '../app/shortcuts';
import { TextView, type TextViewHandle, type TextViewProps } from '../reader/text-view';
import { FindBar } from './find-bar';
import { useFind } from './use-find';

/** Longest selection taken as the query when the bar opens. */
const MAX_PREFILL_CHARS = 200;

/** Props of {@link FindableTextView}. */
export type FindableTextViewProps = Omit<TextViewProps, 'find'> & {
  /** Whether this is the workspace's focused pane, the one Ctrl+F finds in. */
  focused: boolean;
  /** The pane's reading position: the first match at or after it becomes current. */
  position: number;
};

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/** A dialog (settings, the palette, a confirmation) owns the keyboard while it is open. */
function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
}

/** A pane's text with its find bar. */
export function FindableTextView({ focused, position, handleRef: outerRef, ...props }: FindableTextViewProps) {
  const viewRef = useRef<TextViewHandle | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const [open, setOpen] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const positionRef = useRef(position);
  useEffect(() => {
    positionRef.current = position;
  }, [position]);

  const handleRef = useCallback(
    (handle: TextViewHandle | null) => {
      viewRef.current = handle;
      assignRef(outerRef, handle);
    },
    [outerRef],
  );

  const getPosition = useCallback(() => positionRef.current, []);
  const reveal = useCallback((start: number, end: number) => viewRef.current?.revealRange(start, end), []);
  const find = useFind({ text: props.text, position: getPosition, reveal });
  const { setQuery } = find;
  const query = find.state.query;

  const openFind = useCallback(() => {
    const active = document.activeElement;
    if (!open && active && active !== document.body && active !== inputRef.current) returnFocus.current = active;
    const selected = viewRef.current?.selectedText() ?? null;
    if (selected && selected.length <= MAX_PREFILL_CHARS && !/[\r\n]/.test(selected) && selected.trim().length > 0 && selected !== query) setQuery(selected);
    setOpen(true);
    setFocusRequest((request) => request + 1);
  }, [open, query, setQuery]);

  useLayoutEffect(() => {
    if (focusRequest === 0) return;
    const input = inputRef.current;
    if (!input) return;
    input.focus();
    input.select();
  }, [focusRequest]);

  const close = useCallback(() => {
    setOpen(false);
    const back = returnFocus.current;
    returnFocus.current = null;
    if (back instanceof HTMLElement && back.isConnected && !back.closest('.find-bar')) back.focus({ preventScroll: true });
    else viewRef.current?.focus(true);
  }, []);

  useEffect(() => {
    if (!focused) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !matchFindShortcut(event) || dialogOpen()) return;
      event.preventDefault();
      openFind();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focused, openFind]);

  return (
    <>
      {open ? (
        <FindBar
          side={props.side}
          title={props.title}
          state={find.state}
          inputRef={inputRef}
          onQueryChange={setQuery}
          onNext={find.next}
          onPrevious={find.previous}
          onClose={close}
        />
      ) : null}
      <TextView {...props} handleRef={handleRef} find={open ? find.highlights : null} />
    </>
  );
}
