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
import { BINARY_OUTPUT_HEADER, TEXT_ANSWER_METHODS, TEXT_ANSWER_TYPE } from '../api/http-answer';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';
import { pointToLog } from '../library/log-file';
import { checkRequest, requestUrl, TOKEN_COOKIE } from './http-guard';
import { readStaticFile } from './static-files';

/** Largest request body: a 200 MB text plus JSON escaping, for the methods that carry whole texts. */
export const MAX_BODY_BYTES = 420 * 1024 * 1024;
/** Largest body of every other call: a 1 MB note with worst-case escaping and a hundred passages fit many times over. */
export const MAX_SMALL_BODY_BYTES = 32 * 1024 * 1024;
const LARGE_BODY_METHODS: ReadonlySet<string> = new Set(['addTextDocument', 'importAnnotations', 'importDocument']);

/** The body limit of one API method. */
export function bodyLimitFor(method: string): number {
  return LARGE_BODY_METHODS.has(method) ? MAX_BODY_BYTES : MAX_SMALL_BODY_BYTES;
}

/** The header carrying the rest of a call's input when its body is a file's raw bytes. */
export const BINARY_INPUT_HEADER = 'x-diptych-input';

/**
 * Time limits against clients that open connections and then trickle
 * (slowloris): the headers must arrive within `headersMs`, the whole
 * request within `requestMs`; the server checks every `checkIntervalMs`.
 */
export interface HostTimeouts {
  headersMs: number;
  requestMs: number;
  checkIntervalMs: number;
}

export const DEFAULT_TIMEOUTS: HostTimeouts = { headersMs: 10_000, requestMs: 120_000, checkIntervalMs: 2_000 };
/** One reader's browser opens a handful of connections; more than this is someone else. */
export const MAX_CONNECTIONS = 64;

export interface HostOptions {
  service: DiptychApi;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
  onUnexpected?: (error: unknown, where: string) => void;
  /** The log file unexpected errors are written to; `internal` answers point there. */
  logFile?: string;
  timeouts?: HostTimeouts;
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

/** The CSP of everything that is not a page: nothing in it may load or run, nor may it be framed. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

function sendJson(response: ServerResponse, status: number, body: ApiResult<unknown>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': NON_PAGE_CSP,
  });
  response.end(text);
}

/** An answer as the wire carries it (see http-answer.ts): a file's bytes, a text after a line of JSON, or JSON. */
function sendAnswer(response: ServerResponse, method: string, result: ApiResult<unknown>): void {
  const value = result.ok ? result.value : null;
  if (value && typeof value === 'object' && TEXT_ANSWER_METHODS.has(method) && 'text' in value && typeof value.text === 'string') {
    const { text, ...rest } = value;
    const head = `${JSON.stringify(rest)}\n`;
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': `${TEXT_ANSWER_TYPE}; charset=utf-8`,
      'Content-Length': Buffer.byteLength(head) + Buffer.byteLength(text),
      'Cache-Control': 'no-store',
      'Content-Security-Policy': NON_PAGE_CSP,
    });
    response.write(head);
    response.end(text);
    return;
  }
  if (!value || typeof value !== 'object' || !('bytes' in value) || !(value.bytes instanceof Uint8Array)) {
    sendJson(response, 200, result);
    return;
  }
  const { bytes, ...rest } = value;
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/octet-stream',
    'Content-Length': bytes.byteLength,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': NON_PAGE_CSP,
    [BINARY_OUTPUT_HEADER]: encodeURIComponent(JSON.stringify(rest)),
  });
  response.end(bytes);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': NON_PAGE_CSP,
  });
  response.end(text);
}

class BodyTooLarge extends Error {}

/** A body or input header that cannot be read; its message is the answer. */
class UnreadableInput extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A call's input from its body: JSON, or (for a file) the raw bytes as
 * `bytes` with the other fields as JSON in a header, which spares a
 * 200 MB file from base64 in both processes.
 */
function inputFrom(request: IncomingMessage, body: Buffer): unknown {
  const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/octet-stream') {
    const header = request.headers[BINARY_INPUT_HEADER];
    let rest: unknown = {};
    try {
      if (typeof header === 'string' && header !== '') rest = JSON.parse(decodeURIComponent(header));
    } catch {
      throw new UnreadableInput(`The ${BINARY_INPUT_HEADER} header is not URI-encoded JSON.`);
    }
    if (rest === null || typeof rest !== 'object' || Array.isArray(rest)) throw new UnreadableInput(`The ${BINARY_INPUT_HEADER} header is not a JSON object.`);
    return { ...rest, bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
  }
  const text = body.toString('utf8');
  try {
    return text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new UnreadableInput('The request body is not valid JSON.');
  }
}

async function handleApi(request: IncomingMessage, response: ServerResponse, method: string, options: HostOptions): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    sendJson(response, 405, fail('invalid-input', 'API calls are POST requests with a JSON body.'));
    return;
  }
  const limit = bodyLimitFor(method);
  let input: unknown;
  try {
    input = inputFrom(request, await readBody(request, limit));
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      // The rest of the body is not read: close the connection rather than leave it half-consumed.
      response.setHeader('Connection', 'close');
      sendJson(response, 413, fail('too-large', `The request is larger than ${limit / 1024 / 1024} MB, the limit of ${method.slice(0, 80)}.`));
    } else {
      sendJson(response, 400, fail('invalid-input', error instanceof UnreadableInput ? error.message : 'The request body could not be read.'));
    }
    return;
  }
  const result = await dispatch(options.service, method, input, (error) => options.onUnexpected?.(error, `api/${method}`));
  sendAnswer(response, method, pointToLog(result, options.logFile ?? ''));
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
  // Async, so that anything thrown while judging a request becomes a 500 answer rather than a crash of the host.
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = requestUrl(request.url);
    if (!url) {
      sendText(response, 400, 'The request target is not a path on this host.');
      return;
    }
    const verdict = checkRequest(request, url, token, port);
    if (!verdict.allowed) {
      if (url.pathname.startsWith('/api/')) sendJson(response, verdict.status, fail('unauthorized', verdict.reason));
      else sendText(response, verdict.status, verdict.reason);
      return;
    }
    const setCookie = verdict.tokenFromQuery ? `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` : null;
    if (url.pathname.startsWith('/api/')) await handleApi(request, response, url.pathname.slice('/api/'.length), options);
    else await handleStatic(request, response, url, setCookie, options.rendererDir);
  };
  const server = createServer({ connectionsCheckingInterval: (options.timeouts ?? DEFAULT_TIMEOUTS).checkIntervalMs }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.onUnexpected?.(error, requestUrl(request.url)?.pathname ?? 'a request');
      const where = options.logFile ? ` Details were written to ${options.logFile}.` : '';
      if (!response.headersSent) sendText(response, 500, `Diptych’s host failed to answer this request.${where}`);
      else response.destroy();
    });
  });
  // Keep-alive sockets would hold close() open for seconds after Ctrl+C.
  server.keepAliveTimeout = 2000;
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.maxConnections = MAX_CONNECTIONS;
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
