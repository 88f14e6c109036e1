import { afterEach, describe, expect, it, vi } from 'vitest';

// The module keeps the window's state: each test takes a fresh copy.
async function freshFirstScreen() {
  vi.resetModules();
  return import('../../../renderer/src/app/first-screen');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('firstScreenDrawn', () => {
  it('waits for every pane on screen to settle, not for one that went away', async () => {
    const screen = await freshFirstScreen();
    screen.paneShown('left');
    const goneRight = screen.paneShown('right');
    let drawn = false;
    const waiting = screen.firstScreenDrawn().then(() => (drawn = true));
    screen.paneSettled('left');
    await Promise.resolve();
    expect(drawn).toBe(false);
    // The right pane is unmounted (a maximised left pane) before it settles.
    goneRight();
    await waiting;
    expect(drawn).toBe(true);
    // Later callers need not wait.
    await expect(screen.firstScreenDrawn()).resolves.toBeUndefined();
  });

  it('gives up waiting after a while, so a pane that never settles holds nothing back', async () => {
    vi.useFakeTimers();
    const screen = await freshFirstScreen();
    screen.paneShown('left');
    let drawn = false;
    void screen.firstScreenDrawn().then(() => (drawn = true));
    await vi.advanceTimersByTimeAsync(screen.FIRST_SCREEN_MAX_WAIT_MS - 1);
    expect(drawn).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(drawn).toBe(true);
  });
});
