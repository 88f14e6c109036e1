/**
 * One paragraph row of a rendered text. Each block is an element carrying
 * its offsets; its text nodes hold exactly `text.slice(start, end)`: the
 * content in a `pre-wrap` span, the separator line breaks in a span that
 * collapses them, so the row's gap comes from CSS and not from newlines.
 */
import { memo, type Ref } from 'react';
import type { TextBlock } from '../../../electron/core/text-blocks';
import type { DecorationRange } from '../annotations/decorations';
import { DecoratedContent } from './decorated-content';
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
  /** The highlights, notes and links overlapping the row, in order of their start. */
  ranges?: readonly DecorationRange[];
}

const NONE: readonly DecorationRange[] = [];

function BlockView({ text, block, rowRanges }: { text: string; block: TextBlock; rowRanges: readonly DecorationRange[] }) {
  const separator = text.slice(block.contentEnd, block.end);
  // A passage ending in the separator still gets its marker, so look up to the block's end.
  const ranges = rowRanges.length === 0 ? NONE : rowRanges.filter((r) => r.start < block.end && r.end > block.start);
  const content =
    ranges.length === 0 ? (
      text.slice(block.start, block.contentEnd)
    ) : (
      <DecoratedContent text={text} start={block.start} contentEnd={block.contentEnd} end={block.end} ranges={ranges} />
    );
  return (
    <span
      className="text-block"
      data-block-start={block.start}
      data-block-content-end={block.contentEnd}
      data-block-end={block.end}
    >
      {block.contentEnd > block.start ? <span className="block-content">{content}</span> : null}
      {separator ? <span className="block-separator">{separator}</span> : null}
    </span>
  );
}

/** A paragraph: its blocks flow inline, and the gap below follows the source's line breaks. */
export const TextRowView = memo(function TextRowView({ text, blocks, row, index, top, measureRef, ranges = NONE }: TextRowViewProps) {
  const pieces = [];
  for (let i = row.first; i < row.last; i++) {
    const block = blocks[i]!;
    pieces.push(<BlockView key={block.start} text={text} block={block} rowRanges={ranges} />);
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
}, sameRow);

/**
 * Rows re-render only when what they draw changed: an annotation change
 * gives new range lists, but a row whose ranges are the same objects (the
 * index keeps unchanged ranges) keeps its DOM untouched.
 */
function sameRow(a: TextRowViewProps, b: TextRowViewProps): boolean {
  if (a.text !== b.text || a.blocks !== b.blocks || a.row !== b.row || a.index !== b.index || a.top !== b.top || a.measureRef !== b.measureRef) return false;
  const x = a.ranges ?? NONE;
  const y = b.ranges ?? NONE;
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
