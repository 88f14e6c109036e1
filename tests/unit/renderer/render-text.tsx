/**
 * Test helper: renders a text the way a pane does (through TextView), so
 * anchoring, structure and decoration tests run against the real block markup.
 */
import { render } from '@testing-library/react';
import { segmentText } from '../../../electron/core/text-blocks';
import { TextView, type TextViewProps } from '../../../renderer/src/reader/text-view';

export { seededRandom } from '../../support/seeded-random';

/** Renders `text` in a left pane's TextView, with any other props; returns the text root. */
export function renderText(text: string, props: Partial<TextViewProps> = {}): HTMLElement {
  const { getByTestId } = render(
    <TextView
      side="left"
      title="Test text"
      text={text}
      blocks={segmentText(text)}
      initialPosition={0}
      fontSize={18}
      lineWidth={66}
      fontFamily="serif"
      onPosition={() => {}}
      onReady={() => {}}
      {...props}
    />,
  );
  return getByTestId('pane-text-left');
}
