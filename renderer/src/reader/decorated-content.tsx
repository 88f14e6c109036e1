/**
 * A block's content with its formatting and decorations. Two things split
 * the text: the document's inline structure (emphasis, strong, code,
 * links), drawn as elements around the words, and the decorations over it
 * (highlights, notes, links between passages, find matches), drawn inside
 * those. The content is cut at the union of both sets of boundaries, so a
 * highlight across a bold word and a link becomes several marks, each
 * inside the element it overlaps; a small marker (outside the offset
 * mapping) ends each note or link passage. The text nodes still spell
 * exactly the block's content, so selection and offsets are unaffected.
 */
import type { CSSProperties, ReactNode } from 'react';
import { Link2, StickyNote } from 'lucide-react';
import type { InlineSpan } from '../../../electron/core/import/document-model';
import { colourLine } from '../annotations/colours';
import type { DecorationRange } from '../annotations/decorations';
import { segmentBlock, type DecoratedSegment, type SegmentMarker } from '../annotations/segment-block';
import type { FindRange } from './find-highlights';
import { OFFSET_IGNORE_ATTRIBUTE } from './text-offsets';

/** Outer highlights show as stripes under the innermost one's background; more than this many add nothing legible. */
const MAX_STRIPES = 3;

/** Marks a link drawn from the document's own markup (not a link between passages) and holds its address. */
export const DOCUMENT_LINK_ATTRIBUTE = 'data-document-link';

function stripes(segment: DecoratedSegment): CSSProperties | undefined {
  const outer = segment.highlights.slice(1, 1 + MAX_STRIPES);
  if (outer.length === 0) return undefined;
  // The first listed shadow is painted on top, so each stripe sits above the next one down.
  const shadows = outer.map((range, i) => `inset 0 -${(i + 1) * 3}px 0 ${colourLine(range.colour ?? 'yellow')}`);
  return { boxShadow: shadows.join(', ') };
}

function ids(segment: DecoratedSegment): string {
  const seen = new Set<string>();
  for (const list of [segment.highlights, segment.links, segment.notes]) for (const range of list) seen.add(range.id);
  return [...seen].join(' ');
}

/** Whether a find match covers a piece: 0 none, 1 a match, 2 the current match. */
type FindMark = 0 | 1 | 2;

/** A stretch of content with one set of decorations over all of it. */
interface Piece {
  start: number;
  end: number;
  segment: DecoratedSegment;
  find: FindMark;
}

function PieceView({ text, piece }: { text: string; piece: Piece }) {
  const content = text.slice(piece.start, piece.end);
  const found =
    piece.find === 0 ? (
      content
    ) : (
      <mark className="find-match" data-find={piece.find === 2 ? 'current' : 'match'}>
        {content}
      </mark>
    );
  const { segment } = piece;
  const decorated = segment.highlights.length > 0 || segment.notes.length > 0 || segment.links.length > 0 || segment.flash;
  if (!decorated) return found;
  const classes = ['anno'];
  if (segment.notes.length > 0) classes.push('anno-note');
  if (segment.links.length > 0) classes.push('anno-link');
  if (segment.flash) classes.push('anno-flash');
  const props = {
    className: classes.join(' '),
    'data-annotation-ids': ids(segment) || undefined,
    'data-colour': segment.highlights[0]?.colour,
    'data-colours': segment.highlights.length > 0 ? segment.highlights.map((h) => h.colour).join(' ') : undefined,
    'data-flash': segment.flash ? 'true' : undefined,
    style: stripes(segment),
  };
  return segment.highlights.length > 0 ? <mark {...props}>{found}</mark> : <span {...props}>{found}</span>;
}

function Marker({ range }: { range: DecorationRange }) {
  const Icon = range.kind === 'note' ? StickyNote : Link2;
  return (
    <button
      type="button"
      className="anno-marker"
      data-kind={range.kind}
      data-marker-for={range.id}
      aria-label={range.label ?? (range.kind === 'note' ? 'Note' : 'Link')}
      title={range.label}
      tabIndex={-1}
      {...{ [OFFSET_IGNORE_ATTRIBUTE]: '' }}
    >
      <Icon aria-hidden="true" />
    </button>
  );
}

function InlineElement({ span, children }: { span: InlineSpan; children: ReactNode[] }) {
  switch (span.kind) {
    case 'emphasis':
      return <em className="doc-emphasis">{children}</em>;
    case 'strong':
      return <strong className="doc-strong">{children}</strong>;
    case 'code':
      return <code className="doc-code">{children}</code>;
    case 'link':
      // No href: the browser never follows, drags or middle-click-opens it, and a drag starting on it selects words.
      // Opening is the text view's decision, after asking; the address shows on hover so the reader sees where it goes.
      return (
        <a className="doc-link" role="link" tabIndex={0} title={span.href} {...{ [DOCUMENT_LINK_ATTRIBUTE]: span.href }}>
          {children}
        </a>
      );
  }
}

