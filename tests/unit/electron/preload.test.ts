// @vitest-environment node
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiMethods, IPC_PREFIX } from '../../../electron/api/contract';
import { IMPORT_FILES_CHANNEL } from '../../../electron/api/methods';
import type { DiptychBridge } from '../../../electron/api/client';
import { electronModule, fake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

let bridge: DiptychBridge;
let exposedKeys: string[];

beforeAll(async () => {
  fake.reset();
  await import('../../../electron/preload');
  exposedKeys = [...fake.exposed.keys()];
  bridge = fake.exposed.get('diptych') as DiptychBridge;
});

beforeEach(() => {
  electronModule.ipcRenderer.invoke.mockClear();
});

describe('the preload', () => {
  it('exposes only window.diptych, with invoke and the File › Import… subscription', () => {
    expect(exposedKeys).toEqual(['diptych']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onImportFiles']);
    expect(typeof bridge.invoke).toBe('function');
  });

  it('hands the page the files of File › Import…, well-formed ones only, never the IPC event', () => {
    const received: unknown[] = [];
    const unsubscribe = bridge.onImportFiles!((files) => received.push(files));
    const listeners = [...(fake.rendererListeners.get(IMPORT_FILES_CHANNEL) ?? [])];
    expect(listeners).toHaveLength(1);
    const bytes = new Uint8Array([1, 2, 3]);
    listeners[0]!({ sender: 'the IPC event' }, [{ name: 'a.md', size: 3, bytes }, { name: 7, size: 1, bytes }, { name: 'b.txt', size: 1, bytes: 'not bytes' }, null]);
    listeners[0]!({}, 'not a list');
    expect(received).toEqual([[{ name: 'a.md', size: 3, bytes }]]);
    unsubscribe();
    expect(fake.rendererListeners.get(IMPORT_FILES_CHANNEL)?.size).toBe(0);
  });

  it.each(apiMethods)('forwards %s to its diptych: channel', async (method) => {
    const input = { probe: method };
    const result = await bridge.invoke(method, input);
    expect(electronModule.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(`${IPC_PREFIX}${method}`, input);
    expect(result).toEqual({ ok: true, value: { channel: `${IPC_PREFIX}${method}`, input } });
  });

  it.each(['deleteEverything', 'constructor', '__proto__', 'toString', 'diptych:listDocuments', ''])(
    'refuses the unknown method %j without touching IPC',
    async (method) => {
      const result = await bridge.invoke(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
      expect(electronModule.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('refuses a method name that is not a string', async () => {
    const result = await bridge.invoke(42 as unknown as string, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(electronModule.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed IPC call into an internal ApiResult instead of a rejection', async () => {
    electronModule.ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'diptych:listDocuments'"));
    const result = await bridge.invoke('listDocuments', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
