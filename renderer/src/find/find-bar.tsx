/**
 * The find bar of a text pane: a field, the match count ("3 of 17"), and
 * previous / next / close. Enter goes to the next match, Shift+Enter to the
 * previous one, Esc closes the bar.
 */
import type { KeyboardEvent, RefObject } from 'react';
import { ChevronDown, ChevronUp, Search, X } from 'lucide-react';
import type { PaneSide } from '../../../electron/api/contract';
import type { FindState } from './use-find';

/** What the count says for a find state. */
export function findCountText(state: FindState): string {
  if (state.query.length === 0) return '';
  const { matches } = state;
  if (!matches) return 'Searching…';
  if (matches.size === 0) return 'No matches';
  const total = `${matches.size.toLocaleString('en')}${matches.truncated ? '+' : ''}`;
  return `${(state.current + 1).toLocaleString('en')} of ${total}`;
}

/** Props of {@link FindBar}. */
export interface FindBarProps {
  side: PaneSide;
  title: string;
  state: FindState;
  inputRef: RefObject<HTMLInputElement | null>;
  onQueryChange: (query: string) => void;
  onNext: () => void;
  onPrevious: () => void;
  onClose: () => void;
}

/** The bar above a text while finding in it. */
export function FindBar({ side, title, state, inputRef, onQueryChange, onNext, onPrevious, onClose }: FindBarProps) {
  const count = findCountText(state);
  const hasMatches = (state.matches?.size ?? 0) > 0;
  const stale = state.query !== state.searchedQuery;
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      // Esc here closes the bar and nothing else (not a link being made, not a dialog behind).
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Enter' && event.target === inputRef.current) {
      event.preventDefault();
      if (event.shiftKey) onPrevious();
      else onNext();
    }
  };
  return (
    <div className="find-bar" role="search" aria-label={`Find in ${title}`} data-testid={`find-bar-${side}`} onKeyDown={onKeyDown}>
      <Search className="find-icon" aria-hidden="true" />
      <input
        ref={inputRef}
        className="find-input"
        type="text"
        value={state.query}
        onChange={(event) => onQueryChange(event.target.value)}
        aria-label="Find in text"
        aria-describedby={`find-count-${side}`}
        placeholder="Find in text"
        spellCheck={false}
        autoComplete="off"
        enterKeyHint="search"
        data-testid={`find-input-${side}`}
      />
      <span id={`find-count-${side}`} className="find-count" role="status" data-stale={stale ? 'true' : undefined} data-empty={state.query.length > 0 && state.matches?.size === 0 && !stale ? 'true' : undefined} data-testid={`find-count-${side}`}>
        {count}
      </span>
      <button type="button" className="icon-button find-button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={!hasMatches} onClick={onPrevious}>
        <ChevronUp aria-hidden="true" />
      </button>
      <button type="button" className="icon-button find-button" aria-label="Next match" title="Next match (Enter)" disabled={!hasMatches} onClick={onNext}>
        <ChevronDown aria-hidden="true" />
      </button>
      <button type="button" className="icon-button find-button" aria-label="Close find" title="Close (Esc)" onClick={onClose}>
        <X aria-hidden="true" />
      </button>
    </div>
  );
}
