// @vitest-environment jsdom
/**
 * The renderer's side of hardening: the lasting "changes not saved" banner
 * and the polling behind it, "Restore from backup…", and the log's path in
 * messages about unexpected failures.
 */
import { useState } from 'react';
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupSummary, SaveStatus as HostSaveStatus } from '../../../electron/api/contract';
import { ApiError } from '../../../electron/api/errors';
import { clearDocumentCache } from '../../../renderer/src/panes/document-cache';
import { rangeFromOffsets } from '../../../renderer/src/reader/text-offsets';
import { ALL_SAVED, createFakeApi, SOVIET_TEXT, type FakeApi, type FakeHostOptions } from './fake-api';

const holder = vi.hoisted(() => ({ api: null as unknown }));
vi.mock('../../../renderer/src/api', () => ({
  get api() {
    return holder.api;
  },
}));

class InertResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
vi.stubGlobal('ResizeObserver', InertResizeObserver);

const { App } = await import('../../../renderer/src/app/app');
const { useHostSaveStatus } = await import('../../../renderer/src/app/use-host-save-status');
const { UnsavedBanner } = await import('../../../renderer/src/app/unsaved-banner');
const { BackupsDialog, RestoredNotice, RESTORED_KEY, backupDate } = await import('../../../renderer/src/app/backups-dialog');
const { SettingsDialog } = await import('../../../renderer/src/app/settings-dialog');
const { BootError } = await import('../../../renderer/src/app/boot-screen');
const { PaneErrorBoundary } = await import('../../../renderer/src/panes/pane-error-boundary');
const { resetDiagnostics } = await import('../../../renderer/src/app/use-diagnostics');

const LOG = '/home/ana/.config/Diptych/logs/diptych.log';
const FILE = '/home/ana/.config/Diptych/annotations/documents/soviet-overtures-1939.json';

const RETRYING: HostSaveStatus = {
  state: 'retrying',
  pendingChanges: 2,
  lastError: `Could not save the annotation to ${FILE}: the disk is full. Your change is kept in memory and will be saved when writing works again.`,
  since: '2026-11-25T14:02:11.000Z',
};

const BACKUPS: BackupSummary[] = [
  { id: 'before-restore-2026-11-25T15-00-00-000Z', kind: 'before-restore', createdAt: '2026-11-25T15:00:00.000Z', documents: 2, annotations: 41 },
  { id: '2026-11-25T14-02-11-123Z', kind: 'automatic', createdAt: '2026-11-25T14:02:11.123Z', documents: 2, annotations: 1 },
];

let fake: FakeApi;

