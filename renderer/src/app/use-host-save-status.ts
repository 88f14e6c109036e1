/**
 * Whether the host has every change on disk, asked for again and again: often
 * while something is wrong, rarely while all is well. When the disk refuses a
 * write the host keeps the change in memory and retries on its own; this hook
 * notices when that has worked and lets the window send its own failed saves
 * again (they failed for the same reason, and nobody should have to click).
 */
import { useEffect, useRef, useState } from 'react';
import type { SaveStatus as HostSaveStatus } from '../../../electron/api/contract';
import { api } from '../api';
import { useLatest } from '../lib/use-latest';
import type { SaveStatus } from './save-queue';

/** How often the host is asked while changes wait (on either side). */
export const FAST_POLL_MS = 2000;
/** How often it is asked while everything is saved: cheap insurance against a failure nobody saw. */
export const SLOW_POLL_MS = 15_000;

/** Options of {@link useHostSaveStatus}. */
export interface HostSaveStatusOptions {
  /** The window's own saving state (the status bar's): an error here makes the polling fast at once. */
  rendererState: SaveStatus['state'];
  /** The host has written what it held in memory: the window's own failed saves should go again. */
  onRecovered: () => void;
  fastMs?: number;
  slowMs?: number;
}

/** The host's last answer; null before the first one. A poll that fails keeps the last answer. */
export function useHostSaveStatus({ rendererState, onRecovered, fastMs = FAST_POLL_MS, slowMs = SLOW_POLL_MS }: HostSaveStatusOptions): HostSaveStatus | null {
  const [status, setStatus] = useState<HostSaveStatus | null>(null);
  const recovered = useLatest(onRecovered);
  const rendererFailed = rendererState === 'error';
  const rendererFailedNow = useLatest(rendererFailed);
  /** The host's state at the previous answer, to see `retrying` turn into `saved`. */
  const previous = useRef<HostSaveStatus['state'] | null>(null);
  /**
   * Whether the window's failed saves were already sent again while the host
   * said `saved`: once per failure, so a save the host refuses for another
   * reason (not the disk) is not sent every two seconds.
   */
  const retriedWhileSaved = useRef(false);

  useEffect(() => {
    if (rendererState === 'saved') retriedWhileSaved.current = false;
  }, [rendererState]);

  const fast = rendererFailed || status?.state === 'retrying';

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    /** Set while the window is hidden: the next poll waits for it to be shown. */
    let paused = false;
    const schedule = () => {
      timer = setTimeout(() => void poll(), fast ? fastMs : slowMs);
    };
    const poll = async () => {
      timer = null;
      // A hidden window asks nobody; it asks again as soon as it is shown.
      if (document.visibilityState === 'hidden') {
        paused = true;
        return;
      }
      let answer: HostSaveStatus | null = null;
      try {
        answer = await api.getSaveStatus({});
      } catch {
        // The host did not answer: the status bar already says what failed; ask again later.
      }
      if (!live) return;
      if (answer) {
        const before = previous.current;
        previous.current = answer.state;
        setStatus((current) => (current && sameStatus(current, answer) ? current : answer));
        if (answer.state === 'saved') {
          if (before === 'retrying') {
            retriedWhileSaved.current = rendererFailedNow.current;
            recovered.current();
          } else if (rendererFailedNow.current && !retriedWhileSaved.current) {
            // The host recovered between two polls (or the window's save failed for a reason the host forgot): one more try.
            retriedWhileSaved.current = true;
            recovered.current();
          }
        }
      }
      schedule();
    };
    const onVisibility = () => {
      if (document.visibilityState !== 'visible' || !paused || !live) return;
      paused = false;
      void poll();
    };
    // Asks at once: at the start, when the window's own save has just failed, and when the pace changes.
    void poll();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [fast, fastMs, slowMs, recovered, rendererFailedNow]);

  return status;
}

function sameStatus(a: HostSaveStatus, b: HostSaveStatus): boolean {
  return a.state === b.state && a.pendingChanges === b.pendingChanges && a.lastError === b.lastError && a.since === b.since;
}
