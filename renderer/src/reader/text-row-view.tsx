/**
 * One paragraph row of a rendered text. Each block is an element carrying
 * its offsets; its text nodes hold exactly `text.slice(start, end)`: the
 * content in a `pre-wrap` span, the separator line breaks in a span that
 * collapses them, so the row's gap comes from CSS and not from newlines.
 *
 * A row of a structured document (Markdown, HTML) wraps its blocks in a
 * body that says what it is (a heading, a list item, a code block…) and
 * how far it is indented; list markers are drawn by CSS from an attribute
 * and rules are empty elements outside the offset mapping, so neither adds
 * a character to the text.
 */
import { memo, type CSSProperties } from 'react';
import type { InlineSpan } from '../../../electron/core/import/document-model';
import type { TextBlock } from '../../../electron/core/text-blocks';
import type { DecorationRange } from '../annotations/decorations';
import { BlockContent } from './decorated-content';
import type { FindRange } from './find-highlights';
import type { RowLayout } from './structure-layout';
import { OFFSET_IGNORE_ATTRIBUTE } from './text-offsets';
import { gapForBreaks, type TextRow } from './text-rows';

/** Props of {@link TextRowView}. */
export interface TextRowViewProps {
  text: string;
  blocks: readonly TextBlock[];
  row: TextRow;
  /** The row's index in the text, in a virtual list (which renders only some rows); absent when every row is rendered. */
  index?: number;
  /** The highlights, notes and links overlapping the row, in order of their start. */
  ranges?: readonly DecorationRange[];
  /** How the row is drawn in a structured document; absent for plain text. */
  layout?: RowLayout;
  /** Find matches overlapping the row. */
  find?: readonly FindRange[];
  /** Index of the current find match when it lies in this row, else -1. */
  findCurrent?: number;
}

const NONE: readonly DecorationRange[] = [];
const NO_INLINE: readonly InlineSpan[] = [];
const NO_FIND: readonly FindRange[] = [];

interface BlockViewProps {
  text: string;
  block: TextBlock;
  rowRanges: readonly DecorationRange[];
  rowInline: readonly InlineSpan[];
  rowFind: readonly FindRange[];
  findCurrent: number;
}

function BlockView({ text, block, rowRanges, rowInline, rowFind, findCurrent }: BlockViewProps) {
  const separator = text.slice(block.contentEnd, block.end);
  // A passage ending in the separator still gets its marker, so look up to the block's end.
  const ranges = rowRanges.length === 0 ? NONE : rowRanges.filter((r) => r.start < block.end && r.end > block.start);
  const inline = rowInline.length === 0 ? NO_INLINE : rowInline.filter((s) => s.start < block.contentEnd && s.end > block.start);
  const find = rowFind.length === 0 ? NO_FIND : rowFind.filter((f) => f.start < block.contentEnd && f.end > block.start);
  const content =
    ranges.length === 0 && inline.length === 0 && find.length === 0 ? (
      text.slice(block.start, block.contentEnd)
    ) : (
      <BlockContent
        text={text}
        start={block.start}
        contentEnd={block.contentEnd}
        end={block.end}
        ranges={ranges}
        inline={inline}
        find={find}
        findCurrent={findCurrent}
      />
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

/** A rule between blocks: drawn, announced as a separator, and outside the text. */
function Rule() {
  return <div className="text-rule" role="separator" {...{ [OFFSET_IGNORE_ATTRIBUTE]: '' }} />;
}

function rules(count: number, key: string) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(<Rule key={`${key}${i}`} />);
  return out;
}

/** The attributes and style of a structured row's body. */
function bodyProps(layout: RowLayout) {
  const style: CSSProperties & Record<`--${string}`, string | number> = {};
  if (layout.listLevel > 0) style['--list-level'] = layout.listLevel;
  if (layout.quoteDepth > 0) style['--quote-depth'] = layout.quoteDepth;
  if (layout.codeBlankLines) style['--code-blank-lines'] = layout.codeBlankLines;
  const heading = layout.kind === 'heading';
  return {
    className: 'row-body',
    role: heading ? 'heading' : undefined,
    'aria-level': heading ? layout.level : undefined,
    'data-kind': layout.kind,
    'data-level': heading ? layout.level : undefined,
    'data-marker': layout.marker,
    'data-ordered': layout.marker !== undefined && layout.ordered ? 'true' : undefined,
    'data-quote': layout.quoteDepth > 0 ? layout.quoteDepth : undefined,
    'data-quote-continues': layout.quoteContinues ? 'true' : undefined,
    'data-code-start': layout.codeStart ? 'true' : undefined,
    'data-code-end': layout.codeEnd ? 'true' : undefined,
    style: Object.keys(style).length > 0 ? style : undefined,
  };
}

/** A paragraph: its blocks flow inline, and the gap below follows the source's line breaks. */
export const TextRowView = memo(function TextRowView({ text, blocks, row, index, ranges = NONE, layout, find = NO_FIND, findCurrent = -1 }: TextRowViewProps) {
  const pieces = [];
  const inline = layout?.inline ?? NO_INLINE;
  for (let i = row.first; i < row.last; i++) {
    const block = blocks[i]!;
    pieces.push(<BlockView key={block.start} text={text} block={block} rowRanges={ranges} rowInline={inline} rowFind={find} findCurrent={findCurrent} />);
  }
  let className = 'text-row';
  if (layout) className += ' text-row-structured';
  return (
    <div
      className={className}
      data-gap={layout?.gap ?? gapForBreaks(row.breaks)}
      data-index={index}
    >
      {layout ? (
        <>
          {rules(layout.rulesBefore, 'b')}
          <div {...bodyProps(layout)}>{pieces}</div>
          {rules(layout.rulesAfter, 'a')}
        </>
      ) : (
        pieces
      )}
    </div>
  );
}, sameRow);

function sameList<T>(x: readonly T[], y: readonly T[]): boolean {
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * Rows re-render only when what they draw changed: an annotation change
 * gives new range lists, but a row whose ranges are the same objects (the
 * index keeps unchanged ranges) keeps its DOM untouched.
 */
function sameRow(a: TextRowViewProps, b: TextRowViewProps): boolean {
  if (a.text !== b.text || a.blocks !== b.blocks || a.row !== b.row || a.index !== b.index) return false;
  if (a.layout !== b.layout || (a.findCurrent ?? -1) !== (b.findCurrent ?? -1)) return false;
  return sameList(a.ranges ?? NONE, b.ranges ?? NONE) && sameList(a.find ?? NO_FIND, b.find ?? NO_FIND);
}
