/**
 * The library's search service over a fake library: a build in slices gives
 * the answers of a synchronous build, changes made while it runs are all
 * taken in, and reset and dispose stop it cleanly.
 */
import { describe, expect, it } from 'vitest';
import { markdownOf, noteTitle, type Annotation } from '../../../electron/api/annotation-schema';
import { LibrarySearch, type SearchResults } from '../../../electron/core/search';
import { LibrarySearchService, type SearchSource } from '../../../electron/library/library-search';
import { note } from '../../fixtures/annotations/factory';
import { codeWord, generatedText } from '../search/generated-library';
import { PARAGRAPHS } from '../search/search-corpus';

interface FakeDocument {
  id: string;
  title: string;
  text: string;
  trashed?: boolean;
  unreadable?: boolean;
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A fake library of `count` generated documents and two notes. */
function fakeLibrary(count = 6, chars = 8_000) {
  const documents: FakeDocument[] = Array.from({ length: count }, (_, doc) => ({ id: `gen-${doc}`, title: `Generated ${doc}`, text: generatedText(doc, chars) }));
  const notes: Annotation[] = [note('Molotov and the **guarantees**'), note('A reading list: Overy, Carley')];
  let reads = 0;
  const source: SearchSource = {
    documents: () => documents.filter((d) => !d.trashed),
    text: async (id) => {
      reads++;
      await tick();
      const document = documents.find((d) => d.id === id);
      if (!document || document.unreadable) throw new Error(`the file of ${id} is missing`);
      return document.text;
    },
    notes: () => notes,
  };
  return { documents, notes, source, reads: () => reads };
}

/** The index a synchronous build makes of the same library. */
function referenceIndex(documents: readonly FakeDocument[], notes: readonly Annotation[]): LibrarySearch {
  const index = new LibrarySearch(PARAGRAPHS);
  for (const d of documents) if (!d.trashed && !d.unreadable) index.addDocument(d.id, d.title, d.text);
  for (const n of notes) index.upsertNote(n.id, noteTitle(markdownOf(n)), markdownOf(n), []);
  return index;
}

/** Whether a hit marks `word` itself (a code word also finds its neighbours by typo and prefix). */
function finds(results: SearchResults, word: string): boolean {
  return results.groups.some((g) => g.hits.some((hit) => hit.marks.some((mark) => hit.snippet.slice(...mark) === word)));
}

/**
 * What results found, whatever their scores: an index that took changes in
 * scores a little differently from a fresh build (MiniSearch counts a
 * removed item's words until it cleans them up, and keeps its averages
 * incrementally), but finds the same passages and notes with the same snippets.
 */
function found(results: SearchResults): string[] {
  return results.groups.flatMap((g) => g.hits.map((hit) => `${hit.id} ${hit.snippet}`)).sort();
}

/** A service that pauses after every passage and runs `atPause(n)` at the n-th pause. */
function slicedService(source: SearchSource, atPause: (pause: number) => void = () => {}, log: string[] = []) {
  let pauses = 0;
  const service = new LibrarySearchService(source, {
    ...PARAGRAPHS,
    sliceMs: 0,
    log: (m) => log.push(m),
    yieldNow: async () => {
      await tick();
      atPause(++pauses);
    },
  });
  return { service, pauses: () => pauses };
}

const QUERIES = ['Soviet', 'Molotov guarantees', 'Stalin Litvinov', 'Chamberlin', 'negoti', 'reading list', codeWord(3, 20), 'the British and French off-guard'];

describe('LibrarySearchService', () => {
  it('builds on the first search in slices, answering exactly as a synchronous build', async () => {
    const { documents, notes, source } = fakeLibrary();
    const { service, pauses } = slicedService(source);
    const reference = referenceIndex(documents, notes);
    for (const query of QUERIES) expect(await service.search(query, {})).toEqual(reference.search(query));
    expect(pauses()).toBeGreaterThan(100);
  });

  it('builds in the background once warmed up, so the first search reads nothing', async () => {
    const { source, reads } = fakeLibrary(3);
    const service = new LibrarySearchService(source, PARAGRAPHS);
    service.warmUp(0);
    expect(service.ready).toBe(false);
    await expect.poll(() => service.ready).toBe(true);
    const readsAfterBuild = reads();
    expect(readsAfterBuild).toBe(3);
    expect((await service.search('Soviet', {})).total).toBeGreaterThan(0);
    expect(reads()).toBe(readsAfterBuild);
  });

  it('takes in documents removed, added and changed while the build is halfway', async () => {
    const { documents, notes, source } = fakeLibrary(6);
    const changes: Promise<void>[] = [];
    const { service } = slicedService(source, (pause) => {
      if (pause !== 60) return;
      // By now gen-0 is indexed and gen-4 not yet reached: remove one of each, change another, add one, edit a note.
      expect(service.building).toBe(true);
      for (const id of ['gen-0', 'gen-4']) {
        documents.find((d) => d.id === id)!.trashed = true;
        changes.push(service.documentRemoved(id));
      }
      Object.assign(documents[1]!, { text: 'A new version: Zwolinski wrote it.', title: 'Generated 1, second version' });
      changes.push(service.documentChanged('gen-1', documents[1]!.title));
      documents.push({ id: 'added', title: 'Added meanwhile', text: 'Kowalczyk on the Danzig question.' });
      changes.push(service.documentChanged('added', 'Added meanwhile'));
      notes[0] = { ...notes[0]!, body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'Now about Beck' }] };
      changes.push(service.noteChanged(notes[0]!));
    });
    const searching = service.search('Soviet', {});
    await expect.poll(() => changes.length).toBe(5);
    // Changes made during a build do not wait for it.
    await Promise.all(changes);
    expect(service.building).toBe(true);
    await searching;
    const reference = referenceIndex(documents, notes);
    for (const query of [...QUERIES, codeWord(0, 3), codeWord(4, 3), codeWord(1, 3), 'Zwolinski', 'Kowalczyk', 'Beck', 'second version']) {
      expect(found(await service.search(query, {}))).toEqual(found(reference.search(query)));
    }
    expect(finds(await service.search(codeWord(0, 3), {}), codeWord(0, 3))).toBe(false);
    expect(finds(await service.search(codeWord(2, 3), {}), codeWord(2, 3))).toBe(true);
  });

