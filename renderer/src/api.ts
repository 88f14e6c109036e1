/**
 * The renderer's only way out: the typed API client over IPC (Electron,
 * through the preload's `window.diptych`) or HTTP (browser mode).
 */
import { createApiClient, type DiptychBridge, type Transport } from '../../electron/api/client';
import type { ApiMethod, DiptychApi } from '../../electron/api/contract';
import type { ApiResult } from '../../electron/api/errors';

declare global {
  interface Window {
    diptych?: DiptychBridge;
  }
}

/** The per-run token from the URL the host printed; the host also sets it as an HttpOnly cookie. */
function tokenFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get('token');
}

function httpTransport(): Transport {
  const token = tokenFromUrl();
  return async (method: ApiMethod, input: unknown): Promise<ApiResult<unknown>> => {
    let response: Response;
    try {
      response = await fetch(`api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Diptych-Token': token } : {}) },
        credentials: 'same-origin',
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Diptych’s host is not answering. Is the terminal running “npm run web” still open?' } };
    }
    try {
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `The host answered ${response.status} ${response.statusText} without a readable body.` } };
    }
  };
}

function ipcTransport(bridge: DiptychBridge): Transport {
  return (method, input) => bridge.invoke(method, input);
}

/** The API for this window, whichever host serves it. */
export const api: DiptychApi = createApiClient(window.diptych ? ipcTransport(window.diptych) : httpTransport());