function plainSegment(start: number, end: number): DecoratedSegment {
  return { start, end, highlights: [], notes: [], links: [], flash: false };
}

/** Inline spans clipped to the content, properly nested ones only, outer before inner. */
function clipSpans(spans: readonly InlineSpan[], start: number, end: number): InlineSpan[] {
  const clipped: InlineSpan[] = [];
  for (const span of spans) {
    const from = Math.max(span.start, start);
    const to = Math.min(span.end, end);
    if (to > from) clipped.push(from === span.start && to === span.end ? span : { ...span, start: from, end: to });
  }
  return clipped.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Cuts the decoration segments at every inline and find boundary, and marks what find covers. */
function piecesOf(segments: readonly DecoratedSegment[], spans: readonly InlineSpan[], find: readonly FindRange[], findCurrent: number): Piece[] {
  const cuts: number[] = [];
  for (const span of spans) cuts.push(span.start, span.end);
  for (const match of find) cuts.push(match.start, match.end);
  cuts.sort((a, b) => a - b);
  const pieces: Piece[] = [];
  let cut = 0;
  let match = 0;
  for (const segment of segments) {
    let from = segment.start;
    while (from < segment.end) {
      while (cut < cuts.length && cuts[cut]! <= from) cut++;
      const to = cut < cuts.length && cuts[cut]! < segment.end ? cuts[cut++]! : segment.end;
      while (match < find.length && find[match]!.end <= from) match++;
      const covering = match < find.length && find[match]!.start <= from ? find[match]! : null;
      const mark: FindMark = covering === null ? 0 : covering.index === findCurrent ? 2 : 1;
      pieces.push({ start: from, end: to, segment: from === segment.start && to === segment.end ? segment : { ...segment, start: from, end: to }, find: mark });
      from = to;
    }
  }
  return pieces;
}

/** Props of {@link BlockContent}. */
export interface BlockContentProps {
  text: string;
  start: number;
  contentEnd: number;
  end: number;
  /** Decorations overlapping the block, its separator included. */
  ranges: readonly DecorationRange[];
  /** Inline structure overlapping the block's content. */
  inline?: readonly InlineSpan[];
  /** Find matches overlapping the block's content. */
  find?: readonly FindRange[];
  /** Index of the current find match (-1: none). */
  findCurrent?: number;
}

const NO_INLINE: readonly InlineSpan[] = [];
const NO_FIND: readonly FindRange[] = [];

/** The content of one block: inline elements outside, decoration pieces inside, markers as shallow as they can sit. */
export function BlockContent({ text, start, contentEnd, end, ranges, inline = NO_INLINE, find = NO_FIND, findCurrent = -1 }: BlockContentProps): ReactNode[] {
  const segmented =
    ranges.length > 0 ? segmentBlock(start, contentEnd, end, ranges) : { segments: contentEnd > start ? [plainSegment(start, contentEnd)] : [], markers: [] as SegmentMarker[] };
  const spans = inline.length > 0 ? clipSpans(inline, start, contentEnd) : [];
  const pieces = piecesOf(segmented.segments, spans, find, findCurrent);
  const markers = segmented.markers;
  let p = 0;
  let s = 0;
  let m = 0;

  const emitMarkers = (out: ReactNode[], at: number) => {
    while (m < markers.length && markers[m]!.at <= at) {
      const { range } = markers[m++]!;
      out.push(<Marker key={`m${range.id}:${at}`} range={range} />);
    }
  };

  // Walks [from, to): an inline span starting here becomes an element around its own walk; otherwise the next piece.
  const walk = (from: number, to: number, top: boolean): ReactNode[] => {
    const out: ReactNode[] = [];
    let position = from;
    while (position < to) {
      const span = spans[s];
      if (span && (span.start < position || (span.start === position && span.end > to))) {
        // Not properly nested (malformed input): drawn as plain text.
        s++;
        continue;
      }
      if (span && span.start === position) {
        s++;
        const children = walk(span.start, span.end, false);
        out.push(
          <InlineElement key={`${span.kind}${span.start}`} span={span}>
            {children}
          </InlineElement>,
        );
        position = span.end;
      } else {
        const piece = pieces[p++];
        if (!piece) break;
        out.push(<PieceView key={`s${piece.start}`} text={text} piece={piece} />);
        position = piece.end;
      }
      // A marker at the end of an element goes after it, at the shallowest level that ends there.
      if (position < to || top) emitMarkers(out, position);
    }
    if (top) emitMarkers(out, Number.POSITIVE_INFINITY);
    return out;
  };
  return walk(start, contentEnd, true);
}
