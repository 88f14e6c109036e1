/**
 * The preload: exposes `window.diptych.invoke` and nothing else. Only the
 * contract's method names reach IPC, on their own `diptych:` channels, so the
 * page cannot use the bridge to talk to any other channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DiptychBridge } from './api/client';
import { API_METHOD_NAMES, IMPORT_FILES_CHANNEL, IPC_PREFIX, type FileForImport } from './api/methods';
import { fail, type ApiResult } from './api/errors';

const knownMethods: ReadonlySet<string> = new Set(API_METHOD_NAMES);

/** Sends one message on an IPC channel and resolves to the main process's answer. */
export type ChannelInvoker = (channel: string, input: unknown) => Promise<unknown>;

/** Subscribes to one event channel from the main process; answers the unsubscribe. */
export type ChannelListener = (channel: string, listener: (payload: unknown) => void) => () => void;

/** Keeps only well-formed files (the main process sent them, but the page gets nothing it does not expect). */
function filesIn(payload: unknown): FileForImport[] {
  if (!Array.isArray(payload)) return [];
  return payload
    .filter(
      (f): f is FileForImport =>
        typeof f === 'object' && f !== null && typeof f.name === 'string' && typeof f.size === 'number' && f.bytes instanceof Uint8Array && (f.error === undefined || typeof f.error === 'string'),
    )
    .map(({ name, size, bytes, error }) => ({ name: name.slice(0, 500), size, bytes, ...(error ? { error: error.slice(0, 1000) } : {}) }));
}

/** Builds the bridge over an invoker; unknown names and transport failures answer as `ApiResult`s. */
export function createDiptychBridge(invokeChannel: ChannelInvoker, listen?: ChannelListener): DiptychBridge {
  return {
    onImportFiles: (listener: (files: FileForImport[]) => void) =>
      listen
        ? listen(IMPORT_FILES_CHANNEL, (payload) => {
            const files = filesIn(payload);
            if (files.length > 0) listener(files);
          })
        : () => {},
    invoke: async (method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
      if (typeof method !== 'string' || !knownMethods.has(method)) {
        const name = typeof method === 'string' ? method.slice(0, 80) : typeof method;
        return fail('unknown-method', `There is no API method called "${name}".`);
      }
      try {
        return (await invokeChannel(IPC_PREFIX + method, input)) as ApiResult<unknown>;
      } catch (error) {
        // Electron keeps only the message of an error thrown across invoke.
        const message = error instanceof Error ? error.message : String(error);
        return fail('internal', `${method} could not reach the main process: ${message}`);
      }
    },
  };
}

contextBridge.exposeInMainWorld(
  'diptych',
  createDiptychBridge(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (channel, listener) => {
      // The page gets the payload only, never the IPC event (which carries the sender).
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => ipcRenderer.removeListener(channel, forward);
    },
  ),
);
