/**
 * What the zod schema cannot know about an annotation: whether its passages
 * point into documents of this library, and inside them. The quote is not
 * compared with the text, because documents may change after a passage was
 * marked; re-anchoring is the reader's job.
 */
import { documentIdOfUri, passagesOf, type Annotation } from '../api/annotation-schema';
import type { ApiErrorCode } from '../api/errors';

/** What the rules need to know about a library document. */
export interface KnownDocument {
  title: string;
  /** In UTF-16 code units, the unit of every offset. */
  length: number;
}

/** Why an annotation cannot be stored: `reason` ends a sentence the caller begins ("The annotation …", "Item 3 (…) …"). */
export interface PassageProblem {
  code: Extract<ApiErrorCode, 'not-found' | 'invalid-input'>;
  reason: string;
}

/** The first reason the annotation cannot be stored in this library, or null when it can. */
export function passageProblem(a: Annotation, documents: ReadonlyMap<string, KnownDocument>): PassageProblem | null {
  for (const passage of passagesOf(a)) {
    const id = documentIdOfUri(passage.source);
    const document = documents.get(id);
    if (!document) return { code: 'not-found', reason: `points at "${id}", which is not in the library` };
    const [quote, position] = passage.selector;
    if (position.end > document.length) {
      const reason = `has a passage at ${position.start}–${position.end}, beyond the end of "${document.title}" (${document.length} characters)`;
      return { code: 'invalid-input', reason };
    }
    if (quote.exact.trim() === '') return { code: 'invalid-input', reason: 'has a quote that is only whitespace' };
  }
  return null;
}
