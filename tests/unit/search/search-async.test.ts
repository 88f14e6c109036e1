import { describe, expect, it } from 'vitest';
import { LibrarySearch, TimeSlices, type YieldNow } from '../../../electron/core/search';
import { allHits, corpus, corpusSearch, documentOrder, notes, PARAGRAPHS } from './search-corpus';
import { codeWord, generatedLibrary, generatedText } from './generated-library';

const QUERIES = ['Molotov', 'molotov litvinov', 'negotia', 'treaty', 'Ribentrop', 'guarantees Baltic', 'Polish', 'reading list', 'ship'];

/** A time budget that pauses after every passage, counting its pauses; `during` runs at each. */
function everyPassage(during: (pause: number) => void | Promise<void> = () => {}): { slices: TimeSlices; pauses: () => number } {
  let pauses = 0;
  const yieldNow: YieldNow = async () => {
    pauses++;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await during(pauses);
  };
  return { slices: new TimeSlices(yieldNow, 0), pauses: () => pauses };
}

/** Whether a hit of `query` marks `word` itself (a code word also finds its neighbours, "d1p5" "d1p51", by typo and prefix). */
function finds(search: LibrarySearch, word: string): boolean {
  return allHits(search.search(word)).some((hit) => hit.marks.some((mark) => hit.snippet.slice(...mark) === word));
}

async function corpusSearchAsync(slices: TimeSlices): Promise<LibrarySearch> {
  const search = new LibrarySearch(PARAGRAPHS);
  for (const { id, title, text } of corpus) await search.addDocumentAsync(id, title, text, slices);
  for (const { id, title, body, documentIds } of notes) search.upsertNote(id, title, body, documentIds);
  return search;
}

describe('LibrarySearch, added in slices', () => {
  it('builds exactly the index the synchronous add builds, pausing after each passage', async () => {
    const { slices, pauses } = everyPassage();
    const built = await corpusSearchAsync(slices);
    const reference = corpusSearch();
    expect(pauses()).toBeGreaterThan(corpus.length);
    // The same items in the same order: the same serialised index, and so the same answers.
    expect(JSON.stringify(built)).toBe(JSON.stringify(reference));
    for (const query of QUERIES) expect(built.search(query)).toEqual(reference.search(query));
  });

  it('gives the same answers over a generated library, with the default budget and the default pause', async () => {
    const library = generatedLibrary(4, 60_000);
    const reference = new LibrarySearch(PARAGRAPHS);
    const built = new LibrarySearch(PARAGRAPHS);
    for (const { id, title, text } of library) reference.addDocument(id, title, text);
    const slices = new TimeSlices();
    for (const { id, title, text } of library) await built.addDocumentAsync(id, title, text, slices);
    for (const query of ['Soviet', 'Stalin Molotov', 'Chamberlin', 'negoti', codeWord(2, 100), 'the British and French off-guard']) {
      expect(built.search(query)).toEqual(reference.search(query));
    }
    expect(finds(built, codeWord(3, 7))).toBe(true);
  });

  it('answers searches between two slices from the passages indexed so far', async () => {
    const text = generatedText(0, 5_000);
    const search = new LibrarySearch(PARAGRAPHS);
    const seen: number[] = [];
    const { slices } = everyPassage(() => {
      seen.push(Number(finds(search, codeWord(0, 0))) + Number(finds(search, codeWord(0, 3))));
      // Every hit leads to a passage whose offsets are known, so snippets are built without error.
      for (const hit of allHits(search.search('Soviet'))) expect(hit.kind === 'document' && hit.end > hit.start).toBe(true);
    });
    await search.addDocumentAsync('gen', 'Generated', text, slices);
    // After the first pause only the first passage is in; from the fourth on, both codes are found.
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(2);
    expect(finds(search, codeWord(0, 10))).toBe(true);
  });

  it('stops adding a document removed during a pause, leaving nothing of it', async () => {
    const search = corpusSearch();
    const text = generatedText(1, 20_000);
    const { slices } = everyPassage((pause) => {
      if (pause === 5) expect(search.removeDocument('gen')).toBe(true);
    });
    await search.addDocumentAsync('gen', 'Generated', text, slices);
    expect(search.hasDocument('gen')).toBe(false);
    expect(finds(search, codeWord(1, 2))).toBe(false);
    expect(finds(search, codeWord(1, 50))).toBe(false);
    expect(search.documentCount).toBe(corpus.length);
    // Added again later, it is whole.
    search.addDocument('gen', 'Generated', text);
    expect(finds(search, codeWord(1, 50))).toBe(true);
    expect(documentOrder(search.search('Warsaw'))).toEqual(['poland']);
  });

  it('lets a newer version added during a pause win over the add it interrupted', async () => {
    const search = new LibrarySearch(PARAGRAPHS);
    const old = generatedText(1, 20_000);
    const next = generatedText(2, 3_000);
    const { slices } = everyPassage((pause) => {
      if (pause === 3) search.replaceDocument('gen', 'Second version', next);
    });
    await search.replaceDocumentAsync('gen', 'First version', old, slices);
    const reference = new LibrarySearch(PARAGRAPHS);
    reference.addDocument('gen', 'Second version', next);
    for (const query of [codeWord(1, 1), codeWord(1, 10), codeWord(2, 1), 'Second', 'First', 'Soviet']) {
      expect(search.search(query)).toEqual(reference.search(query));
    }
  });

  it('rejects when a pause rejects (a cancelled build), leaving a consistent index', async () => {
    const search = corpusSearch();
    const { slices } = everyPassage((pause) => {
      if (pause === 4) throw new Error('cancelled');
    });
    await expect(search.addDocumentAsync('gen', 'Generated', generatedText(1, 20_000), slices)).rejects.toThrow('cancelled');
    // The passages added before the pause are found, and go with the document.
    expect(finds(search, codeWord(1, 0))).toBe(true);
    expect(finds(search, codeWord(1, 10))).toBe(false);
    expect(search.removeDocument('gen')).toBe(true);
    expect(finds(search, codeWord(1, 0))).toBe(false);
  });

  it('indexes a document without words as one passage, by its title, like the synchronous add', async () => {
    const search = new LibrarySearch(PARAGRAPHS);
    await search.addDocumentAsync('empty', 'Scanned Pages', '   \n\n  ');
    expect(documentOrder(search.search('scanned'))).toEqual(['empty']);
    await expect(search.addDocumentAsync('empty', 'Again', 'text')).rejects.toThrow(/already/);
  });
});

describe('TimeSlices', () => {
  it('is due once its slice has run its time, and starts a new slice after a pause', async () => {
    let pauses = 0;
    const slices = new TimeSlices(async () => void pauses++, 20);
    expect(slices.due).toBe(false);
    await slices.pauseIfDue();
    expect(pauses).toBe(0);
    const until = Date.now() + 25;
    while (Date.now() < until);
    expect(slices.due).toBe(true);
    await slices.pauseIfDue();
    expect(pauses).toBe(1);
    expect(slices.due).toBe(false);
  });
});
