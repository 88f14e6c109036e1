/**
 * Saving the layout and the settings through the API: debounced, ordered,
 * flushed when the window is hidden or closed, and observable for the
 * status bar.
 */
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type { Layout, Settings } from '../../../electron/api/contract';
import { api } from '../api';
import { combineStatus, SaveQueue, type SaveStatus } from './save-queue';
import { useFlushOnHide } from '../lib/use-flush-on-hide';

/** Quiet time before a layout change is saved: scrolling produces many. */
export const LAYOUT_SAVE_DELAY_MS = 400;
/** Quiet time before settings are saved: typing "24" passes through "2". */
export const SETTINGS_SAVE_DELAY_MS = 300;

/** The two save channels (stable functions) and their combined status. */
export interface Persistence {
  saveLayout: (layout: Layout) => void;
  saveSettings: (settings: Settings) => void;
  status: SaveStatus;
  /** Sends again whatever failed to save. */
  retry: () => void;
}

function useQueueStatus<T>(queue: SaveQueue<T>): SaveStatus {
  const subscribe = useMemo(() => (listener: () => void) => queue.subscribe(listener), [queue]);
  return useSyncExternalStore(subscribe, () => queue.status());
}

/** Creates the save queues for this window and flushes them when it goes away. */
export function usePersistence(): Persistence {
  const [queues] = useState(() => ({
    layout: new SaveQueue<Layout>({ send: (layout) => api.saveLayout({ layout }), delayMs: LAYOUT_SAVE_DELAY_MS }),
    settings: new SaveQueue<Settings>({ send: (settings) => api.saveSettings({ settings }), delayMs: SETTINGS_SAVE_DELAY_MS }),
  }));

  useFlushOnHide(
    useCallback(() => {
      queues.layout.flush();
      queues.settings.flush();
    }, [queues]),
  );

  const layoutStatus = useQueueStatus(queues.layout);
  const settingsStatus = useQueueStatus(queues.settings);
  const status = useMemo(() => combineStatus([layoutStatus, settingsStatus]), [layoutStatus, settingsStatus]);

  const actions = useMemo(
    () => ({
      saveLayout: (layout: Layout) => queues.layout.schedule(layout),
      saveSettings: (settings: Settings) => queues.settings.schedule(settings),
      retry: () => {
        queues.layout.retry();
        queues.settings.retry();
      },
    }),
    [queues],
  );
  return { ...actions, status };
}