  it('applies changes one at a time in the order they were made, and a search sees those made before it', async () => {
    const { documents, notes, source } = fakeLibrary(2, 2_000);
    const service = new LibrarySearchService(source, PARAGRAPHS);
    await service.search('Soviet', {});
    documents[0]!.text = generatedText(9, 50_000);
    // Not awaited: the removal must not overtake the longer re-index queued before it.
    void service.documentChanged('gen-0', 'Changed');
    documents[0]!.trashed = true;
    void service.documentRemoved('gen-0');
    documents.push({ id: 'new', title: 'New', text: 'Zwolinski arrives.' });
    void service.documentChanged('new', 'New');
    const results = await service.search('Zwolinski', {});
    expect(results.groups.map((g) => (g.kind === 'document' ? g.documentId : 'notes'))).toEqual(['new']);
    const reference = referenceIndex(documents, notes);
    for (const query of [...QUERIES, codeWord(9, 5), 'Changed']) expect(found(await service.search(query, {}))).toEqual(found(reference.search(query)));
  });

  it('leaves an unreadable document out of the build and says so; a change it cannot read is logged, not thrown', async () => {
    const { documents, source } = fakeLibrary(3, 2_000);
    documents[1]!.unreadable = true;
    const log: string[] = [];
    const { service } = slicedService(source, () => {}, log);
    expect(finds(await service.search(codeWord(2, 1), {}), codeWord(2, 1))).toBe(true);
    expect(finds(await service.search(codeWord(1, 1), {}), codeWord(1, 1))).toBe(false);
    expect(log).toEqual(['"Generated 1" is left out of the search index: the file of gen-1 is missing']);
    await expect(service.documentChanged('gen-1', 'Generated 1')).resolves.toBeUndefined();
    expect(log[1]).toMatch(/could not take in a change \(the file of gen-1 is missing\)/);
  });

  it('stops a build at its next pause when disposed: no more reads, no rejection left unhandled, searches refused', async () => {
    const { source, reads } = fakeLibrary(8);
    let disposing: Promise<void> | null = null;
    const { service, pauses } = slicedService(source, (pause) => {
      if (pause === 30) disposing = service.dispose();
    });
    service.warmUp(0);
    const searching = service.search('Soviet', {});
    await expect(searching).rejects.toThrow(/closed/);
    await disposing;
    const [readsAtStop, pausesAtStop] = [reads(), pauses()];
    expect(readsAtStop).toBeLessThan(8);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([reads(), pauses()]).toEqual([readsAtStop, pausesAtStop]);
    expect(service.building).toBe(false);
    await expect(service.documentChanged('gen-1', 'x')).resolves.toBeUndefined();
    await expect(service.search('Soviet', {})).rejects.toThrow('The library is closed: there is no search index to search.');
    await service.dispose();
  });

  it('cancels a warm-up that has not started when disposed', async () => {
    const { source, reads } = fakeLibrary(2);
    const service = new LibrarySearchService(source, PARAGRAPHS);
    service.warmUp(20);
    await service.dispose();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(reads()).toBe(0);
  });

  it('rebuilds from the library as it is after a reset, even one made halfway through a build', async () => {
    const { documents, notes, source } = fakeLibrary(4);
    const { service } = slicedService(source, (pause) => {
      if (pause !== 20) return;
      // A backup restored: another library altogether.
      documents.splice(0, documents.length, { id: 'restored', title: 'Restored', text: 'Only Zwolinski is here.' });
      notes.splice(0);
      service.reset();
    });
    const reference = referenceIndex([{ id: 'restored', title: 'Restored', text: 'Only Zwolinski is here.' }], []);
    for (const query of ['Soviet', 'Zwolinski', 'Restored']) expect(await service.search(query, {})).toEqual(reference.search(query));
  });
});
