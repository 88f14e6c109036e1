import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../electron/api/client';
import { apiMethods, type DiptychApi } from '../../../electron/api/contract';
import { dispatch } from '../../../electron/api/dispatch';
import { ApiError } from '../../../electron/api/errors';

function fakeService(overrides: Partial<DiptychApi> = {}): DiptychApi {
  const service = {} as Record<string, unknown>;
  for (const m of apiMethods) service[m] = vi.fn(async () => null);
  return Object.assign(service, overrides) as unknown as DiptychApi;
}

describe('dispatch', () => {
  it('refuses an unknown method by name', async () => {
    expect(await dispatch(fakeService(), 'deleteEverything', {})).toEqual({
      ok: false,
      error: { code: 'unknown-method', message: 'There is no API method called "deleteEverything".' },
    });
  });

  it('refuses a malformed call before the service sees it, naming the field', async () => {
    const service = fakeService();
    const result = await dispatch(service, 'getDocumentText', { id: 42 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toMatch(/^Bad call to getDocumentText: id:/);
    }
    expect(service.getDocumentText).not.toHaveBeenCalled();
  });

  it('refuses extra keys, so a typo in a field name is not silently ignored', async () => {
    const result = await dispatch(fakeService(), 'listDocuments', { surprise: true });
    expect(result.ok).toBe(false);
  });

  it('refuses settings out of range', async () => {
    const result = await dispatch(fakeService(), 'saveSettings', { settings: { theme: 'light', fontSize: 400, fontFamily: 'serif', lineWidth: 66 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('turns an expected failure into a value and an unexpected one into an internal error it reports', async () => {
    const onUnexpected = vi.fn();
    const service = fakeService({
      getDocumentText: async () => {
        throw new ApiError('not-found', 'There is no document "x" in the library.');
      },
      listDocuments: async () => {
        throw new TypeError('boom');
      },
    });
    expect(await dispatch(service, 'getDocumentText', { id: 'x' }, onUnexpected)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no document "x" in the library.' },
    });
    expect(onUnexpected).not.toHaveBeenCalled();
    expect(await dispatch(service, 'listDocuments', {}, onUnexpected)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(onUnexpected).toHaveBeenCalledOnce();
  });
});

describe('createApiClient', () => {
  it('validates answers and throws the host’s error message', async () => {
    const client = createApiClient(async (method) =>
      method === 'listDocuments' ? { ok: true, value: [{ id: 'only-an-id' }] } : { ok: false, error: { code: 'not-found', message: 'gone' } },
    );
    await expect(client.listDocuments({})).rejects.toThrow(/did not have the expected shape/);
    await expect(client.getDocumentText({ id: 'a' })).rejects.toThrow('gone');
  });

  it('checks bulk annotation answers for their shape, refusing an item without an id', async () => {
    const good = {
      id: 'urn:uuid:0b5d6d1e-8f0a-4a52-9d3c-8d1f1c6f1a11',
      type: 'Annotation',
      motivation: 'highlighting',
      created: '2026-11-25T10:00:00.000Z',
      modified: '2026-11-25T10:00:00.000Z',
      body: [],
      target: [{ type: 'SpecificResource', source: 'urn:diptych:document:a', selector: [{ type: 'TextQuoteSelector' }, { type: 'TextPositionSelector' }] }],
      'diptych:colour': 'yellow',
    };
    const answer = (value: unknown) => createApiClient(async () => ({ ok: true, value }));
    expect(await answer([good]).listAnnotations({})).toEqual([good]);
    const { id: _dropped, ...withoutId } = good;
    await expect(answer([good, withoutId]).listAnnotations({})).rejects.toThrow(/did not have the expected shape/);
    await expect(answer([{ ...good, target: 'nowhere' }]).listAnnotations({})).rejects.toThrow(/expected shape/);
  });
});
