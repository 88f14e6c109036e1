// @vitest-environment node
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiMethods, IPC_PREFIX } from '../../../electron/api/contract';
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
  it('exposes only window.diptych, with only invoke', () => {
    expect(exposedKeys).toEqual(['diptych']);
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(typeof bridge.invoke).toBe('function');
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
