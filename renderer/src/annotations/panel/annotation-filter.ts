/**
 * The Annotations tab's list: every annotation on the open documents, one
 * row per passage in an open document, in reading order, filtered by
 * colour, tag, document and words.
 */
import { markdownOf, tagsOf, type Annotation, type HighlightColour } from '../../../../electron/api/annotation-schema';
import type { DocumentAnchors, OrphanRef } from '../document-anchors';

/** The filters a reader can set; empty strings mean "any". */
export interface AnnotationFilter {
  colour: HighlightColour | '';
  tag: string;
  documentId: string;
  text: string;
}

/** No filter. */
export const ANY: AnnotationFilter = { colour: '', tag: '', documentId: '', text: '' };

/** One row: an annotation's passage where it is now. */
export interface AnnotationRow {
  annotation: Annotation;
  documentId: string;
  targetIndex: number;
  start: number;
}

function matches(annotation: Annotation, filter: AnnotationFilter): boolean {
  if (filter.colour && annotation['diptych:colour'] !== filter.colour) return false;
  const tags = tagsOf(annotation);
  if (filter.tag && !tags.includes(filter.tag)) return false;
  const words = filter.text.trim().toLowerCase();
  if (words) {
    const haystack = [markdownOf(annotation), ...tags, ...annotation.target.map((t) => (typeof t === 'string' ? '' : t.selector[0].exact))]
      .join('\n')
      .toLowerCase();
    if (!haystack.includes(words)) return false;
  }
  return true;
}

/** The rows of the open documents that pass the filter, by document then position. */
export function filterRows(anchors: readonly DocumentAnchors[], byId: ReadonlyMap<string, Annotation>, filter: AnnotationFilter): AnnotationRow[] {
  const rows: AnnotationRow[] = [];
  for (const document of anchors) {
    if (filter.documentId && document.documentId !== filter.documentId) continue;
    for (const [id, refs] of document.passages) {
      const annotation = byId.get(id);
      if (!annotation || !matches(annotation, filter)) continue;
      for (const ref of refs) rows.push({ annotation, documentId: document.documentId, targetIndex: ref.targetIndex, start: ref.start });
    }
  }
  const order = new Map(anchors.map((a, i) => [a.documentId, i]));
  return rows.sort((a, b) => order.get(a.documentId)! - order.get(b.documentId)! || a.start - b.start);
}

/** The orphans of the open documents that pass the filter (never hidden by anything else). */
export function filterOrphans(anchors: readonly DocumentAnchors[], filter: AnnotationFilter): OrphanRef[] {
  return anchors
    .filter((document) => !filter.documentId || document.documentId === filter.documentId)
    .flatMap((document) => document.orphans.filter((orphan) => matches(orphan.annotation, filter)));
}

/** Every tag used by the annotations in `anchors`, sorted. */
export function tagsIn(anchors: readonly DocumentAnchors[], byId: ReadonlyMap<string, Annotation>): string[] {
  const tags = new Set<string>();
  for (const document of anchors) {
    for (const id of document.passages.keys()) for (const tag of tagsOf(byId.get(id) ?? { body: [] })) tags.add(tag);
    for (const orphan of document.orphans) for (const tag of tagsOf(orphan.annotation)) tags.add(tag);
  }
  return [...tags].sort((a, b) => a.localeCompare(b));
}
