/**
 * The renderer's only way out: the typed API client over IPC (Electron,
 * through the preload's `window.diptych`) or HTTP (browser mode).
 */
import { createApiClient, type DiptychBridge, type Transport } from '../../electron/api/client';
import type { ApiMethod, DiptychApi } from '../../electron/api/contract';
import type { ApiResult } from '../../electron/api/errors';
import { readApiAnswer } from '../../electron/api/http-answer';

declare global {
  interface Window {
    diptych?: DiptychBridge;
  }
}

/** The per-run token from the URL the host printed; the host also sets it as an HttpOnly cookie. */
function tokenFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get('token');
}

/**
 * The body of an API call: JSON, or for a file the raw bytes with the other
 * fields in a header (base64 would make a 200 MB file 267 MB, twice).
 */
function requestBody(input: unknown, token: string | null): { headers: Record<string, string>; body: BodyInit } {
  const auth: Record<string, string> = token ? { 'X-Diptych-Token': token } : {};
  if (input !== null && typeof input === 'object' && 'bytes' in input && input.bytes instanceof Uint8Array) {
    const { bytes, ...rest } = input;
    return {
      headers: { 'Content-Type': 'application/octet-stream', 'X-Diptych-Input': encodeURIComponent(JSON.stringify(rest)), ...auth },
      body: bytes as Uint8Array<ArrayBuffer>,
    };
  }
  return { headers: { 'Content-Type': 'application/json', ...auth }, body: JSON.stringify(input ?? {}) };
}

function httpTransport(): Transport {
  const token = tokenFromUrl();
  return async (method: ApiMethod, input: unknown): Promise<ApiResult<unknown>> => {
    let response: Response;
    try {
      response = await fetch(`api/${method}`, { method: 'POST', credentials: 'same-origin', ...requestBody(input, token) });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Diptych’s host is not answering. Is the terminal running “npm run web” still open?' } };
    }
    try {
      // A file comes as its raw bytes and a text as UTF-8, not as JSON (see http-answer.ts).
      return await readApiAnswer(response);
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
