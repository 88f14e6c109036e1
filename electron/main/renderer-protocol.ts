/**
 * Serves the renderer build (dist/renderer) on `app://diptych/`, with the
 * CSP on every response and nothing outside that folder reachable.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-scheme';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { mimeTypeFor } from '../core/mime-types';

export { mimeTypeFor };

/** Where a request URL points inside the renderer folder, or why it points nowhere. */
export type RendererTarget =
  | { kind: 'file'; path: string }
  | { kind: 'bad-request' | 'forbidden' | 'not-found'; reason: string };

/**
 * Maps an `app://diptych/...` URL to a file under `rendererDir`. The URL
 * parser already folds plain `../`, but percent-encoded separators
 * (`..%2F`) only appear after decoding, so containment is checked on the
 * final path rather than trusted to the parser.
 */
export function resolveRendererTarget(rendererDir: string, url: string): RendererTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'bad-request', reason: 'the URL does not parse' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return { kind: 'not-found', reason: 'the URL is not on the Diptych origin' };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'bad-request', reason: 'the path is not valid percent-encoding' };
  }
  if (pathname.includes('\0')) return { kind: 'bad-request', reason: 'the path contains a NUL byte' };
  if (pathname.endsWith('/')) pathname += 'index.html';

  const root = resolve(rendererDir);
  const path = resolve(root, `.${pathname}`);
  const inside = relative(root, path);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return { kind: 'forbidden', reason: 'the path leaves the renderer folder' };
  }
  return { kind: 'file', path };
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    // A rebuilt renderer must show up on reload during development.
    'Cache-Control': 'no-cache',
  };
}

const STATUS_OF = { 'bad-request': 400, forbidden: 403, 'not-found': 404 } as const;

function refusal(status: number, message: string): Response {
  return new Response(message, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The minimum of a fetch `Request` the handler reads; Electron passes a full one. */
export interface RendererRequest {
  url: string;
  method: string;
}

/** Builds the `protocol.handle` callback serving `rendererDir`. Never rejects: failures are HTTP statuses. */
export function createRendererProtocolHandler(rendererDir: string): (request: RendererRequest) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refusal(405, `${request.method} is not supported here.`);
    }
    const target = resolveRendererTarget(rendererDir, request.url);
    if (target.kind !== 'file') return refusal(STATUS_OF[target.kind], `Refused: ${target.reason}.`);
    let body: Buffer;
    try {
      body = await readFile(target.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
        return refusal(404, 'Not found.');
      }
      return refusal(500, 'The file could not be read.');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: securityHeaders(mimeTypeFor(target.path)),
    });
  };
}

/** Serves the renderer build on the app scheme in the default session. Call after `app` is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createRendererProtocolHandler(rendererDir));
}
