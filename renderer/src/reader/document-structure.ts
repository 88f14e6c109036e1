/**
 * The structure of an imported Markdown or HTML document (see
 * electron/core/import/document-model.ts), as the reader uses it: checked
 * once when the document loads, then split into block spans (headings,
 * paragraphs, list items, quotes, code blocks), rule positions and an index
 * of inline spans (emphasis, strong, code, links) that a row can query by
 * offsets without scanning the whole document.
 *
 * The host validated every span when it imported the file; the client only
 * checks their shape, so this module drops anything a renderer could be
 * hurt by (unknown kinds, offsets outside the text, links that are not
 * http, https or mailto) instead of trusting it.
 */
import {
  MAX_HREF_LENGTH,
  MAX_LIST_DEPTH,
  SAFE_HREF_PATTERN,
  type BlockquoteSpan,
  type CodeBlockSpan,
  type HeadingSpan,
  type InlineSpan,
  type ListItemSpan,
  type ParagraphSpan,
} from '../../../electron/core/import/document-model';
import { overlapping, runningMaxEnds } from '../lib/interval-search';

/** A span that holds or is a block: everything but rules and inline spans. */
export type StructureBlock = HeadingSpan | ParagraphSpan | ListItemSpan | BlockquoteSpan | CodeBlockSpan;

/** A document's structure, ready for the text view. */
export interface DocumentStructure {
  /** Block spans sorted by start, outer before inner. */
  readonly blocks: readonly StructureBlock[];
  /** Where rules are drawn: offsets of the blocks they precede (or the text's length), ascending. */
  readonly rules: readonly number[];
  /** Inline spans, queried by offsets. */
  readonly inline: InlineIndex;
}

/** The most characters a list marker may have; longer ones are cut (the model allows 16). */
const MAX_MARKER_CHARS = 16;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function offsetsOf(span: Record<string, unknown>, length: number): { start: number; end: number } | null {
  const { start, end } = span;
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) return null;
  if (start < 0 || end > length || end < start) return null;
  return { start, end };
}

/** Outer before inner: by start, then longest first. */
function byStartOuterFirst(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || b.end - a.end;
}

/** A link's address if it may be shown as a link, else null (the words then show as plain text). */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string' || href.length > MAX_HREF_LENGTH) return null;
  const trimmed = href.trim();
  // Control characters and whitespace inside an address are how scheme checks get fooled.
  // eslint-disable-next-line no-control-regex
  if (!SAFE_HREF_PATTERN.test(trimmed) || /[\u0000-\u0020\u007f-\u009f]/.test(trimmed)) return null;
  return trimmed;
}

function toBlock(kind: string, span: Record<string, unknown>, start: number, end: number): StructureBlock | null {
  if (end <= start) return null;
  switch (kind) {
    case 'heading': {
      const level = span.level;
      return typeof level === 'number' && level >= 1 && level <= 6 && Number.isInteger(level)
        ? { kind, level: level as HeadingSpan['level'], start, end }
        : { kind: 'paragraph', start, end };
    }
    case 'paragraph':
    case 'blockquote':
    case 'code-block':
      return { kind, start, end };
    case 'list-item': {
      const depth = typeof span.depth === 'number' && Number.isInteger(span.depth) ? Math.min(Math.max(span.depth, 0), MAX_LIST_DEPTH) : 0;
      const marker = typeof span.marker === 'string' ? span.marker.slice(0, MAX_MARKER_CHARS) : '•';
      return { kind, ordered: span.ordered === true, depth, marker, start, end };
    }
    default:
      return null;
  }
}

function toInline(kind: string, span: Record<string, unknown>, start: number, end: number): InlineSpan | null {
  if (end <= start) return null;
  switch (kind) {
    case 'emphasis':
    case 'strong':
    case 'code':
      return { kind, start, end };
    case 'link': {
      const href = safeHref(span.href);
      return href === null ? null : { kind, href, start, end };
    }
    default:
      return null;
  }
}

/**
 * Builds the reader's structure from what the API answered, or null when
 * there is none to draw (a plain text): such a document renders exactly as
 * before structure existed.
 */
export function buildStructure(raw: readonly unknown[] | undefined, textLength: number): DocumentStructure | null {
  if (!raw || raw.length === 0) return null;
  const blocks: StructureBlock[] = [];
  const inline: InlineSpan[] = [];
  const rules: number[] = [];
  for (const item of raw) {
    if (!isRecord(item) || typeof item.kind !== 'string') continue;
    const offsets = offsetsOf(item, textLength);
    if (!offsets) continue;
    const { start, end } = offsets;
    if (item.kind === 'rule') {
      rules.push(start);
      continue;
    }
    const block = toBlock(item.kind, item, start, end);
    if (block) {
      blocks.push(block);
      continue;
    }
    const span = toInline(item.kind, item, start, end);
    if (span) inline.push(span);
  }
  if (blocks.length === 0 && inline.length === 0 && rules.length === 0) return null;
  blocks.sort(byStartOuterFirst);
  rules.sort((a, b) => a - b);
  return { blocks, rules, inline: new InlineIndex(inline) };
}

const NO_SPANS: readonly InlineSpan[] = Object.freeze([]);

/**
 * Inline spans sorted by start (outer first), with the running maximum of
 * their ends, so the spans overlapping a stretch are found by two binary
 * searches: all lie between the first whose running maximum end passes the
 * stretch's start and the last that starts before its end.
 */
export class InlineIndex {
  readonly spans: readonly InlineSpan[];
  readonly #maxEnd: Float64Array;

  constructor(spans: readonly InlineSpan[]) {
    const sorted = [...spans].sort(byStartOuterFirst);
    this.spans = sorted;
    this.#maxEnd = runningMaxEnds(sorted);
  }

  /** Spans with `span.start < end && span.end > start`, outer before inner. */
  overlapping(start: number, end: number): readonly InlineSpan[] {
    const spans = this.spans;
    if (end <= start || spans.length === 0) return NO_SPANS;
    return overlapping(spans, this.#maxEnd, start, end, NO_SPANS);
  }
}
