import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeWriteError, SaveTracker, writeFailureSummary } from '../../../electron/library/save-status';
import { errnoError } from './faulty-fs';

afterEach(() => {
  vi.useRealTimers();
});

describe('SaveTracker', () => {
  it('retries after 1 s, then waits twice as long each time up to 30 s, and resets once a retry succeeds', async () => {
    vi.useFakeTimers();
    const started = Date.now();
    const attempts: number[] = [];
    let diskWorks = false;
    const tracker = new SaveTracker({
      retry: async () => {
        attempts.push(Date.now() - started);
        if (!diskWorks) throw new Error('Could not write /data/diptych.json: the disk is full.');
      },
    });
    tracker.failed('Could not save the settings to /data/diptych.json: the disk is full.');
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000 + 8000 + 16000 + 30000 + 30000);
    expect(attempts).toEqual([1000, 3000, 7000, 15000, 31000, 61000, 91000]);
    expect(tracker.status()).toMatchObject({ state: 'retrying', pendingChanges: 1, lastError: 'Could not write /data/diptych.json: the disk is full.' });
    diskWorks = true;
    await vi.advanceTimersByTimeAsync(30000);
    expect(tracker.status()).toEqual({ state: 'saved', pendingChanges: 0, lastError: null, since: null });
    // The next failure starts again at 1 s.
    tracker.failed('again');
    await vi.advanceTimersByTimeAsync(1000);
    expect(attempts.at(-1)).toBe(122000);
    tracker.stop();
  });

  it('keeps counting a change that failed while a retry was running', async () => {
    let finish: () => void = () => {};
    const tracker = new SaveTracker({ retry: () => new Promise<void>((resolve) => (finish = resolve)), delays: { firstMs: 1, maxMs: 1 } });
    tracker.failed('first');
    const retrying = tracker.retryNow();
    tracker.failed('second, during the retry');
    finish();
    await retrying;
    expect(tracker.status()).toMatchObject({ state: 'retrying', pendingChanges: 1 });
    tracker.stop();
  });

  it('retries at once when a later write succeeded, rather than waiting for the timer', async () => {
    const retry = vi.fn(async () => {});
    const tracker = new SaveTracker({ retry, delays: { firstMs: 60_000, maxMs: 60_000 } });
    tracker.failed('one');
    tracker.wroteSomething();
    await vi.waitFor(() => expect(tracker.status().state).toBe('saved'));
    expect(retry).toHaveBeenCalledTimes(1);
    tracker.stop();
  });
});

describe('write error descriptions', () => {
  it('names the common causes in plain words', () => {
    expect(describeWriteError(errnoError('EROFS', 'open', '/x'))).toBe('the disk is read-only');
    expect(describeWriteError(errnoError('ENOSPC', 'write', '/x'))).toBe('the disk is full');
    expect(describeWriteError(errnoError('EACCES', 'open', '/x'))).toBe('permission to write there was denied');
    expect(describeWriteError(errnoError('EIO', 'write', '/x'))).toBe('the disk reported an input/output error');
    expect(describeWriteError(new Error('something odd'))).toBe('something odd');
  });

  it('names the real file when the temp file beside it failed', () => {
    expect(writeFailureSummary(errnoError('ENOSPC', 'open', `/data/annotations/.notebook.json.${process.pid}.tmp`))).toBe(
      'Could not write /data/annotations/notebook.json: the disk is full.',
    );
  });
});
