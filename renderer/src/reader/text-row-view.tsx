/**
 * One paragraph row of a rendered text. Each block is an element carrying
 * its offsets; its text nodes hold exactly `text.slice(start, end)`: the
 * content in a `pre-wrap` span, the separator line breaks in a span that
 * collapses them, so the row's gap comes from CSS and not from newlines.
 */
import { memo, type Ref } from 'react';
import type { TextBlock } from '../../../electron/core/text-blocks';
import { gapForBreaks, type TextRow } from './text-rows';

/** Props of {@link TextRowView}. */
export interface TextRowViewProps {
  text: string;
  blocks: readonly TextBlock[];
  row: TextRow;
  /** Position in the virtual list; absent when every row is rendered. */
  index?: number;
  /** Vertical position in a virtual list, in pixels. */
  top?: number;
  measureRef?: Ref<HTMLDivElement>;
}

function BlockView({ text, block }: { text: string; block: TextBlock }) {
  const content = text.slice(block.start, block.contentEnd);
  const separator = text.slice(block.contentEnd, block.end);
  return (
    <span
      className="text-block"
      data-block-start={block.start}
      data-block-content-end={block.contentEnd}
      data-block-end={block.end}
    >
      {content ? <span className="block-content">{content}</span> : null}
      {separator ? <span className="block-separator">{separator}</span> : null}
    </span>
  );
}

/** A paragraph: its blocks flow inline, and the gap below follows the source's line breaks. */
export const TextRowView = memo(function TextRowView({ text, blocks, row, index, top, measureRef }: TextRowViewProps) {
  const pieces = [];
  for (let i = row.first; i < row.last; i++) {
    const block = blocks[i]!;
    pieces.push(<BlockView key={block.start} text={text} block={block} />);
  }
  const virtual = top !== undefined;
  return (
    <div
      ref={measureRef}
      className={virtual ? 'text-row text-row-virtual' : 'text-row'}
      data-gap={gapForBreaks(row.breaks)}
      data-index={index}
      style={virtual ? { transform: `translateY(${top}px)` } : undefined}
    >
      {pieces}
    </div>
  );
});
