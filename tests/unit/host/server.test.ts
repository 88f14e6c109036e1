import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/content-security-policy';
import { parseTextAnswer, readApiAnswer, TEXT_ANSWER_TYPE } from '../../../electron/api/http-answer';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { LibraryService } from '../../../electron/library/library-service';
import { BUNDLED_DOCUMENTS, documentsDir, tempDir } from '../../support/paths';
import { send } from './raw-http';

let host: RunningHost;
let rendererDir: string;

beforeEach(async () => {
  const dataDir = await tempDir();
  rendererDir = await tempDir('diptych-renderer-');
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Diptych</title>');
  await writeFile(join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
  const service = await LibraryService.open({ dataDir, documentsDir, mode: 'browser', version: 'test' });
  host = await startHost({ service, rendererDir, port: 0 });
});

afterEach(async () => {
  await host.close();
});

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(host.port, `/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Diptych-Token': host.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only and prints a tokened URL', () => {
    const address = host.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses requests without the token with 401, for pages and API alike', async () => {
    expect((await send(host.port, '/')).status).toBe(401);
    const apiReply = await send(host.port, '/api/listDocuments', { method: 'POST', body: '{}' });
    expect(apiReply.status).toBe(401);
    expect(JSON.parse(apiReply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await send(host.port, '/?token=wrong')).status).toBe(401);
  });

  it('sets an HttpOnly SameSite=Strict cookie from the URL token, which then authorises what follows', async () => {
    const page = await send(host.port, `/?token=${host.token}`);
    expect(page.status).toBe(200);
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const asset = await send(host.port, '/assets/app-1234.js', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('refuses a Host header other than its own address with 403 (DNS rebinding)', async () => {
    for (const hostHeader of ['evil.example:80', `attacker.test:${host.port}`, `127.0.0.1:${host.port + 1}`]) {
      const reply = await send(host.port, `/?token=${host.token}`, { headers: { Host: hostHeader } });
      expect(reply.status).toBe(403);
    }
    expect((await send(host.port, `/?token=${host.token}`, { headers: { Host: `localhost:${host.port}` } })).status).toBe(200);
  });

  it('refuses a foreign Origin with 403 even with the token', async () => {
    const reply = await api('listDocuments', {}, { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect((await api('listDocuments', {}, { Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('serves pages with a CSP that blocks inline script, nosniff, and no-store', async () => {
    const page = await send(host.port, `/?token=${host.token}`);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('answers API calls as ApiResult JSON with no-store and nosniff', async () => {
    const reply = await api('listDocuments', {});
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    const result = JSON.parse(reply.body);
    expect(result.ok).toBe(true);
    expect(result.value).toHaveLength(BUNDLED_DOCUMENTS);
  });

  it('answers bad calls with specific errors', async () => {
    expect(JSON.parse((await api('getDocumentText', { id: 'nope' })).body)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no document "nope" in the library.' },
    });
    const badJson = await api('listDocuments', '{not json');
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).error.message).toBe('The request body is not valid JSON.');
    expect(JSON.parse((await api('dropTables', {})).body).error.code).toBe('unknown-method');
    expect(JSON.parse((await api('getDocumentText', { id: ['a'] })).body).error.code).toBe('invalid-input');
    const get = await send(host.port, '/api/listDocuments', { headers: { 'X-Diptych-Token': host.token } });
    expect(get.status).toBe(405);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2findex.html%00', '/..%5c..%5cpackage.json']) {
      const reply = await send(host.port, path, { headers: { 'X-Diptych-Token': host.token } });
      expect([400, 404]).toContain(reply.status);
    }
  });

  it('refuses a second host on a port that is taken', async () => {
    const service = await LibraryService.open({ dataDir: await tempDir(), documentsDir, mode: 'browser', version: 'test' });
    await expect(startHost({ service, rendererDir, port: host.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

describe('files sent as raw bytes', () => {
  it('imports a file whose bytes are the body and whose other fields are in the input header', async () => {
    const bytes = Buffer.from('# Binary upload\n\nThe body carries the file byte for byte: é.\n', 'utf8');
    const reply = await send(host.port, '/api/importDocument', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-Diptych-Token': host.token, 'X-Diptych-Input': encodeURIComponent(JSON.stringify({ fileName: 'upload.md' })) },
      body: bytes,
    });
    const answer = JSON.parse(reply.body);
    expect(answer.ok).toBe(true);
    expect(answer.value).toMatchObject({ status: 'imported', document: { title: 'Binary upload', kind: 'markdown' } });
  });

  it('answers a malformed input header with a specific error', async () => {
    const reply = await send(host.port, '/api/importDocument', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-Diptych-Token': host.token, 'X-Diptych-Input': '%7Bnot json' },
      body: Buffer.from('x'),
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.message).toContain('x-diptych-input header is not URI-encoded JSON');
  });
});

describe('texts answered as UTF-8 after a line of fields', () => {
  it('sends a document text unescaped, the other fields first, and reads back as the same answer', async () => {
    const call = () =>
      fetch(`http://127.0.0.1:${host.port}/api/getDocumentText`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Diptych-Token': host.token },
        body: JSON.stringify({ id: 'soviet-overtures-1939' }),
      });
    const reply = await call();
    expect(reply.headers.get('content-type')).toBe(`${TEXT_ANSWER_TYPE}; charset=utf-8`);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await reply.text();
    // The bundled file, as the library reads it (UTF-8).
    const text = await readFile(join(documentsDir, '000_f1b498f6176dc71c.txt'), 'utf8');
    expect(body).toBe(`${JSON.stringify({ id: 'soviet-overtures-1939' })}\n${text}`);
    expect(Number(reply.headers.get('content-length'))).toBe(Buffer.byteLength(body));
    expect(await readApiAnswer(await call())).toEqual({ ok: true, value: { id: 'soviet-overtures-1939', text } });
  });

  it('reads a text whose own lines and characters look like JSON, and refuses a body without its line of fields', () => {
    const text = '\n{"id":"not this"}\n“quoted” — 漢字 \u2028 end\n';
    expect(parseTextAnswer(`{"id":"a","pages":[{"start":0}]}\n${text}`)).toEqual({ id: 'a', pages: [{ start: 0 }], text });
    expect(() => parseTextAnswer('no fields here')).toThrow('no line of fields');
    expect(() => parseTextAnswer('[1,2]\ntext')).toThrow('not a JSON object');
  });

  it('still answers a refusal as JSON', async () => {
    const reply = await fetch(`http://127.0.0.1:${host.port}/api/getDocumentText`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Diptych-Token': host.token },
      body: JSON.stringify({ id: 'no-such-document' }),
    });
    expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await readApiAnswer(reply)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('files answered as raw bytes', () => {
  it('sends a document file as its bytes with the other fields in the output header', async () => {
    const reply = await fetch(`http://127.0.0.1:${host.port}/api/getDocumentFile`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Diptych-Token': host.token },
      body: JSON.stringify({ id: 'chronology-1939' }),
    });
    expect(reply.headers.get('content-type')).toBe('application/octet-stream');
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(decodeURIComponent(reply.headers.get('x-diptych-output')!))).toEqual({ id: 'chronology-1939', mediaType: 'application/pdf', fileName: 'chronology-1939.pdf' });
    const bytes = new Uint8Array(await reply.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(bytes).toEqual(new Uint8Array(await readFile(join(documentsDir, 'chronology-1939.pdf'))));
  });
});
