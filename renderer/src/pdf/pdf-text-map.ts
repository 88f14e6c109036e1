/**
 * Offsets of a PDF's text (docs/PDF-TEXT.md) on its pages: which page holds
 * an offset, which pages a passage covers, and, once a page's text layer
 * exists, which text items (spans) hold which characters. Pure arithmetic
 * on the page spans and on `joinPageText`'s item starts.
 */
import { joinPageText, type PdfTextItemLike } from '../../../electron/core/pdf-text-join';

/** Where a page's text lies in the document text (PdfPage from the API has these). */
export interface PageSpan {
  pageNumber: number;
  start: number;
  end: number;
}

/** A page's text items as its text layer drew them: item i is span i, starting at `starts[i]` in the document. */
export interface PageItems {
  pageNumber: number;
  /** Document offset of each item's first character. */
  starts: number[];
  /** Each item's length (its `str`'s). */
  lengths: number[];
  /** The page text the items spell, joined by the shared rule. */
  text: string;
}

/** Builds a page's item map from the items pdf.js gave its text layer; `pageStart` is the page's offset in the document. */
export function pageItems(pageNumber: number, pageStart: number, items: readonly PdfTextItemLike[]): PageItems {
  const joined = joinPageText(items);
  const lengths = items.map((item) => ('str' in item ? item.str.length : 0));
  return { pageNumber, starts: joined.itemStarts.map((s) => pageStart + s), lengths, text: joined.text };
}

/**
 * Index of the page holding `offset`. An offset on a page separator belongs
 * to the page after it; `side: 'end'` makes an offset exactly at a page's
 * end (an exclusive end) belong to that page instead.
 */
export function pageIndexOfOffset(pages: readonly PageSpan[], offset: number, side: 'start' | 'end' = 'start'): number {
  if (pages.length === 0) return -1;
  let low = 0;
  let high = pages.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (pages[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (side === 'end') {
    // An exclusive end at a page's start (or on the separator before it) closes the page before.
    while (found > 0 && offset <= pages[found]!.start && offset > pages[found - 1]!.start) found--;
  }
  return found;
}

/** First and last index of the pages a passage [start, end) has characters on. */
export function pagesOfPassage(pages: readonly PageSpan[], start: number, end: number): [number, number] {
  return [pageIndexOfOffset(pages, start, 'start'), Math.max(pageIndexOfOffset(pages, start, 'start'), pageIndexOfOffset(pages, end, 'end'))];
}

/** A piece of one item covered by a passage: characters [from, to) of span `index`'s text. */
export interface ItemPiece {
  index: number;
  from: number;
  to: number;
}

/** Index of the last item starting at or before `offset`, or -1. */
export function itemIndexAt(items: PageItems, offset: number): number {
  let low = 0;
  let high = items.starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items.starts[mid]! <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The pieces of the page's items that the passage [start, end) covers, in item order (empty items are skipped). */
export function piecesOf(items: PageItems, start: number, end: number): ItemPiece[] {
  const pieces: ItemPiece[] = [];
  for (let index = Math.max(0, itemIndexAt(items, start)); index < items.starts.length; index++) {
    const itemStart = items.starts[index]!;
    if (itemStart >= end) break;
    const length = items.lengths[index]!;
    const from = Math.max(0, start - itemStart);
    const to = Math.min(length, end - itemStart);
    if (to > from) pieces.push({ index, from, to });
  }
  return pieces;
}

/** A match of a search in the document text. */
export interface TextMatch {
  start: number;
  end: number;
}

/** Most matches a search reports; past this the count reads "1000+". */
export const MAX_MATCHES = 1000;

/**
 * Where `query` occurs in `text`, ignoring case, with any run of blanks in
 * the query matching any run of blanks or line breaks (a PDF's lines end
 * in "\n" where the reader sees a space).
 */
export function findMatches(text: string, query: string, limit = MAX_MATCHES): TextMatch[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const regex = new RegExp(pattern, 'giu');
  const matches: TextMatch[] = [];
  for (let found = regex.exec(text); found && matches.length < limit; found = regex.exec(text)) {
    matches.push({ start: found.index, end: found.index + found[0].length });
  }
  return matches;
}
