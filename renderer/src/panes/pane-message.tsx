/**
 * What a pane shows instead of a text: an empty state that says what to do,
 * a loading note, or an error card that says what happened and offers a way on.
 */
import type { ReactNode } from 'react';
import { AlertTriangle, BookOpen, LoaderCircle, RotateCw } from 'lucide-react';

/** An empty pane or a document no longer in the library. */
export function PaneEmpty({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="pane-message">
      <BookOpen className="pane-message-icon" aria-hidden="true" />
      <p className="pane-message-title">{title}</p>
      <p className="pane-message-body">{children}</p>
    </div>
  );
}

/** Shown while a text is fetched; fades in late so fast loads never flash it. */
export function PaneLoading({ title }: { title: string }) {
  return (
    <div className="pane-message pane-loading" role="status">
      <LoaderCircle className="pane-message-icon spin" aria-hidden="true" />
      <p className="pane-message-body">Opening {title}…</p>
    </div>
  );
}

/** Props of {@link PaneError}. */
export interface PaneErrorProps {
  title: string;
  message: string;
  /** What was kept, in the reader's words. */
  reassurance: string;
  actionLabel: string;
  onAction: () => void;
}

/** A failure in one pane: the rest of the window keeps working. */
export function PaneError({ title, message, reassurance, actionLabel, onAction }: PaneErrorProps) {
  return (
    <div className="pane-message pane-error" role="alert">
      <AlertTriangle className="pane-message-icon" aria-hidden="true" />
      <p className="pane-message-title">{title}</p>
      <p className="pane-message-body">{message}</p>
      <p className="pane-message-note">{reassurance}</p>
      <button type="button" className="button button-primary" onClick={onAction}>
        <RotateCw aria-hidden="true" />
        {actionLabel}
      </button>
    </div>
  );
}
