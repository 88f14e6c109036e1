/**
 * Selecting text without a mouse. The texts are not editable, so they have
 * no caret of their own; in a focused text, Shift with the arrow keys (Ctrl
 * or Alt for words, Home/End for lines) starts a selection at the first
 * line on screen and extends it, the way caret browsing does in a browser.
 */

type Direction = 'forward' | 'backward';
type Granularity = 'character' | 'word' | 'line' | 'lineboundary';

/** The selection change a key asks for, or null when the key is not a selecting key. */
export function selectingMove(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>): { direction: Direction; granularity: Granularity } | null {
  if (!event.shiftKey || event.metaKey) return null;
  const byWord = event.ctrlKey || event.altKey;
  switch (event.key) {
    case 'ArrowRight':
      return { direction: 'forward', granularity: byWord ? 'word' : 'character' };
    case 'ArrowLeft':
      return { direction: 'backward', granularity: byWord ? 'word' : 'character' };
    case 'ArrowDown':
      return { direction: 'forward', granularity: 'line' };
    case 'ArrowUp':
      return { direction: 'backward', granularity: 'line' };
    case 'End':
      return { direction: 'forward', granularity: 'lineboundary' };
    case 'Home':
      return { direction: 'backward', granularity: 'lineboundary' };
    default:
      return null;
  }
}

/** Where a keyboard selection starts: the first character of the first line visible in `scroller`. */
function startOnScreen(scroller: HTMLElement, text: HTMLElement): Range | null {
  const box = scroller.getBoundingClientRect();
  const textBox = text.getBoundingClientRect();
  const x = Math.max(box.left, textBox.left) + 2;
  for (let y = Math.max(box.top, textBox.top) + 4; y < box.bottom; y += 8) {
    const range = document.caretRangeFromPoint?.(x, y);
    if (range && text.contains(range.startContainer) && range.startContainer.nodeType === Node.TEXT_NODE) return range;
  }
  return firstVisibleText(box, text);
}

/**
 * The first text node on screen, in document order: for pages where text
 * does not start at the left edge (a PDF's text layer over its margins).
 */
function firstVisibleText(box: DOMRect, text: HTMLElement): Range | null {
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    if (rect.height > 0 && rect.bottom > box.top && rect.top < box.bottom) {
      range.collapse(true);
      return range;
    }
  }
  return null;
}

/** Keeps the moving end of the selection on screen. */
function revealFocus(selection: Selection, scroller: HTMLElement): void {
  if (!selection.focusNode) return;
  const probe = document.createRange();
  probe.setStart(selection.focusNode, selection.focusOffset);
  probe.collapse(true);
  const rect = probe.getClientRects()[0] ?? (selection.focusNode.parentElement?.getBoundingClientRect() ?? null);
  if (!rect) return;
  const box = scroller.getBoundingClientRect();
  const margin = 24;
  if (rect.top < box.top + margin) scroller.scrollTop -= box.top + margin - rect.top;
  else if (rect.bottom > box.bottom - margin) scroller.scrollTop += rect.bottom - (box.bottom - margin);
}

/**
 * Handles a selecting key in a focused text; answers whether it did (then
 * the caller stops the key from scrolling the pane as well).
 */
export function extendSelectionByKey(event: KeyboardEvent, scroller: HTMLElement, text: HTMLElement): boolean {
  const move = selectingMove(event);
  const selection = document.getSelection();
  if (!move || !selection) return false;
  const inside = selection.rangeCount > 0 && text.contains(selection.anchorNode) && text.contains(selection.focusNode);
  if (!inside) {
    const start = startOnScreen(scroller, text);
    if (!start) return false;
    selection.removeAllRanges();
    selection.addRange(start);
  }
  selection.modify('extend', move.direction, move.granularity);
  revealFocus(selection, scroller);
  return true;
}
