/**
 * Browser mode: a node:http server bound to 127.0.0.1 that serves the
 * renderer build and the API contract (POST /api/<method>, JSON in, an
 * ApiResult out). Thin: every call goes through `dispatch`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DiptychApi } from '../api/contract';
import { dispatch } from '../api/dispatch';
import { fail, type ApiResult } from '../api/errors';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';
import { checkRequest, TOKEN_COOKIE } from './http-guard';
import { readStaticFile } from './static-files';

/** Largest request body: a 200 MB text plus JSON escaping. */
export const MAX_BODY_BYTES = 420 * 1024 * 1024;

export interface HostOptions {
  service: DiptychApi;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
  onUnexpected?: (error: unknown, where: string) => void;
}

export interface RunningHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close: () => Promise<void>;
}

/** A fresh random token for one run. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function sendJson(response: ServerResponse, status: number, body: ApiResult<unknown>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handleApi(request: IncomingMessage, response: ServerResponse, method: string, options: HostOptions): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    sendJson(response, 405, fail('invalid-input', 'API calls are POST requests with a JSON body.'));
    return;
  }
  let input: unknown;
  try {
    const body = await readBody(request);
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      sendJson(response, 413, fail('too-large', `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`));
    } else {
      sendJson(response, 400, fail('invalid-input', 'The request body is not valid JSON.'));
    }
    return;
  }
  const result = await dispatch(options.service, method, input, (error) => options.onUnexpected?.(error, `api/${method}`));
  sendJson(response, 200, result);
}

async function handleStatic(request: IncomingMessage, response: ServerResponse, url: URL, setCookie: string | null, rendererDir: string): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'Only GET is served here.');
    return;
  }
  const file = await readStaticFile(rendererDir, url.pathname);
  if (!file) {
    sendText(response, 404, `Not found: ${url.pathname.slice(0, 200)}`);
    return;
  }
  const headers: Record<string, string | number> = {
    ...SECURITY_HEADERS,
    'Content-Type': file.type,
    'Content-Length': file.body.length,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    // Hashed asset names may be cached; the page itself is always fetched fresh.
    'Cache-Control': url.pathname.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-store',
  };
  if (setCookie) headers['Set-Cookie'] = setCookie;
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

/** Starts the host; rejects with the listen error (EADDRINUSE…) if the port cannot be bound. */
export function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? newToken();
  let port = options.port;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const verdict = checkRequest(request, url, token, port);
    if (!verdict.allowed) {
      if (url.pathname.startsWith('/api/')) sendJson(response, verdict.status, fail('unauthorized', verdict.reason));
      else sendText(response, verdict.status, verdict.reason);
      return;
    }
    const setCookie = verdict.tokenFromQuery ? `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` : null;
    const work = url.pathname.startsWith('/api/')
      ? handleApi(request, response, url.pathname.slice('/api/'.length), options)
      : handleStatic(request, response, url, setCookie, options.rendererDir);
    work.catch((error: unknown) => {
      options.onUnexpected?.(error, url.pathname);
      if (!response.headersSent) sendText(response, 500, 'Diptych’s host failed to answer this request.');
      else response.destroy();
    });
  });
  // Keep-alive sockets would hold close() open for seconds after Ctrl+C.
  server.keepAliveTimeout = 2000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
