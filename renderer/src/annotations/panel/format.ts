/**
 * How annotations are named in the Notes panel: kinds, quotes cut to a
 * readable length, and document titles.
 */
import { markdownOf, noteTitle, passagesOf, type Annotation } from '../../../../electron/api/annotation-schema';
import type { DocumentSummary } from '../../../../electron/api/contract';

/** A quote on one line, cut at `max` characters. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "Highlight", "Note", "Link". */
export function kindLabel(annotation: Annotation): string {
  if (annotation.motivation === 'highlighting') return 'Highlight';
  return annotation.motivation === 'linking' ? 'Link' : 'Note';
}

/** A short name for an annotation: a note's title, otherwise its first quote. */
export function annotationName(annotation: Annotation): string {
  if (annotation.motivation === 'commenting') return noteTitle(markdownOf(annotation));
  const first = passagesOf(annotation)[0];
  return first ? `“${excerpt(first.selector[0].exact, 60)}”` : kindLabel(annotation);
}

/** A document's title, or its id when it is no longer in the library. */
export function documentTitle(documents: readonly DocumentSummary[], id: string): string {
  return documents.find((d) => d.id === id)?.title ?? `Missing document (${id})`;
}
