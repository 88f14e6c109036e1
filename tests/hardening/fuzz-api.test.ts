/**
 * Fuzzes every API method, through `dispatch` as the IPC handlers call it
 * and over HTTP to a real in-process host, with random and malformed
 * arguments. Whatever arrives, the answer is an ApiResult with a clear
 * message (never an `internal` one), nothing is polluted, and no file
 * outside the data folder, the documents folder (and, over HTTP, the
 * renderer folder) is read or written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMethods, apiSchemas, type ApiMethod } from '../../electron/api/contract';
import { dispatch } from '../../electron/api/dispatch';
import type { ApiErrorCode, ApiResult } from '../../electron/api/errors';
import { startHost, type RunningHost } from '../../electron/host/server';
import { LibraryService } from '../../electron/library/library-service';
import { documentsDir, tempDir } from '../support/paths';
import { workerCompareEngine } from '../support/compare-engine';
import { FsRecorder } from './support/fs-recorder';
import { argumentFor, nastyValue, validCalls } from './support/nasty-values';
import { readApiAnswer } from '../../electron/api/http-answer';

const RUNS_PER_METHOD = Number(process.env.DIPTYCH_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.DIPTYCH_FUZZ_SEED ?? 20261125);
const EXPECTED_CODES: readonly ApiErrorCode[] = ['invalid-input', 'unknown-method', 'not-found', 'too-large', 'storage', 'unauthorized'];

const recorder = new FsRecorder();
const unexpected: Array<{ where: string; error: unknown }> = [];
const prototypeKeys = {
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  function: Object.getOwnPropertyNames(Function.prototype).sort(),
};
let dataDir: string;
let rendererDir: string;
const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
let service: LibraryService;
let host: RunningHost;

beforeAll(async () => {
  dataDir = await tempDir('diptych-fuzz-data-');
  rendererDir = await tempDir('diptych-fuzz-renderer-');
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Diptych</title>');
  service = await LibraryService.open({ dataDir, documentsDir, mode: 'browser', version: 'fuzz', log: () => {}, compareEngine: await workerCompareEngine() });
  host = await startHost({ service, rendererDir, port: 0, logFile: service.logger.file, onUnexpected: (error, where) => unexpected.push({ where, error }) });
  recorder.install();
});

afterAll(async () => {
  recorder.restore();
  await host?.close();
  await service?.close();
});

/** The checks every answer must pass, whatever was sent. */
function checkAnswer(method: string, sent: unknown, result: ApiResult<unknown>): void {
  const context = `${method} with ${safeDescribe(sent)}`;
  expect(result, context).toBeTypeOf('object');
  if (result.ok) {
    expect(apiSchemas[method as ApiMethod].output.safeParse(result.value).success, context).toBe(true);
    return;
  }
  expect(EXPECTED_CODES, `${context}: ${result.error.code} ${result.error.message}`).toContain(result.error.code);
  const { message } = result.error;
  expect(message, context).toMatch(/^\S.*\S$/s);
  expect(message.length, context).toBeLessThan(2000);
  // Zod's "received undefined" names a missing field and is fine; a stringified object, a JS error or a stack is not.
  expect(message, context).not.toMatch(/\[object Object\]|TypeError|RangeError|Cannot read propert|is not a function|\n\s+at /);
}

function safeDescribe(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

async function postApi(method: string, body: string): Promise<{ status: number; result: ApiResult<unknown> }> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Diptych-Token': host.token },
    body,
  });
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('cache-control')).toBe('no-store');
  // A file comes back as its bytes (the answer's other fields in a header), a text as UTF-8 after a line of JSON.
  if (response.headers.get('x-diptych-output') !== null) expect(response.headers.get('content-type')).toBe('application/octet-stream');
  return { status: response.status, result: await readApiAnswer(response) };
}

function expectUnpolluted(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys.object);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(prototypeKeys.array);
  expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(prototypeKeys.function);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

async function recorded<T>(work: () => Promise<T>): Promise<T> {
  recorder.recording = true;
  try {
    return await work();
  } finally {
    recorder.recording = false;
  }
}

