/**
 * Who may talk to the browser-mode host: the per-run token (query, header or
 * cookie), a Host header naming our own loopback address (DNS rebinding),
 * and, when a browser sends one, an Origin that is ours.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'diptych_token';
export const TOKEN_HEADER = 'x-diptych-token';

/** Compares secrets in constant time. */
export function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Host values a loopback host on `port` answers to. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** The Origin values a page served by this host sends. */
export function allowedOrigins(port: number): Set<string> {
  return new Set([...allowedHosts(port)].map((host) => `http://${host}`));
}

/** Reads one cookie from the Cookie header. */
export function readCookie(request: IncomingMessage, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed escape is not our cookie; throwing here would take the whole host down.
      return null;
    }
  }
  return null;
}

export type GuardVerdict =
  | { allowed: true; tokenFromQuery: boolean }
  | { allowed: false; status: 401 | 403; reason: string };

/**
 * The request target as a URL, or null when it is not an origin-form path
 * ("/…"). `new URL` throws on targets such as "//" or "//[", and a throw in
 * the request listener would stop the host.
 */
export function requestUrl(target: string | undefined): URL | null {
  if (target === undefined || !target.startsWith('/')) return null;
  try {
    return new URL(`http://127.0.0.1${target}`);
  } catch {
    return null;
  }
}

/** Decides whether a request may be served. */
export function checkRequest(request: IncomingMessage, url: URL, token: string, port: number): GuardVerdict {
  const host = request.headers.host ?? '';
  if (!allowedHosts(port).has(host)) {
    return { allowed: false, status: 403, reason: `Requests must be addressed to 127.0.0.1:${port}; this one named "${host.slice(0, 100)}".` };
  }
  const origin = request.headers.origin;
  // Only our exact origin: "null" (sandboxed frames, file pages), another scheme or a bare host:port are all refused.
  if (origin !== undefined && !allowedOrigins(port).has(origin)) {
    return { allowed: false, status: 403, reason: 'Requests from other web sites are refused.' };
  }
  const queryToken = url.searchParams.get('token');
  if (sameSecret(queryToken, token)) return { allowed: true, tokenFromQuery: true };
  const headerToken = request.headers[TOKEN_HEADER];
  if (typeof headerToken === 'string' && sameSecret(headerToken, token)) return { allowed: true, tokenFromQuery: false };
  if (sameSecret(readCookie(request, TOKEN_COOKIE), token)) return { allowed: true, tokenFromQuery: false };
  return { allowed: false, status: 401, reason: 'This Diptych host needs its token: open the address printed in the terminal (…/?token=…).' };
}
