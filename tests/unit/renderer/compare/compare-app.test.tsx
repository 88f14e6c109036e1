// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompareSuggestion } from '../../../../electron/api/contract';
import { clearDocumentCache } from '../../../../renderer/src/panes/document-cache';
import { createFakeApi, LONDON_TEXT, SOVIET_TEXT, type FakeApi } from '../fake-api';

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

// jsdom lays nothing out: the divider and the panes get boxes, so the gutter has room to draw its numbers.
vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
  if (this.classList.contains('pane-divider')) return new DOMRect(500, 0, 56, 600);
  const id = this.getAttribute('data-testid');
  if (id === 'pane-scroll-left') return new DOMRect(0, 0, 500, 600);
  if (id === 'pane-scroll-right') return new DOMRect(556, 0, 500, 600);
  return new DOMRect(0, 0, 0, 0);
});

const { App } = await import('../../../../renderer/src/app/app');

const SOVIET = 'soviet-overtures-1939';
const LONDON = 'londons-dilemma-1939';

function passage(text: string, quote: string) {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length, quote };
}

const first: CompareSuggestion = {
  id: 'pact-talks',
  rank: 1,
  score: 0.82,
  left: passage(SOVIET_TEXT, 'an announcement of a pact between two nations'),
  right: passage(LONDON_TEXT, 'enter into talks with the USSR'),
  sharedTerms: ['nations'],
  relatedTerms: [{ left: 'pact', right: 'talks', similarity: 0.61 }],
  lexical: 0.2,
  semantic: 0.7,
};
const second: CompareSuggestion = {
  ...first,
  id: 'apart-snag',
  rank: 2,
  score: 0.55,
  left: passage(SOVIET_TEXT, 'The nations could not have been more ideologically apart.'),
  right: passage(LONDON_TEXT, 'But the negotiations snag.'),
};

let fake: FakeApi;

async function openCompare(answer?: Awaited<ReturnType<FakeApi['compareDocuments']>> | Error) {
  fake = createFakeApi();
  if (answer instanceof Error) fake.compareDocuments.mockRejectedValue(answer);
  else fake.compareDocuments.mockResolvedValue(answer ?? { status: 'ready', suggestions: [first, second], rejected: 0, passages: { left: 4, right: 3 }, message: null });
  holder.api = fake;
  render(<App />);
  await waitFor(() => expect(screen.getByTestId('pane-right').getAttribute('data-ready')).toBe('true'), { timeout: 5000 });
  await waitFor(() => expect(screen.getByTestId('pane-left').getAttribute('data-ready')).toBe('true'), { timeout: 5000 });
  fireEvent.keyDown(document.body, { key: 'c' });
}

const badge = (rank: number) => document.getElementById(`compare-badge-${rank}`);

beforeEach(() => {
  clearDocumentCache();
  window.localStorage.clear();
});
afterEach(cleanup);

