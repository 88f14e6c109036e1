/**
 * "Restore from backup…": the backups the host keeps (one at every start,
 * one an hour while something changes, one before every restore), with
 * their dates and what they hold; restoring one after a confirmation. The
 * library as it was is kept as a backup first, so a restore can be undone
 * by restoring that one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Archive, CircleAlert, History, Info, LoaderCircle, RotateCcw, X } from 'lucide-react';
import type { BackupSummary } from '../../../electron/api/contract';
import { api } from '../api';
import { DialogFrame } from './dialog-frame';

/** Where the window leaves word of a restore for itself across the reload that follows it. */
export const RESTORED_KEY = 'diptych.restored-backup';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });

/** A backup's time in the reader's locale, for example "Wednesday 25 November 2026 at 14:02:11". */
export function backupDate(createdAt: string): string {
  const date = new Date(createdAt);
  return Number.isNaN(date.getTime()) ? createdAt : dateTimeFormat.format(date);
}

const KIND_LABELS: Record<BackupSummary['kind'], string> = {
  automatic: 'Automatic',
  'before-restore': 'Before a restore',
};

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

function contents(backup: BackupSummary): string {
  return `${plural(backup.documents, 'document', 'documents')} · ${plural(backup.annotations, 'annotation', 'annotations')}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'the host gave no reason';
}

/** Props of {@link BackupsDialog}. */
export interface BackupsDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /**
   * Called once a backup is back on disk. By default the window reloads: the
   * documents, layout, settings and annotations all changed under it, and
   * starting afresh from the host is simpler and surer than patching every
   * piece of state in place.
   */
  onRestored?: () => void;
}

type Listing = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; backups: BackupSummary[] };

type Step = { kind: 'list' } | { kind: 'confirm'; backup: BackupSummary } | { kind: 'restoring'; backup: BackupSummary };

function reloadWindow(): void {
  window.location.reload();
}

/** A message as a sentence, so another can follow it. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** The "Restore from backup" dialog. */
export function BackupsDialog({ open, onOpenChange, onRestored = reloadWindow }: BackupsDialogProps) {
  const [busy, setBusy] = useState(false);
  const onDialogOpenChange = (next: boolean) => {
    // A restore under way ends with a reload; closing the dialog now would only hide it.
    if (!next && busy) return;
    onOpenChange(next);
  };
  return (
    <DialogFrame
      open={open}
      onOpenChange={onDialogOpenChange}
      title="Restore from backup"
      description="Diptych backs up your library (documents, layout, settings and annotations) each time it starts and every hour while you work."
      className="backups-dialog"
    >
      {/* The content unmounts when the dialog closes, so each opening starts afresh. */}
      <BackupsBody onBusyChange={setBusy} onRestored={onRestored} />
    </DialogFrame>
  );
}

function BackupsBody({ onBusyChange, onRestored }: { onBusyChange: (busy: boolean) => void; onRestored: () => void }) {
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  const [step, setStep] = useState<Step>({ kind: 'list' });
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  /** The backup whose "Restore…" button gets focus back after the confirmation. */
  const returnTo = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    api.listBackups({}).then(
      (backups) => {
        if (live) setListing({ status: 'ready', backups });
      },
      (error: unknown) => {
        if (live) setListing({ status: 'error', message: messageOf(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const relist = useCallback(() => {
    setListing({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    if (step.kind === 'confirm') confirmRef.current?.focus();
    if (step.kind === 'list' && returnTo.current && listing.status !== 'loading') {
      const id = returnTo.current;
      returnTo.current = null;
      const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-backup-id]') ?? [];
      [...rows].find((row) => row.dataset['backupId'] === id)?.querySelector('button')?.focus();
    }
  }, [step, listing]);

  const restore = async (backup: BackupSummary) => {
    setStep({ kind: 'restoring', backup });
    setFailure(null);
    onBusyChange(true);
    try {
      await api.restoreBackup({ id: backup.id });
    } catch (error) {
      onBusyChange(false);
      setFailure(`The backup of ${backupDate(backup.createdAt)} was not restored: ${sentence(messageOf(error))} Your library is as it was.`);
      setStep({ kind: 'list' });
      relist();
      return;
    }
    try {
      sessionStorage.setItem(RESTORED_KEY, JSON.stringify({ createdAt: backup.createdAt, kind: backup.kind, annotations: backup.annotations }));
    } catch {
      // No session storage (a locked-down profile): the reload comes without its confirmation.
    }
    onRestored();
  };

  const busy = step.kind === 'restoring';
  return (
    <>
      {failure ? (
        <p className="backups-failure" role="alert">
          <CircleAlert aria-hidden="true" />
          <span>{failure}</span>
        </p>
      ) : null}
      {step.kind === 'list' ? (
        <div ref={listRef}>
          <BackupList
            listing={listing}
            onRetry={relist}
            onChoose={(backup) => {
              returnTo.current = backup.id;
              setFailure(null);
              setStep({ kind: 'confirm', backup });
            }}
          />
        </div>
      ) : (
        <div className="backups-confirm" role="group" aria-labelledby="backups-confirm-question">
          <p id="backups-confirm-question" className="backups-question">
            Restore the library as it was on {backupDate(step.backup.createdAt)}? Your current library is kept as a backup first.
          </p>
          <p className="backups-meta">
            That backup holds {plural(step.backup.documents, 'document', 'documents')} and {plural(step.backup.annotations, 'annotation', 'annotations')}.
          </p>
          <div className="backups-actions">
            {/* aria-disabled rather than disabled while restoring: a disabled button would drop the focus out of the dialog. */}
            <button type="button" className="button" aria-disabled={busy} onClick={() => {
                if (!busy) setStep({ kind: 'list' });
              }}
            >
              Cancel
            </button>
            <button ref={confirmRef} type="button" className="button button-primary" aria-disabled={busy} onClick={() => {
                if (!busy) void restore(step.backup);
              }}
            >
              {busy ? <LoaderCircle className="spin" aria-hidden="true" /> : <RotateCcw aria-hidden="true" />}
              {busy ? 'Restoring…' : 'Restore'}
            </button>
          </div>
          <span className="visually-hidden" role="status">
            {busy ? 'Restoring the backup…' : ''}
          </span>
        </div>
      )}
    </>
  );
}

interface BackupListProps {
  listing: Listing;
  onRetry: () => void;
  onChoose: (backup: BackupSummary) => void;
}

function BackupList({ listing, onRetry, onChoose }: BackupListProps) {
  if (listing.status === 'loading') {
    return (
      <p className="backups-empty backups-loading" role="status">
        <LoaderCircle className="spin" aria-hidden="true" />
        Looking for backups…
      </p>
    );
  }
  if (listing.status === 'error') {
    return (
      <div className="backups-empty" role="alert">
        <p>Could not list the backups: {listing.message}</p>
        <p className="backups-meta">Nothing was changed.</p>
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (listing.backups.length === 0) {
    return (
      <div className="backups-empty" data-testid="backups-empty">
        <Archive className="backups-empty-icon" aria-hidden="true" />
        <p>There are no backups yet.</p>
        <p className="backups-meta">
          The first one is made the next time Diptych starts, and another every hour while you work. The last 10 are kept.
        </p>
      </div>
    );
  }
  return (
    <ul className="backup-list" aria-label="Backups, newest first">
      {listing.backups.map((backup) => {
        const date = backupDate(backup.createdAt);
        return (
          <li key={backup.id} className="backup-row" data-testid="backup-row" data-backup-id={backup.id} data-kind={backup.kind}>
            <History className="backup-icon" aria-hidden="true" />
            <div className="backup-text">
              <p className="backup-date">{date}</p>
              <p className="backups-meta">
                <span className="backup-kind" data-kind={backup.kind}>
                  {KIND_LABELS[backup.kind]}
                </span>{' '}
                · {contents(backup)}
              </p>
            </div>
            <button type="button" className="button button-small" aria-label={`Restore the backup of ${date}`} onClick={() => onChoose(backup)}>
              Restore…
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Read once per window: the word a restore left before the reload. */
function takeRestored(): { createdAt: string; kind: BackupSummary['kind']; annotations?: number } | null {
  try {
    const raw = sessionStorage.getItem(RESTORED_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { createdAt?: unknown; kind?: unknown; annotations?: unknown };
    if (typeof parsed.createdAt !== 'string') return null;
    return {
      createdAt: parsed.createdAt,
      kind: parsed.kind === 'before-restore' ? 'before-restore' : 'automatic',
      ...(typeof parsed.annotations === 'number' ? { annotations: parsed.annotations } : {}),
    };
  } catch {
    return null;
  }
}

/** After the reload a restore causes: what was restored, and how to undo it. Shown until dismissed. */
export function RestoredNotice() {
  const [restored, setRestored] = useState<ReturnType<typeof takeRestored>>(null);
  useEffect(() => {
    // The first touch of sessionStorage costs about 40 ms on this window's thread: not before the texts are on screen.
    const read = () => {
      const found = takeRestored();
      if (found) setRestored(found);
      // Removed once read, so a later reload does not say it again.
      try {
        sessionStorage.removeItem(RESTORED_KEY);
      } catch {
        /* nothing to remove */
      }
    };
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(read, 0);
      return () => window.clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(read, { timeout: 2000 });
    return () => window.cancelIdleCallback(idle);
  }, []);
  if (!restored) return null;
  return (
    <div className="notices">
      <div className="notice" data-level="info" role="status" data-testid="restored-notice">
        <Info className="notice-icon" aria-hidden="true" />
        <div className="notice-text">
          <p>
            Your library is back as it was on {backupDate(restored.createdAt)}
            {restored.annotations !== undefined ? ` (${plural(restored.annotations, 'annotation', 'annotations')})` : ''}. The library as it was
            just before is kept as a backup: to undo, restore the newest “Before a restore” backup from Reading settings.
          </p>
        </div>
        <button type="button" className="button button-small" onClick={() => setRestored(null)}>
          <X aria-hidden="true" />
          Dismiss
        </button>
      </div>
    </div>
  );
}
