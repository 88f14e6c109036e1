/**
 * The reading position of one text view, as a document offset: measured
 * from the DOM as the reader scrolls, and applied back to the DOM when the
 * view opens, jumps, or reflows. Plain class, no React: the hook around it
 * only wires it to effects.
 */
import type { Virtualizer } from '@tanstack/react-virtual';
import { isScrolledToEnd, scrollTopForOffset, topVisibleOffset } from './scroll-position';
import { findRowIndex } from './text-rows';

/** What the keeper reads, fresh, each time it works. */
export interface KeeperContext {
  scroller: HTMLElement | null;
  root: HTMLElement | null;
  /** Where each item of the list starts in the text: the virtual list's items (chunks), or the rows when every row is rendered. */
  rows: readonly { start: number }[];
  textLength: number;
  /** The virtual list, when the text is virtualised. */
  virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement> | null;
  onPosition: (offset: number, atEnd: boolean) => void;
  onReady: () => void;
}

interface Jump {
  offset: number;
  frame: number;
  stableFrames: number;
  attempts: number;
}

/** Frames a jump may take before it stops refining (about a second). */
const MAX_JUMP_FRAMES = 60;

/** Keeps one view's reading position. */
export class PositionKeeper {
  readonly #context: () => KeeperContext;
  #position: number;
  #reported: { offset: number; atEnd: boolean } | null = null;
  #jump: Jump | null = null;
  #scrollFrame = 0;
  #ready = false;

  constructor(context: () => KeeperContext, initialPosition: number) {
    this.#context = context;
    this.#position = initialPosition;
  }

  /** The last known offset at the top of the view. */
  get position(): number {
    return this.#position;
  }

  /** Scrolls so the line holding `offset` is at the top, refining over frames while rows get measured. */
  jumpTo = (offset: number): void => {
    if (this.#jump) cancelAnimationFrame(this.#jump.frame);
    const clamped = Math.min(Math.max(0, Math.round(offset)), this.#context().textLength);
    this.#position = clamped;
    const jump: Jump = { offset: clamped, frame: 0, stableFrames: 0, attempts: 0 };
    this.#jump = jump;
    this.#step(jump);
  };

  /** Puts the current position back after the text reflowed (font, measure, width). */
  reanchor = (): void => {
    this.#context().virtualizer?.measure();
    this.jumpTo(this.#position);
  };

  /** The scroll handler: measures the new position once per frame, except during a jump. */
  onScroll = (): void => {
    if (this.#jump || this.#scrollFrame) return;
    this.#scrollFrame = requestAnimationFrame(() => {
      this.#scrollFrame = 0;
      if (this.#jump) return;
      this.#position = this.#measure();
      this.#report(this.#position);
    });
  };

  /** The reader took over (wheel, key, touch): stop steering the scroll. */
  cancelJump = (): void => {
    const jump = this.#jump;
    if (!jump) return;
    cancelAnimationFrame(jump.frame);
    this.#finish(jump);
  };

  /** Stops pending frames (the view unmounts). */
  dispose(): void {
    if (this.#jump) cancelAnimationFrame(this.#jump.frame);
    this.#jump = null;
    cancelAnimationFrame(this.#scrollFrame);
    this.#scrollFrame = 0;
  }

  #measure(): number {
    const { scroller, root, virtualizer, rows } = this.#context();
    if (!scroller || !root) return this.#position;
    const measured = topVisibleOffset(scroller, root);
    if (measured !== null) return measured;
    // During a fast fling the rows under the top may not be rendered yet.
    const item = virtualizer?.getVirtualItemForOffset(scroller.scrollTop);
    return item ? (rows[item.index]?.start ?? this.#position) : this.#position;
  }

  #report(offset: number): void {
    const { scroller, onPosition } = this.#context();
    const atEnd = scroller ? scroller.scrollTop > 0 && isScrolledToEnd(scroller) : false;
    const last = this.#reported;
    if (last && last.offset === offset && last.atEnd === atEnd) return;
    this.#reported = { offset, atEnd };
    onPosition(offset, atEnd);
  }

  #step(jump: Jump): void {
    if (this.#jump !== jump) return;
    const { scroller, root, virtualizer, rows } = this.#context();
    if (!scroller || !root) return this.#finish(jump);
    const target = scrollTopForOffset(scroller, root, jump.offset);
    if (target === null) {
      // Not rendered yet: bring its row into the virtual window, refine next frame.
      const placement = virtualizer?.getOffsetForIndex(Math.max(0, findRowIndex(rows, jump.offset)), 'start');
      if (placement) scroller.scrollTop = placement[0];
      jump.stableFrames = 0;
    } else {
      const wanted = Math.min(target, Math.max(0, scroller.scrollHeight - scroller.clientHeight));
      if (Math.abs(scroller.scrollTop - wanted) >= 1) {
        scroller.scrollTop = wanted;
        jump.stableFrames = 0;
      } else if (jump.attempts > 0) {
        // The first step runs inside a commit, before styles may have settled: only later frames confirm.
        jump.stableFrames++;
      }
    }
    jump.attempts++;
    // A virtual list re-measures rows over a few frames, so wait until the target holds still.
    const settled = jump.stableFrames >= (virtualizer ? 2 : 1);
    if (settled || jump.attempts > MAX_JUMP_FRAMES) return this.#finish(jump);
    jump.frame = requestAnimationFrame(() => this.#step(jump));
  }

  #finish(jump: Jump): void {
    if (this.#jump !== jump) return;
    this.#jump = null;
    this.#report(jump.offset);
    if (!this.#ready) {
      this.#ready = true;
      this.#context().onReady();
    }
  }
}
