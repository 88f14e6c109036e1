// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describePassage } from '../../../electron/core/anchoring';
import { ApiError } from '../../../electron/api/errors';
import { newNote, passageTarget } from '../../../renderer/src/annotations/annotation-factory';
import { clearDocumentCache } from '../../../renderer/src/panes/document-cache';
import { createFakeApi, LONDON_TEXT, SOVIET_TEXT, type FakeApi, type FakeHostOptions } from './fake-api';

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
// cmdk scrolls the chosen row into view; jsdom lays nothing out.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

const { App } = await import('../../../renderer/src/app/app');

const SOVIET = 'soviet-overtures-1939';
const LONDON = 'londons-dilemma-1939';
const at = SOVIET_TEXT.indexOf('stunned');
const note = newNote('# On the pact\n\nA **surprise** to everyone.', [passageTarget(SOVIET, describePassage(SOVIET_TEXT, at, at + 7))]);

let fake: FakeApi;

async function start(options: FakeHostOptions = {}) {
  fake = createFakeApi(options);
  holder.api = fake;
  render(<App />);
  await waitFor(() => expect(screen.getByTestId('pane-left').getAttribute('data-ready')).toBe('true'), { timeout: 5000 });
  await waitFor(() => expect(screen.getByTestId('pane-right').getAttribute('data-ready')).toBe('true'), { timeout: 5000 });
}

function openPalette() {
  fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true });
  return screen.getByRole('dialog', { name: 'Command palette' });
}

function field(): HTMLInputElement {
  return screen.getByRole('combobox', { name: 'Search documents and notes, or type a command' });
}

function type(text: string) {
  fireEvent.change(field(), { target: { value: text } });
}

function press(key: string, init: Partial<KeyboardEventInit> = {}) {
  fireEvent.keyDown(field(), { key, ...init });
}

beforeEach(() => {
  clearDocumentCache();
  window.localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});
afterEach(cleanup);

