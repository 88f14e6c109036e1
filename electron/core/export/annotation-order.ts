/**
 * The one order annotations are listed and exported in when no text order
 * applies: oldest first, then by id, so equal times still sort the same way.
 */
import type { Annotation } from '../../api/annotation-schema';

/** Compares by `created` as a time (it may carry any UTC offset, so not as text), then by id. */
export function byCreated(x: Pick<Annotation, 'created' | 'id'>, y: Pick<Annotation, 'created' | 'id'>): number {
  return Date.parse(x.created) - Date.parse(y.created) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}
