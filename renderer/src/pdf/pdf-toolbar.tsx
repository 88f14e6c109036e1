/**
 * The bar above a PDF: the outline (when the PDF has one), previous and
 * next page, the page number box with the page count, zoom out and in, the
 * zoom choice (fit width, fit page, or a percentage), and find.
 */
import { useState, type KeyboardEvent } from 'react';
import { ChevronDown, ChevronUp, ListTree, Minus, Plus, Search } from 'lucide-react';
import type { PaneSide } from '../../../electron/api/contract';
import type { ZoomMode } from './pdf-layout';

/** Percentages offered in the zoom list. */
const ZOOM_CHOICES = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;

/** Props of {@link PdfToolbar}. */
export interface PdfToolbarProps {
  side: PaneSide;
  pageNumber: number;
  pageCount: number;
  mode: ZoomMode;
  /** The zoom showing now, as a fraction of 100% (fit modes compute it). */
  zoom: number;
  hasOutline: boolean;
  outlineOpen: boolean;
  onToggleOutline: () => void;
  onGoToPage: (pageNumber: number) => void;
  /** A page number typed in the box and entered. */
  onEnterPage: (pageNumber: number) => void;
  onZoomStep: (direction: 1 | -1) => void;
  onMode: (mode: ZoomMode) => void;
  onFind: () => void;
}

function percent(zoom: number): string {
  return `${Math.round(zoom * 100)}%`;
}

function modeValue(mode: ZoomMode): string {
  return mode.kind === 'fixed' ? String(mode.zoom) : mode.kind;
}

/** The PDF's toolbar. */
export function PdfToolbar(props: PdfToolbarProps) {
  const { side, pageNumber, pageCount, mode, zoom } = props;
  // What the reader is typing, for the page it was typed on: moving to another page shows that page's number again.
  const [draft, setDraft] = useState<{ page: number; text: string } | null>(null);
  const typed = draft && draft.page === pageNumber ? draft.text : null;
  const setTyped = (text: string | null) => setDraft(text === null ? null : { page: pageNumber, text });

  const go = () => {
    // Enter on the number shown goes to that page's top again.
    const wanted = typed === null ? pageNumber : Number(typed);
    setTyped(null);
    if (Number.isInteger(wanted) && wanted >= 1 && wanted <= pageCount) props.onEnterPage(wanted);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      go();
    } else if (event.key === 'Escape') {
      setTyped(null);
    }
  };
  const fixedChoice = mode.kind === 'fixed' && !ZOOM_CHOICES.some((z) => Math.abs(z - mode.zoom) < 0.001);

  return (
    <div className="pdf-toolbar" role="toolbar" aria-label={`PDF controls, ${side} pane`} data-testid={`pdf-toolbar-${side}`}>
      {props.hasOutline ? (
        <button
          type="button"
          className="icon-button"
          aria-label="Outline"
          aria-pressed={props.outlineOpen}
          title="Outline"
          data-testid={`pdf-outline-toggle-${side}`}
          onClick={props.onToggleOutline}
        >
          <ListTree aria-hidden="true" />
        </button>
      ) : null}
      <div className="pdf-toolbar-group">
        <button type="button" className="icon-button" aria-label="Previous page" title="Previous page" disabled={pageNumber <= 1} onClick={() => props.onGoToPage(pageNumber - 1)}>
          <ChevronUp aria-hidden="true" />
        </button>
        <button type="button" className="icon-button" aria-label="Next page" title="Next page" disabled={pageNumber >= pageCount} onClick={() => props.onGoToPage(pageNumber + 1)}>
          <ChevronDown aria-hidden="true" />
        </button>
        <label className="pdf-page-field">
          <span className="visually-hidden">Page number in {side} pane</span>
          <input
            className="pdf-page-input"
            type="text"
            inputMode="numeric"
            value={typed ?? String(pageNumber)}
            onChange={(event) => setTyped(event.target.value.replace(/[^0-9]/g, ''))}
            onKeyDown={onKeyDown}
            onBlur={() => setTyped(null)}
            onFocus={(event) => event.target.select()}
            data-testid={`pdf-page-input-${side}`}
          />
        </label>
        <span className="pdf-page-count" data-testid={`pdf-page-count-${side}`}>
          of {pageCount}
        </span>
      </div>
      <div className="pdf-toolbar-group">
        <button type="button" className="icon-button" aria-label="Zoom out" title="Zoom out (Ctrl+−)" onClick={() => props.onZoomStep(-1)}>
          <Minus aria-hidden="true" />
        </button>
        <label className="pdf-zoom-field">
          <span className="visually-hidden">Zoom</span>
          <select
            className="pdf-zoom-select"
            value={modeValue(mode)}
            onChange={(event) => {
              const value = event.target.value;
              props.onMode(value === 'fit-width' || value === 'fit-page' ? { kind: value } : { kind: 'fixed', zoom: Number(value) });
            }}
            data-testid={`pdf-zoom-${side}`}
          >
            <option value="fit-width">{mode.kind === 'fit-width' ? `Fit width (${percent(zoom)})` : 'Fit width'}</option>
            <option value="fit-page">{mode.kind === 'fit-page' ? `Fit page (${percent(zoom)})` : 'Fit page'}</option>
            {fixedChoice ? <option value={modeValue(mode)}>{percent(zoom)}</option> : null}
            {ZOOM_CHOICES.map((choice) => (
              <option key={choice} value={String(choice)}>
                {percent(choice)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="icon-button" aria-label="Zoom in" title="Zoom in (Ctrl++)" onClick={() => props.onZoomStep(1)}>
          <Plus aria-hidden="true" />
        </button>
      </div>
      <button type="button" className="icon-button pdf-find-toggle" aria-label="Find in PDF" title="Find in PDF (Ctrl+F)" onClick={props.onFind}>
        <Search aria-hidden="true" />
      </button>
    </div>
  );
}