describe('the command palette', () => {
  it('opens with Ctrl+K on the field, lists the commands with their shortcuts and the documents, and closes with Ctrl+K again', async () => {
    await start();
    const palette = openPalette();
    await waitFor(() => expect(document.activeElement).toBe(field()));
    expect(within(palette).getByTestId('palette-status').getAttribute('data-state')).toBe('idle');
    const commands = within(palette).getAllByTestId('palette-command').map((item) => item.textContent);
    expect(commands).toContain('Swap panesS, shortcut S');
    expect(commands.some((text) => text?.startsWith('Show or hide the libraryCtrlB'))).toBe(true);
    expect(commands.some((text) => text?.startsWith('Import documents'))).toBe(true);
    expect(within(palette).getAllByTestId('palette-document').map((item) => item.getAttribute('data-document-id'))).toEqual([SOVIET, LONDON]);
    // The first row is chosen; a command opens nothing to the right.
    expect((within(palette).getByRole('button', { name: 'Open in right pane' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(field(), { key: 'k', ctrlKey: true });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull());
  });

  it('closes with Escape and gives focus back to where it was', async () => {
    await start();
    const text = screen.getByTestId('pane-scroll-right');
    text.focus();
    fireEvent.keyDown(text, { key: 'k', ctrlKey: true });
    const palette = screen.getByRole('dialog', { name: 'Command palette' });
    await waitFor(() => expect(document.activeElement).toBe(field()));
    fireEvent.keyDown(field(), { key: 'Escape' });
    await waitFor(() => expect(palette.isConnected).toBe(false));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('pane-scroll-right')));
  });

  it('searches as the reader types, typos forgiven, grouped by document with the matched words marked', async () => {
    await start({ annotations: [note] });
    const palette = openPalette();
    type('negotiatons');
    const group = await within(palette).findByTestId('palette-group', {}, { timeout: 3000 });
    expect(group.getAttribute('data-document-id')).toBe(LONDON);
    expect(group.textContent).toContain("London's Dilemma, Summer 1939");
    const hits = within(group).getAllByTestId('palette-hit');
    expect(hits).toHaveLength(1);
    expect([...hits[0]!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['negotiations']);
    expect(within(palette).getByTestId('palette-status').textContent).toBe('Found 1 passage in 1 document.');
    expect(fake.searchLibrary).toHaveBeenLastCalledWith({ query: 'negotiatons', limit: 40 });

    // A word only a note holds: the Notes group, its title and the word marked.
    type('surpris');
    const notes = await waitFor(() => {
      const found = within(palette).getAllByTestId('palette-group').find((g) => g.getAttribute('data-kind') === 'notes');
      if (!found) throw new Error('no notes group yet');
      return found;
    });
    const noteHit = within(notes).getByTestId('palette-note');
    expect(noteHit.textContent).toContain('On the pact');
    expect([...noteHit.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['surprise']);
  });

  it('says so when nothing matches, and shows the host’s error when the search fails', async () => {
    await start();
    const palette = openPalette();
    type('xylophone');
    await waitFor(() => expect(within(palette).getByTestId('palette-status').getAttribute('data-state')).toBe('empty'), { timeout: 3000 });
    expect(within(palette).getByTestId('palette-status').textContent).toBe('No passage or note matches “xylophone”. Try fewer words, or another spelling.');
    fake.searchLibrary.mockRejectedValueOnce(new ApiError('internal', 'the search index is damaged'));
    type('pact');
    const alert = await within(palette).findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('The search failed: the search index is damaged.');
    // The commands still answer.
    type('swap');
    await waitFor(() => expect(within(palette).getAllByTestId('palette-command')[0]!.textContent).toContain('Swap panes'));
  });

  it('opens a result in the left pane with Enter, scrolled to the word, which flashes', async () => {
    await start();
    const palette = openPalette();
    type('guarante');
    const hit = await within(palette).findByTestId('palette-hit', {}, { timeout: 3000 });
    expect(hit.getAttribute('aria-selected')).toBe('true');
    press('Enter');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull());
    await waitFor(() => expect(screen.getByTestId('pane-left').getAttribute('data-document-id')).toBe(LONDON), { timeout: 3000 });
    await waitFor(() => expect(screen.getByTestId('pane-text-left').querySelector('[data-flash]')?.textContent).toBe('guarantee'), { timeout: 3000 });
    expect(screen.getByTestId('pane-text-left').textContent).toBe(LONDON_TEXT);
  });

  it('opens a result in the right pane with Alt+Enter, even when the left pane shows that document', async () => {
    await start({ layout: { left: { documentId: LONDON, position: 0 }, right: { documentId: SOVIET, position: 0 } } });
    openPalette();
    type('dilema');
    const [hit] = await screen.findAllByTestId('palette-hit', {}, { timeout: 3000 });
    // The pointer chooses a row as the arrow keys do.
    fireEvent.pointerMove(hit!);
    await waitFor(() => expect(hit!.getAttribute('aria-selected')).toBe('true'));
    expect(screen.getByRole('button', { name: 'Open in right pane' }).hasAttribute('disabled')).toBe(false);
    press('Enter', { altKey: true });
    await waitFor(() => expect(screen.getByTestId('pane-right').getAttribute('data-document-id')).toBe(LONDON), { timeout: 3000 });
    expect(screen.getByTestId('pane-left').getAttribute('data-document-id')).toBe(LONDON);
    await waitFor(() => expect(screen.getByTestId('pane-text-right').querySelector('[data-flash]')?.textContent).toBe('dilemma'), { timeout: 3000 });
  });

  it('opens a document from its row: Enter left, the footer button right', async () => {
    await start();
    const palette = openPalette();
    type('soviet overtures');
    await waitFor(() => expect(within(palette).getAllByTestId('palette-document')[0]!.getAttribute('data-document-id')).toBe(SOVIET));
    fireEvent.click(within(palette).getByRole('button', { name: 'Open in right pane' }));
    await waitFor(() => expect(screen.getByTestId('pane-right').getAttribute('data-document-id')).toBe(SOVIET), { timeout: 3000 });
  });

  it('runs commands: swap panes, toggle theme, the Notes panel; shows a note chosen among the results', async () => {
    await start({ annotations: [note] });
    openPalette();
    type('swap');
    press('Enter');
    await waitFor(() => expect(screen.getByTestId('pane-left').getAttribute('data-document-id')).toBe(LONDON));
    expect(screen.getByTestId('pane-right').getAttribute('data-document-id')).toBe(SOVIET);

    openPalette();
    type('toggle theme');
    press('Enter');
    await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('sepia'));
    openPalette();
    type('toggle theme');
    press('Enter');
    await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('dark'));

    const panel = screen.getByTestId('notes-panel');
    const wasOpen = !panel.hidden;
    openPalette();
    type('notes panel');
    press('Enter');
    await waitFor(() => expect(screen.getByTestId('notes-panel').hidden).toBe(wasOpen));

    openPalette();
    type('surprise');
    await screen.findByTestId('palette-note', {}, { timeout: 3000 });
    // Commands first: move down to the note.
    await waitFor(() => expect(screen.queryAllByTestId('palette-command')).toHaveLength(0));
    press('Enter');
    await waitFor(() => expect(screen.getByTestId('notes-panel').hidden).toBe(false));
    await screen.findByTestId('annotation-detail');
  });

  it('exports every annotation from a command and says so in the status bar', async () => {
    URL.createObjectURL ??= () => 'blob:fake';
    URL.revokeObjectURL ??= () => undefined;
    await start({ annotations: [note] });
    openPalette();
    type('export w3c');
    press('Enter');
    await waitFor(() => expect(fake.exportAnnotations).toHaveBeenCalledWith({ format: 'w3c' }));
    await waitFor(() => expect(screen.getByTestId('status-message').textContent).toBe('Exported annotations.jsonld.'));
  });
});
