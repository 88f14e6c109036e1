import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DiptychApi } from '../../../electron/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/content-security-policy';
import { bodyLimitFor, DEFAULT_TIMEOUTS, MAX_BODY_BYTES, MAX_SMALL_BODY_BYTES, NON_PAGE_CSP, startHost, type HostOptions, type RunningHost } from '../../../electron/host/server';
import { LibraryService } from '../../../electron/library/library-service';
import { documentsDir, tempDir } from '../../support/paths';
import { rawExchange, send, statusOf, type Reply } from './raw-http';

let rendererDir: string;
let service: LibraryService;
const hosts: RunningHost[] = [];

beforeAll(async () => {
  rendererDir = await tempDir('diptych-renderer-');
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Diptych</title>');
  await writeFile(join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
  service = await LibraryService.open({ dataDir: await tempDir(), documentsDir, mode: 'browser', version: 'test', backups: false });
});

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function start(options: Partial<HostOptions> = {}): Promise<RunningHost> {
  const host = await startHost({ service, rendererDir, port: 0, ...options });
  hosts.push(host);
  return host;
}

function expectHardened(reply: Reply, kind: 'page' | 'other'): void {
  expect(reply.headers['x-content-type-options']).toBe('nosniff');
  expect(reply.headers['content-security-policy']).toBe(kind === 'page' ? CONTENT_SECURITY_POLICY : NON_PAGE_CSP);
  expect(reply.headers['referrer-policy']).toBe('no-referrer');
}

describe('headers on every answer of the browser-mode host', () => {
  it('sends nosniff and a CSP on pages, assets, API answers and every error; no-store on every API answer', async () => {
    const host = await start();
    const token = { 'X-Diptych-Token': host.token };
    const api = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
      send(host.port, path, { method: 'POST', body: '{}', ...init, headers: { ...token, ...init.headers } });
    const cases: Array<[string, Promise<Reply>, number, 'page' | 'other', boolean]> = [
      ['page', send(host.port, `/?token=${host.token}`), 200, 'page', false],
      ['asset', send(host.port, '/assets/app-1234.js', { headers: token }), 200, 'page', false],
      ['page without token', send(host.port, '/'), 401, 'other', false],
      ['missing file', send(host.port, '/nope.js', { headers: token }), 404, 'other', false],
      ['POST to a page', send(host.port, '/', { method: 'POST', headers: token }), 405, 'other', false],
      ['foreign Host', send(host.port, '/', { headers: { ...token, Host: 'evil.example' } }), 403, 'other', false],
      ['API answer', api('/api/listDocuments'), 200, 'other', true],
      ['API without token', send(host.port, '/api/listDocuments', { method: 'POST', body: '{}' }), 401, 'other', true],
      ['API from another site', api('/api/listDocuments', { headers: { Origin: 'http://evil.example' } }), 403, 'other', true],
      ['API GET', api('/api/listDocuments', { method: 'GET', body: '' }), 405, 'other', true],
      ['API bad JSON', api('/api/listDocuments', { body: '{' }), 400, 'other', true],
      ['API too large', api('/api/listDocuments', { headers: { 'Content-Length': String(MAX_SMALL_BODY_BYTES + 1) }, body: '' }), 413, 'other', true],
    ];
    for (const [label, pending, status, kind, isApi] of cases) {
      const reply = await pending.catch((error: unknown) => ({ status: -1, headers: {}, body: String(error) }) as Reply);
      expect(reply.status, label).toBe(status);
      expectHardened(reply, kind);
      if (isApi) {
        expect(reply.headers['cache-control'], label).toBe('no-store');
        expect(JSON.parse(reply.body), label).toMatchObject(status === 200 ? { ok: true } : { ok: false, error: { message: expect.any(String) } });
      }
    }
  });

  it('answers 500 with the log path when an answer cannot be sent, and keeps serving', async () => {
    const broken = { ...service, getAppInfo: async () => ({ big: 10n }) } as unknown as DiptychApi;
    const seen: string[] = [];
    const host = await start({ service: broken, logFile: '/data/logs/diptych.log', onUnexpected: (_error, where) => seen.push(where) });
    const reply = await send(host.port, '/api/getAppInfo', { method: 'POST', body: '{}', headers: { 'X-Diptych-Token': host.token } });
    expect(reply.status).toBe(500);
    expect(reply.body).toBe('Diptych’s host failed to answer this request. Details were written to /data/logs/diptych.log.');
    expectHardened(reply, 'other');
    expect(seen).toEqual(['/api/getAppInfo']);
    expect((await send(host.port, '/api/listDocuments', { method: 'POST', body: '{}', headers: { 'X-Diptych-Token': host.token } })).status).toBe(200);
  });
});

describe('token, Host and Origin checks', () => {
  it('accepts the token in the header, the cookie or the query, and nothing close to it', async () => {
    const host = await start();
    const list = (headers: Record<string, string>, query = '') => send(host.port, `/api/listDocuments${query}`, { method: 'POST', body: '{}', headers });
    expect((await list({ 'X-Diptych-Token': host.token })).status).toBe(200);
    expect((await list({ Cookie: `other=1; diptych_token=${host.token}` })).status).toBe(200);
    expect((await list({}, `?token=${host.token}`)).status).toBe(200);
    for (const wrong of [host.token.slice(1), `${host.token}x`, host.token.toUpperCase(), '', ' ']) {
      expect((await list({ 'X-Diptych-Token': wrong })).status, JSON.stringify(wrong)).toBe(401);
      expect((await list({ Cookie: `diptych_token=${wrong}` })).status).toBe(401);
    }
    // A malformed cookie is refused, not fatal: the host answers the next request too.
    expect((await list({ Cookie: 'diptych_token=%E0%A4%A' })).status).toBe(401);
    expect((await list({ 'X-Diptych-Token': host.token })).status).toBe(200);
  });

  it('accepts only its own origin, exactly', async () => {
    const host = await start();
    const withOrigin = (origin: string) =>
      send(host.port, '/api/listDocuments', { method: 'POST', body: '{}', headers: { 'X-Diptych-Token': host.token, Origin: origin } });
    for (const ok of [`http://127.0.0.1:${host.port}`, `http://localhost:${host.port}`]) expect((await withOrigin(ok)).status, ok).toBe(200);
    for (const foreign of ['null', `https://127.0.0.1:${host.port}`, `127.0.0.1:${host.port}`, `http://127.0.0.1:${host.port + 1}`, `http://127.0.0.1:${host.port}.evil.example`, 'http://127.0.0.1']) {
      expect((await withOrigin(foreign)).status, foreign).toBe(403);
    }
  });

  it('refuses a request with no Host header, and one naming another port or name', async () => {
    const host = await start();
    const noHost = await rawExchange(host.port, `GET /?token=${host.token} HTTP/1.0\r\n\r\n`);
    expect(statusOf(noHost.received)).toBe(403);
    for (const name of [`127.0.0.1:${host.port}.evil.example`, `localhost.:${host.port}`, `0.0.0.0:${host.port}`, `[::1]:${host.port}`]) {
      expect((await send(host.port, `/?token=${host.token}`, { headers: { Host: name } })).status, name).toBe(403);
    }
  });

  it('answers odd request targets without falling over', async () => {
    const host = await start();
    const exchange = (target: string) =>
      rawExchange(host.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Diptych-Token: ${host.token}\r\nConnection: close\r\n\r\n`);
    // `new URL` throws on these relative to a base; a throw in the request listener would have stopped the host.
    for (const target of ['//', '//[', '//:99999']) expect(statusOf((await exchange(target)).received), target).toBe(404);
    for (const target of ['http://evil.example/', '*']) expect(statusOf((await exchange(target)).received), target).toBe(400);
    expect((await send(host.port, `/?token=${host.token}`)).status).toBe(200);
  });
});

describe('limits', () => {
  it('gives whole texts 420 MB and every other call 32 MB', () => {
    expect(bodyLimitFor('addTextDocument')).toBe(MAX_BODY_BYTES);
    expect(bodyLimitFor('importAnnotations')).toBe(MAX_BODY_BYTES);
    for (const method of ['putAnnotation', 'saveLayout', 'restoreBackup', 'nonsense']) expect(bodyLimitFor(method)).toBe(MAX_SMALL_BODY_BYTES);
  });

  it('refuses a body over the limit as it arrives, even without a declared length', async () => {
    const host = await start();
    const big = `{"layout":"${'x'.repeat(MAX_SMALL_BODY_BYTES)}"}`;
    const reply = await send(host.port, '/api/saveLayout', { method: 'POST', headers: { 'X-Diptych-Token': host.token, 'Transfer-Encoding': 'chunked' }, body: big }).catch(
      (error: NodeJS.ErrnoException) => ({ status: error.code === 'EPIPE' || error.code === 'ECONNRESET' ? 413 : -1, headers: {}, body: '' }) as Reply,
    );
    expect(reply.status).toBe(413);
  });

  it('sets slowloris limits on the server by default', async () => {
    const host = await start();
    expect(host.server.headersTimeout).toBe(DEFAULT_TIMEOUTS.headersMs);
    expect(host.server.requestTimeout).toBe(DEFAULT_TIMEOUTS.requestMs);
    expect(host.server.maxConnections).toBe(64);
  });

  it('drops a client that trickles its headers or its body', async () => {
    const host = await start({ timeouts: { headersMs: 300, requestMs: 600, checkIntervalMs: 100 } });
    const slowHeaders = await rawExchange(host.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Slow: `);
    expect(slowHeaders.closedAfterMs).toBeLessThan(2000);
    expect(statusOf(slowHeaders.received)).toBe(408);
    const slowBody = await rawExchange(
      host.port,
      `POST /api/listDocuments HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Diptych-Token: ${host.token}\r\nContent-Length: 100\r\n\r\n{`,
    );
    expect(slowBody.closedAfterMs).toBeLessThan(3000);
    expect(statusOf(slowBody.received)).toBe(408);
  });
});
