/**
 * Makes dragging a selection over a text layer behave as in a text: pdf.js'
 * own viewer (TextLayerBuilder) keeps an empty "end of content" element
 * after the last span the selection reached, so that moving the pointer
 * over the blank space between lines extends the selection from there
 * instead of jumping to the layer's start. This is that technique, for the
 * text layers Diptych draws itself.
 */

/** Text layers in use, each with its end-of-content element. */
const layers = new Map<HTMLElement, HTMLElement>();
let listening: AbortController | null = null;

function reset(end: HTMLElement, layer: HTMLElement): void {
  layer.append(end);
  end.style.width = '';
  end.style.height = '';
  end.style.userSelect = '';
  layer.classList.remove('selecting');
}

/** The element a selection boundary sits in, stepped back to the last one with content for an end at offset 0. */
function anchorElement(range: Range, modifyStart: boolean): Element | null {
  let anchor: Node | null = modifyStart ? range.startContainer : range.endContainer;
  if (anchor.nodeType === Node.TEXT_NODE) anchor = anchor.parentNode;
  if (!anchor) return null;
  if (!modifyStart && range.endOffset === 0) {
    do {
      while (anchor && !anchor.previousSibling) anchor = anchor.parentNode;
      if (!anchor) return null;
      anchor = anchor.previousSibling;
    } while (anchor && !anchor.childNodes.length);
  }
  return anchor instanceof Element ? anchor : null;
}

function listen(): void {
  if (listening) return;
  listening = new AbortController();
  const { signal } = listening;
  let pointerDown = false;
  let previous: Range | null = null;
  const resetAll = () => layers.forEach(reset);
  document.addEventListener('pointerdown', () => (pointerDown = true), { signal });
  document.addEventListener(
    'pointerup',
    () => {
      pointerDown = false;
      resetAll();
    },
    { signal },
  );
  window.addEventListener(
    'blur',
    () => {
      pointerDown = false;
      resetAll();
    },
    { signal },
  );
  document.addEventListener(
    'keyup',
    () => {
      if (!pointerDown) resetAll();
    },
    { signal },
  );
  document.addEventListener(
    'selectionchange',
    () => {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0) {
        resetAll();
        return;
      }
      const range = selection.getRangeAt(0);
      for (const [layer, end] of layers) {
        if (range.intersectsNode(layer)) layer.classList.add('selecting');
        else reset(end, layer);
      }
      if (!pointerDown) return;
      // Which end the reader is moving: the one that changed since the last event.
      const modifyStart =
        previous !== null && (range.compareBoundaryPoints(Range.END_TO_END, previous) === 0 || range.compareBoundaryPoints(Range.START_TO_END, previous) === 0);
      const anchor = anchorElement(range, modifyStart);
      const layer = anchor?.parentElement?.closest<HTMLElement>('.textLayer');
      const end = layer ? layers.get(layer) : undefined;
      if (anchor && layer && end && anchor.parentElement) {
        end.style.width = layer.style.width;
        end.style.height = layer.style.height;
        end.style.userSelect = 'text';
        anchor.parentElement.insertBefore(end, modifyStart ? anchor : anchor.nextSibling);
      }
      previous = range.cloneRange();
    },
    { signal },
  );
}

/** Adds the end-of-content element to a drawn text layer and follows selections over it; returns the undo. */
export function trackTextLayerSelection(layer: HTMLElement): () => void {
  const end = document.createElement('div');
  end.className = 'endOfContent';
  layer.append(end);
  const onMouseDown = () => layer.classList.add('selecting');
  layer.addEventListener('mousedown', onMouseDown);
  layers.set(layer, end);
  listen();
  return () => {
    layer.removeEventListener('mousedown', onMouseDown);
    end.remove();
    layers.delete(layer);
    if (layers.size === 0) {
      listening?.abort();
      listening = null;
    }
  };
}