function useFake(options: FakeHostOptions = {}): FakeApi {
  fake = createFakeApi({ logFile: LOG, ...options });
  holder.api = fake;
  return fake;
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  clearDocumentCache();
  resetDiagnostics();
  window.localStorage.clear();
  window.sessionStorage.clear();
  setVisibility('visible');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('useHostSaveStatus', () => {
  const fast = { fastMs: 20, slowMs: 400 };

  it('asks at once, then rarely while everything is saved', async () => {
    useFake();
    const { result } = renderHook(() => useHostSaveStatus({ rendererState: 'saved', onRecovered: () => {}, ...fast }));
    await waitFor(() => expect(result.current).toEqual(ALL_SAVED));
    await sleep(150);
    expect(fake.getSaveStatus).toHaveBeenCalledTimes(1);
  });

  it('asks often while the host retries, and says how many changes wait and why', async () => {
    useFake({ saveStatus: RETRYING });
    const { result } = renderHook(() => useHostSaveStatus({ rendererState: 'saved', onRecovered: () => {}, ...fast }));
    await waitFor(() => expect(result.current?.state).toBe('retrying'));
    expect(result.current?.pendingChanges).toBe(2);
    await waitFor(() => expect(fake.getSaveStatus.mock.calls.length).toBeGreaterThanOrEqual(4));
  });

  it('asks at once and often when the window’s own save fails', async () => {
    useFake();
    const onRecovered = vi.fn();
    const { rerender } = renderHook(({ state }) => useHostSaveStatus({ rendererState: state, onRecovered, ...fast }), {
      initialProps: { state: 'saved' as 'saved' | 'error' },
    });
    await waitFor(() => expect(fake.getSaveStatus).toHaveBeenCalledTimes(1));
    fake.host.saveStatus = RETRYING;
    rerender({ state: 'error' });
    await waitFor(() => expect(fake.getSaveStatus.mock.calls.length).toBeGreaterThanOrEqual(4));
    expect(onRecovered).not.toHaveBeenCalled();
  });

  it('calls onRecovered once when retrying turns into saved, and slows down again', async () => {
    useFake({ saveStatus: RETRYING });
    const onRecovered = vi.fn();
    const { result, rerender } = renderHook(({ state }) => useHostSaveStatus({ rendererState: state, onRecovered, ...fast }), {
      initialProps: { state: 'error' as 'saved' | 'error' },
    });
    await waitFor(() => expect(result.current?.state).toBe('retrying'));
    fake.host.saveStatus = ALL_SAVED;
    await waitFor(() => expect(result.current?.state).toBe('saved'));
    expect(onRecovered).toHaveBeenCalledTimes(1);
    rerender({ state: 'saved' });
    await sleep(60);
    const calls = fake.getSaveStatus.mock.calls.length;
    await sleep(150);
    expect(fake.getSaveStatus.mock.calls.length).toBe(calls);
    expect(onRecovered).toHaveBeenCalledTimes(1);
  });

  it('retries the window’s failed saves once, not every poll, when the host says saved without having retried', async () => {
    useFake();
    const onRecovered = vi.fn();
    renderHook(() => useHostSaveStatus({ rendererState: 'error', onRecovered, ...fast }));
    await waitFor(() => expect(fake.getSaveStatus.mock.calls.length).toBeGreaterThanOrEqual(5));
    expect(onRecovered).toHaveBeenCalledTimes(1);
  });

  it('keeps the last answer when the host does not answer', async () => {
    useFake({ saveStatus: RETRYING });
    const { result } = renderHook(() => useHostSaveStatus({ rendererState: 'saved', onRecovered: () => {}, ...fast }));
    await waitFor(() => expect(result.current?.state).toBe('retrying'));
    fake.getSaveStatus.mockRejectedValue(new ApiError('internal', 'Diptych’s host is not answering.'));
    const calls = fake.getSaveStatus.mock.calls.length;
    await waitFor(() => expect(fake.getSaveStatus.mock.calls.length).toBeGreaterThan(calls + 2));
    expect(result.current?.state).toBe('retrying');
  });

  it('asks nobody while the window is hidden, and asks again when it is shown', async () => {
    useFake({ saveStatus: RETRYING });
    const { result } = renderHook(() => useHostSaveStatus({ rendererState: 'saved', onRecovered: () => {}, ...fast }));
    await waitFor(() => expect(result.current?.state).toBe('retrying'));
    setVisibility('hidden');
    await sleep(60);
    const calls = fake.getSaveStatus.mock.calls.length;
    await sleep(120);
    expect(fake.getSaveStatus.mock.calls.length).toBe(calls);
    fake.host.saveStatus = ALL_SAVED;
    act(() => setVisibility('visible'));
    await waitFor(() => expect(result.current?.state).toBe('saved'));
  });
});

describe('the unsaved banner', () => {
  it('says what is not saved, why, that it is kept, how many changes wait and where the log is; it cannot be dismissed', async () => {
    useFake({ saveStatus: RETRYING });
    render(<UnsavedBanner rendererState="saved" onRecovered={() => {}} />);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Changes not saved');
    expect(banner.textContent).toContain(`Could not save the annotation to ${FILE}: the disk is full.`);
    expect(banner.textContent).toContain('Diptych keeps them in memory and keeps trying; don’t close this window.');
    expect(banner.textContent).toContain('2 changes are waiting since');
    // The host's own "kept in memory" sentence is not said twice.
    expect(banner.textContent).not.toContain('Your change is kept in memory');
    await waitFor(() => expect(within(banner).getByTestId('log-hint').textContent).toBe(`Details in the log: ${LOG}`));
    expect(within(banner).queryByRole('button')).toBeNull();
  });

  it('shows nothing while everything is saved, and never asks for the log then', async () => {
    useFake();
    const { container } = render(<UnsavedBanner rendererState="saved" onRecovered={() => {}} />);
    await waitFor(() => expect(fake.getSaveStatus).toHaveBeenCalled());
    expect(container.textContent).toBe('');
    expect(fake.getDiagnostics).not.toHaveBeenCalled();
  });

  it('omits the log when the host cannot say where it is', async () => {
    useFake({ saveStatus: { ...RETRYING, pendingChanges: 1, lastError: `Could not write ${FILE}: the disk is read-only.` } });
    fake.getDiagnostics.mockRejectedValue(new Error('no'));
    render(<UnsavedBanner rendererState="saved" onRecovered={() => {}} />);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Diptych keeps it in memory');
    expect(banner.textContent).toContain('1 change is waiting');
    await waitFor(() => expect(fake.getDiagnostics).toHaveBeenCalled());
    expect(screen.queryByTestId('log-hint')).toBeNull();
  });
});

describe('the workspace when the disk refuses a write', () => {
  it('keeps the highlight, shows the banner while the host retries, then sends the failed save again by itself', async () => {
    useFake();
    const quote = 'announcement of a pact';
    const start = SOVIET_TEXT.indexOf(quote);
    fake.putAnnotation.mockImplementationOnce(async ({ annotation }) => {
      // As the host does: the change is kept in memory (later calls see it) and retried in the background.
      fake.stored.set(annotation.id, annotation);
      fake.host.saveStatus = { state: 'retrying', pendingChanges: 1, lastError: `Could not write ${FILE}: something else is in the way of the file.`, since: new Date().toISOString() };
      throw new ApiError('storage', `Could not save the annotation to ${FILE}: something else is in the way of the file. Your change is kept in memory and will be saved when writing works again.`);
    });
    render(<App />);
    await waitFor(() => expect(screen.getByTestId('pane-left').getAttribute('data-ready')).toBe('true'), { timeout: 5000 });
    const range = rangeFromOffsets(screen.getByTestId('pane-text-left'), start, start + quote.length)!;
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    fireEvent.keyDown(document.body, { key: '2' });

    const banner = await screen.findByTestId('unsaved-banner');
    expect(banner.textContent).toContain('something else is in the way of the file');
    await waitFor(() => expect(within(banner).getByTestId('log-hint').textContent).toContain(LOG));
    expect(screen.getByTestId('save-state').getAttribute('data-state')).toBe('error');
    await waitFor(() => expect(screen.getByTestId('pane-text-left').querySelector('mark.anno')?.textContent).toBe(quote));

    fake.host.saveStatus = ALL_SAVED;
    await waitFor(() => expect(screen.queryByTestId('unsaved-banner')).toBeNull(), { timeout: 6000 });
    await waitFor(() => expect(fake.putAnnotation).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.getByTestId('save-state').getAttribute('data-state')).toBe('saved'));
    expect([...fake.stored.values()].map((a) => a['diptych:colour'])).toEqual(['green']);
  });
});

