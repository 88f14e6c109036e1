import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../electron/api/errors';
import { ImportQueue, type ImportCall, type ImportItem, type PickedFile } from '../../../renderer/src/library/import-queue';
import { collectionsOf, filterDocuments, inCollection, sortDocuments } from '../../../renderer/src/library/library-order';
import { documentSummary } from './fake-api';


const file = (name: string, text = 'Some words.', size?: number): PickedFile => ({ name, size: size ?? text.length, bytes: async () => new TextEncoder().encode(text) });

function setUp(call: ImportCall) {
  const changes: (readonly ImportItem[])[] = [];
  const imported: string[] = [];
  const queue = new ImportQueue(call, (items) => changes.push(items), (document) => imported.push(document.title));
  return { queue, changes, imported, status: (name: string) => queue.items.find((i) => i.name === name)?.state.status };
}

describe('ImportQueue', () => {
  it('imports files one after another and reports each', async () => {
    let running = 0;
    let most = 0;
    const call = vi.fn<ImportCall>(async ({ fileName }) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return { status: 'imported', document: documentSummary(fileName, fileName.replace(/\..*/, '')), warning: null };
    });
    const { queue, imported, status } = setUp(call);
    await queue.add([file('a.txt'), file('b.md'), file('c.html')]);
    expect(imported).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(status('b.md')).toBe('imported');
  });

  it('refuses a file over 200 MB before reading it', async () => {
    const bytes = vi.fn(async () => new Uint8Array(1));
    const call = vi.fn<ImportCall>();
    const { queue } = setUp(call);
    await queue.add([{ name: 'huge.txt', size: 201 * 1024 * 1024, bytes }]);
    expect(bytes).not.toHaveBeenCalled();
    expect(call).not.toHaveBeenCalled();
    expect(queue.items[0]!.state).toEqual({ status: 'failed', message: expect.stringContaining('201.0 MB; Diptych imports files up to 200 MB') });
  });

  it('waits for the reader on a duplicate, then imports anyway with allowDuplicate', async () => {
    const call = vi.fn<ImportCall>(async ({ allowDuplicate }) =>
      allowDuplicate ? { status: 'imported', document: documentSummary('n', 'Copy'), warning: null } : { status: 'duplicate', existing: documentSummary('e', 'Existing') },
    );
    const { queue, status } = setUp(call);
    await queue.add([file('x.txt')]);
    expect(status('x.txt')).toBe('duplicate');
    await queue.importAnyway(queue.items[0]!.id);
    expect(status('x.txt')).toBe('imported');
    expect(call.mock.calls[1]![0]).toMatchObject({ fileName: 'x.txt', allowDuplicate: true });
  });

  it('asks for a password and tries again with it; other failures are shown with their message', async () => {
    const call = vi.fn<ImportCall>(async ({ fileName, password }) => {
      if (fileName === 'bad.txt') throw new ApiError('invalid-input', 'bad.txt looks like a binary file, not text');
      if (password !== 'secret') throw new ApiError('password-required', 'locked.pdf is protected by a password.');
      return { status: 'imported', document: documentSummary('p', 'Locked'), warning: null };
    });
    const { queue, status } = setUp(call);
    await queue.add([file('locked.pdf'), file('bad.txt')]);
    expect(status('locked.pdf')).toBe('password');
    expect(queue.items[1]!.state).toEqual({ status: 'failed', message: 'bad.txt looks like a binary file, not text.' });
    await queue.withPassword(queue.items[0]!.id, 'secret');
    expect(status('locked.pdf')).toBe('imported');
  });

  it('reads an imported file again in another encoding as a new version of the same document', async () => {
    const call = vi.fn<ImportCall>(async ({ encoding }) => ({ status: 'imported', document: documentSummary('d', 'Cafe'), warning: encoding ? null : 'This file is not UTF-8.' }));
    const { queue } = setUp(call);
    await queue.add([file('cafe.txt')]);
    await queue.readAs(queue.items[0]!.id, 'windows-1250');
    expect(call.mock.calls[1]![0]).toMatchObject({ encoding: 'windows-1250', replaceDocumentId: 'd', allowDuplicate: true });
    expect(queue.items[0]!.state).toMatchObject({ status: 'imported', encoding: 'windows-1250', warning: null });
  });

  it('clears finished items and keeps those waiting for the reader', async () => {
    const call = vi.fn<ImportCall>(async ({ fileName }) => (fileName === 'dup.txt' ? { status: 'duplicate', existing: documentSummary('e', 'E') } : { status: 'imported', document: documentSummary('n', 'N'), warning: null }));
    const { queue } = setUp(call);
    await queue.add([file('new.txt'), file('dup.txt')]);
    queue.clearFinished();
    expect(queue.items.map((i) => i.name)).toEqual(['dup.txt']);
  });
});

describe('filtering and sorting the library', () => {
  const documents = [
    documentSummary('1', 'Zeta memo', { author: 'Maisky', tags: ['envoys'], addedAt: '2026-01-02T00:00:00.000Z' }),
    documentSummary('2', 'Alpha notes', { kind: 'pdf', date: '1939', addedAt: '2026-01-03T00:00:00.000Z' }),
    documentSummary('3', 'Café talks', { kind: 'markdown', addedAt: '2026-01-01T00:00:00.000Z' }),
  ];
  it('matches every word against title, author, date, kind and tags, ignoring case and accents', () => {
    expect(filterDocuments(documents, 'cafe').map((d) => d.id)).toEqual(['3']);
    expect(filterDocuments(documents, 'maisky ENVOYS').map((d) => d.id)).toEqual(['1']);
    expect(filterDocuments(documents, 'pdf 1939').map((d) => d.id)).toEqual(['2']);
    expect(filterDocuments(documents, '  ')).toBe(documents);
  });
  it('names each collection once, sorted, and narrows the list to one', () => {
    const grouped = [documentSummary('a', 'A', { collections: ['Moscow talks', 'Sources'] }), documentSummary('b', 'B', { collections: ['Sources'] }), documentSummary('c', 'C')];
    expect(collectionsOf(grouped)).toEqual(['Moscow talks', 'Sources']);
    expect(inCollection(grouped, 'Sources').map((d) => d.id)).toEqual(['a', 'b']);
    expect(inCollection(grouped, null)).toBe(grouped);
    expect(filterDocuments(grouped, 'moscow').map((d) => d.id)).toEqual(['a']);
  });

  it('sorts by title, newest first, or kind', () => {
    expect(sortDocuments(documents, 'title').map((d) => d.id)).toEqual(['2', '3', '1']);
    expect(sortDocuments(documents, 'added').map((d) => d.id)).toEqual(['2', '1', '3']);
    expect(sortDocuments(documents, 'kind').map((d) => d.kind)).toEqual(['markdown', 'pdf', 'text']);
    expect(sortDocuments(documents, 'library')).toBe(documents);
  });
});
