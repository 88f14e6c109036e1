/**
 * Links in an imported document never navigate the app window, and never
 * open by themselves: a click (or Enter on a focused link) asks first. In
 * the desktop app a web link goes the way a web link in a note does: the
 * main process's window-open guard asks, then hands it to the system
 * browser. Everywhere else the reader is asked here, and the link opens in
 * a new browser tab (or the mail program) with no way back to this window.
 */
import { useRef, useState } from 'react';
import { DialogFrame } from '../app/dialog-frame';
import { safeHref } from './document-structure';

/** What activating a document link should do. */
export type LinkClickAction =
  /** Open it with {@link openOutside}: in the desktop app that hands it to the window-open guard, which asks first. */
  | { kind: 'default'; href: string }
  /** Nothing (the click ended a text selection, or the address is not one Diptych opens). */
  | { kind: 'ignore' }
  /** Ask here first. */
  | { kind: 'ask'; href: string };

/** Whether the window runs in the desktop app (its preload bridge is present). */
export function isDesktopApp(): boolean {
  return typeof window !== 'undefined' && window.diptych !== undefined;
}

const WEB_LINK = /^https?:\/\//i;

/** Decides what activating a link to `href` does; `selection` is the window's, to tell a click from the end of a drag. */
export function linkClickAction(href: string | null, selection: Selection | null, desktop: boolean = isDesktopApp()): LinkClickAction {
  const safe = safeHref(href);
  if (safe === null) return { kind: 'ignore' };
  // A drag that selected text and ended on a link is a selection, not a click.
  if (selection && !selection.isCollapsed && selection.toString().length > 0) return { kind: 'ignore' };
  if (desktop && WEB_LINK.test(safe)) return { kind: 'default', href: safe };
  return { kind: 'ask', href: safe };
}

/** Opens a link in a new, unconnected browsing context: the app window itself never navigates. */
export function openOutside(href: string): void {
  window.open(href, '_blank', 'noopener,noreferrer');
}

const MAX_SHOWN = 300;

/** The address of a mailto: link, decoded when it can be. */
function mailAddress(href: string): string {
  const raw = href.replace(/^mailto:/i, '').split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Props of {@link LinkConfirmDialog}. */
export interface LinkConfirmDialogProps {
  /** The link being asked about, or null when no question is open. */
  href: string | null;
  onClose: () => void;
}

/** "Open this link?" with the address in full, Cancel focused. */
export function LinkConfirmDialog({ href, onClose }: LinkConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [copied, setCopied] = useState(false);
  const open = href !== null;
  const mail = href !== null && /^mailto:/i.test(href);
  // The desktop app hands only web links to the system; an e-mail address can be copied instead.
  const copyOnly = mail && isDesktopApp();
  const shown = href === null ? '' : href.length > MAX_SHOWN ? `${href.slice(0, MAX_SHOWN)}…` : href;
  const address = mail && href !== null ? mailAddress(href) : '';

  const close = () => {
    setCopied(false);
    onClose();
  };
  const confirm = () => {
    if (href === null) return;
    if (copyOnly) {
      void navigator.clipboard?.writeText(address).then(
        () => setCopied(true),
        () => setCopied(false),
      );
      return;
    }
    openOutside(href);
    close();
  };

  return (
    <DialogFrame
      open={open}
      onOpenChange={(next) => {
        if (!next) close();
      }}
      title={mail ? 'Write an e-mail?' : 'Open link?'}
      description={copyOnly ? 'Diptych does not open e-mail programs; you can copy the address.' : mail ? 'This opens your e-mail program.' : 'This opens the page in your web browser, outside Diptych.'}
      className="link-confirm-dialog"
      initialFocus={cancelRef}
    >
      <p className="link-confirm-address" data-testid="link-confirm-address">
        {shown}
      </p>
      <div className="link-confirm-actions">
        <button ref={cancelRef} type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={confirm}>
          {copyOnly ? (copied ? 'Copied' : 'Copy address') : mail ? 'Write e-mail' : 'Open in browser'}
        </button>
      </div>
    </DialogFrame>
  );
}
