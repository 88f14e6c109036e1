/**
 * Splits the content of one render block at every decoration boundary, so
 * each piece can be one element carrying the annotations covering it. The
 * pieces cover the content exactly and in order, so the block's text nodes
 * still concatenate to its text and offsets stay exact.
 */
import type { DecorationRange } from './decorations';

/** One piece of a block's content and what covers all of it. */
export interface DecoratedSegment {
  start: number;
  end: number;
  /** Highlights covering the piece, innermost (shortest, then newest) first: the first paints the background. */
  highlights: DecorationRange[];
  notes: DecorationRange[];
  links: DecorationRange[];
  flash: boolean;
}

/** A marker drawn after the character before `at`, where a note or link passage ends. */
export interface SegmentMarker {
  at: number;
  range: DecorationRange;
}

/** A block's content as segments, plus its note and link markers. */
export interface SegmentedBlock {
  segments: DecoratedSegment[];
  markers: SegmentMarker[];
}

function innermostFirst(a: DecorationRange, b: DecorationRange): number {
  return a.end - a.start - (b.end - b.start) || b.order - a.order;
}

function segmentOf(start: number, end: number, covering: readonly DecorationRange[]): DecoratedSegment {
  const segment: DecoratedSegment = { start, end, highlights: [], notes: [], links: [], flash: false };
  for (const range of covering) {
    if (range.kind === 'highlight') segment.highlights.push(range);
    else if (range.kind === 'note') segment.notes.push(range);
    else if (range.kind === 'link') segment.links.push(range);
    else segment.flash = true;
  }
  segment.highlights.sort(innermostFirst);
  return segment;
}

/**
 * Segments the content [contentStart, contentEnd) of a block ending at
 * `blockEnd` (its separator runs from contentEnd to blockEnd) against the
 * ranges overlapping it. Undecorated stretches are segments with nothing
 * covering them. A note or link whose passage ends in this block (or in
 * its separator) gets a marker at the end of its last covered character.
 */
export function segmentBlock(contentStart: number, contentEnd: number, blockEnd: number, ranges: readonly DecorationRange[]): SegmentedBlock {
  const segments: DecoratedSegment[] = [];
  const markers: SegmentMarker[] = [];
  if (contentEnd <= contentStart) return { segments, markers };
  const cuts = new Set<number>([contentStart, contentEnd]);
  for (const range of ranges) {
    if (range.start > contentStart && range.start < contentEnd) cuts.add(range.start);
    if (range.end > contentStart && range.end < contentEnd) cuts.add(range.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Ranges by start, swept once: each enters when its start is reached and leaves when its end is.
  const pending = ranges.filter((r) => r.end > contentStart && r.start < contentEnd).sort((a, b) => a.start - b.start);
  let next = 0;
  let active: DecorationRange[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    while (next < pending.length && pending[next]!.start <= from) active.push(pending[next++]!);
    active = active.filter((r) => r.end > from);
    segments.push(segmentOf(from, to, active));
  }
  const seen = new Set<string>();
  for (const range of ranges) {
    if (range.kind !== 'note' && range.kind !== 'link') continue;
    if (range.end <= contentStart || range.end > blockEnd) continue;
    const at = Math.min(range.end, contentEnd);
    const key = `${range.id}@${at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    markers.push({ at, range });
  }
  markers.sort((a, b) => a.at - b.at || (a.range.kind === b.range.kind ? a.range.order - b.range.order : a.range.kind === 'note' ? -1 : 1));
  return { segments, markers };
}
