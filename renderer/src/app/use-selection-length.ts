/**
 * The length, in characters, of the text selected in a pane (the status
 * bar shows it while a passage is selected).
 */
import { useEffect, useState } from 'react';
import { selectionToOffsets } from '../reader/text-offsets';

const TEXT_ROOTS = '[data-testid^="pane-text-"]';

/** Characters selected inside a pane's text, or 0. */
export function measureSelection(doc: Document): number {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return 0;
  for (const root of doc.querySelectorAll(TEXT_ROOTS)) {
    const offsets = selectionToOffsets(root, selection);
    if (offsets) return offsets.end - offsets.start;
  }
  return 0;
}

/** Follows the selection, at most once per frame (selectionchange fires on every pixel of a drag). */
export function useSelectionLength(): number {
  const [length, setLength] = useState(0);
  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setLength(measureSelection(document));
      });
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
    };
  }, []);
  return length;
}
