import { describe, expect, it } from 'vitest';
import { LibrarySearch } from '../../../electron/core/search';
import { allHits, corpusSearch, documentOrder, PARAGRAPHS } from './search-corpus';

describe('LibrarySearch updates', () => {
  it('removes every passage of a removed document', () => {
    const search = corpusSearch();
    expect(documentOrder(search.search('Polish')).sort()).toEqual(['long', 'poland']);
    expect(search.removeDocument('poland')).toBe(true);
    expect(documentOrder(search.search('Polish'))).toEqual(['long']);
    expect(search.search('Warsaw').total).toBe(0);
    expect(search.hasDocument('poland')).toBe(false);
    expect(search.removeDocument('poland')).toBe(false);
  });

  it('re-indexes a replaced document: new words found, old ones gone, offsets of the new text', () => {
    const search = corpusSearch();
    const next = 'Warsaw stood firm.\n\nBeck told the French ambassador that Poland would not accept Soviet help.';
    search.replaceDocument('poland', 'Colonel Beck Says No', next);
    expect(search.search('fearing').total).toBe(0);
    const hit = allHits(search.search('ambassador'))[0]!;
    expect(hit).toMatchObject({ kind: 'document', documentId: 'poland', start: next.indexOf('Beck') });
    expect(next.slice(...hit.match!)).toBe('ambassador');
    // The new title is searched, the old one is not.
    expect(documentOrder(search.search('Colonel'))).toEqual(['poland']);
    expect(documentOrder(search.search('Between Two Powers', { kinds: ['document'] }))).not.toContain('poland');
    expect(search.documentCount).toBe(6);
  });

  it('replaces a document that was never indexed by adding it', () => {
    const search = new LibrarySearch(PARAGRAPHS);
    search.replaceDocument('new', 'New', 'A fresh text about Danzig.');
    expect(documentOrder(search.search('Danzig'))).toEqual(['new']);
  });

  it('refuses to add a document twice', () => {
    const search = corpusSearch();
    expect(() => search.addDocument('pact', 'Again', 'text')).toThrow(/already/);
  });

  it('indexes a note, its new text after an edit, and nothing after removal', () => {
    const search = corpusSearch();
    const noteIds = (query: string): string[] => allHits(search.search(query, { kinds: ['note'] })).map((h) => (h.kind === 'note' ? h.noteId : ''));
    expect(noteIds('merchant')).toEqual(['n-ship']);
    search.upsertNote('n-ship', 'The slow ship', 'The City of Exeter took five days to reach Leningrad.', ['talks']);
    expect(noteIds('merchant')).toEqual([]);
    expect(noteIds('Leningrad')).toEqual(['n-ship']);
    expect(search.noteCount).toBe(3);
    expect(search.removeNote('n-ship')).toBe(true);
    expect(noteIds('Leningrad')).toEqual([]);
    expect(search.removeNote('n-ship')).toBe(false);
    expect(search.noteCount).toBe(2);
  });

  it('searches a note by its title, marking the title', () => {
    const search = corpusSearch();
    const [hit] = allHits(search.search('reading list'));
    expect(hit).toMatchObject({ kind: 'note', noteId: 'n-notebook', title: 'Reading list', titleMarks: [[0, 7], [8, 12]], match: null });
  });

  it('keeps answering correctly through many removals and re-additions', async () => {
    const search = corpusSearch();
    // Enough discards to start MiniSearch's background vacuum.
    for (let round = 0; round < 30; round++) {
      search.replaceDocument('pact', 'The Pact of August', `Round ${round}: the treaty was signed.\n\nThe protocol stayed secret.`);
      search.upsertNote('n-molotov', 'Why Molotov?', `Edit ${round} of the note on Molotov.`, ['litvinov']);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(allHits(search.search('treaty ')).map((h) => h.id)).toEqual(['doc:pact:0', 'doc:historians:0']);
    expect(allHits(search.search('Round 29', { documentIds: ['pact'] }))).toHaveLength(1);
    expect(search.search('Round 28 ', { documentIds: ['pact'] }).combinedWith).toBe('OR');
    expect(search.search('Edit', { kinds: ['note'] }).total).toBe(1);
  });

  it('handles text without words, and a document id holding colons', () => {
    const search = new LibrarySearch(PARAGRAPHS);
    search.addDocument('empty', 'Empty', '');
    search.addDocument('marks', 'Marks', '—\n\n…\n\n* * *');
    search.addDocument('urn:doc:7', 'Colons', 'First paragraph.\n\nThe word Danzig is here.');
    expect(search.search('Empty').total).toBe(1);
    expect(search.search('Marks').groups[0]!.hits[0]!.match).toBeNull();
    const hit = allHits(search.search('Danzig'))[0]!;
    expect(hit).toMatchObject({ kind: 'document', documentId: 'urn:doc:7', id: 'doc:urn:doc:7:18', start: 18 });
    expect(search.removeDocument('urn:doc:7')).toBe(true);
    expect(search.search('Danzig').total).toBe(0);
  });
});
