/**
 * The links between the two open documents, as anchored passage pairs: a
 * linking annotation, or a note whose passages lie in both texts. Also
 * decides when a suggestion is already one of them (then it is not
 * suggested again; undoing the link brings the suggestion back).
 */
import type { Annotation } from '../../../electron/api/annotation-schema';
import type { DocumentAnchors } from '../annotations/document-anchors';

/** A passage range in one document. */
export interface Span {
  start: number;
  end: number;
}

/** One pair of passages joined by an annotation, one in each pane's document. */
export interface CrossLink {
  /** `${annotationId}:${leftIndex}:${rightIndex}`, stable across renders. */
  key: string;
  annotationId: string;
  motivation: 'linking' | 'commenting';
  /** Index of each passage in the annotation's targets (for revealing it). */
  leftIndex: number;
  rightIndex: number;
  left: Span;
  right: Span;
}

/** Every passage pair joining `left` and `right` through a link or a note, in the order of their left passages. */
export function crossLinks(left: DocumentAnchors, right: DocumentAnchors, annotationOf: (id: string) => Annotation | undefined): CrossLink[] {
  if (left.documentId === right.documentId) return [];
  const links: CrossLink[] = [];
  for (const [id, leftRefs] of left.passages) {
    const rightRefs = right.passages.get(id);
    if (!rightRefs) continue;
    const motivation = annotationOf(id)?.motivation;
    if (motivation !== 'linking' && motivation !== 'commenting') continue;
    for (const l of leftRefs) {
      for (const r of rightRefs) {
        links.push({ key: `${id}:${l.targetIndex}:${r.targetIndex}`, annotationId: id, motivation, leftIndex: l.targetIndex, rightIndex: r.targetIndex, left: l, right: r });
      }
    }
  }
  return links.sort((a, b) => a.left.start - b.left.start || a.right.start - b.right.start);
}

/** How much of the shorter span the two share, from 0 (apart) to 1 (one inside the other). */
function overlapShare(a: Span, b: Span): number {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return shared > 0 && shorter > 0 ? shared / shorter : 0;
}

/**
 * Whether a link already joins (most of) the suggestion's two passages: the
 * reader accepted it, or linked the same places by hand. Anchoring can
 * shift a passage's ends by a character or two, hence the overlap share.
 */
export function isLinked(suggestion: { left: Span; right: Span }, links: readonly CrossLink[]): boolean {
  return links.some((link) => overlapShare(link.left, suggestion.left) >= 0.6 && overlapShare(link.right, suggestion.right) >= 0.6);
}
