import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../electron/api/annotation-schema';
import { ANNOTATION_FILE_SCHEMA_VERSION, documentFileName, NewerAnnotationFileError } from '../../../electron/library/annotation-file';
import { AnnotationStore } from '../../../electron/library/annotation-store';
import { edited, highlight, link, LONDON, note, passage, SOVIET } from '../../fixtures/annotations/factory';
import { tempDir } from '../../support/paths';

const fixedNow = () => new Date('2026-11-25T10:20:30.456Z');

async function openStore(dir: string, log: string[] = []) {
  return AnnotationStore.open(dir, { log: (m) => log.push(m) });
}

const documentFile = (dir: string, documentId: string) => join(dir, 'annotations', 'documents', documentFileName(documentId));
const notebookFile = (dir: string) => join(dir, 'annotations', 'notebook.json');
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as { schemaVersion: number; documentId: string | null; annotations: Annotation[] };
const ids = (list: Annotation[]) => list.map((a) => a.id).sort();

describe('AnnotationStore files', () => {
  it('keeps each document’s annotations in its own compact file, and notebook notes in notebook.json', async () => {
    const dir = await tempDir();
    const { store } = await openStore(dir);
    const a = highlight(passage(SOVIET, 0, 5));
    const b = highlight(passage(LONDON, 10, 20));
    const n = note('# A thought');
    await store.put(a);
    await store.put(b);
    await store.put(n);

    const soviet = await readJson(documentFile(dir, SOVIET));
    expect(soviet).toMatchObject({ schemaVersion: ANNOTATION_FILE_SCHEMA_VERSION, documentId: SOVIET, annotations: [a] });
    expect((await readJson(documentFile(dir, LONDON))).annotations).toEqual([b]);
    expect(await readJson(notebookFile(dir))).toMatchObject({ documentId: null, annotations: [n] });
    expect(await readFile(documentFile(dir, SOVIET), 'utf8')).not.toContain('\n');
  });

  it('rewrites only the file a change touches', async () => {
    const dir = await tempDir();
    const { store } = await openStore(dir);
    const a = highlight(passage(SOVIET, 0, 5));
    await store.put(a);
    await store.put(highlight(passage(LONDON, 10, 20)));
    await store.put(note('notebook'));
    // Every write renames a new file into place, so an untouched file keeps its inode.
    const before = await Promise.all([documentFile(dir, SOVIET), documentFile(dir, LONDON), notebookFile(dir)].map((p) => stat(p)));
    await store.put(edited(a, 30, { 'diptych:colour': 'blue' }));
    const after = await Promise.all([documentFile(dir, SOVIET), documentFile(dir, LONDON), notebookFile(dir)].map((p) => stat(p)));
    expect(after[0]!.ino).not.toBe(before[0]!.ino);
    expect(after[1]!.ino).toBe(before[1]!.ino);
    expect(after[2]!.ino).toBe(before[2]!.ino);
    expect(after[1]!.mtimeMs).toBe(before[1]!.mtimeMs);
  });

  it('stores a link spanning two documents once, in its first passage’s file, and lists it for both', async () => {
    const dir = await tempDir();
    const { store } = await openStore(dir);
    const l = link([passage(LONDON, 0, 4), passage(SOVIET, 8, 12)], 'same idea');
    await store.put(l);
    expect((await readJson(documentFile(dir, LONDON))).annotations).toEqual([l]);
    await expect(stat(documentFile(dir, SOVIET))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(store.touching(SOVIET)).toEqual([l]);
    expect(store.touching(LONDON)).toEqual([l]);
    const reopened = (await openStore(dir)).store;
    expect(reopened.touching(SOVIET)).toEqual([l]);
  });

  it('moves an annotation whose first passage changes document: the new file gains it and the old one loses it', async () => {
    const dir = await tempDir();
    const { store } = await openStore(dir);
    const l = link([passage(SOVIET, 0, 4), passage(LONDON, 8, 12)]);
    const stay = highlight(passage(SOVIET, 20, 30));
    await store.put(l);
    await store.put(stay);
    const swapped = edited(l, 40, { target: [passage(LONDON, 8, 12), passage(SOVIET, 0, 4)] });
    await store.put(swapped);
    expect((await readJson(documentFile(dir, LONDON))).annotations).toEqual([swapped]);
    expect((await readJson(documentFile(dir, SOVIET))).annotations).toEqual([stay]);
    expect(store.touching(SOVIET).map((a) => a.id).sort()).toEqual([l.id, stay.id].sort());
  });

  it('deletes an annotation from its file and its document index', async () => {
    const dir = await tempDir();
    const { store } = await openStore(dir);
    const a = highlight(passage(SOVIET, 0, 5));
    await store.put(a);
    expect(await store.delete(a.id)).toBe(true);
    expect(await store.delete(a.id)).toBe(false);
    expect((await readJson(documentFile(dir, SOVIET))).annotations).toEqual([]);
    expect(store.touching(SOVIET)).toEqual([]);
  });

  it('keeps every annotation across a reopen of the same folder', async () => {
    const dir = await tempDir();
    const { store } = await openStore(dir);
    const all = [highlight(passage(SOVIET, 0, 5)), note('n', [passage(LONDON, 1, 2)]), note('loose'), link([passage(SOVIET, 1, 2), passage(LONDON, 3, 4)])];
    await Promise.all(all.map((a) => store.put(a)));
    const { store: again, notices } = await openStore(dir);
    expect(notices).toEqual([]);
    expect(again.size).toBe(4);
    for (const a of all) expect(again.get(a.id)).toEqual(a);
  });

  it('ends with every one of many overlapping changes to one document on disk', async () => {
    const dir = await tempDir();
    const { store } = await openStore(dir);
    const many = Array.from({ length: 40 }, (_, i) => highlight(passage(SOVIET, i, i + 1)));
    await Promise.all(many.map((a) => store.put(a)));
    expect(ids((await readJson(documentFile(dir, SOVIET))).annotations)).toEqual(ids(many));
  });

  it('names files after plain ids and adds a hash to others, so ids differing only in case never share a file', () => {
    expect(documentFileName('soviet-overtures-1939')).toBe('soviet-overtures-1939.json');
    expect(documentFileName('Intro')).toMatch(/^intro-[0-9a-f]{12}\.json$/);
    expect(documentFileName('Intro')).not.toBe(documentFileName('INTRO'));
    expect(documentFileName('con')).toMatch(/^con-[0-9a-f]{12}\.json$/);
    expect(documentFileName('my.notes')).toMatch(/^my-notes-[0-9a-f]{12}\.json$/);
  });
});

describe('AnnotationStore at startup', () => {
  it('moves a file that is not JSON aside, keeps its bytes, reports it, and still loads the other files', async () => {
    const dir = await tempDir();
    const { store } = await openStore(dir);
    const good = highlight(passage(LONDON, 0, 5));
    await store.put(good);
    const broken = documentFile(dir, SOVIET);
    await writeFile(broken, '{"schemaVersion":1,"annotations":[{"id":');
    const { store: again, notices } = await AnnotationStore.open(dir, { now: fixedNow, log: () => {} });
    const aside = `${broken}.corrupt-2026-11-25T10-20-30-456Z`;
    expect(await readFile(aside, 'utf8')).toBe('{"schemaVersion":1,"annotations":[{"id":');
    await expect(stat(broken)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain(broken);
    expect(notices[0]!.message).toContain(aside);
    expect(notices[0]!.message).toContain('not valid JSON');
    expect(again.all()).toEqual([good]);
  });

  it('moves aside a file of the wrong shape', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'annotations', 'documents'), { recursive: true });
    await writeFile(documentFile(dir, SOVIET), JSON.stringify({ schemaVersion: 1, documentId: SOVIET, annotations: 'oops' }));
    const { notices } = await AnnotationStore.open(dir, { now: fixedNow });
    expect(notices[0]!.message).toMatch(/wrong shape/);
    expect(await readdir(join(dir, 'annotations', 'documents'))).toEqual([`${documentFileName(SOVIET)}.corrupt-2026-11-25T10-20-30-456Z`]);
  });

  it('keeps the readable annotations of a file with one invalid annotation, and a copy of the file as it was', async () => {
    const dir = await tempDir();
    const good = highlight(passage(SOVIET, 0, 5));
    const bad = { ...highlight(passage(SOVIET, 6, 9)), motivation: 'shouting' };
    await mkdir(join(dir, 'annotations', 'documents'), { recursive: true });
    const original = JSON.stringify({ schemaVersion: 1, documentId: SOVIET, savedAt: '', annotations: [good, bad] });
    await writeFile(documentFile(dir, SOVIET), original);
    const { store, notices } = await AnnotationStore.open(dir, { now: fixedNow, log: () => {} });
    expect(store.all()).toEqual([good]);
    expect(notices[0]!.message).toMatch(/^1 of 2 annotations in .* could not be read \(motivation: .*\) and are not shown/);
    expect(await readFile(`${documentFile(dir, SOVIET)}.corrupt-2026-11-25T10-20-30-456Z`, 'utf8')).toBe(original);
    expect((await readJson(documentFile(dir, SOVIET))).annotations).toEqual([good]);
  });

  it('reads a hand-made file that has only a version and annotations', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'annotations', 'documents'), { recursive: true });
    const a = highlight(passage(SOVIET, 0, 5));
    await writeFile(documentFile(dir, SOVIET), JSON.stringify({ schemaVersion: 1, annotations: [a] }));
    const { store, notices } = await openStore(dir);
    expect(notices).toEqual([]);
    expect(store.all()).toEqual([a]);
  });

  it('keeps the newest copy of an annotation found in two files, logs it, and repairs the files', async () => {
    const dir = await tempDir();
    const { store } = await openStore(dir);
    const older = link([passage(SOVIET, 0, 4), passage(LONDON, 5, 9)]);
    await store.put(older);
    // A move cut short: the new home was written, the old file still has the older copy.
    const newer = edited(older, 50, { target: [passage(LONDON, 5, 9), passage(SOVIET, 0, 4)] });
    await writeFile(documentFile(dir, LONDON), JSON.stringify({ schemaVersion: 1, documentId: LONDON, savedAt: fixedNow().toISOString(), annotations: [newer] }));
    const log: string[] = [];
    const { store: again } = await openStore(dir, log);
    expect(again.get(older.id)).toEqual(newer);
    expect(log.some((m) => m.includes(older.id) && m.includes('found in both'))).toBe(true);
    expect((await readJson(documentFile(dir, SOVIET))).annotations).toEqual([]);
    expect((await readJson(documentFile(dir, LONDON))).annotations).toEqual([newer]);
  });

  it('on equal modification times keeps the copy from the file saved last', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'annotations', 'documents'), { recursive: true });
    const first = link([passage(SOVIET, 0, 4), passage(LONDON, 5, 9)]);
    const moved = { ...first, target: [passage(LONDON, 5, 9), passage(SOVIET, 0, 4)] };
    await writeFile(documentFile(dir, SOVIET), JSON.stringify({ schemaVersion: 1, documentId: SOVIET, savedAt: '2026-11-25T10:00:00.000Z', annotations: [first] }));
    await writeFile(documentFile(dir, LONDON), JSON.stringify({ schemaVersion: 1, documentId: LONDON, savedAt: '2026-11-25T10:00:01.000Z', annotations: [moved] }));
    const { store } = await openStore(dir);
    expect(store.get(first.id)).toEqual(moved);
  });

  it('puts an annotation found in the wrong file into its home file', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'annotations', 'documents'), { recursive: true });
    const stray = highlight(passage(LONDON, 0, 4));
    await writeFile(documentFile(dir, SOVIET), JSON.stringify({ schemaVersion: 1, documentId: SOVIET, savedAt: '', annotations: [stray] }));
    const { store } = await openStore(dir);
    expect(store.touching(LONDON)).toEqual([stray]);
    expect((await readJson(documentFile(dir, LONDON))).annotations).toEqual([stray]);
    expect((await readJson(documentFile(dir, SOVIET))).annotations).toEqual([]);
  });

  it('refuses a file written by a newer Diptych and leaves it untouched', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'annotations', 'documents'), { recursive: true });
    const newer = JSON.stringify({ schemaVersion: 99, documentId: SOVIET, savedAt: '', annotations: [] });
    await writeFile(documentFile(dir, SOVIET), newer);
    await expect(openStore(dir)).rejects.toBeInstanceOf(NewerAnnotationFileError);
    await expect(openStore(dir)).rejects.toThrow(/annotation file schema 99; this version reads up to 1/);
    expect(await readFile(documentFile(dir, SOVIET), 'utf8')).toBe(newer);
  });

  it('ignores temp files left by a crash during a write', async () => {
    const dir = await tempDir();
    const { store } = await openStore(dir);
    await store.put(highlight(passage(SOVIET, 0, 5)));
    await writeFile(join(dir, 'annotations', 'documents', `.${documentFileName(SOVIET)}.123.tmp`), '{"half');
    const { store: again, notices } = await openStore(dir);
    expect(notices).toEqual([]);
    expect(again.size).toBe(1);
  });
});
