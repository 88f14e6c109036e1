/**
 * Turns the reader's DOM selection into a passage of one pane's document,
 * or into a message saying why it cannot be one (nothing selected, only
 * blanks, or a selection running across both panes).
 */
import type { PaneSide, PassageTarget } from './types';
import { describePassage } from '../../../electron/core/anchoring';
import { peekDocument } from '../panes/document-cache';
import { describePdfPlacement, pdfRootInfo, pdfSelectionOffsets } from '../pdf/pdf-adapter';
import { selectionToOffsets } from '../reader/text-offsets';
import { passageTarget } from './annotation-factory';

/** A passage the reader selected. */
export interface SelectedPassage {
  side: PaneSide;
  documentId: string;
  start: number;
  end: number;
  target: PassageTarget;
}

/** The selection as a passage, or why it is not one. */
export type SelectionResult = { ok: true; passage: SelectedPassage } | { ok: false; message: string };

/** Messages for selections that cannot be annotated, shared with the tests. */
export const SELECTION_MESSAGES = {
  none: 'Select a passage in one of the texts first.',
  blank: 'The selection holds only spaces or line breaks. Select some words to annotate; nothing was created.',
  bothPanes: 'The selection runs across both panes. Select a passage within one text; nothing was created.',
  notReady: 'That text is still opening. Try again in a moment; nothing was created.',
} as const;

const SIDES: readonly PaneSide[] = ['left', 'right'];

function textRoot(doc: Document, side: PaneSide): Element | null {
  return doc.querySelector(`[data-testid="pane-text-${side}"]`);
}

/** Whether the current selection touches any pane's text (the toolbar appears for it). */
export function selectionTouchesText(doc: Document): PaneSide | null {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  for (const side of SIDES) {
    const root = textRoot(doc, side);
    if (root && range.intersectsNode(root)) return side;
  }
  return null;
}

/** Reads the current selection as a passage of one pane's document. */
export function readSelectedPassage(doc: Document): SelectionResult {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return { ok: false, message: SELECTION_MESSAGES.none };
  const range = selection.getRangeAt(0);
  const touched = SIDES.filter((side) => {
    const root = textRoot(doc, side);
    return root !== null && range.intersectsNode(root);
  });
  if (touched.length > 1) return { ok: false, message: SELECTION_MESSAGES.bothPanes };
  const side = touched[0];
  if (!side) return { ok: false, message: SELECTION_MESSAGES.none };
  const root = textRoot(doc, side)!;
  const documentId = root.closest('[data-document-id]')?.getAttribute('data-document-id');
  // A PDF maps its own text layers; every other document is blocks of text (text-offsets.ts).
  const pdf = pdfRootInfo(root);
  const offsets = pdf ? pdfSelectionOffsets(root, selection) : selectionToOffsets(root, selection);
  if (!documentId || !offsets) return { ok: false, message: SELECTION_MESSAGES.none };
  const loaded = peekDocument(documentId);
  if (!loaded) return { ok: false, message: SELECTION_MESSAGES.notReady };
  if (loaded.text.slice(offsets.start, offsets.end).trim() === '') return { ok: false, message: SELECTION_MESSAGES.blank };
  try {
    const selectors = describePassage(loaded.text, offsets.start, offsets.end);
    const placement = pdf ? describePdfPlacement(root, offsets.start, offsets.end) : undefined;
    return { ok: true, passage: { side, documentId, start: offsets.start, end: offsets.end, target: passageTarget(documentId, selectors, placement) } };
  } catch (error) {
    return { ok: false, message: error instanceof RangeError ? `${error.message} Nothing was created.` : SELECTION_MESSAGES.none };
  }
}

/** Clears the selection, so a new highlight shows its colour rather than the selection's. */
export function clearSelection(doc: Document): void {
  doc.getSelection()?.removeAllRanges();
}
