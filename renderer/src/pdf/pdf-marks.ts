/**
 * What is drawn over a PDF page: the annotations' decoration ranges and the
 * find matches that fall on it, each as rectangles. Rectangles come from
 * the passage's stored ones when it still sits where it was stored (they
 * need no text layer, so a highlight shows as soon as the page does), or
 * else from the page's text layer.
 */
import { documentIdOfUri, passagesOf, textSelectorsOf, type Annotation, type PdfRect } from '../../../electron/api/annotation-schema';
import type { HighlightColour } from '../annotations/colours';
import type { Decorations } from '../annotations/decorations';
import type { FindHighlights } from '../reader/find-highlights';
import type { PageSpan } from './pdf-text-map';

/** What a mark draws: an annotation's kind, a followed link's flash, or a find match. */
export type PdfMarkKind = 'highlight' | 'note' | 'link' | 'flash' | 'find' | 'find-current';

/** One passage drawn on one page. */
export interface PdfMark {
  /** Stable while the passage and its kind stay the same. */
  key: string;
  start: number;
  end: number;
  kind: PdfMarkKind;
  /** The annotation (empty for a flash or a match). */
  id: string;
  colour?: HighlightColour;
  label?: string;
  /** Layering among highlights of one length: the newer on top. */
  order: number;
}

const NO_MARKS: readonly PdfMark[] = Object.freeze([]);

/** The marks on the page whose text is `span`: decorations first (in their order), then matches. */
export function marksOnPage(span: PageSpan, decorations: Decorations, find: FindHighlights | null): readonly PdfMark[] {
  if (span.end <= span.start) return NO_MARKS;
  const marks: PdfMark[] = [];
  for (const range of decorations.overlapping(span.start, span.end)) {
    const mark: PdfMark = { key: `${range.kind}:${range.id}:${range.start}:${range.end}`, start: range.start, end: range.end, kind: range.kind, id: range.id, order: range.order };
    if (range.colour) mark.colour = range.colour;
    if (range.label) mark.label = range.label;
    marks.push(mark);
  }
  for (const match of find?.matches.overlapping(span.start, span.end) ?? []) {
    const kind = match.index === find!.current ? 'find-current' : 'find';
    marks.push({ key: `${kind}:${match.index}:${match.start}`, start: match.start, end: match.end, kind, id: '', order: 0 });
  }
  return marks.length > 0 ? marks : NO_MARKS;
}

/** Finds the stored rectangles of an annotation's passage in a document, if the passage is still at [start, end). */
export type StoredRectsLookup = (annotationId: string, start: number, end: number) => readonly PdfRect[] | undefined;

/**
 * The stored rectangles of `annotation`'s passage in `documentId` at
 * exactly [start, end): a passage anchored elsewhere (the text changed
 * under it) is measured afresh rather than drawn where it used to be.
 */
export function storedRectsOf(annotation: Annotation | undefined, documentId: string, start: number, end: number): readonly PdfRect[] | undefined {
  if (!annotation) return undefined;
  for (const target of passagesOf(annotation)) {
    const rects = target['diptych:rects'];
    if (!rects || documentIdOfUri(target.source) !== documentId) continue;
    const position = textSelectorsOf(target)[1];
    if (position.start === start && position.end === end) return rects;
  }
  return undefined;
}

/** Whether a mark stands for an annotation a click can open. */
export function isAnnotationMark(mark: PdfMark): boolean {
  return mark.kind === 'highlight' || mark.kind === 'note' || mark.kind === 'link';
}
