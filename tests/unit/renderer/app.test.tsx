// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../electron/api/errors';
import { clearDocumentCache } from '../../../renderer/src/panes/document-cache';
import { createFakeApi, LONDON_TEXT, SOVIET_TEXT, type FakeApi, type FakeHostOptions } from './fake-api';

const holder = vi.hoisted(() => ({ api: null as unknown }));
vi.mock('../../../renderer/src/api', () => ({
  get api() {
    return holder.api;
  },
}));

// jsdom has no ResizeObserver; the panel library needs one to exist, layout itself is not under test here.
class InertResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
vi.stubGlobal('ResizeObserver', InertResizeObserver);

const { App } = await import('../../../renderer/src/app/app');

let fake: FakeApi;

async function start(options: FakeHostOptions = {}, configure?: (api: FakeApi) => void) {
  fake = createFakeApi(options);
  configure?.(fake);
  holder.api = fake;
  render(<App />);
  await screen.findByTestId('library');
}

async function waitReady(side: 'left' | 'right') {
  await waitFor(() => expect(screen.getByTestId(`pane-${side}`).getAttribute('data-ready')).toBe('true'));
}

beforeEach(() => {
  clearDocumentCache();
  document.documentElement.removeAttribute('data-theme');
});
afterEach(() => {
  cleanup();
});

