/**
 * The divider between the two panes: dragged with the pointer, moved with
 * the arrow keys (Home and End for the limits), double-clicked back to the
 * middle. A window splitter in the WAI-ARIA sense: a focusable separator
 * whose value is the left pane's share.
 *
 * Written here rather than taken from a split-pane library: the one used
 * before measured every panel by forcing a layout per panel as the window
 * opened (about 60 ms of the first screen), and two panes need none of it.
 * While dragging, the panes' widths are set on their elements directly and
 * the share is committed once, when the pointer lets go.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { MAX_SPLIT, MIN_SPLIT } from '../app/workspace-state';

/** How far one arrow key moves the divider (a share of the reading area). */
export const KEY_STEP = 0.05;

/** Props of {@link PaneDivider}. */
export interface PaneDividerProps {
  /** The left pane's share of the reading area. */
  split: number;
  /** The element holding both panes and the divider (the width the share is of). */
  groupRef: RefObject<HTMLElement | null>;
  /** The two panes' elements, resized directly while dragging. */
  leftRef: RefObject<HTMLElement | null>;
  rightRef: RefObject<HTMLElement | null>;
  /** The id of the left pane's element (what the divider controls). */
  controls: string;
  onSplit: (split: number) => void;
}

const clamp = (share: number) => Math.min(MAX_SPLIT, Math.max(MIN_SPLIT, share));

/** Sets the panes' shares on their elements: how the divider moves without re-rendering them. */
export function applyShares(left: HTMLElement | null, right: HTMLElement | null, split: number): void {
  if (left) left.style.flexGrow = String(split);
  if (right) right.style.flexGrow = String(1 - split);
}

export function PaneDivider({ split, groupRef, leftRef, rightRef, controls, onSplit }: PaneDividerProps) {
  const drag = useRef<{ pointerId: number; share: number } | null>(null);
  const [dragging, setDragging] = useState(false);

  const shareAt = (clientX: number): number | null => {
    const box = groupRef.current?.getBoundingClientRect();
    return box && box.width > 0 ? clamp((clientX - box.left) / box.width) : null;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drag.current = { pointerId: event.pointerId, share: split };
    setDragging(true);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const share = shareAt(event.clientX);
    if (share === null) return;
    current.share = share;
    applyShares(leftRef.current, rightRef.current, share);
  };
  const finish = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    drag.current = null;
    setDragging(false);
    if (current.share !== split) onSplit(current.share);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowLeft' ? -KEY_STEP : event.key === 'ArrowRight' ? KEY_STEP : 0;
    let next: number | null = step !== 0 ? clamp(split + step) : null;
    if (event.key === 'Home') next = MIN_SPLIT;
    if (event.key === 'End') next = MAX_SPLIT;
    if (next === null) return;
    event.preventDefault();
    onSplit(next);
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label="Resize panes"
      aria-orientation="vertical"
      aria-controls={controls}
      aria-valuemin={Math.round(MIN_SPLIT * 100)}
      aria-valuemax={Math.round(MAX_SPLIT * 100)}
      aria-valuenow={Math.round(split * 100)}
      title="Drag, or use the arrow keys, to resize the panes; double-click to share the room equally"
      className="pane-divider"
      data-testid="pane-divider"
      data-dragging={dragging ? 'true' : undefined}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={finish}
      onPointerCancel={finish}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onSplit(0.5)}
    >
      <span className="pane-divider-line" aria-hidden="true" />
    </div>
  );
}
