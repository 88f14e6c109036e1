/**
 * Numbers the reader needs before the browser has laid anything out: when a
 * text is large enough to virtualise, and how tall a row will probably be.
 */
import type { TextBlock } from '../../../electron/core/text-blocks';
import { GAP_EMS, gapForBreaks, type TextRow } from './text-rows';

/** Line height of reading text, as a multiple of the font size (mirrors reader.css). */
export const READING_LINE_HEIGHT = 1.6;

/** Above these, rendering every block would make the DOM (and the first paint) too heavy. */
export const VIRTUALISE_ABOVE_BLOCKS = 300;
export const VIRTUALISE_ABOVE_CHARS = 150_000;

/** Blocks per row in a virtual list: caps a row near 8,000 characters so a giant paragraph stays cheap. */
export const VIRTUAL_ROW_BLOCKS = 4;

/** Whether a text should be rendered through the virtual list. */
export function shouldVirtualise(text: string, blocks: readonly TextBlock[]): boolean {
  return blocks.length > VIRTUALISE_ABOVE_BLOCKS || text.length > VIRTUALISE_ABOVE_CHARS;
}

/**
 * Characters on one line of the reading column. The measure is set in `ch`
 * (the width of "0"); running text averages a little narrower, hence 1.1.
 */
export function charsPerLine(columnWidthPx: number, fontSizePx: number, lineWidthCh: number): number {
  const averageCharPx = fontSizePx * 0.5;
  const byWidth = columnWidthPx > 0 ? columnWidthPx / averageCharPx : Number.POSITIVE_INFINITY;
  return Math.max(8, Math.min(lineWidthCh * 1.1, byWidth));
}

/** Estimated height of a row in pixels: its lines plus the gap below it. */
export function estimateRowHeight(row: TextRow, fontSizePx: number, perLine: number): number {
  const lines = Math.max(1, Math.ceil(row.contentLength / perLine));
  const lineHeight = fontSizePx * READING_LINE_HEIGHT;
  return lines * lineHeight + GAP_EMS[gapForBreaks(row.breaks)] * fontSizePx;
}
