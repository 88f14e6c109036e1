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

/**
 * Consecutive rows kept together as one item of a virtual list. A long
 * text has tens of thousands of paragraphs, and the virtual list redoes
 * its sums over every item each time a mounted one is measured; a few
 * thousand chunks keep that cheap.
 */
export interface TextChunk {
  /** Index of the first row of the chunk. */
  firstRow: number;
  /** Index one past the last row of the chunk. */
  lastRow: number;
  start: number;
  end: number;
}

/** Visible characters a chunk gathers before it closes: a screen or two of text. */
export const CHUNK_CHARS = 2500;
/** Rows a chunk gathers at most (short lines: verse, lists, dialogue). */
export const CHUNK_ROWS = 24;

/** Groups rows into chunks of about {@link CHUNK_CHARS} visible characters; a longer row makes a chunk of its own. */
export function groupChunks(rows: readonly TextRow[]): TextChunk[] {
  const chunks: TextChunk[] = [];
  let firstRow = 0;
  let chars = 0;
  for (let i = 0; i < rows.length; i++) {
    chars += rows[i]!.contentLength;
    if (chars >= CHUNK_CHARS || i + 1 - firstRow >= CHUNK_ROWS || i === rows.length - 1) {
      chunks.push({ firstRow, lastRow: i + 1, start: rows[firstRow]!.start, end: rows[i]!.end });
      firstRow = i + 1;
      chars = 0;
    }
  }
  return chunks;
}

/** Index of the row (or chunk) containing `offset` (the last one for the text's end); -1 when there are none. */
export function findRowIndex(rows: readonly { start: number }[], offset: number): number {
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
