/**
 * Finding the intervals that overlap a stretch, among intervals sorted by
 * start: with the running maximum of their ends, two binary searches bound
 * the candidates. Used by the highlight decorations and by the inline
 * formatting of structured documents.
 */

interface Interval {
  readonly start: number;
  readonly end: number;
}

/** The running maximum of the ends of `sorted` (sorted by start). */
export function runningMaxEnds(sorted: readonly Interval[]): Float64Array {
  const maxEnd = new Float64Array(sorted.length);
  let max = Number.NEGATIVE_INFINITY;
  sorted.forEach((interval, i) => {
    max = Math.max(max, interval.end);
    maxEnd[i] = max;
  });
  return maxEnd;
}

/** The intervals of `sorted` with `start < end && interval.end > start`, in their order; `none` when there are none. */
export function overlapping<T extends Interval>(sorted: readonly T[], maxEnd: Float64Array, start: number, end: number, none: readonly T[]): readonly T[] {
  // One past the last interval starting before `end`.
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]!.start < end) low = mid + 1;
    else high = mid;
  }
  const last = low;
  // The first interval whose running maximum end passes `start`: none before it can reach in.
  low = 0;
  high = last;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (maxEnd[mid]! > start) high = mid;
    else low = mid + 1;
  }
  const found: T[] = [];
  for (let i = low; i < last; i++) if (sorted[i]!.end > start) found.push(sorted[i]!);
  return found.length > 0 ? found : none;
}
