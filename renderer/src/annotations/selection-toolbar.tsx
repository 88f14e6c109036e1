/**
 * The toolbar that floats next to a selection in either text: the five
 * highlight colours, Note and Link. Positioned by Floating UI above the
 * selection's box (below it when there is no room), so it never covers the
 * selected words; pressing a button keeps the selection.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { autoUpdate, flip, hide, offset, shift, useFloating, type VirtualElement } from '@floating-ui/react';
import { Link2, StickyNote, TextSearch } from 'lucide-react';
import type { PaneSide } from '../../../electron/api/contract';
import { useOptionalAnnotationUi } from './annotations-context';
import { colourKey, colourLabel, HIGHLIGHT_COLOURS } from './colours';
import { selectionTouchesText } from './selection-passage';

/** A range's box; an empty box where the DOM has no layout for ranges (jsdom). */
function rangeRect(range: Range): DOMRect {
  return typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : new DOMRect();
}

function rangeRects(range: Range): DOMRect[] {
  return typeof range.getClientRects === 'function' ? Array.from(range.getClientRects()) : [];
}

interface Anchor {
  range: Range;
  side: PaneSide;
}

/** Follows the selection: the range to float next to, or null while there is none or a drag is under way. */
function useSelectionAnchor(): Anchor | null {
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  useEffect(() => {
    let dragging = false;
    let frame = 0;
    const update = () => {
      frame = 0;
      const side = dragging ? null : selectionTouchesText(document);
      const selection = document.getSelection();
      setAnchor(side && selection && selection.rangeCount > 0 ? { range: selection.getRangeAt(0).cloneRange(), side } : null);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Element && event.target.closest('.selection-toolbar')) return;
      dragging = true;
      schedule();
    };
    const onPointerUp = () => {
      dragging = false;
      schedule();
    };
    document.addEventListener('selectionchange', schedule);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('pointerup', onPointerUp);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('pointerup', onPointerUp);
    };
  }, []);
  return anchor;
}

/** Props of {@link SelectionToolbar}. */
export interface SelectionToolbarProps {
  /** Looks for related passages in the other pane's text; absent while the other pane is empty. */
  onRelated?: () => void;
}

/** The floating selection toolbar. */
export function SelectionToolbar({ onRelated }: SelectionToolbarProps = {}) {
  const ui = useOptionalAnnotationUi();
  const anchor = useSelectionAnchor();
  const [floating, setFloating] = useState<HTMLDivElement | null>(null);
  // The selection's box is the reference; its pane's scroller is where scrolling moves it.
  const reference = useMemo<VirtualElement | null>(() => {
    if (!anchor) return null;
    const scroller = document.querySelector(`[data-testid="pane-scroll-${anchor.side}"]`) ?? undefined;
    return {
      getBoundingClientRect: () => rangeRect(anchor.range),
      getClientRects: () => rangeRects(anchor.range),
      contextElement: scroller,
    };
  }, [anchor]);
  const { refs, floatingStyles, middlewareData } = useFloating({
    elements: { floating },
    placement: 'top',
    strategy: 'fixed',
    middleware: [offset(10), flip({ fallbackPlacements: ['bottom'] }), shift({ padding: 8 }), hide()],
    whileElementsMounted: autoUpdate,
  });
  useLayoutEffect(() => {
    refs.setPositionReference(reference);
  }, [refs, reference]);

  if (!ui || !anchor || ui.linkSource) return null;
  const { actions } = ui;
  return (
    <div
      ref={setFloating}
      style={{ ...floatingStyles, visibility: middlewareData.hide?.referenceHidden ? 'hidden' : 'visible' }}
      className="selection-toolbar"
      role="toolbar"
      aria-label="Annotate the selection"
      data-testid="selection-toolbar"
      // Pressing a button must not collapse the selection it acts on.
      onMouseDown={(event) => event.preventDefault()}
    >
      {HIGHLIGHT_COLOURS.map((colour) => (
        <button
          key={colour}
          type="button"
          className="toolbar-swatch"
          data-colour={colour}
          data-tip={`${colourLabel(colour)} · ${colourKey(colour)}`}
          aria-label={`Highlight ${colour}`}
          aria-keyshortcuts={colourKey(colour)}
          onClick={() => actions.highlight(colour)}
        >
          <span className="swatch" data-colour={colour} aria-hidden="true" />
        </button>
      ))}
      <span className="toolbar-divider" aria-hidden="true" />
      <button type="button" className="toolbar-button" data-tip="Note · N" aria-keyshortcuts="N" onClick={() => actions.noteOnSelection()}>
        <StickyNote aria-hidden="true" />
        Note
      </button>
      <button type="button" className="toolbar-button" data-tip="Link · L" aria-keyshortcuts="L" onClick={() => actions.startLink()}>
        <Link2 aria-hidden="true" />
        Link
      </button>
      {onRelated ? (
        <button type="button" className="toolbar-button" data-tip="Related in the other text · R" aria-keyshortcuts="R" aria-label="Related in the other text" onClick={onRelated}>
          <TextSearch aria-hidden="true" />
          Related
        </button>
      ) : null}
    </div>
  );
}
