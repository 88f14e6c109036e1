import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../electron/api/errors';
import { AnnotationSync } from '../../../../renderer/src/annotations/annotation-sync';
import { highlight, passage } from '../../../fixtures/annotations/factory';

afterEach(() => vi.useRealTimers());

describe('AnnotationSync', () => {
  it('says saving until the host answers, then saved', async () => {
    let answer: () => void = () => {};
    const sync = new AnnotationSync({ put: () => new Promise<void>((resolve) => (answer = resolve)), delete: async () => {} });
    sync.put(highlight(passage('d', 0, 5)));
    expect(sync.status().state).toBe('saving');
    answer();
    await vi.waitFor(() => expect(sync.status().state).toBe('saved'));
  });

  it('sends changes to one annotation in order, only the newest of those waiting', async () => {
    const sent: string[] = [];
    let release: () => void = () => {};
    const sync = new AnnotationSync({
      put: (a) => {
        sent.push(a['diptych:colour']!);
        return sent.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
      delete: async () => {},
    });
    const base = highlight(passage('d', 0, 5));
    sync.put(base);
    sync.put({ ...base, 'diptych:colour': 'green' });
    sync.put({ ...base, 'diptych:colour': 'blue' });
    release();
    await vi.waitFor(() => expect(sync.status().state).toBe('saved'));
    expect(sent).toEqual(['yellow', 'blue']);
  });

  it('waits for a quiet moment when asked, and flush sends at once', async () => {
    vi.useFakeTimers();
    const put = vi.fn(async () => {});
    const sync = new AnnotationSync({ put, delete: async () => {} });
    sync.put(highlight(passage('d', 0, 5)), 500);
    expect(sync.status().state).toBe('saving');
    await vi.advanceTimersByTimeAsync(300);
    expect(put).not.toHaveBeenCalled();
    sync.flush();
    expect(put).toHaveBeenCalledTimes(1);
  });

  it('reports a failure with the host’s reason and sends it again on retry', async () => {
    let fail = true;
    const sync = new AnnotationSync({
      put: async () => {
        if (fail) throw new ApiError('storage', 'the disk is full');
      },
      delete: async () => {},
    });
    sync.put(highlight(passage('d', 0, 5)));
    await vi.waitFor(() => expect(sync.status()).toEqual({ state: 'error', message: 'the disk is full' }));
    fail = false;
    sync.retry();
    await vi.waitFor(() => expect(sync.status().state).toBe('saved'));
  });

  it('takes a deletion of something the host never had as done', async () => {
    const sync = new AnnotationSync({ put: async () => {}, delete: async () => Promise.reject(new ApiError('not-found', 'There is no annotation.')) });
    sync.delete('urn:uuid:00000000-0000-4000-8000-000000000000');
    await vi.waitFor(() => expect(sync.status().state).toBe('saved'));
  });
});
