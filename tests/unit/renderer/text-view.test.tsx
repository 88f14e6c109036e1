// @vitest-environment jsdom
import { Component, useState, type ReactNode } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { segmentText } from '../../../electron/core/text-blocks';
import { PaneErrorBoundary } from '../../../renderer/src/panes/pane-error-boundary';
import { rangeFromOffsets } from '../../../renderer/src/reader/text-offsets';
import { TextView } from '../../../renderer/src/reader/text-view';

afterEach(cleanup);

/** A five-megabyte text of ordinary paragraphs. */
function bigText(): string {
  const paragraph = 'The negotiations snag, and the dilemma is clear for London; time is pressing, and Berlin is watching. ';
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < 5_000_000; i++) {
    const piece = `§${i}. ${paragraph.repeat(1 + (i % 7))}\n\n`;
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}

describe('a large text', () => {
  beforeEach(() => {
    // jsdom lays nothing out: give the scroll container a viewport so the virtual list renders a window.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(900);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(700);
    // The virtual list measures its chunks of rows by offsetHeight; every paragraph here is a few lines tall.
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('text-chunk') ? 240 * this.querySelectorAll('.text-row').length : this.classList.contains('text-row') ? 240 : 0;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('renders only a window of its blocks, and they still map to offsets', () => {
    const text = bigText();
    const blocks = segmentText(text);
    const started = performance.now();
    render(
      <TextView side="right" title="Big" text={text} blocks={blocks} initialPosition={0} fontSize={18} lineWidth={66} fontFamily="serif" onPosition={() => {}} onReady={() => {}} />,
    );
    const elapsed = performance.now() - started;
    const root = screen.getByTestId('pane-text-right');
    expect(root.getAttribute('data-virtual')).toBe('true');
    const rendered = root.querySelectorAll('[data-block-start]');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(200);
    expect(document.querySelectorAll('*').length).toBeLessThan(3000);
    expect(elapsed).toBeLessThan(3000);
    const first = rendered[0]!;
    const start = Number(first.getAttribute('data-block-start'));
    const end = Number(first.getAttribute('data-block-end'));
    expect(rangeFromOffsets(root, start, end)!.toString()).toBe(text.slice(start, end));
    // Far away blocks are not in the DOM, so they cannot be mapped yet.
    expect(rangeFromOffsets(root, text.length - 10, text.length)).toBeNull();
  });
});

describe('a small text', () => {
  it('renders every block, so the whole text is in the DOM', () => {
    const text = 'One.\n\nTwo, with “quotes”.\nThree.\n\n\n\nFour — last.\n';
    render(
      <TextView side="left" title="Small" text={text} blocks={segmentText(text)} initialPosition={0} fontSize={18} lineWidth={66} fontFamily="serif" onPosition={() => {}} onReady={() => {}} />,
    );
    const root = screen.getByTestId('pane-text-left');
    expect(root.getAttribute('data-virtual')).toBeNull();
    expect(root.textContent).toBe(text);
    expect(Array.from(root.querySelectorAll('.text-row')).map((row) => row.getAttribute('data-gap'))).toEqual(['paragraph', 'section', 'line']);
  });

  it('says when it is ready', async () => {
    const onReady = vi.fn();
    const text = 'Ready?\n\nYes.';
    render(
      <TextView side="left" title="Small" text={text} blocks={segmentText(text)} initialPosition={3} fontSize={18} lineWidth={66} fontFamily="serif" onPosition={() => {}} onReady={onReady} />,
    );
    await vi.waitFor(() => expect(onReady).toHaveBeenCalledOnce());
  });
});

describe('PaneErrorBoundary', () => {
  class Quiet extends Component<{ children: ReactNode }> {
    override render() {
      return this.props.children;
    }
  }

  it('replaces a crashed pane with a card whose button mounts it again', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let crash = true;
    function Fragile() {
      const [label] = useState(() => {
        if (crash) throw new Error('The reader tripped over a malformed block.');
        return 'Back on its feet';
      });
      return <p>{label}</p>;
    }
    render(
      <Quiet>
        <PaneErrorBoundary side="left">
          <Fragile />
        </PaneErrorBoundary>
        <p>The other pane</p>
      </Quiet>,
    );
    expect(screen.getByRole('alert').textContent).toContain('malformed block');
    expect(screen.getByTestId('pane-left')).toBeTruthy();
    expect(screen.getByText('The other pane')).toBeTruthy();
    crash = false;
    fireEvent.click(screen.getByRole('button', { name: 'Reload pane' }));
    expect(screen.getByText('Back on its feet')).toBeTruthy();
    vi.restoreAllMocks();
  });
});
