/**
 * The preload: exposes `window.diptych.invoke` and nothing else. Only the
 * contract's method names reach IPC, on their own `diptych:` channels, so the
 * page cannot use the bridge to talk to any other channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DiptychBridge } from './api/client';
import { API_METHOD_NAMES, IPC_PREFIX } from './api/methods';
import { fail, type ApiResult } from './api/errors';

const knownMethods: ReadonlySet<string> = new Set(API_METHOD_NAMES);

/** Sends one message on an IPC channel and resolves to the main process's answer. */
export type ChannelInvoker = (channel: string, input: unknown) => Promise<unknown>;

/** Builds the bridge over an invoker; unknown names and transport failures answer as `ApiResult`s. */
export function createDiptychBridge(invokeChannel: ChannelInvoker): DiptychBridge {
  return {
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
  createDiptychBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
