import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import { LibraryService } from '../../../electron/library/library-service';
import { documentsDir } from '../../support/paths';

const encode = (text: string) => new TextEncoder().encode(text);
const MARKDOWN = '# Envoys in Moscow\n\nThe British sent a **junior** envoy with [no powers](https://example.org/powers).\n\n- Strang\n- Drax\n';

let dataDir: string;
let library: LibraryService;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'diptych-import-'));
  library = await LibraryService.open({ dataDir, documentsDir, mode: 'browser', version: 'test', log: () => {}, backups: false });
});
afterEach(async () => {
  await library.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('importing documents into the library', () => {
  it('keeps the file byte for byte, renders Markdown to text and structure, and finds it by search', async () => {
    const bytes = encode(MARKDOWN);
    const answer = await library.importDocument({ fileName: 'envoys.md', bytes });
    if (answer.status !== 'imported') throw new Error('expected an import');
    expect(answer.document).toMatchObject({ title: 'Envoys in Moscow', kind: 'markdown', origin: 'imported', fileName: 'envoys.md', trashedAt: null });
    const stored = await readFile(join(dataDir, 'files', `${(await import('node:crypto')).createHash('sha256').update(bytes).digest('hex')}.original.md`));
    expect(new Uint8Array(stored)).toEqual(bytes);
    const { text, structure } = await library.getDocumentText({ id: answer.document.id });
    expect(text).not.toContain('**');
    const link = structure?.find((s) => s.kind === 'link');
    expect(link && text.slice(link.start, link.end)).toBe('no powers');
    const results = await library.searchLibrary({ query: 'junior envoy' });
    expect(results.groups[0]).toMatchObject({ kind: 'document', documentId: answer.document.id });
  });

  it('offers a file already in the library as a duplicate, bundled texts included, unless asked to import it anyway', async () => {
    const first = await library.importDocument({ fileName: 'envoys.md', bytes: encode(MARKDOWN) });
    const again = await library.importDocument({ fileName: 'copy of envoys.md', bytes: encode(MARKDOWN) });
    expect(again.status).toBe('duplicate');
    if (again.status === 'duplicate' && first.status === 'imported') expect(again.existing.id).toBe(first.document.id);
    const source = await readFile(join(documentsDir, '000_f1b498f6176dc71c.txt'));
    const bundled = await library.importDocument({ fileName: 'article.txt', bytes: new Uint8Array(source) });
    expect(bundled).toMatchObject({ status: 'duplicate', existing: { id: 'soviet-overtures-1939' } });
    const forced = await library.importDocument({ fileName: 'copy of envoys.md', bytes: encode(MARKDOWN), allowDuplicate: true });
    expect(forced.status).toBe('imported');
    expect((await library.listDocuments()).filter((d) => d.title === 'Envoys in Moscow')).toHaveLength(2);
  });

  it('warns when a file was read as a legacy encoding, and refuses unsupported types with a clear message', async () => {
    const latin1 = new Uint8Array([...encode('Caf'), 0xe9, ...encode(' de la Paix, 1939.')]);
    const answer = await library.importDocument({ fileName: 'cafe.txt', bytes: latin1 });
    if (answer.status !== 'imported') throw new Error('expected an import');
    expect(answer.warning).toMatch(/not UTF-8/i);
    expect((await library.getDocumentText({ id: answer.document.id })).text).toBe('Café de la Paix, 1939.');
    await expect(library.importDocument({ fileName: 'tool.exe', bytes: encode('MZ') })).rejects.toThrow(/not a file type Diptych can import/);
  });

  it('imports a new version in place: same id, new text, a new content id; annotations stay with the document', async () => {
    const first = await library.importDocument({ fileName: 'memo.txt', bytes: encode('One two three.\n\nFour five six.\n') });
    if (first.status !== 'imported') throw new Error('expected an import');
    const second = await library.importDocument({ fileName: 'memo.txt', bytes: encode('One two three.\n\nFour five SIX.\n'), replaceDocumentId: first.document.id });
    if (second.status !== 'imported') throw new Error('expected an import');
    expect(second.document.id).toBe(first.document.id);
    expect(second.document.contentId).not.toBe(first.document.contentId);
    expect((await library.getDocumentText({ id: first.document.id })).text).toContain('SIX');
  });

  it('moves a document to the trash and back, leaving it out of the library list and search meanwhile', async () => {
    const answer = await library.importDocument({ fileName: 'memo.txt', bytes: encode('Zwolinski arrives in Moscow.\n') });
    if (answer.status !== 'imported') throw new Error('expected an import');
    const id = answer.document.id;
    expect((await library.searchLibrary({ query: 'Zwolinski' })).total).toBe(1);
    await library.removeDocument({ id });
    expect((await library.listDocuments()).some((d) => d.id === id)).toBe(false);
    expect((await library.listTrash()).map((d) => d.id)).toEqual([id]);
    expect((await library.searchLibrary({ query: 'Zwolinski' })).total).toBe(0);
    await library.restoreDocument({ id });
    expect((await library.listDocuments()).some((d) => d.id === id)).toBe(true);
    expect((await library.searchLibrary({ query: 'Zwolinski' })).total).toBe(1);
  });
});

describe('document details', () => {
  it('keeps title, author, date, tags and collections across a reopen, and refuses a blank title', async () => {
    const answer = await library.importDocument({ fileName: 'memo.txt', bytes: encode('Maisky reports to Moscow.\n') });
    if (answer.status !== 'imported') throw new Error('expected an import');
    const id = answer.document.id;
    await library.updateDocument({ id, details: { title: 'Maisky memo', author: 'I. Maisky', date: 'June 1939', tags: ['envoys'], collections: ['Moscow talks'] } });
    await library.close();
    library = await LibraryService.open({ dataDir, documentsDir, mode: 'browser', version: 'test', log: () => {}, backups: false });
    const reopened = (await library.listDocuments()).find((d) => d.id === id);
    expect(reopened).toMatchObject({ title: 'Maisky memo', author: 'I. Maisky', date: 'June 1939', tags: ['envoys'], collections: ['Moscow talks'] });
    // The search index follows a new title.
    expect((await library.searchLibrary({ query: 'Maisky memo' })).groups[0]).toMatchObject({ documentId: id });
    const blank = await dispatch(library, 'updateDocument', { id, details: { title: '   ' } });
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('a title is required') } });
  });
});
