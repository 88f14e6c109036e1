// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describePassage } from '../../../../electron/core/anchoring';
import { newHighlight, newNote, passageTarget } from '../../../../renderer/src/annotations/annotation-factory';
import { clearDocumentCache } from '../../../../renderer/src/panes/document-cache';
import { rangeFromOffsets } from '../../../../renderer/src/reader/text-offsets';
import { FIRST_SCREEN_CHARS } from '../../../../renderer/src/annotations/prefetch';
import { createFakeApi, LONDON_TEXT, SOVIET_TEXT, type FakeApi, type FakeHostOptions } from '../fake-api';

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

  it('draws the annotations near the reading position first, and loads the rest once the first screen is drawn', async () => {
    // A long text (short of being virtualised, so jsdom renders all of it), read from its start:
    // one highlight on the first screen, one beyond the first part's reach.
    const paragraph = `${'The talks in Moscow dragged on through the summer, and each delegation waited for the other to move. '.repeat(10)}\n\n`;
    const long = paragraph.repeat(Math.ceil((2 * FIRST_SCREEN_CHARS + 5000) / paragraph.length));
    const farStart = long.length - paragraph.length;
    const near = newHighlight(passageTarget(SOVIET, describePassage(long, 4, 9)), 'green');
    const far = newHighlight(passageTarget(SOVIET, describePassage(long, farStart + 4, farStart + 9)), 'pink');
    fake = createFakeApi({ texts: { [SOVIET]: long, 'londons-dilemma-1939': LONDON_TEXT }, annotations: [near, far] });
    const answer = fake.listAnnotations.getMockImplementation()!;
    let release = () => {};
    const rest = new Promise<void>((resolve) => (release = resolve));
    fake.listAnnotations.mockImplementation(async (input) => {
      if (input.range === undefined) await rest;
      return answer(input);
    });
    holder.api = fake;
    render(<App />);
    await waitFor(() => expect(screen.getByTestId('pane-left').getAttribute('data-ready')).toBe('true'), { timeout: 5000 });
    await waitFor(() => expect(screen.getByTestId('pane-text-left').querySelector('mark.anno')?.textContent).toBe(long.slice(4, 9)));
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Toggle notes panel' })));
    act(() => fireEvent.click(screen.getByRole('tab', { name: /Annotations/ })));
    expect(screen.getByTestId('annotations-loading').textContent).toContain('the rest of your annotations');
    expect(screen.getAllByTestId('annotation-row')).toHaveLength(1);
    // The first screen asked only for what lies near each pane's position.
    const asked = fake.listAnnotations.mock.calls.map(([input]) => input);
    expect(asked.filter((input) => input.range).map((input) => [input.documentIds, input.range])).toEqual([
      [[SOVIET], { start: 0, end: FIRST_SCREEN_CHARS }],
      [['londons-dilemma-1939'], { start: 0, end: FIRST_SCREEN_CHARS }],
    ]);
    act(() => release());
    await waitFor(() => expect(screen.queryByTestId('annotations-loading')).toBeNull());
    expect(screen.getAllByTestId('annotation-row')).toHaveLength(2);
    expect(screen.getByTestId('workspace-annotations').getAttribute('data-annotations')).toBe('ready');
  });

  it('keeps a highlight made before the stored annotations arrived', async () => {
    fake = createFakeApi({ annotations: [note] });
    const answer = fake.listAnnotations.getMockImplementation()!;
    let releaseFirst = () => {};
    let releaseRest = () => {};
    const first = new Promise<void>((resolve) => (releaseFirst = resolve));
    const rest = new Promise<void>((resolve) => (releaseRest = resolve));
    // The host answers with what it holds when asked; the answers are slow to arrive.
    fake.listAnnotations.mockImplementation(async (input) => {
      const answered = answer(input);
      await (input.range ? first : rest);
      return answered;
    });
    holder.api = fake;
    render(<App />);
    // The window stops waiting for the annotations and shows the texts; the reader highlights at once.
    await waitFor(() => expect(screen.getByTestId('pane-left').getAttribute('data-ready')).toBe('true'), { timeout: 5000 });
    select(start, start + quote.length);
    fireEvent.keyDown(document.body, { key: '2' });
    await waitFor(() => expect(fake.putAnnotation).toHaveBeenCalledTimes(1));
    const root = screen.getByTestId('pane-text-left');
    const drawn = () => [root.querySelector('mark[data-colour="green"]')?.textContent, root.querySelector('.anno-note')?.textContent];
    act(() => releaseFirst());
    await waitFor(() => expect(screen.getByTestId('workspace-annotations').getAttribute('data-annotations')).toBe('partial'));
    expect(drawn()).toEqual([quote, 'stunned']);
    act(() => releaseRest());
    await waitFor(() => expect(screen.getByTestId('workspace-annotations').getAttribute('data-annotations')).toBe('ready'));
    expect(drawn()).toEqual([quote, 'stunned']);
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
    // A load asks for what is near each pane's reading position, then for the open documents' highlights and every note and link.
    await waitFor(() => expect(within(screen.getByTestId('notes-panel')).queryByRole('button', { name: 'Try again' })).toBeNull());
    await waitFor(() => expect(screen.queryByTestId('annotations-loading')).toBeNull());
    const retried = fake.listAnnotations.mock.calls.slice(callsBefore).map(([input]) => input);
    expect(retried.filter((input) => input.range !== undefined).map((input) => input.documentIds)).toEqual([[SOVIET], ['londons-dilemma-1939']]);
    expect(retried.filter((input) => input.range === undefined)).toHaveLength(2);
  });
});