describe('the workspace', () => {
  it('shows the two documents of the layout side by side, with the exact text', async () => {
    await start();
    await waitReady('left');
    await waitReady('right');
    const left = screen.getByTestId('pane-left');
    expect(left.getAttribute('data-document-id')).toBe('soviet-overtures-1939');
    expect(screen.getByRole('region', { name: 'The Soviet Overtures of 1939' })).toBe(left);
    expect(screen.getByTestId('pane-text-left').textContent).toBe(SOVIET_TEXT);
    expect(screen.getByTestId('pane-text-right').textContent).toBe(LONDON_TEXT);
    expect(screen.getByTestId('pane-scroll-left').tabIndex).toBe(0);
    expect(screen.getByTestId('pane-divider')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Document in left pane' })).toHaveProperty('value', 'soviet-overtures-1939');
    expect(screen.getByRole('spinbutton', { name: 'Position in right pane, percent' })).toHaveProperty('value', '0');
    expect(document.documentElement.dataset['theme']).toBe('light');
    expect(screen.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
  });

  it('lists every document with its kind and length, and opens it in either pane', async () => {
    await start();
    const items = screen.getAllByTestId('library-item');
    expect(items.map((item) => item.getAttribute('data-document-id'))).toEqual(['soviet-overtures-1939', 'londons-dilemma-1939']);
    expect(items[0]!.textContent).toMatch(/Text · \d+ words/);
    fireEvent.click(screen.getByRole('button', { name: 'Open The Soviet Overtures of 1939 in right pane' }));
    await waitFor(() => expect(screen.getByTestId('pane-right').getAttribute('data-document-id')).toBe('soviet-overtures-1939'));
    await waitReady('right');
    await waitFor(() => expect(fake.saveLayout).toHaveBeenCalled(), { timeout: 2000 });
    const saved = fake.saveLayout.mock.calls.at(-1)![0].layout;
    expect(saved.right).toEqual({ documentId: 'soviet-overtures-1939', position: 0 });
  });

  it('changes a pane’s document from its picker', async () => {
    await start();
    fireEvent.change(screen.getByRole('combobox', { name: 'Document in left pane' }), { target: { value: 'londons-dilemma-1939' } });
    await waitFor(() => expect(screen.getByTestId('pane-left').getAttribute('data-document-id')).toBe('londons-dilemma-1939'));
  });

  it('resizes the panes from the keyboard on the divider, and remembers the split', async () => {
    await start();
    const divider = screen.getByRole('separator', { name: 'Resize panes' });
    const left = document.getElementById(divider.getAttribute('aria-controls')!)!;
    expect(left.contains(screen.getByTestId('pane-left'))).toBe(true);
    expect(divider.getAttribute('aria-valuenow')).toBe('50');
    fireEvent.keyDown(divider, { key: 'ArrowLeft' });
    expect(divider.getAttribute('aria-valuenow')).toBe('45');
    expect(left.style.flexGrow).toBe('0.45');
    fireEvent.keyDown(divider, { key: 'End' });
    expect(divider.getAttribute('aria-valuenow')).toBe('80');
    fireEvent.keyDown(divider, { key: 'ArrowRight' });
    expect(divider.getAttribute('aria-valuenow')).toBe('80');
    fireEvent.keyDown(divider, { key: 'Home' });
    expect(divider.getAttribute('aria-valuenow')).toBe('20');
    fireEvent.doubleClick(divider);
    expect(divider.getAttribute('aria-valuenow')).toBe('50');
    fireEvent.keyDown(divider, { key: 'ArrowRight' });
    await waitFor(() => expect(fake.saveLayout.mock.calls.at(-1)?.[0].layout.split).toBe(0.55), { timeout: 2000 });
  });

  it('swaps, maximises and restores panes', async () => {
    await start();
    await waitReady('left');
    fireEvent.click(screen.getByRole('button', { name: 'Swap panes' }));
    expect(screen.getByTestId('pane-left').getAttribute('data-document-id')).toBe('londons-dilemma-1939');
    fireEvent.click(screen.getByRole('button', { name: 'Maximise left pane' }));
    expect(screen.queryByTestId('pane-right')).toBeNull();
    expect(screen.queryByTestId('pane-divider')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Restore left pane' }));
    expect(screen.getByTestId('pane-right').getAttribute('data-document-id')).toBe('soviet-overtures-1939');
    expect(screen.getAllByRole('button', { name: 'Swap panes' })).toHaveLength(1);
  });

  it('tells an empty pane what to do next', async () => {
    await start({ layout: { right: { documentId: null, position: 0 } } });
    const right = screen.getByTestId('pane-right');
    expect(within(right).getByText('Choose a document from the library or the picker above.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Right pane (empty)' })).toBe(right);
  });
});

describe('keyboard', () => {
  it('toggles the library with Ctrl+B and opens help with ?', async () => {
    await start();
    const toggle = screen.getByRole('button', { name: 'Toggle library' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(window, { key: 'b', ctrlKey: true });
    expect(screen.getByTestId('library').hidden).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(window, { key: '?' });
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('Swap the two panes')).toBeTruthy();
    fireEvent.keyDown(help, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('does not fire single-key shortcuts while typing in a field', async () => {
    await start();
    await waitReady('left');
    const input = screen.getByRole('spinbutton', { name: 'Position in left pane, percent' });
    fireEvent.keyDown(input, { key: 's' });
    expect(screen.getByTestId('pane-left').getAttribute('data-document-id')).toBe('soviet-overtures-1939');
    fireEvent.keyDown(document.body, { key: 's' });
    expect(screen.getByTestId('pane-left').getAttribute('data-document-id')).toBe('londons-dilemma-1939');
  });

  it('focuses panes with [ and ], and maximises the focused one with m', async () => {
    await start();
    await waitReady('left');
    await waitReady('right');
    fireEvent.keyDown(document.body, { key: ']' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('pane-scroll-right')));
    expect(screen.getByTestId('status-bar').textContent).toContain('Right pane');
    fireEvent.keyDown(document.body, { key: 'm' });
    expect(screen.queryByTestId('pane-left')).toBeNull();
    fireEvent.keyDown(document.body, { key: '[' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('pane-scroll-left')));
  });
  it('keeps focus where it is when a hidden pane comes back', async () => {
    await start();
    await waitReady('left');
    await waitReady('right');
    fireEvent.keyDown(document.body, { key: ']' });
    const right = screen.getByTestId('pane-scroll-right');
    await waitFor(() => expect(document.activeElement).toBe(right));
    fireEvent.keyDown(document.body, { key: 'm' });
    fireEvent.keyDown(document.body, { key: 'm' });
    await waitReady('left');
    expect(document.activeElement).toBe(screen.getByTestId('pane-scroll-right'));
  });
});

describe('reading settings', () => {
  it('applies and saves theme, family, size and measure', async () => {
    await start();
    fireEvent.click(screen.getByRole('button', { name: 'Reading settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reading settings' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.dataset['theme']).toBe('dark');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Accessible' }));
    fireEvent.change(within(dialog).getByLabelText('Font size'), { target: { value: '24' } });
    fireEvent.change(within(dialog).getByLabelText('Line width'), { target: { value: '120' } });
    fireEvent.blur(within(dialog).getByLabelText('Line width'));
    await waitFor(() => expect(fake.saveSettings).toHaveBeenCalled(), { timeout: 2000 });
    expect(fake.saveSettings.mock.calls.at(-1)![0].settings).toEqual({ theme: 'dark', fontFamily: 'accessible', fontSize: 24, lineWidth: 100 });
    expect(document.documentElement.dataset['font']).toBe('accessible');
  });

  it('opens with Ctrl+, and starts from the saved settings', async () => {
    await start({ settings: { theme: 'sepia', fontSize: 21 } });
    expect(document.documentElement.dataset['theme']).toBe('sepia');
    fireEvent.keyDown(window, { key: ',', ctrlKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Reading settings' });
    expect(within(dialog).getByRole('radio', { name: 'Sepia' })).toHaveProperty('checked', true);
    expect(within(dialog).getByLabelText('Font size')).toHaveProperty('value', '21');
  });
});

describe('errors and notices', () => {
  it('shows a notice until it is dismissed', async () => {
    await start({ notices: [{ id: 'moved', level: 'warning', message: 'The database was moved aside to /tmp/old.json.' }] });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('/tmp/old.json');
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.dismissNotice).toHaveBeenCalledWith({ id: 'moved' });
  });

  it('shows a failed document in its pane with a Retry, and the other pane keeps working', async () => {
    let fail = true;
    await start({}, (api) => {
      const real = api.getDocumentText.getMockImplementation()!;
      api.getDocumentText.mockImplementation(async (input) => {
        if (fail && input.id === 'londons-dilemma-1939') throw new ApiError('storage', 'The text file could not be read: permission denied.');
        return real(input);
      });
    });
    const card = await within(screen.getByTestId('pane-right')).findByRole('alert');
    expect(card.textContent).toContain('permission denied');
    await waitReady('left');
    fail = false;
    fireEvent.click(within(card).getByRole('button', { name: 'Retry' }));
    await waitReady('right');
    expect(screen.getByTestId('pane-text-right').textContent).toBe(LONDON_TEXT);
  });

  it('says why the layout was not saved', async () => {
    await start({}, (api) => api.saveLayout.mockRejectedValue(new ApiError('storage', 'the disk is full')));
    fireEvent.click(screen.getByRole('button', { name: 'Toggle library' }));
    const state = screen.getByTestId('save-state');
    await waitFor(() => expect(state.getAttribute('data-state')).toBe('error'), { timeout: 2000 });
    expect(state.textContent).toContain('Not saved — the disk is full');
  });

  it('never shows a blank window when the session cannot be read', async () => {
    fake = createFakeApi();
    fake.getSession.mockRejectedValueOnce(new ApiError('storage', 'The library file is locked.'));
    holder.api = fake;
    render(<App />);
    expect(await screen.findByText('The library file is locked.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('library')).toBeTruthy();
  });
});

describe('status bar', () => {
  it('shows how many characters are selected in a pane', async () => {
    await start();
    await waitReady('left');
    const content = screen.getByTestId('pane-text-left').querySelector('.block-content')!;
    const range = document.createRange();
    range.setStart(content.firstChild!, 0);
    range.setEnd(content.firstChild!, 5);
    act(() => {
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
    });
    await waitFor(() => expect(screen.getByTestId('status-bar').textContent).toContain('5 characters selected'));
  });
});
