/**
 * The status bar: whether everything is saved (and why not), which pane
 * has the keyboard, and how much text is selected.
 */
import { Check, CircleAlert, Info, LoaderCircle } from 'lucide-react';
import type { StatusMessage } from '../annotations/annotations-context';
import type { SaveStatus } from './save-queue';

/** Props of {@link StatusBar}. */
export interface StatusBarProps {
  save: SaveStatus;
  onRetrySave: () => void;
  focusedLabel: string;
  selectionLength: number;
  /** A short message about the last action (created, undone, why nothing was created). */
  message?: StatusMessage | null;
}

const numberFormat = new Intl.NumberFormat('en');

function SaveState({ save, onRetrySave }: Pick<StatusBarProps, 'save' | 'onRetrySave'>) {
  return (
    <span className="save-state" data-testid="save-state" data-state={save.state}>
      {save.state === 'saved' ? <Check aria-hidden="true" /> : null}
      {save.state === 'saving' ? <LoaderCircle className="spin" aria-hidden="true" /> : null}
      {save.state === 'error' ? <CircleAlert aria-hidden="true" /> : null}
      <span className="save-state-text">
        {save.state === 'saved' ? 'Saved' : save.state === 'saving' ? 'Saving…' : `Not saved — ${save.message}`}
      </span>
      {save.state === 'error' ? (
        <button type="button" className="button button-small" onClick={onRetrySave}>
          Try again
        </button>
      ) : null}
    </span>
  );
}

/** The bar along the bottom of the window. */
export function StatusBar({ save, onRetrySave, focusedLabel, selectionLength, message = null }: StatusBarProps) {
  return (
    <footer className="status-bar" data-testid="status-bar">
      <SaveState save={save} onRetrySave={onRetrySave} />
      {/* Only failures are announced: "Saving… Saved" after every scroll would drown a screen reader. */}
      <span className="visually-hidden" role="status">
        {save.state === 'error' ? `Not saved: ${save.message}` : ''}
      </span>
      <span className="status-item" data-testid="focused-pane">
        {focusedLabel}
      </span>
      {/* Messages answer the reader's own actions, so they are announced (politely). */}
      <span className="status-message" role="status" data-testid="status-message" data-tone={message?.tone}>
        {message ? (
          <>
            {message.tone === 'error' ? <CircleAlert aria-hidden="true" /> : <Info aria-hidden="true" />}
            <span key={message.id}>{message.text}</span>
          </>
        ) : null}
      </span>
      {selectionLength > 0 ? (
        <span className="status-item" data-testid="selection-length">
          {numberFormat.format(selectionLength)} {selectionLength === 1 ? 'character' : 'characters'} selected
        </span>
      ) : null}
    </footer>
  );
}
