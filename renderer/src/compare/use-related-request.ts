/**
 * Asking for passages related to the selection. The selection is read when
 * asked; the last passage selected is also remembered, since opening the
 * command palette moves focus (and with it, in some browsers, the
 * selection) away from the text.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PaneSide } from '../../../electron/api/contract';
import { readSelectedPassage, type SelectedPassage } from '../annotations/selection-passage';
import { peekDocument } from '../panes/document-cache';
import type { RelatedRequest } from './related-passages';

interface Remembered {
  passage: SelectedPassage;
  range: Range;
  at: number;
}

/** A remembered selection older than this is not used: the reader has moved on. */
const REMEMBER_MS = 2 * 60_000;

/** The related-passages request and how to make or drop one. */
export function useRelatedRequest(open: Record<PaneSide, string | null>, titleOf: (id: string | null) => string, say: (text: string, tone?: 'info' | 'error') => void) {
  const [request, setRequest] = useState<RelatedRequest | null>(null);
  const last = useRef<Remembered | null>(null);

  useEffect(() => {
    const remember = () => {
      const result = readSelectedPassage(document);
      const selection = document.getSelection();
      if (result.ok && selection && selection.rangeCount > 0) last.current = { passage: result.passage, range: selection.getRangeAt(0).cloneRange(), at: Date.now() };
    };
    document.addEventListener('selectionchange', remember);
    return () => document.removeEventListener('selectionchange', remember);
  }, []);

  const ask = useCallback(() => {
    const result = readSelectedPassage(document);
    const selection = document.getSelection();
    let passage: SelectedPassage | null = null;
    let range: Range | null = null;
    if (result.ok) {
      passage = result.passage;
      range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
    } else if (last.current && Date.now() - last.current.at < REMEMBER_MS && open[last.current.passage.side] === last.current.passage.documentId) {
      passage = last.current.passage;
      range = last.current.range;
    }
    if (!passage) {
      say(result.ok ? 'Select a passage in one of the texts first.' : result.message, 'error');
      return;
    }
    const otherSide: PaneSide = passage.side === 'left' ? 'right' : 'left';
    const otherId = open[otherSide];
    if (!otherId) {
      say('Open a document in the other pane to look for related passages there.', 'error');
      return;
    }
    const text = peekDocument(passage.documentId)?.text ?? '';
    const { side, documentId, start, end } = passage;
    setRequest((current) => ({ id: (current?.id ?? 0) + 1, side, documentId, start, end, quote: text.slice(start, end), otherId, otherTitle: titleOf(otherId), range }));
  }, [open, titleOf, say]);

  return { request, ask, close: useCallback(() => setRequest(null), []) };
}
