/**
 * The two passage targets of a suggestion, described in each document's
 * text the way a selection would be (quote with context, positions, and a
 * PDF's page when the passage is in one), so the link anchors like any other.
 */
import type { PassageTarget } from '../../../electron/api/annotation-schema';
import type { CompareSuggestion } from '../../../electron/api/contract';
import { describePassage } from '../../../electron/core/anchoring';
import { passageTarget } from '../annotations/annotation-factory';
import { peekDocument } from '../panes/document-cache';
import { describePdfPlacement, pdfRootInfo } from '../pdf/pdf-adapter';

/** The targets, or why they could not be described. */
export type TargetsResult = { ok: true; targets: [PassageTarget, PassageTarget] } | { ok: false; message: string };

function targetIn(documentId: string, side: 'left' | 'right', start: number, end: number): PassageTarget {
  const loaded = peekDocument(documentId);
  if (!loaded) throw new RangeError('that text is still opening; try again in a moment.');
  const selectors = describePassage(loaded.text, start, end);
  const root = typeof document === 'undefined' ? null : document.querySelector(`[data-testid="pane-text-${side}"]`);
  const placement = root && pdfRootInfo(root) ? describePdfPlacement(root, start, end) : undefined;
  return passageTarget(documentId, selectors, placement);
}

/** The suggestion's passages as targets in the left and right documents. */
export function suggestionTargets(suggestion: Pick<CompareSuggestion, 'left' | 'right'>, leftId: string, rightId: string): TargetsResult {
  try {
    return { ok: true, targets: [targetIn(leftId, 'left', suggestion.left.start, suggestion.left.end), targetIn(rightId, 'right', suggestion.right.start, suggestion.right.end)] };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'its passages could not be described.' };
  }
}
