import { describe, expect, it } from 'vitest';
import { LibrarySearch, SEARCH_FORMAT_VERSION, type SearchSnapshot } from '../../../electron/core/search';
import { corpusSearch } from './search-corpus';

const queries = ['Molotov', 'Molotof ', 'negot', 'Litvinov dismissed', 'Voroshilov Ribbentrop', 'naive', 'the'];

function answers(search: LibrarySearch): unknown[] {
  return queries.flatMap((query) => [search.search(query), search.search(query, { documentIds: ['litvinov', 'pact'] }), search.search(query, { kinds: ['note'] })]);
}

describe('LibrarySearch snapshots', () => {
  it('answers every query the same after a round trip through a JSON string', () => {
    const search = corpusSearch();
    // A removal and a note edit first, so discarded items are part of the snapshot.
    search.removeDocument('poland');
    search.upsertNote('n-ship', 'The slow ship', 'The City of Exeter sailed to Leningrad.', ['talks']);
    const loaded = LibrarySearch.fromJSON(JSON.stringify(search));
    expect(loaded).not.toBeNull();
    expect(answers(loaded!)).toEqual(answers(search));
    expect(loaded!.documentCount).toBe(5);
    expect(loaded!.noteCount).toBe(3);
  });

  it('loads the parsed value as well as the string', () => {
    const search = corpusSearch();
    const loaded = LibrarySearch.fromJSON(JSON.parse(JSON.stringify(search.toJSON())));
    expect(answers(loaded!)).toEqual(answers(search));
  });

  it('keeps a loaded index updatable', () => {
    const loaded = LibrarySearch.fromJSON(JSON.stringify(corpusSearch()))!;
    loaded.replaceDocument('pact', 'The Pact of August', 'Signed at two in the morning.');
    loaded.removeNote('n-molotov');
    loaded.addDocument('danzig', 'Danzig', 'The free city of Danzig.');
    expect(loaded.search('Ribbentrop').total).toBe(0);
    expect(loaded.search('morning').total).toBe(1);
    expect(loaded.search('Danzig').groups[0]).toMatchObject({ documentId: 'danzig' });
    expect(loaded.search('Molotov', { kinds: ['note'] }).total).toBe(0);
  });

  it('reads a snapshot of another format version as null, so the caller rebuilds', () => {
    const snapshot = corpusSearch().toJSON();
    expect(snapshot.version).toBe(SEARCH_FORMAT_VERSION);
    expect(LibrarySearch.fromJSON({ ...snapshot, version: SEARCH_FORMAT_VERSION + 1 })).toBeNull();
    expect(LibrarySearch.fromJSON({ ...snapshot, version: SEARCH_FORMAT_VERSION - 1 })).toBeNull();
    expect(LibrarySearch.fromJSON({ ...snapshot, format: 'something-else' })).toBeNull();
  });

  it('reads anything damaged as null', () => {
    const snapshot = corpusSearch().toJSON();
    const json = JSON.stringify(snapshot);
    const damaged: unknown[] = [
      null,
      42,
      '',
      json.slice(0, json.length / 2),
      { ...snapshot, documents: 'nope' },
      { ...snapshot, notes: [{ id: 1 }] },
      { ...snapshot, index: { index: 'nope' } },
      { ...snapshot, index: { ...snapshot.index, index: [['molotov', 'not an entry']] } },
      // Passages past the end of their text.
      { ...snapshot, documents: snapshot.documents.map((d) => ({ ...d, passages: [...d.passages, d.text.length + 1, d.text.length + 2] })) },
      // A document missing from the side table but still in the index.
      { ...snapshot, documents: snapshot.documents.slice(1) },
      // A passage the index does not hold, and a note listed twice.
      { ...snapshot, documents: snapshot.documents.map((d, i) => (i === 0 ? { ...d, passages: [1, ...d.passages.slice(1)] } : d)) },
      { ...snapshot, notes: [...snapshot.notes, snapshot.notes[0]] },
    ];
    for (const value of damaged) expect(LibrarySearch.fromJSON(value)).toBeNull();
  });

  it('writes the texts and passage map next to the index', () => {
    const snapshot: SearchSnapshot = corpusSearch().toJSON();
    const pact = snapshot.documents.find((d) => d.id === 'pact')!;
    expect(pact.title).toBe('The Pact of August');
    expect(pact.passages).toHaveLength(4);
    expect(pact.text.slice(pact.passages[2], pact.passages[3])).toBe('A secret protocol divided Eastern Europe into spheres of influence.');
    expect(snapshot.notes.map((n) => n.id).sort()).toEqual(['n-molotov', 'n-notebook', 'n-ship']);
  });
});
