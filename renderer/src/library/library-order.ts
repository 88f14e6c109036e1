/**
 * Filtering and sorting the library list: what the reader typed matches a
 * title, author, date, tag, kind or file name, ignoring case and accents.
 */
import type { DocumentSummary } from '../../../electron/api/contract';
import { kindLabel } from './format';

export type LibrarySort = 'library' | 'title' | 'added' | 'kind';

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The documents matching every word of `query` (all of them when it is blank). */
export function filterDocuments(documents: readonly DocumentSummary[], query: string): readonly DocumentSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return documents;
  return documents.filter((d) => {
    const haystack = fold([d.title, d.author, d.date, kindLabel(d.kind), d.fileName ?? '', ...d.tags, ...d.collections].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The documents in the chosen order; "library" keeps the order they were added in. */
export function sortDocuments(documents: readonly DocumentSummary[], sort: LibrarySort): readonly DocumentSummary[] {
  if (sort === 'library') return documents;
  const sorted = [...documents];
  if (sort === 'title') sorted.sort((a, b) => collator.compare(a.title, b.title));
  if (sort === 'added') sorted.sort((a, b) => b.addedAt.localeCompare(a.addedAt));
  if (sort === 'kind') sorted.sort((a, b) => collator.compare(kindLabel(a.kind), kindLabel(b.kind)) || collator.compare(a.title, b.title));
  return sorted;
}

/** Every collection named in the library, sorted. */
export function collectionsOf(documents: readonly DocumentSummary[]): string[] {
  return [...new Set(documents.flatMap((d) => d.collections))].sort((a, b) => collator.compare(a, b));
}

/** The documents in `collection` (all of them for null). */
export function inCollection(documents: readonly DocumentSummary[], collection: string | null): readonly DocumentSummary[] {
  return collection === null ? documents : documents.filter((d) => d.collections.includes(collection));
}
