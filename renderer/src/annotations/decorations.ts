/**
 * What is drawn over a document's text: highlight, note and link passages
 * as offset ranges, indexed so a rendered block finds the ranges it
 * overlaps by binary search instead of scanning every annotation.
 */
import type { HighlightColour } from '../../../electron/api/annotation-schema';
import { overlapping, runningMaxEnds } from '../lib/interval-search';

/** What a range draws: a coloured background, a note or link underline, or the brief flash of a followed link. */
export type DecorationKind = 'highlight' | 'note' | 'link' | 'flash';

/** One decorated passage of a document, in UTF-16 offsets: [start, end). */
export interface DecorationRange {
  start: number;
  end: number;
  /** The annotation drawn (empty for a flash). */
  id: string;
  kind: DecorationKind;
  /** A highlight's colour. */
  colour?: HighlightColour;
  /** Layering among equally long highlights: the higher (newer) is drawn on top. */
  order: number;
  /** Accessible name of the marker drawn where a note or link passage ends. */
  label?: string;
}

/** Anything that can say which ranges overlap a stretch of text. */
export interface Decorations {
  /** Ranges with `start < end` and `range.end > start`, in order of their start. */
  overlapping(start: number, end: number): readonly DecorationRange[];
}

const NONE: readonly DecorationRange[] = Object.freeze([]);

/** Orders ranges by start, then by end, so the index can binary-search them. */
function byStart(a: DecorationRange, b: DecorationRange): number {
  return a.start - b.start || a.end - b.end || a.order - b.order;
}

/** Most blocks' answers kept per index: a virtual list asks again for rows scrolled back into view. */
const MAX_CACHED_QUERIES = 4096;

/**
 * Ranges sorted by start, with the running maximum of their ends: the
 * ranges overlapping [start, end) all lie between the first whose running
 * maximum end passes `start` and the last that starts before `end`.
 */
export class DecorationIndex implements Decorations {
  readonly ranges: readonly DecorationRange[];
  readonly #maxEnd: Float64Array;
  readonly #cache = new Map<string, readonly DecorationRange[]>();

  constructor(ranges: readonly DecorationRange[], sorted = false) {
    const usable = ranges.filter((r) => r.end > r.start);
    if (!sorted) usable.sort(byStart);
    this.ranges = usable;
    this.#maxEnd = runningMaxEnds(usable);
  }

  /**
   * A new index without the ranges of the annotations in `removed` and with
   * `added`: one pass over the sorted ranges instead of a full sort, so a
   * single new highlight among ten thousand costs a fraction of a millisecond.
   */
  withChanges(removed: ReadonlySet<string>, added: readonly DecorationRange[]): DecorationIndex {
    const extra = added.filter((r) => r.end > r.start).sort(byStart);
    const merged: DecorationRange[] = [];
    let next = 0;
    for (const range of this.ranges) {
      if (removed.has(range.id)) continue;
      while (next < extra.length && byStart(extra[next]!, range) < 0) merged.push(extra[next++]!);
      merged.push(range);
    }
    while (next < extra.length) merged.push(extra[next++]!);
    return new DecorationIndex(merged, true);
  }

  /** Number of ranges. */
  get size(): number {
    return this.ranges.length;
  }

  overlapping(start: number, end: number): readonly DecorationRange[] {
    if (end <= start || this.ranges.length === 0) return NONE;
    const key = `${start}:${end}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const result = this.#query(start, end);
    if (this.#cache.size >= MAX_CACHED_QUERIES) this.#cache.clear();
    this.#cache.set(key, result);
    return result;
  }

  #query(start: number, end: number): readonly DecorationRange[] {
    return overlapping(this.ranges, this.#maxEnd, start, end, NONE);
  }
}

/** An empty set of decorations. */
export const NO_DECORATIONS: Decorations = { overlapping: () => NONE };

/** `base` plus a few extra ranges (a flash) that change more often than the index. */
export function withExtraRanges(base: Decorations, extra: readonly DecorationRange[]): Decorations {
  if (extra.length === 0) return base;
  return {
    overlapping(start: number, end: number): readonly DecorationRange[] {
      const more = extra.filter((r) => r.start < end && r.end > start);
      const found = base.overlapping(start, end);
      return more.length === 0 ? found : [...found, ...more].sort(byStart);
    },
  };
}
