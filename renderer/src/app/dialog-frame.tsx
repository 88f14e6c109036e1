/**
 * The shared shell of Diptych's dialogs, on Radix's accessible Dialog:
 * focus is trapped and restored, Escape and the close button dismiss it.
 */
import { useRef, type ReactNode, type RefObject } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';

/** Props of {@link DialogFrame}. */
export interface DialogFrameProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  className?: string;
  /** What gets focus on opening; by default the dialog itself, so no control is picked for the reader. */
  initialFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

/** A modal dialog with a title, an optional description and a close button. */
export function DialogFrame({ open, onOpenChange, title, description, className, initialFocus, children }: DialogFrameProps) {
  const contentRef = useRef<HTMLDivElement>(null);
  const onOpenAutoFocus = (event: Event) => {
    event.preventDefault();
    (initialFocus?.current ?? contentRef.current)?.focus();
  };
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          ref={contentRef}
          className={className ? `dialog ${className}` : 'dialog'}
          onOpenAutoFocus={onOpenAutoFocus}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <div className="dialog-header">
            <Dialog.Title className="dialog-title">{title}</Dialog.Title>
            <Dialog.Close asChild>
              <button type="button" className="icon-button" aria-label="Close">
                <X aria-hidden="true" />
              </button>
            </Dialog.Close>
          </div>
          {description ? <Dialog.Description className="dialog-description">{description}</Dialog.Description> : null}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
