/**
 * The "latest value" ref: lets stable callbacks (scroll handlers, timers)
 * read the newest props without being recreated on every render.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

/** A ref that always holds the value from the latest committed render. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  // Updated after commit rather than during render, so an abandoned render never leaks into it.
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
