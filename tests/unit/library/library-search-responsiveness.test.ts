/**
 * The library stays responsive while its search index is built: timers and
 * other API calls are answered within a slice, not after the build; the
 * index built in slices answers as a synchronous build does; and closing
 * the library stops a build in progress.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentIdOfUri, markdownOf, noteTitle, passagesOf } from '../../../electron/api/annotation-schema';
import { LibrarySearch } from '../../../electron/core/search';
import { LibraryService, type LibraryOptions } from '../../../electron/library/library-service';
import { highlight, note, passage, SOVIET } from '../../fixtures/annotations/factory';
import { documentsDir, tempDir } from '../../support/paths';
import { codeWord, generatedLibrary } from '../search/generated-library';

/** A library big enough that its build takes most of a second here: 16 documents of 250 KB. */
const DOCUMENTS = 16;
const DOCUMENT_CHARS = 250_000;
/** The longest a timer or a call may wait while the index is being built. */
const RESPONSIVE_MS = 100;

const open = (dataDir: string, options: Partial<LibraryOptions> = {}) =>
  LibraryService.open({ dataDir, documentsDir, mode: 'browser', version: '0.0.0-test', log: () => {}, backups: false, searchWarmUpMs: false, ...options });

/** A data folder holding the generated documents and two notes, closed again so each open reads it from disk; made once. */
let made: Promise<string> | null = null;
const bigLibrary = (): Promise<string> => (made ??= makeBigLibrary());

async function makeBigLibrary(): Promise<string> {
  const dir = await tempDir();
  const library = await open(dir);
  for (const { title, text } of generatedLibrary(DOCUMENTS, DOCUMENT_CHARS)) await library.addTextDocument({ title, text });
  await library.putAnnotation({ annotation: note('Molotov and the **guarantees** again') });
  await library.putAnnotation({ annotation: note('Ask about d3p100', [passage(SOVIET, 0, 5, 'Share')]) });
  await library.close();
  return dir;
}

const elapsed = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

let opened: LibraryService[] = [];
afterEach(async () => {
  await Promise.all(opened.map((library) => library.close()));
  opened = [];
});

describe('search index build', () => {
  it('lets timers and API calls finish while it runs, and answers as a synchronous build', async () => {
    const library = await open(await bigLibrary());
    opened.push(library);
    // The bundled PDF's text is extracted on first read, in one go: read it first, as this test is about indexing.
    for (const { id, origin } of await library.listDocuments()) if (origin === 'bundled') await library.getDocumentText({ id });
    let built = false;
    const started = performance.now();
    // A rare word: a common one's first answer (snippets for thousands of hits) would be counted as a stall.
    const first = library.searchLibrary({ query: 'd3p100' }).finally(() => (built = true));

    // While it builds: a zero-delay timer, over and over, and a few calls of the API.
    const lags: number[] = [];
    const calls: { what: string; ms: number; duringBuild: boolean }[] = [];
    const timers = (async () => {
      while (!built) lags.push(await elapsed(() => new Promise((resolve) => setTimeout(resolve, 0))));
    })();
    for (let i = 0; i < 3 && !built; i++) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const annotation = highlight(passage(SOVIET, i, i + 5, 'Share'));
      const putMs = await elapsed(() => library.putAnnotation({ annotation }));
      calls.push({ what: 'putAnnotation', ms: putMs, duringBuild: !built });
      const statusMs = await elapsed(() => library.getSaveStatus());
      calls.push({ what: 'getSaveStatus', ms: statusMs, duringBuild: !built });
    }
    await first;
    await timers;
    const buildMs = performance.now() - started;

    // The build was long enough to matter, and nothing waited for it: the calls were answered, and the timers
    // fired again and again, while it was still running. (How fast is for `npm run bench`, not for a test.)
    expect(buildMs).toBeGreaterThan(2 * RESPONSIVE_MS);
    expect(calls.filter((c) => c.duringBuild).length).toBeGreaterThanOrEqual(2);
    expect(lags.length).toBeGreaterThan(10);

    // The same answers as an index built in one go from the same library.
    const reference = new LibrarySearch();
    for (const { id, title } of await library.listDocuments()) reference.addDocument(id, title, (await library.getDocumentText({ id })).text);
    for (const a of await library.listAnnotations({ motivations: ['commenting'] })) {
      reference.upsertNote(a.id, noteTitle(markdownOf(a)), markdownOf(a), passagesOf(a).map((t) => documentIdOfUri(t.source)));
    }
    const queries = ['Soviet', 'molotov guarantees', 'Chamberlin', 'negoti', codeWord(3, 100), 'the British and French off-guard', 'd3p100', 'Stalin Litvinov Beck'];
    for (const query of queries) {
      const answer = await library.searchLibrary({ query });
      expect(answer.total, query).toBeGreaterThan(0);
      expect(answer).toEqual(reference.search(query));
    }
  });

  it('starts in the background after the library opens, and stops cleanly when it is closed halfway', async () => {
    const dir = await bigLibrary();
    const adds = vi.spyOn(LibrarySearch.prototype, 'addDocumentAsync');
    try {
      const library = await open(dir, { searchWarmUpMs: 0 });
      await vi.waitFor(() => expect(adds.mock.calls.length).toBeGreaterThanOrEqual(3), { timeout: 5_000, interval: 5 });
      await library.close();
      const addsAtClose = adds.mock.calls.length;
      expect(addsAtClose).toBeLessThan(DOCUMENTS + 3);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(adds.mock.calls.length).toBe(addsAtClose);
      // The lock is given back: the folder opens again, and its search still works.
      const again = await open(dir);
      opened.push(again);
      expect((await again.searchLibrary({ query: 'd3p100' })).groups.map((g) => g.title)).toContain('Generated document 3');
    } finally {
      adds.mockRestore();
    }
  });

  it('forgets the index of the library a restored backup replaced', async () => {
    const library = await open(await tempDir(), { backups: undefined });
    opened.push(library);
    const [backup] = await library.listBackups();
    await library.addTextDocument({ title: 'Added after the backup', text: 'Zwolinski was here.' });
    expect((await library.searchLibrary({ query: 'Zwolinski' })).total).toBe(1);
    await library.restoreBackup({ id: backup!.id });
    expect((await library.searchLibrary({ query: 'Zwolinski' })).total).toBe(0);
    expect((await library.searchLibrary({ query: 'Molotov' })).total).toBeGreaterThan(0);
  });
});

