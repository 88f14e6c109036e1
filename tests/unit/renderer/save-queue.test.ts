// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { combineStatus, SaveQueue } from '../../../renderer/src/app/save-queue';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SaveQueue', () => {
  it('sends only the newest value after the quiet time', async () => {
    const send = vi.fn(() => Promise.resolve());
    const queue = new SaveQueue<number>({ send, delayMs: 400 });
    queue.schedule(1);
    queue.schedule(2);
    expect(queue.status().state).toBe('saving');
    await vi.advanceTimersByTimeAsync(399);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledExactlyOnceWith(2);
    await vi.runAllTimersAsync();
    expect(queue.status()).toEqual({ state: 'saved' });
  });

  it('never lets an older value land after a newer one', async () => {
    const first = deferred();
    const sent: number[] = [];
    const queue = new SaveQueue<number>({
      send: (value) => {
        sent.push(value);
        return value === 1 ? first.promise : Promise.resolve();
      },
      delayMs: 10,
    });
    queue.schedule(1);
    await vi.advanceTimersByTimeAsync(10);
    queue.schedule(2);
    queue.schedule(3);
    await vi.advanceTimersByTimeAsync(50);
    expect(sent).toEqual([1]);
    first.resolve();
    await vi.runAllTimersAsync();
    expect(sent).toEqual([1, 3]);
    expect(queue.status().state).toBe('saved');
  });

  it('flushes at once when asked (the window is hidden)', async () => {
    const send = vi.fn(() => Promise.resolve());
    const queue = new SaveQueue<string>({ send, delayMs: 400 });
    queue.schedule('layout');
    queue.flush();
    expect(send).toHaveBeenCalledExactlyOnceWith('layout');
  });

  it('reports why a save failed, and recovers on retry', async () => {
    let fail = true;
    const send = vi.fn(() => (fail ? Promise.reject(new Error('the disk is full')) : Promise.resolve()));
    const queue = new SaveQueue<number>({ send, delayMs: 5 });
    const listener = vi.fn();
    queue.subscribe(listener);
    queue.schedule(7);
    await vi.runAllTimersAsync();
    expect(queue.status()).toEqual({ state: 'error', message: 'the disk is full' });
    expect(listener).toHaveBeenCalled();
    fail = false;
    queue.retry();
    await vi.runAllTimersAsync();
    expect(send).toHaveBeenLastCalledWith(7);
    expect(queue.status()).toEqual({ state: 'saved' });
  });

  it('treats a send that throws synchronously as a failed save', async () => {
    const queue = new SaveQueue<number>({
      send: () => {
        throw new Error('no host');
      },
      delayMs: 1,
    });
    queue.schedule(1);
    await vi.runAllTimersAsync();
    expect(queue.status()).toEqual({ state: 'error', message: 'no host' });
  });
});

describe('combineStatus', () => {
  it('prefers saving, then errors, then saved', () => {
    expect(combineStatus([{ state: 'saved' }, { state: 'saving' }]).state).toBe('saving');
    expect(combineStatus([{ state: 'error', message: 'x' }, { state: 'saved' }])).toEqual({ state: 'error', message: 'x' });
    expect(combineStatus([{ state: 'saved' }, { state: 'saved' }]).state).toBe('saved');
  });
});
