/**
 * Find matches as the text view draws them: ranges sorted by start that a
 * row can query by offsets, plus which one is current. Kept apart from the
 * annotation decorations, which are the reader's own work; matches are
 * transient and change with every keystroke in the find bar.
 */

/** One match, in UTF-16 offsets [start, end), and its position in the list. */
export interface FindRange {
  start: number;
  end: number;
  index: number;
}

const NONE: readonly FindRange[] = Object.freeze([]);

/** Most answers kept per index: a virtual list asks again for rows scrolled back into view. */
const MAX_CACHED_QUERIES = 4096;

/** The matches of one search, sorted and non-overlapping. */
export class FindMatches {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Whether the search stopped at its limit, so there are more matches than listed. */
  readonly truncated: boolean;
  readonly #cache = new Map<string, readonly FindRange[]>();

  constructor(starts: Int32Array, ends: Int32Array, truncated = false) {
    this.starts = starts;
    this.ends = ends;
    this.truncated = truncated;
  }

  get size(): number {
    return this.starts.length;
  }

  /** The match at `index`, or null. */
  at(index: number): FindRange | null {
    if (!(index >= 0 && index < this.starts.length)) return null;
    return { start: this.starts[index]!, end: this.ends[index]!, index };
  }

  /** Index of the first match starting at or after `offset`, or -1 when there is none. */
  firstFrom(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low < this.starts.length ? low : -1;
  }

  /**
   * Matches with `start < end && match.end > start`, in order. Answers are
   * cached, so a row asking twice gets the same array and does not re-render.
   */
  overlapping(start: number, end: number): readonly FindRange[] {
    if (end <= start || this.starts.length === 0) return NONE;
    const key = `${start}:${end}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    // Matches never overlap one another, so their ends are sorted too.
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ends[mid]! <= start) low = mid + 1;
      else high = mid;
    }
    const found: FindRange[] = [];
    for (let i = low; i < this.starts.length && this.starts[i]! < end; i++) found.push({ start: this.starts[i]!, end: this.ends[i]!, index: i });
    const result = found.length > 0 ? found : NONE;
    if (this.#cache.size >= MAX_CACHED_QUERIES) this.#cache.clear();
    this.#cache.set(key, result);
    return result;
  }
}

/** What the text view draws for find: the matches and the current one's index (-1: none). */
export interface FindHighlights {
  matches: FindMatches;
  current: number;
}
