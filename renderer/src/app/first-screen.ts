/**
 * When the window's first screen is drawn: every pane on screen has its
 * text in place at the reading position (or says why it cannot). Start-up
 * work that would compete with it for the network and the main thread, the
 * bulk of the annotations, waits for this.
 */
import type { PaneSide } from '../../../electron/api/contract';

/** Longest wait: a pane that never settles must not hold the rest back. */
export const FIRST_SCREEN_MAX_WAIT_MS = 4000;

const shown = new Set<PaneSide>();
const settled = new Set<PaneSide>();
const waiting = new Set<() => void>();

function drawn(): boolean {
  return shown.size > 0 && [...shown].every((side) => settled.has(side));
}

function check(): void {
  if (!drawn()) return;
  for (const resolve of waiting) resolve();
  waiting.clear();
}

/** A pane is on screen: the first screen waits for it. Answers the call for when it goes. */
export function paneShown(side: PaneSide): () => void {
  shown.add(side);
  return () => {
    shown.delete(side);
    check();
  };
}

/** A pane shows its text (or its picker, or why it cannot). */
export function paneSettled(side: PaneSide): void {
  settled.add(side);
  check();
}

/** Resolves once every pane on screen has settled once, or after {@link FIRST_SCREEN_MAX_WAIT_MS}. */
export function firstScreenDrawn(): Promise<void> {
  if (drawn()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiting.delete(done);
      resolve();
    };
    const timer = setTimeout(done, FIRST_SCREEN_MAX_WAIT_MS);
    waiting.add(done);
  });
}
