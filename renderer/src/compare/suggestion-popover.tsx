/**
 * The card beside a focused or hovered band: both passages, why they were
 * paired (shared words, related word pairs, the score), and Accept (with an
 * optional note) or Reject. Positioned by Floating UI next to the band's
 * number; it is a non-modal popover, so reading and selecting go on.
 */
import { useLayoutEffect, useState, type KeyboardEvent } from 'react';
import { autoUpdate, flip, offset, shift, size, useFloating } from '@floating-ui/react';
import { Check, X } from 'lucide-react';
import type { CompareSuggestion } from '../../../electron/api/contract';

/** Props of {@link SuggestionPopover}. */
export interface SuggestionPopoverProps {
  id: string;
  suggestion: CompareSuggestion;
  /** The id of the suggestion's number button, which the card floats by. */
  anchorId: string;
  /** Where the card goes: over the pane whose passage is off screen, so the one on screen stays readable. */
  placement: 'left' | 'right' | 'bottom';
  leftTitle: string;
  rightTitle: string;
  onAccept: (note: string) => void;
  onReject: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onClose: () => void;
}

/** "72%". */
export function percent(score: number): string {
  return `${Math.round(Math.min(Math.max(score, 0), 1) * 100)}%`;
}

/** A passage shortened for the card, whole words, with an ellipsis when cut. */
export function excerpt(quote: string, limit = 240): string {
  const clean = quote.replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return clean;
  const cut = clean.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > limit * 0.6 ? space : limit)}…`;
}

/** Why the two passages were paired, in words. */
function Reasons({ suggestion }: { suggestion: CompareSuggestion }) {
  const { sharedTerms, relatedTerms } = suggestion;
  return (
    <dl className="compare-reasons">
      {sharedTerms.length > 0 ? (
        <>
          <dt>Shared words</dt>
          <dd>
            {sharedTerms.slice(0, 8).map((term) => (
              <span key={term} className="compare-term">
                {term}
              </span>
            ))}
          </dd>
        </>
      ) : null}
      {relatedTerms.length > 0 ? (
        <>
          <dt>Related words</dt>
          <dd>
            {relatedTerms.slice(0, 6).map((pair) => (
              <span key={`${pair.left}~${pair.right}`} className="compare-term" title={`Similarity ${percent(pair.similarity)}`}>
                {pair.left} ≈ {pair.right}
              </span>
            ))}
          </dd>
        </>
      ) : null}
      <dt>Score</dt>
      <dd>
        <strong>{percent(suggestion.score)}</strong>
        <span className="compare-score-detail">
          signals: same words {suggestion.lexical.toFixed(2)}, similar meaning {suggestion.semantic.toFixed(2)}
        </span>
      </dd>
    </dl>
  );
}

/** The suggestion card. */
export function SuggestionPopover(props: SuggestionPopoverProps) {
  const { suggestion, anchorId } = props;
  const [note, setNote] = useState('');
  const [floating, setFloating] = useState<HTMLDivElement | null>(null);
  const { refs, floatingStyles } = useFloating({
    elements: { floating },
    placement: props.placement,
    strategy: 'fixed',
    middleware: [offset(14), flip({ fallbackPlacements: props.placement === 'bottom' ? ['top'] : [props.placement === 'left' ? 'right' : 'left', 'bottom'] }), shift({ padding: 8 }), size({ padding: 8, apply: ({ availableHeight, elements }) => elements.floating.style.setProperty('--available-height', `${Math.max(availableHeight, 160)}px`) })],
    whileElementsMounted: autoUpdate,
  });
  useLayoutEffect(() => {
    refs.setReference(document.getElementById(anchorId));
  }, [refs, anchorId]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      props.onClose();
    }
  };
  return (
    <div
      ref={setFloating}
      id={props.id}
      style={floatingStyles}
      className="compare-popover"
      role="dialog"
      aria-modal="false"
      aria-label={`Suggestion ${suggestion.rank}: ${percent(suggestion.score)}`}
      data-testid="compare-popover"
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
      onKeyDown={onKeyDown}
    >
      <header className="compare-popover-header">
        <span className="compare-rank" aria-hidden="true">
          {suggestion.rank}
        </span>
        <span>Suggested correspondence · {percent(suggestion.score)}</span>
      </header>
      <div className="compare-passages">
        <figure>
          <figcaption>{props.leftTitle}</figcaption>
          <blockquote data-testid="compare-popover-left">{excerpt(suggestion.left.quote)}</blockquote>
        </figure>
        <figure>
          <figcaption>{props.rightTitle}</figcaption>
          <blockquote data-testid="compare-popover-right">{excerpt(suggestion.right.quote)}</blockquote>
        </figure>
      </div>
      <Reasons suggestion={suggestion} />
      <label className="compare-note">
        <span>Note on the link (optional)</span>
        <textarea
          value={note}
          rows={2}
          placeholder="Why these passages belong together"
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={(event) => {
            // Ctrl+Enter accepts from the note, as in the note editor; a plain Enter is a new line.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              props.onAccept(note);
            }
          }}
        />
      </label>
      <div className="compare-popover-actions">
        <button type="button" className="button button-primary" onClick={() => props.onAccept(note)} aria-keyshortcuts="Enter">
          <Check aria-hidden="true" />
          Accept as link
        </button>
        <button type="button" className="button" onClick={props.onReject} aria-keyshortcuts="Delete">
          <X aria-hidden="true" />
          Reject
        </button>
      </div>
    </div>
  );
}
