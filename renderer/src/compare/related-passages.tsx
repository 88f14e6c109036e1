/**
 * "Related in the other text": for the selected passage, the passages of
 * the other pane's document that speak of the same thing, ranked, in a card
 * floating by the selection. Choosing one scrolls the other pane to it and
 * flashes it (the app's reveal); the card stays, so the reader can try the
 * next one.
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import { autoUpdate, flip, offset, shift, size, useFloating, type VirtualElement } from '@floating-ui/react';
import { X } from 'lucide-react';
import type { ApiOutput, PaneSide } from '../../../electron/api/contract';
import type { RevealTarget } from '../annotations/reveal';
import { api } from '../api';
import { excerpt, percent } from './suggestion-popover';

/** A request for related passages: the selected passage and the document to search. */
export interface RelatedRequest {
  id: number;
  side: PaneSide;
  documentId: string;
  start: number;
  end: number;
  quote: string;
  otherId: string;
  otherTitle: string;
  /** The selection's range, to float by; null when the selection is gone (the card then sits by the pane). */
  range: Range | null;
}

type Answer = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & ApiOutput<'relatedPassages'>);

/** Props of {@link RelatedPassages}. */
export interface RelatedPassagesProps {
  request: RelatedRequest | null;
  onClose: () => void;
  /** What the card asks of the window: scroll a pane to a passage and flash it. */
  workspace: { reveal: (target: RevealTarget) => void };
}

function reason(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'the host gave no reason';
}

function referenceFor(request: RelatedRequest): VirtualElement {
  const scroller = document.querySelector(`[data-testid="pane-scroll-${request.side}"]`) ?? undefined;
  const range = request.range;
  return {
    getBoundingClientRect: () => (range && typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : (scroller?.getBoundingClientRect() ?? new DOMRect())),
    contextElement: scroller,
  };
}

/** The card; nothing without a request. */
export function RelatedPassages({ request, onClose, workspace }: RelatedPassagesProps) {
  const [answer, setAnswer] = useState<{ id: number; answer: Answer } | null>(null);
  const [chosenFor, setChosen] = useState<{ request: number; index: number } | null>(null);
  const [card, setCard] = useState<HTMLDivElement | null>(null);
  const { refs, floatingStyles } = useFloating({
    elements: { floating: card },
    placement: 'bottom-start',
    strategy: 'fixed',
    middleware: [offset(8), flip({ fallbackPlacements: ['top-start'] }), shift({ padding: 8 }), size({ padding: 8, apply: ({ availableHeight, elements }) => elements.floating.style.setProperty('--available-height', `${Math.max(availableHeight, 180)}px`) })],
    whileElementsMounted: autoUpdate,
  });
  useLayoutEffect(() => {
    refs.setPositionReference(request ? referenceFor(request) : null);
  }, [refs, request]);

  useEffect(() => {
    if (!request) return undefined;
    let live = true;
    api.relatedPassages({ documentId: request.documentId, start: request.start, end: request.end, otherId: request.otherId, limit: 8 }).then(
      (value) => live && setAnswer({ id: request.id, answer: { status: 'ready', ...value } }),
      (error: unknown) => live && setAnswer({ id: request.id, answer: { status: 'error', message: reason(error) } }),
    );
    return () => {
      live = false;
    };
  }, [request]);
  // The card takes focus when it opens, so Tab reaches its list and Esc closes it.
  useEffect(() => {
    if (request) card?.focus({ preventScroll: true });
  }, [request, card]);

  if (!request) return null;
  const chosen = chosenFor?.request === request.id ? chosenFor.index : null;
  const current: Answer = answer?.id === request.id ? answer.answer : { status: 'loading' };
  const close = () => {
    onClose();
    document.querySelector<HTMLElement>(`[data-testid="pane-scroll-${request.side}"]`)?.focus({ preventScroll: true });
  };
  let body;
  if (current.status === 'loading') body = <p className="related-state">Looking for related passages…</p>;
  else if (current.status === 'error')
    body = (
      <p className="related-state" role="alert">
        Couldn’t look for related passages: {current.message}. Nothing was changed; try again with the selection.
      </p>
    );
  else if (current.passages.length === 0) body = <p className="related-state">{current.message ?? `Nothing in “${request.otherTitle}” seems to speak of this passage. Try a longer selection.`}</p>;
  else
    body = (
      <>
        {current.message ? <p className="related-state">{current.message}</p> : null}
        <ol className="related-list">
          {current.passages.map((item, index) => (
            <li key={`${item.passage.start}:${item.passage.end}`}>
              <button
                type="button"
                className="related-item"
                data-testid="related-item"
                data-chosen={chosen === index ? 'true' : undefined}
                onClick={() => {
                  setChosen({ request: request.id, index });
                  workspace.reveal({ documentId: request.otherId, annotationId: `related:${request.id}:${index}`, targetIndex: 0, start: item.passage.start, end: item.passage.end, avoidSide: request.side });
                }}
              >
                <span className="related-quote">{excerpt(item.passage.quote, 200)}</span>
                <span className="related-why">
                  {percent(item.score)}
                  {item.sharedTerms.length > 0 ? ` · ${item.sharedTerms.slice(0, 4).join(', ')}` : ''}
                  {item.relatedTerms.length > 0 ? ` · ${item.relatedTerms.slice(0, 2).map((p) => `${p.left} ≈ ${p.right}`).join(', ')}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </>
    );
  return (
    <div
      ref={setCard}
      style={floatingStyles}
      className="related-card"
      role="dialog"
      aria-modal="false"
      aria-labelledby="related-title"
      data-testid="related-passages"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      }}
    >
      <header className="related-header">
        <h2 id="related-title">Related in “{request.otherTitle}”</h2>
        <button type="button" className="icon-button" aria-label="Close related passages" onClick={close}>
          <X aria-hidden="true" />
        </button>
      </header>
      <p className="related-source">For “{excerpt(request.quote, 90)}”</p>
      {body}
    </div>
  );
}
