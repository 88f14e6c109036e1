/**
 * The help overlay listing every keyboard shortcut (opened with `?`).
 */
import { Fragment } from 'react';
import { DialogFrame } from './dialog-frame';
import { shortcutList } from './shortcuts';

/** Props of {@link HelpDialog}. */
export interface HelpDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** The "Keyboard shortcuts" dialog. */
export function HelpDialog({ open, onOpenChange }: HelpDialogProps) {
  return (
    <DialogFrame
      open={open}
      onOpenChange={onOpenChange}
      title="Keyboard shortcuts"
      description="Single keys work whenever you are not typing in a field."
      className="help-dialog"
    >
      <dl className="shortcut-list">
        {shortcutList().map((shortcut) => (
          <Fragment key={shortcut.action}>
            <dt className="shortcut-keys">
              {shortcut.keys.map((key, index) => (
                <Fragment key={key}>
                  {index > 0 && shortcut.together ? <span className="shortcut-plus">+</span> : null}
                  <kbd>{key}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd className="shortcut-action">{shortcut.action}</dd>
          </Fragment>
        ))}
      </dl>
    </DialogFrame>
  );
}
