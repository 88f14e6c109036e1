/**
 * Anchors a document's annotations in its current text: each passage is
 * resolved once (results are kept per passage object, and annotations are
 * immutable, so an edit that keeps its passages costs nothing to re-anchor)
 * and turned into decoration ranges and a list of orphans.
 */
import {
  documentIdOfUri,
  markdownOf,
  NOTEBOOK_URI,
  noteTitle,
  textSelectorsOf,
  type Annotation,
  type PassageTarget,
} from '../../../electron/api/annotation-schema';
import { isOrphaned, PreparedText, resolvePassages, type PassageResolution } from '../../../electron/core/anchoring';
import { DecorationIndex, type DecorationRange } from './decorations';

/** Where one passage of an annotation is in the current text. */
export interface AnchoredRef {
  annotationId: string;
  /** Index of the passage in the annotation's `target` array. */
  targetIndex: number;
  start: number;
  end: number;
}

/** A passage that could not be placed: kept, listed, and re-attachable. */
export interface OrphanRef {
  annotation: Annotation;
  targetIndex: number;
  quote: string;
  reason: string;
}

/** Everything the reader needs about one document's annotations. */
export interface DocumentAnchors {
  documentId: string;
  decorations: DecorationIndex;
  /** Anchored passages of each annotation in this document. */
  passages: ReadonlyMap<string, readonly AnchoredRef[]>;
  orphans: readonly OrphanRef[];
}

/** The passages of `annotation` in `documentId`, with their index in `target`. */
export function passagesIn(annotation: Annotation, documentId: string): { target: PassageTarget; index: number }[] {
  const found: { target: PassageTarget; index: number }[] = [];
  annotation.target.forEach((target, index) => {
    if (target !== NOTEBOOK_URI && documentIdOfUri(target.source) === documentId) found.push({ target, index });
  });
  return found;
}

/** The accessible name of the marker at the end of a note or link passage. */
function markerLabel(annotation: Annotation): string {
  if (annotation.motivation === 'commenting') return `Note: ${noteTitle(markdownOf(annotation))}`;
  const others = annotation.target.length - 1;
  return `Link to ${others} other ${others === 1 ? 'passage' : 'passages'}`;
}

function rangesOf(annotation: Annotation, start: number, end: number, order: number): DecorationRange[] {
  const { id } = annotation;
  const colour = annotation['diptych:colour'];
  const ranges: DecorationRange[] = [];
  if (colour) ranges.push({ start, end, id, kind: 'highlight', colour, order });
  if (annotation.motivation === 'commenting') ranges.push({ start, end, id, kind: 'note', order, label: markerLabel(annotation) });
  if (annotation.motivation === 'linking') ranges.push({ start, end, id, kind: 'link', order, label: markerLabel(annotation) });
  return ranges;
}

interface TextCache {
  prepared: PreparedText;
  results: WeakMap<PassageTarget, PassageResolution>;
}

/** Resolves passages against document texts, remembering every answer for as long as the text is the same. */
export class AnchorResolver {
  readonly #texts = new Map<string, TextCache>();

  #cacheFor(documentId: string, text: string): TextCache {
    const cached = this.#texts.get(documentId);
    if (cached && cached.prepared.text === text) return cached;
    const fresh: TextCache = { prepared: new PreparedText(text), results: new WeakMap() };
    this.#texts.set(documentId, fresh);
    return fresh;
  }

  /** Resolves every passage of `annotations` in `documentId` not resolved before, in one call. */
  #place(documentId: string, text: string, annotations: Iterable<Annotation>): Placed {
    const cache = this.#cacheFor(documentId, text);
    const wanted: { annotation: Annotation; passages: { target: PassageTarget; index: number }[] }[] = [];
    for (const annotation of annotations) {
      const passages = passagesIn(annotation, documentId);
      if (passages.length > 0) wanted.push({ annotation, passages });
    }
    // All new passages at once, so they share the prepared text and each other's shift.
    const unresolved: PassageTarget[] = [];
    for (const { passages } of wanted) for (const { target } of passages) if (!cache.results.has(target)) unresolved.push(target);
    if (unresolved.length > 0) {
      const results = resolvePassages(cache.prepared, unresolved.map(textSelectorsOf));
      unresolved.forEach((target, i) => cache.results.set(target, results[i]!));
    }
    const placed: Placed = { ranges: [], passages: new Map(), orphans: [] };
    for (const { annotation, passages: found } of wanted) {
      const order = Date.parse(annotation.created) || 0;
      const refs: AnchoredRef[] = [];
      for (const { target, index } of found) {
        const result = cache.results.get(target)!;
        if (isOrphaned(result)) {
          placed.orphans.push({ annotation, targetIndex: index, quote: target.selector[0].exact, reason: result.reason });
          continue;
        }
        refs.push({ annotationId: annotation.id, targetIndex: index, start: result.start, end: result.end });
        placed.ranges.push(...rangesOf(annotation, result.start, result.end, order));
      }
      if (refs.length > 0) placed.passages.set(annotation.id, refs);
    }
    return placed;
  }

  /** Anchors every passage of `annotations` that lies in `documentId`. */
  anchor(documentId: string, text: string, annotations: Iterable<Annotation>): DocumentAnchors {
    const { ranges, passages, orphans } = this.#place(documentId, text, annotations);
    return { documentId, decorations: new DecorationIndex(ranges), passages, orphans };
  }

  /**
   * `previous` after the annotations with `changed` ids became `current`
   * (undefined: deleted): only those are re-placed, the rest is kept.
   */
  update(previous: DocumentAnchors, text: string, changed: ReadonlySet<string>, current: (id: string) => Annotation | undefined): DocumentAnchors {
    const present: Annotation[] = [];
    for (const id of changed) {
      const annotation = current(id);
      if (annotation) present.push(annotation);
    }
    const placed = this.#place(previous.documentId, text, present);
    const passages = new Map(previous.passages);
    for (const id of changed) passages.delete(id);
    for (const [id, refs] of placed.passages) passages.set(id, refs);
    const orphans = [...previous.orphans.filter((o) => !changed.has(o.annotation.id)), ...placed.orphans];
    return { documentId: previous.documentId, decorations: previous.decorations.withChanges(changed, placed.ranges), passages, orphans };
  }
}

interface Placed {
  ranges: DecorationRange[];
  passages: Map<string, AnchoredRef[]>;
  orphans: OrphanRef[];
}