describe('Restore from backup', () => {
  it('is reached from the Reading settings, on top of them', async () => {
    useFake({ backups: BACKUPS });
    function Harness() {
      const [open, setOpen] = useState(true);
      return <SettingsDialog open={open} onOpenChange={setOpen} settings={{ theme: 'light', fontSize: 18, fontFamily: 'serif', lineWidth: 66 }} onChange={() => {}} />;
    }
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Restore from backup…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore from backup' });
    await waitFor(() => expect(within(dialog).getAllByTestId('backup-row')).toHaveLength(2));
    // The settings stay open underneath (hidden from assistive technology while the backups are on top).
    expect(screen.getAllByRole('dialog', { hidden: true }).map((d) => d.querySelector('h2')?.textContent)).toEqual(['Reading settings', 'Restore from backup']);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Restore from backup' })).toBeNull());
    expect(screen.getByRole('dialog', { name: 'Reading settings' })).toBeTruthy();
  });

  it('lists each backup with its date and time, its kind and what it holds', async () => {
    useFake({ backups: BACKUPS });
    render(<BackupsDialog open onOpenChange={() => {}} onRestored={() => {}} />);
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows.map((row) => row.getAttribute('data-kind'))).toEqual(['before-restore', 'automatic']);
    expect(rows[0]!.textContent).toContain(backupDate('2026-11-25T15:00:00.000Z'));
    expect(rows[0]!.textContent).toContain('Before a restore · 2 documents · 41 annotations');
    expect(rows[1]!.textContent).toContain('Automatic · 2 documents · 1 annotation');
    // The reader's locale, with the time to the second (a start and a restore can be a minute apart).
    expect(backupDate('2026-11-25T14:02:11.123Z')).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' }).format(new Date('2026-11-25T14:02:11.123Z')));
    expect(within(rows[1]!).getByRole('button', { name: `Restore the backup of ${backupDate('2026-11-25T14:02:11.123Z')}` })).toBeTruthy();
  });

  it('explains an empty list', async () => {
    useFake({ backups: [] });
    render(<BackupsDialog open onOpenChange={() => {}} onRestored={() => {}} />);
    const empty = await screen.findByTestId('backups-empty');
    expect(empty.textContent).toContain('There are no backups yet.');
    expect(empty.textContent).toContain('every hour');
  });

  it('says why the list could not be read, and tries again', async () => {
    useFake({ backups: BACKUPS });
    fake.listBackups.mockRejectedValueOnce(new ApiError('storage', 'Could not read /data/backups: permission denied.'));
    render(<BackupsDialog open onOpenChange={() => {}} onRestored={() => {}} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not list the backups: Could not read /data/backups: permission denied.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('backup-row')).toHaveLength(2);
  });

  it('asks before restoring, restores, leaves word for after the reload and reloads', async () => {
    useFake({ backups: BACKUPS });
    const onRestored = vi.fn();
    render(<BackupsDialog open onOpenChange={() => {}} onRestored={onRestored} />);
    const rows = await screen.findAllByTestId('backup-row');
    fireEvent.click(within(rows[1]!).getByRole('button', { name: /^Restore the backup of/ }));
    const question = `Restore the library as it was on ${backupDate('2026-11-25T14:02:11.123Z')}? Your current library is kept as a backup first.`;
    expect(screen.getByRole('group', { name: question })).toBeTruthy();
    expect(screen.getByText('That backup holds 2 documents and 1 annotation.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Restore' }));
    expect(fake.restoreBackup).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getAllByTestId('backup-row')).toHaveLength(2);
    await waitFor(() => expect(document.activeElement?.closest('[data-testid="backup-row"]')).toBe(screen.getAllByTestId('backup-row')[1]));

    fireEvent.click(within(screen.getAllByTestId('backup-row')[1]!).getByRole('button', { name: /^Restore the backup of/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(onRestored).toHaveBeenCalledTimes(1));
    expect(fake.restoreBackup).toHaveBeenCalledWith({ id: '2026-11-25T14-02-11-123Z' });
    expect(JSON.parse(sessionStorage.getItem(RESTORED_KEY)!)).toEqual({ createdAt: '2026-11-25T14:02:11.123Z', kind: 'automatic', annotations: 1 });
  });

  it('shows a failed restore in the dialog and changes nothing', async () => {
    useFake({ backups: BACKUPS });
    fake.restoreBackup.mockRejectedValueOnce(new ApiError('storage', 'The backup is damaged: diptych.json does not match its checksum'));
    const onRestored = vi.fn();
    render(<BackupsDialog open onOpenChange={() => {}} onRestored={onRestored} />);
    const rows = await screen.findAllByTestId('backup-row');
    fireEvent.click(within(rows[0]!).getByRole('button', { name: /^Restore the backup of/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      `The backup of ${backupDate('2026-11-25T15:00:00.000Z')} was not restored: The backup is damaged: diptych.json does not match its checksum. Your library is as it was.`,
    );
    expect(await screen.findAllByTestId('backup-row')).toHaveLength(2);
    expect(onRestored).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(RESTORED_KEY)).toBeNull();
  });

  it('cannot be closed while a restore runs', async () => {
    useFake({ backups: BACKUPS });
    let finish: () => void = () => {};
    fake.restoreBackup.mockImplementationOnce(() => new Promise<null>((resolve) => (finish = () => resolve(null))));
    const onOpenChange = vi.fn();
    render(<BackupsDialog open onOpenChange={onOpenChange} onRestored={() => {}} />);
    const rows = await screen.findAllByTestId('backup-row');
    fireEvent.click(within(rows[0]!).getByRole('button', { name: /^Restore the backup of/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(await screen.findByRole('button', { name: 'Restoring…' })).toHaveProperty('ariaDisabled', 'true');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onOpenChange).not.toHaveBeenCalled();
    await act(async () => finish());
  });

  it('confirms the restore after the reload, once, until dismissed', async () => {
    sessionStorage.setItem(RESTORED_KEY, JSON.stringify({ createdAt: '2026-11-25T14:02:11.123Z', kind: 'automatic', annotations: 0 }));
    render(<RestoredNotice />);
    const notice = await screen.findByTestId('restored-notice');
    expect(notice.textContent).toContain(`Your library is back as it was on ${backupDate('2026-11-25T14:02:11.123Z')} (0 annotations).`);
    expect(notice.textContent).toContain('to undo, restore the newest “Before a restore” backup');
    expect(sessionStorage.getItem(RESTORED_KEY)).toBeNull();
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('restored-notice')).toBeNull();
    cleanup();
    const { container } = render(<RestoredNotice />);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(container.textContent).toBe('');
  });
});

describe('the log’s path in unexpected failures', () => {
  function Crash(): never {
    throw new Error('The reader tripped over a malformed block.');
  }

  it('is on a crashed pane’s card', async () => {
    useFake();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <PaneErrorBoundary side="left">
        <Crash />
      </PaneErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('malformed block');
    expect(screen.getByRole('button', { name: 'Reload pane' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('log-hint').textContent).toBe(`Details are in the log: ${LOG}`));
  });

  it('is left out when the host cannot say, and asked for only once when it can', async () => {
    useFake();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fake.getDiagnostics.mockRejectedValueOnce(new Error('the host is not answering'));
    const first = render(
      <PaneErrorBoundary side="left">
        <Crash />
      </PaneErrorBoundary>,
    );
    await waitFor(() => expect(fake.getDiagnostics).toHaveBeenCalledTimes(1));
    await sleep(20);
    expect(screen.queryByTestId('log-hint')).toBeNull();
    first.unmount();
    render(
      <>
        <PaneErrorBoundary side="left">
          <Crash />
        </PaneErrorBoundary>
        <PaneErrorBoundary side="right">
          <Crash />
        </PaneErrorBoundary>
      </>,
    );
    await waitFor(() => expect(screen.getAllByTestId('log-hint')).toHaveLength(2));
    expect(fake.getDiagnostics).toHaveBeenCalledTimes(2);
  });

  it('is on the start-up error screen when the host can say', async () => {
    useFake();
    render(<BootError message="The library could not be read." onRetry={() => {}} />);
    await waitFor(() => expect(screen.getByTestId('log-hint').textContent).toBe(`Details are in the log: ${LOG}`));
  });
});