describe('the API under fuzzing', () => {
  it.each(apiMethods)('answers every argument to %s through dispatch (IPC) with a clear ApiResult', async (method) => {
    const calls = validCalls();
    await recorded(() =>
      fc.assert(
        fc.asyncProperty(argumentFor(method, calls), async (input) => {
          const result = await dispatch(service, method, input, (error) => unexpected.push({ where: method, error }));
          checkAnswer(method, input, result);
        }),
        { numRuns: RUNS_PER_METHOD, seed: SEED },
      ),
    );
    expect(unexpected).toEqual([]);
    expectUnpolluted();
  });

  it.each(apiMethods)('answers every JSON body to %s over HTTP with a clear ApiResult', async (method) => {
    const calls = validCalls();
    const body = fc.oneof(
      { arbitrary: argumentFor(method, calls).map((input) => safeJson(input)), weight: 6 },
      { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 1 },
      { arbitrary: fc.constantFrom('', '{', 'null', '[]', '"x"', '{"__proto__":{"polluted":1}}', '\u0000', '{"a":1}{"b":2}', '\uFEFF{}'), weight: 1 },
    );
    await recorded(() =>
      fc.assert(
        fc.asyncProperty(body, async (text) => {
          const { status, result } = await postApi(method, text);
          expect([200, 400], `${method} ${text.slice(0, 200)}`).toContain(status);
          checkAnswer(method, text, result);
        }),
        { numRuns: RUNS_PER_METHOD, seed: SEED },
      ),
    );
    expect(unexpected).toEqual([]);
    expectUnpolluted();
  });

  it('answers unknown, odd and path-like method names over HTTP without reaching the file system', async () => {
    const name = fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), nastyValue.filter((v): v is string => typeof v === 'string' && v.length < 200));
    await recorded(() =>
      fc.assert(
        fc.asyncProperty(name, async (raw) => {
          // A lone surrogate cannot be percent-encoded; the replacement character stands in for it.
          const path = `/api/${encodeURIComponent(raw.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}`;
          const response = await fetch(`http://127.0.0.1:${host.port}${path}`, { method: 'POST', headers: { 'X-Diptych-Token': host.token }, body: '{}' });
          const result = (await response.json()) as ApiResult<unknown>;
          if (!(apiMethods as readonly string[]).includes(raw)) expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
        }),
        { numRuns: RUNS_PER_METHOD, seed: SEED },
      ),
    );
    expectUnpolluted();
  });

  it('serves no file outside the renderer folder, whatever the path', async () => {
    const segment = fc.oneof(fc.constantFrom('..', '%2e%2e', '%2E%2E%2F', '..%5c', '%00', 'etc', 'passwd', '.', '', 'index.html', '%252e%252e'), fc.string({ unit: 'grapheme-ascii', maxLength: 10 }));
    await recorded(() =>
      fc.assert(
        fc.asyncProperty(fc.array(segment, { maxLength: 8 }), async (segments) => {
          const path = `/${segments.map((s) => s.replace(/[?#]/g, '')).join('/')}`;
          const response = await fetch(`http://127.0.0.1:${host.port}${path}`, { headers: { 'X-Diptych-Token': host.token } }).catch(() => null);
          if (response) expect([200, 400, 404], path).toContain(response.status);
        }),
        { numRuns: RUNS_PER_METHOD, seed: SEED },
      ),
    );
  });

  it('touched only the data, documents and renderer folders, and really watched the file system', () => {
    // pdf.js reads its own font files (part of the app, like its code) to extract a PDF's text.
    const outside = recorder.outside([dataDir, documentsDir, rendererDir, pdfjsDir]);
    expect(outside.slice(0, 20)).toEqual([]);
    // The recorder saw the library at work: writes of annotation files and reads of the bundled texts.
    expect(recorder.touches.some((t) => t.path.startsWith(join(dataDir, 'annotations')) && t.call.includes('open'))).toBe(true);
    expect(recorder.touches.some((t) => t.path.startsWith(documentsDir))).toBe(true);
    // HTTP paths are normalised before they reach a handler; the renderer folder was read only for index.html.
    expect(recorder.touches.filter((t) => t.path.startsWith(rendererDir)).every((t) => !t.call.includes('write'))).toBe(true);
  });

  it('is still up and answering after all that', async () => {
    const { status, result } = await postApi('getAppInfo', '{}');
    expect(status).toBe(200);
    expect(result.ok).toBe(true);
  });
});

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) ?? 'null';
  } catch {
    return '{"unserialisable":true}';
  }
}
