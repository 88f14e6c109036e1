/**
 * Groups render blocks into rows: one row per paragraph, so the pieces of a
 * long paragraph (blocks with `breaks === 0`) flow on as one paragraph
 * instead of starting new lines. A row is also the unit of virtualisation,
 * so rows are capped in size to keep a huge paragraph from filling the DOM.
 */
import type { TextBlock } from '../../../electron/core/text-blocks';

/** Consecutive blocks shown as one paragraph. */
export interface TextRow {
  /** Index of the first block of the row. */
  first: number;
  /** Index one past the last block of the row. */
  last: number;
  start: number;
  end: number;
  /** Visible characters in the row (separators excluded). */
  contentLength: number;
  /** Line breaks after the row: sets the gap below it. */
  breaks: number;
}

/** Blocks per row when every row is in the DOM: a paragraph is never cut. */
export const UNLIMITED_ROW_BLOCKS = Number.POSITIVE_INFINITY;

/** Groups blocks into rows of at most `maxBlocksPerRow` blocks. */
export function groupRows(blocks: readonly TextBlock[], maxBlocksPerRow: number = UNLIMITED_ROW_BLOCKS): TextRow[] {
  const rows: TextRow[] = [];
  let first = 0;
  let contentLength = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    contentLength += block.contentEnd - block.start;
    const isLast = i === blocks.length - 1;
    if (block.breaks > 0 || isLast || i + 1 - first >= maxBlocksPerRow) {
      rows.push({ first, last: i + 1, start: blocks[first]!.start, end: block.end, contentLength, breaks: block.breaks });
      first = i + 1;
      contentLength = 0;
    }
  }
  return rows;
}

/** Index of the row containing `offset` (the last row for the text's end); -1 when there are no rows. */
export function findRowIndex(rows: readonly TextRow[], offset: number): number {
  if (rows.length === 0) return -1;
  let low = 0;
  let high = rows.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (rows[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The gap class below a row, from the line breaks that follow it in the source. */
export type RowGap = 'none' | 'line' | 'paragraph' | 'section';

/** One break: a small gap; two: a paragraph gap; three or more: a section gap. */
export function gapForBreaks(breaks: number): RowGap {
  if (breaks <= 0) return 'none';
  if (breaks === 1) return 'line';
  if (breaks === 2) return 'paragraph';
  return 'section';
}

/** Gap below a row, in ems of the reading size; mirrors the CSS in reader.css. */
export const GAP_EMS: Record<RowGap, number> = { none: 0, line: 0.6, paragraph: 1, section: 2.2 };
