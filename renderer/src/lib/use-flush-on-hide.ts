/**
 * Flushes pending saves when the window is hidden, closed or unmounted.
 * `pagehide` alone misses a window that is hidden and then discarded;
 * `visibilitychange` alone misses a reload.
 */
import { useEffect } from 'react';

/** Calls `flush` on hide, on pagehide and on unmount; pass a stable function. */
export function useFlushOnHide(flush: () => void): void {
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);
}
