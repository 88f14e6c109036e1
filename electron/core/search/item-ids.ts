/**
 * Ids of indexed items. A passage's id holds its document and start offset,
 * so a search result leads back to its text without a stored copy of either.
 */

const PASSAGE_PREFIX = 'doc:';
const NOTE_PREFIX = 'note:';

/** What an item id names. */
export type ItemRef = { kind: 'document'; documentId: string; start: number } | { kind: 'note'; noteId: string };

/** The id of the passage of `documentId` starting at `start`. */
export function passageId(documentId: string, start: number): string {
  return `${PASSAGE_PREFIX}${documentId}:${start}`;
}

/** The id of the note `noteId` (an annotation id). */
export function noteItemId(noteId: string): string {
  return `${NOTE_PREFIX}${noteId}`;
}

/** What `id` names; null for an id this module did not make. */
export function parseItemId(id: string): ItemRef | null {
  if (id.startsWith(NOTE_PREFIX)) return { kind: 'note', noteId: id.slice(NOTE_PREFIX.length) };
  if (!id.startsWith(PASSAGE_PREFIX)) return null;
  // The start is after the last colon: a document id may hold colons of its own.
  const colon = id.lastIndexOf(':');
  const start = Number(id.slice(colon + 1));
  if (colon < PASSAGE_PREFIX.length || !Number.isInteger(start)) return null;
  return { kind: 'document', documentId: id.slice(PASSAGE_PREFIX.length, colon), start };
}
