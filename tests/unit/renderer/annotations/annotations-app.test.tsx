// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describePassage } from '../../../../electron/core/anchoring';
import { newHighlight, newNote, passageTarget } from '../../../../renderer/src/annotations/annotation-factory';
import { clearDocumentCache } from '../../../../renderer/src/panes/document-cache';
import { rangeFromOffsets } from '../../../../renderer/src/reader/text-offsets';
import { createFakeApi, SOVIET_TEXT, type FakeApi, type FakeHostOptions } from '../fake-api';

const holder = vi.hoisted(() => ({ api: null as unknown }));
vi.mock('../../../../renderer/src/api', () => ({
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

const { App } = await import('../../../../renderer/src/app/app');

const SOVIET = 'soviet-overtures-1939';
const quote = 'announcement of a pact';
const start = SOVIET_TEXT.indexOf(quote);
const highlight = newHighlight(passageTarget(SOVIET, describePassage(SOVIET_TEXT, start, start + quote.length)), 'yellow');
const note = newNote('# On the pact\n\nA **surprise**.', [passageTarget(SOVIET, describePassage(SOVIET_TEXT, SOVIET_TEXT.indexOf('stunned'), SOVIET_TEXT.indexOf('stunned') + 7))]);

let fake: FakeApi;

async function openWorkspace(options: FakeHostOptions = {}) {
  fake = createFakeApi(options);
  holder.api = fake;
  render(<App />);
  await waitFor(() => expect(screen.getByTestId('pane-left').getAttribute('data-ready')).toBe('true'), { timeout: 5000 });
}

function select(from: number, to: number) {
  const range = rangeFromOffsets(screen.getByTestId('pane-text-left'), from, to)!;
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

beforeEach(() => {
  clearDocumentCache();
  window.localStorage.clear();
});
afterEach(cleanup);

describe('annotations in the workspace', () => {
  it('draws stored highlights and notes over the text, leaving the text itself untouched', async () => {
    await openWorkspace({ annotations: [highlight, note] });
    const root = screen.getByTestId('pane-text-left');
    await waitFor(() => expect(root.querySelector('mark.anno')?.textContent).toBe(quote), { timeout: 5000 });
    expect(root.querySelector('.anno-note')?.textContent).toBe('stunned');
    expect(within(root).getByRole('button', { name: 'Note: On the pact' })).toBeTruthy();
    expect(root.textContent).toBe(SOVIET_TEXT);
  });

  it('opens a clicked highlight in the Notes panel, recolours it, and undoes that with Ctrl+Z', async () => {
    await openWorkspace({ annotations: [highlight] });
    const mark = await waitFor(
      () => {
        const found = screen.getByTestId('pane-text-left').querySelector('mark.anno');
        if (!found) throw new Error('the highlight is not drawn yet');
        return found;
      },
      { timeout: 5000 },
    );
    fireEvent.click(mark);
    const detail = await screen.findByTestId('annotation-detail');
    fireEvent.click(within(detail).getByRole('button', { name: 'Blue' }));
    await waitFor(() => expect(fake.putAnnotation).toHaveBeenCalled());
    expect(fake.putAnnotation.mock.calls.at(-1)![0].annotation['diptych:colour']).toBe('blue');
    expect(screen.getByTestId('pane-text-left').querySelector('mark.anno')!.getAttribute('data-colour')).toBe('blue');
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(fake.putAnnotation.mock.calls.at(-1)![0].annotation['diptych:colour']).toBe('yellow'));
    expect(screen.getByTestId('status-message').textContent).toContain('Undone: recolour blue');
  });

  it('highlights the selection with a digit key and refuses a blank one with a message', async () => {
    await openWorkspace();
    const blank = SOVIET_TEXT.indexOf('\n\n');
    select(blank, blank + 2);
    fireEvent.keyDown(document.body, { key: '1' });
    expect(screen.getByTestId('status-message').textContent).toContain('only spaces or line breaks');
    expect(fake.putAnnotation).not.toHaveBeenCalled();

    select(start, start + quote.length);
    fireEvent.keyDown(document.body, { key: '5' });
    await waitFor(() => expect(fake.putAnnotation).toHaveBeenCalledTimes(1));
    const created = fake.putAnnotation.mock.calls[0]![0].annotation;
    expect(created['diptych:colour']).toBe('purple');
    expect(JSON.stringify(created.target)).toContain(quote);
    await waitFor(() => expect(screen.getByTestId('save-state').getAttribute('data-state')).toBe('saved'));
  });

  it('says so in the status bar and the panel when the annotations cannot be loaded, and keeps the texts', async () => {
    fake = createFakeApi();
    fake.listAnnotations.mockRejectedValueOnce(new Error('the annotation files are locked'));
    holder.api = fake;
    render(<App />);
    await waitFor(() => expect(screen.getByTestId('status-message').textContent).toContain('the annotation files are locked'));
    expect(screen.getByTestId('pane-text-left').textContent).toBe(SOVIET_TEXT);
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Toggle notes panel' })));
    const callsBefore = fake.listAnnotations.mock.calls.length;
    fireEvent.click(within(screen.getByTestId('notes-panel')).getByRole('button', { name: 'Try again' }));
    // A load asks for the open documents' highlights and for every note and link; the retry succeeds.
    await waitFor(() => expect(within(screen.getByTestId('notes-panel')).queryByRole('button', { name: 'Try again' })).toBeNull());
    expect(fake.listAnnotations.mock.calls.length).toBe(callsBefore + 2);
  });
});
