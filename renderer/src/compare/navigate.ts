/**
 * Bringing a suggestion's passages on screen in both panes (J and K), each
 * at the reading line unless it is fully visible already. The scrolls are
 * marked as the program's, so aligned scrolling does not answer them.
 */
import type { PaneSide } from '../../../electron/api/contract';
import type { Span } from './cross-links';
import { contentY, paneFrame, passageExtent } from './passage-geometry';
import { markProgrammaticScroll, READING_LINE_SHARE } from './use-aligned-scrolling';

/** Scrolls one pane so [start, end) is in view; returns false when the pane or passage cannot be found. */
export function scrollPassageIntoView(side: PaneSide, span: Span, textLength: number): boolean {
  const frame = paneFrame(side, textLength);
  const extent = frame ? passageExtent(frame, span.start, span.end) : null;
  if (!frame || !extent) return false;
  if (extent.measured && extent.top >= frame.view.top && extent.bottom <= frame.view.bottom) return true;
  const top = Math.max(contentY(frame, extent.top) - frame.view.height * READING_LINE_SHARE, 0);
  // Instant, not smooth: a smooth scroll is many scroll events, each one a chance for the two panes to disagree.
  frame.scroller.scrollTop = top;
  markProgrammaticScroll(side, frame.scroller);
  return true;
}

/** Brings both passages of a suggestion on screen. */
export function navigateToSuggestion(suggestion: { left: Span; right: Span }, lengths: { left: number; right: number }): void {
  scrollPassageIntoView('left', suggestion.left, lengths.left);
  scrollPassageIntoView('right', suggestion.right, lengths.right);
}
