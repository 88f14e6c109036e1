/**
 * Test helper: renders a text the way a pane does (through TextView), so
 * anchoring tests run against the real block markup.
 */
import { render } from '@testing-library/react';
import { segmentText } from '../../../electron/core/text-blocks';
import { TextView } from '../../../renderer/src/reader/text-view';

/** Renders `text` in a left pane's TextView; returns the text root. */
export function renderText(text: string): HTMLElement {
  const blocks = segmentText(text);
  const { getByTestId } = render(
    <TextView
      side="left"
      title="Test text"
      text={text}
      blocks={blocks}
      initialPosition={0}
      fontSize={18}
      lineWidth={66}
      fontFamily="serif"
      onPosition={() => {}}
      onReady={() => {}}
    />,
  );
  return getByTestId('pane-text-left');
}

/** A small deterministic generator, so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
