/**
 * The lasting "changes not saved" sign: while the host holds changes in
 * memory because the disk refuses them, a banner says so, why, that nothing
 * is lost yet, and that this window must stay open. It cannot be dismissed;
 * it goes away by itself once the host's retries have written everything.
 */
import { CircleAlert } from 'lucide-react';
import type { SaveStatus as HostSaveStatus } from '../../../electron/api/contract';
import { LogHint } from './log-hint';
import type { SaveStatus } from './save-queue';
import { useHostSaveStatus } from './use-host-save-status';

/** Props of {@link UnsavedBanner}. */
export interface UnsavedBannerProps {
  /** The window's own saving state (the status bar's). */
  rendererState: SaveStatus['state'];
  /** Sends the window's own failed saves again (what the status bar's "Try again" does). */
  onRecovered: () => void;
}

/**
 * The host's first message about a failed save ends by promising to keep
 * the change; the banner says that itself, once, for every change.
 */
function reasonOf(lastError: string | null): string {
  const reason = (lastError ?? '').replace(/\s*Your changes? (is|are) kept in memory.*$/s, '').trim();
  return reason || 'The disk refused to write them.';
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

function sinceText(since: string | null): string {
  const date = since ? new Date(since) : null;
  return date && !Number.isNaN(date.getTime()) ? ` since ${timeFormat.format(date)}` : '';
}

/** What the banner shows while the host retries. */
export function UnsavedMessage({ status }: { status: HostSaveStatus }) {
  const count = status.pendingChanges;
  const waiting = count === 1 ? '1 change is waiting' : `${count} changes are waiting`;
  return (
    <div className="notices unsaved-notices">
      <div className="notice unsaved-banner" data-level="error" role="alert" data-testid="unsaved-banner">
        <CircleAlert className="notice-icon" aria-hidden="true" />
        <div className="notice-text">
          <p>
            <strong>Changes not saved</strong> — {reasonOf(status.lastError)}
          </p>
          <p>
            Diptych keeps {count === 1 ? 'it' : 'them'} in memory and keeps trying; don’t close this window. {waiting}
            {sinceText(status.since)}.
          </p>
          <LogHint className="unsaved-log" lead="Details in the log:" />
        </div>
      </div>
    </div>
  );
}

/** Polls the host's saving state and shows the banner while it retries. */
export function UnsavedBanner({ rendererState, onRecovered }: UnsavedBannerProps) {
  const status = useHostSaveStatus({ rendererState, onRecovered });
  if (status?.state !== 'retrying') return null;
  return <UnsavedMessage status={status} />;
}
