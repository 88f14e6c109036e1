/**
 * Revealing a passage: the request a pane answers by scrolling to the
 * passage and flashing it, and how long the flash lasts.
 */
import type { PaneSide } from '../../../electron/api/contract';

/** Which annotation passage to show, and where it was stored (used until the pane has anchored it). */
export interface RevealTarget {
  documentId: string;
  annotationId: string;
  targetIndex: number;
  start: number;
  end: number;
  /** A pane better left alone: it shows the passage the reader came from. */
  avoidSide: PaneSide | null;
}

/** A reveal addressed to one pane. */
export interface RevealRequest extends RevealTarget {
  id: number;
  side: PaneSide;
}

/** How long a revealed passage stays marked. */
export const FLASH_MS = 1600;

/**
 * The pane that should show `target`: one already showing its document
 * (not the one to avoid, if both do), or else the pane that is not to be
 * avoided, which then opens the document.
 */
export function paneForReveal(target: RevealTarget, open: Record<PaneSide, string | null>, focused: PaneSide): { side: PaneSide; opens: boolean } {
  const showing = (['left', 'right'] as const).filter((side) => open[side] === target.documentId);
  const preferred = showing.find((side) => side !== target.avoidSide) ?? showing[0];
  if (preferred) return { side: preferred, opens: false };
  const avoid = target.avoidSide ?? focused;
  return { side: avoid === 'left' ? 'right' : 'left', opens: true };
}
