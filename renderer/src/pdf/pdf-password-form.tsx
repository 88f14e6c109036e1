/**
 * Asks for the password of a locked PDF, in the pane, and says plainly
 * when the one typed does not open it. The password only opens the file in
 * this window; Diptych does not keep it.
 */
import { useId, useState } from 'react';
import { LockKeyhole } from 'lucide-react';

/** Props of {@link PdfPasswordForm}. */
export interface PdfPasswordFormProps {
  title: string;
  incorrect: boolean;
  onSubmit: (password: string) => void;
}

/** The password prompt of a locked PDF. */
export function PdfPasswordForm({ title, incorrect, onSubmit }: PdfPasswordFormProps) {
  const [password, setPassword] = useState('');
  const fieldId = useId();
  const errorId = useId();
  return (
    <form
      className="pane-message pdf-password"
      data-testid="pdf-password"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(password);
        setPassword('');
      }}
    >
      <LockKeyhole className="pane-message-icon" aria-hidden="true" />
      <p className="pane-message-title">“{title}” is protected by a password</p>
      <p className="pane-message-body">Enter its password to read it. Diptych uses it only to open the file in this window and does not keep it.</p>
      <label className="pdf-password-label" htmlFor={fieldId}>
        Password
      </label>
      <input
        id={fieldId}
        className="pdf-password-input"
        type="password"
        autoComplete="off"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        aria-invalid={incorrect ? 'true' : undefined}
        aria-describedby={incorrect ? errorId : undefined}
        // After a wrong password the reader is typing again; the first prompt waits to be chosen (it may open at start-up).
        autoFocus={incorrect}
        data-testid="pdf-password-input"
      />
      {incorrect ? (
        <p id={errorId} className="pdf-password-error" role="alert">
          That password does not open this PDF. Check it (capitals count) and try again.
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={password.length === 0}>
        Open
      </button>
    </form>
  );
}
