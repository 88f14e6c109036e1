/**
 * What the window shows before the workspace: a quiet loading line, or why
 * Diptych could not start and a way to try again. Never a blank screen.
 */
import { CircleAlert, RotateCw } from 'lucide-react';
import { LogHint } from './log-hint';

/** Shown while the session loads. */
export function BootLoading() {
  return (
    <div className="boot-screen" role="status">
      <p className="boot-title">Diptych</p>
      <p className="boot-message boot-loading">Opening your library…</p>
    </div>
  );
}

/** Shown when the session or library cannot be read. */
export function BootError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="boot-screen">
      <div className="boot-card" role="alert">
        <CircleAlert className="boot-icon" aria-hidden="true" />
        <h1 className="boot-title">Diptych could not open your library</h1>
        <p className="boot-message">{message}</p>
        <p className="boot-note">Nothing was changed. Check that Diptych’s host is running, then try again.</p>
        {/* Only when the host answers at all: then it can say where it logged what went wrong. */}
        <LogHint className="boot-note" />
        <button type="button" className="button button-primary" onClick={onRetry}>
          <RotateCw aria-hidden="true" />
          Try again
        </button>
      </div>
    </div>
  );
}
