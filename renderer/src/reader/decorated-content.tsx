/**
 * A block's content with its decorations: every stretch covered by the
 * same highlights, notes and links is one element, undecorated stretches
 * stay bare text, and a small marker (outside the offset mapping) ends
 * each note or link passage. The text nodes still spell exactly the
 * block's content, so selection and offsets are unaffected.
 */
import type { CSSProperties, ReactNode } from 'react';
import { Link2, StickyNote } from 'lucide-react';
import { colourLine } from '../annotations/colours';
import type { DecorationRange } from '../annotations/decorations';
import { segmentBlock, type DecoratedSegment } from '../annotations/segment-block';
import { OFFSET_IGNORE_ATTRIBUTE } from './text-offsets';

/** Outer highlights show as stripes under the innermost one's background; more than this many add nothing legible. */
const MAX_STRIPES = 3;

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

function Segment({ text, segment }: { text: string; segment: DecoratedSegment }) {
  const content = text.slice(segment.start, segment.end);
  const decorated = segment.highlights.length > 0 || segment.notes.length > 0 || segment.links.length > 0 || segment.flash;
  if (!decorated) return content;
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
  return segment.highlights.length > 0 ? <mark {...props}>{content}</mark> : <span {...props}>{content}</span>;
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

/** Props of {@link DecoratedContent}. */
export interface DecoratedContentProps {
  text: string;
  start: number;
  contentEnd: number;
  end: number;
  ranges: readonly DecorationRange[];
}

/** The content of one block, split at every decoration boundary. */
export function DecoratedContent({ text, start, contentEnd, end, ranges }: DecoratedContentProps) {
  const { segments, markers } = segmentBlock(start, contentEnd, end, ranges);
  const children: ReactNode[] = [];
  let marker = 0;
  for (const segment of segments) {
    children.push(<Segment key={`s${segment.start}`} text={text} segment={segment} />);
    while (marker < markers.length && markers[marker]!.at === segment.end) {
      const { range } = markers[marker]!;
      children.push(<Marker key={`m${range.id}:${segment.end}`} range={range} />);
      marker++;
    }
  }
  return children;
}
