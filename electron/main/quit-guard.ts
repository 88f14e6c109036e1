/**
 * Holds the first quit until the library has written its last change, so
 * closing the window never loses a save that was still in flight.
 */
import { app } from 'electron';

/** Runs `flush` once on the first `before-quit`, then lets the quit go ahead whether or not it succeeded. */
export function flushBeforeQuit(flush: () => Promise<void>, onError: (error: unknown) => void): void {
  let state: 'open' | 'flushing' | 'flushed' = 'open';
  app.on('before-quit', (event) => {
    if (state === 'flushed') return;
    event.preventDefault();
    if (state === 'flushing') return;
    state = 'flushing';
    flush()
      .catch(onError)
      .finally(() => {
        state = 'flushed';
        app.quit();
      });
  });
}
