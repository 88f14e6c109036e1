/**
 * Asks for the annotations while the window is still starting, in parallel
 * with the session, so they are on their way before the workspace mounts.
 */
import type { Annotation } from '../../../electron/api/annotation-schema';
import { api } from '../api';

let pending: Promise<Annotation[]> | null = null;

/** Starts loading every annotation (each start of the window asks afresh). */
export function prefetchAnnotations(): void {
  pending = api.listAnnotations({});
  // A failure is reported by whoever takes the promise; until then it must not count as unhandled.
  pending.catch(() => {});
}

/** The prefetched annotations (handed out once), or a fresh request. */
export function takeAnnotations(): Promise<Annotation[]> {
  const taken = pending ?? api.listAnnotations({});
  pending = null;
  return taken;
}
