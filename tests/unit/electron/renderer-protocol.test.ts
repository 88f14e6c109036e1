// @vitest-environment node
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/content-security-policy';
import { createRendererProtocolHandler, mimeTypeFor, serveRenderer } from '../../../electron/main/renderer-protocol';
import { fake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const SECRET = 'the contents of a file outside the renderer folder';
let root: string;
let rendererDir: string;
let handle: ReturnType<typeof createRendererProtocolHandler>;

const get = (url: string, method = 'GET') => handle({ url, method });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'diptych-protocol-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Diptych</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log("hi")');
  await writeFile(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(rendererDir, 'assets', 'font.woff2'), 'wOF2');
  await writeFile(join(root, 'secret.txt'), SECRET);
  handle = createRendererProtocolHandler(rendererDir);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => fake.reset());

describe('the app:// protocol handler', () => {
  it('serves the entry page with the CSP and its MIME type', async () => {
    const response = await get('app://diptych/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Diptych</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the entry page for the bare origin', async () => {
    const response = await get('app://diptych/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Diptych');
  });

  it('gives scripts, styles and fonts their MIME types', async () => {
    expect((await get('app://diptych/assets/index-abc.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://diptych/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('app://diptych/assets/font.woff2')).headers.get('content-type')).toBe('font/woff2');
    expect(mimeTypeFor('pdf.worker.min.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('x.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('x.unknown')).toBe('application/octet-stream');
  });

  it.each([
    'app://diptych/../secret.txt',
    'app://diptych/..%2Fsecret.txt',
    'app://diptych/assets/..%2F..%2Fsecret.txt',
    'app://diptych/%2e%2e%2fsecret.txt',
    'app://diptych/%2E%2E/secret.txt',
    'app://diptych/assets/%2e%2e/%2e%2e/secret.txt',
    'app://diptych/..%5Csecret.txt',
  ])('refuses to leave the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('refuses an absolute path smuggled in as one encoded segment', async () => {
    const response = await get(`app://diptych/${encodeURIComponent(join(root, 'secret.txt'))}`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('answers 403 for an encoded traversal and 400 for broken encoding or NUL', async () => {
    expect((await get('app://diptych/assets/..%2F..%2Fsecret.txt')).status).toBe(403);
    expect((await get('app://diptych/%E0%A4%A')).status).toBe(400);
    expect((await get('app://diptych/index.html%00.js')).status).toBe(400);
  });

  it('answers 404 for missing files, folders and other hosts, still with the CSP', async () => {
    const missing = await get('app://diptych/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await get('app://diptych/assets')).status).toBe(404);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://diptych/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://diptych/index.html', 'POST')).status).toBe(405);
  });

  it('is installed on the app scheme by serveRenderer', async () => {
    serveRenderer(rendererDir);
    const installed = fake.protocolHandlers.get('app');
    expect(installed).toBeDefined();
    expect((await installed!({ url: 'app://diptych/index.html', method: 'GET' })).status).toBe(200);
  });
});