describe('compare mode in the workspace', () => {
  it('shows numbered suggestions, and accepting one makes a link with both passages that Ctrl+Z takes back', async () => {
    await openCompare();
    expect(fake.compareDocuments).toHaveBeenCalledWith({ leftId: SOVIET, rightId: LONDON });
    await waitFor(() => expect(badge(1)).not.toBeNull());
    expect(screen.getByTestId('compare-status').textContent).toContain('2 suggested correspondences');
    expect(badge(1)!.getAttribute('aria-label')).toContain('Suggestion 1, 82%');

    act(() => badge(1)!.focus());
    const card = await screen.findByTestId('compare-popover');
    expect(within(card).getByTestId('compare-popover-left').textContent).toBe(first.left.quote);
    expect(card.textContent).toContain('pact ≈ talks');
    fireEvent.change(within(card).getByRole('textbox'), { target: { value: 'Both open the story.' } });
    fireEvent.click(within(card).getByRole('button', { name: /Accept as link/ }));

    await waitFor(() => expect(fake.putAnnotation).toHaveBeenCalledTimes(1));
    const link = fake.putAnnotation.mock.calls[0]![0].annotation;
    expect(link.motivation).toBe('linking');
    expect(link.body[0]!.value).toBe('Both open the story.');
    const targets = link.target.map((t) => (typeof t === 'string' ? t : [t.source, t.selector[1].start, t.selector[1].end, t.selector[0].exact]));
    expect(targets).toEqual([
      [`urn:diptych:document:${SOVIET}`, first.left.start, first.left.end, first.left.quote],
      [`urn:diptych:document:${LONDON}`, first.right.start, first.right.end, first.right.quote],
    ]);
    // Now a link, it is no longer suggested; undoing the link brings the suggestion back.
    await waitFor(() => expect(badge(1)).toBeNull());
    expect(screen.getByTestId('compare-toast').textContent).toContain('Linked suggestion 1');
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(fake.deleteAnnotation).toHaveBeenCalledWith({ id: link.id }));
    await waitFor(() => expect(badge(1)).not.toBeNull());
  });

  it('accepts with Enter and rejects with Delete on a focused number; Undo in the toast restores the rejected one', async () => {
    await openCompare();
    await waitFor(() => expect(badge(2)).not.toBeNull());
    fireEvent.keyDown(badge(2)!, { key: 'Delete' });
    await waitFor(() => expect(fake.rejectSuggestion).toHaveBeenCalledWith({ leftId: SOVIET, rightId: LONDON, suggestion: { id: second.id, left: second.left, right: second.right } }));
    expect(badge(2)).toBeNull();
    expect(fake.host.rejected.has(second.id)).toBe(true);
    const toast = await screen.findByTestId('compare-toast');
    expect(toast.textContent).toContain('Rejected suggestion 2');
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(fake.restoreSuggestion).toHaveBeenCalledWith({ leftId: SOVIET, rightId: LONDON, id: second.id }));
    await waitFor(() => expect(badge(2)).not.toBeNull());
    expect(fake.host.rejected.has(second.id)).toBe(false);

    fireEvent.keyDown(badge(1)!, { key: 'Enter' });
    await waitFor(() => expect(fake.putAnnotation).toHaveBeenCalledTimes(1));
    expect(fake.putAnnotation.mock.calls[0]![0].annotation.motivation).toBe('linking');
  });

  it('puts a rejected suggestion back when the host could not save the rejection, and says so', async () => {
    await openCompare();
    await waitFor(() => expect(badge(2)).not.toBeNull());
    fake.rejectSuggestion.mockRejectedValueOnce(new Error('the data folder is read-only'));
    fireEvent.keyDown(badge(2)!, { key: 'Delete' });
    await waitFor(() => expect(screen.getByTestId('status-message').textContent).toContain('the data folder is read-only'));
    expect(badge(2)).not.toBeNull();
  });

  it('says plainly why there is nothing to compare', async () => {
    await openCompare({ status: 'nothing', message: '"Blank" is empty, so there is nothing to compare. Open a document with text in that pane.' });
    await waitFor(() => expect(screen.getByTestId('compare-status').getAttribute('data-status')).toBe('nothing'));
    expect(screen.getByTestId('compare-status').textContent).toContain('is empty, so there is nothing to compare');
    expect(screen.queryByTestId('compare-badge')).toBeNull();
  });

  it('says so when no passages correspond, and offers to link by hand', async () => {
    await openCompare({ status: 'ready', suggestions: [], rejected: 0, passages: { left: 4, right: 3 }, message: null });
    await waitFor(() => expect(screen.getByTestId('compare-status').textContent).toContain('No corresponding passages found'));
    expect(screen.getByTestId('compare-status').textContent).toContain('press L');
  });

  it('reports a failed comparison with what to do, and tries again', async () => {
    await openCompare(new Error('the comparison worker stopped'));
    const status = await screen.findByRole('alert');
    await waitFor(() => expect(status.textContent).toContain('the comparison worker stopped'));
    expect(status.textContent).toContain('Your texts and annotations are unchanged');
    fake.compareDocuments.mockResolvedValue({ status: 'ready', suggestions: [first], rejected: 0, passages: { left: 4, right: 3 }, message: null });
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(badge(1)).not.toBeNull());
  });
});
