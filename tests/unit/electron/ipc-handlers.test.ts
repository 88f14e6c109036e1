// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiMethods, IPC_PREFIX } from '../../../electron/api/contract';
import type { ApiResult } from '../../../electron/api/errors';
import { LibraryService } from '../../../electron/library/library-service';
import { isTrustedSender, registerApiHandlers } from '../../../electron/main/ipc-handlers';
import { fake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const DOCUMENTS_DIR = join(import.meta.dirname, '../../../documents');
const fromApp = { senderFrame: { url: 'app://diptych/index.html' } };

let dataDir: string;
let service: LibraryService;
const unexpected = vi.fn();

function call(method: string, input: unknown, event: unknown = fromApp): Promise<ApiResult<unknown>> {
  const handler = fake.ipcHandlers.get(IPC_PREFIX + method);
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler(event, input) as Promise<ApiResult<unknown>>;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'diptych-ipc-'));
  service = await LibraryService.open({ dataDir, documentsDir: DOCUMENTS_DIR, mode: 'electron', version: '0.1.0-test' });
});

afterAll(async () => {
  await service.close();
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  fake.reset();
  registerApiHandlers(service, unexpected);
});

describe('IPC handlers', () => {
  it('registers exactly one diptych: channel per API method', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(apiMethods.map((m) => `${IPC_PREFIX}${m}`).sort());
  });

  it.each(apiMethods)('answers invalid-input to a malformed call of %s', async (method) => {
    const result = await call(method, { notAField: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers invalid-input for a wrong type and never throws', async () => {
    await expect(call('getDocumentText', { id: 42 })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await expect(call('saveSettings', 'not an object')).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await expect(call('getDocumentText', { id: '../../etc/passwd' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('serves the real library to the app window', async () => {
    const list = await call('listDocuments', {});
    expect(list.ok).toBe(true);
    const ids = (list as { ok: true; value: Array<{ id: string }> }).value.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['soviet-overtures-1939', 'londons-dilemma-1939']));
    const text = await call('getDocumentText', { id: 'soviet-overtures-1939' });
    expect(text).toMatchObject({ ok: true, value: { id: 'soviet-overtures-1939' } });
    await expect(call('getDocumentText', { id: 'no-such-doc' })).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(unexpected).not.toHaveBeenCalled();
  });

  it.each([
    ['a foreign origin', { senderFrame: { url: 'https://evil.example/' } }],
    ['a file page', { senderFrame: { url: 'file:///tmp/index.html' } }],
    ['a look-alike host', { senderFrame: { url: 'app://diptych.evil/index.html' } }],
    ['a destroyed frame', { senderFrame: null }],
    ['no frame at all', {}],
  ])('refuses a call from %s', async (_label, event) => {
    const result = await call('listDocuments', {}, event);
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('does not run the method for a refused caller', async () => {
    const before = (await call('getSession', {})) as { ok: true; value: { settings: { fontSize: number } } };
    const settings = { ...before.value.settings, fontSize: before.value.settings.fontSize === 20 ? 21 : 20 };
    await call('saveSettings', { settings }, { senderFrame: { url: 'https://evil.example/' } });
    const after = (await call('getSession', {})) as { ok: true; value: { settings: { fontSize: number } } };
    expect(after.value.settings.fontSize).toBe(before.value.settings.fontSize);
  });

  it('answers a bug as internal and says where the details were logged', async () => {
    const broken = { ...service, getAppInfo: async () => Promise.reject(new TypeError('notices is undefined')) } as unknown as LibraryService;
    fake.reset();
    registerApiHandlers(broken, unexpected, '/data/logs/diptych.log');
    expect(await call('getAppInfo', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'getAppInfo failed unexpectedly: notices is undefined. Details were written to /data/logs/diptych.log.' },
    });
    expect(unexpected).toHaveBeenCalledWith(expect.any(TypeError), 'getAppInfo');
  });

  it('treats a frame whose URL getter throws as untrusted', () => {
    const event = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed');
      },
    };
    expect(isTrustedSender(event as never)).toBe(false);
  });
});
